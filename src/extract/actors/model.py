"""What stands before a verb."""
from __future__ import annotations

from dataclasses import dataclass

from ..organisations import Organisation


@dataclass
class Subject:
    """What stands before a verb: an organisation, a pronoun, people, a generic plural, a relative, a noun."""

    kind: str                      # org | pronoun | anaphor | people | generic | relative | noun | none
    org: Organisation | None = None
    start: int = -1                # first token of the subject phrase (for kind "noun")
    others: tuple = ()             # "X et Y signent": the organisations coordinated before ``org``
