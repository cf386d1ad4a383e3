"""Bodies named as items of lists: coordinated names under one plural head (``les universités de Nancy
et de Metz``) and names listed beside a body (``(Insa Rouen, Ensicaen et Ensa)``)."""
from __future__ import annotations

from spacy.tokens import Doc

from ..normalise import fold, key, slug
from ..words import words
from .index import OrgIndex
from .model import Mention, Organisation
from .shapes import ACRONYM_SHAPE, is_brand, is_place

NUMBER_WORDS = words().set("number_words")
PERSON_TITLES = words().set("person_titles")


def _plural_members(doc: Doc, j: int) -> list[tuple[int, int]]:
    """The capitalised runs of ``(de) X et (de) Y, (de) Z`` from token ``j`` (token spans): ``les universités
    de Nancy et de Metz``, ``les universités Jean-Monnet et Claude-Bernard``."""
    runs = []
    while j < len(doc) and (fold(doc[j].text) in {"de", "d'", "du", "et", ",", "l'"}
                            or (not runs and doc[j].text[:1].isupper())):
        k = j
        while k < len(doc) and fold(doc[k].text) in {"de", "d'", "du", "et", ",", "l'"}:
            k += 1
        end = _capitalised_run(doc, k)
        if end == k:
            break
        runs.append((k, end))
        j = end
    return runs


def _capitalised_run(doc: Doc, k: int) -> int:
    """The end of up to four capitalised words from token ``k``: ``Grenoble Alpes``, ``Paris-Saclay``,
    ``Claude-Bernard``, ``Lille 2`` (no ``et`` inside)."""
    end = k
    while end < len(doc) and end - k < 4 and (doc[end].text[:1].isupper() or (
            doc[end].text == "-" and end > k and end + 1 < len(doc) and doc[end + 1].text[:1].isupper()) or (
            end > k and doc[end].text.isdigit() and len(doc[end].text) <= 2)):
        end += 1                 # "Lille 2", "Paris 8": a number closes a name
    return end


def elliptic_members(ix: OrgIndex, doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
    """``Université Jean-Monnet (Saint-Étienne) et Claude Bernard (Lyon)``: capitalised words coordinated
    after a body named with a head (its place in parentheses passed over) are, with that head, the body the
    data knows by that name."""
    for org in list(orgs.values()):
        for m in list(org.mentions):
            head = m.text.split()[0] if m.text.split() else ""
            span = doc.char_span(m.start, m.end, alignment_mode="expand")
            if fold(head) not in ix.heads or not head[:1].isupper() or span is None:
                continue
            j = _after_parenthesis(doc, span.end)
            if j is None or j + 1 >= len(doc) or fold(doc[j].text) not in {"et", ",", "ou"}:
                continue
            end = _capitalised_run(doc, j + 1)
            if end == j + 1 or any(taken[doc[j + 1].idx:doc[end - 1].idx + len(doc[end - 1].text)]):
                continue
            ids = _known_as(ix, head, doc[j + 1:end].text)
            if ids is None:
                continue
            eid = next(iter(ids))
            member = orgs.setdefault(eid, Organisation.of_entry(eid, ix.gazetteer.entries[eid]))
            s, e = doc[j + 1].idx, doc[end - 1].idx + len(doc[end - 1].text)
            member.mentions.append(Mention(s, e, doc.text[s:e], "coordination"))
            taken[s:e] = b"\x01" * (e - s)


def _after_parenthesis(doc: Doc, j: int) -> int | None:
    """Token ``j``, or the token after the parenthesis that opens there (``(Saint-Étienne)``) or closes
    there (the data's name may take in the place: ``Université Jean-Monnet (Saint-Etienne``)."""
    if j < len(doc) and doc[j].text == ")":
        return j + 1
    if j < len(doc) and doc[j].text == "(":
        close = next((k for k in range(j + 1, min(len(doc), j + 6)) if doc[k].text == ")"), None)
        return None if close is None else close + 1
    return j


def plural_head_names(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str, object]]:
    """``les universités de Grenoble Alpes et Paris Saclay``, ``les universités de Nancy et de Metz``: a plural
    head shared by coordinated names; each name is that body (the data's entry when it knows one)."""
    out = []
    for tok in doc:
        low = fold(tok.text)
        after_article = tok.i > 0 and fold(doc[tok.i - 1].text) in {"les", "des", "aux"}
        if low not in ix.plural_heads or not (tok.is_lower or after_article):
            continue                           # "et les Universités de Copenhague, Heidelberg, Milan et Varsovie"
        runs = _plural_members(doc, tok.i + 1)
        if len(runs) < 2:
            continue
        head = tok.text[:-1][:1].upper() + tok.text[:-1][1:]
        counted = tok.i > 0 and (doc[tok.i - 1].like_num or fold(doc[tok.i - 1].text) in NUMBER_WORDS)
        for n, (s, e) in enumerate(runs):
            span = doc[s:e]
            link = _link(doc, s)
            found = _known_as(ix, head, span.text, link)
            if found is not None:                              # the first name's mention holds the head
                out.append((tok.idx if n == 0 else span.start_char, span.end_char, "gazetteer", found))
            elif low[:-1] in ix.place_heads and not counted:      # "6 écoles d'Alsace": schools of a region
                out.append((span.start_char, span.end_char, "definition", (f"{head} {link}{span.text}", "")))
    return out


def plural_head_acronyms(ix: OrgIndex, doc: Doc) -> list[tuple[int, int, str]]:
    """``la fusion des instituts Inra et Irstea``: a plural head after an article, then acronyms coordinated
    with ``et``; each acronym is a body of the head's kind."""
    out = []
    for tok in doc:
        low = fold(tok.text)
        if not (tok.is_lower and low.endswith("s") and low[:-1] in ix.heads and tok.i > 0
                and fold(doc[tok.i - 1].text) in {"les", "des", "aux", "ces"}):
            continue
        members, j = [], tok.i + 1
        while j < len(doc) and ACRONYM_SHAPE.match(doc[j].text) and not doc[j].is_sent_start:
            members.append(doc[j])
            if j + 1 < len(doc) and doc[j + 1].text in {",", "et"}:
                j += 2
            else:
                break
        if len(members) >= 2 and fold(doc[members[-1].i - 1].text) == "et":
            out += [(m.idx, m.idx + len(m.text), ix.heads[low[:-1]]) for m in members]
    return out


def _link(doc: Doc, s: int) -> str:
    """The preposition that joins the name at token ``s`` to its head, as written before it (``et du Havre``:
    ``du ``), else ``de ``."""
    before = fold(doc[s - 1].text) if s > 0 else ""
    return {"du": "du ", "d'": "d'", "des": "des "}.get(before, "de ")


def _known_as(ix: OrgIndex, head: str, name: str, link: str = "de ") -> set[str] | None:
    for form in dict.fromkeys((f"{head} {name}", f"{head} {link}{name}", f"{head} de {name}")):
        hits = ix.gazetteer.find(form)
        if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(form) and len(hits[0][2]) == 1:
            return hits[0][2]
    return None


LIST_OPENERS = {",", "et", ";", "(", ":", "ou", "dont", "notamment"}
LIST_CLOSERS = {",", "et", ";", ")", ".", "(", "ou"}


def _list_item_end(doc: Doc, k: int) -> int:
    """End of a name of one to four capitalised words (``de`` between them) from token ``k``."""
    e = k
    while e < len(doc) and e - k < 4 and (doc[e].text[:1].isupper() or (
            fold(doc[e].text) in {"de", "du"} and e > k and e + 1 < len(doc) and doc[e + 1].text[:1].isupper())):
        e += 1
    return e


def _neighbour_item(doc: Doc, b: int, e: int, ends: dict, starts: dict) -> Organisation | None:
    """The body that is the list item just before (its parenthesis passed over: ``l'Inseec (…) ;``)
    or just after the item from ``b + 1`` to ``e``."""
    j = b - 1
    if j >= 0 and doc[j].text == ")":
        while j >= 0 and doc[j].text != "(":
            j -= 1
        j -= 1
    if j >= 0 and doc[j].idx + len(doc[j].text) in ends:
        return ends[doc[j].idx + len(doc[j].text)]
    k = e
    if k < len(doc) and doc[k].text == "(":
        while k < len(doc) and doc[k].text != ")":
            k += 1
        k += 1
    while k < len(doc) and (doc[k].text in LIST_CLOSERS or fold(doc[k].text) in {"et", "ou", "l'", "la", "le"}):
        k += 1
    return starts.get(doc[k].idx) if k < len(doc) else None


def _person(doc: Doc, k: int, e: int) -> bool:
    """``Fany Ruin, présidente de …``: a person's name, by the model or by the title after it; a brand
    alone between bodies is none, whatever the model says (``Decathlon, Lesaffre et Bonduelle``)."""
    tagged = any(t.ent_type_ == "PER" for t in doc[k:e]) and not (e - k == 1 and is_brand(doc[k]))
    return tagged or (e + 1 < len(doc) and doc[e].text == "," and fold(doc[e + 1].text) in PERSON_TITLES)


def _place(tok) -> bool:
    """A place the model knows by its lowercase word too (``Lyon``); brands it tags a place are not one."""
    return is_place(tok) and not is_brand(tok)


def _opening(orgs: dict[str, Organisation], text: str) -> Organisation | None:
    """``Kedge`` in a text that names ``KEDGE Business School``: the body whose name it opens."""
    k = key(text)
    found = [o for o in orgs.values() if key(o.name).startswith(k + " ")]
    return found[0] if len(found) == 1 else None


def listed_names(ix: OrgIndex, doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
    """``(Insa Rouen, Ensicaen et Ensa)``, ``l'Inseec (…) ; l'ECE (…) et Sup de Pub``: a capitalised name
    that is an item of a list whose item before it is a body is a body too, of that body's kind (the
    data's entry when the name is one of its acronyms as the press writes them); places are not. In
    parentheses right after a body, it is another name of that body (``l'Université Robert Schumann
    (Strasbourg III)``)."""
    ends = {m.end: o for o in orgs.values() for m in o.mentions}
    starts = {m.start: o for o in orgs.values() for m in o.mentions}
    for tok in doc:
        k = tok.i
        if not tok.text[:1].isupper() or any(taken[tok.idx:tok.idx + len(tok.text)]) or k < 2:
            continue
        b = k - 1
        if fold(doc[b].text) in {"l'", "la", "le"}:
            b -= 1
        if doc[b].text not in LIST_OPENERS and fold(doc[b].text) not in LIST_OPENERS:
            continue
        e = _list_item_end(doc, k)
        if e >= len(doc) or (doc[e].text not in LIST_CLOSERS and fold(doc[e].text) not in LIST_CLOSERS):
            continue
        before = _neighbour_item(doc, b, e, ends, starts)
        if before is None or (e - k == 1 and (_place(tok) or tok.text.isupper())) or _person(doc, k, e) \
                or any(taken[tok.idx:doc[e - 1].idx + len(doc[e - 1].text)]):
            continue                       # places, people, bare acronyms (found, if bodies, as acronyms)
        span = doc[k:e]
        # a name beside a school is a school; beside a network or an authority, nothing says what it is
        kind = before.kind if before.kind not in ("group", "public_body") else "other"
        apposed = doc[b].text == "(" and b > 0 and doc[b - 1].idx + len(doc[b - 1].text) in ends \
            and e < len(doc) and doc[e].text == ")"
        org = (ends[doc[b - 1].idx + len(doc[b - 1].text)] if apposed else None) or _titled_entry(
            ix, orgs, span.text) or _opening(orgs, span.text) or orgs.setdefault(
            slug(span.text), Organisation(slug(span.text), span.text, "", kind))
        org.mentions.append(Mention(span.start_char, span.end_char, span.text, "list"))
        taken[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
        ends[span.end_char] = org


def _titled_entry(ix: OrgIndex, orgs: dict[str, Organisation], text: str) -> Organisation | None:
    """The data's entry whose acronym the press writes so (``Ensicaen``), when only one has it."""
    ids = ix.gazetteer.titled.get(text)
    if not ids or len(ids) != 1:
        return None
    eid = next(iter(ids))
    if eid not in orgs:
        orgs[eid] = Organisation.of_entry(eid, ix.gazetteer.entries[eid])
    return orgs[eid]
