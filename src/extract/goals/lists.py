"""Forms 5 to 7: inline lists after a colon, bullet items under an introduction that announces
goals, and headings or sentences that open with an infinitive."""
from __future__ import annotations

from spacy.tokens import Span

from ..docview import sentence_of
from ..grammar import (
    clause_bounds,
    is_finite_verb,
    is_future,
    is_infinitive,
    nominal_parts,
    objective_end,
    objective_parts,
)
from ..layout import BULLET_MARKS, list_groups
from ..words import words
from .actor import intro_actor, list_actor
from .complements import make_goal
from .futures import describes
from .horizon import date_in
from .model import Context, Goal

ACHIEVED = words().set("achieved_markers")
CASE_NOUNS = words().set("case_nouns")
PRESENT_AUXILIARIES = words().set("present_auxiliaries")


def inline_lists(ctx: Context, sent: Span) -> list[Goal]:
    doc, folded, lines = ctx.doc, ctx.folded, ctx.lines
    colon = next((i for i in range(sent.start, sent.end) if doc[i].text == ":"), None)
    if colon is None or colon + 1 >= sent.end:
        return []
    intro_start = sent.start
    announced = intro_trigger(ctx, intro_start, colon)
    if announced is None:
        return []
    # a bullet's "label : a, b, c" runs to the end of its line, across ellipses
    body_end = sent.end
    line = next((ln for ln in lines if ln.start <= doc[colon].idx <= ln.end), None)
    if line is not None and line.kind == "bullet":
        last = doc.char_span(line.start, line.end, alignment_mode="expand")
        if last is not None:
            body_end = max(body_end, last.end)
    body_start = colon + 1
    # "… fondé sur des valeurs partagées : l'inclusion, l'ouverture": a second colon lists what an item rests on
    body_end = next((k for k in range(body_start, body_end) if doc[k].text == ":"), body_end)
    semis = [i for i in range(body_start, body_end) if doc[i].text == ";"]
    if semis:
        bounds, prev = [], body_start
        for s in semis + [body_end]:
            bounds.append((prev, s))
            prev = s + 1
    elif any(ctx.lex.list_noun.match(doc, k, folded) is not None for k in range(intro_start, colon)) \
            and colon - intro_start <= 8:
        bounds = nominal_parts(doc, body_start, body_end, folded)
    elif is_infinitive(doc[body_start]):
        bounds = [(body_start, body_end)]      # "ambitionne de : former …, attirer …, valoriser …"
    else:
        return []
    hint = date_in(ctx, doc[intro_start].idx, doc[colon].idx)
    actor = intro_actor(ctx, intro_start, colon)
    out = []
    for s, e in bounds:
        while s < e and (doc[s].is_space or doc[s].is_punct):
            s += 1
        if s >= e:
            continue
        parts = objective_parts(doc, s, e, folded, ctx.lex) if is_infinitive(doc[s]) else \
            [(s, objective_end(doc, s, e, folded, ctx.lex))]
        for ps, pe in parts:
            if any(doc[k].pos_ in ("NOUN", "PROPN", "VERB") or is_infinitive(doc[k]) for k in range(ps, pe)):
                out.append(make_goal(ctx, ps, pe, announced, actor, sent, "inline_list", hint))
    return out


def intro_trigger(ctx: Context, start, end) -> str | None:
    """The word of a list introduction that announces goals: a list or objective
    noun, an intention verb, a future verb; ``None`` if there is none."""
    doc, folded = ctx.doc, ctx.folded
    for k in range(start, end):
        for index in (ctx.lex.list_noun, ctx.lex.objective):
            hit = index.match(doc, k, folded)
            if hit is not None:
                return hit[0]["term"]
        hit = ctx.lex.intention_at(doc, k, folded)
        if hit is not None and not hit[0].get("body_subject"):     # "doit être livré … :" announces no aims
            return hit[0]["term"]
        if is_future(doc[k]) and doc[k].pos_ in ("VERB", "AUX") and not describes(ctx, doc[k]):
            return "future"
        if folded[k] in {"visant", "permettant"}:
            return "viser" if folded[k] == "visant" else "permettre"
    return None


def bullet_items(ctx: Context) -> list[Goal]:
    doc, folded, lines = ctx.doc, ctx.folded, ctx.lines
    out = []
    for group in list_groups(lines):
        intro = group.intro
        if intro is None:
            continue
        span = doc.char_span(intro.start, intro.end, alignment_mode="expand")
        if span is None:
            continue
        trigger = intro_trigger(ctx, span.start, span.end)
        if trigger is None or _achieved(ctx, span):
            continue                           # "ont d'ores et déjà permis de … avec :": what is done
        actor = intro_actor(ctx, span.start, span.end)
        hint = date_in(ctx, intro.start, intro.end)
        for item in group.items:
            item_span = doc.char_span(item.body_start, item.end, alignment_mode="expand")
            if item_span is None or len(item_span) == 0:
                continue
            s = item_span.start
            if is_infinitive(doc[s]):
                continue                       # an infinitive item is found as an infinitive opening
            # the item's first sentence; a "label : a, b, c" item is an inline list
            e = s
            while e < item_span.end and not (doc[e].is_sent_start and e > s) and doc[e].text not in {"«", ":"}:
                e += 1
            if e < item_span.end and doc[e].text == ":":
                continue
            end = objective_end(doc, s, e, folded, ctx.lex)
            out.append(make_goal(ctx, s, end, trigger, actor, sentence_of(doc, s), "bullet", hint))
    return out


def _achieved(ctx: Context, span: Span) -> bool:
    """A list introduced as already done: ``déjà`` and a compound past (``ont d'ores et déjà permis de
    mettre en place … avec :``); ``l'Institut est déjà très actif dans :`` introduces what goes on."""
    doc, folded = ctx.doc, ctx.folded
    if not any(folded[k] in ACHIEVED for k in range(span.start, span.end)):
        return False
    return any(folded[k] in PRESENT_AUXILIARIES and any("Part" in doc[j].morph.get("VerbForm") and doc[j].pos_ == "VERB"
                                           for j in range(k + 1, min(span.end, k + 6)))
               for k in range(span.start, span.end))


def infinitive_openings(ctx: Context, sent: Span) -> list[Goal]:
    doc, folded, _actors, lines, _default_actor = ctx.doc, ctx.folded, ctx.actors, ctx.lines, ctx.default_actor
    s = sent.start
    while s < sent.end and (doc[s].is_space or doc[s].is_punct or doc[s].text in BULLET_MARKS):
        s += 1
    if s >= sent.end:
        return []
    first = doc[s]
    if not is_infinitive(first) and not (folded[s] in {"se", "s'"} and s + 1 < sent.end and is_infinitive(doc[s + 1])):
        return []
    if ctx.lex.heading_exclude.match(doc, s, folded) is not None:
        return []
    line = next((ln for ln in lines if ln.start <= first.idx <= ln.end), None)
    if not first.text[:1].isupper() and (line is None or line.kind != "bullet"):
        return []                              # a lowercase infinitive opens a sentence only in a list item
    if _case_headline(ctx, s, sent.end):
        return []                              # "Gagner en visibilité … : l'exemple d'IngéFrance": a report's title
    # "Tels sont …" after the list, or a finite verb making the infinitive a subject, ends it
    end = next((k for k in range(s + 1, sent.end) if is_finite_verb(doc[k]) and doc[k].pos_ == "AUX"
                or folded[k] in {"sont", "est"}), sent.end)
    c_end = min(end, clause_bounds(sent, s)[1])
    trigger = {"heading": "heading", "bullet": "list"}.get(line.kind if line else "", "infinitive")
    actor = list_actor(ctx, line)
    hint = list_hint(ctx, line)
    parts = objective_parts(doc, s, c_end, folded, ctx.lex)
    if len(parts) == 1 and parts[0][1] - parts[0][0] == 1 and c_end - s > 1:
        parts = [(s, c_end)]                   # "Structurer pour agir": the purpose is the only content (SPEC §3)
    return [make_goal(ctx, ps, pe, trigger, actor, sent, "infinitive", hint) for ps, pe in parts]


def _case_headline(ctx: Context, s: int, end: int) -> bool:
    """A headline that reports a case (``… : l'exemple d'IngéFrance``, ``… : le cas de …``): it tells what a
    body did, it states no aim of its own."""
    folded = ctx.folded
    colon = next((k for k in range(s, end) if folded[k] == ":"), None)
    if colon is None:
        return False
    k = colon + 1
    if k < end and folded[k] in {"l'", "le", "la", "un", "une"}:
        k += 1
    return k < end and folded[k] in CASE_NOUNS


def list_hint(ctx: Context, line) -> str:
    """The date of the introduction of the list a bullet belongs to (``… pour la période 2026-2030 :``)."""
    _dates, lines = ctx.dates, ctx.lines
    if line is None or line.kind != "bullet":
        return ""
    for group in list_groups(lines):
        if line in group.items and group.intro is not None:
            return date_in(ctx, group.intro.start, group.intro.end)
    return ""
