"""The ``lines`` component: sentence starts that the parser must respect.

Headings and bullet items have no final punctuation, so every line starts a
sentence; the model's habit of breaking after ``'`` and ``«``
(explosion/spaCy#6769) is prevented.
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

BULLETS = {"•", "–", "-", "—", "*", "·", "▪", "◦", "●", "➤", "→", ">"}


END_PUNCT = set(".!?:;…»\"")


def _line_break_ends_sentence(doc: Doc, i: int) -> bool:
    """Does the line break before token ``i`` end a sentence?

    Yes after a blank line, after final punctuation, before a bullet or a capital,
    and after a short line (a heading); no inside hard-wrapped prose
    ("pour développer\n7 programmes", "stratégie\njusqu'à 2017")."""
    prev = doc[i - 1]
    gap = prev.text_with_ws if not prev.is_space else prev.text
    if gap.count("\n") >= 2 or (prev.is_space and i >= 2 and doc[i - 2].whitespace_.count("\n") + gap.count("\n") >= 2):
        return True
    last = doc[i - 2] if prev.is_space and i >= 2 else prev
    tok = doc[i]
    if last.text[-1:] in END_PUNCT or tok.text in BULLETS or tok.text[:1].isupper():
        return True
    line_start = last.idx - (doc.text.rfind("\n", 0, last.idx) + 1)
    return line_start < 60


def set_line_starts(doc: Doc) -> Doc:
    for i, tok in enumerate(doc):
        if i == 0:
            continue
        prev = doc[i - 1]
        if tok.is_space:
            continue
        if "\n" in prev.text_with_ws or (prev.is_space and "\n" in prev.text):
            tok.is_sent_start = _line_break_ends_sentence(doc, i)
        elif prev.text in {"«", '"'} or prev.text.endswith("'") or prev.text in BULLETS:
            tok.is_sent_start = False
        elif prev.text == ";" :
            tok.is_sent_start = False
    return doc


@Language.factory("hesr_lines")
def make_lines(nlp: Language, name: str):
    return set_line_starts
