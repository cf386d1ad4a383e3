"""Form 3: an aim named by a copula or ``parmi`` (``X est un axe de développement``, ``Parmi les leviers figure X``)."""
from __future__ import annotations

from spacy.tokens import Span

from ..docview import sentence_of
from ..grammar import clause_bounds
from ..words import words
from .actor import relative_actor
from .complements import make_goal, parts
from .model import Context, Goal

W = words()
COPULAS = W.set("copulas")


AMONG_VERBS = W.set("among_verbs")
DEMONSTRATIVES = W.set("demonstrative_pronouns")


def copular(ctx: Context, sent: Span) -> list[Goal]:
    """``X est un axe de développement``, ``L'ouverture à l'international est un défi
    majeur que l'Institut a la volonté de relever``, ``Parmi les leviers prioritaires figure X``."""
    doc, folded, actors = ctx.doc, ctx.folded, ctx.actors
    out = []
    for i in range(sent.start, sent.end):
        if folded[i] not in COPULAS and folded[i] != "parmi":
            continue
        c_start, c_end = clause_bounds(sent, i)
        if folded[i] in COPULAS:
            k = i + 1
            while k < c_end and (folded[k] in {"un", "une", "l'un", "l'une", "des", "le", "la", "l'"} or
                                 doc[k].pos_ in ("ADJ", "ADV")):
                k += 1
            if k >= c_end or (ctx.lex.list_noun.match(doc, k, folded) is None and
                              ctx.lex.objective.match(doc, k, folded) is None):
                continue
            start = subject_start(ctx, i, c_start)
            if start is None or start >= i:
                continue
            noun = ctx.lex.list_noun.match(doc, k, folded) or ctx.lex.objective.match(doc, k, folded)
            actor = relative_actor(ctx, k, c_end) or \
                actors.previous_subject(i) or actors.main
            out.append(make_goal(ctx, start, i, noun[0]["term"], actor, sent, "copular"))
        elif folded[i] == "parmi" and i + 2 < c_end:
            verb = next((k for k in range(i + 2, min(c_end, i + 16)) if folded[k] in AMONG_VERBS), None)
            listed = range(i + 1, verb) if verb is not None else range(0)
            if folded[i + 1] in DEMONSTRATIVES and i > 0:
                listed = range(sentence_of(doc, i - 1).start, i)   # "Parmi ceux-ci figure …": the leviers before
            if verb is None or not any(ctx.lex.list_noun.match(doc, k, folded) for k in listed):
                continue
            j = verb + 1
            while j < c_end and (doc[j].pos_ == "ADV" or folded[j] in {"se", "on"}):
                j += 1
            noun = next(ctx.lex.list_noun.match(doc, k, folded) for k in listed
                        if ctx.lex.list_noun.match(doc, k, folded))
            # "Parmi les priorités du plan de l'Université de Tours figure …": the body whose list it is
            owner = next((org for _, _, org in actors.mentions_in(listed.start, listed.stop)), None) \
                if listed.start > i else None
            actor = owner or actors.previous_subject(i) or actors.main
            for s, e in parts(ctx, j, c_end, "np"):
                out.append(make_goal(ctx, s, e, noun[0]["term"], actor, sent, "copular"))
    return out


def subject_start(ctx: Context, verb: int, c_start: int) -> int | None:
    """First token of the subject before a copula: the parse's subject, else the clause's opening."""
    doc = ctx.doc
    head = doc[verb].head
    for child in list(head.children) + list(doc[verb].children):
        if child.dep_ in ("nsubj", "nsubj:pass") and c_start <= child.left_edge.i < verb:
            return child.left_edge.i
    k = c_start
    while k < verb and (doc[k].is_punct or doc[k].pos_ in ("ADV", "CCONJ")):
        k += 1
    return k if k < verb else None
