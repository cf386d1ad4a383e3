"""Further mentions of bodies already named: short forms (``l'ICN``, ``CY``), initials (``CHU de …``),
anaphors (``l'Institut``)."""
from __future__ import annotations

import re

from spacy.tokens import Doc

from ..docview import text_of
from ..normalise import fold, key, slug, strip_accents
from .acronyms import initials_match
from .index import OrgIndex
from .model import Mention, Organisation
from .shapes import COUNTING_DETERMINERS, NAME_PARTICLES


def link_short_forms(ix: OrgIndex, orgs: dict[str, "Organisation"]) -> None:
    """``l'ICN`` in a text that names ``ICN Business School``: a one-word name that
    opens a longer name of the same text is that body; so is an acronym whose letters are
    the initials of one other name of the text (``l'UdeM`` … ``Université de Montréal``)."""
    _link_opening_words(orgs)
    _link_leading_names(orgs)
    _link_initials(orgs)
    _link_acronyms(orgs)


def _link_acronyms(orgs: dict[str, "Organisation"]) -> None:
    """An unknown acronym (``ULg``, or in title case, ``Inra``) is the one other name of the text whose words
    it abbreviates; among several, the one whose content words' initials are exactly its letters."""
    for oid, org in list(orgs.items()):
        name = org.name
        capitals = sum(c.isupper() for c in name)
        title_case = 3 <= len(name) <= 7 and name[:1].isupper() and name[1:].islower()
        if org.known or " " in name or not name.isalpha() or (capitals < 2 and not title_case) or len(name) > 8:
            continue
        targets = [o for o in orgs.values() if o is not org and len(o.name.split()) > 1 and not _has_acronym(o)
                   and initials_match(name, o.name) and _capitals_open_words(name, o.name)]
        if len(targets) > 1:
            targets = [o for o in targets if _content_initials(o.name) == fold(name)]
        if len(targets) == 1:
            targets[0].acronym = name
            targets[0].mentions.extend(org.mentions)
            del orgs[oid]


def _content_initials(name: str) -> str:
    return "".join(fold(w)[0] for w in re.findall(r"\w+", name) if fold(w) not in NAME_PARTICLES | {"l", "d"})


def _has_acronym(org: "Organisation") -> bool:
    """An acronym of its own, in the data or defined by the text (``l'université du Luxembourg (UL)``)."""
    return bool(org.acronym) or any(len(m.text) >= 2 and m.text.isupper() for m in org.mentions)


def _capitals_open_words(acronym: str, long_form: str) -> bool:
    """Each capital of the acronym opens a word of the long form, in order (``UdeM``: Université de
    Montréal); a looser match of letters inside words (``ISEL`` in Institut … appliquées … Normandie)
    would join unrelated bodies."""
    initials = iter(fold(w)[0] for w in re.findall(r"\w+", long_form))
    return all(any(i == c for i in initials) for c in fold("".join(ch for ch in acronym if ch.isupper())))


def _link_opening_words(orgs: dict[str, "Organisation"]) -> None:
    for oid, org in list(orgs.items()):
        if org.known or org.acronym or len(org.name.split()) != 1:
            continue
        k = key(org.name)
        target = next((o for o in orgs.values() if o is not org and len(o.name.split()) > 1
                       and key(o.name).split()[0] == k), None)
        if target is not None:
            target.mentions.extend(org.mentions)
            del orgs[oid]


def _link_leading_names(orgs: dict[str, "Organisation"]) -> None:
    """``l'Université Jean Moulin`` in a text that also names ``l'Université Jean Moulin Lyon 3``: a name
    the data does not know, which opens exactly one other name of the text (particles aside: ``université de
    Jean-Monnet``), is that body, perhaps cut short."""
    for oid, org in list(orgs.items()):
        if org.known or org.acronym or len(org.name.split()) < 2:
            continue
        k = _bare(org.name) + " "
        targets = [o for o in orgs.values() if o is not org and (_bare(o.name) + " ").startswith(k)]
        if len(targets) == 1:
            targets[0].mentions.extend(org.mentions)
            del orgs[oid]


def link_restated_names(ix: OrgIndex, text: str, orgs: dict[str, "Organisation"]) -> None:
    """``du Ministère chargé de l'Industrie (Ministère de l'Économie et des Finances)``: a name restated in
    parentheses by another name of the same head, or by a short name all of whose words it holds
    (``l'École nationale supérieure des arts et métiers (Arts et Métiers)``), is one body, named by the
    parenthesis (its usual or official name) unless only the first is known to the data; two bodies the
    data knows stay two, and a one-word parenthesis is no short name (``l'Institut Pascal (CNRS)``). A head
    may be translated and the country follow (``l'Université du Tohoku (Tohoku University, Japon)``)."""
    for oid, org in list(orgs.items()):
        head = key(org.name).split()[:1]
        for other in list(orgs.values()):
            if other is org or oid not in orgs or (org.known and other.known):      # two bodies of the data stay two
                continue
            same_head = key(other.name).split()[:1] == head and len(other.name.split()) >= 2
            if any(_restates(text, m, n) and (same_head or _shortens(n.text, m.text, ix.heads))
                   for m in org.mentions for n in other.mentions):
                keep, gone = (org, other) if org.known and not other.known else (other, org)
                keep.mentions.extend(gone.mentions)
                del orgs[gone.org_id]
                break


def _shortens(short: str, name: str, heads: dict[str, str]) -> bool:
    """Each word of ``short`` is a word of ``name``, a head of the same kind as one of its heads (``University``
    for ``Université``), or, in capitals, the initials of some of its words (``Toulouse INP``: Institut national
    polytechnique de Toulouse)."""
    words, held = re.findall(r"[^\W_]+", short), set(key(name).split())
    kinds = {heads[w] for w in held if w in heads}
    return len(words) >= 2 and all(
        key(w) in held or heads.get(key(w)) in kinds or (w.isupper() and len(w) >= 2 and initials_match(w, name))
        for w in words)


_CLOSES = re.compile(r"\s*(?:,\s*[A-ZÉÈ][\w-]*(?:\s+[\w-]+){0,2}\s*)?\)")     # ")" or ", Japon)"


def _restates(text: str, first: Mention, second: Mention) -> bool:
    return re.fullmatch(r"\s*\(\s*", text[first.end:second.start]) is not None \
        and _CLOSES.match(text, second.end) is not None


def link_group_names(ix: OrgIndex, orgs: dict[str, "Organisation"]) -> None:
    """``le groupe Total`` in a text that names ``Total``: the same body."""
    for oid, org in list(orgs.items()):
        words = key(org.name).split()
        if org.known or len(words) < 2 or words[0] not in ix.bare_intros:
            continue
        rest = " ".join(words[1:])
        target = next((o for o in orgs.values() if o is not org and key(o.name) == rest), None)
        if target is not None:
            target.mentions.extend(org.mentions)
            del orgs[oid]


def _bare(name: str) -> str:
    """A name's key without its particles: ``université de Jean-Monnet`` ~ ``Université Jean Monnet``."""
    return " ".join(w for w in key(name).split() if w not in {"de", "du", "des", "d", "la", "le", "l"})


def _link_initials(orgs: dict[str, "Organisation"]) -> None:
    """``CHU de Bordeaux`` and ``Centre hospitalier universitaire de Bordeaux``: the same tail,
    and the capitals of the first are the initials of the words the second has instead."""
    for oid, org in list(orgs.items()):
        words = org.name.split()
        if org.known or len(words) < 2 or not (words[0].isupper() and 2 <= len(words[0]) <= 6):
            continue
        tail = key(" ".join(words[1:]))
        for other in orgs.values():
            ow = other.name.split()
            if other is org or len(ow) <= len(words):
                continue
            head = ow[:len(ow) - len(words) + 1]
            initials = "".join(strip_accents(w)[0].lower() for w in head if fold(w) not in NAME_PARTICLES)
            if key(" ".join(ow[len(head):])) == tail and initials == fold(words[0]):
                other.mentions.extend(org.mentions)
                del orgs[oid]
                break


def short_form_mentions(ix: OrgIndex, doc: Doc, orgs: dict[str, "Organisation"], taken: bytearray) -> None:
    """``Pour CY, …`` in a text that names ``CY Cergy Paris Université``: an all-caps
    word that opens the name of an organisation of the text is a mention of it."""
    firsts: dict[str, Organisation] = {}
    for org in orgs.values():
        words = org.name.split()
        if len(words) > 1 and words[0].isupper() and len(words[0]) >= 2:
            firsts.setdefault(words[0], org)
    if not firsts:
        return
    for tok in doc:
        org = firsts.get(tok.text)
        if org is None or any(taken[tok.idx:tok.idx + len(tok.text)]):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
            continue                          # part of a longer name
        prev = doc[tok.i - 1] if tok.i else None
        if prev is not None and (prev.like_num or prev.lower_ in COUNTING_DETERMINERS):
            continue                          # "les sept INSA": the kind of school, counted
        taken[tok.idx:tok.idx + len(tok.text)] = b"\x01" * len(tok.text)
        org.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "short form"))


def repeated_mentions(doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
    """``Quandela recrute. La société Quandela …``: every other occurrence of a name the grammar found
    once (a capitalised form, as a whole word, where no other name stands) is a mention of it."""
    text = text_of(doc)
    forms: dict[str, Organisation] = {}
    for org in orgs.values():
        if org.known:
            continue                           # the gazetteer finds every occurrence of its names
        for m in org.mentions:
            if len(m.text) >= 3 and m.text[:1].isupper() and m.source != "anaphor":
                forms.setdefault(m.text, org)
    for form, org in forms.items():
        for hit in re.finditer(r"(?<![\w'’-])" + re.escape(form) + r"(?![\w-])", text):
            s, e = hit.span()
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            org.mentions.append(Mention(s, e, form, "repeat"))
    for org in orgs.values():
        org.mentions.sort(key=lambda m: m.start)


def link_place_names(orgs: dict[str, Organisation]) -> None:
    """``les universités de Reims et de Troyes`` in a text that names the Université de technologie de Troyes:
    a head and a place the data does not know together is the one body of the text with that head whose
    name ends with that place."""
    for oid, org in list(orgs.items()):
        words = key(org.name).split()
        if org.known or len(words) != 3 or words[1] not in {"de", "d"}:
            continue
        head, place = words[0], words[2]
        targets = [o for o in orgs.values() if o is not org and o.kind == org.kind
                   and _ends(key(o.name).split(), head, place)]
        if len(targets) == 1:
            targets[0].mentions.extend(org.mentions)
            targets[0].mentions.sort(key=lambda m: m.start)
            del orgs[oid]


def _ends(words: list[str], head: str, place: str) -> bool:
    return words[0] == head and words[-1] == place


_OWN_PLACE = re.compile(r"\s+(?:de|d['’])\s*([A-ZÉÈ][\w]+(?:-[A-ZÉÈ]?[\w]+)*)")


def own_places(doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
    """``l'UTC de Compiègne``: a known body's short name followed by ``de`` and a place its full name ends with
    is one mention (the place tells which body, it names no other)."""
    text = text_of(doc)
    for org in orgs.values():
        if not org.known:
            continue
        name_words = key(org.name).split()
        for m in org.mentions:
            hit = _OWN_PLACE.match(text, m.end)
            place = key(hit.group(1)).split() if hit else []
            if place and name_words[-len(place):] == place and key(m.text).split()[-len(place):] != place \
                    and not any(taken[hit.start(1):hit.end(1)]):
                taken[m.end:hit.end()] = b"\x01" * (hit.end() - m.end)
                m.end, m.text = hit.end(), text[m.start:hit.end()]


def add_anaphors(ix: OrgIndex, doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
    """``l'Institut``, ``l'Université``: a capitalised head alone after a definite
    article is a further mention of the body named before with that head, else of the
    only one the text names with it later (``La Région, qui innove, …`` before ``la Région
    Hauts-de-France``)."""
    for tok in doc:
        low = fold(tok.text)
        if low not in ix.anaphors or not tok.text[:1].isupper() or tok.i == 0:
            continue
        if doc[tok.i - 1].lower_.rstrip("'") not in {"l", "le", "la"}:
            continue
        if any(taken[tok.idx:tok.idx + len(tok.text)]):
            continue
        nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
        if nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
            continue
        headed = [o for o in orgs.values() if o.mentions and fold(o.name.split()[0]) == low]
        candidates = [o for o in headed if o.start < tok.idx] or headed   # else the only one named later
        if len(candidates) == 1:
            candidates[0].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "anaphor"))


def _ends_a_mention(doc: Doc, j: int, ends: dict[int, Organisation]) -> Organisation | None:
    """The organisation whose mention (or parenthesised acronym, ``… (UL)``) token ``j`` closes."""
    if j >= 0 and doc[j].text == ")":
        opened = next((k for k in range(j - 1, max(-1, j - 5), -1) if doc[k].text == "("), None)
        j = opened - 1 if opened is not None else j
    return ends.get(doc[j].idx + len(doc[j].text)) if j >= 0 else None


def coordinated_entities(ix: OrgIndex, doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
    """``L'Université de Lorraine et Total signent``: a one-word name the model tags as an
    organisation, coordinated with a body already found, is a body too (companies are often
    named alone); coordinated with a company, it is one (``avec Sanofi, Limagrain et InVivo``)."""
    ends = {m.end: o for o in orgs.values() for m in o.mentions}
    for ent in doc.ents:
        if ent.label_ != "ORG" or len(ent) != 1 or not ent.text[:1].isupper() \
                or any(taken[ent.start_char:ent.end_char]):
            continue
        k = ent.start - 1
        before = _ends_a_mention(doc, k - 1, ends) if k >= 1 else None
        if before is None or fold(doc[k].text) not in {"et", "avec", "ou", ","}:
            continue
        oid = slug(ent.text)
        kind = "company" if before.kind == "company" else "other"
        org = orgs.setdefault(oid, Organisation(oid, ent.text, "", kind))
        org.mentions.append(Mention(ent.start_char, ent.end_char, ent.text, "coordination"))
        taken[ent.start_char:ent.end_char] = b"\x01" * (ent.end_char - ent.start_char)
        ends[ent.end_char] = org               # the list goes on
