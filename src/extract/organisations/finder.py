"""The organisations of one document: candidates from four sources, a non-overlapping choice,
clustering into bodies, further mentions, then each body's kind and fullest name."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Doc

from ..docview import text_of
from ..normalise import fold, key, slug
from ..rules import Rules
from . import acronyms, kinds, links, listed, names
from .index import OrgIndex
from .model import Mention, Organisation
from .shapes import is_brand

# a candidate: (priority, start, end, source, payload); the lower the priority the stronger
Candidate = tuple[int, int, int, str, object]


def _definition_candidates(ix: OrgIndex, doc: Doc, text: str,
                           introduced: set[tuple[int, int]]) -> tuple[list[Candidate], list[tuple], list]:
    """Acronyms defined by the text, and their long forms, wherever they occur; and the spans of the
    long forms that name things (``le Schéma Régional de l'Enseignement Supérieur, de la Recherche … (SRESRI)``).
    An acronym known, or introduced by a noun that says it is a body (``l'alliance européenne EC2U (European
    Campus of City-Universities)``), makes its long form a body's name."""
    cands: list[Candidate] = []
    definitions, things = [], []
    for lf, ls, le, acr, as_, ae in acronyms.definitions(ix, text):
        lf_known = ix.gazetteer.find(lf)
        acr_known = ix.gazetteer.find(acr)
        known = bool(lf_known and lf_known[0][0] == 0 and lf_known[0][1] == len(lf)) or bool(acr_known) \
            or (as_, ae) in introduced
        if acronyms.is_org_long_form(ix, lf, doc, ls, le, known):
            definitions.append((lf, ls, le, acr, as_, ae))
            cands.append((1, ls, le, "definition", (lf, acr)))
            cands.append((1, as_, ae, "definition", (lf, acr)))
        else:
            things.append((ls, le))
    return cands, definitions, things


def _recurring(definitions: list[tuple], text: str) -> list[Candidate]:
    """Text-defined acronyms and long forms are found again wherever they recur."""
    cands: list[Candidate] = []
    for lf, _, _, acr, _, _ in definitions:
        for m in re.finditer(r"(?<![\w.])" + re.escape(acr) + r"(?![\w])", text):
            cands.append((1, m.start(), m.end(), "definition", (lf, acr)))
        for m in re.finditer(re.escape(lf), text):
            cands.append((1, m.start(), m.end(), "definition", (lf, acr)))
    return cands


def candidates(ix: OrgIndex, doc: Doc) -> list[Candidate]:
    text = text_of(doc)
    cands: list[Candidate] = []
    # capitalised words the model knows no lowercase word for: brands ("Neoma", "Eurecom"), not "Unite" or "Hear"
    unknown = frozenset(t.text for t in doc if is_brand(t))
    gazetteer_hits = [(s, e, "gazetteer", ids) for s, e, ids in ix.gazetteer.find(text, unknown)]
    cands += [(0, s, e, src, ids) for s, e, src, ids in gazetteer_hits]
    cands += [(0, s, e, "grammar", kind) for s, e, kind in names.extended_names(ix, doc, gazetteer_hits)]
    introduced = names.introduced_names(ix, doc)
    defined, definitions, things = _definition_candidates(ix, doc, text, {(s, e) for s, e, _ in introduced})
    cands = _inside_definitions(cands, defined)
    cands += defined
    grammar = names.grammar_candidates(ix, doc)
    cands = _inside_units(ix, cands, grammar, text)
    cands += [(2, s, e, src, kind) for s, e, src, kind in grammar]
    cands = _enumerated_over_known(cands, grammar, text)
    cands += [(1, s, e, src, payload) for s, e, src, payload in listed.plural_head_names(ix, doc)]
    cands += [(2, s, e, "grammar", kind) for s, e, kind in listed.plural_head_acronyms(ix, doc)]
    non_org_acronyms = acronyms.non_org_definitions(ix, text) | ix.not_org_acronyms
    # before the model's entities: on the same span, the acronym's shape tells the kind ("l'Ensicol de Tours")
    cands += [(3, s, e, "grammar", kind) for s, e, kind in acronyms.elided_acronyms(ix, doc, non_org_acronyms)]
    cands += [(3, s, e, src, kind) for s, e, src, kind in names.ner_candidates(ix, doc)]
    cands += [(2, s, e, "grammar", kind) for s, e, kind in introduced]
    cands += [(3, s, e, "grammar", kind) for s, e, kind in names.apposed_names(ix, doc)]
    cands += [(2, s, e, "grammar", kind) for s, e, kind in names.suffixed_names(ix, doc)]
    cands = [c for c in cands if not _issue_numbered(c, text) and not _in_building(ix, text, c[1])
             and (c[3] == "gazetteer" or not acronyms.names_a_text(text, c[1]))
             and (c[3] in ("gazetteer", "definition") or not _strictly_inside(c, things))]
    return cands + _recurring(definitions, text)


_BUILDING_LINK = re.compile(r"(\w+)\s+(?:de\s+la|de\s+l['’]|du|des|de|d['’])\s*$")


def _in_building(ix: OrgIndex, text: str, start: int) -> bool:
    """A name right after a building written with a capital and ``de`` (``l'Hôtel de Ville de Lyon``, ``la Maison
    de l'Université de Rouen``): the building's name, a place; the body in it is no mention there. A building in
    lowercase belongs to the body (``le nouveau bâtiment de l'Université de Rennes``)."""
    m = _BUILDING_LINK.search(text[max(0, start - 30):start])
    return m is not None and m.group(1)[:1].isupper() and fold(m.group(1)) in ix.buildings


def _inside_units(ix: OrgIndex, cands: list[Candidate], grammar: list, text: str) -> list[Candidate]:
    """``le Laboratoire de Chimie de l'ENS de Lyon``: a body of the data inside the name of one of its units
    (a head marked ``unit``) is part of that name there."""
    return _known_inside(cands, [(s, e) for s, e, _, _ in grammar if fold(text[s:e].split()[0]) in ix.unit_heads])


_ISSUE_NUMBER = re.compile(r"^\s*(?:N|n|no)?\s*°\s*\d")


def _issue_numbered(c: Candidate, text: str) -> bool:
    """``ExpressionsMagazine N°616``: a name followed by an issue number is a publication, no body
    (the gazetteer's bodies excepted)."""
    _, s, e, src, _ = c
    if src == "gazetteer":
        return False
    return bool(_ISSUE_NUMBER.match(text[e:e + 8])) or (text[e - 1:e] == "N" and text[e:e + 1] == "°")


def _strictly_inside(c: Candidate, spans: list[tuple[int, int]]) -> bool:
    """Inside one of the spans (an acronym's long form), and shorter than it: a piece of that name."""
    return any(s <= c[1] and c[2] <= e and (s, e) != (c[1], c[2]) for s, e in spans)


def _inside_definitions(cands: list[Candidate], defined: list[Candidate]) -> list[Candidate]:
    """``l'École des ingénieurs de la Ville de Paris (EIVP)``: a known name strictly inside the long form of an
    acronym the text defines is part of that name, not a body of its own there."""
    return _known_inside(cands, [(c[1], c[2]) for c in defined])


def _known_inside(cands: list[Candidate], spans: list[tuple[int, int]]) -> list[Candidate]:
    """The candidates without the gazetteer's hits strictly inside one of ``spans``."""
    return [c for c in cands if not (c[3] == "gazetteer" and _strictly_inside(c, spans))]


def _enumerated_over_known(cands: list[Candidate], grammar: list, text: str) -> list[Candidate]:
    """``l'Université de Valenciennes et du Hainaut-Cambrésis``: a name the grammar enumerates with ``et``
    from a known shorter name is a body of its own; the shorter hit inside it does not win."""
    longer = [(s, e) for s, e, _, _ in grammar if " et " in text[s:e]]
    return [c for c in cands if not (c[3] == "gazetteer" and any(
        s == c[1] and c[2] < e and " et " in text[c[2]:e] for s, e in longer))]


def _strength(c: Candidate) -> int:
    """A candidate's priority: its own, but a gazetteer hit of two characters or fewer is weaker, and one that
    several entries share (``Crous``) is no stronger than the grammar's longer name around it (``Crous de
    Bretagne``)."""
    if c[3] != "gazetteer":
        return c[0]
    if isinstance(c[4], set) and len(c[4]) > 1:
        return 2
    return c[0] if c[2] - c[1] > 2 else 1


def choose(cands: list[Candidate], length: int) -> tuple[list[Candidate], bytearray]:
    """Non-overlapping selection: strongest source first, then longest. ``taken`` marks the characters used."""
    chosen: list[Candidate] = []
    taken = bytearray(length + 1)
    for c in sorted(cands, key=lambda c: (_strength(c), -(c[2] - c[1]), c[1])):
        _, s, e, _, _ = c
        if any(taken[s:e]):
            continue
        taken[s:e] = b"\x01" * (e - s)
        chosen.append(c)
    chosen.sort(key=lambda c: c[1])
    return chosen, taken


@dataclass
class Clusters:
    """The bodies of one document, and which body each name form (its key) stands for."""

    ix: OrgIndex
    orgs: dict[str, Organisation] = field(default_factory=dict)
    by_key: dict[str, str] = field(default_factory=dict)

    def register(self, org: Organisation, *forms: str) -> None:
        for f in forms:
            if f:
                k = key(f)
                org.aliases.add(k)
                self.by_key.setdefault(k, org.org_id)

    def known(self, eid: str) -> Organisation:
        if eid not in self.orgs:
            e = self.ix.gazetteer.entries[eid]
            self.orgs[eid] = Organisation.of_entry(eid, e)
            self.register(self.orgs[eid], e["name"], *e.get("aliases", []))
        return self.orgs[eid]

    def of_gazetteer(self, ids: set[str], seen_ids: list[str]) -> Organisation | None:
        """An ambiguous form means the entry an unambiguous hit of the text named."""
        if len(ids) > 1:
            prior = [i for i in seen_ids if i in ids]
            return self.known(prior[0]) if prior else None
        return self.known(next(iter(ids)))

    def of_definition(self, lf: str, acr: str) -> Organisation:
        lf_hits = self.ix.gazetteer.find(lf)
        acr_hits = [h for h in self.ix.gazetteer.find(acr) if len(h[2]) == 1]
        if lf_hits and lf_hits[0][0] == 0 and lf_hits[0][1] == len(lf) and len(lf_hits[0][2]) == 1:
            org = self.known(next(iter(lf_hits[0][2])))
        elif acr_hits and acr_hits[0][1] - acr_hits[0][0] == len(acr):
            org = self.known(next(iter(acr_hits[0][2])))
        elif (opened := self.ix.gazetteer.opening(lf)) is not None:
            org = self.known(opened)
        else:
            oid = self.by_key.get(key(lf)) or self.by_key.get(key(acr)) or slug(lf)
            if oid not in self.orgs:
                self.orgs[oid] = Organisation(oid, self.ix.named_as(lf), acr, kinds.kind_of(self.ix, lf), known=False)
            org = self.orgs[oid]
        self.register(org, lf, acr)
        return org

    def of_name(self, surface: str, payload: object) -> Organisation:
        """A body the name grammar found; ``ministre chargé de la Recherche`` names ``Ministère de la
        Recherche`` (the data's entry when it has one), ``université de Shanghai`` a university."""
        name = self.ix.named_as(surface)
        oid = self.by_key.get(key(name)) or self.by_key.get(key(surface))
        if oid is None and name != surface:
            hits = self.ix.gazetteer.find(name)
            if hits and hits[0][0] == 0 and hits[0][1] == len(name) and len(hits[0][2]) == 1:
                oid = self.known(next(iter(hits[0][2]))).org_id
        if oid is None and (opened := self.ix.gazetteer.opening(name)) is not None:
            oid = self.known(opened).org_id          # a former or shortened name the data's name opens
        if oid is None:
            oid = slug(name)
            if oid not in self.orgs:
                kind = payload if isinstance(payload, str) else "other"
                if kind == "other" or kinds.phrase_kind(self.ix, surface):
                    kind = kinds.kind_of(self.ix, surface)
                self.orgs[oid] = Organisation(oid, name, "", kind)
            self.register(self.orgs[oid], name)
        self.register(self.orgs[oid], surface)
        return self.orgs[oid]


def cluster(ix: OrgIndex, chosen: list[Candidate], text: str) -> dict[str, Organisation]:
    clusters = Clusters(ix)
    # unambiguous gazetteer hits fix which entry an ambiguous form means
    seen_ids = [next(iter(p)) for _, _, _, src, p in chosen if src == "gazetteer" and len(p) == 1]
    for _, s, e, src, payload in chosen:
        surface = text[s:e]
        if src == "gazetteer":
            org = clusters.of_gazetteer(payload, seen_ids)
            if org is None:
                continue
        elif src == "definition":
            org = clusters.of_definition(*payload)
        else:
            org = clusters.of_name(surface, payload)
        org.mentions.append(Mention(s, e, surface, src))
    return clusters.orgs


def _settle(ix: OrgIndex, doc: Doc, orgs: dict[str, Organisation]) -> None:
    """A body the text introduces (``la société X``, ``X, groupement …``) takes that kind;
    a body found by its names takes the longest of them."""
    for org in orgs.values():
        if not org.known and org.mentions:
            # the first mention a noun introduces ("le réseau X") or an apposition follows
            introduced = next((k for m in sorted(org.mentions, key=lambda m: m.start)
                               if (k := kinds.introducer_kind(ix, doc, m.start) or kinds.apposed_kind(ix, doc, m.end))),
                              None)
            if introduced:
                org.kind = introduced
    for org in orgs.values():
        if not org.known:
            names = [m.text for m in org.mentions if m.text != org.acronym]
            # "Total", not "groupe Total"
            names = [n for n in names if key(n).partition(" ")[0] not in ix.bare_intros] or names
            longest = max((ix.named_as(n) for n in names), key=len, default=org.name)
            if len(longest) > len(org.name) and key(longest) != key(org.acronym):
                org.name = longest


class OrganisationFinder:
    """Finds and clusters the organisations of a Doc (``doc._.organisations``, ``doc.spans["organisations"]``)."""

    def __init__(self, rules: Rules, tokenize):
        self.ix = OrgIndex(rules, tokenize)

    def __call__(self, doc: Doc) -> Doc:
        ix = self.ix
        text = text_of(doc)
        chosen, taken = choose(candidates(ix, doc), len(text))
        orgs = cluster(ix, chosen, text)
        links.link_short_forms(ix, orgs)
        links.link_restated_names(ix, text, orgs)
        links.short_form_mentions(ix, doc, orgs, taken)
        links.repeated_mentions(doc, orgs, taken)
        links.own_places(doc, orgs, taken)
        links.add_anaphors(ix, doc, orgs, taken)
        links.coordinated_entities(ix, doc, orgs, taken)
        listed.listed_names(ix, doc, orgs, taken)
        listed.elliptic_members(ix, doc, orgs, taken)
        links.link_place_names(orgs)
        links.link_group_names(ix, orgs)
        _settle(ix, doc, orgs)
        result = sorted((o for o in orgs.values() if o.mentions), key=lambda o: o.start)
        doc._.organisations = result
        doc.spans["organisations"] = [
            s for o in result for m in o.mentions
            if (s := doc.char_span(m.start, m.end, label=o.kind, alignment_mode="expand", span_id=o.org_id)) is not None
        ]
        return doc
