"""Form 8: the means that carry out aims just stated (``Cela se traduit par la revitalisation des
campus ; le rehaussement de l'expérience étudiante …``, ``Ces augmentations passeront par la
création de formations, ainsi que par le développement du bachelor``): each noun phrase after
the verb is an objective, when the clause's subject refers back (``cela``, ``cette volonté``)."""
from __future__ import annotations

from spacy.tokens import Span

from ..grammar import np_coordination, objective_end
from ..normalise import fold
from ..words import words
from .complements import make_goal
from .model import Context, Goal

W = words()
REALISING = W.set("realising_verbs")
BACK_REFERENCES = W.set("back_references")
FOCUS_NOUNS = W.set("focus_nouns")
MEANS_PREPOSITIONS = {"par", "en", "sur"}
LINKS = {"et", "ainsi", "que", "qu'", "par", "a", "au", "aux", ",", "ou"}


def _refers_back(ctx: Context, sent: Span, i: int) -> bool:
    k = sent.start
    while k < i and (ctx.doc[k].is_punct or ctx.doc[k].is_space):
        k += 1
    return ctx.folded[k] in BACK_REFERENCES


def _items(ctx: Context, start: int, end: int) -> list[tuple[int, int]]:
    """The noun phrases of the list from ``start``: cut at semicolons and ``, ainsi que par``,
    then at ``et`` + determiner."""
    doc, folded = ctx.doc, ctx.folded
    chunks, cur = [], start
    for j in range(start, end):
        if doc[j].text == ";" or (folded[j] in {"ainsi", "meme"} and j + 1 < end and folded[j + 1] in {"que", "qu'"}):
            chunks.append((cur, j - 1 if folded[j] == "meme" else j))   # ", de même qu'à …"
            cur = j + 1
        elif folded[j] == "et" and j + 1 < end and folded[j + 1] in {"a", "au", "aux"}:
            chunks.append((cur, j))                                        # "à l'offre … et au logement …"
            cur = j + 1
    chunks.append((cur, end))
    out = []
    for s, e in chunks:
        while s < e and (folded[s] in LINKS or doc[s].is_space):
            s += 1
        out += [(a, objective_end(doc, a, b, folded, ctx.lex)) for a, b in np_coordination(doc, s, e, folded)
                if b > a]
    return out


def _past_focus(ctx: Context, start: int, end: int) -> int:
    """``une attention particulière portée à l'offre …``: the means names where the effort goes; the
    items start after its ``à`` / ``sur``. Else ``start``."""
    doc, folded = ctx.doc, ctx.folded
    k = start
    while k < end and doc[k].pos_ == "DET":
        k += 1
    if k >= end or folded[k] not in FOCUS_NOUNS:
        return start
    for j in range(k + 1, min(end, k + 5)):
        if folded[j] in {"a", "au", "aux", "sur"}:
            return j if folded[j] in {"au", "aux"} else j + 1
    return start


def means(ctx: Context, sent: Span) -> list[Goal]:
    doc, folded = ctx.doc, ctx.folded
    for i in range(sent.start + 1, sent.end):
        if doc[i].pos_ != "VERB" or fold(doc[i].lemma_) not in REALISING or not _refers_back(ctx, sent, i):
            continue
        p = next((k for k in range(i + 1, min(sent.end, i + 5)) if folded[k] in MEANS_PREPOSITIONS), None)
        if p is None:
            continue
        actor = ctx.actors.previous_subject(i) or ctx.actors.main
        return [make_goal(ctx, s, e, fold(doc[i].lemma_), actor, sent, "means")
                for s, e in _items(ctx, _past_focus(ctx, p + 1, sent.end), sent.end)]
    return []
