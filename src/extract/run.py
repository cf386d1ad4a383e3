"""``extract run``: a batch of files → the tables of SPEC §1.

Files are found and sorted by ``doc_id``, read and decoded in small chunks,
analysed with one pipeline per process (``nlp.pipe``, batched), turned into
rows and streamed into the output tables, so memory does not grow with the
number of documents. With ``jobs > 1`` chunks go to worker processes that
inherit the loaded pipeline; results come back in order, so the tables are
byte-identical whatever the number of jobs.
"""
from __future__ import annotations

import itertools
import logging
import multiprocessing as mp
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.language import Language

from .dates import PART_ANCHOR
from .documents import Document, Source, discover, language_identifier, language_problem, read_document
from .layout import parts_of
from .metadata import Manifest
from .normalise import CleanText, clean_text
from .pipeline import build_nlp, make_doc
from .tables import DocRows, TableWriter, document_rows, failed_rows

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
        docs = [make_doc(nlp, cleaned[id(d)].text, d.metadata) for d in short]
        for d, doc in zip(short, nlp.pipe(docs, batch_size=32)):
            results[id(d)] = document_rows(d, doc, cleaned[id(d)])
    except Exception:  # noqa: BLE001 - isolate the document that breaks the batch
        log.info("a batch failed; its documents are analysed one by one")
    for d in ready:   # long texts, and what a failed batch left: one by one
        if id(d) in results:
            continue
        try:
            results[id(d)] = analyse_long(nlp, d, cleaned[id(d)])
        except Exception as err:  # noqa: BLE001
            log.exception("analysis failed for %s", d.doc_id)
            d.status, d.error = "error", f"analysis failed: {type(err).__name__}: {err}"[:300]
    out = []
    for d in documents:
        if save_text_dir is not None and d.text:
            target = save_text_dir / f"{d.doc_id}.txt"
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(d.text, encoding="utf-8", newline="")
        out.append(results.get(id(d)) or failed_rows(d))
    return out


def analyse_long(nlp: Language, document: Document, clean: CleanText) -> DocRows:
    """One document, in parts of at most :data:`PART_CHARS` characters cut at
    paragraph breaks, so memory stays bounded whatever its size. The first
    part's publication date (or the manifest's) anchors the relative dates of
    the later parts; organisations are merged across parts by ``org_id``."""
    bounds = parts_of(clean.text, PART_CHARS)
    s, e = bounds[0]
    first = nlp(make_doc(nlp, clean.text[s:e], document.metadata))
    anchor = first._.anchor
    later_meta = {**document.metadata, PART_ANCHOR: anchor.isoformat() if anchor else ""}
    later = nlp.pipe((make_doc(nlp, clean.text[s:e], later_meta) for s, e in bounds[1:]), batch_size=2)
    return document_rows(document, itertools.chain([(first, 0)], zip(later, (s for s, _ in bounds[1:]))), clean)


def analyse_file(path: str | Path, *, patterns_dir: str | Path | None = None, nlp: Language | None = None) -> DocRows:
    """The rows of one file given directly (its ``doc_id`` is its name without extension)."""
    p = Path(path)
    source = Source(p, str(path), p.with_suffix("").name if p.suffix else p.name)
    model = nlp or build_nlp(str(patterns_dir) if patterns_dir else None)
    return analyse(model, [read_document(source)])[0]


# -- worker processes ----------------------------------------------------------------
_WORKER: dict = {}


def _init_worker(patterns_dir: str | None, save_text_dir: str | None) -> None:
    if "nlp" not in _WORKER:
        _WORKER["nlp"] = build_nlp(patterns_dir)
    _WORKER["save_text_dir"] = Path(save_text_dir) if save_text_dir else None


def _work(chunk: list[tuple[Source, dict[str, str]]]) -> list[DocRows]:
    documents = [_read(source, meta) for source, meta in chunk]
    return analyse(_WORKER["nlp"], documents, _WORKER["save_text_dir"])


def _read(source: Source, meta: dict[str, str]) -> Document:
    doc = read_document(source)
    doc.metadata = dict(meta)
    return doc


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def run(inputs: Iterable[str | Path], out_dir: str | Path, *, patterns_dir: str | Path | None = None,
        jobs: int = 1, include: set[str] | None = None, metadata: str | Path | None = None,
        save_text: bool = False, strict: bool = False,
        progress: Callable[[int, int], None] | None = None, nlp: Language | None = None) -> RunSummary:
    """Analyse every file under ``inputs`` and write the five tables into ``out_dir``.

    ``progress(done, total)`` is called after each chunk. A ``strict`` run stops
    at the first failed document with :class:`StrictFailure`, leaving the
    previous tables in place."""
    out = Path(out_dir)
    sources = sorted(discover(list(inputs), include), key=lambda s: (s.doc_id, s.path))
    manifest = Manifest.load(metadata) if metadata else Manifest.empty()
    work = [(s, manifest.fields_for(s)) for s in sources]
    save_dir = out / "texts" if save_text else None
    summary = RunSummary(out)
    writer = TableWriter(out, manifest.extra_columns)
    pdir = str(patterns_dir) if patterns_dir else None
    try:
        if jobs <= 1 or len(work) <= CHUNK:
            model = nlp or build_nlp(pdir)
            results = (analyse(model, [_read(s, m) for s, m in chunk], save_dir) for chunk in _chunks(work, CHUNK))
            _consume(results, writer, summary, strict, progress, len(work))
        else:
            ctx = mp.get_context("fork") if sys.platform.startswith("linux") else mp.get_context("spawn")
            if ctx.get_start_method() == "fork":
                _WORKER["nlp"] = nlp or build_nlp(pdir)   # inherited by the workers: loaded once
                language_identifier()
            with ctx.Pool(jobs, initializer=_init_worker, initargs=(pdir, str(save_dir) if save_dir else None)) as pool:
                results = pool.imap(_work, list(_chunks(work, CHUNK)))
                _consume(results, writer, summary, strict, progress, len(work))
        writer.commit()
    except BaseException:
        writer.abort()
        raise
    return summary


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
            writer.write(rows)
        if progress is not None:
            progress(summary.n_documents, total)
