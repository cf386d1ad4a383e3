"""The partnerships of one document: sentences → clauses → frames → relations → merge."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..docview import sentences
from ..lexicon import Lexicons
from . import clauses, parties
from .merge import merge
from .model import Clause, Context, Partnership, Trigger
from .relation import relations
from .triggers import find_triggers, planned_list_items


def _context(doc: Doc, lex: Lexicons) -> Context:
    ctx = Context(**Context.fields_of(doc, lex))
    ctx.planned_items = planned_list_items(ctx)
    return ctx


def find_partnerships(doc: Doc, lex: Lexicons) -> list[Partnership]:
    ctx = _context(doc, lex)
    title = next((ln for ln in ctx.lines if ln.kind != "meta"), None)
    found: list[Partnership] = []
    for s_index, sent in enumerate(sentences(doc)):
        if sent.text.rstrip().endswith("?"):
            continue                       # an interviewer's question states nothing
        for p in _in_sentence(ctx, sent, s_index, found):
            p.in_title = title is not None and title.kind == "heading" and title.start <= p.start < title.end
            found.append(p)
    return merge(found)


def _signed_with(frame, made, in_clause: list[Trigger]) -> bool:
    """``son partenariat avec la TUM, signé en 2017``: an apposition that says the relation was signed."""
    return not made and frame.kind == "apposition" and frame.antecedent is not None and \
        any(t[2]["kind"] == "agreement" and t[2]["pos"] == "VERB" for t in in_clause)


def _in_clause(ctx: Context, clause: Clause, in_clause: list[Trigger], before: list[Partnership]) -> list[Partnership]:
    """The relations of one clause; ``before``: those of the sentences before it."""
    out: list[Partnership] = []
    found = clause.found
    frames = clauses.frames(ctx, clause.start, clause.end)
    clause.main_subject = parties.main_subject(ctx, frames[0], before)
    signed: set[int] = set()               # organisations an apposition says a relation was signed with
    for frame in frames[1:] + frames[:1]:          # parentheticals first: they claim their own dates
        ft = [t for t in in_clause if frame.contains(t[0])]
        if not ft:
            continue
        clause.found = found + out
        made = relations(ctx, clause, frame, ft)
        if _signed_with(frame, made, ft):
            signed.add(id(frame.antecedent))
        if frame.kind == "main":
            for p in made:
                if p.kind == "cooperation" and any(id(o) in signed for o in p.parties):
                    p.kind = "agreement"
        out.extend(made)
    return out


def _in_sentence(ctx: Context, sent: Span, s_index: int, found: list[Partnership]) -> list[Partnership]:
    triggers = find_triggers(ctx, sent)
    if not triggers:
        return []
    out: list[Partnership] = []
    for c_start, c_end in clauses.clauses(ctx.doc, sent):
        in_clause = [t for t in triggers if c_start <= t[0] < c_end]
        if not in_clause:
            continue
        clause = Clause(sent=sent, s_index=s_index, start=c_start, end=c_end, found=found + out)
        out.extend(_in_clause(ctx, clause, in_clause, found))
    return out
