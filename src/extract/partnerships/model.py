"""What the partnership steps share: a relation, a frame, and the per-document and per-clause state."""
from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Span

from ..context import DocContext
from ..organisations import Organisation
from ..serialise import serialisable

KIND_RANK = {"merger": 5, "membership": 4, "agreement": 3, "alliance": 2, "cooperation": 1}

# a trigger found in the text: (first token, number of tokens, its entry in partnership_triggers.jsonl)
Trigger = tuple[int, int, dict]


def strongest_kind(triggers: list[Trigger]) -> str:
    return max((t[2]["kind"] for t in triggers), key=lambda k: KIND_RANK[k])


@serialisable
@dataclass
class Partnership:
    parties: list[Organisation]
    kind: str
    status: str
    start: int                 # evidence (clean offsets)
    end: int
    date: str = ""
    name: str = ""
    topics: list[str] = field(default_factory=list)
    generic: bool = False      # parties named only generically
    count_hint: int | None = None   # "6 écoles": how many unnamed parties the text counts
    sent_index: int = 0
    in_title: bool = False
    sources: list[tuple[int, int]] = field(default_factory=list)   # every sentence that states it

    def __post_init__(self) -> None:
        if not self.sources:
            self.sources = [(self.start, self.end)]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(o.org_id for o in self.parties)


@dataclass
class Frame:
    """Part of a clause that states one relation: token ranges, and what it hangs on."""

    ranges: list[tuple[int, int]]
    kind: str = "main"                         # main | relative | apposition | fronted | coordinated
    antecedent: Organisation | None = None
    antecedent_start: int = -1
    coordinated: list[Organisation] = field(default_factory=list)   # "A et B, déjà membres de …"
    shared_start: int = -1                     # a coordinated verb's subject is in the first conjunct

    def contains(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.ranges)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.ranges)

    @property
    def end(self) -> int:
        return max(e for _, e in self.ranges)

    def indices(self) -> list[int]:
        return [i for s, e in self.ranges for i in range(s, e)]


@dataclass
class Context(DocContext):
    """One document as the partnership steps read it."""

    planned_items: list[tuple[int, int]] = field(default_factory=list)  # bullet items under an intention


@dataclass
class Clause:
    """One clause of one sentence, and what its frames share."""

    sent: Span
    s_index: int
    start: int
    end: int
    found: list[Partnership]                   # the relations stated before this frame
    claimed: set[int] = field(default_factory=set)     # dates another frame took
    main_subject: list[Organisation] = field(default_factory=list)
