"""Step 4: what a relation is: its kind (a cooperation inside a group is a membership), its status
(established or planned, from tense, aspect and intention), its date, and its topics."""
from __future__ import annotations

import re

from spacy.tokens import Span

from ..dates import on_publication_day
from ..docview import text_of
from ..grammar import is_conditional, is_finite_verb, is_future, is_gerund, is_infinitive
from ..normalise import fold
from ..words import words
from .model import Context, Frame, Trigger

W = words()
ALLER = W.set("aller_forms")
TOPIC_OPENERS = W.tuple("topic_openers")


def _group_after(ctx: Context, start: int, stop: int) -> bool:
    return any(k in ctx.actors.token_org and ctx.actors.token_org[k][0].kind == "group" for k in range(start, stop))


def _within_group(ctx: Context, frame: Frame) -> bool:
    """``collaborent au sein de la CGE``: a cooperation inside a group."""
    doc = ctx.doc
    for j in frame.indices():
        if fold(doc[j].text) == "sein" and j > 0 and fold(doc[j - 1].text) == "au" \
                and _group_after(ctx, j + 1, min(frame.end, j + 5)):
            return True
    return False


def _verb_on_group(ctx: Context, i: int, n: int) -> bool:
    """``coordonne l'alliance 4EU+``: a cooperation verb whose first organisation after it is a group."""
    doc, actors = ctx.doc, ctx.actors
    for j in range(i + n, min(len(doc), i + n + 6)):
        if j in actors.token_org:
            return actors.token_org[j][0].kind == "group" and not any(
                fold(doc[k].text) == "avec" for k in range(i + n, j))
    return False


def object_kind(ctx: Context, triggers: list[Trigger], kind: str, frame: Frame | None = None) -> str:
    """A cooperation verb whose object is a group (``coordonne l'alliance 4EU+``), or a
    cooperation ``au sein de`` a group (``collaborent au sein de la CGE``), states membership."""
    if kind != "cooperation":
        return kind
    if frame is not None and _within_group(ctx, frame):
        return "membership"
    for i, n, entry in triggers:
        if entry["pos"] == "VERB" and entry["kind"] == "cooperation" and _verb_on_group(ctx, i, n):
            return "membership"
    return kind


def named_alliance(ctx: Context, triggers: list[Trigger]) -> str:
    """``au sein de l'alliance Centre-Val de Loire Universités``: the group a trigger noun introduces."""
    token_org = ctx.actors.token_org
    for i, n, entry in triggers:
        if entry["pos"] == "NOUN" and i + n in token_org and token_org[i + n][0].kind == "group":
            return token_org[i + n][0].name
    return ""


def _gerund_status(ctx: Context, i: int, frame: Frame) -> str:
    """``en signant``: the tense of the main verb."""
    doc = ctx.doc
    main = next((doc[k] for k in frame.indices() if is_finite_verb(doc[k]) and k < i), None)
    return "planned" if main is not None and (is_future(main) or is_conditional(main)) else "established"


def _carried_on(ctx: Context, i: int, c_start: int) -> bool:
    """``poursuivra``, ``consolidera son partenariat``: a relation that goes on."""
    doc = ctx.doc
    for j in range(i - 1, max(c_start - 1, i - 8), -1):
        if ctx.lex.continuing.match(doc, j, ctx.folded) is not None:
            return True
        if is_finite_verb(doc[j]) and doc[j].pos_ == "VERB":
            return False
    return False


def _governs(ctx: Context, j: int, i: int) -> bool:
    """An intention verb at ``j`` that governs the trigger at ``i``: one that wants an infinitive
    (``compte signer``) governs only through one (``le groupe compte cinq membres`` states a fact);
    a present participle describes a noun (``un accord visant à l'échange … a été signé``) and governs
    no conjugated verb after it."""
    hit = ctx.lex.intention_at(ctx.doc, j, ctx.folded)
    if hit is None:
        return False
    if _present_participle(ctx.doc[j]) and any(is_finite_verb(ctx.doc[k]) for k in range(j + 1, i + 1)):
        return False
    if hit[0].get("complement") != "inf":
        return True
    return any(is_infinitive(ctx.doc[k]) for k in range(j + 1, min(i + 1, j + 6)))


def _present_participle(tok) -> bool:
    return tok.text.lower().endswith("ant") and ("Part" in tok.morph.get("VerbForm") or tok.pos_ == "VERB") \
        and "Fin" not in tok.morph.get("VerbForm")


def _intended_before(ctx: Context, i: int, frame: Frame) -> bool:
    """An intention, an objective, a plan, ``va`` + infinitive or a future before the trigger."""
    doc, folded, lex = ctx.doc, ctx.folded, ctx.lex
    for j in range(i - 1, frame.start - 1, -1):
        if not frame.contains(j):
            continue
        if _governs(ctx, j, i) or lex.objective.match(doc, j, folded) is not None \
                or lex.planned.match(doc, j, folded) is not None:
            return True
        if folded[j] in ALLER and any(is_infinitive(doc[k]) for k in range(j + 1, min(i + 1, j + 6))):
            return True
        if is_future(doc[j]) or is_conditional(doc[j]):
            return True
    return False


def _intended_after(ctx: Context, start: int, c_end: int) -> bool:
    """``les axes de coopération que l'UTT souhaite développer avec SU``."""
    for j in range(start, c_end):
        if ctx.folded[j] in {"que", "qu'"}:
            return any(ctx.lex.intention_at(ctx.doc, k, ctx.folded) is not None
                       for k in range(j + 1, min(c_end, j + 8)))
    return False


def _future_at(ctx: Context, i: int, frame: Frame) -> bool:
    tok = ctx.doc[i]
    if is_future(tok) or is_conditional(tok):
        return True
    head = tok.head
    return head is not tok and frame.contains(head.i) and (is_future(head) or is_conditional(head))


def status(ctx: Context, triggers: list[Trigger], frame: Frame) -> str:
    """``planned`` when the act is future, conditional, or governed by an
    intention (``souhaite développer``, ``l'objectif est de``, ``va``), else
    ``established``. A relation carried on (``poursuivra``, ``consolidera son
    partenariat``) is established; a gerund (``en signant``) takes the tense of
    its main verb. The principal trigger decides: the first act, else the first trigger."""
    doc = ctx.doc
    i, n, _ = next((t for t in triggers if t[2].get("act")), triggers[0])
    if is_gerund(doc, i):
        return _gerund_status(ctx, i, frame)
    if _carried_on(ctx, i, frame.start):
        return "established"
    if _future_at(ctx, i, frame) or _intended_before(ctx, i, frame) or _intended_after(ctx, i + n, frame.end):
        return "planned"
    # an item of a list whose introduction states an intention ("les axes que l'UTT souhaite développer … :")
    if ctx.planned_items and any(s <= doc[i].idx < e for s, e in ctx.planned_items):
        return "planned"
    # an infinitive clause standing alone (heading, list item) states an aim
    k = frame.start
    while k < frame.end - 1 and (doc[k].is_punct or doc[k].is_space):
        k += 1
    return "planned" if is_infinitive(doc[k]) else "established"


def _dateline(ctx: Context, d, trig: int) -> bool:
    """``L'Inra signe des accords … ⏎ Le 26/03/2012 à 9:00 par La Rédaction``: the document's own date on
    another line than the relation dates the text, not the relation."""
    if not on_publication_day(ctx.doc, d):
        return False
    text = text_of(ctx.doc)
    lo, hi = sorted((trig, d.start))
    return "\n" in text[lo:hi]


def date(ctx: Context, sent: Span, at: int, frame: Frame, claimed: set[int]) -> str:
    """Date of signature, creation or start: the frame's own date nearest the
    trigger, else the nearest date of the sentence no other relation claimed;
    a period gives its start (``depuis 2021`` → 2021)."""
    doc = ctx.doc
    in_sent = [d for d in ctx.dates if sent.start_char <= d.start < sent.end_char and d.value]
    if not in_sent:
        return ""
    trig = doc[at].idx

    def in_frame(d) -> bool:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        return span is not None and frame.contains(span.start)

    in_sent = [d for d in in_sent if not d.value.startswith("/")]   # a deadline is no start
    in_sent = [d for d in in_sent if not _dateline(ctx, d, doc[at].idx)]
    own = [d for d in in_sent if in_frame(d)]
    pool = own or ([d for d in in_sent if d.start not in claimed] if frame.kind == "main" else [])
    if not pool:
        return ""
    best = min(pool, key=lambda d: abs(d.start - trig))
    claimed.add(best.start)
    return best.value.split("/")[0] if "/" in best.value else best.value


_TOPIC_STOP = re.compile(r"\s(?:et l['’]autre|avec|pour|afin|qui|dont|depuis|en\s\d)|[.;:()«»]"
                         r"|,\s*(?:l['’]un|l['’]autre)")
_LEADING_ARTICLE = re.compile(r"^(?:les\s|la\s|le\s|l['’]|des\s|du\s|de\s|d['’])", flags=re.IGNORECASE)


def topics(ctx: Context, start: int, end: int) -> list[str]:
    """Domains a partnership is about: the noun phrases after ``sur``, ``dans le domaine de`` …"""
    doc = ctx.doc
    text = text_of(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)] if end > start else ""
    low = fold(text)
    found: list[str] = []
    for opener in TOPIC_OPENERS:
        for m in re.finditer(r"(?<!\w)" + re.escape(opener) + r"\s+(?:l'|la |le |les |des |du |de la |de l'|d')?", low):
            rest = text[m.end():]
            stop = _TOPIC_STOP.search(rest)
            chunk = rest[:stop.start()] if stop else rest
            for piece in re.split(r",\s*|\s+et\s+|\s+ou\s+", chunk):
                piece = _LEADING_ARTICLE.sub("", piece.strip()).strip()
                if piece and len(piece) <= 60 and piece not in found:
                    found.append(piece)
    return found
