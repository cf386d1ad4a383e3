"""The ``hesr_partnerships`` spaCy component."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import RuleComponent
from .document import find_partnerships

if not Doc.has_extension("partnerships"):
    Doc.set_extension("partnerships", default=None)


class PartnershipFinder(RuleComponent):
    """Sets ``doc._.partnerships``: the partnerships the document states (SPEC §3)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.partnerships = find_partnerships(doc, self.lexicons)
        return doc


@Language.factory("hesr_partnerships", default_config={"patterns_dir": None},
                  requires=["doc._.organisations", "doc._.dates"], assigns=["doc._.partnerships"])
def make_partnerships(nlp: Language, name: str, patterns_dir: str | None):
    return PartnershipFinder(nlp, name, patterns_dir=patterns_dir)
