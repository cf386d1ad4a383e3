"""Form 9: the aims of a relation the sentence states (``Le CNRS et Michelin viennent de signer un
accord-cadre pour renforcer leur coopération``, ``un accord en vue de …``, ``rejoint le giron d'EM Lyon
pour développer …``): the infinitives after a purpose cue (``cues.jsonl``, type ``purpose``) are goals of
the parties together, of the group a body joins, or of the single party named. Only where the purpose is
the sentence's only aim (SPEC §3: an objective's text stops before its purpose clause)."""
from __future__ import annotations

from ..docview import sentence_of
from ..grammar import is_infinitive, objective_end
from ..normalise import fold
from ..organisations import Organisation
from ..partnerships import Partnership
from ..words import words
from .complements import make_goal, parts
from .model import JOINT, Context, Goal

SKIPPED = words().set("purpose_skips")
BECOMING = words().set("becoming_verbs")
ACTION_NOUNS = words().set("action_nouns")
ARTICLES = words().set("articles")


def _owner(p: Partnership) -> Organisation:
    """Whose aim it is: the group a body joins; the parties together (named or not: ``seize organismes
    ont signé``; an agreement or a cooperation has two sides even when one is named); the one party named."""
    if p.kind == "membership":
        return next((o for o in p.parties if o.kind == "group"), p.parties[-1])
    return JOINT if len(p.parties) >= 2 or p.generic or p.kind in ("agreement", "cooperation") else p.parties[0]


def _infinitive_after(ctx: Context, k: int, end: int) -> int | None:
    """The infinitive a purpose cue ending before ``k`` opens (clitics and adverbs passed)."""
    while k < end and (ctx.folded[k] in SKIPPED or ctx.doc[k].pos_ == "ADV"):
        k += 1
    return k if k < end and is_infinitive(ctx.doc[k]) else None


def _purposes_in(ctx: Context, sent, first: int, owner: Organisation) -> list[Goal]:
    doc, lex = ctx.doc, ctx.lex
    for i in range(first, sent.end):
        hit = lex.purpose.match(doc, i, ctx.folded)
        if hit is None:
            continue
        j = _infinitive_after(ctx, i + hit[1], sent.end)
        what = "inf"
        if j is None:
            j, what = _action_noun_after(ctx, i + hit[1], sent.end), "np"
        if j is None or what == "inf" and (lex.partnership.match(doc, j, ctx.folded) is not None
                                           or ctx.folded[j] in BECOMING or fold(doc[j].lemma_) in BECOMING):
            continue                # "pour fonder IMT Grand Est", "pour devenir l'Inrae": the relation itself
        spans = parts(ctx, j, sent.end, "inf") if what == "inf" else \
            [(j, objective_end(doc, j, sent.end, ctx.folded, lex))]     # one aim: "… de grands substrats et les écrans"
        return [make_goal(ctx, s, e, hit[0]["term"], owner, sent, "purpose") for s, e in spans]
    return []


def _action_noun_after(ctx: Context, k: int, end: int) -> int | None:
    """``une lettre d'intention pour la création de la chaire …``: an action noun after a purpose cue and its
    article is a nominal objective (it starts at the noun)."""
    if k < end and ctx.folded[k] in ARTICLES:
        k += 1
    return k if k + 1 < end and ctx.folded[k] in ACTION_NOUNS and ctx.folded[k + 1] in {"de", "d'", "du", "des"} \
        else None


def purposes(ctx: Context) -> list[Goal]:
    """The purposes of every relation found, in each sentence that states it."""
    out: list[Goal] = []
    for p in ctx.doc._.partnerships or []:
        if not p.parties:
            continue
        for start, _ in p.sources:
            at = ctx.doc.char_span(start, start + 1, alignment_mode="expand")
            if at is None:
                continue
            sent = sentence_of(ctx.doc, at.start)
            named = [s for s, _, _ in ctx.actors.mentions_in(sent.start, sent.end)]
            # "Les 16 organismes* ont signé … « pour mettre … »": parties named in a footnote, none in the sentence
            out += _purposes_in(ctx, sent, min(named, default=sent.start), _owner(p))
    return out
