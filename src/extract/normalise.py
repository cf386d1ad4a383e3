"""Pure text functions: matching keys, slugs, and the clean working copy of a text.

Nothing here knows about spaCy. Offsets are never shifted silently: ``clean_text``
returns, with the cleaned text, the map from each of its characters back to the
original text.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Characters replaced one-for-one in the working copy (offsets preserved).
_SUBSTITUTE = {
    "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'", "\u2032": "'", "`": "'",
    "\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2002": " ",
    "\u2003": " ", "\u2005": " ", "\u2006": " ", "\u2008": " ", "\u200a": " ",
    "\u3000": " ",
    "\u201c": '"', "\u201d": '"', "\u201e": '"',
    "\u2010": "-", "\u2011": "-", "\u2212": "-",
    "\u2028": "\n", "\u2029": "\n", "\x0b": "\n", "\x0c": "\n",
}
# Characters dropped from the working copy (the offset map keeps the rest aligned).
_DROP = {"\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\r"}

# An ISO 8601 date, full or reduced (SPEC §4): 2019-03-14, 2019-03, 2019.
ISO_DATE = re.compile(r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?")


@dataclass(frozen=True)
class CleanText:
    """The working copy of a text and the way back to the original offsets."""

    text: str
    origin: tuple[int, ...]  # origin[i] = offset in the original of clean char i
    original_length: int

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a clean [start, end) span to the original text."""
        if start >= len(self.origin):
            return self.original_length, self.original_length
        o_start = self.origin[start]
        o_end = self.origin[end - 1] + 1 if end > start else o_start
        return o_start, o_end


def clean_text(text: str) -> CleanText:
    """Typographic hygiene for matching: apostrophes, spaces, soft hyphens, CR.

    ``\\r\\n`` and lone ``\\r`` become ``\\n``; soft hyphens and zero-width
    characters disappear; the look-alikes of ``'``, ``"``, ``-`` and space become
    those characters. The result maps back to the original offsets.
    """
    out: list[str] = []
    origin: list[int] = []
    n = len(text)
    for i, ch in enumerate(text):
        if ch == "\r":
            if i + 1 < n and text[i + 1] == "\n":
                continue
            out.append("\n")
            origin.append(i)
            continue
        if ch in _DROP:
            continue
        out.append(_SUBSTITUTE.get(ch, ch))
        origin.append(i)
    return CleanText("".join(out), tuple(origin), n)


@lru_cache(maxsize=200_000)
def strip_accents(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """The one comparison form of a word: lowercase, no accents, typographic apostrophe as ``'``.

    Every word list of ``patterns/words.jsonl`` and every rule term is compared in this form
    (also available on tokens as ``token._.folded``)."""
    return strip_accents(text.lower().replace("’", "'"))


_NON_ALNUM = re.compile(r"[\W_]+", re.UNICODE)


def key(text: str) -> str:
    """SPEC §5 comparison key: NFKD, no accents, case-folded, non-alphanumerics → one space."""
    folded = strip_accents(text).casefold()
    return _NON_ALNUM.sub(" ", folded).strip()


def slug(text: str) -> str:
    """`lowercase-ascii-with-hyphens` identifier of a name."""
    return key(text).replace(" ", "-")


def words_with_offsets(text: str, *, fold_case: bool = True) -> list[tuple[str, int, int]]:
    """Alphanumeric words of ``text`` with offsets, accent-stripped (case folded unless asked not to).

    Used by the gazetteer so that hyphens, apostrophes, accents and spacing never
    prevent a match and never move an offset.
    """
    result = []
    for m in re.finditer(r"[^\W_]+", text):
        w = strip_accents(m.group())
        result.append((w.casefold() if fold_case else w, m.start(), m.end()))
    return result


# --- French verb forms ------------------------------------------------------------
# Trigger lexicons list lemmas; spaCy's French lemmatizer misses some forms
# ("ambitionne" → "ambitionn"), so each lemma is also matched by its inflected
# forms. Regular first- and second-group verbs are generated here; irregular
# verbs list their forms in the rule file.
_ER_ENDINGS = (
    "er", "e", "es", "ons", "ez", "ent", "ais", "ait", "ions", "iez", "aient",
    "erai", "eras", "era", "erons", "erez", "eront", "erais", "erait", "erions", "eriez", "eraient",
    "a", "âmes", "èrent", "é", "ée", "és", "ées", "ant",
)
_IR_ENDINGS = (
    "ir", "is", "it", "issons", "issez", "issent", "issais", "issait", "issions", "issiez", "issaient",
    "irai", "iras", "ira", "irons", "irez", "iront", "irais", "irait", "irions", "iriez", "iraient",
    "irent", "i", "ie", "ies", "issant",
)
_SOFT_BEFORE_A_O = {"g": "ge", "c": "ç"}


def verb_forms(lemma: str) -> set[str]:
    """Inflected forms of a regular French verb (``souhaiter``, ``envisager``,
    ``adhérer``, ``unir``); a reflexive ``s'allier`` gives the forms of ``allier``.
    Other verbs give only the lemma: list their forms in the rule file."""
    verb = lemma.lower().replace("’", "'")
    for prefix in ("s'", "se "):
        if verb.startswith(prefix):
            verb = verb[len(prefix):]
    forms = {verb}
    if verb.endswith("er") and len(verb) > 3:
        stem = verb[:-2]
        for end in _ER_ENDINGS:
            s = stem
            if end[:1] in ("a", "â", "o") and stem[-1:] in _SOFT_BEFORE_A_O:
                s = stem[:-1] + _SOFT_BEFORE_A_O[stem[-1]]
            forms.add(s + end)
        # adhérer → adhère, intégrer → intègrent: é of the last syllable opens before a mute ending
        m = re.search(r"é([^aeiouyéèê]+)$", stem)
        if m:
            open_stem = stem[:m.start()] + "è" + m.group(1)
            forms.update(open_stem + end for end in ("e", "es", "ent"))
    elif verb.endswith("ir") and len(verb) > 3:
        stem = verb[:-2]
        forms.update(stem + end for end in _IR_ENDINGS)
    return forms


def noun_forms(lemma: str) -> set[str]:
    """Singular and plural of a French noun (``accord``/``accords``, ``réseau``/``réseaux``)."""
    w = lemma.lower().replace("’", "'")
    if w.endswith(("s", "x", "z")):
        return {w}
    if w.endswith(("au", "eu")):
        return {w, w + "x"}
    if w.endswith("al") and not w.endswith(("festival", "carnaval")):
        return {w, w[:-2] + "aux"}
    return {w, w + "s"}


def strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    """``(start, end)`` narrowed to leave out the whitespace at both ends of ``text[start:end]``."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def content_words(text: str) -> set[str]:
    """The words of ``text`` that count for comparing objectives (SPEC §5): keys of more than two letters."""
    return {w for w in key(text).split() if len(w) > 2}


def dice(a: set[str], b: set[str]) -> float:
    """Dice coefficient of two word sets (0 when both are empty)."""
    return 2 * len(a & b) / (len(a) + len(b)) if a or b else 0.0
