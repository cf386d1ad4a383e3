"""The ``organisations`` component: every named body of a document, clustered.

Candidates come from four sources, strongest first:

1. the gazetteer (``patterns/organisations.jsonl``), matched on accent- and
   punctuation-insensitive words so that ``l'UTT``, ``d’IMT Atlantique`` or
   ``Mines Saint-Etienne`` resolve to one entry;
2. acronym definitions read from the text (``Long Form (LF)`` and
   ``LF (Long Form)``), checked Schwartz–Hearst style;
3. a name grammar: a capitalised head noun (``Université``, ``École``,
   ``Institut`` …, from ``patterns/org_grammar.jsonl``) followed by particles,
   capitalised words and the lowercase words names are made of;
4. the model's ORG entities that look like proper names and are not things
   (programmes, platforms, labels).

Overlaps are resolved in that order; mentions are clustered into
:class:`Organisation` objects stored in ``doc._.organisations``.
"""
from .component import OrganisationComponent
from .finder import OrganisationFinder
from .model import Mention, Organisation

__all__ = ["Mention", "Organisation", "OrganisationComponent", "OrganisationFinder"]
