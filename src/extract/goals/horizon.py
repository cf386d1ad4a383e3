"""When: the date that bounds a goal, a list introduction's date, the strategy's period and owner."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..dates import on_publication_day
from ..docview import sentence_of, text_of
from ..grammar import is_past_participle
from ..normalise import fold
from ..organisations import Organisation
from ..words import words
from .model import Context, Goal

FRAME_OPENERS = words().tuple("frame_openers")


def date_in(ctx: Context, start: int, end: int) -> str:
    dates = ctx.dates
    return next((d.value for d in dates if start <= d.start < end and d.value), "")


def horizon(ctx: Context, g: Goal, goals: list[Goal]) -> str:
    """The date that bounds a goal: one in its text or after it, before the next
    goal of its sentence (``doubler le nombre de start-up d'ici 2028``); else one
    fronted in its sentence (``Dès 2014, …``) or just before it (``va dès cette
    année renforcer``) that no other goal of the sentence holds; none for the aim of a relation."""
    doc, dates = ctx.doc, ctx.dates
    doc = ctx.doc
    mates = sorted((o for o in goals if o.sent_start == g.sent_start), key=lambda o: o.start)
    nxt = next((o.start for o in mates if o.start > g.start), g.sent_end)
    in_sent = [d for d in dates if g.sent_start <= d.start < g.sent_end and d.value]
    in_sent = [d for d in in_sent if not _apposed_participle(doc, d) and not _past(doc, d.value)]
    for d in in_sent:
        if g.start <= d.start < nxt and not _in_relative(text_of(doc)[g.end:d.start]):
            return d.value
    if g.source == "purpose":
        return ""                          # a date before the aim of a relation is the relation's
    sent = doc.char_span(g.sent_start, g.sent_end, alignment_mode="expand")
    goal_tok = doc.char_span(g.start, g.end, alignment_mode="expand")
    for d in in_sent:
        if d.start >= g.start:
            continue
        held = any(o is not g and o.start <= d.start < next((m.start for m in mates if m.start > o.start), g.sent_end)
                   for o in mates)
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if held or span is None or sent is None or goal_tok is None or on_publication_day(doc, d):
            continue                           # "Montréal, le 22 mai 2024 – … visant à créer": announced, no horizon
        adjacent = goal_tok.start - span.end <= 3 and not any(t.is_punct for t in doc[span.end:goal_tok.start])
        if span.start - sent.start <= 3 or adjacent:
            return d.value
    return ""


def strategy(ctx: Context) -> tuple[str, Organisation | None]:
    """The period of the document's strategy (``stratégie d'ensemble 2023-2027``) and its owner."""
    doc, folded, actors, dates = ctx.doc, ctx.folded, ctx.actors, ctx.dates
    period = ""
    for d in dates:
        two_sided = "/" in d.value and all(d.value.split("/"))
        if not d.value or not (two_sided or (d.value.startswith("/") and "horizon" in fold(d.timex.text))):
            continue                       # a period ("2023-2027", "à l'horizon 2030"), not a deadline
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is None:
            continue
        sent = sentence_of(doc, span.start)
        for k in range(sent.start, sent.end):
            if ctx.lex.strategy.match(doc, k, folded) is not None and not _under(doc, k):
                owner = next((org for _, _, org in actors.mentions_in(sent.start, sent.end) if not org.authority),
                             None)
                if owner is not None:
                    return period or d.value, owner
                # "# Projet d'établissement 2024-2028" … "L'Université de Lorraine a adopté son projet
                # d'établissement pour la période 2024-2028": the owner is named with the period again
                period = period or d.value
                break
    return period, None


def _under(doc: Doc, k: int) -> bool:
    """``… apportera 2 millions d'euros au titre du contrat de plan État-Région 2021-2027``: a plan the text's
    money or act falls under (``frame_openers``, words.jsonl) is someone else's frame, not the text's strategy."""
    start = k
    while start > 0 and k - start < 6 and not doc[start - 1].is_punct and doc[start - 1].pos_ not in ("VERB", "AUX"):
        start -= 1                             # the noun phrase the plan ends: "au titre du contrat de plan"
    before = " " + " ".join(fold(t.text) for t in doc[start:k]).replace("' ", "'") + " "
    return any(" " + p + " " in before for p in FRAME_OPENERS)


def _past(doc: Doc, value: str) -> bool:
    """A date that ended before the text's anchor (``une association créée en mars dernier``) bounds no aim."""
    anchor = doc._.anchor
    end = value.split("/")[-1]
    return anchor is not None and bool(end) and end < anchor.isoformat()[:len(end)]


def _apposed_participle(doc: Doc, d) -> bool:
    """``Créée en 1973, la CGE a pour objectif …``, ``son partenariat avec la TUM, signé en 2017``: a date a
    detached past participle governs says when something was done, no horizon (``sera livré en 2026`` is one)."""
    span = doc.char_span(d.start, d.end, alignment_mode="expand")
    if span is None or span.start == 0:
        return False
    k = span.start - 1 - (fold(doc[span.start - 1].text) in {"en", "le", "depuis", "des"})
    if k < 0 or not is_past_participle(doc[k]):
        return False
    return k == 0 or doc[k].is_sent_start or doc[k - 1].text in {",", "(", "–", "—"}


_RELATIVE_BETWEEN = re.compile(r",\s*(?:\w+\s+)?"
                               r"(?:qui|dont|lequel|laquelle|lesquels|lesquelles|duquel|auquel|auxquels)\b",
                               re.IGNORECASE)


def _in_relative(between: str) -> bool:
    """Does a date after a goal stand in a relative clause opened after it and not closed
    (``…, avec laquelle les discussions ont commencé cet hiver``)?"""
    last = None
    for match in _RELATIVE_BETWEEN.finditer(between):
        last = match
    return last is not None and "," not in between[last.end():]


def date_tokens(doc: Doc, dates) -> frozenset[int]:
    """Tokens of the dates, with the article or demonstrative before them (``ce mercredi 10 avril``)."""
    out = set()
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
            if span.start > 0 and doc[span.start - 1].lower_ in {"ce", "cette", "cet", "le", "la", "l'", "en"}:
                out.add(span.start - 1)
    return frozenset(out)
