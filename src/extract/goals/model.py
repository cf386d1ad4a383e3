"""A goal and the per-document state the goal steps share."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..context import DocContext
from ..normalise import content_words
from ..organisations import Organisation
from ..serialise import serialisable


@serialisable
@dataclass
class Goal:
    start: int                 # offsets of the objective's text (clean text)
    end: int
    trigger: str
    actor: Organisation | None
    sent_start: int            # evidence sentence
    sent_end: int
    source: str                # verbal | objective | copular | future | inline_list | bullet | infinitive | purpose
                               # | means | ordinal
    horizon_hint: str = ""     # a date of its list introduction
    group: int = 0             # noun phrases coordinated in one complement share a trailing date
    theme: str = "other"
    horizon: str = ""

    def words(self, text: str) -> set[str]:
        return content_words(text[self.start:self.end])


# The actor of a commitment several bodies make together ("Les universités se fixent …",
# "l'ESTP et VINCI Construction se fixent …"): no one actor (SPEC §3), and no other reading of
# the same objective may fill one in. It becomes an empty actor when the goals are settled.
JOINT = Organisation("", "", "", "other")


@dataclass
class Context(DocContext):
    """One document as the goal steps read it."""

    date_tokens: frozenset[int]
    default_actor: Organisation | None = None    # the strategy's owner, else the document's main actor
    group_count: int = 0                          # noun phrases coordinated in one complement share a group
    np_groups: dict[tuple[int, int], int] = field(default_factory=dict)
