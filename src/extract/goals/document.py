"""The goals of one document: the forms of ``extract.goals``, sentence by sentence, then dedupe, horizon, theme."""
from __future__ import annotations

from spacy.tokens import Doc

from ..docview import sentences, text_of
from ..lexicon import Lexicons
from .copular import copular
from .dedupe import dedupe
from .futures import future, new_things, planned_things
from .horizon import date_tokens, horizon, strategy
from .lists import bullet_items, infinitive_openings, inline_lists
from .means import means
from .model import JOINT, Context, Goal
from .objectives import commitments, objective_nouns
from .ordinals import ordinals
from .purposes import purposes
from .theme import classify_theme
from .verbal import verbal

SENTENCE_FORMS = (verbal, objective_nouns, commitments, copular, future, new_things, planned_things, inline_lists,
                  infinitive_openings, means, ordinals)


def _context(doc: Doc, lex: Lexicons) -> Context:
    fields = Context.fields_of(doc, lex)
    return Context(**fields, date_tokens=date_tokens(doc, fields["dates"]))


def _candidates(ctx: Context) -> list[Goal]:
    cands: list[Goal] = []
    for sent in sentences(ctx.doc):
        if sent.text.rstrip().endswith("?"):
            continue                       # an interviewer's question commits no one
        for form in SENTENCE_FORMS:
            cands += form(ctx, sent)
    cands += bullet_items(ctx)
    cands = [g for g in cands if g is not None]
    # the aims of a relation, when they are the only aims of their sentence
    return cands + [g for g in purposes(ctx) if g is not None
                    and not any(c.sent_start == g.sent_start for c in cands)]


def _horizons(ctx: Context, goals: list[Goal]) -> dict[int, str]:
    own = {id(g): horizon(ctx, g, goals) for g in goals}
    for g in goals:
        if not own[id(g)] and g.group:
            # "le lancement de dix diplômes et la mobilité de ses étudiants d'ici 2027": shared
            own[id(g)] = next((own[id(o)] for o in goals if o.group == g.group and own[id(o)]), "")
    return own


def _bare_figure(text: str) -> bool:
    """A goal that is only a figure: the second target of the objective before it."""
    return text.replace(" ", "").replace(".", "").replace(",", "").isdigit()


def _with_illustration(text: str, g: Goal) -> str:
    """The goal's text and the parenthesis that illustrates it, cut from the text but telling its theme
    (``Mettre en place de nouveaux dispositifs (job dating, accueil des étudiants …)``)."""
    rest = text[g.end:g.end + 400]
    stripped = rest.lstrip(" ")
    if stripped.startswith("(") and ")" in stripped:
        return text[g.start:g.end] + " " + stripped[:stripped.index(")") + 1]
    return text[g.start:g.end]


def find_goals(doc: Doc, lex: Lexicons) -> list[Goal]:
    ctx = _context(doc, lex)
    strategy_period, strategy_owner = strategy(ctx)
    ctx.default_actor = strategy_owner or ctx.actors.main
    goals = dedupe(text_of(doc), _candidates(ctx))
    own = _horizons(ctx, goals)
    previous = None
    for g in goals:
        g.theme = classify_theme(_with_illustration(text_of(doc), g), lex.themes)
        if _bare_figure(text_of(doc)[g.start:g.end]) and previous is not None and previous.sent_start == g.sent_start:
            g.theme = previous.theme           # "accueillir 1 000 étudiants en 2025 et 2 000 en 2027"
        previous = g
        g.horizon = own[id(g)] or strategy_period or g.horizon_hint
        if g.actor is JOINT:
            g.actor = None
    return goals
