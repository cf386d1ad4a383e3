"""Step 1: the words that state a relation (``signer``, ``convention``, ``rejoindre`` …) in a sentence,
and the triggers that state nothing (denied, cancelled, or a noun that only refers back)."""
from __future__ import annotations

from spacy.tokens import Span

from ..grammar import is_finite_verb, is_gerund
from ..layout import list_groups
from ..normalise import fold
from ..words import words
from .model import Clause, Context, Trigger

W = words()
NEGATIONS = W.set("negations")
VERB_ENDINGS = W.tuple("verb_endings")
REFERRING = W.set("referring_determiners")
COPULAS = W.set("membership_copulas")


def verb_shaped(w: str) -> bool:
    return w.endswith(VERB_ENDINGS)


def planned_list_items(ctx: Context) -> list[tuple[int, int]]:
    """Character ranges of bullet items whose introduction is an intention or a list of aims."""
    doc, folded, lex = ctx.doc, ctx.folded, ctx.lex
    out = []
    for group in list_groups(ctx.lines):
        if group.intro is None:
            continue
        span = doc.char_span(group.intro.start, group.intro.end, alignment_mode="expand")
        if span is None:
            continue
        if any(lex.intention_at(doc, k, folded) or lex.objective.match(doc, k, folded)
               or lex.planned.match(doc, k, folded) for k in range(span.start, span.end)):
            out.extend((item.start, item.end) for item in group.items)
    return out


def _noun_not_verb(ctx: Context, i: int) -> bool:
    """A verb trigger the tagger read as a noun or adjective, in a form no verb has."""
    doc = ctx.doc
    return doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and not is_gerund(doc, i) \
        and "Part" not in doc[i].morph.get("VerbForm") and not verb_shaped(ctx.folded[i])


def _speech_verb(ctx: Context, i: int) -> bool:
    """« … », conclut le président: a verb of speech after a quotation."""
    doc = ctx.doc
    return i >= 2 and doc[i - 1].text == "," and doc[i - 2].text in {"»", "\"", "”"}


def _after_copula(ctx: Context, i: int, start: int) -> bool:
    """``est une école de``, ``est depuis 2017 une école de``, ``deviennent écoles internes du``:
    a copula shortly before, with no other verb nor punctuation between; or an apposition to the body
    named just before, which says the same (``l'ISEL – école interne à l'université du Havre –``,
    ``l'ENSI Poitiers, école interne de l'Université de Poitiers,``)."""
    k = i - 1
    while k > start and ctx.doc[k].pos_ == "DET":
        k -= 1
    if k > start and ctx.doc[k].text in {",", "–", "—", "("} and k - 1 in ctx.actors.token_org:
        return True
    for k in range(i - 1, max(start, i - 9) - 1, -1):
        if ctx.folded[k] in COPULAS:
            return True
        if ctx.doc[k].pos_ in ("VERB", "AUX") or ctx.doc[k].text in {",", ";", ":", "(", ")"}:
            return False
    return False


def _of_a_body(ctx: Context, k: int, end: int) -> bool:
    """``une école de l'IMT``, ``écoles internes du groupe``: the membership noun's complement names a body
    (``l'Inseec (une école de commerce)`` says what the Inseec is, not whose)."""
    for m in range(k, min(end, k + 5)):
        if m in ctx.actors.token_org or ctx.actors.anaphor_at(m):
            return True
        if not (ctx.doc[m].pos_ == "ADJ" or ctx.folded[m] in {"de", "d'", "du", "des", "a", "au", "aux"}
                or ctx.folded[m] in REFERRING or ctx.doc[m].pos_ == "DET"):
            return False                   # "une école d'ingénierie numérique et Sup de Pub": no complement
    return False


def find_triggers(ctx: Context, sent: Span) -> list[Trigger]:
    out = []
    i = sent.start
    while i < sent.end:
        hit = _fitting_entry(ctx, i, sent)
        if hit is None or i in ctx.actors.token_org:
            i += 1
            continue
        entry, n = hit
        entry = _verb_reading(ctx, i, n, entry)
        if entry["pos"] == "VERB" and (_noun_not_verb(ctx, i) or _speech_verb(ctx, i)):
            i += n
            continue
        if _wants_copula(ctx, i, sent, entry, n):
            i += n
            continue
        out.append((i, n, entry))
        i += n
    return out


def _fitting_entry(ctx: Context, i: int, sent: Span) -> tuple[dict, int] | None:
    """The first entry of the word at ``i`` whose context holds: one that needs a copula before it (``X est
    mécène de Y``) gives way to another of the same word that does not (``accueille trois mécènes : A, B``)."""
    hits = list(ctx.lex.partnership.matches(ctx.doc, i, ctx.folded))
    return next((h for h in hits if not _wants_copula(ctx, i, sent, *h)), hits[0] if hits else None)


def _wants_copula(ctx: Context, i: int, sent: Span, entry: dict, n: int) -> bool:
    return bool(entry.get("after_copula")) and not (
        _after_copula(ctx, i, sent.start) and _of_a_body(ctx, i + n, sent.end))


def _verb_reading(ctx: Context, i: int, n: int, entry: dict) -> dict:
    """``le laboratoire commun associe A et B``: a noun form that is a finite verb here (accents aside,
    ``associe`` is ``associé``) stands for the verb's own entry, when the verb has one."""
    tok = ctx.doc[i]
    if entry["pos"] != "NOUN" or n != 1 or tok.pos_ != "VERB" or not is_finite_verb(tok):
        return entry
    verb = ctx.lex.partnership.by_lemma.get(fold(tok.lemma_))
    return verb if verb is not None and verb["pos"] == "VERB" else entry


def anaphoric_trigger(ctx: Context, t: Trigger, c_end: int) -> bool:
    """``cette alliance entend …``: a trigger noun that refers back to a named body."""
    doc, folded = ctx.doc, ctx.folded
    i, n, entry = t
    if entry["pos"] != "NOUN" or i == 0 or folded[i - 1] not in REFERRING:
        return False
    window = [tok.lower_ for tok in doc[i + n:min(c_end, i + n + 4)]]    # not folded: "dès" is no "des"
    k = i + n
    while k < min(c_end, i + n + 3) and doc[k].pos_ == "ADJ" and doc[k].is_lower:
        k += 1
    if k < len(doc) and doc[k].text[:1].isupper():
        return False                       # "l'alliance (européenne) EUTOPIA": the noun introduces a name
    return not any(w in W.set("partner_prepositions") for w in window)


def _without(ctx: Context, i: int, start: int) -> bool:
    """``sans pour le moment envisager de fusion``, ``sans fusionner pour autant``: ``sans`` governs
    the trigger through infinitives and adverbs, no finite verb between."""
    for k in range(i - 1, max(start, i - 8) - 1, -1):
        if ctx.folded[k] == "sans":
            return True
        if is_finite_verb(ctx.doc[k]):
            return False
    return False


def negated(ctx: Context, i: int, c_start: int, c_end: int) -> bool:
    """Is the trigger at ``i`` denied (``une fusion n'est pas à l'ordre du jour``,
    ``aucun accord``)? The test looks at its stretch of the clause between
    commas and ``mais``."""
    folded = ctx.folded
    start, end = i, i
    while start > c_start and folded[start - 1] not in {",", "mais", ":"}:
        start -= 1
    while end < c_end and folded[end] not in {",", "mais", ":"}:
        end += 1
    stretch = folded[start:end]
    if any(w in W.set("negative_determiners") for w in folded[max(start, i - 2):i]):
        return True
    if _without(ctx, i, start):
        return True
    return any(w in {"ne", "n'"} for w in stretch) and any(w in NEGATIONS for w in stretch)


def _anaphor_width(ctx: Context, plural_at: tuple[int, int]) -> int:
    """Tokens after the first of a plural anaphor (``parties.plural_anaphor_in``: where, and how many bodies it
    counts): none for a pronoun (``Elles s'allient``), two for a counted noun phrase (``les deux universités``),
    one for an uncounted one (``les écoles fusionnent``)."""
    at, count = plural_at
    if ctx.folded[at] in {"ils", "elles"}:
        return 0
    return 2 if count else 1


def live_triggers(ctx: Context, clause: Clause, triggers: list[Trigger],
                  plural_at: tuple[int, int] | None) -> list[Trigger]:
    """The triggers of a frame that state a relation."""
    c_start, c_end = clause.start, clause.end

    def lives(t: Trigger) -> bool:
        if anaphoric_trigger(ctx, t, c_end):
            return False
        if plural_at is not None and plural_at[0] <= t[0] <= plural_at[0] + _anaphor_width(ctx, plural_at):
            return False                       # "les deux universités", the plural anaphor itself
        if negated(ctx, t[0], c_start, c_end):
            return False
        return not any(ctx.lex.cancelled.match(ctx.doc, k, ctx.folded) for k in range(t[0], c_end))

    return [t for t in triggers if lives(t)]
