"""Trigger and cue lexicons of ``patterns/``, indexed for matching against a Doc.

Every term is tokenised with the pipeline's own tokenizer and compared
accent- and case-insensitively, token by token, so ``afin d'``, ``à terme``
or ``accord-cadre`` match whatever apostrophe or capital the text uses. Verb
lemmas also match their inflected forms (see :func:`normalise.verb_forms`)
and spaCy's lemma, which catches what the generated forms miss.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator

from spacy.tokens import Doc

from .docview import folded, sentence_of
from .normalise import fold, noun_forms, verb_forms
from .rules import Rules
from .words import words

W = words()
REFLEXIVE = W.set("reflexive_clitics")
DETERMINERS = W.set("determiners")


def folded_tokens(doc: Doc) -> list[str]:
    """Folded text of every token, computed once per Doc."""
    return folded(doc)


@dataclass
class TermIndex:
    """Surface forms (one or more tokens) → payload, longest match first."""

    by_first: dict[str, list[tuple[tuple[str, ...], Any]]] = field(default_factory=dict)
    by_lemma: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def build(cls, tokenize: Callable[[str], Doc], forms: Iterable[tuple[str, Any]],
              lemmas: Iterable[tuple[str, Any]] = ()) -> "TermIndex":
        index = cls()
        for form, payload in forms:
            toks = tuple(fold(t.text) for t in tokenize(form) if not t.is_space)
            if toks:
                index.by_first.setdefault(toks[0], []).append((toks, payload))
        for seq in index.by_first.values():
            seq.sort(key=lambda item: -len(item[0]))
        for lemma, payload in lemmas:
            index.by_lemma.setdefault(fold(lemma), payload)
        return index

    def match(self, doc: Doc, i: int, folded: list[str]) -> tuple[Any, int] | None:
        """The longest term starting at token ``i``: (payload, number of tokens)."""
        return next(self.matches(doc, i, folded), None)

    def matches(self, doc: Doc, i: int, folded: list[str]) -> Iterator[tuple[Any, int]]:
        """Every term starting at token ``i``, longest first, in the order of the rule file; then the lemma's."""
        for toks, payload in self.by_first.get(folded[i], ()):
            n = len(toks)
            if tuple(folded[i:i + n]) == toks:
                yield payload, n
        if self.by_lemma:
            payload = self.by_lemma.get(fold(doc[i].lemma_))
            if payload is not None:
                yield payload, 1

    def contains(self, word: str) -> bool:
        return any(len(toks) == 1 for toks, _ in self.by_first.get(fold(word), ()))


def _forms_of(term: str, pos: str, extra: list[str]) -> set[str]:
    if pos == "VERB":
        forms = verb_forms(term) if " " not in term.split("'", 1)[-1] else {term}
    elif pos in ("OTHER", "ADV") or " " in term or "-" in term:
        forms = {term}
    else:
        forms = noun_forms(term)
    return forms | set(extra)


@dataclass
class Lexicons:
    """Every lexicon the partnership and goal components use."""

    partnership: TermIndex
    intention: TermIndex
    objective: TermIndex
    list_noun: TermIndex
    heading_exclude: TermIndex
    cut: TermIndex
    planned: TermIndex
    generic_partner: frozenset[str]
    people: frozenset[str]
    strategy: TermIndex
    continuing: TermIndex
    not_party: TermIndex
    incidental: TermIndex
    cancelled: TermIndex
    purpose: TermIndex
    not_goal_verbs: frozenset[str]
    anaphors: frozenset[str]
    anaphor_kinds: dict[str, frozenset[str]]   # folded noun -> the kinds of body it can stand for
    generic_anaphors: frozenset[str]           # nouns any body of their kinds is called by
    anaphor_heads: dict[str, frozenset[str]]   # folded noun -> the first words of the names it stands for
    structures: frozenset[str]          # nouns of institutions ("école", "laboratoire"): what founding creates
    themes: list[tuple[str, tuple[str, ...]]]

    def intention_at(self, doc: Doc, i: int, folded: list[str]) -> tuple[Any, int] | None:
        """An intention verb at token ``i``; a reflexive one (``s'engager``) only with
        its clitic (``les actions déjà engagées`` commits no one)."""
        hit = self.intention.match(doc, i, folded)
        if hit is not None and doc[i].pos_ in ("NOUN", "ADJ") and i > 0 and folded[i - 1] in DETERMINERS:
            return None                    # "la mise en place": a noun, not a form of "miser"
        if hit is None or not hit[0]["term"].startswith("s'"):
            return hit
        start = sentence_of(doc, i).start
        if any(folded[k] in REFLEXIVE for k in range(max(start, i - 3), i)):
            return hit
        return None

    @classmethod
    def build(cls, rules: Rules, tokenize: Callable[[str], Doc]) -> "Lexicons":
        def index(entries: list[dict], key: str, pos_of: Callable[[dict], str], lemma_match: bool) -> TermIndex:
            forms, lemmas = [], []
            for e in entries:
                term = e[key]
                pos = pos_of(e)
                for f in (e["forms"] if e.get("only_forms") else _forms_of(term, pos, e.get("forms", []))):
                    forms.append((f, e))
                if lemma_match and " " not in term and not e.get("only_forms"):
                    lemmas.append((term.split("'")[-1] if pos == "VERB" else term, e))
            return TermIndex.build(tokenize, forms, lemmas)

        g = rules.goal_triggers
        cues = rules.cues
        by_type = lambda t: [e for e in g if e["type"] == t]  # noqa: E731
        cue_terms = lambda t: [(e["term"], e) for e in cues if e["type"] == t]  # noqa: E731
        return cls(
            partnership=index(rules.partnership_triggers, "lemma", lambda e: e["pos"], True),
            intention=index(by_type("intention_verb"), "term", lambda e: "VERB", True),
            objective=index(by_type("objective_noun"), "term", lambda e: "NOUN", False),
            list_noun=index(by_type("list_noun"), "term", lambda e: "NOUN", False),
            heading_exclude=index(by_type("heading_exclude"), "term", lambda e: "VERB", True),
            cut=TermIndex.build(tokenize, cue_terms("cut")),
            planned=index([e for e in cues if e["type"] == "planned"], "term",
                          lambda e: "VERB" if e["term"].endswith("er") and " " not in e["term"] else "OTHER", False),
            generic_partner=frozenset(fold(e["term"]) for e in cues if e["type"] == "generic_partner"),
            people=frozenset(fold(e["term"]) for e in cues if e["type"] == "people"),
            strategy=TermIndex.build(tokenize, cue_terms("strategy_noun")),
            continuing=index([e for e in cues if e["type"] == "continuing"], "term", lambda e: "VERB", True),
            not_party=TermIndex.build(tokenize, cue_terms("not_party")),
            incidental=TermIndex.build(tokenize, cue_terms("incidental")),
            cancelled=TermIndex.build(tokenize, cue_terms("cancelled")),
            purpose=TermIndex.build(tokenize, cue_terms("purpose")),
            not_goal_verbs=frozenset(fold(e["term"]).split("'")[-1].removeprefix("se ")
                                     for e in cues if e["type"] == "not_goal_verb"),
            anaphors=frozenset(fold(r["term"]) for r in rules.org_grammar if r["type"] == "anaphor"),
            anaphor_kinds={fold(r["term"]): frozenset(r["kinds"]) for r in rules.org_grammar if r["type"] == "anaphor"},
            generic_anaphors=frozenset(fold(r["term"]) for r in rules.org_grammar
                                       if r["type"] == "anaphor" and r.get("generic")),
            anaphor_heads={fold(r["term"]): frozenset(fold(h) for h in r["stands_for"])
                           for r in rules.org_grammar if r["type"] == "anaphor" and r.get("stands_for")},
            structures=frozenset(fold(r["term"]) for r in rules.org_grammar if r["type"] == "head"),
            themes=[(r["theme"], tuple(r["stems"])) for r in rules.themes],
        )
