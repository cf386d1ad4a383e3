"""Relations that grow: a group opening to a new member (``le réseau s'ouvrira à l'Université de Gand``)
or a cooperation extended to new partners (``élargit la coopération à l'Institut Agro``)."""
from __future__ import annotations

from ..docview import sentence_of
from ..grammar import DETERMINERS
from ..organisations import Organisation
from .model import Context, Frame, Partnership, Trigger

TO = {"a", "au", "aux"}


def joining(ctx: Context, trig: Trigger, frame: Frame) -> bool:
    """``s'ouvrir (dès 2026) à (d'autres partenaires, notamment) au CNRS``: an
    organisation named in the ``à`` complement of an extension verb."""
    doc, folded = ctx.doc, ctx.folded
    i, n, _ = trig
    k = i + n
    while k < frame.end and k - i < 6 and folded[k] not in TO:
        k += 1
    if k >= frame.end or folded[k] not in TO:
        return False
    for m in range(k + 1, min(frame.end, k + 10)):
        if m in ctx.actors.token_org:
            return True
        if doc[m].pos_ in ("VERB", "AUX") or doc[m].text in {";", ":", "."} or folded[m] in {"avec", "pour", "afin"}:
            return False
    return False


def _targets(ctx: Context, trig: Trigger, frame: Frame) -> list[Organisation]:
    """The organisations listed after the first ``à``/``au`` following the trigger."""
    folded = ctx.folded
    i, n, _ = trig
    k = i + n
    while k < frame.end and k - i < 8 and folded[k] not in TO:
        k += 1
    if k >= frame.end or k - i >= 8:
        return []
    return _bodies_listed(ctx, k + 1, frame.end, lambda m: folded[m] in DETERMINERS | {"et", ",", "au", "aux", "a"})


def _bodies_listed(ctx: Context, m: int, end: int, passes) -> list[Organisation]:
    """The bodies named one after the other from token ``m``, over the tokens ``passes`` accepts between them."""
    bodies = []
    while m < end:
        if m in ctx.actors.token_org:
            org, _, e = ctx.actors.token_org[m]
            bodies.append(org)
            m = e
        elif passes(m):
            m += 1
        else:
            break
    return bodies


def _joins(ctx: Context, last: Partnership, bodies: list[Organisation], i: int) -> None:
    """``bodies`` join the relation ``last``, stated again in the sentence of token ``i``."""
    for org in bodies:
        if org not in last.parties:
            last.parties.append(org)
    sent = sentence_of(ctx.doc, i)
    last.sources.append((sent.start_char, sent.end_char))


def extend(ctx: Context, trig: Trigger, frame: Frame, s_index: int, found: list[Partnership]) -> bool:
    """Add the organisations after ``à``/``au`` to the last relation, when the subject names none."""
    i = trig[0]
    targets = _targets(ctx, trig, frame)
    subj = ctx.actors.subject(i, frame.start)
    if not targets or subj.kind == "org":
        return False
    last = next((p for p in reversed(found) if 0 <= s_index - p.sent_index <= 2), None)
    if last is None:
        return False
    _joins(ctx, last, targets, i)
    return True


def extend_object(ctx: Context, trig: Trigger, frame: Frame, s_index: int, found: list[Partnership]) -> bool:
    """``La convention associe également le CNRS``, ``Elle associe aussi le CNRS`` after an act: the act's subject
    is the act itself, and the bodies it takes as object join the last relation's parties."""
    i, n, _ = trig
    subj = ctx.actors.subject(i, frame.start)
    pronoun = subj.kind == "pronoun" and subj.start >= 0 and ctx.folded[subj.start] in {"il", "elle"}
    if not (pronoun or (subj.kind == "noun" and _relation_noun(ctx, subj.start, i))):
        return False
    targets = _bodies_listed(ctx, i + n, frame.end,
                             lambda m: ctx.folded[m] in DETERMINERS | {"et", ","} or ctx.doc[m].pos_ == "ADV")
    last = next((p for p in reversed(found) if 0 <= s_index - p.sent_index <= 1 and len(p.parties) >= 2), None)
    if not targets or last is None:
        return False
    _joins(ctx, last, targets, i)
    return True


def _relation_noun(ctx: Context, start: int, end: int) -> bool:
    """A relation's noun heads the words from ``start`` to ``end`` (``Cette convention``)."""
    for j in range(max(0, start), end):
        hit = ctx.lex.partnership.match(ctx.doc, j, ctx.folded)
        if hit is not None and hit[0]["pos"] == "NOUN":
            return True
    return False
