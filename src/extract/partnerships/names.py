"""What an act founds or is called: the body or name a founding trigger creates
(``pour fonder IMT Grand Est``, ``la chaire « IA de confiance »``), a quoted name."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..docview import entities, text_of
from ..grammar import DETERMINERS, is_finite_verb, is_past_participle, past_incise
from ..organisations import Organisation
from ..words import words
from .model import Context, Frame, Trigger

W = words()
AVOIR_FORMS = W.set("avoir_forms")
JOINT_CREATIONS = W.set("joint_creations")
SKIPPABLE = W.set("skippable_adverbs")
PARTNER_WORDS = W.set("partner_openers")
PASSIVE_AUXILIARIES = {"ete", "est", "sont", "sera", "seront", "fut", "furent"}
OPENING_QUOTES = ("«", '"', "“")


def proper_name_at(doc: Doc, j: int, end: int) -> str:
    """A multiword proper name starting at token ``j``: an ORG or MISC entity of the
    model, or a run of at least two capitalised words (``The Secure Compression Lab``)."""
    tok = doc[j]
    if tok.ent_iob_ == "B" and tok.ent_type_ in ("ORG", "MISC"):
        ent = next(e for e in entities(doc) if e.start == j)
        if ent.end <= end and len(ent) >= 2:
            prev = doc[j - 1] if j > 0 else None
            capital_before = prev is not None and prev.text[:1].isupper() and prev.is_alpha and prev.ent_iob_ == "O"
            return doc[j - 1 if capital_before else j:ent.end].text
    k = j
    while k < end and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if k - j >= 2 and not (j > 0 and doc[j - 1].text[:1].isupper()):
        return doc[j:k].text
    return ""


def quoted_name(doc: Doc, first: int, end: int, *, capital: bool = True) -> str:
    """The first quoted phrase from token ``first``; with ``capital``, only one that opens with a capital
    (a founding verb's quoted object is a name whatever its case: ``créer le « collège d'ingénierie … »``)."""
    text = text_of(doc)[doc[first].idx:doc[end - 1].idx + len(doc[end - 1].text)]
    m = re.search(r"[«\"“]\s*([^»\"”]{4,160}?)\s*[»\"”]", text)
    if m and (m.group(1)[:1].isupper() or not capital):
        return m.group(1).strip()
    return ""


def founds_structure(ctx: Context, t: Trigger, frame: Frame) -> bool:
    """``ont créé une école universitaire de recherche``, ``une graduate school``: the founded object is an
    institution (its noun, or the English head after it: an English head stands last)."""
    k = _founded_at(ctx, t, frame)
    return k is not None and (ctx.folded[k] in ctx.lex.structures
                              or (k + 1 < frame.end and ctx.folded[k + 1] in ctx.lex.structures))


def founds_joint_thing(ctx: Context, t: Trigger, frame: Frame) -> bool:
    """``ont lancé une chaire``, ``cette chaire a été lancée par A, B et C``: the founded object is a thing
    its founders share (words class ``joint_creations``), not a body."""
    return founded_noun(ctx, t, frame) in JOINT_CREATIONS


def founded_noun(ctx: Context, t: Trigger, frame: Frame) -> str:
    """The folded noun a founding verb creates: its object, or in the passive (``a été lancée par``)
    the first noun of its clause."""
    k = _founded_at(ctx, t, frame)
    return ctx.folded[k] if k is not None else ""


def _past_partner(ctx: Context, j: int, end: int) -> int:
    """After ``avec X`` / ``entre X`` at ``j`` (a partner named before what is founded), else ``j``."""
    if ctx.folded[j] not in PARTNER_WORDS:
        return j
    k = j + 1
    while k < end and ctx.folded[k] in DETERMINERS:
        k += 1
    return ctx.actors.token_org[k][2] if k in ctx.actors.token_org else j


def _founded_at(ctx: Context, t: Trigger, frame: Frame) -> int | None:
    """Where the noun :func:`founded_noun` reads stands, else None."""
    doc, folded = ctx.doc, ctx.folded
    i, n, _ = t
    if i > frame.start and folded[i - 1] in PASSIVE_AUXILIARIES:
        return next((j for j in range(frame.start, i) if doc[j].pos_ == "NOUN"), None)
    j, budget = i + n, 4
    while j < frame.end and budget > 0:
        past = _past_partner(ctx, j, frame.end)
        if past != j:
            j = past                           # "lance avec CentraleSupélec une chaire"
            continue
        if folded[j] in DETERMINERS or doc[j].pos_ in ("ADJ", "NUM", "ADV") or doc[j].ent_type_ == "DATE" \
                or folded[j] == "en" or folded[j] in SKIPPABLE:
            j, budget = j + 1, budget - 1      # "ont créé ensemble un institut"
            continue
        return j
    return None


def _org_named(ctx: Context, j: int) -> tuple[Organisation, str]:
    org = ctx.actors.token_org[j][0]
    return org, org.name


def _named_after(ctx: Context, j: int, end: int) -> tuple[Organisation | None, str] | None:
    """A body, a proper name or a quoted name at token ``j``."""
    doc, token_org = ctx.doc, ctx.actors.token_org
    if j in token_org:
        return _org_named(ctx, j)
    name = proper_name_at(doc, j, end)
    if name:
        return None, name
    if doc[j].text in OPENING_QUOTES:
        if j + 1 in token_org:              # "le groupement « Cyber Ouest »": a body
            return _org_named(ctx, j + 1)
        name = quoted_name(doc, j, end, capital=False)   # "la chaire « IA de confiance … »"
        if name:
            return None, name
    return None


def _founded_after(ctx: Context, t: Trigger, frame: Frame) -> tuple[Organisation | None, str] | None:
    """What is named after a founding trigger (``fonder IMT Grand Est``)."""
    doc, folded = ctx.doc, ctx.folded
    i, n, _ = t
    j = past_incise(doc, i + n, frame.end, 6)      # "ont créé, ce mercredi, le groupement …"
    j = _past_partner(ctx, j, frame.end)            # "lance avec Thales le laboratoire …"
    for k in range(j, min(frame.end, j + 8)):
        named = _named_after(ctx, k, frame.end)
        if named is not None:
            return named
        # the kind of thing founded, up to its name: "le groupement d'intérêt scientifique « … »"
        if folded[k] not in DETERMINERS | {"nouvelle", "nouveau", "de", "d'", "du", "a", "au"} \
                and doc[k].text not in OPENING_QUOTES and doc[k].pos_ not in ("ADJ", "NOUN"):
            break
    return None


def _founded_before(ctx: Context, i: int, frame: Frame) -> tuple[Organisation | None, str] | None:
    """A passive (``The Secure Compression Lab … a été lancé``): the founded thing is its
    subject, in the first conjunct for a coordinated verb."""
    doc, folded, token_org = ctx.doc, ctx.folded, ctx.actors.token_org
    window = range(max(frame.start, i - 3), i)
    active = any(folded[k] in AVOIR_FORMS for k in window) and not any(folded[k] == "ete" for k in window)
    if active or not is_past_participle(doc[i]) or is_finite_verb(doc[i]):
        return None                    # "Capgemini lance …": a present the tagger took for a participle
    if i > frame.start and doc[i - 1].pos_ == "NOUN" and doc[i - 1].is_lower:
        return None                    # "une association créée en mars": the noun before is what is founded
    for j in range(frame.shared_start if frame.shared_start >= 0 else frame.start, i):
        if j > frame.start and folded[j - 1] in {"de", "d'", "du", "des", "a", "au", "avec", "pour", "par", "sur"}:
            continue
        if j in token_org:
            return _org_named(ctx, j)
        name = proper_name_at(doc, j, i)
        if name:
            return None, name
    return None


def created(ctx: Context, t: Trigger, frame: Frame) -> tuple[Organisation | None, str]:
    """What a founding trigger founds: an organisation or a capitalised name
    right after it (``fonder IMT Grand Est``, ``la création de QuantumLab``),
    or, for a passive participle, the named subject before it."""
    return _founded_after(ctx, t, frame) or _founded_before(ctx, t[0], frame) or (None, "")
