"""One goal per objective: overlapping spans keep the strongest form; an objective restated is one goal."""
from __future__ import annotations

from ..normalise import dice
from .model import Goal

DEDUPE_DICE = 0.6   # the same objective restated ("Structurer une offre de formation …" twice)


PRIORITY = {"verbal": 0, "objective": 1, "copular": 2, "inline_list": 3, "bullet": 4, "means": 5, "ordinal": 5,
            "future": 6, "infinitive": 7, "purpose": 8}


def dedupe(text: str, cands: list[Goal]) -> list[Goal]:
    """One goal per objective: overlapping spans keep the strongest source; the
    same objective stated twice in the document is one goal."""
    accepted: list[Goal] = []
    for g in sorted(cands, key=lambda g: (PRIORITY[g.source], g.start)):
        clash = next((a for a in accepted if min(a.end, g.end) - max(a.start, g.start) >=
                      max(1, 0.5 * min(a.end - a.start, g.end - g.start))), None)
        if clash is None:
            accepted.append(g)
        elif clash.actor is None and g.actor is not None:
            clash.actor = g.actor
    accepted.sort(key=lambda g: g.start)
    result: list[Goal] = []
    for g in accepted:
        w = g.words(text)
        same = next((r for r in result if dice(w, r.words(text)) >= DEDUPE_DICE), None)
        if same is None:
            result.append(g)
        elif same.actor is None:
            same.actor = g.actor               # the restatement may say who commits
    return result
