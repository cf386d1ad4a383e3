"""The kind of a body: a kind phrase or head word of its name, a noun that introduces it, an apposition after it."""
from __future__ import annotations

from spacy.tokens import Doc

from ..normalise import fold
from .index import OrgIndex
from .shapes import ELISION


def introducer_kind(ix: OrgIndex, doc: Doc, start: int) -> str | None:
    """The kind a lowercase noun before a name gives it: ``l'alliance X`` is a
    group, ``la société X`` a company, ``l'école X`` a school."""
    span = doc.char_span(start, start + 1, alignment_mode="expand")
    if span is None:
        return None
    j = span.start - 1
    if j >= 0 and doc[j].text == ":":
        j -= 1                          # "ont décidé de former un nouveau réseau : IngéFrance"
    skipped = 0
    while j >= 0 and skipped <= 2:
        tok = doc[j]
        w = fold(tok.text)
        intro = ix.intro_kinds.get(w)
        if tok.is_lower and intro and (skipped > 0 or not intro[1]):
            return intro[0]             # "le groupe pharmaceutique X", "la société X", "le réseau X"
        if tok.is_lower and w in ix.heads:
            # "des écoles Agrocampus Ouest et …": each a school; "la communauté d'universités X": a group
            each = w in ix.plural_heads and j > 0 and fold(doc[j - 1].text) not in {"de", "d'"}
            return ix.heads.get(w[:-1], ix.heads[w]) if each else ix.heads[w]
        if tok.is_lower and tok.pos_ == "ADJ":
            j -= 1
            skipped += 1
            continue
        return None
    return None


def apposed_kind(ix: OrgIndex, doc: Doc, end: int) -> str | None:
    """The kind an apposition after a name gives it: ``l'Université de la Grande Région
    (UniGR), groupement transfrontalier …`` is a group, ``Pasqal, start-up …`` a company."""
    span = doc.char_span(end - 1, end, alignment_mode="expand")
    if span is None:
        return None
    j = span.end
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(len(doc), j + 6)) if doc[k].text == ")"), None)
        j = close + 1 if close is not None else j
    if j >= len(doc) or doc[j].text != ",":
        return None
    j += 1
    if j < len(doc) and fold(doc[j].text) in {"un", "une", "le", "la", "l'"}:
        j += 1
    if j >= len(doc) or not doc[j].is_lower:
        return None
    intro = ix.intro_kinds.get(fold(doc[j].text))
    return intro[0] if intro else None


def phrase_kind(ix: OrgIndex, name: str) -> str | None:
    low = fold(name)
    return next((kind for phrase, kind in ix.kind_phrases if phrase in low), None)


def kind_of(ix: OrgIndex, name: str) -> str:
    by_phrase = phrase_kind(ix, name)
    if by_phrase:
        return by_phrase
    for w in name.split()[:3]:
        k = ix.heads.get(fold(ELISION.sub("", w)))
        if k:
            return k
    last = fold(name.split()[-1]) if name.split() else ""
    return ix.heads.get(last, "other")
