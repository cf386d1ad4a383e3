"""The ``dates`` component: temporal expressions of a Doc, with values (SPEC §3–§4).

The grammar lives in :mod:`extract.timex`; this component adds what needs the
parse (a bare year followed by a noun is a quantity: ``2000 étudiants``) and the
anchor: the publication date the text states (a dateline), else the one its file
declares (a web page's metadata), else the manifest's (which anchors but is not
reported as the document's own), else an update date.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from .docview import sentence_of, text_of
from .grammar import is_future
from .published import publication_date, update_date
from .serialise import serialisable
from .timex import Timex, find_timexes, resolve
from .words import words

W = words()
TEMPORAL_PREPOSITIONS = W.set("temporal_prepositions")


@serialisable
@dataclass(frozen=True)
class DateMention:
    timex: Timex
    value: str

    @property
    def start(self) -> int:
        return self.timex.start

    @property
    def end(self) -> int:
        return self.timex.end


def on_publication_day(doc: Doc, d: DateMention) -> bool:
    """The date is the day the text is dated: when it was written, which dates neither a relation
    stated on another line nor a goal it announces."""
    pub = doc._.publication_date
    return pub is not None and d.value == pub.isoformat()


def _is_quantity(doc: Doc, t: Timex) -> bool:
    """A bare four-digit number followed by a noun (``2000 étudiants``), or by ``en`` and a year,
    counts something."""
    if t.period or t.lo is None or t.lo.month is not None or t.lo.rel or t.end - t.start != 4:
        return False
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    nxt = doc[span.end]
    prev = doc[span.start - 1] if span.start > 0 else None
    if nxt.lower_ == "en" and span.end + 1 < len(doc) and doc[span.end + 1].like_num:
        return True                       # "1000 étudiants en 2025 et 2000 en 2027": a count at a date
    if prev is not None and prev.lower_ in TEMPORAL_PREPOSITIONS:
        return False
    return nxt.pos_ == "NOUN" and nxt.is_lower


PART_ANCHOR = "_part_anchor"   # metadata key set on the later parts of a long document
SOURCE_DATE = "_source_date"   # metadata key: the publication date the file declares (a web page's metadata)


class DateFinder:
    def __call__(self, doc: Doc) -> Doc:
        timexes = [_with_tense(doc, t) for t in find_timexes(text_of(doc)) if not _is_quantity(doc, t)]
        meta = doc._.meta or {}
        if PART_ANCHOR in meta:   # a later part of a long document: its first part's anchor
            stated, anchor = None, _parse_iso(meta[PART_ANCHOR])
        else:
            stated = publication_date(text_of(doc), timexes) or _parse_iso(meta.get(SOURCE_DATE, ""))
            anchor = stated or _parse_iso(meta.get("publication_date", "")) or update_date(text_of(doc), timexes)
        doc._.publication_date = stated
        doc._.anchor = anchor
        doc._.dates = [DateMention(t, resolve(t, anchor)) for t in timexes]
        return doc


def _with_tense(doc: Doc, t: Timex) -> Timex:
    """``ce jeudi`` points back in a past sentence and forward in a future one; so does
    a season named with a demonstrative (``les discussions ont commencé cet hiver``)."""
    if t.lo is None or t.period:
        return t
    weekday = t.lo.rel == "weekday" and t.lo.rel_n == 0
    season = t.lo.rel is None and t.lo.year is None and t.lo.month is not None and t.lo.day is None \
        and t.text.lower().startswith(("cet ", "ce "))
    if not (weekday or season):
        return t
    span = doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None:
        return t
    sent = sentence_of(doc, span.start)
    future = any(is_future(tok) or tok.lower_ in ("va", "vont") for tok in sent)
    past = any(_is_past(tok) for tok in sent)
    if weekday:
        return replace(t, lo=replace(t.lo, rel_n=2)) if future and not past else t
    if past and not future:
        return replace(t, lo=replace(t.lo, rel="month_last"))
    if future and not past:
        return replace(t, lo=replace(t.lo, rel="month_next"))
    return t


PRESENT_AUXILIARIES = W.set("present_auxiliaries")


def _is_past(tok) -> bool:
    """A finite past (``signa``, ``signait``) or a passé composé (``a signé``, ``ont été signées``)."""
    tense, form = tok.morph.get("Tense"), tok.morph.get("VerbForm")
    if "Fin" in form and ({"Past", "Imp"} & set(tense)):
        return True
    if "Part" in form and "Past" in tense:
        k = tok.i - 1
        start = sentence_of(tok.doc, tok.i).start
        while k >= start and tok.doc[k].lower_ in ("été", "ne", "n'", "pas", "déjà", "bien", "y", "en"):
            k -= 1
        return k >= start and tok.doc[k].lower_ in PRESENT_AUXILIARIES
    return False


def _parse_iso(value: str) -> date | None:
    """An ISO date, or a reduced one (``2019``, ``2019-03``) taken as its first day."""
    value = (value or "").strip()
    for form, pad in ((10, ""), (7, "-01"), (4, "-01-01")):
        if len(value) == form:
            try:
                return date.fromisoformat(value + pad)
            except ValueError:
                return None
    return None


for _name in ("meta", "publication_date", "anchor", "dates"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)


@Language.factory("hesr_dates", requires=["token.is_sent_start"],
                  assigns=["doc._.dates", "doc._.publication_date", "doc._.anchor"])
def make_dates(nlp: Language, name: str):
    return DateFinder()
