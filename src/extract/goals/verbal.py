"""Form 1: an intention verb and its complement (``l'IMT souhaite structurer …``, ``vise l'élargissement de …``)."""
from __future__ import annotations

from spacy.tokens import Span

from ..grammar import clause_bounds, denied, is_finite_verb, is_gerund, is_past_participle
from ..words import words
from .actor import actor_of_verb
from .complements import amount, announces_list, complement, make_goal, parts, purpose_of_means, que_clause
from .model import Context, Goal

W = words()
PURPOSE_BEFORE = W.set("purpose_before")
AUXILIARIES = W.set("present_auxiliaries")


def verbal(ctx: Context, sent: Span) -> list[Goal]:
    doc, folded, _actors = ctx.doc, ctx.folded, ctx.actors
    out = []
    i = sent.start
    while i < sent.end:
        hit = ctx.lex.intention_at(doc, i, folded)
        if hit is None or not intention_use(ctx, i, hit[0], sent):
            i += hit[1] if hit else 1
            continue
        entry, n = hit
        c_start, c_end = clause_bounds(sent, i)
        c_end = _participle_clause_end(ctx, i, c_end)
        comp = complement(ctx, i + n - 1, c_end, allow_np=entry.get("complement") in ("np", "both"))
        if comp is None and entry.get("que_clause"):
            comp = que_clause(ctx, i + n, c_end)
        if comp is None:
            i += n
            continue
        j, what = comp
        if what == "inf":
            j = purpose_of_means(ctx, j, c_end) or j     # "entend utiliser ce financement pour créer …"
        if what == "np" and (announces_list(ctx, j, c_end) or amount(ctx, j, c_end)):
            i += n
            continue
        spans = parts(ctx, j, c_end, what)
        actor = _que_subject(ctx, j) or actor_of_verb(ctx, sent, i, c_start)
        out += [make_goal(ctx, s, e, entry["term"], actor, sent, "verbal") for s, e in spans]
        i = max(i + n, max(e for _, e in spans))
    return out


def _body_commits(ctx: Context, i: int, sent) -> bool:
    """``Le groupe UT doit promouvoir``: a body (named, an anaphor, ``nous``) as subject, and an active
    infinitive after (``doit être livré`` is a schedule)."""
    k = i + 1
    while k < sent.end and ctx.doc[k].pos_ == "ADV":
        k += 1
    if k < sent.end and ctx.doc[k].lemma_ == "être":
        return False
    subj = ctx.actors.subject(i, clause_bounds(sent, i)[0])
    return subj.kind in ("org", "anaphor", "pronoun") and not subj.others


def _que_subject(ctx: Context, j: int):
    """``L'accord prévoit que l'École polytechnique intègre …``: a body as the ``que`` clause's subject commits."""
    if ctx.folded[j] not in {"que", "qu'"}:
        return None
    k = j + 1
    while k < len(ctx.doc) and ctx.doc[k].pos_ == "DET":
        k += 1
    hit = ctx.actors.token_org.get(k)
    return hit[0] if hit else None


def _participle_clause_end(ctx: Context, i: int, c_end: int) -> int:
    """``un accord-cadre visant à l'échange d'étudiants a été signé …``: a present participle's complement
    ends before the main clause's conjugated verb."""
    doc = ctx.doc
    if not (doc[i].text.lower().endswith("ant") and "Part" in doc[i].morph.get("VerbForm")):
        return c_end
    return next((k for k in range(i + 1, c_end) if is_finite_verb(doc[k])), c_end)


def _passive_or_hypothetical(ctx: Context, i: int, sent) -> bool:
    """What no one commits to: a passive (``L'ouverture est prévue pour la rentrée``: what is planned is the
    subject, not the complement), an intention denied by ``sans`` (``sans envisager de fusion``), or one in
    a condition (``si les diplômés souhaitent …``)."""
    doc, folded = ctx.doc, ctx.folded
    before = range(max(sent.start, i - 3), i)
    if "Part" in doc[i].morph.get("VerbForm") and any(doc[k].lemma_ == "être" for k in before) \
            and not any(folded[k] in {"se", "s'"} for k in before):
        return True
    for k in range(i - 1, sent.start - 1, -1):
        if doc[k].text in {",", ";", ":"} and k < i - 5:
            break
        if folded[k] == "sans" and k >= i - 5:
            return True
        if folded[k] in {"si", "s'il", "s'ils"} and doc[k].pos_ == "SCONJ":
            return True
    return False


def _people_relative(ctx: Context, i: int, sent) -> bool:
    """``les étudiants luxembourgeois qui souhaitent effectuer …``: people wish, no body commits."""
    subj = ctx.actors.subject(i, clause_bounds(sent, i)[0])
    if subj.kind != "relative" or subj.start < 0:
        return False
    k = subj.start - 1
    while k >= sent.start and ctx.doc[k].pos_ == "ADJ":
        k -= 1
    return k >= sent.start and ctx.folded[k] in ctx.lex.people


def intention_use(ctx: Context, i, entry, sent) -> bool:
    doc, folded = ctx.doc, ctx.folded
    tok = doc[i]
    if is_gerund(doc, i):                      # "en misant sur": a means, not a goal
        return False
    if i > sent.start and (folded[i - 1] in PURPOSE_BEFORE or (
            folded[i - 1] in {"de", "d'"} and i - 2 >= sent.start and folded[i - 2] in PURPOSE_BEFORE)):
        return False                           # "afin de viser l'excellence"
    # a past participle is an intention only with its auxiliary ("nous avons prévu")
    if is_past_participle(tok) and not any(
            doc[k].lemma_ in ("avoir", "être") or folded[k] in AUXILIARIES for k in range(max(sent.start, i - 3), i)):
        return False
    if entry.get("body_subject") and not _body_commits(ctx, i, sent):
        return False
    if _passive_or_hypothetical(ctx, i, sent):
        return False
    if _people_relative(ctx, i, sent):
        return False
    # "L'UPVD n'envisage pas de rejoindre …": a denied intention commits to nothing
    if denied(folded, i, sent.start, sent.end):
        return False
    # "les axes que l'UTT souhaite développer": the object is the relative's antecedent
    for k in range(i - 1, max(sent.start - 1, i - 9), -1):
        if folded[k] in {"que", "qu'"} and k > sent.start and doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
            return False                       # not "tandis que l'Université … veut porter"
        if doc[k].text in {",", ";", ":"}:
            break
    return True
