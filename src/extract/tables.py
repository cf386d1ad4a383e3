"""Doc → rows with the fixed columns of SPEC §1 (written by :mod:`tablestore`).

Offsets in the rows refer to the decoded text of the document: the NLP
pipeline works on a cleaned copy (apostrophes, spaces, CRLF, soft hyphens:
see :func:`normalise.clean_text`) and every span is mapped back here, and its
text is cut from the decoded text, so a reviewer finds it where the table says.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable

from spacy.tokens import Doc

from .columns import DOCUMENT_COLUMNS, TABLES
from .documents import Document, title_of
from .docview import sentence_of, sentences, text_of
from .metadata import column_name
from .normalise import CleanText, strip_span


@dataclass
class DocRows:
    """The rows of every table for one document."""

    doc_id: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=lambda: {name: [] for name in TABLES})
    text: str | None = None      # the decoded text, carried back only when a remote worker analysed it

    @property
    def status(self) -> str:
        return self.tables["documents"][0]["status"]


def failed_rows(document: Document) -> DocRows:
    """The single ``documents.csv`` row of a document that gave no text."""
    rows = DocRows(document.doc_id)
    rows.tables["documents"].append(_document_row(document, None, {}))
    return rows


@dataclass
class _Part:
    """One analysed Doc and where its text starts in the cleaned text of the document."""

    doc: Doc
    shift: int
    clean: CleanText
    original: str

    def orig(self, start: int, end: int) -> tuple[int, int, str]:
        """Offsets in the decoded text, and the text there."""
        s, e = self.clean.to_original(start + self.shift, end + self.shift)
        return s, e, self.original[s:e]

    def sentence_text(self, start: int, end: int) -> str:
        span = self.doc.char_span(start, end, alignment_mode="expand")
        if span is None:
            return ""
        sent = sentence_of(self.doc, span.start)
        return self.orig(*strip_span(text_of(self.doc), sent.start_char, sent.end_char))[2]


@dataclass
class _Collector:
    """Rows gathered part by part; organisations merged by ``org_id``, ids numbered at the end."""

    doc_id: str
    orgs: dict[str, dict[str, Any]] = field(default_factory=dict)
    dates: list[dict[str, Any]] = field(default_factory=list)
    partnerships: list[dict[str, Any]] = field(default_factory=list)
    goals: list[dict[str, Any]] = field(default_factory=list)
    n_sentences: int = 0

    def add(self, part: _Part) -> None:
        doc = part.doc
        self.n_sentences += sum(1 for sent in sentences(doc) if not all(t.is_space for t in sent))
        for org in doc._.organisations or []:
            self._organisation(part, org)
        for d in doc._.dates or []:
            s, e, text = part.orig(d.start, d.end)
            self.dates.append({
                "doc_id": self.doc_id, "text": text, "start": s, "end": e, "kind": d.timex.kind, "value": d.value,
                "sentence": part.sentence_text(d.start, d.end),
            })
        for p in doc._.partnerships or []:
            self.partnerships.append(self._partnership(part, p))
        for g in doc._.goals or []:
            s, e, text = part.orig(g.start, g.end)
            self.goals.append({
                "doc_id": self.doc_id, "actor": g.actor.name if g.actor else "",
                "actor_id": g.actor.org_id if g.actor else "", "text": text, "trigger": g.trigger, "theme": g.theme,
                "horizon": g.horizon, "evidence": part.orig(*strip_span(text_of(doc), g.sent_start, g.sent_end))[2],
                "start": s, "end": e,
            })

    def _organisation(self, part: _Part, org) -> None:
        row = self.orgs.setdefault(org.org_id, {
            "doc_id": self.doc_id, "org_id": org.org_id, "name": org.name, "acronym": org.acronym, "kind": org.kind,
            "n_mentions": 0, "forms": [], "start": None, "end": None, "ror": org.ror, "wikidata": org.wikidata,
        })
        first = min(org.mentions, key=lambda m: m.start)
        if row["start"] is None:
            row["start"], row["end"], _ = part.orig(first.start, first.end)
        row["n_mentions"] += len(org.mentions)
        for m in sorted(org.mentions, key=lambda m: m.start):
            form = part.orig(m.start, m.end)[2]
            if form not in row["forms"]:
                row["forms"].append(form)

    def _partnership(self, part: _Part, p) -> dict[str, Any]:
        s, e, evidence = part.orig(p.start, p.end)
        parties = sorted(p.parties, key=lambda o: (o.name.casefold(), o.org_id))
        return {
            "doc_id": self.doc_id, "parties": "|".join(o.name for o in parties),
            "party_ids": "|".join(o.org_id for o in parties), "kind": p.kind, "status": p.status, "date": p.date,
            "name": p.name, "topics": "|".join(p.topics), "evidence": evidence, "start": s, "end": e,
        }

    def into(self, rows: DocRows) -> None:
        for row in self.orgs.values():
            row["mentions"] = "|".join(row.pop("forms"))
            rows.tables["organisations"].append(row)
        rows.tables["dates"].extend(self.dates)
        for n, row in enumerate(self.partnerships, start=1):
            rows.tables["partnerships"].append({"partnership_id": f"{self.doc_id}#{n}", **row})
        for n, row in enumerate(self.goals, start=1):
            rows.tables["goals"].append({"goal_id": f"{self.doc_id}#{n}", **row})
        for name in ("organisations", "dates", "partnerships", "goals"):
            rows.tables[name].sort(key=lambda r: (r["start"], r["end"]))


def document_rows(document: Document, parts: Doc | Iterable[tuple[Doc, int]], clean: CleanText) -> DocRows:
    """Every table's rows for one analysed document.

    ``parts`` is the Doc of the cleaned text, or, for a long document analysed
    in parts, each part's Doc with the offset where it starts in the cleaned
    text (consumed one by one, so the parts need not be in memory together):
    organisations are merged by ``org_id`` across parts, and ids are
    numbered through the whole document."""
    if isinstance(parts, Doc):
        parts = [(parts, 0)]
    rows = DocRows(document.doc_id)
    collector = _Collector(document.doc_id)
    first_doc: Doc | None = None
    for doc, shift in parts:
        if first_doc is None:
            first_doc = doc
        collector.add(_Part(doc, shift, clean, document.text))
    collector.into(rows)
    counts = {name: len(rows.tables[name]) for name in ("organisations", "dates", "partnerships", "goals")}
    rows.tables["documents"].append(_document_row(document, first_doc, counts, collector.n_sentences))
    return rows


def _document_row(document: Document, doc: Doc | None, counts: dict[str, int], n_sentences: int = 0) -> dict[str, Any]:
    published = doc._.publication_date if doc is not None else None
    row = {
        "doc_id": document.doc_id, "path": document.path,
        "title": document.source_title or (title_of(document.text) if document.text else ""),
        "publication_date": published.isoformat() if published else "", "n_chars": len(document.text),
        "n_sentences": n_sentences,
        "n_organisations": counts.get("organisations", 0), "n_dates": counts.get("dates", 0),
        "n_partnerships": counts.get("partnerships", 0), "n_goals": counts.get("goals", 0),
        "status": document.status, "error": document.error, "sha256": document.sha256,
    }
    for name, value in document.metadata.items():
        row[column_name(name, DOCUMENT_COLUMNS)] = value
    return row


def table_columns(extra_document_columns: Iterable[str] = ()) -> dict[str, list[str]]:
    """The columns of the five tables; manifest fields go after the SPEC columns of ``documents.csv``."""
    columns = dict(TABLES)
    columns["documents"] = DOCUMENT_COLUMNS + [c for c in extra_document_columns if c not in DOCUMENT_COLUMNS]
    return columns
