"""Step 5: one frame with its triggers becomes zero, one or several partnerships.

The steps run in order on a :class:`work.Work`; each may find that the frame states no relation."""
from __future__ import annotations

from ..docview import text_of
from ..grammar import open_bracket_before
from ..normalise import fold, strip_span
from ..words import words
from . import attributes, mergers, names, parties
from .emit import emit
from .extension import extend, extend_object, joining
from .model import KIND_RANK, Clause, Context, Frame, Partnership, Trigger
from .triggers import live_triggers
from .work import Work

W = words()
PARTNER_WORDS = W.set("partner_openers")
SUPPORT_VERBS = W.set("support_verbs")
POSSESSIVES = W.set("possessives")
MEMBER_NOUNS = W.set("member_nouns")
COMPLEMENT_WORDS = {"de", "du", "des", "d'", "la", "le", "l'", "les", "et", "ou", ","}
COUNTS = W.set("number_words")
HOST_PHRASES = W.set("host_phrases")
JOINT_ADJECTIVES = W.set("joint_adjectives")
JOINT_CREATIONS = W.set("joint_creations")
INSTANCE_MARKERS = W.set("instance_markers")


def _extension(ctx: Context, w: Work) -> bool:
    """A group opening to a new member, or a relation extended to new partners (which
    then adds them to the last relation). False when the frame states nothing more."""
    objecting = [t for t in w.triggers if t[2].get("extends_object")]
    if objecting and extend_object(ctx, objecting[0], w.frame, w.clause.s_index, w.clause.found):
        return False                         # "Elle associe également le CNRS": the act gains a party
    extending = [t for t in w.triggers if t[2].get("extends")]
    if not extending:
        return True
    subj0 = ctx.actors.subject(extending[0][0], w.frame.start)
    if subj0.kind in ("org", "anaphor") and subj0.org is not None and subj0.org.kind == "group" \
            and not subj0.others and joining(ctx, extending[0], w.frame):
        w.opening_group = subj0.org          # "le réseau s'ouvrira à l'Université de Gand": it joins
        return True
    if extend(ctx, extending[0], w.frame, w.clause.s_index, w.clause.found):
        return False                         # "Il … élargit la coopération à …": the last relation gains parties
    w.triggers = [t for t in w.triggers if not t[2].get("extends")]
    return bool(w.triggers)


def _plural_parties(ctx: Context, w: Work, plural_at: tuple[int, int]) -> None:
    at, count = plural_at
    if count == 0:            # "Ils prévoient …": the bodies of the last relation; "Les écoles …": its schools
        kinds = parties.PLURAL_NOUNS.get(ctx.folded[at + 1]) if ctx.folded[at] in {"les", "ces"} else None
        last = next((p for p in reversed(w.clause.found)
                     if len(p.parties) >= 2 and 0 <= w.clause.s_index - p.sent_index <= 3), None)
        for org in (last.parties if last else []):
            if kinds is None or org.kind in kinds:
                w.add(org, at)
    else:
        for org in parties.plural_anaphor(ctx, at, count, w.clause.found):
            w.add(org, at)


def _named_parties(ctx: Context, w: Work, plural_at: tuple[int, int] | None) -> None:
    """The organisations and anaphors of the frame, a plural anaphor's bodies, the antecedent of a
    parenthetical and the main clause's subject for a fronted or coordinated frame."""
    frame, folded, actors, c = w.frame, ctx.folded, ctx.actors, w.clause
    excluded = parties.listed_after_not_party(ctx, c.start, c.end)
    last_out = -1                      # the end of the last mention left out
    for s, e, org in actors.mentions_in(frame.start, frame.end):
        if not frame.contains(s) or parties.venue(ctx, s):
            continue                   # "au Collège de France, le CNRS et l'Inserm": the place, not theirs
        if s in excluded or parties.not_a_party(ctx, s, w.first, c.start) or parties.coordinated_after(
                ctx, last_out, s):
            last_out = e               # "des présidents des universités de Grenoble Alpes et Paris Saclay"
            continue
        w.add(org, s)
    for j in frame.indices():
        if actors.anaphor_at(j) and not any(j == t[0] for t in w.triggers):
            subject_pos = j < w.first and folded[j - 1] not in {"de", "d'", "du", "au", "a", "avec"}
            w.add(actors.resolve_anaphor(j, subject=subject_pos, exclude=w.parties), j)
    if plural_at is not None:
        _plural_parties(ctx, w, plural_at)
    if frame.antecedent is not None:
        w.add(frame.antecedent, frame.antecedent_start)
    for org in frame.coordinated:
        w.add(org, frame.antecedent_start)
    if frame.kind in ("fronted", "coordinated") or (frame.kind == "relative" and any(
            folded[i] in {"il", "elle", "ils", "elles"} for i in frame.indices())):
        for org in c.main_subject:
            w.add(org, frame.end)


def _founding(ctx: Context, w: Work) -> bool:
    """What the act creates is its name, not a party; founding states a relation only when
    what is founded is named or shared (``la création de start-up`` states none)."""
    for t in w.creates:
        w.created, w.name = names.created(ctx, t, w.frame)
        if w.name:
            break
    if w.name:
        w.parties = [p for p in w.parties if p is not w.created]
        w.kind = "alliance" if KIND_RANK[w.kind] <= KIND_RANK["alliance"] else w.kind
    w.joint = any(t[2].get("joint") for t in w.triggers) or (
        len(w.parties) >= 2 and any(names.founds_structure(ctx, t, w.frame) for t in w.creates))
    if not w.name and not w.joint and len(w.parties) >= 2 \
            and any(names.founds_joint_thing(ctx, t, w.frame) for t in w.creates):
        w.joint, w.kind = True, "cooperation"     # "la chaire a été lancée par A, B et C": they cooperate
    if not w.name and not w.joint:
        remaining = [t for t in w.triggers if not t[2].get("creates")]
        if not remaining:
            return False
        w.retrigger(remaining)
    return True


def _naming(ctx: Context, w: Work) -> None:
    """A group listed by its members, an alliance named by its trigger noun, a quoted name; the kind
    a cooperation takes inside a group; parties named only generically."""
    w.group = parties.listed_members_of(ctx, w.frame)
    ante = w.frame.antecedent
    if w.group is None and w.kind == "alliance" and ante is not None and ante.kind == "group" and len(w.parties) >= 3:
        w.group = ante                 # "l'alliance 4EU+, formée par A, B et C": 4EU+ is the alliance's name
    if w.group is not None:
        w.name = w.group.name
        w.parties = [p for p in w.parties if p is not w.group]
        w.kind = "alliance"
    if not w.name and w.kind == "alliance":
        w.name = attributes.named_alliance(ctx, w.triggers)
    w.kind = attributes.object_kind(ctx, w.triggers, w.kind, w.frame)
    if w.opening_group is not None:
        w.kind = "membership"
    w.generic, w.count = parties.generic_partners(ctx, w.frame)
    w.quoted = names.quoted_name(ctx.doc, w.first, w.frame.end)
    if w.quoted and not w.name:
        w.name = w.quoted
    if w.kind == "merger":
        mergers.merger_product(ctx, w)


def _joint_structure_names(ctx: Context, w: Work) -> None:
    """``le laboratoire commun COMETA``: the name a joint structure is given names the relation; it is no party.
    Nor are the structures given as its examples (``ses laboratoires communs avec le CNRS, notamment le GREYC
    et le LCS``; ``instance_markers``, words.jsonl)."""
    mentions = ctx.actors.mentions_in(w.frame.start, w.frame.end)
    for s, _, org in mentions:
        if org in w.parties and s > 2 and _joint_structure_at(ctx, s - 1):
            w.parties.remove(org)
            w.name = w.name or org.name
    joint = next((k for k in range(w.frame.start + 1, w.frame.end) if _joint_structure_at(ctx, k)), None)
    marker = next((k for k in range(joint, w.frame.end) if ctx.folded[k] in INSTANCE_MARKERS), None) \
        if joint is not None else None
    for s, _, org in mentions if marker is not None else ():
        if s > marker and org in w.parties and len(w.parties) > 2:
            w.parties.remove(org)


def _joint_structure_at(ctx: Context, k: int) -> bool:
    """``laboratoire commun``: a joint adjective at ``k`` after a thing made together (``joint_creations``)."""
    return ctx.folded[k] in JOINT_ADJECTIVES and ctx.folded[k - 1] in JOINT_CREATIONS


def _within_brackets(ctx: Context, w: Work) -> bool:
    """``neuf écoles (…, 2 Mines-Télécom créées par fusion et une filiale, Eurecom) deviennent …``: a relation
    stated inside brackets (its principal trigger, the first act, there) is an aside; its parties are the bodies
    inside them, and it stands there only with two of them (unless it named none outside)."""
    doc, sent = ctx.doc, w.clause.sent
    principal = next((t for t in w.triggers if t[2].get("act")), w.triggers[0])
    opening = open_bracket_before(doc, principal[0], sent.start)
    if opening is None:
        return True
    closing = next((k for k in range(opening + 1, sent.end) if doc[k].text == ")"), sent.end)
    inside = [p for p in w.parties if opening < w.position.get(id(p), -1) < closing]
    removed, w.parties = len(inside) < len(w.parties), inside
    return len(inside) >= 2 or not removed


def _people_meeting(ctx: Context, w: Work) -> bool:
    """``les directeurs … se sont réunis``: people meeting state no alliance; ``les étudiants de l'UIR
    pourront intégrer le programme d'Audencia (et décrocher un double diplôme)``: people joining a course
    state no membership, nor does what they gain there (a noun that is no act) state a relation."""
    verbs = [t for t in w.triggers if t[2]["pos"] == "VERB"]
    if w.subj is not None and ctx.folded[w.subj.start] in {"ils", "elles"} and len(w.parties) >= 2 and all(
            t[2]["kind"] != "membership" for t in verbs):
        return False                   # "Elles s'allient à Airbus" after three schools: the bodies it stands for
        #                                ("Ils rejoignent Safran", the sponsors named before, joins no group)
    return w.subj is not None and w.subj.kind == "people" and bool(verbs) and all(
        t[2]["kind"] in ("alliance", "membership") and not t[2].get("creates") for t in verbs) and all(
        t[2]["pos"] == "VERB" or (t[0] > verbs[0][0] and not t[2].get("act")) for t in w.triggers)


def _gathers_people(ctx: Context, w: Work) -> bool:
    """``l'institut réunira 300 chercheurs et cliniciens``: what a gathering verb gathers is people, counted,
    not bodies; no relation between the bodies around it."""
    verbs = [t for t in w.triggers if t[2]["pos"] == "VERB" and t[2]["kind"] == "alliance"]
    if not verbs or len(verbs) != len(w.triggers):
        return False
    i, n, _ = verbs[0]
    words = [k for k in range(i + n, min(w.frame.end, i + n + 5)) if ctx.doc[k].pos_ != "ADV"]
    counted = bool(words) and (ctx.doc[words[0]].like_num or ctx.folded[words[0]] in {"plus", "près", "quelque"})
    return counted and any(ctx.folded[k] in ctx.lex.people for k in words[1:4])


def _subject_side(ctx: Context, w: Work) -> None:
    """The subject side, when no organisation stands there: a pronoun's or anaphor's actor
    (``Nous envisageons …``), else the issuer of ``Deux accords ont été signés, l'un avec X``."""
    actors, frame, subj = ctx.actors, w.frame, w.subj
    if subj is not None and subj.kind == "org" and w.neither_created_nor_group(subj.org):
        w.add(subj.org, subj.start)
    if subj is not None and subj.kind in ("pronoun", "anaphor", "relative") and len(w.parties) < 2 \
            and not (subj.kind == "relative" and frame.kind == "relative"):   # "qui" is the antecedent
        actor = actors.actor_for(subj)
        if w.neither_created_nor_group(actor):
            w.add(actor, frame.start - 1)
    partner_side = any(ctx.folded[j] in PARTNER_WORDS for j in frame.indices())
    if len(w.parties) < 2 and partner_side and (subj is None or subj.kind in ("noun", "none")) \
            and frame.kind in ("main", "coordinated"):
        actor = actors.main or actors.previous_subject(w.first)
        if w.neither_created_nor_group(actor):
            w.add(actor, frame.start - 1)


def _drop_backers(ctx: Context, w: Work, verb: int | None) -> None:
    """``La région accompagnera l'intégration de l'université``: the subject of a support verb (``support_verbs``)
    backs the relation its object names, it is no party of it."""
    if verb is None or fold(ctx.doc[verb].lemma_) not in SUPPORT_VERBS or w.first <= verb \
            or any(t[2]["pos"] == "VERB" for t in w.triggers):
        return
    w.parties = [p for p in w.parties if w.position.get(id(p), -1) > verb]


def _shared_with_last(w: Work) -> None:
    """``Nous envisageons de créer une école doctorale commune``: shared with the last partner named."""
    if not (w.joint and len(w.parties) == 1):
        return
    for p in reversed(w.clause.found):
        if w.parties[0] in p.parties and 0 <= w.clause.s_index - p.sent_index <= 2:
            for o in p.parties:
                w.add(o, w.frame.end)
            return


def stands(w: Work) -> bool:
    """Is this a partnership? Two named parties; or one, with an act (signing,
    joining) whose other parties are named generically or which has a name;
    a founding verb (``lancer``, ``créer``) needs what it founds named, and partners."""
    if len(w.parties) >= 2:
        return True
    if len(w.parties) == 0:
        return False
    founded = bool(w.name and w.creates)
    acts = [t for t in w.triggers if t[2].get("act") and not t[2].get("creates")]
    founding = [t for t in w.triggers if t[2].get("creates")]
    if acts and (w.generic or w.quoted or founded):
        return True
    return bool(founding and founded and (w.generic or w.quoted))


def _gathered_within(ctx: Context, w: Work) -> bool:
    """Generic members gathered ``au sein de`` the one group named (``les écoles … sont réunies au sein de
    l'ADEIN``): the group stands as an alliance of members left unnamed."""
    if not (w.generic and len(w.parties) == 1 and w.parties[0].kind == "group"):
        return False
    at = w.position.get(id(w.parties[0]), -1)
    near = set(ctx.folded[max(0, at - 4):at])
    return {"au", "sein"} <= near and any(
        t[2]["kind"] == "alliance" and t[2]["pos"] == "VERB" and t[0] < at for t in w.triggers)


def _counted_members(ctx: Context, w: Work) -> bool:
    """The one group named and its counted members (``la CGE … de ses 218 membres``): the group stands
    with members left unnamed, a membership."""
    if not (len(w.parties) == 1 and w.parties[0].kind == "group" and w.kind == "membership"):
        return False
    folded = ctx.folded
    for t in w.triggers:
        j = t[0]
        if folded[j] == "membres" and j >= 2 and folded[j - 2] in POSSESSIVES and \
                (folded[j - 1].replace(" ", "").isdigit() or folded[j - 1] in COUNTS):
            return True
    return False


def _joins_nothing(w: Work) -> bool:
    """``font leur entrée dans le top 200``: a membership where nothing named is joined."""
    return w.kind == "membership" and len(w.parties) >= 2 and not any(
        w.position.get(id(p), -1) > w.first or p is w.frame.antecedent or p is w.clitic for p in w.parties)


def _no_member_named(ctx: Context, w: Work) -> bool:
    """``des universités, membres de la LERU ou de la LERU-CE7``: every body named is one joined, the
    members are left unnamed; the bodies joined are not members of each other."""
    if not (w.kind == "membership" and len(w.parties) >= 2 and ctx.folded[w.first] in MEMBER_NOUNS):
        return False
    end = w.first + 1                      # the noun's complement: "de A ou de B"
    while end < w.frame.end and (ctx.folded[end] in COMPLEMENT_WORDS or end in ctx.actors.token_org):
        end += 1
    return all(w.first < w.position.get(id(p), -1) < end and p is not w.frame.antecedent for p in w.parties)


def relations(ctx: Context, clause: Clause, frame: Frame, triggers: list[Trigger]) -> list[Partnership]:
    """The partnerships one frame states."""
    plural_at = parties.plural_anaphor_in(ctx, frame)
    triggers = live_triggers(ctx, clause, triggers, plural_at)
    if not triggers:
        return []
    w = Work(frame=frame, clause=clause, triggers=triggers)
    if not _extension(ctx, w):
        return []
    w.retrigger(w.triggers)
    if w.opening_group is not None:
        w.kind = "membership"
    w.creates = [t for t in w.triggers if t[2].get("creates")]
    _named_parties(ctx, w, plural_at)
    group = parties.clitic_group(ctx, w.triggers, frame)
    if group is not None:              # "seules trois en sont membres (A, B et C)": members of the group named before
        w.add(group, w.first - 1)
        w.clitic = group
    for org, at in parties.footnoted(ctx, frame):
        w.add(org, at)                 # "Les 16 organismes* ont signé …" with the footnote "* ANR, BRGM, CEA …"
    named_between = parties.between(ctx, frame, w.triggers)
    if named_between:                  # "un accord-cadre entre A et B": these two, not the delegation that went
        w.parties, w.position = [], {}
        for org, at in named_between:
            w.add(org, at)
    if not _founding(ctx, w) or not _within_brackets(ctx, w):
        return []
    _naming(ctx, w)
    verb = parties.main_verb(ctx, w.first, frame)
    w.subj = ctx.actors.subject(verb, frame.start) if verb is not None else None
    mergers.born_product(ctx, w)
    if _people_meeting(ctx, w) or _gathers_people(ctx, w):
        return []
    _subject_side(ctx, w)
    _drop_backers(ctx, w, verb)
    _shared_with_last(w)
    _joint_structure_names(ctx, w)
    standing = stands(w) or _gathered_within(ctx, w)
    counted = not standing and _counted_members(ctx, w)
    if not (standing or counted) or _joins_nothing(w) or _no_member_named(ctx, w):
        return []
    ev_start, ev_end = strip_span(text_of(ctx.doc), clause.sent.start_char, clause.sent.end_char)
    found = emit(ctx, w, ev_start, ev_end)
    for p in found if counted else ():
        p.status, p.date, p.generic = "established", "", True   # the members it counts now, not its founding
    return found + _hosted(ctx, w, found)


def _hosted(ctx: Context, w: Work, found: list[Partnership]) -> list[Partnership]:
    """``Normandie Tech, pôle … abrité par la Comue Normandie Université``: the body that hosts a named
    alliance founds nothing; the alliance is its member."""
    if w.kind != "alliance" or not w.name:
        return []
    host = next((p for p in w.parties if p.name != w.name and _after_host_phrase(ctx, w, p)), None)
    named = next((o for o in ctx.doc._.organisations or [] if o.name == w.name), None)
    if host is None or named is None:
        return []
    out = []
    for p in found:
        if host in p.parties:
            p.parties = [o for o in p.parties if o is not host]
            out.append(Partnership(parties=[named, host], kind="membership", status=p.status, start=p.start,
                                   end=p.end, sent_index=p.sent_index))
    return out[:1]


def _after_host_phrase(ctx: Context, w: Work, party) -> bool:
    """A host phrase (``abrité par``, ``hébergé par``: ``host_phrases``) before the party, within its
    noun phrase (no comma, no other party between)."""
    at = w.position.get(id(party), -1)
    others = {w.position.get(id(p), -1) for p in w.parties if p is not party}
    for k in range(at - 1, max(w.frame.start, at - 12), -1):
        if ctx.doc[k].text == "," or k in others:
            return False
        if " ".join(ctx.folded[k - 1:k + 1]) in HOST_PHRASES:
            return True
    return False
