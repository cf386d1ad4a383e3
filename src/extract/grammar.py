"""Clause-level French grammar shared by the partnership and goal components.

These helpers read a sentence as a sequence of tagged tokens: where a clause
starts and stops, whether a verb is an infinitive, a future or a conditional,
where an objective's text must stop (purpose and illustration clauses), and
where coordinated objectives split. They use the morphologizer's tags, which
are reliable on this prose, and fall back on word shapes where the tagger errs
(sentence-initial infinitives: ``Diversifier les sources`` is tagged PROPN).
"""
from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from .docview import sentence_of
from .lexicon import Lexicons, fold
from .words import words

W = words()
SPEECH_INCISES = W.set("speech_incise_verbs")
NOUN_ENDINGS = W.tuple("noun_endings")
DETERMINERS = W.set("determiners")
CLITICS = W.set("clitics")
SKIPPABLE = W.set("skippable_adverbs")
# Capitalised words ending like infinitives that are nouns: not verbs when they open a heading.
NOT_INFINITIVE = W.set("not_infinitive")
PARTICIPLE_ENDINGS = W.tuple("participle_endings")
NEGATIONS = W.set("negations")
ACTION_NOUNS = W.set("action_nouns")
ACTION_SUFFIXES = W.tuple("action_suffixes")


INFINITIVE_ENDINGS = W.tuple("infinitive_endings")


def _tagged_infinitive(tok: Token) -> bool:
    """The tagger's ``VerbForm=Inf`` on a word with an infinitive's ending (not ``préparerons``, a future
    the tagger sometimes calls an infinitive)."""
    return "Inf" in tok.morph.get("VerbForm") and tok.text.lower().endswith(INFINITIVE_ENDINGS)


def is_infinitive(tok: Token) -> bool:
    if _tagged_infinitive(tok):
        return True
    low = tok.text.lower()
    if tok.pos_ == "VERB" and low.endswith(INFINITIVE_ENDINGS) and fold(low) not in NOT_INFINITIVE and tok.is_alpha:
        return True               # no French participle ends so: "diplômer" tagged as a participle is an infinitive
    return _looks_infinitive(tok)


def _looks_infinitive(tok: Token) -> bool:
    """Shape fallback for a capitalised or mis-tagged infinitive followed by its object."""
    w = fold(tok.text)
    if w in NOT_INFINITIVE or len(w) < 4 or not w.isalpha() or w.endswith(NOUN_ENDINGS):
        return False
    if not tok.text.lower().endswith(INFINITIVE_ENDINGS):       # accents kept: "Élaboré" is no infinitive
        return False
    if tok.pos_ in ("VERB", "AUX"):
        return not tok.morph.get("VerbForm") or "Inf" in tok.morph.get("VerbForm")
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    return (tok.is_sent_start or tok.text[:1].isupper()) and nxt is not None and (
        fold(nxt.text) in DETERMINERS or fold(nxt.text) in CLITICS or fold(nxt.text) in {"a", "au", "aux", "en", "sur"})


def is_finite_verb(tok: Token) -> bool:
    """A conjugated verb; also one the tagger took for a participle right after a reflexive clitic
    (``les universités se fixent``): no participle follows ``se``."""
    if tok.pos_ not in ("VERB", "AUX"):
        return False
    forms = tok.morph.get("VerbForm")
    if "Fin" in forms:
        return True
    if "Part" in forms and _present_of_er_verb(tok):
        return True                        # "et participe depuis": an -er verb's present, not "participé"
    return "Part" in forms and tok.i > 0 and fold(tok.doc[tok.i - 1].text) in {"se", "s'"} \
        and not tok.text.lower().endswith(("é", "ée", "és", "ées"))


def _present_of_er_verb(tok: Token) -> bool:
    """A form the tagger calls a participle that no French participle has: ``participe``, ``participent``
    (the participle is ``participé``); feminine participles end in ``-ée``, ``-se``, ``-te`` (``mise``,
    ``faite``) or ``-ie``, ``-ue`` (``finie``, ``reçue``)."""
    text = tok.text.lower()
    if text.endswith("ent") and len(text) > 5:
        return True
    return text.endswith("e") and len(text) > 4 and not text.endswith(("ée", "se", "te", "ie", "ue"))


FUTURE_ENDINGS = W.tuple("future_endings")


IRREGULAR_FUTURES = W.set("irregular_futures")


def _present_plural(tok: Token) -> bool:
    """``collaborons``, ``ouvrons``, ``déclarez``: the verb's stem and a present ending, whose ``-rons`` /
    ``-rez`` only looks like a future's (``collaborerons``)."""
    lemma, w = fold(tok.lemma_), fold(tok.text)
    return len(lemma) > 3 and lemma.endswith(("er", "ir", "re")) and w in (lemma[:-2] + "ons", lemma[:-2] + "ez")


def is_future(tok: Token) -> bool:
    if _present_plural(tok):
        return False
    if "Fut" in tok.morph.get("Tense") and "Fin" in tok.morph.get("VerbForm"):
        # every French future ends in -r + ending ("accueillera", "seront"); the tagger's "Fut" on
        # "accueille" is a slip
        return fold(tok.text).endswith(FUTURE_ENDINGS) or fold(tok.text) in IRREGULAR_FUTURES
    if tok.pos_ not in ("VERB", "AUX") or not tok.is_lower:
        return False
    w = fold(tok.text)
    if w in IRREGULAR_FUTURES:
        return True
    # the tagger reads some futures as presents ("aménagerons") or participles ("financera"): trust the ending
    participle_shaped = tok.text.lower().endswith(PARTICIPLE_ENDINGS)
    return len(w) > 4 and w.endswith(FUTURE_ENDINGS) and not _tagged_infinitive(tok) and not participle_shaped


def is_conditional(tok: Token) -> bool:
    return "Cnd" in tok.morph.get("Mood")


def is_past_participle(tok: Token) -> bool:
    return "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense")


def is_gerund(doc: Doc, i: int) -> bool:
    """``en signant``: a present participle after ``en``."""
    return i > 0 and fold(doc[i - 1].text) == "en" and fold(doc[i].text).endswith("ant")


def denied(folded: list[str], i: int, start: int, end: int) -> bool:
    """Is the verb at ``i`` denied: ``ne``/``n'`` just before it and ``pas``, ``plus``, ``jamais`` …
    just after (``n'envisage pas``, ``ne changeront pas``)?"""
    return any(folded[k] in {"ne", "n'"} for k in range(max(start, i - 3), i)) and any(
        folded[k] in NEGATIONS for k in range(i + 1, min(end, i + 3)))


def is_action_noun(word: str) -> bool:
    w = fold(word)
    return w in ACTION_NOUNS or (len(w) > 5 and w.endswith(ACTION_SUFFIXES))


def past_incise(doc: Doc, k: int, end: int, width: int) -> int:
    """After a phrase between commas opening at ``k`` (``ont créé, ce mercredi, le groupement``, ``Le
    troisième, enfin, réside``): the token after its closing comma, found before ``min(end, k + width)``;
    else ``k``."""
    if k >= end or doc[k].text != ",":
        return k
    close = next((m for m in range(k + 1, min(end, k + width)) if doc[m].text == ","), None)
    return close + 1 if close is not None else k


def open_bracket_before(doc: Doc, i: int, start: int) -> int | None:
    """The ``(`` that token ``i`` stands after, unclosed, from token ``start`` on (``neuf écoles (…, Eurecom)``):
    the nearest bracket before ``i`` opens; else None."""
    k = next((k for k in range(i - 1, start - 1, -1) if doc[k].text in {"(", ")"}), None)
    return k if k is not None and doc[k].text == "(" else None


def clause_bounds(sent: Span, i: int) -> tuple[int, int]:
    """Token range [start, end) of the clause of ``sent`` holding token ``i``: the
    sentence cut at semicolons (a list's items are separate clauses)."""
    start, end = sent.start, sent.end
    for j in range(i - 1, sent.start - 1, -1):
        if sent.doc[j].text == ";":
            start = j + 1
            break
    for j in range(i, sent.end):
        if sent.doc[j].text == ";":
            end = j
            break
    return start, end


def skip_to_complement(doc: Doc, i: int, end: int, folded: list[str], *, allow_np: bool,
                       markers: frozenset[str] = frozenset({"de", "d'", "a"}), lex: Lexicons | None = None,
                       skip: frozenset[int] | set[int] = frozenset()) -> tuple[int, str] | None:
    """After an intention word at ``i``, the first token of its complement:
    (index, ``"inf"`` or ``"np"``). Passed over: adverbs, incidental phrases
    (``pour sa part``; between commas: ``souhaitent, à travers ce partenariat,
    accroître``), the tokens of dates (``skip``: ``se sont engagés ce mercredi 10
    avril 2019 à …``) and the markers ``de``/``à``."""
    j = i + 1
    in_commas = False
    while j < end and j - i <= 16:
        tok = doc[j]
        w = folded[j]
        if j in skip:
            j += 1
            continue
        if lex is not None:
            hit = lex.incidental.match(doc, j, folded)
            if hit is not None:
                j += hit[1]
                continue
        if tok.text == ",":
            in_commas = not in_commas
            j += 1
            continue
        if in_commas:
            j += 1
            continue
        if w in markers or w in SKIPPABLE or tok.pos_ == "ADV" and not is_infinitive(tok):
            j += 1
            continue
        if tok.text in {"«", "“", '"'} and j + 1 < end and is_infinitive(doc[j + 1]):
            return j + 1, "inf"                # "souhaite « renforcer l'identité … »"
        if w in {"se", "s'", "en"} and j + 1 < end and is_infinitive(doc[j + 1]):
            return j, "inf"
        if is_infinitive(tok):
            return j, "inf"
        if allow_np and w in {"sur", "au", "aux", "a"} and j + 1 < end:
            if w in {"au", "aux"}:
                return j + 1, "np"             # "tend au renforcement de …"
            j += 1
            continue
        if allow_np and (w in DETERMINERS or tok.pos_ in ("NOUN", "PROPN", "DET", "NUM", "ADJ")):
            return j, "np"
        return None
    return None


def _quote_depth(tok, depth: int, opened: bool) -> tuple[int, bool]:
    """Quotation depth after ``tok``, and whether the quotation the objective is in ends there."""
    if tok.text in {"«", "“"}:
        return depth + 1, False
    if tok.text in {"»", "”"}:
        return max(0, depth - 1), depth == 0 and opened
    if tok.text == "\"":
        if opened and depth == 0:
            return depth, True
        return (1 - depth if depth in (0, 1) else depth), False
    return depth, False


def _hard_stop(doc: Doc, j: int, end: int, folded: list[str]) -> int | None:
    """Where a hard stop at ``j`` ends the objective: a purpose clause (``afin de``, ``pour`` +
    infinitive, ``permettant de``), ``tandis que``, a relative after a comma, a colon."""
    tok, w = doc[j], folded[j]
    if tok.text in {":", "–", "—"} or (tok.text == "." and j + 1 < end):
        return j
    if w in {"pour", "afin"} and _purpose_infinitive(doc, j, end, folded):
        return j
    if w == "tandis" or (w == "alors" and j + 1 < end and folded[j + 1] in {"que", "qu'"}):
        return j - 1 if doc[j - 1].text == "," else j     # ", tandis qu'Air Liquide accueillera …"
    if w in {"afin"} or (w in {"permettant", "visant"} and j + 1 < end and folded[j + 1] in {"de", "d'", "a"}):
        return j
    if w == "qui" and doc[j - 1].text == ",":
        return j - 1
    if tok.text == "," and _relative_follows(folded, j + 1, end):
        return j                           # ", avec laquelle les discussions ont commencé", ", dont …"
    if tok.text == "," and j + 1 < end and folded[j + 1] == "et" and _relative_follows(folded, j + 2, end):
        return j                           # ", et qui se veut une réponse …": a second relative about the antecedent
    return None


def _illustrating_parenthesis(doc: Doc, j: int, end: int) -> bool:
    """A parenthesis that lists or explains (a comma inside, or four words and more), not an acronym (``(Insa)``)."""
    close = next((k for k in range(j + 1, end) if doc[k].text == ")"), end)
    inside = doc[j + 1:close]
    if j > 0 and doc[j - 1].text.isupper() or (len(inside) and inside[0].text[:1].isupper()):
        return False                       # "BCE (Banque commune d'épreuves)": a name spelt out
    return any(t.text in {",", ";", ":"} for t in inside) or sum(1 for t in inside if not t.is_punct) >= 4


def _soft_stop(doc: Doc, j: int, start: int, end: int, folded: list[str], lex: Lexicons) -> bool:
    """An illustration or a new clause at ``j``: ``notamment``, ``comme``, ``(par ex.``, ``et`` + a
    finite verb, ``avec`` + an action noun, ``, contre …``, an apposed participle, ``, en`` + a gerund."""
    tok, w = doc[j], folded[j]
    if tok.text in {"…"} or (tok.text == "(" and j + 1 < end and folded[j + 1] in {"par", "ex", "voir"}):
        return True
    if tok.text == "(" and _illustrating_parenthesis(doc, j, end):
        return True                        # "Soutenir la formation d'étudiants (stages, alternances, …)"
    if lex.cut.match(doc, j, folded) is not None and not (w == "notamment" and j == start + 1):
        return True
    if w in {"et", "mais", "puis"} and _finite_follows(doc, j + 1, end, folded):
        return True                        # "veut devenir « … » et s'engage à …": a new clause
    if w == "avec" and j + 2 < end and (folded[j + 1] == "pour" or
                                        folded[j + 1] in DETERMINERS and is_action_noun(doc[j + 2].text)):
        return True                        # "avec l'entrée de …", "avec pour objectifs …"
    if tok.text == "," and j + 1 < end and folded[j + 1] == "sans":
        return True                        # "regrouper leurs forces, sans envisager de fusion": a reservation
    if tok.text == "," and j + 1 < end and folded[j + 1] in SPEECH_INCISES and j + 2 < end \
            and doc[j + 2].pos_ in ("DET", "PROPN", "NOUN", "PRON"):
        return True                        # "accueillir les étudiants …, expose le recteur, et d'organiser …"
    if tok.text == "," and j + 2 < end and folded[j + 1] in {"un", "une"} and (
            lex.list_noun.match(doc, j + 2, folded) or lex.objective.match(doc, j + 2, folded)):
        return True                        # "la multiplication des partenariats, un axe incontournable …"
    if tok.text == "," and _describes_body(doc, j, end, folded):
        return True                        # "accueillir une antenne d'AgroParisTech, la grande école qui forme …"
    if tok.text == "," and j + 2 < end and is_gerund(doc, j + 2):
        return True                        # "soutenir le développement des territoires, en favorisant …": the means
    # ", contre 25 % aujourd'hui", ", créé en 2021,"
    return tok.text == "," and j + 1 < end and (folded[j + 1] in {"contre", "type"} or (
        is_past_participle(doc[j + 1]) and not is_infinitive(doc[j + 1])))


def _describes_body(doc: Doc, j: int, end: int, folded: list[str]) -> bool:
    """After a body's name, ``, la grande école française qui …``: an apposition that says what the body is."""
    k = j + 1
    if k >= end or folded[k] not in {"la", "le", "l'", "un", "une"}:
        return False
    before = doc[j - 1].idx
    if not any(m.start <= before < m.end for o in doc._.organisations or [] for m in o.mentions):
        return False
    k += 1
    while k < min(end, j + 10) and (doc[k].pos_ in ("ADJ", "NOUN") or folded[k] in {"de", "d'", "du", "des"}):
        k += 1
    return k > j + 2 and k < end and folded[k] in {"qui", "dont"}


def objective_end(doc: Doc, start: int, end: int, folded: list[str], lex: Lexicons, *, soft: bool = True) -> int:
    """Where the objective starting at ``start`` stops (exclusive token index).

    Hard stops end the objective and everything coordinated after it: a purpose
    clause (``afin de``, ``pour`` + infinitive, ``permettant de``), a relative
    after a comma, a colon, the end of a quotation the objective started in.
    With ``soft``, illustrations stop it too (``notamment``, ``comme``, ``tels
    que``, ``, contre …``, ``avec`` + an action noun, an apposed participle);
    call it without ``soft`` to find how far coordinated objectives can reach."""
    opened = _open_quote(doc, start)
    depth = 0
    for j in range(start + 1, end):
        depth, closed = _quote_depth(doc[j], depth, opened)
        if closed:
            return j                       # the quotation the objective is in ends here
        stop = _hard_stop(doc, j, end, folded)
        if stop is not None:
            return stop
        if soft and _soft_stop(doc, j, start, end, folded, lex):
            return j
    return end


RELATIVE_PRONOUNS = W.set("relatives")


def _relative_follows(folded: list[str], k: int, end: int) -> bool:
    """A relative clause opens at ``k``, directly or after a preposition (``avec laquelle``)."""
    if k < end and folded[k] in RELATIVE_PRONOUNS:
        return True
    return k + 1 < end and folded[k] in {"avec", "pour", "par", "sur", "dans", "aupres", "grace", "a", "de"} \
        and folded[k + 1] in RELATIVE_PRONOUNS | {"qui", "quoi"}


def _finite_follows(doc: Doc, k: int, end: int, folded: list[str]) -> bool:
    while k < end and (folded[k] in {"se", "s'", "ne", "n'", "y", "en", "nous", "il", "elle", "ils", "elles", "on"}
                       or doc[k].pos_ == "ADV"):
        k += 1
    return k < end and is_finite_verb(doc[k]) and not is_infinitive(doc[k])


def _open_quote(doc: Doc, start: int) -> bool:
    """Is token ``start`` inside a quotation opened earlier in its sentence?"""
    sent = sentence_of(doc, start)
    depth = 0
    for t in doc[sent.start:start]:
        if t.text in {"«", "“"}:
            depth += 1
        elif t.text in {"»", "”"}:
            depth = max(0, depth - 1)
        elif t.text == "\"":
            depth = 1 - depth if depth in (0, 1) else depth
    return depth > 0


def objective_parts(doc: Doc, start: int, end: int, folded: list[str], lex: Lexicons) -> list[tuple[int, int]]:
    """The objectives of one complement: split at coordinated infinitives (or
    futures) first, then each part stopped at its own illustration."""
    hard = objective_end(doc, start, end, folded, lex, soft=False)
    out = []
    for s, e in coordinated_parts(doc, start, hard, folded):
        out.append((s, objective_end(doc, s, e, folded, lex)))
    resumed = _resumed_after_purpose(doc, start, hard, end, folded)
    if resumed is not None:                # "de faire évoluer X pour répondre aux défis et de simplifier Y"
        out += objective_parts(doc, resumed, end, folded, lex)
    return out


def _resumed_after_purpose(doc: Doc, start: int, hard: int, end: int, folded: list[str]) -> int | None:
    """After a purpose clause that cut an objective opened by ``de``, ``et de`` + an infinitive resumes the
    list of objectives (the purpose would go on with ``et`` alone): where the next objective starts."""
    if start == 0 or folded[start - 1] not in {"de", "d'"} or hard >= end or folded[hard] not in {"pour", "afin"}:
        return None
    for k in range(hard + 1, end - 2):
        if doc[k].text in {".", ";", ":"}:
            return None
        if folded[k] == "et" and folded[k + 1] in {"de", "d'"} and is_infinitive(doc[k + 2]):
            return k + 2
    return None


def _purpose_infinitive(doc: Doc, j: int, end: int, folded: list[str]) -> bool:
    k = j + 1
    if k < end and folded[k] in {"de", "d'"}:
        k += 1
    while k < end and folded[k] in CLITICS | {"ne", "pas", "mieux", "ainsi", "notamment", "davantage", "plus"}:
        k += 1
    return k < end and is_infinitive(doc[k])


def coordinated_parts(doc: Doc, start: int, end: int, folded: list[str]) -> list[tuple[int, int]]:
    """Split an objective at coordinated infinitives that each have their own
    complement (``doubler le nombre … et renforcer les liens …``); infinitives
    sharing one object stay together (``imaginer et développer des pratiques``)."""
    parts: list[tuple[int, int]] = []
    cur = start
    j = start + 1
    depth = 0
    while j < end:
        t = doc[j].text
        if t == "(":
            depth += 1
        elif t == ")":
            depth = max(0, depth - 1)
        if depth == 0 and folded[j] in {"et", "ou", ",", "mais", "puis", "ainsi"}:
            k = j + 1
            while k < end and folded[k] in {"de", "d'", "a", "mais", "egalement", "aussi", "surtout", "et", "que",
                                            "enfin", "ainsi", "ensuite", "en", "outre"} | {","}:
                if folded[k] == "en" and k + 1 < end and is_infinitive(doc[k + 1]):
                    break
                k += 1
            if folded[k - 1] == "en" and k - 1 > j:
                k -= 1
            if k < end and folded[k] in {"se", "s'", "en"} and k + 1 < end and is_infinitive(doc[k + 1]):
                inf = k                        # "et s'adjoindre", "et en accroître les effectifs"
            elif k < end and is_infinitive(doc[k]) and folded[k] != "en":
                inf = k
            elif k < end and is_future(doc[start]) and is_future(doc[k]):
                inf = k                        # "poursuivra … et ouvrira …"
            else:
                inf = None
            if inf is None and (_elliptic_range(folded, cur, j, end) or _elliptic_figure(doc, folded, cur, j, end)):
                inf = j + 1                    # "passer de 7 000 à 9 000 étudiants et de 175 professeurs à 250"
            if inf is not None and (j - cur) >= 2:
                parts.append((cur, j))
                cur = inf
                j = inf + 1
                continue
        j += 1
    parts.append((cur, end))
    return parts


def _elliptic_figure(doc: Doc, folded: list[str], cur: int, j: int, end: int) -> bool:
    """``accueillir 1 000 étudiants en 2025 et 2 000 en 2027``: a second figure of what the first counts, the verb
    and the noun left out (no noun after it)."""
    if folded[j] != "et" or j + 1 >= end or not folded[j + 1][:1].isdigit():
        return False
    if not any(w[:1].isdigit() and doc[k + 1].pos_ == "NOUN" for k, w in enumerate(folded[cur:j], cur)):
        return False
    k = j + 1
    while k < end and folded[k][:1].isdigit():
        k += 1
    return k >= end or doc[k].pos_ != "NOUN"


def _range_in(folded: list[str], start: int, end: int) -> bool:
    """``de 7 000 à 9 000`` between ``start`` and ``end``: a change between two figures."""
    opened = next((k for k in range(start, end) if folded[k] in {"de", "d'"}), None)
    if opened is None or "a" not in folded[opened + 2:end]:
        return False
    to = folded.index("a", opened + 2, end)
    return any(w[:1].isdigit() for w in folded[opened + 1:to]) and any(w[:1].isdigit() for w in folded[to + 1:end])


def _elliptic_range(folded: list[str], cur: int, j: int, end: int) -> bool:
    """``et de C à D`` after a verb's ``de A à B``: a second change of the same verb, the verb left out."""
    return folded[j] == "et" and j + 1 < end and folded[j + 1] in {"de", "d'"} \
        and _range_in(folded, cur + 1, j) and _range_in(folded, j + 1, end)


def nominal_parts(doc: Doc, start: int, end: int, folded: list[str]) -> list[tuple[int, int]]:
    """Split a nominal list at commas, ellipses and ``et`` when the next segment
    opens with an action noun (``développement de …, projet …, action …``):
    ``sur les sujets de cybersécurité, géosciences`` is not split."""
    parts: list[tuple[int, int]] = []
    cur = start
    for j in range(start + 1, end):
        if doc[j].text in {",", "…", "...", "et"} or folded[j] == "et":
            k = j + 1
            while k < end and (doc[k].text in {",", "…", "..."} or folded[k] in {"et", "ou"}):
                k += 1
            head = k
            if head < end and folded[head] in DETERMINERS - {"de", "d'"}:
                head += 1
            if head < end and k > cur + 1 and is_action_noun(doc[head].text) and head - k <= 1 and k < end:
                parts.append((cur, j))
                cur = k
    parts.append((cur, end))
    return [(s, e) for s, e in parts if e > s]


def np_coordination(doc: Doc, start: int, end: int, folded: list[str]) -> list[tuple[int, int]]:
    """Split ``la diversité des origines et une augmentation des flux`` at ``et`` + determiner."""
    parts = []
    cur = start
    for j in range(start + 1, end - 1):
        if folded[j] == "et" and folded[j + 1] in {"le", "la", "les", "l'", "un", "une", "des"} and j - cur >= 2:
            parts.append((cur, j))
            cur = j + 1
    parts.append((cur, end))
    return parts


UNITS = {"%", "‰", "€", "$", "£"}


def unit_after_figure(tok) -> bool:
    """``30 %``: a unit the tokenizer calls punctuation, right after its figure."""
    return tok.text in UNITS and tok.i > 0 and tok.nbor(-1).like_num


def span_text(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character offsets of tokens [start, end), trailing punctuation and connectors dropped (a unit after its
    figure is no punctuation: ``à 30 %``)."""
    while end > start and (doc[end - 1].is_punct and doc[end - 1].text not in {")", "»", "\"", "®"}
                           and not unit_after_figure(doc[end - 1]) or
                           fold(doc[end - 1].text) in {"et", "ou", "avec", "de", "d'", "a", "en", "mais"} or
                           doc[end - 1].is_space):
        end -= 1
    while start < end and (doc[start].is_punct and doc[start].text not in {"(", "«", "\""} or doc[start].is_space
                           or fold(doc[start].text) in {"et", "ou", "mais"}):
        start += 1
    if end <= start:
        return -1, -1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)
