"""Cached views of an analysed Doc.

``Doc.text``, ``Doc.sents`` and ``Doc.ents`` are rebuilt from every token on
each access; the components ask for them often, so each is computed once per
document and kept in ``doc.user_data``. Sentence boundaries are final once the
segmentation component has set every token's ``is_sent_start``.
"""
from __future__ import annotations

from bisect import bisect_right

from spacy.tokens import Doc, Span

SENTENCE_STARTS = "hesr_sentence_starts"


def text_of(doc: Doc) -> str:
    text = doc.user_data.get("hesr_text")
    if text is None:
        text = doc.text
        doc.user_data["hesr_text"] = text
    return text


def _starts(doc: Doc) -> list[int]:
    starts = doc.user_data.get(SENTENCE_STARTS)
    if starts is None:
        starts = [t.i for t in doc if t.is_sent_start] or [0]
        if starts[0] != 0:
            starts.insert(0, 0)
        doc.user_data[SENTENCE_STARTS] = starts
    return starts


def sentences(doc: Doc) -> list[Span]:
    """The sentences of ``doc`` as spans."""
    starts = _starts(doc)
    ends = starts[1:] + [len(doc)]
    return [doc[s:e] for s, e in zip(starts, ends) if e > s]


def sentence_of(doc: Doc, i: int) -> Span:
    """The sentence holding token ``i``."""
    starts = _starts(doc)
    k = bisect_right(starts, i) - 1
    end = starts[k + 1] if k + 1 < len(starts) else len(doc)
    return doc[starts[k]:end]


def entities(doc: Doc) -> list[Span]:
    """The model's entities."""
    ents = doc.user_data.get("hesr_entities")
    if ents is None:
        ents = list(doc.ents)
        doc.user_data["hesr_entities"] = ents
    return ents


def lines(doc: Doc) -> list:
    """The layout of the text (:func:`layout.lines_of`)."""
    found = doc.user_data.get("hesr_lines")
    if found is None:
        from .layout import lines_of

        found = lines_of(text_of(doc))
        doc.user_data["hesr_lines"] = found
    return found


def folded(doc: Doc) -> list[str]:
    """The comparison form of every token (:func:`lexicon.fold`)."""
    found = doc.user_data.get("hesr_folded")
    if found is None:
        from .lexicon import fold

        found = [fold(t.text) for t in doc]
        doc.user_data["hesr_folded"] = found
    return found
