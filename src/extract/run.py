"""``extract run``: a batch of files → the tables of SPEC §1.

Files are found and sorted by ``doc_id`` (:mod:`sources`), then read, decoded
and analysed in chunks of :data:`CHUNK` documents by worker processes that
inherit the loaded pipeline (``nlp.pipe``, batched), each document within the
bounds of :class:`limits.Limits` (:mod:`workers`). Rows come back in order and
are streamed into the output tables (:mod:`tablestore`), so memory does not
grow with the number of documents and the tables are byte-identical whatever
the number of jobs.
"""
from __future__ import annotations

import functools
import itertools
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .dates import PART_ANCHOR, SOURCE_DATE
from .documents import Document, decode_document, language_identifier, language_problem, read_document
from .layout import parts_of
from .limits import DEFAULT_LIMITS, Limits
from .metadata import Manifest
from .normalise import CleanText, clean_text
from .pipeline import build_nlp, make_doc
from .sources import discover
from .tables import DocRows, document_rows, failed_rows, table_columns
from .tablestore import TableWriter
from .workers import Supervisor, fork_available

log = logging.getLogger(__name__)

CHUNK = 16
PART_CHARS = 100_000   # longer texts are analysed in parts (spaCy's memory grows with the Doc)


class StrictFailure(RuntimeError):
    """Raised by a ``strict`` run at its first failed document."""


@dataclass
class RunSummary:
    out_dir: Path
    n_documents: int = 0
    n_ok: int = 0
    n_empty: int = 0
    n_error: int = 0
    failures: list[tuple[str, str]] = field(default_factory=list)

    @property
    def exit_code(self) -> int:
        """0 when every document was read (empty ones included), 1 when any failed."""
        return 1 if self.n_error else 0


def analyse(nlp: Language, documents: list[Document], save_text_dir: Path | None = None) -> list[DocRows]:
    """Rows of every table for a batch of read documents (failed ones get their error row).

    The batch goes through ``nlp.pipe``; should the pipeline fail on one
    document, the batch is redone one by one and only that document gets an
    ``error`` row. A text longer than :data:`PART_CHARS` is analysed in
    paragraph-aligned parts (see :func:`analyse_long`)."""
    ready = [d for d in documents if d.status == "ok"]
    for d in ready:
        reason = language_problem(d.text)
        if reason:
            d.status, d.error = "error", reason
    ready = [d for d in ready if d.status == "ok"]
    cleaned = {id(d): clean_text(d.text) for d in ready}
    short = [d for d in ready if len(cleaned[id(d)].text) <= PART_CHARS]
    results: dict[int, DocRows] = {}
    try:
        docs = [make_doc(nlp, cleaned[id(d)].text, pipeline_meta(d)) for d in short]
        for d, doc in zip(short, nlp.pipe(docs, batch_size=32), strict=True):
            results[id(d)] = document_rows(d, doc, cleaned[id(d)])
    except (ImportError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - isolate the document that breaks the batch
        log.info("a batch failed; its documents are analysed one by one")
    for d in ready:   # long texts, and what a failed batch left: one by one
        if id(d) in results:
            continue
        try:
            results[id(d)] = analyse_long(nlp, d, cleaned[id(d)])
        except (ImportError, MemoryError):
            raise
        except Exception as err:  # noqa: BLE001
            log.exception("analysis failed for %s", d.doc_id)
            d.status, d.error = "error", f"analysis failed: {type(err).__name__}: {err}"[:300]
    out = []
    for d in documents:
        if save_text_dir is not None and d.text:
            save_text(save_text_dir, d)
        out.append(results.get(id(d)) or failed_rows(d))
    return out


def pipeline_meta(document: Document) -> dict[str, str]:
    """What the pipeline knows of a document besides its text: the manifest's fields
    and the publication date its file declares."""
    return {**document.metadata, SOURCE_DATE: document.source_date} if document.source_date else document.metadata


def save_text(folder: Path, document: Document) -> None:
    """Write the decoded text as ``folder/<doc_id>.txt``: never outside ``folder``,
    never through a link planted there, never over another document's text."""
    target = folder / f"{document.doc_id}.txt"
    base = os.path.realpath(folder)
    if os.path.commonpath([base, os.path.realpath(target.parent)]) != base:
        log.warning("%s: decoded text not saved (its doc_id leads outside %s)", document.path, folder)
        return
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_symlink():
        target.unlink()           # replaced, never written through
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o666)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(document.text)


def analyse_long(nlp: Language, document: Document, clean: CleanText) -> DocRows:
    """One document, in parts of at most :data:`PART_CHARS` characters cut at
    paragraph breaks, so memory stays bounded whatever its size. The first
    part's publication date (or the manifest's) anchors the relative dates of
    the later parts; organisations are merged across parts by ``org_id``."""
    bounds = parts_of(clean.text, PART_CHARS)
    s, e = bounds[0]
    first = nlp(make_doc(nlp, clean.text[s:e], pipeline_meta(document)))
    anchor = first._.anchor
    later_meta = {**document.metadata, PART_ANCHOR: anchor.isoformat() if anchor else ""}
    later = nlp.pipe((make_doc(nlp, clean.text[s:e], later_meta) for s, e in bounds[1:]), batch_size=2)
    shifts = (s for s, _ in bounds[1:])
    return document_rows(document, itertools.chain([(first, 0)], zip(later, shifts, strict=True)), clean)


def analyse_file(path: str | Path, *, patterns_dir: str | Path | None = None, nlp: Language | None = None) -> DocRows:
    """The rows of one file given directly (its ``doc_id`` is its name without extension)."""
    source = discover([path])[0]
    model = nlp or build_nlp(str(patterns_dir) if patterns_dir else None)
    return analyse(model, [read_document(source)])[0]


def _read(item: tuple, limits: Limits) -> Document:
    """``(source, meta)``: read from disk here; ``(source, meta, raw)``: bytes shipped from the client."""
    source, meta, *shipped = item
    doc = decode_document(source, shipped[0], limits) if shipped else read_document(source, limits)
    doc.metadata = dict(meta)
    return doc


def process_chunk(nlp: Language, save_dir: Path | None, limits: Limits, chunk: list[tuple],
             keep_text: bool = False) -> list[DocRows]:
    """Read and analyse one chunk (in a worker process: forked here, a Dask worker, a server worker)."""
    documents = [_read(item, limits) for item in chunk]
    rows = analyse(nlp, documents, save_dir)
    if keep_text:
        for d, r in zip(documents, rows, strict=True):
            r.text = d.text or None
    return rows


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


@dataclass(frozen=True)
class RunOptions:
    """How a run reads its inputs and writes its tables (the options of ``extract run``)."""

    patterns_dir: str | Path | None = None
    jobs: int = 1
    include: set[str] | None = None
    metadata: str | Path | None = None
    save_text: bool = False
    strict: bool = False
    raw_csv: bool = False
    limits: Limits = DEFAULT_LIMITS
    dask: str | None = None          # a scheduler address, or "local" (see :mod:`cluster`)


def run(inputs: Iterable[str | Path], out_dir: str | Path, options: RunOptions | None = None, *,
        progress: Callable[[int, int], None] | None = None, nlp: Language | None = None,
        **option_fields) -> RunSummary:
    """Analyse every file under ``inputs`` and write the five tables into ``out_dir``.

    Options come as a :class:`RunOptions` or as its fields by keyword.
    ``progress(done, total)`` is called after each chunk. A ``strict`` run stops
    at the first failed document with :class:`StrictFailure`. Whatever stops a
    run, the previous tables stay as they were (see :mod:`tablestore`)."""
    opts = options or RunOptions(**option_fields)
    out = Path(out_dir)
    sources = sorted(discover(list(inputs), opts.include, exclude=[out]), key=lambda s: (s.doc_id, s.path))
    manifest = Manifest.load(metadata_path) if (metadata_path := opts.metadata) else Manifest.empty()
    manifest_file = os.path.realpath(metadata_path) if metadata_path else None
    work = [(s, manifest.fields_for(s)) for s in sources if os.path.realpath(s.file) != manifest_file]
    save_dir = out / "texts" if opts.save_text else None
    summary = RunSummary(out)
    writer = TableWriter(out, table_columns(manifest.extra_columns), raw=opts.raw_csv)
    chunks = list(_chunks(work, CHUNK))
    results = _on_dask(opts, chunks, save_dir) if opts.dask else _here(nlp, opts, chunks, save_dir, progress)
    try:
        _consume(results, writer, summary, opts.strict, progress, len(work))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    finally:
        results.close()        # workers, cluster and client go at once, also after a --strict stop
    return summary


def _here(nlp: Language | None, opts: RunOptions, chunks: list, save_dir: Path | None,
          progress: Callable[[int, int], None] | None) -> Iterator[list[DocRows]]:
    """The rows of each chunk, analysed by worker processes forked from this one, which loads the pipeline."""
    model = nlp or build_nlp(str(opts.patterns_dir) if opts.patterns_dir else None)
    language_identifier()          # loaded once, before the workers are forked
    if progress is not None:
        progress(0, sum(len(c) for c in chunks))
    process = functools.partial(process_chunk, model, save_dir, opts.limits)
    with Supervisor(process, opts.jobs, opts.limits) as supervisor:
        yield from (supervisor.map(chunks) if fork_available() else map(process, chunks))


def _on_dask(opts: RunOptions, chunks: list, save_dir: Path | None) -> Iterator[list[DocRows]]:
    from .cluster import dask_results

    return dask_results(opts.dask, chunks, jobs=opts.jobs, limits=opts.limits, save_dir=save_dir,
                        patterns_dir=str(opts.patterns_dir) if opts.patterns_dir else None)


def _consume(results: Iterable[list[DocRows]], writer: TableWriter, summary: RunSummary, strict: bool,
             progress: Callable[[int, int], None] | None, total: int) -> None:
    for batch in results:
        for rows in batch:
            summary.n_documents += 1
            status = rows.status
            if status == "ok":
                summary.n_ok += 1
            elif status == "empty":
                summary.n_empty += 1
            else:
                summary.n_error += 1
                error = rows.tables["documents"][0]["error"]
                summary.failures.append((rows.doc_id, error))
                if strict:
                    raise StrictFailure(f"{rows.doc_id}: {error}")
            writer.write(rows.tables)
        if progress is not None:
            progress(summary.n_documents, total)
