"""An organisation and its mentions."""
from __future__ import annotations

from dataclasses import dataclass, field

from ..serialise import serialisable


@serialisable
@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # gazetteer | definition | grammar | ner | anaphor


@serialisable
@dataclass(eq=False)
class Organisation:
    org_id: str
    name: str
    acronym: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    known: bool = False
    aliases: set[str] = field(default_factory=set)  # keys of every name form that points here
    ror: str = ""           # identifiers from the gazetteer (open data), when it knows them
    wikidata: str = ""
    authority: bool = False  # a public authority (the State): a party or funder, never what a text is about

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)

    @classmethod
    def of_entry(cls, eid: str, e: dict) -> "Organisation":
        """The body a gazetteer entry describes, with its identifiers."""
        return cls(eid, e["name"], e.get("acronym", ""), e["kind"], known=True, ror=e.get("ror", ""),
                   wikidata=e.get("wikidata", ""), authority=e.get("authority", False))

    def distinct_forms(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            seen.setdefault(m.text, None)
        return list(seen)
