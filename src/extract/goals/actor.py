"""Whose goal it is: the subject of the intention, the owner of a list or objective, else the document's actor."""
from __future__ import annotations

from ..actors.model import Subject
from ..actors.subjects import first_finite_verb
from ..actors.words import ANAPHOR_DETERMINERS, SPEAKER_POSSESSIVES
from ..docview import sentence_of
from ..grammar import is_finite_verb
from ..layout import list_groups
from ..normalise import fold
from ..organisations import Organisation
from ..words import words
from .model import JOINT, Context

W = words()
NEW_BODY = W.set("new_body")


def committer(ctx: Context, subj, sent) -> Organisation | None:
    """Who commits, from the subject of the verb: :data:`JOINT` for several bodies together, unless they are the
    members of the group the text is about (``l'Esigelec, l'EPF, HEI et l'Eigsi vont procéder à …`` in a text on
    IngéFrance, the alliance they form); ``nous`` outside a quotation, the text's own voice, is the strategy's
    owner (the document's default actor)."""
    actors = ctx.actors
    actor = actors.actor_for(subj, speaker=actors.speaker_org(sent))
    if actor is None and ctx.default_actor is not None and actors.speaks_for_text(subj):
        return ctx.default_actor           # "nous voulons …" on a body's own strategy page: the plan's owner
    if actor is None and subj.kind == "org" and subj.others and _members_of_main(actors, {subj.org, *subj.others}):
        return actors.main
    if actor is None and (subj.kind == "generic" or (subj.kind == "org" and subj.others)):
        return JOINT
    return actor


def _members_of_main(actors, bodies: set) -> bool:
    """Three bodies or more, all parties of one alliance of the text, whose main actor is a group outside them."""
    main = actors.main
    return main is not None and main.kind == "group" and main not in bodies and len(bodies) >= 3 and any(
        p.kind == "alliance" and bodies <= set(p.parties) for p in actors.doc._.partnerships or [])


def actor_of_verb(ctx: Context, sent, i, c_start) -> Organisation | None:
    """The committer of an intention verb; an agreement as subject commits its parties jointly
    (``Cet accord-cadre permettra de …``), a merger the body it makes (the text's main actor)."""
    head = relation_head(ctx, c_start, i)
    if head in JOINT_RELATIONS or _participle_of_act(ctx, i):
        return JOINT
    made = (ctx.actors.main or _merging_body(ctx, i)) if head == "merger" else None
    if made is not None:
        return made                        # "La fusion permettra de …": the body the merger makes
    actors = ctx.actors
    subj = actors.subject(i, c_start)
    if subj.kind == "none" and c_start > sent.start:
        subj = actors.subject(i, sent.start)
    if _stands_for_act(ctx, subj):
        return JOINT
    return committer(ctx, subj, sent)


def _stands_for_act(ctx: Context, subj) -> bool:
    """``A et B ont renouvelé leur convention. Elle prévoit …``: a singular pronoun after a sentence whose
    subject is several bodies that state an agreement or a cooperation stands for the act, not for one body."""
    if subj.kind != "pronoun" or subj.start < 0 or ctx.folded[subj.start] not in {"il", "elle"}:
        return False
    sent = sentence_of(ctx.doc, subj.start)
    if sent.start == 0:
        return False
    prev = sentence_of(ctx.doc, sent.start - 1)
    if not any(p.kind in JOINT_RELATIONS and len(p.parties) >= 2 and prev.start_char <= p.start < prev.end_char
               for p in ctx.doc._.partnerships or []):
        return False
    verb = first_finite_verb(prev)
    before = ctx.actors.subject(verb.i, prev.start) if verb is not None else None
    return before is not None and before.kind == "org" and bool(before.others)


def _participle_of_act(ctx: Context, i: int) -> bool:
    """``un mémorandum d'entente visant à …``: a present participle right after an agreement's noun phrase is
    the act's aim, its parties' together."""
    if not ctx.folded[i].endswith("ant"):
        return False
    for k in range(i - 1, max(-1, i - 5), -1):
        hit = ctx.lex.partnership.match(ctx.doc, k, ctx.folded)
        if hit is not None and hit[0]["pos"] == "NOUN":
            return hit[0]["kind"] in JOINT_RELATIONS
        if ctx.doc[k].pos_ not in ("NOUN", "ADJ", "ADP", "DET") or k in ctx.actors.token_org:
            return False
    return False


def _merging_body(ctx: Context, i: int) -> Organisation | None:
    """The body a merger stated before token ``i`` makes, when the text names no main actor: its own name
    when it has one, else the party named first (``la fusion entre l'UCLouvain et l'Université Saint-Louis``:
    the absorbing body is named first)."""
    before = ctx.doc[i].idx
    mergers = [p for p in ctx.doc._.partnerships or [] if p.kind == "merger" and p.start < before]
    if not mergers:
        return None
    last = mergers[-1]
    named = next((o for o in last.parties if o.name == last.name), None)
    return named or _announced_body(ctx, last) or min(last.parties, key=lambda o: o.start, default=None)


def _announced_body(ctx: Context, merger) -> Organisation | None:
    """``… la création d'un Insa. Ce nouvel établissement sera issu du rapprochement de A et de B``: a merger
    whose subject is a new body (determiner, ``new_body`` adjective, anaphoric noun) makes the body named
    last before it that is no party and that noun can stand for."""
    span = ctx.doc.char_span(merger.start, merger.end, alignment_mode="expand")
    if span is None or len(span) < 3:
        return None
    det, adj, noun = (ctx.folded[span.start + k] for k in range(3))
    kinds = ctx.lex.anaphor_kinds.get(noun)
    if det not in ANAPHOR_DETERMINERS or adj not in NEW_BODY or not kinds:
        return None
    before = [(m.start, o) for o in ctx.actors.orgs for m in o.mentions
              if m.start < merger.start and o not in merger.parties and o.kind in kinds]
    return max(before, key=lambda t: t[0])[1] if before else None


def actor_near(ctx: Context, sent, i, c_start) -> Organisation | None:
    """Actor of an objective noun: ``notre``/``nos`` before it, the speaker's body; else the subject of the
    clause's verb (``le Groupe UT a un objectif``); an agreement or a cooperation as subject commits its
    parties jointly."""
    doc, actors = ctx.doc, ctx.actors
    if i > 0 and ctx.folded[i - 1] in SPEAKER_POSSESSIVES:   # "« Ce projet traduit notre volonté de … », dit X"
        return committer(ctx, Subject("pronoun", None, i - 1), sent)
    for k in range(i - 1, c_start - 1, -1):
        if doc[k].pos_ in ("VERB", "AUX") and is_finite_verb(doc[k]):
            if relation_head(ctx, max(c_start, sent.start), k) in JOINT_RELATIONS:
                return JOINT               # "Ce partenariat a pour ambition de …": its parties together
            return committer(ctx, actors.subject(k, c_start), sent)
    for s, _, org in actors.mentions_in(c_start, i):
        if s == c_start or fold(doc[s - 1].text) not in {"de", "d'", "du", "des", "avec", "a", "au"} \
                or actors.through_title(s):       # "Pour X, PDG d'Inria, l'objectif est …"
            return org
    return actors.previous_subject(i) or actors.main


JOINT_RELATIONS = ("agreement", "cooperation")   # a subject headed by them commits their parties jointly


def relation_head(ctx: Context, start: int, verb: int) -> str:
    """The kind of relation whose noun heads the verb's subject (its first noun, before any body), or ``""``."""
    doc, folded = ctx.doc, ctx.folded
    for j in range(start, verb):
        if j in ctx.actors.token_org or doc[j].pos_ in ("VERB", "AUX") or folded[j] in ctx.lex.generic_partner:
            return ""                      # "les quatre partenaires comptent": the parties, not their relation
        hit = ctx.lex.partnership.match(doc, j, folded)
        if hit is not None and hit[0]["pos"] == "NOUN":
            return hit[0]["kind"]
        if doc[j].pos_ in ("NOUN", "PROPN"):
            return ""                      # "les axes de coopération que …": the head is another noun
    return ""


def intro_actor(ctx: Context, start, end) -> Organisation | None:
    """The actor of a list: the subject of its introduction's last sentence (the one that opens the list)."""
    doc, folded, actors, default_actor = ctx.doc, ctx.folded, ctx.actors, ctx.default_actor
    if end > start:
        start = max(start, sentence_of(doc, end - 1).start)
    for k in range(start, end):
        if doc[k].pos_ in ("VERB", "AUX") and is_finite_verb(doc[k]):
            subj = actors.subject(k, start)
            if subj.kind == "org" and subj.others:
                return JOINT                   # "l'ESTP et VINCI Construction se fixent trois priorités :"
            if relation_head(ctx, start, k) in JOINT_RELATIONS:
                return JOINT                   # "Ce contrat de plan État-Région définit 5 axes :": its parties
            if subj.kind in ("noun", "generic") and subj.start >= start:
                words = range(subj.start, k)
                if any(folded[j] in NEW_BODY for j in words) and any(
                        folded[j] in ctx.lex.anaphor_kinds for j in words):
                    return None                # "le futur établissement s'est fixé …": a body yet to be
            break
    for s, _, org in actors.mentions_in(start, end):
        if s > 0 and fold(doc[s - 1].text) in {"avec", "entre"}:
            continue
        return org
    for k in range(start, end):
        if actors.anaphor_at(k):
            org = actors.resolve_anaphor(k, subject=True)
            if org is not None:
                return org
    return default_actor


def relative_actor(ctx: Context, k, c_end) -> Organisation | None:
    """``… un défi que l'Institut a la volonté de relever``: the relative's subject."""
    doc, folded, actors = ctx.doc, ctx.folded, ctx.actors
    for j in range(k, min(c_end, k + 6)):
        if folded[j] in {"que", "qu'"}:
            subj = actors.subject(j + 2, j + 1) if j + 2 < c_end else None
            if j + 1 in actors.token_org:
                return actors.token_org[j + 1][0]
            if j + 2 < len(doc) and actors.anaphor_at(j + 2):
                return actors.resolve_anaphor(j + 2, subject=True)
            return subj.org if subj is not None and subj.kind == "org" else None
    return None


def list_actor(ctx: Context, line):
    doc, _actors, lines, default_actor = ctx.doc, ctx.actors, ctx.lines, ctx.default_actor
    if line is None or line.kind != "bullet":
        return default_actor
    for group in list_groups(lines):
        if line in group.items and group.intro is not None:
            span = doc.char_span(group.intro.start, group.intro.end, alignment_mode="expand")
            if span is not None:
                return intro_actor(ctx, span.start, span.end)
    return default_actor
