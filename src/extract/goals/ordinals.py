"""Form 10: the points of an enumeration, each opened by an ordinal subject (``Le premier consiste à
développer …``, ``Le deuxième axe porte sur …``, ``Le deuxième s'attache à la multiplication des
partenariats``, ``Le troisième, enfin, réside dans …``): what the verb leads to is an objective of the
body the text is about."""
from __future__ import annotations

from spacy.tokens import Span

from ..grammar import past_incise
from ..words import words
from .complements import complement, make_goal, parts
from .model import Context, Goal

W = words()
ORDINALS = W.set("ordinal_words")
ENUMERATING = W.set("enumerating_verbs")
MARKERS = frozenset({"a", "au", "aux", "dans", "sur", "de", "d'"})


def _ordinal_subject(ctx: Context, sent: Span) -> int | None:
    """The token after ``Le premier``, ``La troisième``, ``Le deuxième axe`` opening the sentence, or None."""
    k = sent.start
    while k < sent.end and (ctx.doc[k].is_punct or ctx.doc[k].is_space):
        k += 1
    if k + 2 >= sent.end or ctx.folded[k] not in {"le", "la", "l'"} or ctx.folded[k + 1] not in ORDINALS:
        return None
    return k + 3 if ctx.doc[k + 2].pos_ == "NOUN" else k + 2


def _verb_after(ctx: Context, k: int, end: int) -> int | None:
    """The enumerating verb after the subject, a clitic or an incise between commas passed (``, enfin,``)."""
    folded = ctx.folded
    k = past_incise(ctx.doc, k, end, 4)
    if k < end and folded[k] in {"s'", "se"}:
        k += 1
    return k if k < end and folded[k] in ENUMERATING else None


def ordinals(ctx: Context, sent: Span) -> list[Goal]:
    k = _ordinal_subject(ctx, sent)
    verb = _verb_after(ctx, k, sent.end) if k is not None else None
    if verb is None:
        return []
    comp = complement(ctx, verb, sent.end, allow_np=True, markers=MARKERS)
    if comp is None:
        return []
    j, what = comp
    actor = ctx.actors.previous_subject(verb) or ctx.default_actor
    return [make_goal(ctx, s, e, ctx.folded[verb], actor, sent, "ordinal") for s, e in parts(ctx, j, sent.end, what)]
