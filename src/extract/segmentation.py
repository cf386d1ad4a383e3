"""The ``hesr_lines`` component: deterministic sentence boundaries, set before the parser.

Headings and bullet items have no final punctuation and the model's own
splitter breaks at ``’``, ``«`` or ``(`` (explosion/spaCy#6769), so every
token's ``is_sent_start`` is set here from the layout and the punctuation
(:func:`layout.sentence_starts`); the parser keeps these boundaries.
"""
from __future__ import annotations

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .docview import forget_sentences, lines, text_of
from .layout import sentence_starts


def set_sentence_starts(doc: Doc) -> Doc:
    """Set every token's sentence start flag: a sentence starts at the first
    non-space token at or after each offset of :func:`layout.sentence_starts`.
    All flags are written at once (``Token.is_sent_start`` rescans the Doc on
    every assignment)."""
    if len(doc) == 0:
        return doc
    starts = sentence_starts(text_of(doc), lines(doc))
    flags = numpy.full((len(doc), 1), -1, dtype="int64")   # 1: starts a sentence, -1: does not
    k = 0
    first = True
    prev_end = 0
    for tok in doc:
        if tok.is_space:
            prev_end = tok.idx + len(tok.text)
            continue
        if first:
            flags[tok.i, 0] = 1
            first = False
        else:
            while k < len(starts) and starts[k] < prev_end:
                k += 1
            if k < len(starts) and starts[k] <= tok.idx:
                flags[tok.i, 0] = 1
        prev_end = tok.idx + len(tok.text)
    flags[0, 0] = 1
    doc.from_array([SENT_START], flags.view("uint64"))      # spaCy's encoding of -1
    forget_sentences(doc)
    return doc


@Language.factory("hesr_lines", assigns=["token.is_sent_start"])
def make_lines(nlp: Language, name: str):
    return set_sentence_starts

