"""Where an objective's text is: the complement of a trigger, its coordinated parts, and the goal built from a span."""
from __future__ import annotations

from ..docview import text_of
from ..grammar import (
    is_finite_verb,
    is_infinitive,
    np_coordination,
    objective_end,
    objective_parts,
    skip_to_complement,
    span_text,
    unit_after_figure,
)
from ..normalise import fold, key
from ..words import words
from .model import Context, Goal

W = words()
AMOUNT_NOUNS = W.set("amount_nouns")
MEANS_VERBS = W.set("means_verbs")


def complement(ctx: Context, i, end, *, allow_np, markers=frozenset({"de", "d'", "a"})):
    doc, folded = ctx.doc, ctx.folded
    return skip_to_complement(doc, i, end, folded, allow_np=allow_np, markers=markers, lex=ctx.lex,
                              skip=ctx.date_tokens)


def que_clause(ctx: Context, k, end) -> tuple[int, str] | None:
    """``nous voulons que chaque campus dispose de …``: the objective is the clause
    ``que`` opens, when a subject and its verb follow."""
    doc, folded = ctx.doc, ctx.folded
    while k < end and doc[k].pos_ == "ADV":
        k += 1
    if k >= end or folded[k] not in {"que", "qu'"}:
        return None
    for j in range(k + 2, min(end, k + 8)):
        if doc[j].pos_ in ("VERB", "AUX") and is_finite_verb(doc[j]):
            return k, "np"
        if doc[j].text in {",", ";", ":"}:
            return None
    return None


def parts(ctx: Context, j, end, what: str) -> list[tuple[int, int]]:
    """The objectives of a complement: coordinated infinitives, or noun phrases joined by ``et`` + determiner."""
    doc, folded = ctx.doc, ctx.folded
    if what == "inf":
        return objective_parts(doc, j, end, folded, ctx.lex)
    hard = objective_end(doc, j, end, folded, ctx.lex, soft=False)
    parts = [(s, objective_end(doc, s, e, folded, ctx.lex)) for s, e in np_coordination(doc, j, hard, folded)]
    if len(parts) > 1:
        ctx.group_count += 1
        ctx.np_groups.update({p: ctx.group_count for p in parts})
    return parts


def amount(ctx: Context, j, c_end) -> bool:
    """``prévoit un budget de 2,4 millions d'euros``: a sum, not an objective."""
    doc, folded = ctx.doc, ctx.folded
    for k in range(j, min(c_end, j + 4)):
        if folded[k] in AMOUNT_NOUNS:
            return True
        if doc[k].pos_ == "NOUN":
            return False
    return False


def announces_list(ctx: Context, j, c_end) -> bool:
    """``mise sur 5 dimensions :`` — the complement is a list to come, not a goal."""
    doc = ctx.doc
    return any(doc[k].text == ":" for k in range(j, min(c_end, j + 6)))


def make_goal(ctx: Context, s, e, trigger, actor, sent, source, hint="") -> Goal | None:
    doc = ctx.doc
    e0 = e
    # a date closing the objective is its horizon, not its text ("… à l'horizon 2028.")
    cut_date = False
    while e > s and (e - 1 in ctx.date_tokens or (doc[e - 1].is_punct and not unit_after_figure(doc[e - 1]))
                     or doc[e - 1].is_space):
        if doc[e - 1].text == ")" and _opens_more(doc[s:e - 1]):
            break                              # "… de la Francophonie (RESCIF)": the parenthesis closes
        cut_date = cut_date or e - 1 in ctx.date_tokens
        e -= 1
    if cut_date and e - 1 > s and doc[e - 1].pos_ == "ADP":
        e -= 1                                 # "… dans les cinq prochaines années": the date's preposition too
    start, end = span_text(doc, s, e)
    if start < 0:
        return None
    text = text_of(doc)[start:end]
    words = [w for w in key(text).split() if len(w) > 2]
    if not words or len(text) > 400:
        return None
    if len(words) == 1 and is_infinitive(doc[s]):
        return None                            # a bare verb: its object is elsewhere
    if _names_bodies(ctx, s, e):
        return None                            # "ANR, BRGM, CEA, CIRAD …": a list of partners, no objective
    return Goal(start, end, trigger, actor, sent.start_char, sent.end_char, source, hint,
                group=ctx.np_groups.get((s, e), 0) or ctx.np_groups.get((s, e0), 0))


def _names_bodies(ctx: Context, s: int, e: int) -> bool:
    """The span only names a body, or most of its words name three bodies or more, and no verb opens it
    (``réunir A, B et C`` is an objective)."""
    if is_infinitive(ctx.doc[s]):
        return False
    named = [k for k in range(s, e) if k in ctx.actors.token_org]
    bodies = {id(ctx.actors.token_org[k][0]) for k in named}
    content = [k for k in range(s, e) if not ctx.doc[k].is_punct and ctx.doc[k].pos_ != "DET"]
    return bool(named) and (len(named) == len(content) or (len(bodies) >= 3 and len(named) * 2 >= len(content)))


def _opens_more(span) -> bool:
    return sum(t.text == "(" for t in span) > sum(t.text == ")" for t in span)


def purpose_of_means(ctx: Context, verb: int, c_end: int) -> int | None:
    """After a verb of gaining or using means (``means_verbs``), the first infinitive of the purpose (``pour`` /
    ``afin de``): ``vont disposer de moyens pour poursuivre …``, ``entend utiliser ce financement pour créer
    …``; else None (``disposera de 50 000 m²`` is then the goal itself)."""
    doc, folded = ctx.doc, ctx.folded
    if fold(doc[verb].lemma_).split("'")[-1] not in MEANS_VERBS:
        return None
    for j in range(verb + 1, c_end):
        if folded[j] in {"pour", "afin"}:
            k = j + 1
            while k < c_end and folded[k] in {"de", "d'", "mieux", "ainsi"}:
                k += 1
            return k if k < c_end and is_infinitive(doc[k]) else None
    return None
