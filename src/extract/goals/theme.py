"""What about: the theme whose keyword stems the objective holds most (``patterns/themes.jsonl``)."""
from __future__ import annotations

import functools
import re

from ..normalise import fold
from ..words import words

SCOPE_OPENERS = tuple(" " + w + " " for w in words().tuple("scope_openers"))
NEUTRAL = tuple(" " + w + " " for w in words().tuple("theme_neutral_phrases"))
HEADCOUNTS = words().set("headcount_nouns")
FIGURE = r"\d[\d .,]*"
CHANGE = re.compile(rf" de {FIGURE}(?: [a-z]+){{0,3}} a {FIGURE}")      # "de 7 000 à 9 000", "de 175 professeurs à 250"


@functools.lru_cache(maxsize=4096)
def _theme_words(text: str) -> str:
    return " " + " ".join(fold(text).replace("'", " ").replace("-", " ").split()) + " "


def classify_theme(text: str, themes: list[tuple[str, tuple[str, ...]]]) -> str:
    """The theme with most stem hits; ties go to the theme whose first hit comes first.
    The objective's own opening verb counts half: what it acts on says more
    (``accueillir des apprentis`` is about education); so do the fields listed after
    ``dans les domaines de`` (``renforcer leur coopération dans les domaines de la recherche …``) and the
    beneficiaries after ``pour``; the sector's own name (``enseignement supérieur et recherche``) counts nothing."""
    low = _theme_words(text)
    if _headcount_change(low):
        return "attractiveness"            # "passer de 7 000 à 9 000 étudiants": growth in recruitment
    for phrase in NEUTRAL:                     # "le système d'enseignement supérieur et de recherche": the sector
        low = low.replace(phrase, " ")
    opening = len(low.split()[0]) + 1 if low.strip() else 0
    scope = min((p for p in (low.find(o) for o in SCOPE_OPENERS) if p >= 0), default=len(low))
    best = ("other", 0.0, len(low))
    for theme, stems in themes:
        found: set[int] = set()                      # word positions: "attract" and "attractivit" count once
        for stem in stems:
            probe = " " + _theme_words(stem.rstrip("$")).strip() + (" " if stem.endswith("$") else "")
            pos = low.find(probe)                    # "start-up" as the text is: "start up"
            while pos >= 0:
                found.add(pos)
                pos = low.find(probe, pos + 1)
        hits = sum(0.5 if (pos == 0 and opening) or pos > scope else 1.0 for pos in found)
        first = min(found, default=len(low))
        if hits > best[1] or (hits == best[1] and hits > 0 and first < best[2]):
            best = (theme, hits, first)
    return best[0]


def _headcount_change(low: str) -> bool:
    """A change between two figures of people the body counts (``de 175 professeurs permanents à 250``)."""
    return CHANGE.search(low) is not None and any(f" {w} " in low for w in HEADCOUNTS)
