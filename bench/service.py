"""Latency and throughput of `extract serve` against `extract run` on the same texts.

    python bench/service.py [--rounds 5]

Starts the real service (`extract serve`) on a free local port with 1 and then
2 workers, and sends it the texts of corpus/ (the seed documents and every
group) as `POST /extract` requests over HTTP:

- latency: one client, each text ROUNDS times, after one warm-up pass; median
  and 95th percentile, for all texts and for the seeds alone;
- throughput: as many clients as workers, all texts ROUNDS times.

The same texts then go through `extract.run.run` in one process (pipeline
loaded beforehand, as the service has it), which gives the baseline of
documents per second measured in the same session. A 300-word release is the
target of issue 10 (under 0.2 s median once warm).
"""

from __future__ import annotations

import argparse
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]


def texts() -> dict[str, str]:
    files = sorted(p for p in (ROOT / "corpus" / "texts").rglob("*.*") if p.suffix in (".txt", ".md"))
    return {
        p.relative_to(ROOT / "corpus" / "texts").with_suffix("").as_posix(): p.read_text(encoding="utf-8")
        for p in files
    }


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(workers: int) -> tuple[subprocess.Popen, str]:
    port = free_port()
    exe = Path(sys.executable).with_name("extract")
    proc = subprocess.Popen(
        [str(exe), "serve", "--port", str(port), "--workers", str(workers)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    for _ in range(240):
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                return proc, base
        except httpx.TransportError:
            time.sleep(0.5)
    proc.kill()
    raise SystemExit("the service did not start")


def latency(base: str, docs: dict[str, str], rounds: int) -> dict[str, list[float]]:
    with httpx.Client(timeout=120) as client:
        for text in docs.values():  # warm-up
            client.post(base + "/extract", json={"text": text})
        times: dict[str, list[float]] = {name: [] for name in docs}
        for _ in range(rounds):
            for name, text in docs.items():
                t = time.perf_counter()
                answer = client.post(base + "/extract", json={"text": text, "doc_id": name})
                times[name].append(time.perf_counter() - t)
                assert answer.status_code == 200, answer.text
    return times


def throughput(base: str, docs: dict[str, str], rounds: int, clients: int) -> float:
    jobs = [text for _ in range(rounds) for text in docs.values()]

    def send(text: str) -> None:
        answer = httpx.post(base + "/extract", json={"text": text}, timeout=120)
        assert answer.status_code == 200, answer.text

    t = time.perf_counter()
    with ThreadPoolExecutor(clients) as pool:
        list(pool.map(send, jobs))
    return len(jobs) / (time.perf_counter() - t)


def batch_baseline(docs: dict[str, str], rounds: int) -> float:
    sys.path.insert(0, str(ROOT / "src"))
    from extract.pipeline import build_nlp
    from extract.run import run

    folder = Path(tempfile.mkdtemp(prefix="bench-service-"))
    for r in range(rounds):
        for name, text in docs.items():
            target = folder / f"r{r}" / f"{name}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(text, encoding="utf-8")
    nlp = build_nlp()
    t = time.perf_counter()
    summary = run([folder], folder / "out", nlp=nlp)
    seconds = time.perf_counter() - t
    shutil.rmtree(folder)
    return summary.n_documents / seconds


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[18] if len(values) >= 20 else max(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    docs = texts()
    words = {name: len(text.split()) for name, text in docs.items()}
    seeds = [name for name in docs if "/" not in name]
    print(
        f"{len(docs)} texts of corpus/ ({min(words.values())}-{max(words.values())} words, "
        f"median {statistics.median(words.values()):.0f}), {args.rounds} rounds"
    )
    for workers in (1, 2):
        proc, base = start(workers)
        try:
            times = latency(base, docs, args.rounds)
            every = [t for ts in times.values() for t in ts]
            seed_times = [t for name in seeds for t in times[name]]
            near_300 = [t for name in docs if 250 <= words[name] <= 350 for t in times[name]]
            rate = throughput(base, docs, args.rounds, clients=workers)
        finally:
            proc.terminate()
            proc.wait(timeout=30)
        print(
            f"serve --workers {workers}: latency median {statistics.median(every) * 1000:.0f} ms, "
            f"p95 {p95(every) * 1000:.0f} ms (seeds: median {statistics.median(seed_times) * 1000:.0f} ms, "
            f"p95 {p95(seed_times) * 1000:.0f} ms; 250-350 words: median "
            f"{statistics.median(near_300) * 1000:.0f} ms); throughput with {workers} client(s) {rate:.1f} docs/s"
        )
    print(f"extract run in one process (--jobs 1), same texts: {batch_baseline(docs, args.rounds):.1f} docs/s")


if __name__ == "__main__":
    main()
