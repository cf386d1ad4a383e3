"""The state of one frame under analysis (:mod:`relation`): which triggers live, the kind they
give, the parties found and where they stand, what the act founds or is called."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..actors import Subject
from ..organisations import Organisation
from .model import Clause, Frame, Trigger, strongest_kind


@dataclass
class Work:
    """A frame under analysis."""

    frame: Frame
    clause: Clause
    triggers: list[Trigger]
    first: int = 0
    kind: str = ""
    creates: list[Trigger] = field(default_factory=list)
    opening_group: Organisation | None = None        # "le réseau s'ouvrira à …": the group others join
    clitic: Organisation | None = None               # "elle en deviendra membre": the group "en" stands for
    parties: list[Organisation] = field(default_factory=list)
    position: dict[int, int] = field(default_factory=dict)   # id(org) -> token where it stands
    name: str = ""
    created: Organisation | None = None
    group: Organisation | None = None
    joint: bool = False
    generic: bool = False
    count: int | None = None
    quoted: str = ""
    subj: Subject | None = None

    def add(self, org: Organisation | None, pos: int) -> None:
        if org is not None and org not in self.parties:
            self.parties.append(org)
            self.position[id(org)] = pos

    def retrigger(self, triggers: list[Trigger]) -> None:
        self.triggers = triggers
        self.first = min(t[0] for t in triggers)
        self.kind = strongest_kind(triggers)

    def neither_created_nor_group(self, org: Organisation | None) -> bool:
        return org is not self.created and org is not self.group
