"""Form 4: the future of the actor (``l'Institut renforcera …``, ``nous allons former …``); 4b: a new thing
in the passive future (``un nouveau bâtiment sera ouvert``); 4c: a thing planned for a date (``prévu pour 2023``)."""
from __future__ import annotations

from spacy.tokens import Span

from ..grammar import (
    PARTICIPLE_ENDINGS,
    clause_bounds,
    denied,
    is_future,
    is_infinitive,
    objective_end,
    objective_parts,
)
from ..normalise import fold
from ..words import words
from .actor import committer, relation_head
from .complements import complement, make_goal, purpose_of_means
from .model import Context, Goal

W = words()
ALLER = {"va", "vont", "allons", "allez"}
MODAL_FUTURES = W.set("modal_futures")
NEW_BODY = W.set("new_body")
PASSIVE_FUTURES = {"sera", "seront"}
PLANNED = {"prevu", "prevue", "prevus", "prevues"}
NP_LINKS = {"de", "du", "des", "d'", "dans", "le", "la", "les", "l'"}
ACTION_NOUNS = W.set("action_nouns")
INDEFINITE = {"un", "une", "des", "deux", "trois"}


def future(ctx: Context, sent: Span) -> list[Goal]:
    doc, folded, actors = ctx.doc, ctx.folded, ctx.actors
    out = []
    covered = -1
    for i in range(sent.start, sent.end):
        if i <= covered:
            continue
        start, trigger = _start(ctx, sent, i)
        if start is None:
            continue
        c_start, c_end = clause_bounds(sent, i)
        if ctx.lex.intention_at(doc, i, folded) is not None:
            continue                           # handled as an intention verb
        if denied(folded, i, c_start, c_end):
            continue                           # "ne changeront pas": nothing is promised
        if _continues_present(ctx, i):
            continue                           # "jouent et joueront un rôle clé": a fact that lasts
        verb = start if trigger == "aller" else i
        if _states_relation(ctx, verb):
            continue                           # "s'allieront", "rejoindra", "en deviendra membre": a partnership
        subj = actors.subject(i, c_start)
        if subj.kind in ("people", "relative") or (subj.kind == "noun" and doc[subj.start].ent_type_ == "PER"):
            continue
        if subj.kind == "noun" and any(k in ctx.date_tokens for k in range(subj.start, min(i, subj.start + 4))):
            continue                           # "Le premier janvier 2009 marquera le début du processus": a date
        if trigger == "modal" and subj.kind not in ("org", "anaphor", "pronoun"):
            continue                           # "les étudiants pourront suivre …": a possibility, no commitment
        if subj.kind in ("noun", "generic") and trigger == "future" and c_start <= subj.start < start \
                and not any(doc[k].text == "," for k in range(subj.start, start)) \
                and not relation_head(ctx, subj.start, i):
            start = subj.start                 # "des campagnes de recrutement … démarreront"; not "ce partenariat"
        actor = committer(ctx, subj, sent)
        start = purpose_of_means(ctx, verb, c_end) or start   # "vont disposer de moyens pour poursuivre …"
        parts = objective_parts(doc, start, c_end, folded, ctx.lex)
        out += [make_goal(ctx, s, e, trigger, actor, sent, "future") for s, e in parts]
        covered = max(e for _, e in parts)
    return out


def new_things(ctx: Context, sent: Span) -> list[Goal]:
    """Form 4b: a new thing in the passive future (``un nouveau bâtiment sera ouvert``, ``une nouvelle
    formation sera créée``, ``Des formations qui seront aussi proposées en alternance.``): what the text's
    body will make. A passive future of a thing already there
    (``le laboratoire sera inauguré``, ``le classement sera publié``) describes."""
    doc, folded = ctx.doc, ctx.folded
    out = []
    for i in range(sent.start + 2, sent.end - 1):
        j = i + 1 if folded[i + 1] not in ("aussi", "egalement") else i + 2
        if folded[i] not in PASSIVE_FUTURES or j >= sent.end or not _participle(doc[j]):
            continue
        start = _new_thing(ctx, sent, i)
        if start is None:
            continue
        c_start, c_end = clause_bounds(sent, i)
        actor = committer(ctx, ctx.actors.subject(i, c_start), sent)
        end = objective_end(doc, j + 1, c_end, folded, ctx.lex)
        dated = next((m for m in range(j + 1, end) if m in ctx.date_tokens
                      or (doc[m].pos_ == "ADP" and m + 1 in ctx.date_tokens)), end)
        out.append(make_goal(ctx, start, dated, "future", actor, sent, "future"))   # "… ouvert | pour 2022-2023"
    return out


def _participle(tok) -> bool:
    """A past participle, also where the tagger reads it as an adjective (``sera ouvert``; ``heureux`` is none)."""
    return tok.pos_ == "VERB" or (tok.pos_ == "ADJ" and tok.text.lower().endswith(PARTICIPLE_ENDINGS))


def _new_thing(ctx: Context, sent: Span, i: int) -> int | None:
    """Where the subject of the passive future at ``i`` starts when it is a new thing: ``un nouveau bâtiment``,
    or a sentence of its own opened by an indefinite noun phrase and ``qui`` (``Des formations qui seront aussi
    proposées en alternance.``); else None."""
    doc, folded = ctx.doc, ctx.folded
    if folded[i - 1] == "qui":
        k = i - 2
        while k > sent.start and doc[k].pos_ in ("NOUN", "ADJ"):
            k -= 1
        return k + 1 if k == sent.start and folded[k] in INDEFINITE and k + 1 < i - 1 else None
    k = i - 1
    while k > sent.start and doc[k].pos_ in ("NOUN", "ADJ") and folded[k] not in NEW_BODY:
        k -= 1
    return k - 1 if k > sent.start and folded[k] in NEW_BODY and folded[k - 1] in INDEFINITE else None


def planned_things(ctx: Context, sent: Span) -> list[Goal]:
    """Form 4c: a new thing or an action planned for a date (``un nouveau bâtiment dans le quartier Vauban prévu
    pour la rentrée 2023``, ``l'ouverture du campus est prévue en 2026``); an event planned (``le colloque prévu
    le 12 mars``) is no goal."""
    doc, folded = ctx.doc, ctx.folded
    out = []
    for i in range(sent.start + 1, sent.end - 1):
        if folded[i] not in PLANNED or not any(j in ctx.date_tokens for j in range(i + 1, min(sent.end, i + 4))):
            continue
        k = i - 1 if folded[i - 1] not in {"est", "sont", "sera", "seront"} else i - 2
        end = k + 1
        while k > sent.start and doc[k - 1].text != "," and (doc[k - 1].pos_ in ("NOUN", "PROPN", "ADJ", "DET")
                                                              or folded[k - 1] in NP_LINKS):
            k -= 1
        while k < end and (folded[k] in NP_LINKS or doc[k].pos_ == "DET" or folded[k] == "avec"):
            k += 1                             # "avec un …": from the noun phrase's first word
        words = folded[k:end]
        if not words or not (set(words[:2]) & NEW_BODY or words[0] in ACTION_NOUNS):
            continue
        c_start, _ = clause_bounds(sent, i)
        actor = committer(ctx, ctx.actors.subject(i, c_start), sent)
        out.append(make_goal(ctx, k, end, "prévoir", actor, sent, "future"))
    return out


def _continues_present(ctx: Context, i: int) -> bool:
    """A future coordinated after the present of the same verb (``jouent et joueront un rôle clé``): the
    sentence states what is and goes on being, no new commitment."""
    doc = ctx.doc
    return i >= 2 and ctx.folded[i - 1] == "et" and doc[i - 2].pos_ in ("VERB", "AUX") \
        and doc[i - 2].lemma_ == doc[i].lemma_ and "Pres" in doc[i - 2].morph.get("Tense")


def _infinitive_start(ctx: Context, sent: Span, i: int) -> int | None:
    """The infinitive complement of ``va``/``pourra`` at ``i``, unless it describes."""
    _, c_end = clause_bounds(sent, i)
    comp = complement(ctx, i, c_end, allow_np=False, markers=frozenset())
    if comp is None:
        return None
    inf = comp[0] + 1 if ctx.folded[comp[0]] in {"se", "s'"} else comp[0]
    if inf >= c_end or describes(ctx, ctx.doc[inf]):
        return None
    return comp[0]


def _states_relation(ctx: Context, verb: int) -> bool:
    """The future at ``verb`` states a partnership the text holds: a relation verb (``rejoindra``), or
    ``devenir`` and a membership noun (``elle en deviendra membre``)."""
    doc, folded = ctx.doc, ctx.folded
    act = ctx.lex.partnership.match(doc, verb, folded)
    ok = act is not None and act[0]["pos"] == "VERB" and not act[0].get("creates")
    if not ok and fold(doc[verb].lemma_) == "devenir" and verb + 1 < len(doc):
        nxt = ctx.lex.partnership.match(doc, verb + 1, folded)
        ok = nxt is not None and nxt[0]["kind"] == "membership"
    return ok and any(s <= doc[verb].idx < e for p in (doc._.partnerships or []) for s, e in p.sources)


def _impersonal_aim(ctx: Context, sent: Span, i: int) -> int | None:
    """The infinitive after ``il s'agira (aussi) de``, else None (``il s'agira d'un bâtiment``)."""
    k = i + 1
    while k < sent.end and (ctx.doc[k].pos_ == "ADV" or ctx.folded[k] in {"de", "d'"}):
        k += 1
    return k if k < sent.end and is_infinitive(ctx.doc[k]) else None


def _start(ctx: Context, sent: Span, i: int) -> tuple[int | None, str]:
    """Where a future commitment at ``i`` starts and how it is made: a future verb, ``aller``
    + infinitive, or a future of ``pouvoir``/``devoir`` + infinitive (``nous pourrons renforcer``)."""
    doc, folded = ctx.doc, ctx.folded
    tok = doc[i]
    if is_future(tok) and tok.pos_ == "VERB" and not describes(ctx, tok):
        if i > sent.start and folded[i - 1] in {"se", "s'"} and fold(tok.lemma_) == "agir":
            return _impersonal_aim(ctx, sent, i), "future"      # "Il s'agira de développer …": the infinitive
        return (i - 1 if i > sent.start and folded[i - 1] in {"se", "s'"} else i), "future"
    if folded[i] in ALLER and tok.pos_ in ("VERB", "AUX"):
        return _infinitive_start(ctx, sent, i), "aller"
    if folded[i] in MODAL_FUTURES and tok.pos_ in ("VERB", "AUX"):
        return _infinitive_start(ctx, sent, i), "modal"
    return None, "future"


def describes(ctx: Context, tok) -> bool:
    """Verbs that describe rather than commit (``sera``, ``s'appuiera sur``, ``bénéficieront``)."""
    lemma = fold(tok.lemma_).split("'")[-1]
    nxt = fold(tok.doc[tok.i + 1].text) if tok.i + 1 < len(tok.doc) else ""
    return lemma in ctx.lex.not_goal_verbs or f"{lemma} {nxt}" in ctx.lex.not_goal_verbs \
        or fold(tok.text) in {"sera", "seront", "aura", "auront", "pourra", "pourront", "devra", "devront"}
