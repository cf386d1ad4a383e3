"""What the rule components share, in the shape of spaCy's own rule components
(``spacy/pipeline/span_ruler.py``): keyword-only settings, rules loaded in
``initialize`` (default: the rules shipped with the package, or a ``patterns_dir``),
``to_disk``/``from_disk`` that write and read the rule files beside the component,
and Docs whose results serialise (:mod:`serialise`).
"""
from __future__ import annotations

import shutil
from pathlib import Path

from spacy.language import Language

from .lexicon import Lexicons
from .rules import RULE_FILES, Rules, cached_rules, load_rules

_LEXICONS: dict[int, tuple[Rules, Lexicons]] = {}


def lexicons_for(rules: Rules, nlp: Language) -> Lexicons:
    """The lexicons of one rule set, built once per process (two components share them)."""
    found = _LEXICONS.get(id(rules))
    if found is None or found[0] is not rules:
        found = (rules, Lexicons.build(rules, nlp.make_doc))
        _LEXICONS[id(rules)] = found
    return found[1]


class RuleComponent:
    """A pipeline component whose rules are the files of a patterns folder."""

    def __init__(self, nlp: Language, name: str, *, patterns_dir: str | None = None):
        self.nlp = nlp
        self.name = name
        self.patterns_dir = patterns_dir
        self._rules: Rules | None = None
        self._lexicons: Lexicons | None = None

    def initialize(self, get_examples=None, *, nlp: Language | None = None, patterns_dir: str | None = None) -> None:
        """Load the rules: ``patterns_dir``, else the component's setting, else the packaged rules."""
        self.set_rules(cached_rules(patterns_dir or self.patterns_dir))

    def set_rules(self, rules: Rules) -> None:
        self._rules = rules
        self._lexicons = None
        self.rules_changed()

    def rules_changed(self) -> None:
        """Hook for components that index their rules."""

    @property
    def rules(self) -> Rules:
        if self._rules is None:
            self.initialize()
        return self._rules

    @property
    def lexicons(self) -> Lexicons:
        if self._lexicons is None:
            self._lexicons = lexicons_for(self.rules, self.nlp)
        return self._lexicons

    def to_disk(self, path: str | Path, *, exclude=()) -> None:
        """Write the rule files the component runs with into ``path``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for filename in RULE_FILES:
            source = self.rules.directory / filename
            if source.exists():
                shutil.copyfile(source, path / filename)

    def from_disk(self, path: str | Path, *, exclude=()) -> RuleComponent:
        self.set_rules(load_rules(path))
        return self
