"""The ``hesr_organisations`` spaCy component."""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

from ..components import RuleComponent
from .finder import OrganisationFinder

if not Doc.has_extension("organisations"):
    Doc.set_extension("organisations", default=None)


class OrganisationComponent(RuleComponent):
    """Sets ``doc._.organisations``: the organisations the document names (SPEC §1)."""

    _finder: OrganisationFinder | None = None

    def rules_changed(self) -> None:
        self._finder = None

    def __call__(self, doc: Doc) -> Doc:
        if self._finder is None:
            self._finder = OrganisationFinder(self.rules, self.nlp.make_doc)
        return self._finder(doc)


@Language.factory("hesr_organisations", default_config={"patterns_dir": None},
                  requires=["token.is_sent_start", "doc.ents"], assigns=["doc._.organisations"])
def make_organisations(nlp: Language, name: str, patterns_dir: str | None):
    return OrganisationComponent(nlp, name, patterns_dir=patterns_dir)
