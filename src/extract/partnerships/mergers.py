"""Mergers: the body a merger makes (``fusionnent pour devenir l'Inrae``) or the body born of it (``L'Université
de Nantes est née de la fusion de A et de B``) names the merger; it is no party."""
from __future__ import annotations

from ..words import words
from .model import Context
from .work import Work

W = words()
MERGER_PRODUCTS = W.set("merger_products")
MERGER_ORIGINS = W.set("merger_origins")
LINKS = W.set("determiners") | {"de", "d'", "du"}      # between a body and the word before it


def _before_incise(ctx: Context, k: int, start: int) -> int:
    """The word before a body at ``k + 1``, determiners and a phrase between commas passed
    (``devenir, au 1er janvier 2020, l'Inrae``)."""
    while k > start and ctx.folded[k] in LINKS:
        k -= 1
    if k > start and ctx.doc[k].text == ",":
        opening = next((m for m in range(k - 1, max(start, k - 9), -1) if ctx.doc[m].text == ","), None)
        if opening is not None:
            k = opening - 1
    return k


def merger_product(ctx: Context, w: Work) -> None:
    """``Inra et Irstea fusionnent pour devenir l'Inrae``, ``Naissance de l'Inrae, fusion de …``: the body a
    merger makes (after ``merger_products``, words.jsonl) is its name, no party."""
    for org in list(w.parties):
        k = _before_incise(ctx, w.position.get(id(org), -1) - 1, w.frame.start)
        if k >= 0 and ctx.folded[k] in MERGER_PRODUCTS and len(w.parties) > 2:
            w.parties.remove(org)
            w.name = w.name or org.name


def born_product(ctx: Context, w: Work) -> None:
    """``L'Université de Nantes est née de la fusion de A et de B``, ``X, issue de la fusion de …``: the body
    born of a merger (its subject, the body it is apposed to, or the body named right before the word of
    origin) is its name, no party."""
    origin = _origin_word(ctx, w) if w.kind == "merger" and len(w.parties) > 2 else None
    if origin is None:
        return
    born = w.subj.org if w.subj is not None and w.subj.kind == "org" else w.frame.antecedent
    if born is None:
        k = origin - 1 if ctx.doc[origin - 1].text != "," else origin - 2
        born = ctx.actors.token_org.get(k, (None,))[0]
    if born in w.parties:
        w.parties.remove(born)
        w.created, w.name = born, w.name or born.name      # made by the merger: no party on the subject's side


def _origin_word(ctx: Context, w: Work) -> int | None:
    """The word of origin that opens a merger trigger (``née de la fusion``, ``issue du rapprochement``;
    ``merger_origins``, words.jsonl), else None."""
    for i, _, entry in w.triggers:
        if entry["kind"] != "merger":
            continue
        k = i
        while k > w.frame.start and ctx.folded[k] not in MERGER_ORIGINS and (k == i or ctx.folded[k] in LINKS):
            k -= 1
        if ctx.folded[k] in MERGER_ORIGINS:
            return k
    return None
