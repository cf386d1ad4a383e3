"""The ``hesr_goals`` spaCy component."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import RuleComponent
from .document import find_goals

if not Doc.has_extension("goals"):
    Doc.set_extension("goals", default=None)


class GoalFinder(RuleComponent):
    """Sets ``doc._.goals``: the strategic goals the document states (SPEC §4)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.goals = find_goals(doc, self.lexicons)
        return doc


@Language.factory("hesr_goals", default_config={"patterns_dir": None},
                  requires=["doc._.organisations", "doc._.dates", "doc._.partnerships"], assigns=["doc._.goals"])
def make_goals(nlp: Language, name: str, patterns_dir: str | None):
    return GoalFinder(nlp, name, patterns_dir=patterns_dir)
