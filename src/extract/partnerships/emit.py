"""Step 6: the partnerships a frame states, with their attributes: one per body joined
(``X est membre de A et du réseau B``), one per partner of separate acts (``l'un avec X …
l'autre avec Y``, ``ses accords avec X et Y``), else one."""
from __future__ import annotations

from ..organisations import Organisation
from ..words import words
from . import attributes
from .clauses import dont_including
from .model import KIND_RANK, Context, Partnership, Trigger
from .parties import avec_groups, possessed_partners
from .work import Work

JOINT_ADJECTIVES = words().set("joint_adjectives")


def _base(w: Work, ev_start: int, ev_end: int) -> dict:
    return dict(start=ev_start, end=ev_end, name=w.name, generic=w.generic, count_hint=w.count,
                sent_index=w.clause.s_index)


def _per_body_joined(ctx: Context, w: Work, base: dict) -> list[Partnership]:
    joined = [p for p in w.parties if w.position.get(id(p), -1) > w.first and p is not w.frame.antecedent]
    members = [p for p in w.parties if p not in joined]
    if len(joined) < 2 or not members or _joint(ctx, w):
        return []
    status = attributes.status(ctx, w.triggers, w.frame)
    date = attributes.date(ctx, w.clause.sent, w.first, w.frame, w.clause.claimed)
    topics = attributes.topics(ctx, w.first, w.frame.end)
    if any(_within(ctx, w.position.get(id(g), -1)) for g in joined):
        return [Partnership(parties=list(w.parties), kind=w.kind, status=status, date=date, topics=topics, **base)]
    return [Partnership(parties=members + [g], kind=w.kind, status=status, date=date, topics=topics, **base)
            for g in joined]


def _within(ctx: Context, at: int) -> bool:
    """The body at ``at`` follows ``au sein de`` (``… à A et à B au sein du réseau G``): the group the others
    act in together, not one more body joined."""
    before = ctx.folded[max(0, at - 4):at]
    return any(before[k:k + 2] == ["au", "sein"] for k in range(len(before) - 1))


def _joint(ctx: Context, w: Work) -> bool:
    """``sous la tutelle conjointe de A et de B``: one act of all the bodies."""
    return any(i + n < len(ctx.doc) and ctx.folded[i + n] in JOINT_ADJECTIVES for i, n, _ in w.triggers)


def _separate_acts(ctx: Context, w: Work, groups: list) -> bool:
    """Several ``avec``, or one ``avec`` listing several partners of a plural agreement noun, or the partners
    a possessive lists (``ses partenaires X et Y``)."""
    if len(groups) >= 2:
        return True
    partners = [o for g in groups for o, _ in g[0]]
    if groups and possessed_partners(ctx, groups[0][1]) and len(partners) >= 2:
        return True                    # "compte parmi ses partenaires X et Y": one relation with each
    plural_agreement = any("Plur" in ctx.doc[t[0]].morph.get("Number") and t[2]["pos"] == "NOUN"
                           and t[2]["kind"] == "agreement" for t in w.triggers)
    return plural_agreement and len(partners) >= 2 and (not w.generic or any(
        dont_including(ctx, j, w.frame.end) for j in w.frame.indices()))


def _other_side(ctx: Context, w: Work, groups: list) -> list[Organisation]:
    """Who makes the separate acts: a party that is no partner, the subject's actor
    (``Elle compte conclure des conventions avec A et B``), the body a possessive stands for (``Ses membres,
    dont A et B, …``: the previous sentence's subject, else the last body named), else the issuer."""
    partners = [o for g in groups for o, _ in g[0]]
    others = [p for p in w.parties if p not in partners]
    subj = w.subj
    if not others and subj is not None and subj.kind in ("pronoun", "anaphor"):
        actor = ctx.actors.actor_for(subj)
        if actor is not None and actor not in partners:
            others = [actor]
    if not others and possessed_partners(ctx, groups[0][1]):
        j = groups[0][1]
        owner = ctx.actors.previous_subject(j) or next(
            (org for s, _, org in reversed(ctx.actors.mentions) if s < j and org not in partners), None)
        others = [owner] if owner is not None and owner not in partners else []
    if not others and ctx.actors.main is not None and ctx.actors.main not in partners:
        others = [ctx.actors.main]
    return others


def _own_trigger(w: Work, boundary: int, at: int) -> Trigger:
    """The strongest word of one partner's own stretch (``accords de double diplôme avec X``)."""
    own = [t for t in w.triggers if boundary < t[0] < at]
    if own:
        return max(own, key=lambda t: KIND_RANK[t[2]["kind"]])
    return max((t for t in w.triggers if t[0] < at), key=lambda t: t[0], default=w.triggers[0])


def _per_partner(ctx: Context, w: Work, groups: list, base: dict) -> list[Partnership]:
    others = _other_side(ctx, w, groups)
    if len(groups) >= 2:
        items = groups
    else:                              # one "avec" listing several partners of a plural act
        members, at, seg_end = groups[0]
        items = [([m], at, seg_end) for m in members]
    result = []
    boundary, last_at = -1, -1
    for members, at, seg_end in items:
        if at != last_at:
            boundary, last_at = last_at, at
        orgs = [o for o, _ in members]
        if len(others[:1] + orgs) < 2 and not w.generic:
            continue                   # a partner with no one on the other side
        trig = _own_trigger(w, boundary, at)
        result.append(Partnership(
            parties=others[:1] + orgs, kind=attributes.object_kind(ctx, [trig], trig[2]["kind"]),
            status=attributes.status(ctx, [trig], w.frame),
            date=attributes.date(ctx, w.clause.sent, at, w.frame, w.clause.claimed),
            topics=attributes.topics(ctx, at, seg_end), **base))
    return result


def emit(ctx: Context, w: Work, ev_start: int, ev_end: int) -> list[Partnership]:
    base = _base(w, ev_start, ev_end)
    if w.kind == "membership":
        joined = _per_body_joined(ctx, w, base)
        if joined:
            return joined
    groups = avec_groups(ctx, w.frame)
    if _separate_acts(ctx, w, groups):
        return _per_partner(ctx, w, groups, base)
    status = attributes.status(ctx, w.triggers, w.frame)
    date = attributes.date(ctx, w.clause.sent, w.first, w.frame, w.clause.claimed)
    return [Partnership(parties=w.parties, kind=w.kind, status=status, date=date,
                        topics=attributes.topics(ctx, w.first, w.frame.end), **base)]
