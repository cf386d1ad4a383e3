"""Acronyms: definitions read from the text (``Long Form (LF)``, ``LF (Long Form)``, Schwartz–Hearst),
acronyms after an elided article, acronyms the text defines as common terms."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..docview import text_of
from ..normalise import fold, key, strip_accents, words_with_offsets
from ..words import words
from .index import OrgIndex
from .shapes import ACRONYM_SHAPE, ELISION, PARTICLES, is_place

LEGAL_TEXTS = words().set("legal_text_nouns")
PARTNER_WORDS = words().set("partner_openers")
ARTICLES = {"le", "la", "au", "du"}           # before an acronym of three letters or more, a body


def initials_match(acronym: str, long_form: str) -> bool:
    """Schwartz–Hearst check: the acronym's letters appear in order in the long form,
    its first letter opening a word of it. A digit between two letters may count one of them
    twice: ``EC2U`` (European Campus of City-Universities), ``C2RMF`` (Centre de recherche et de restauration …);
    a Roman numeral of the long form is its digit (``UM6P``, Université Mohammed VI Polytechnique)."""
    letters = [c.lower() for c in strip_accents(acronym) if c.isalnum()]
    text = fold(long_form)
    digits = _ROMAN.sub(lambda m: str(ROMAN_NUMERALS[m.group(0)]), text)       # "Mohammed VI" for "UM6P"
    return any(_letters_in(v, t) for v in _repeated(letters) for t in {text, digits})


ROMAN_NUMERALS = {r: n for n, r in enumerate(["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x", "xi", "xii",
                                               "xiii"], start=1)}
_ROMAN = re.compile(r"(?<![\w'])(?:" + "|".join(sorted(ROMAN_NUMERALS, key=len, reverse=True)) + r")(?!\w)")


def _repeated(letters: list[str]) -> list[list[str]]:
    """The acronym's letters as written, and with a digit between two letters read as that many of the
    one before it, or of the one after it."""
    k = next((i for i, c in enumerate(letters) if c.isdigit() and 0 < i < len(letters) - 1
              and letters[i - 1].isalpha() and letters[i + 1].isalpha()), None)
    if k is None or not 2 <= int(letters[k]) <= 4:
        return [letters]
    n = int(letters[k]) - 1
    return [letters, letters[:k] + [letters[k - 1]] * n + letters[k + 1:],
            letters[:k] + [letters[k + 1]] * n + letters[k + 1:]]


def _letters_in(letters: list[str], text: str) -> bool:
    if not letters:
        return False
    s_idx = len(letters) - 1
    l_idx = len(text) - 1
    while s_idx >= 0:
        c = letters[s_idx]
        while l_idx >= 0 and (text[l_idx] != c or (s_idx == 0 and l_idx > 0 and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return False
        l_idx -= 1
        s_idx -= 1
    return True


def _word_initials(acronym: str, long_form: str) -> bool:
    """The long form's words, particles aside, open with the acronym's letters one by one
    (``Unite! (University Network for Innovation, Technology and Engineering)``: its commas are the name's)."""
    letters = [c.lower() for c in strip_accents(acronym) if c.isalpha()]
    initials = [w[0] for w, _, _ in words_with_offsets(fold(long_form)) if w not in PARTICLES]
    return len(letters) > 2 and initials == letters


def _long_form_start(before: str, acronym: str, lowercase_heads: frozenset[str] = frozenset()) -> int | None:
    """Start, in ``before``, of the shortest run of final words that carries the
    acronym's initials and opens with a capital (Schwartz–Hearst), or with a head the press
    writes in lowercase (``l'université du Luxembourg (UL)``)."""
    words = words_with_offsets(before, fold_case=False)
    content = 0                      # words other than particles: a long name has many ("… de l'aménagement et des …")
    for k in range(1, len(words) + 1):
        first = words[-k]
        if first[0].lower() in PARTICLES:
            continue
        content += 1
        if content > len(acronym) + 3:
            break
        if initials_match(acronym, before[first[1]:]) and (first[0][0].isupper() or
                                                           first[0].lower() in lowercase_heads):
            return first[1]
    # a translated name keeps its own acronym's letters in another order:
    # "Université technique du Danemark (DTU)", "Université technique de Munich (TUM)"
    letters = [c.lower() for c in strip_accents(acronym) if c.isalpha()]
    for k in range(len(letters), min(len(words), len(letters) + 4) + 1):
        first = words[-k]
        if first[0].lower() in PARTICLES or not first[0][0].isupper():
            continue
        initials = [w[0].lower() for w, _, _ in words[-k:] if w.lower() not in PARTICLES]
        if len(initials) == len(letters) and sorted(initials) == sorted(letters):
            return first[1]
    return None


def definitions(ix: OrgIndex, text: str) -> list[tuple[str, int, int, str, int, int]]:
    """(long form, start, end, acronym, start, end) pairs defined in the text."""
    out = []
    for m in re.finditer(r"\(\s*([^()\n]{1,120}?)\s*\)", text):
        inner, i_start = m.group(1), m.start(1)
        inner_clean = ELISION.sub("", inner)
        i_start += len(inner) - len(inner_clean)
        line_start = text.rfind("\n", 0, m.start()) + 1
        before = text[line_start:m.start()].rstrip()
        parts = inner_clean.split()
        if ACRONYM_SHAPE.match(inner_clean) and " " not in inner_clean:
            # Long Form (ACR): shortest run of preceding words that carries the initials
            start = _long_form_start(before, inner_clean, frozenset(ix.place_heads | ix.lowercase_heads))
            if start is not None:
                s0 = line_start + start
                out.append((text[s0:line_start + len(before)], s0, line_start + len(before),
                            inner_clean, i_start, i_start + len(inner_clean)))
        elif len(parts) >= 2 and ACRONYM_SHAPE.match(parts[0]) and all(p[:1].isupper() for p in parts[1:]) \
                and fold(before).endswith(fold(" ".join(parts[1:]))):
            # Long Form Place (ACR Place): "… de techniques avancées Bretagne (ENSTA Bretagne)"
            core = before[:len(before) - len(" ".join(parts[1:]))].rstrip()
            start = _long_form_start(core, parts[0])
            if start is not None:
                s0 = line_start + start
                out.append((text[s0:line_start + len(before)], s0, line_start + len(before),
                            inner_clean, i_start, i_start + len(inner_clean)))
        elif len(parts) in (2, 3) and ACRONYM_SHAPE.match(parts[0]) and parts[0].isupper() \
                and all(p[:1].isupper() for p in parts[1:]) \
                and (start := _long_form_start(before, parts[0])) is not None:
            # Long Form (ACR Brand): "École catholique d'arts et métiers (ECAM LaSalle)"
            s0 = line_start + start
            out.append((text[s0:line_start + len(before)], s0, line_start + len(before),
                        inner_clean, i_start, i_start + len(inner_clean)))
        elif " " in inner_clean and inner_clean[:1].isupper():
            # ACR (Long Form[, apposition]): the acronym is the last word(s) before the parenthesis
            tail = re.search(r"([A-Z][A-Za-z0-9.&+!-]*(?:\s+[A-Z][A-Za-z]+)?)$", before)
            if not tail:
                continue
            acr = tail.group(1).split()[0]
            head = inner_clean.split(",")[0].rstrip()
            if head != inner_clean and initials_match(acr, head) and not _word_initials(acr, inner_clean):
                inner_clean = head                 # "(Institut d'enseignement commercial supérieur, membre de la CGE)"
            # "Laboratoire de physique de Rennes (Université de Rennes)": a word of the name is no acronym of it
            if ACRONYM_SHAPE.match(acr) and initials_match(acr, inner_clean) \
                    and key(acr) not in key(inner_clean).split():
                a_start = line_start + tail.start(1)
                out.append((inner_clean, i_start, i_start + len(inner_clean), acr, a_start, a_start + len(acr)))
    return out


def is_org_long_form(ix: OrgIndex, long_form: str, doc: Doc, start: int, end: int, known: bool) -> bool:
    if known:
        return True
    words = [w for w, _, _ in words_with_offsets(long_form)]
    # "l'université du Luxembourg (UL)": a head the press writes in lowercase
    lowercase_head = bool(words) and words[0] in ix.place_heads | ix.lowercase_heads
    if not words or not (long_form[:1].isupper() or lowercase_head):
        return False
    if names_a_text(text_of(doc), start):
        return False                      # "la loi sur les Libertés et les Responsabilités des Universités (LRU)"
    if any(w in ix.heads for w in words[:3]):
        return True
    return any(fold(w) in ix.heads for w in long_form.split()[-1:])


def names_a_text(text: str, start: int) -> bool:
    """A legal text's noun (``loi``, ``décret``) at most five words before ``start``, in the same clause:
    ``la loi sur les Libertés et les Responsabilités des Universités`` names a law, not a body."""
    before = re.split(r"[,;:.()\n]", text[max(0, start - 60):start])[-1]
    return any(fold(w) in LEGAL_TEXTS for w in re.findall(r"\w+", before)[-6:])


def _acronym_shaped(t: str) -> bool:
    """Capitals only (``ENSAT``), or capitals and small letters with at least two capitals
    (``ULg``, ``UCLouvain``, ``UniGR``): the shapes of French and Belgian acronyms."""
    letters = [c for c in t if c.isalpha()]
    if not (2 <= len(letters) <= 10 and t[:1].isalpha() and t[:1].isupper()):
        return False
    capitals = sum(c.isupper() for c in letters)
    return capitals == len(letters) or (capitals >= 2 and t.isalpha())


def elided_acronyms(ix: OrgIndex, doc: Doc, excluded: set[str]) -> list[tuple[int, int, str]]:
    """An unknown acronym after an elided article names a body in French
    prose (``l'ENSEEIHT``, ``de l'ENSAT``), and so does one, or a brand in capitals and lowercase, right after
    a word that introduces a partner (``un accord avec ESMOD``, ``entre NeoFacto et …``) or after ``et`` and a
    name (``l'Université de Lille et ESMOD``), unless it is a common
    term (``l'ESR``, ``d'UE``) or the text defines it as one."""
    out = []
    for i, tok in enumerate(doc):
        prev = fold(doc[i - 1].text) if i else ""
        t = tok.text
        if prev == "l'" and _brand_before_place(doc, i) and not ix.gazetteer.find(t) and t.upper() not in excluded:
            end = _brand_place_end(doc, i)
            kind = next((k for prefix, k in ix.acronym_prefixes if fold(t).upper().startswith(prefix)), "other")
            out.append((tok.idx, doc[end - 1].idx + len(doc[end - 1].text), kind))
            continue
        if not _acronym_shaped(t):
            continue
        mixed = not t.isupper()
        partner = _partner_position(doc, i, excluded)
        if prev not in {"l'", "d'"} and not partner and (mixed or not (prev in ARTICLES and len(t) >= 3)):
            continue
        if t.upper() in excluded or ix.gazetteer.find(t):
            continue
        end = _place_after(doc, i)
        if end is None:
            continue                          # part of a longer name
        # a brand in capitals and lowercase named as a partner says nothing by its first letters ("InVivo")
        kind = "other" if mixed and partner else next(
            (k for prefix, k in ix.acronym_prefixes if t.upper().startswith(prefix)), "other")
        out.append((tok.idx, doc[end - 1].idx + len(doc[end - 1].text), kind))
    return out


def _partner_position(doc: Doc, i: int, excluded: set[str]) -> bool:
    """Token ``i`` stands where a partner is named: after ``avec`` or ``entre`` (``partner_openers``), or after
    ``et`` and a capitalised word that is no common acronym (``l'Université de Lille et ESMOD``); a brand that
    ends a longer list is the list's (:mod:`listed` gives it the kind of its neighbours)."""
    prev = fold(doc[i - 1].text) if i else ""
    if prev in PARTNER_WORDS:
        return True
    listed = i >= 3 and doc[i - 3].text == ","           # "Sanofi, Limagrain et InVivo": the list's (listed.py)
    return prev == "et" and doc[i - 2].text[:1].isupper() and doc[i - 2].text.upper() not in excluded \
        and (doc[i].text.isupper() or not listed)


def _brand_before_place(doc: Doc, i: int) -> bool:
    """``l'Esiée d'Amiens``, ``l'Ensiame de Valenciennes``: a capitalised word the language model does not
    know (a brand, an acronym written in title case), then ``de`` and a place's capitalised name."""
    t = doc[i].text
    if not (3 <= len(t) <= 8 and t.isalpha() and t[:1].isupper() and t[1:].islower() and doc[i].is_oov):
        return False
    return i + 2 < len(doc) and fold(doc[i + 1].text) in {"de", "d'", "du"} and doc[i + 2].text[:1].isupper()


def _brand_place_end(doc: Doc, i: int) -> int:
    end = i + 3
    while end < len(doc) and (doc[end].text == "-" or (doc[end - 1].text == "-" and doc[end].text[:1].isupper())):
        end += 1                                   # "de Saint-Quentin"
    return end


def _place_after(doc: Doc, i: int) -> int | None:
    """Where the name an acronym at ``i`` opens ends: the acronym alone, or with the place the
    model tags after it (``l'ESC Saint-Étienne``, ``l'IUT Lyon 1``, ``l'IAE de Caen``); None inside a longer
    name."""
    nxt = i + 1
    if _hyphened_capitals(doc, i):
        return i + 3                          # "la LERU-CE7": one name, the acronym and its capitals
    if nxt + 1 < len(doc) and fold(doc[nxt].text) in {"de", "d'"} and is_place(doc[nxt + 1]):
        return _place_end(doc, nxt + 1)       # "l'IAE de Caen": the acronym and its town
    if nxt >= len(doc) or not doc[nxt].text[:1].isupper():
        return nxt
    if doc[nxt].ent_type_ not in ("LOC", "GPE"):
        return None
    return _place_end(doc, nxt)


def _place_end(doc: Doc, k: int) -> int:
    """The end of the place the model tags from token ``k`` (``Saint-Étienne``: one entity, several tokens)."""
    end = k + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return end


def _hyphened_capitals(doc: Doc, i: int) -> bool:
    """``LERU-CE7``, ``CHARM-EU``: the acronym at ``i``, a hyphen and capitals glued to it."""
    if i + 2 >= len(doc) or doc[i].whitespace_ or doc[i + 1].text != "-" or doc[i + 1].whitespace_:
        return False
    t = doc[i + 2].text
    return t.upper() == t and any(c.isalpha() for c in t)


def non_org_definitions(ix: OrgIndex, text: str) -> set[str]:
    """Acronyms the text defines with a lowercase long form: ``la recherche (ESR)``."""
    out = set()
    for m in re.finditer(r"([a-zàâçéèêëîïôûùüÿœ]\w*)\s*\(\s*([A-Z][A-Z0-9&]{1,8})\s*\)", text):
        out.add(m.group(2))
    return out
