"""The ``hesr_lines`` component: deterministic sentence boundaries, set before the parser.

Headings and bullet items have no final punctuation and the model's own
splitter breaks at ``’``, ``«`` or ``(`` (explosion/spaCy#6769), so every
token's ``is_sent_start`` is set here from the layout and the punctuation
(:func:`layout.sentence_starts`); the parser keeps these boundaries.
"""
from __future__ import annotations

from bisect import bisect_left

from spacy.language import Language
from spacy.tokens import Doc

from .docview import SENTENCE_STARTS
from .layout import sentence_starts


def set_sentence_starts(doc: Doc) -> Doc:
    starts = sentence_starts(doc.text)
    first_real = True
    for tok in doc:
        if tok.is_space:
            tok.is_sent_start = first_real and tok.i == 0
            continue
        if first_real:
            tok.is_sent_start = True
            first_real = False
            continue
        # a sentence starts at the first token at or after each start offset
        k = bisect_left(starts, tok.idx)
        prev_end = doc[tok.i - 1].idx + len(doc[tok.i - 1].text)
        tok.is_sent_start = k < len(starts) and prev_end <= starts[k] <= tok.idx
    doc.user_data.pop(SENTENCE_STARTS, None)
    return doc


@Language.factory("hesr_lines")
def make_lines(nlp: Language, name: str):
    return set_sentence_starts

