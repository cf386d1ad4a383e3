"""Step 7: one entry per act across the document (a headline restating a relation of the body,
the same relation stated twice, a group counted then listed by name)."""
from __future__ import annotations

from .model import KIND_RANK, Partnership


def _restates(title: Partnership, q: Partnership) -> bool:
    """A headline's relation restates a relation of the body with the same parties, or with more of them
    and the same kind (``A et B créent un institut`` over ``A, B et C annoncent la création de l'institut``)."""
    return q.ids == title.ids or (q.ids > title.ids and q.kind == title.kind)


def _content_of(act: Partnership, later: Partnership) -> bool:
    """A cooperation still to come, stated after an agreement or alliance in force between the same bodies,
    is that act's content, not another act."""
    return later.kind == "cooperation" and later.status == "planned" and act.status == "established" \
        and act.kind in ("agreement", "alliance") and later.sent_index > act.sent_index and not later.date


def merge(found: list[Partnership]) -> list[Partnership]:
    """One entry per act. A headline restating a relation of the body is that
    relation; the same parties, kind and status stated twice are one
    partnership; a group counted (``6 écoles``) then listed by name in the next
    sentences (up to six on, two for a headline's count) is one partnership. A
    merger happens once: stated as done and as to come, it is one planned merger."""
    body = [p for p in found if not p.in_title]
    kept = [p for p in found if not (p.in_title and any(_restates(p, q) for q in body))]
    for p in found:
        if p.in_title and p not in kept:
            q = next(q for q in body if _restates(p, q))
            q.date = q.date or p.date
            q.sources += p.sources
    merged: list[Partnership] = []
    for p in kept:
        target = None
        for q in merged:
            dates_differ = bool(q.date and p.date and q.date != p.date)
            if q.ids == p.ids and q.kind == p.kind == "merger" and q.status != p.status:
                target = q                     # "fusionnent pour devenir …" then "vont fusionner": one merger,
                q.status = "planned"           # still to come while any statement puts it ahead
                break
            if q.ids == p.ids and _content_of(q, p):
                target = q                     # "ont signé un accord …. Les deux établissements s'engagent à
                break                          # construire des parcours communs": what the agreement holds
            if q.ids == p.ids and q.status == p.status and (
                    q.kind == p.kind or ("cooperation" in (q.kind, p.kind) and not dates_differ)):
                target = q
                if KIND_RANK[p.kind] > KIND_RANK[q.kind]:
                    q.kind = p.kind            # "un rapprochement" then "pourraient fusionner": a merger
                break
            if q.count_hint and q.generic and 0 < p.sent_index - q.sent_index <= (2 if q.in_title else 6) and \
                    len(p.ids - q.ids) == q.count_hint:
                target = q
                listed = [o for o in p.parties if o.org_id not in q.ids]
                if len(q.parties) == 1 and not q.name and len(p.parties) == len(listed):
                    q.name = q.parties[0].name     # "cette fusion entre 6 écoles" of the body it makes
                    q.parties = []
                q.parties = q.parties + listed
                q.generic = False
                q.count_hint = None
                break
        if target is None:
            merged.append(p)
            continue
        target.sources += p.sources
        if target.status == "planned" and p.date and target.date and p.date > target.date:
            target.date = p.date               # a planned act starts at its effective date, not at its decision
        target.date = target.date or p.date
        target.name = target.name or p.name
        target.topics = target.topics + [t for t in p.topics if t not in target.topics]
    merged.sort(key=lambda p: p.start)
    return merged
