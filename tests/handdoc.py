"""Docs built by hand, without the model: ``word/POS`` or ``word/POS/Feat=Val|Feat=Val`` tokens.

``<`` before a token and ``>`` after one mark the tokens of an organisation (its name is their
text; its kind is given in ``kinds``, else ``university``). A ``.`` token ends a sentence. A
token ending with an apostrophe is written without a space after it (``L'/DET Université/NOUN``).
The rule lexicons are built with a blank French tokenizer: no model is loaded.
"""
from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.tokens import Doc

import extract.dates  # noqa: F401  (registers doc._.dates)
from extract.lexicon import Lexicons
from extract.organisations import Mention, Organisation
from extract.rules import cached_rules


@lru_cache(maxsize=1)
def blank():
    return spacy.blank("fr")


@lru_cache(maxsize=1)
def lexicons() -> Lexicons:
    return Lexicons.build(cached_rules(None), blank().make_doc)


def _token(spec: str) -> tuple[str, str, str]:
    word, _, rest = spec.partition("/")
    pos, _, morph = rest.partition("/")
    return word, pos or "X", morph


def hand_doc(spec: str, kinds: dict[str, str] | None = None) -> Doc:
    words, pos, morphs, marks = [], [], [], []
    opened = None
    for item in spec.split():
        if item.startswith("<"):
            opened, item = len(words), item[1:]
        closes = item.endswith(">")
        word, p, m = _token(item.rstrip(">"))
        words.append(word)
        pos.append(p)
        morphs.append(m)
        if closes:
            marks.append((opened, len(words)))
            opened = None
    spaces = [not w.endswith("'") for w in words]
    starts = [i == 0 or words[i - 1] == "." for i in range(len(words))]
    doc = Doc(blank().vocab, words=words, spaces=spaces, pos=pos, morphs=morphs, sent_starts=starts)
    orgs: dict[str, Organisation] = {}
    for s, e in marks:
        span = doc[s:e]
        kind = (kinds or {}).get(span.text, "university")
        org = orgs.setdefault(span.text, Organisation(span.text, span.text, "", kind))
        org.mentions.append(Mention(span.start_char, span.end_char, span.text, "grammar"))
    doc._.organisations = sorted(orgs.values(), key=lambda o: o.start)
    doc._.dates = []
    return doc


def index(doc: Doc, word: str, nth: int = 0) -> int:
    """The token index of the ``nth`` occurrence of ``word``."""
    return [t.i for t in doc if t.text == word][nth]
