"""Time and peak memory of `extract run` on hostile and broken inputs (issue 9).

    python bench/hostile.py [--cases docx_bomb,html_30mb,...] [--jobs 1]

Builds each case of issue 9 in a folder of its own beside one good press
release, runs the installed `extract run CASE --out OUT --quiet` on it as a
user would (a fresh process, model loading included), and prints, per case,
the wall time, the peak resident memory of the largest process of the run
(parent or worker), the bad file's row and whether the good release got its
full rows. The first line is a baseline: the good release alone, measured in
the same session, so each case reads as a ratio to it.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
GOOD = (ROOT / "corpus" / "texts" / "004_6d5b41267b244a94.txt").read_text(encoding="utf-8")
PARAGRAPH = (
    "L'université et le CNRS renforcent leur coopération de recherche sur les matériaux, "
    "annonce le communiqué n°{i}, qui détaille les moyens engagés pour les laboratoires communs."
)


def docx_bomb(path: Path, inflated_mb: int = 1536) -> None:
    """About 6 MB of DOCX whose document.xml inflates to ``inflated_mb`` MB (written as a stream)."""
    sys.path.insert(0, str(ROOT / "tests"))
    from files import docx_bytes

    src = zipfile.ZipFile(io.BytesIO(docx_bytes(["Préambule."])))
    block = "<w:p><w:r><w:t>L'université signe une convention de partenariat.</w:t></w:r></w:p>" * 10_000
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as dst:
        for info in src.infolist():
            data = src.read(info)
            if info.filename != "word/document.xml":
                dst.writestr(info, data)
                continue
            xml = data.decode("utf-8")
            cut = xml.index("</w:body>")
            with dst.open(info.filename, "w", force_zip64=True) as member:
                member.write(xml[:cut].encode())
                for _ in range(inflated_mb * 1024 * 1024 // len(block)):
                    member.write(block.encode())
                member.write(xml[cut:].encode())


def html_page(path: Path, mb: int = 30) -> None:
    with open(path, "w", encoding="utf-8") as f:
        f.write("<html><body><article>")
        i = 0
        while f.tell() < mb * 1024 * 1024:
            f.write("<p>" + PARAGRAPH.format(i=i) + "</p>\n")
            i += 1
        f.write("</article></body></html>")


def one_line(path: Path, mb: int = 20) -> None:
    with open(path, "w", encoding="utf-8") as f:
        i = 0
        while f.tell() < mb * 1024 * 1024:
            f.write(PARAGRAPH.format(i=i) + " ")
            i += 1


def inflating_pdf(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "tests"))
    from files import pdf_inflating

    path.write_bytes(pdf_inflating(2, 5))


def odd_name(folder: Path) -> Path:
    p = folder / os.fsdecode(b"m_\xff\xfe.txt")
    p.write_text(GOOD, encoding="utf-8")
    return p


def self_link(folder: Path) -> Path:
    os.symlink("self.txt", folder / "self.txt")
    os.symlink("b.txt", folder / "a.txt")
    os.symlink("a.txt", folder / "b.txt")
    return folder / "self.txt"


def fifo(folder: Path) -> Path:
    os.mkfifo(folder / "pipe.txt")
    return folder / "pipe.txt"


def formula_name(folder: Path) -> Path:
    p = folder / "=cmd|' -C calc'!A0.txt"
    p.write_text('=HYPERLINK("http://x", "Lire le communiqué")\n\n' + GOOD, encoding="utf-8")
    return p


CASES = {
    "docx_bomb": lambda d: docx_bomb(d / "bomb.docx"),
    "html_30mb": lambda d: html_page(d / "page.html"),
    "txt_20mb_one_line": lambda d: one_line(d / "oneline.txt"),
    "pdf_inflating": lambda d: inflating_pdf(d / "inflating.pdf"),
    "non_utf8_name": odd_name,
    "symlink_loops": self_link,
    "fifo": fifo,
    "formula_name": formula_name,
}


def measure(folder: Path, jobs: int) -> dict:
    """Wall time and peak RSS of `extract run` in a process of its own (through a wrapper,
    so that the peak of its children is its alone)."""
    out = Path(tempfile.mkdtemp(prefix="hostile-out-"))
    exe = Path(sys.executable).with_name("extract")
    cmd = [str(exe), "run", str(folder), "--out", str(out), "--quiet", "--jobs", str(jobs)]
    wrapper = (
        "import json, resource, subprocess, sys, time; t = time.perf_counter(); "
        "code = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE).returncode; "
        "print(json.dumps({'seconds': time.perf_counter() - t, 'exit': code, "
        "'peak_mb': resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True, timeout=3600
    )
    result = json.loads(done.stdout.strip().splitlines()[-1])
    with open(out / "documents.csv", encoding="utf-8", newline="") as f:
        result["rows"] = [(r["doc_id"], r["status"], r["error"]) for r in csv.DictReader(f)]
    shutil.rmtree(out)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--cases", default=",".join(CASES))
    parser.add_argument("--jobs", type=int, default=1)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="hostile-"))
    try:
        base = work / "baseline"
        base.mkdir()
        (base / "good.txt").write_text(GOOD, encoding="utf-8")
        baseline = measure(base, args.jobs)
        print(f"{'case':20}{'seconds':>9}{'× base':>8}{'peak MB':>9}{'exit':>5}  rows")
        print(
            f"{'good release alone':20}{baseline['seconds']:9.1f}{1:8.2f}{baseline['peak_mb']:9.0f}"
            f"{baseline['exit']:5}  {baseline['rows']}"
        )
        for name in args.cases.split(","):
            folder = work / name
            folder.mkdir()
            (folder / "good.txt").write_text(GOOD, encoding="utf-8")
            CASES[name](folder)
            r = measure(folder, args.jobs)
            good_ok = ("good", "ok", "") in r["rows"]
            bad = [row for row in r["rows"] if row[0] != "good"]
            print(
                f"{name:20}{r['seconds']:9.1f}{r['seconds'] / baseline['seconds']:8.2f}{r['peak_mb']:9.0f}"
                f"{r['exit']:5}  good release {'ok' if good_ok else 'MISSING'}; {bad}",
                flush=True,
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
