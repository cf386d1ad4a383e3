"""The organisation rules of a run, indexed once: the gazetteer and the name grammar's word classes."""
from __future__ import annotations

from ..lexicon import TermIndex
from ..normalise import fold
from ..rules import Rules
from ..words import words
from .gazetteer import Gazetteer

OFFICE_WORDS = words().set("office_words")


class OrgIndex:
    """Gazetteer and name grammar (``patterns/org_grammar.jsonl``) of one rule set."""

    def __init__(self, rules: Rules, tokenize):
        self.gazetteer = Gazetteer(rules.organisations)
        grammar = rules.org_grammar
        self.heads = {fold(r["term"]): r["kind"] for r in grammar if r["type"] == "head"}
        # units of a body ("le Laboratoire de Chimie de l'ENS de Lyon"): the whole name, not the body inside it
        self.unit_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r.get("unit")}
        self.lowercase_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r.get("lowercase")}
        # heads the press writes in lowercase before a proper name ("l'université de Shanghai")
        self.place_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r.get("lowercase_before_place")}
        # heads the press writes in lowercase before the person a body is named after ("la fondation Jean Monnet")
        self.person_heads = {fold(r["term"]) for r in grammar
                             if r["type"] == "head" and r.get("lowercase_before_person")}
        # territories whose lowercase name is the authority only where the context says so
        self.authority_heads = {fold(r["term"]) for r in grammar
                                if r["type"] == "head" and r.get("lowercase_for_authority")}
        # heads that name another body ("le ministre chargé de la Recherche": the ministry)
        self.names_as = {fold(r["term"]): r["names_as"] for r in grammar if r["type"] == "head" and r.get("names_as")}
        # nouns after a place that name a body with it ("Amiens Métropole"), or after a name of several proper
        # words ("Shanghai Jiao Tong University"): kind and how many words
        self.suffix_heads = {r["term"]: (r["kind"], r.get("proper_words", 1)) for r in grammar
                             if r["type"] == "suffix_head"}
        # heads whose names list their parts after commas ("ministère de l'Enseignement supérieur, de la Recherche …")
        self.enumerating_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r.get("enumerates")}
        # heads written in capitals ("TU Delft") match only in capitals ("tu" is also a pronoun)
        self.capital_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r["term"].isupper()}
        self.plural_heads = {h for h in self.heads if h.endswith(("s", "x")) and h[:-1] in self.heads}

        intros = [r for r in grammar if r["type"] == "name_intro"]
        self.name_intros = TermIndex.build(tokenize, [(r["term"], r) for r in intros])
        # introducing nouns ambiguous alone ("le groupe X"): a name may carry them ("groupe Omnes")
        self.bare_intros = {fold(r["term"]) for r in intros if r.get("needs_adjective")}
        self.intro_kinds = {fold(r["term"]): (r["kind"], bool(r.get("needs_adjective")))
                            for r in intros if " " not in r["term"]}
        self.not_org_acronyms = {r["term"].upper() for r in grammar if r["type"] == "not_org_acronym"}
        self.acronym_prefixes = sorted(((r["term"].upper(), r["kind"]) for r in grammar
                                        if r["type"] == "acronym_prefix"),
                                       key=lambda p: -len(p[0]))
        self.kind_phrases = [(fold(r["term"]), r["kind"]) for r in grammar if r["type"] == "kind_phrase"]
        self.inner = {fold(r["term"]) for r in grammar if r["type"] == "inner"}
        self.not_org_context = {fold(r["term"]) for r in grammar if r["type"] == "not_org_context"}
        # nouns whose complement is a field of study ("le domaine des Sciences et Technologies de …")
        self.field_context = {fold(r["term"]) for r in grammar if r["type"] == "field_context"}
        # buildings named after a body ("l'Hôtel de Ville de Lyon"): places, not bodies
        self.buildings = {fold(r["term"]) for r in grammar if r["type"] == "building"}
        self.not_org_name = {fold(r["term"]) for r in grammar if r["type"] == "not_org_name"}
        # the governing organs of a body ("le conseil d'administration"): not bodies of their own
        self.organs = tuple(fold(r["term"]) for r in grammar if r["type"] == "organ")
        self.anaphors = {fold(r["term"]) for r in grammar if r["type"] == "anaphor"}

    def named_as(self, surface: str) -> str:
        """The body's name as a name-grammar match reads it: the head some rules rename
        (``ministre chargé de l'Agriculture`` → ``Ministère de l'Agriculture``), a lowercase
        head capitalised (``université de Shanghai`` → ``Université de Shanghai``)."""
        words = surface.split()
        head = fold(words[0]) if words else ""
        if head in self.names_as:
            rest = words[1:]
            while rest and fold(rest[0]) in OFFICE_WORDS:
                rest = rest[1:]                      # "chargé de", "déléguée à"
            return " ".join([self.names_as[head], *rest])
        if head in self.place_heads or head in self.lowercase_heads or head in self.authority_heads \
                or head in self.person_heads:
            return surface[:1].upper() + surface[1:]
        return surface
