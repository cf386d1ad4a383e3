"""Cached views of an analysed Doc.

``Doc.text``, ``Doc.sents`` and ``Doc.ents`` are rebuilt from every token on
each access; the components ask for them often, so each is computed once per
document and kept in one :class:`DocCache` in ``doc.user_data``. The cache is
transient: it is left out when the Doc is serialised (:mod:`serialise`) and
rebuilt on demand. Sentence boundaries are final once the segmentation
component has set every token's ``is_sent_start``.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span, Token

from .layout import lines_of
from .normalise import fold
from .serialise import Transient

CACHE = "hesr_cache"

if not Token.has_extension("folded"):
    Token.set_extension("folded", getter=lambda t: fold(t.text))   # token._.folded: the comparison form


class DocCache(Transient):
    """Views of one Doc computed once (never serialised)."""

    __slots__ = ("views",)

    def __init__(self) -> None:
        self.views: dict = {}


def cache(doc: Doc) -> dict:
    found = doc.user_data.get(CACHE)
    if not isinstance(found, DocCache):
        found = DocCache()
        doc.user_data[CACHE] = found
    return found.views


def forget_sentences(doc: Doc) -> None:
    """Drop the cached sentence starts (the segmentation component changed them)."""
    cache(doc).pop("sentence_starts", None)


def text_of(doc: Doc) -> str:
    c = cache(doc)
    if "text" not in c:
        c["text"] = doc.text
    return c["text"]


def _starts(doc: Doc) -> list[int]:
    c = cache(doc)
    starts = c.get("sentence_starts")
    if starts is None:
        starts = [t.i for t in doc if t.is_sent_start] or [0]
        if starts[0] != 0:
            starts.insert(0, 0)
        c["sentence_starts"] = starts
    return starts


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` as spans."""
    starts = _starts(doc)
    ends = starts[1:] + [len(doc)]
    return [doc[s:e] for s, e in zip(starts, ends, strict=True) if e > s]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``."""
    starts = _starts(doc)
    k = bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k]:end]


def entities(doc: Doc) -> list[Span]:
    """The model's entities."""
    c = cache(doc)
    if "entities" not in c:
        c["entities"] = list(doc.ents)
    return c["entities"]


def lines(doc: Doc) -> list:
    """The layout of the text (:func:`layout.lines_of`)."""
    c = cache(doc)
    if "lines" not in c:
        c["lines"] = lines_of(text_of(doc))
    return c["lines"]


def folded(doc: Doc) -> list[str]:
    """The comparison form of every token (:func:`normalise.fold`)."""
    c = cache(doc)
    if "folded" not in c:
        c["folded"] = [fold(t.text) for t in doc]
    return c["folded"]


def cached(doc: Doc, name: str, build):
    """Any other per-document view, built once by ``build(doc)``."""
    c = cache(doc)
    if name not in c:
        c[name] = build(doc)
    return c[name]
