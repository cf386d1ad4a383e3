"""The name grammar: a head noun and the words names are made of, names introduced by a noun
(``la société X``), known names extended by proper words, the model's ORG entities."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..docview import text_of
from ..grammar import is_finite_verb
from ..normalise import fold
from ..words import words
from .index import OrgIndex
from .shapes import CLOSING_QUOTES, DETERMINERS, ELISION, NAME_PARTICLES, OPENING_QUOTES, PARTICLES

PERSON_TITLES = words().set("person_titles")
BRAND_SUFFIXES = frozenset(words().tuple("brand_suffixes"))
_YEAR = re.compile(r"^(?:19|20)\d\d(?:[-–/](?:19|20)?\d\d)?$")
AGENCY_NOUNS = words().set("agency_nouns")
APPOSITION_NOUNS = words().set("apposition_nouns")


def _capitalised_run(doc: Doc, j: int, *, limit: int) -> int:
    """End (exclusive) of the run of up to ``limit`` capitalised words from token ``j``, hyphens and
    apostrophes joining them (``Annecy-Chambéry``, ``Ca' Foscari``), on one line."""
    k, capitals = j, 0
    while k < len(doc) and capitals < limit:
        t = doc[k]
        if "\n" in t.text or (k > j and "\n" in doc[k - 1].whitespace_):
            break
        if t.text[:1].isupper() and (t.pos_ not in ("DET", "ADP", "PRON", "CCONJ") or k > j):
            k += 1
            capitals += 1
            continue
        joins = t.text in {"-", "&", "'"} or fold(t.text) in NAME_PARTICLES
        if joins and k > j and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            k += 1                               # "Maison Pour la Science", "Annecy-Chambéry"
            continue
        break
    while k > j and fold(doc[k - 1].text) in NAME_PARTICLES | {"-", "&", "'"}:
        k -= 1
    return k


def _joins_by_et(ix: OrgIndex, doc: Doc, tokens, j: int) -> bool:
    """``et`` joins two parts of one name (``… de l'industrie et de l'économie numérique``),
    not two names (``Université de Warwick et l'Université de Ljubljana``) nor a new
    complement (``… à l'Institut Agro Montpellier et au CIRAD``)."""
    k = j + 1
    while k < len(tokens) and fold(tokens[k].text).rstrip("'") in PARTICLES - {"et"}:
        k += 1
    nxt = tokens[k] if k < len(tokens) else None
    if nxt is None or not (nxt.text[:1].isupper() or fold(nxt.text) in ix.inner):
        return False
    if fold(tokens[j + 1].text) in {"au", "aux", "a"}:
        return False                    # "… et au CIRAD": another complement
    if nxt.i == j + 1 and nxt.ent_iob_ == "B" and nxt.ent_type_ in ("ORG", "PER", "MISC"):
        return False                    # "l'Université de Nancy et Total": the model sees another name begin
    if nxt.i == j + 1 and fold(nxt.text) not in ix.inner and (not nxt.has_vector or not nxt.text[1:].islower()):
        return False                    # "… de Lille et NeoFacto": a brand the model does not know is another name
    if fold(tokens[j + 1].text) in {"l'", "le", "la", "les"} and j + 2 < len(tokens) \
            and tokens[j + 2].text[:1].isupper():
        return False                    # "l'École et l'État": another body ("… et l'agriculture" goes on)
    if any(t.text in ix.suffix_heads for t in tokens[k:k + 5]):
        return False                    # "… et Quimperlé Agglomération": a name its last word makes
    return not (nxt.text.isupper() and len(nxt.text) > 1 or fold(nxt.text) in ix.heads
                or any(h[0] == 0 for h in ix.gazetteer.find(text_of(doc)[nxt.idx:nxt.idx + 80])))


def _passes(ix: OrgIndex, tokens, j: int, tl: str) -> bool:
    """Small words inside a name: particles, ``à`` before an inner word (``… d'enseignement à
    distance``, not ``… de Lille à Paris``), the apostrophe of ``Université Ca' Foscari``."""
    t = tokens[j]
    if tl in PARTICLES or (tl == "a" and j + 1 < len(tokens) and fold(tokens[j + 1].text) in ix.inner):
        return True
    return t.text == "'" and tokens[j - 1].text[:1].isupper() and j + 1 < len(tokens) \
        and tokens[j + 1].text[:1].isupper()


def _enumeration_goes_on(tokens, j: int) -> bool:
    """``, de la Recherche``: a comma before another part of an enumerated name."""
    k = j + 1
    if k >= len(tokens) or fold(tokens[k].text) not in {"de", "du", "des", "d'"}:
        return False
    k += 1
    while k < len(tokens) and fold(tokens[k].text) in {"la", "l'", "le", "les"}:
        k += 1
    return k < len(tokens) and tokens[k].text[:1].isupper()


def _name_end(ix: OrgIndex, doc: Doc, tokens, i: int) -> int | None:
    """The last token of the name a head at ``i`` opens, if it has more than its head."""
    j = i + 1
    last_good = None
    enumerates = fold(tokens[i].text) in ix.enumerating_heads
    while j < len(tokens):
        t = tokens[j]
        if t.text == "," and enumerates and last_good is not None and _enumeration_goes_on(tokens, j):
            j += 1
            continue
        if "\n" in t.text or t.is_punct and t.text not in {"-", "'", "&"}:
            break
        tl = fold(t.text).rstrip("'")
        if t.like_num and (fold(tokens[j - 1].text) in {"le", "du", "au", "en"} or _YEAR.match(t.text)):
            break                       # "le Conseil d'Administration du 26 septembre", "… de Chinon en 2020",
            #                             "contrat de plan État-Région 2021-2027": a date, not the name
        if tl == "et":
            if not _joins_by_et(ix, doc, tokens, j):
                break
        elif _passes(ix, tokens, j, tl):
            pass
        elif t.text[:1].isupper() or tl in ix.inner or t.text[:1].isdigit():
            last_good = j               # "Lyon 3", "Paris 8"; not a number word ("… pour un séminaire")
        else:
            break
        j += 1
    return last_good


def _not_a_name(ix: OrgIndex, tokens, i: int, last: int, low: str) -> bool:
    """A generic plural (``grandes Écoles d'ingénieurs``), a kind of body (``l'Institut de
    recherche``), a capital that is the sentence's (``Université européenne : …``)."""
    if low in ix.plural_heads and not any(t.text[:1].isupper() for t in tokens[i + 1:last + 1]):
        return True
    if generic_kind(ix, tokens[i:last + 1]):
        return True
    return last - i <= 2 and opens_sentence(tokens, i) and all(t.is_lower for t in tokens[i + 1:last + 1])


def grammar_candidates(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str, str]]:
    """Names a head noun opens (``Université``, ``École``, ``Institut`` … of ``org_grammar.jsonl``)."""
    out = []
    tokens = list(doc)
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        low = fold(tok.text)
        capital_ok = (tok.text[:1].isupper() or low in ix.lowercase_heads or low in ix.place_heads
                      or low in ix.authority_heads or _before_person(ix, tokens, i)) and (
            low not in ix.capital_heads or tok.text.isupper())
        if low in ix.heads and capital_ok and not starts_inside_name(ix, tokens, i) and not _compound(tokens, i):
            last = _name_end(ix, doc, tokens, i)
            if last is not None and tok.is_lower and low in ix.place_heads and (
                    not _proper_rest(tokens, i, last) or (i > 0 and tokens[i - 1].pos_ in ("ADJ", "NUM"))):
                last = None                  # "la cinquième université de France" describes, names nothing
            if last is not None and tok.is_lower and low in ix.authority_heads and not (
                    _proper_rest(tokens, i, last) and _speaks_for_authority(ix, tokens, i, last)):
                last = None                  # "en région Normandie": a territory
            if last is not None and low in ix.names_as:
                last = _holder_ends(tokens, i, last)   # "le ministre Paul Roux": the holder's name, no body
            if last is not None and _introduces_a_name(tokens, i, last):
                last = None                  # "l'Alliance universitaire européenne 4EU+": it says what 4EU+ is
            if last is not None and not _not_a_name(ix, tokens, i, last, low) \
                    and not fold(doc[i:last + 1].text).startswith(ix.organs):
                span = doc[i:last + 1]
                out.append((span.start_char, span.end_char, "grammar", ix.heads[low]))
                i = last + 1
                continue
        i += 1
    return out


def _compound(tokens, i: int) -> bool:
    """``Centre-Val de Loire``: a head glued by a hyphen to the next word opens a compound, a place's name."""
    return i + 1 < len(tokens) and tokens[i + 1].text == "-" and not tokens[i].whitespace_


def _before_person(ix: OrgIndex, tokens, i: int) -> bool:
    """A head the press writes in lowercase before the person the body is named after (``la fondation Jean
    Monnet pour l'Europe``; ``la fondation Maison Pour la Science`` only introduces a name)."""
    return fold(tokens[i].text) in ix.person_heads and i + 1 < len(tokens) and tokens[i + 1].ent_type_ == "PER"


def _holder_ends(tokens, i: int, last: int) -> int | None:
    """The name an office (``ministre``) opens ends before the holder's own name (a person the model tags)."""
    person = next((j for j in range(i + 1, last + 1) if tokens[j].ent_type_ == "PER" and tokens[j].ent_iob_ == "B"),
                  None)
    if person is None:
        return last
    return person - 1 if person - 1 > i else None


def _speaks_for_authority(ix: OrgIndex, tokens, i: int, last: int) -> bool:
    """A lowercase territory (``région Normandie``) is its authority after an office holder (``le président
    de la région Normandie``; a prefect is the State's, not in the titles), after a noun that needs an agent
    (``avec le soutien de la région Bretagne``, ``l'appel de la région``) or ``par`` (``financé par la ville de
    Lyon``), or coordinated with a body named next (``la ville de Villeneuve d'Ascq et l'Université de Lille``)."""
    k = i - 1
    while k >= 0 and fold(tokens[k].text).rstrip("'") in DETERMINERS | {"de", "du", "d"}:
        k -= 1
    if k < i - 1 and k >= 0 and fold(tokens[k].text) in PERSON_TITLES | AGENCY_NOUNS:
        return True
    if k < i - 1 and k >= 0 and fold(tokens[k].text) == "par":
        return True                  # "financé par la région Bretagne": the agent of a passive
    if _opens_clause(tokens, i) and last + 1 < len(tokens) and is_finite_verb(tokens[last + 1]):
        return True                  # "La région Pays de la Loire accompagnera …": a place that acts, its authority
    k = last + 1
    if k >= len(tokens) or fold(tokens[k].text) != "et":
        return False
    k += 1
    while k < len(tokens) and fold(tokens[k].text).rstrip("'") in DETERMINERS | {"de", "du", "d", "a", "au"}:
        k += 1
    nxt = tokens[k].text if k < len(tokens) else ""
    return (nxt[:1].isupper() and fold(nxt) in ix.heads) or (len(nxt) > 1 and nxt.isupper())


def _opens_clause(tokens, i: int) -> bool:
    """The head at ``i`` and its article open a sentence or a clause (after a comma): subject position."""
    k = i - 1 if i > 0 and fold(tokens[i - 1].text).rstrip("'") in {"la", "le", "l"} else i
    return k == 0 or tokens[k - 1].is_sent_end or tokens[k - 1].text in {",", ";", "\n"} or tokens[k].is_sent_start


def _introduces_a_name(tokens, i: int, last: int) -> bool:
    """A head and lowercase words only, directly followed by a name of its own (``l'Alliance universitaire
    européenne 4EU+``): a description of that body, not a name."""
    rest = tokens[i + 1:last + 1]
    nxt = tokens[last + 1] if last + 1 < len(tokens) else None
    return bool(rest) and all(t.is_lower for t in rest) and nxt is not None and not nxt.is_punct \
        and (nxt.text[:1].isupper() or nxt.text[:1].isdigit())


def _proper_rest(tokens, i: int, last: int) -> bool:
    """``université de Shanghai``, ``université Laval``: after a lowercase head, only particles and
    proper words (``l'université de recherche`` is a kind of body)."""
    rest = [t for t in tokens[i + 1:last + 1] if fold(t.text).rstrip("'") not in PARTICLES and t.text != "-"]
    return bool(rest) and all(t.text[:1].isupper() for t in rest)


def generic_kind(ix: OrgIndex, span) -> bool:
    """A capitalised head and one lower-case content word, nothing proper after it
    (``Institut de recherche``, ``École d'architecture``) names a kind of body, not a body.
    Heads French writes in lower case (``ministère de la culture``) are names all the same."""
    head = fold(span[0].text)
    rest = [t for t in span[1:] if fold(t.text).rstrip("'") not in PARTICLES]
    return head not in ix.lowercase_heads and len(rest) == 1 and rest[0].is_lower


def opens_sentence(tokens, i: int) -> bool:
    """Token ``i`` opens its sentence or line with no article (``Université européenne : …``,
    where the capital is the sentence's; ``L'Université franco-italienne`` chose its own)."""
    return i == 0 or tokens[i].is_sent_start or "\n" in tokens[i - 1].text_with_ws \
        or tokens[i - 1].text in OPENING_QUOTES


def starts_inside_name(ix: OrgIndex, tokens, i: int) -> bool:
    """A head just after a capitalised word ('France Université Numérique') is inside a bigger name."""
    if i == 0:
        return False
    prev = tokens[i - 1]
    if "\n" in prev.text_with_ws or prev.is_punct or prev.is_sent_start:
        return False
    if prev.text[:1].isupper() and prev.text.lower() not in DETERMINERS and not ELISION.match(prev.text + "'"):
        return True
    return fold(prev.text) in ix.not_org_context


def introduced_names(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str]]:
    """A capitalised name after a noun that says what it is: ``la société Quandela``,
    ``l'entreprise lyonnaise Nexeya``, ``le groupe pharmaceutique Recipharm``,
    ``le pôle de compétitivité Materalia``, ``l'éditeur de logiciels Amadeus``."""
    folded = [fold(t.text) for t in doc]
    out = []
    i = 0
    while i < len(doc) - 1:
        hit = ix.name_intros.match(doc, i, folded)
        if hit is None or not (doc[i].is_lower or doc[i].text.isupper()):
            i += 1
            continue                         # "Société Générale" is a name, not an introduction
        entry, n = hit
        if n == 1 and doc[i].pos_ not in ("NOUN", "PROPN"):
            i += 1
            continue                         # "dynamisme économique et industriel de la France": an adjective
        j = i + n
        described = 0
        while j < len(doc) and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ in ("ADJ", "NOUN") and described < 2:
            j += 1
            described += 1
        if described == 0 and j + 1 < len(doc) and folded[j] in {"de", "d'"} and doc[j + 1].is_lower \
                and doc[j + 1].is_alpha and doc[j + 1].pos_ == "NOUN":
            j += 2                           # "l'éditeur de logiciels Amadeus"
            described = 1
        # "groupe" alone is ambiguous ("le groupe UT" is a network, "le groupe Omnes" an education group):
        # the name keeps the noun, and the body is a group
        bare = bool(entry.get("needs_adjective")) and described == 0
        quoted = j + 1 < len(doc) and doc[j].text in OPENING_QUOTES      # "le groupement « Normandie Numérique »"
        if quoted:
            j += 1
        end = _capitalised_run(doc, j, limit=5)
        if end == j or (fold(doc[j].text) in ix.heads and not _compound(doc, j)) or (
                quoted and not (end < len(doc) and doc[end].text in CLOSING_QUOTES)):
            i += 1
            continue
        if bare:
            out.append((doc[i].idx, doc[end - 1].idx + len(doc[end - 1].text), "group"))
        else:
            out.append((doc[j].idx, doc[end - 1].idx + len(doc[end - 1].text), entry["kind"]))
        i = end
    return out


def apposed_names(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str]]:
    """Two capitalised words or more that an apposition says is a body: ``Normandie Tech, pôle
    d'ingénierie …``, ``Sup de Pub (une école de communication)`` (the noun of ``name_intro`` or
    ``apposition_nouns`` after the comma or parenthesis, an article allowed); the run of capitals before
    it (``de`` between two of them), on its own (not after a name particle), is the name."""
    folded = [fold(t.text) for t in doc]
    out = []
    for j in range(2, len(doc) - 1):
        if doc[j].text not in {",", "("}:
            continue
        k = j + 1 + (folded[j + 1] in {"un", "une", "le", "la", "l'"})
        hit = ix.name_intros.match(doc, k, folded) if k < len(doc) else None
        if not (k < len(doc) and doc[k].is_lower and (hit is not None or folded[k] in APPOSITION_NOUNS)):
            continue
        start = _capitals_before(doc, folded, j)
        before = folded[start - 1] if start > 0 else ""
        if j - start < 2 or before in {"de", "du", "des", "d'", "-", "&"} \
                or any(t.ent_type_ == "PER" for t in doc[start:j]) or fold(doc[start].text) in ix.heads:
            continue
        kind = hit[0]["kind"] if hit is not None else "group"
        out.append((doc[start].idx, doc[j - 1].idx + len(doc[j - 1].text), kind))
    return out


def _capitals_before(doc: Doc, folded: list[str], j: int) -> int:
    """Where the run of capitalised words ending before token ``j`` starts (``de`` between two capitals
    joins them: ``Sup de Pub``); five words at most."""
    start = j
    while start > 0 and j - start < 5:
        capital = doc[start - 1].text[:1].isupper() and doc[start - 1].is_alpha
        joining = folded[start - 1] in {"de", "d'"} and j > start > 1 and doc[start - 2].text[:1].isupper()
        if not (capital or joining):
            break
        start -= 1
    return start


def extended_names(ix: OrgIndex, doc: Doc, hits) -> list[tuple[int, int, str]]:
    """A known name directly followed by capitalised proper-name words names
    another body: ``IMT Grand Est``, ``Sorbonne Université Abu Dhabi``, of the kind its first word says when
    that word is a head (``Polytech Tours``: a school, not the network ``Polytech``). Not when
    the capitalised word opens a lowercase phrase (``UTBM Service communication``)."""
    out = []
    for s, e, _, ids in hits:
        if len(ids) != 1:
            continue
        span = doc.char_span(s, e, alignment_mode="expand")
        if span is None:
            continue
        j = span.end
        run = []
        while j < len(doc) and sum(1 for t in run if t.is_alpha) < 5:
            t = doc[j]
            joins = t.text == "-" or (fold(t.text).rstrip("'’") in {"d", "de"} and run and t.text[-1:] in "'’")
            if joins and run and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
                run.append(t)                # "Polytech Annecy-Chambéry", "Provence-Alpes-Côte d'Azur"
                j += 1
                continue
            if "\n" in doc[j - 1].whitespace_ or not t.text[:1].isupper() or not t.text.replace("-", "").isalpha():
                break
            if t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX", "CCONJ", "SCONJ") or ix.gazetteer.find(t.text):
                break
            if fold(t.text) in ix.heads or fold(t.text) in ix.not_org_name:
                break
            run.append(t)
            j += 1
        if not run or " ".join(t.text for t in run) in BRAND_SUFFIXES:
            continue                     # "Neoma BS": the brand's kind of school, the same body
        nxt = doc[j] if j < len(doc) else None
        if nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
            continue
        # "Polytech Tours": a head word that names a network alone names one of its schools before a place
        kind = ix.heads.get(fold(span[0].text)) or ix.gazetteer.entries[next(iter(ids))]["kind"]
        out.append((s, run[-1].idx + len(run[-1].text), kind))
    return out


def ner_candidates(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str, str]]:
    out = []
    for ent in doc.ents:
        if ent.label_ != "ORG" or "\n" in ent.text:
            continue
        toks = [t for t in ent if not (t.lower_.rstrip("'") in DETERMINERS and t.i == ent.start)]
        if len(toks) < 2:
            continue
        first = fold(toks[0].text)
        if first in ix.not_org_name or first in ix.heads or toks[0].pos_ == "VERB" or first in ix.not_org_context \
                or first in ix.buildings:
            continue                                   # "Notre École", "Programme Erasmus": no body's name
        if not all(t.text[:1].isupper() or t.lower_.rstrip("'") in PARTICLES for t in toks):
            continue
        if not toks[-1].text[:1].isupper():
            continue
        k = ent.start - 1
        while k >= 0 and doc[k].is_punct and doc[k].text in {"«", "\"", "“", "'"}:
            k -= 1
        if k >= 0 and fold(doc[k].text) in ix.not_org_context:
            continue
        if k >= 1 and fold(doc[k].text).rstrip("'") in PARTICLES and fold(doc[k - 1].text) in ix.field_context:
            continue                                   # "le domaine des Sciences et Technologies de …": a field
        out.append((toks[0].idx, ent.end_char, "ner", "other"))
    return out


def suffixed_names(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str]]:
    """``Amiens Métropole``: a place's name and a noun after it that names the body (``suffix_head``); an
    English head after up to ``proper_words`` proper words (``Shanghai Jiao Tong University``)."""
    out = []
    for tok in doc[1:]:
        kind, most = ix.suffix_heads.get(tok.text, (None, 0))
        prev = doc[tok.i - 1]
        if kind is None or not prev.text[:1].isupper() or prev.pos_ not in ("PROPN", "NOUN"):
            continue
        start = prev.i
        while start > 0 and tok.i - start < most and _proper_word(doc[start - 1]):
            start -= 1                             # "Shanghai Jiao Tong University"
        while start > 0 and doc[start - 1].text == "-" and start - 2 >= 0 and doc[start - 2].text[:1].isupper():
            start -= 2                             # "Aix-Marseille-Provence Métropole"
        if start > 0 and doc[start - 1].text[:1].isupper() and doc[start - 1].pos_ not in ("DET", "ADP"):
            continue                               # "CCI Lyon Métropole": inside a bigger name
        out.append((doc[start].idx, tok.idx + len(tok.text), kind))
    return out


def _proper_word(tok) -> bool:
    return tok.text[:1].isupper() and tok.is_alpha and tok.pos_ not in ("DET", "ADP") and not tok.is_sent_start
