"""Step 2: a sentence cut into clauses, and a clause into frames, each stating one relation:
its main part and its parentheticals (relative clauses, appositions, a fronted apposition)."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from ..grammar import DETERMINERS, is_finite_verb, is_infinitive, is_past_participle
from ..organisations import Organisation
from ..words import words
from .model import Context, Frame

W = words()
RELATIVES = W.set("relatives")
MEMBER_NOUNS = W.set("member_nouns")
CLITICS_BEFORE_VERB = W.set("clitics_before_verb")
CONTRAST_CONJUNCTIONS = W.set("contrast_conjunctions")


def clauses(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """The sentence cut at semicolons, and before a new clause with a subject of its
    own after a colon or ``, et`` (``… étend la coopération : une école d'été sera
    organisée, et les deux établissements envisagent …``)."""
    out, start = [], sent.start
    for i in range(sent.start, sent.end):
        if doc[i].text == ";" and not _list_item_follows(doc, start, i, sent.end):
            out.append((start, i))
            start = i + 1
        elif i > start and new_clause_at(doc, i, sent.end) and (
                doc[i].text == ":" or any(is_finite_verb(doc[k]) for k in range(start, i))):
            out.append((start, i))        # not "L'Université de Tours, en France, et l'ULB ont signé": no verb yet
            start = i
    out.append((start, sent.end))
    return [(s, e) for s, e in out if e > s]


def _list_item_follows(doc: Doc, start: int, i: int, end: int) -> bool:
    """``réunira trois écoles : l'Inseec (…) ; l'ECE (…) et Sup de Pub (…)``: after a colon of the clause, a
    semicolon separates the items of one list (no finite verb in the next item), not two clauses."""
    if not any(doc[k].text == ":" for k in range(start, i)):
        return False
    nxt = next((k for k in range(i + 1, end) if doc[k].text == ";"), end)
    return not any(is_finite_verb(doc[k]) for k in range(i + 1, nxt))


def new_clause_at(doc: Doc, i: int, end: int) -> bool:
    """A colon, or ``, et``/``, mais``, followed by a subject and its finite verb."""
    if doc[i].text == ":":
        k = i + 1
    elif doc[i].text == "," and i + 1 < end and doc[i + 1].lower_ in {"et", "mais"}:
        k = i + 2
    else:
        return False
    if k >= end or doc[k].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM"):
        return False                           # ", et ouvrira …": the verb shares the first subject
    for j in range(k + 1, min(end, k + 9)):
        if doc[j].text in {",", ":", ";", "("}:
            return False
        if verb_phrase_start(doc[j]) and "Fin" in doc[j].morph.get("VerbForm"):
            return True
    return False


def verb_phrase_start(tok) -> bool:
    """A conjugated verb (the tagger sometimes leaves VerbForm out: ``rejoindra``)."""
    forms = tok.morph.get("VerbForm")
    return tok.pos_ in ("VERB", "AUX") and not ({"Inf", "Part", "Ger"} & set(forms))


def is_participle(tok) -> bool:
    """A past participle, also when tagged as an adjective or capitalised (``Coordonnée par …``)."""
    if is_past_participle(tok):
        return True
    low = tok.text.lower()
    return tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and low.endswith(("é", "ée", "és", "ées")) and len(low) > 4


def trigger_verb(ctx: Context, i: int) -> bool:
    """A form the lexicons know as a verb (``signe`` is often tagged as a noun)."""
    if ctx.folded[i - 1] in DETERMINERS:
        return False
    hit = ctx.lex.partnership.match(ctx.doc, i, ctx.folded)
    return (hit is not None and hit[0]["pos"] == "VERB") or ctx.lex.intention_at(ctx.doc, i, ctx.folded) is not None


def dont_including(ctx: Context, i: int, c_end: int) -> bool:
    """``avec douze universités, dont l'Université de Strasbourg et …``: ``dont``
    before a name lists examples of what precedes; it opens no relative clause."""
    folded = ctx.folded
    if folded[i] != "dont":
        return False
    k = i + 1
    while k < c_end and folded[k] in {"l'", "le", "la", "les"}:
        k += 1
    return k in ctx.actors.token_org


def antecedent(ctx: Context, comma: int, c_start: int) -> tuple[Organisation | None, int]:
    """The organisation a parenthetical opened at ``comma`` hangs on."""
    doc, actors = ctx.doc, ctx.actors
    k = comma - 1
    if k > c_start and doc[k].text == ")":       # "… Universités (LRU), dont …": the name before its acronym
        opened = next((m for m in range(k - 1, max(c_start - 1, k - 6), -1) if doc[m].text == "("), None)
        if opened is not None and opened - 1 in actors.token_org:
            k = opened - 1
    if k in actors.token_org:
        org, s, _ = actors.token_org[k]
        return org, s
    for k in range(comma - 1, max(c_start - 1, comma - 4), -1):
        if actors.anaphor_at(k):
            org = actors.resolve_anaphor(k, subject=k <= c_start + 1)
            return org, k
    return None, -1


def coordinated_before(ctx: Context, comma: int, c_start: int) -> list[Organisation]:
    """The organisations of the coordinated noun phrase that ends at ``comma`` (``A et B,``)."""
    out, k = [], comma - 1
    while k >= c_start:
        if k in ctx.actors.token_org:
            org, s, _ = ctx.actors.token_org[k]
            out.append(org)
            k = s - 1
            continue
        if ctx.folded[k] in DETERMINERS | {"et", ",", "ou"}:
            k -= 1
            continue
        break
    return out if len(out) >= 2 else []


def _fronted(ctx: Context, c_start: int, c_end: int) -> list[Frame]:
    """``Membre de X avec Y, l'établissement …``, ``Créée en 2022, Nantes Université …``."""
    doc = ctx.doc
    first = c_start
    while first < c_end and (doc[first].is_punct or doc[first].is_space):
        first += 1
    if first < c_end and (ctx.folded[first] in {"membre", "membres"} or is_participle(doc[first])):
        comma = next((k for k in range(first + 1, c_end) if doc[k].text == ","), None)
        if comma is not None and comma + 1 < c_end:
            return [Frame([(first, comma)], kind="fronted")]
    return []


def _parenthetical_end(ctx: Context, nxt: int, c_end: int) -> int:
    """Where a parenthetical closes: at the comma before the main clause's verb or before ``et`` and another
    body, else at the clause end."""
    doc, folded = ctx.doc, ctx.folded
    for k in range(nxt + 1, c_end):
        if doc[k].text != ",":
            continue
        m = k + 1
        if m < c_end and folded[m] == "et":
            m += 1
            a = m + 1 if m + 1 < c_end and folded[m] in {"l'", "la", "le", "les"} else m
            if a in ctx.actors.token_org:
                v = ctx.actors.token_org[a][2]
                while v < c_end and folded[v] in CLITICS_BEFORE_VERB:
                    v += 1
                if v < c_end and (verb_phrase_start(doc[v]) or trigger_verb(ctx, v)):
                    return k             # "L'ENSAIT, membre de la CGE, et l'IAE fusionnent": the subject goes on
        while m < c_end and folded[m] in CLITICS_BEFORE_VERB:
            m += 1
        if m < c_end and (verb_phrase_start(doc[m]) or trigger_verb(ctx, m)):
            return k
    return c_end


def _parenthetical_at(ctx: Context, j: int, c_start: int, c_end: int) -> Frame | None:
    """The relative clause or apposition opened by the comma at ``j``, if any."""
    doc, folded = ctx.doc, ctx.folded
    nxt = j + 1
    while nxt + 1 < c_end and doc[nxt].pos_ == "ADV" and folded[nxt] not in RELATIVES:
        nxt += 1                         # ", déjà membres de l'alliance"
    if _contrast_at(folded, nxt):
        return None                      # ", alors que X …": a clause of its own, no relative on the body before
    if nxt + 1 < c_end and folded[nxt] in ctx.lex.anaphor_kinds and folded[nxt + 1] in RELATIVES:
        nxt += 1                         # ", alliance qui regroupe …": the noun restates the body, the relative goes on
    relative = folded[nxt] in RELATIVES and not dont_including(ctx, nxt, c_end)
    if not (relative or is_participle(doc[nxt]) or folded[nxt] in MEMBER_NOUNS):
        return None
    close = _parenthetical_end(ctx, nxt, c_end)
    org, a_start = antecedent(ctx, j, c_start)
    frame = Frame([(j + 1, close)], kind="relative" if relative else "apposition",
                  antecedent=org, antecedent_start=a_start)
    if "Plur" in doc[nxt].morph.get("Number") or folded[nxt].endswith("s"):
        frame.coordinated = coordinated_before(ctx, j, c_start)
    return frame


def _contrast_at(folded: list[str], j: int) -> bool:
    """``tandis que``, ``alors que`` (``contrast_conjunctions``): the ``que`` at ``j`` opens a clause of its own."""
    return folded[j] in {"que", "qu'"} and j > 0 and folded[j - 1] in CONTRAST_CONJUNCTIONS


def _main_frames(ctx: Context, c_start: int, c_end: int, pars: list[Frame]) -> list[Frame]:
    """The clause minus its parentheticals, split where ``et``/``mais`` opens a second verb
    (``partagent déjà un programme depuis 2020 et collaborent au sein de la CGE``: two relations)."""
    doc, folded = ctx.doc, ctx.folded
    main_ranges = []
    cur = c_start
    for p in sorted(pars, key=lambda p: p.start):
        if p.start > cur:
            main_ranges.append((cur, p.start))
        cur = max(cur, p.end)
    if cur < c_end:
        main_ranges.append((cur, c_end))
    main = Frame(main_ranges or [(c_start, c_end)])
    splits = [j for j in main.indices() if folded[j] in {"et", "mais"} and j + 1 < c_end and main.contains(j + 1)
              and (verb_phrase_start(doc[j + 1]) or trigger_verb(ctx, j + 1))
              and not is_infinitive(doc[j + 1])]
    # "…, tandis que Neoma est membre de la CGE": a contrasting clause states its own relation, with its own subject
    contrasts = {j for j in main.indices() if j > c_start and _contrast_at(folded, j) and main.contains(j + 1)}
    splits = sorted(set(splits) | contrasts)
    frames = [main]
    for n, j in enumerate(splits):
        end = splits[n + 1] if n + 1 < len(splits) else main.end
        tail = [(max(s, j + 1), min(e, end)) for s, e in main.ranges if min(e, end) > max(s, j + 1)]
        frames.append(Frame(tail, kind="main") if j in contrasts else
                      Frame(tail, kind="coordinated", shared_start=main.start))
    if splits:
        main.ranges = [(s, min(e, splits[0])) for s, e in main.ranges if s < splits[0]]
    return frames


def frames(ctx: Context, c_start: int, c_end: int) -> list[Frame]:
    """The clause's main frame (first), its coordinated frames, then its parentheticals."""
    pars = _fronted(ctx, c_start, c_end)
    j = c_start
    while j < c_end - 1:
        if ctx.doc[j].text != "," or any(p.contains(j) for p in pars):
            j += 1
            continue
        frame = _parenthetical_at(ctx, j, c_start, c_end)
        if frame is None:
            j += 1
            continue
        pars.append(frame)
        j = frame.end
    return _main_frames(ctx, c_start, c_end, pars) + pars
