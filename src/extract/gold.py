"""Gold annotations (SPEC §2): load, validate, locate.

A gold file that does not follow the format is rejected with a
:class:`GoldError` naming the file, the entry and the fault; nothing is scored
from a file that was not understood.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .documents import read_document
from .normalise import ISO_DATE, key
from .rules import KINDS, PARTNERSHIP_KINDS, THEMES
from .sources import Source

STATUSES = ("established", "planned")
_POINT = r"\d{4}(?:-(?:0[1-9]|1[0-2])(?:-(?:0[1-9]|[12]\d|3[01]))?)?"
VALUE = re.compile(rf"^(?:{_POINT}|{_POINT}/(?:{_POINT})?|/{_POINT})$")

TOP_KEYS = {"doc_id", "publication_date", "organisations", "dates", "partnerships", "goals"}
ENTRY_KEYS = {
    "organisations": ({"name", "kind"}, {"acronym", "aliases", "optional"}),
    "dates": ({"text", "value"}, {"optional"}),
    "partnerships": ({"parties", "kind", "status"},
                     {"date", "name", "topics", "unnamed_parties", "evidence", "optional"}),
    "goals": ({"text", "theme"}, {"actor", "horizon", "optional"}),
}


class GoldError(ValueError):
    """A gold file that does not follow SPEC §2."""


@dataclass
class GoldOrg:
    name: str
    kind: str
    acronym: str = ""
    aliases: list[str] = field(default_factory=list)
    optional: bool = False

    @property
    def keys(self) -> set[str]:
        return {k for k in (key(self.name), key(self.acronym), *(key(a) for a in self.aliases)) if k}


@dataclass
class GoldDate:
    text: str
    value: str
    start: int = -1
    end: int = -1
    optional: bool = False


@dataclass
class GoldPartnership:
    parties: list[int]              # indexes into GoldDoc.organisations
    party_names: list[str]
    kind: str
    status: str
    date: str = ""
    name: str = ""
    topics: list[str] = field(default_factory=list)
    evidence: str = ""
    optional: bool = False


@dataclass
class GoldGoal:
    text: str
    theme: str
    actor: int | None = None        # index into GoldDoc.organisations
    actor_name: str = ""
    horizon: str = ""
    optional: bool = False


@dataclass
class GoldDoc:
    doc_id: str
    path: Path
    publication_date: str = ""
    organisations: list[GoldOrg] = field(default_factory=list)
    dates: list[GoldDate] = field(default_factory=list)
    partnerships: list[GoldPartnership] = field(default_factory=list)
    goals: list[GoldGoal] = field(default_factory=list)

    def org_index(self, name: str) -> int | None:
        """The organisation a name, acronym or alias refers to (exact canonical name first)."""
        k = key(name)
        for i, o in enumerate(self.organisations):
            if key(o.name) == k:
                return i
        for i, o in enumerate(self.organisations):
            if k in o.keys:
                return i
        return None


def _str(value: Any, where: str, field_name: str, *, allow_empty: bool = True) -> str:
    """A YAML scalar as a string: unquoted dates and numbers are accepted as what they say."""
    if value is None:
        value = ""
    if isinstance(value, bool):
        raise GoldError(f"{where}: '{field_name}' must be a string, not {value!r}")
    if isinstance(value, (dt.date, dt.datetime)):
        value = value.isoformat()[:10]
    if isinstance(value, (int, float)):
        value = str(value)
    if not isinstance(value, str):
        raise GoldError(f"{where}: '{field_name}' must be a string, not a {type(value).__name__}")
    if not allow_empty and not value.strip():
        raise GoldError(f"{where}: '{field_name}' is empty")
    return value


def _value(value: Any, where: str, field_name: str) -> str:
    v = _str(value, where, field_name).strip()
    if v and not VALUE.match(v):
        raise GoldError(f"{where}: '{field_name}' {v!r} is not an ISO 8601 date or period "
                        "(YYYY, YYYY-MM, YYYY-MM-DD, A/B, A/, /B)")
    return v


def _str_list(value: Any, where: str, field_name: str) -> list[str]:
    if not isinstance(value, list):
        raise GoldError(f"{where}: '{field_name}' must be a list")
    return [_str(v, where, field_name, allow_empty=False) for v in value]


def _read_yaml(p: Path) -> dict:
    try:
        raw = yaml.safe_load(p.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise GoldError(f"{p}: file not found") from None
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        where = f"{p}:{mark.line + 1}" if mark else str(p)
        raise GoldError(f"{where}: not valid YAML ({getattr(err, 'problem', None) or err})") from None
    if not isinstance(raw, dict):
        raise GoldError(f"{p}: expected a mapping with doc_id, organisations, dates, partnerships, goals")
    unknown = sorted(set(raw) - TOP_KEYS)
    if unknown:
        raise GoldError(f"{p}: unknown key '{unknown[0]}' (allowed: {', '.join(sorted(TOP_KEYS))})")
    return raw


def _checked_entry(item: Any, where: str, section: str) -> str:
    """The entry's place (with its label) once its keys are checked."""
    if not isinstance(item, dict):
        raise GoldError(f"{where}: expected a mapping")
    required, allowed = ENTRY_KEYS[section]
    label = item.get("name") or item.get("text") or item.get("evidence") or ""
    if label:
        where += f" ({str(label)[:40]!s})"
    bad = sorted(set(item) - required - allowed)
    if bad:
        raise GoldError(f"{where}: unknown key '{bad[0]}' (allowed: {', '.join(sorted(required | allowed))})")
    missing = sorted(required - set(item))
    if missing:
        raise GoldError(f"{where}: missing key '{missing[0]}'")
    if "optional" in item and not isinstance(item["optional"], bool):
        raise GoldError(f"{where}: 'optional' must be true or false")
    return where


def _entries(raw: dict, p: Path, section: str) -> list[tuple[str, dict]]:
    items = raw.get(section) or []
    if not isinstance(items, list):
        raise GoldError(f"{p}: '{section}' must be a list")
    return [(_checked_entry(item, f"{p}: {section}[{n}]", section), item) for n, item in enumerate(items, start=1)]


def _choice(value: Any, where: str, field_name: str, choices: tuple[str, ...]) -> str:
    v = _str(value, where, field_name, allow_empty=False)
    if v not in choices:
        raise GoldError(f"{where}: '{field_name}' is {v!r}, not one of {', '.join(choices)}")
    return v


def _organisation(item: dict, where: str) -> GoldOrg:
    return GoldOrg(name=_str(item["name"], where, "name", allow_empty=False),
                   kind=_choice(item["kind"], where, "kind", KINDS),
                   acronym=_str(item.get("acronym", ""), where, "acronym"),
                   aliases=_str_list(item.get("aliases", []), where, "aliases"),
                   optional=bool(item.get("optional", False)))


def _partnership(gold: GoldDoc, item: dict, where: str) -> GoldPartnership:
    names = _str_list(item["parties"], where, "parties")
    if not names:
        raise GoldError(f"{where}: 'parties' is empty")
    idx = []
    for name in names:
        i = gold.org_index(name)
        if i is None:
            raise GoldError(f"{where}: party {name!r} names no organisation of this file")
        idx.append(i)
    _str_list(item.get("unnamed_parties", []), where, "unnamed_parties")
    return GoldPartnership(
        parties=idx, party_names=names, kind=_choice(item["kind"], where, "kind", PARTNERSHIP_KINDS),
        status=_choice(item["status"], where, "status", STATUSES), date=_value(item.get("date", ""), where, "date"),
        name=_str(item.get("name", ""), where, "name"), topics=_str_list(item.get("topics", []), where, "topics"),
        evidence=_str(item.get("evidence", ""), where, "evidence"), optional=bool(item.get("optional", False)))


def _goal(gold: GoldDoc, item: dict, where: str) -> GoldGoal:
    actor_name = _str(item.get("actor", ""), where, "actor")
    actor = None
    if actor_name:
        actor = gold.org_index(actor_name)
        if actor is None:
            raise GoldError(f"{where}: actor {actor_name!r} names no organisation of this file")
    return GoldGoal(text=_str(item["text"], where, "text", allow_empty=False),
                    theme=_choice(item["theme"], where, "theme", THEMES), actor=actor,
                    actor_name=actor_name, horizon=_value(item.get("horizon", ""), where, "horizon"),
                    optional=bool(item.get("optional", False)))


def load_gold(path: str | Path, text: str | None = None) -> GoldDoc:
    """Read and validate one gold file; with the document's ``text``, also locate its dates."""
    p = Path(path)
    raw = _read_yaml(p)
    doc_id = _str(raw.get("doc_id", p.stem), str(p), "doc_id", allow_empty=False)
    gold = GoldDoc(doc_id=doc_id, path=p)
    if "publication_date" in raw:
        pub = _value(raw["publication_date"], str(p), "publication_date")
        if pub and not ISO_DATE.fullmatch(pub):
            raise GoldError(f"{p}: 'publication_date' {pub!r} must be an ISO date "
                            "(YYYY-MM-DD, or reduced: YYYY-MM, YYYY)")
        gold.publication_date = pub
    # section by section, in this order: an error is reported where the file first has one
    gold.organisations = [_organisation(item, where) for where, item in _entries(raw, p, "organisations")]
    gold.dates = [GoldDate(text=_str(item["text"], where, "text", allow_empty=False),
                           value=_value(item["value"], where, "value"), optional=bool(item.get("optional", False)))
                  for where, item in _entries(raw, p, "dates")]
    gold.partnerships = [_partnership(gold, item, where) for where, item in _entries(raw, p, "partnerships")]
    gold.goals = [_goal(gold, item, where) for where, item in _entries(raw, p, "goals")]
    if text is not None:
        locate_dates(gold, text)
    return gold


def _typographic(s: str) -> str:
    return s.replace("’", "'").replace("\u00a0", " ").replace("\u202f", " ")


def locate_dates(gold: GoldDoc, text: str) -> None:
    """Place each gold date in the text: the k-th entry with a given text takes the
    k-th occurrence not yet taken — an occurrence inside a span already located
    (``2025`` inside ``15 août 2025``) is taken. Apostrophe and space variants
    are the same text; case is ignored only when the exact form is absent."""
    norm = _typographic(text)
    lower = norm.lower()
    cursor: dict[str, int] = {}
    located: list[tuple[int, int]] = []
    for n, d in enumerate(gold.dates, start=1):
        needle = _typographic(d.text)
        pos = -1
        for haystack, probe in ((norm, needle), (lower, needle.lower())):
            p = cursor.get(needle, 0)
            while True:
                p = haystack.find(probe, p)
                if p < 0 or not any(p < e and p + len(probe) > s for s, e in located):
                    break
                p += 1
            if p >= 0:
                pos = p
                break
        if pos < 0:
            seen = "" if needle not in cursor else " (no further occurrence)"
            raise GoldError(f"{gold.path}: dates[{n}] ({d.text}): text not found in the document{seen}")
        d.start, d.end = pos, pos + len(needle)
        located.append((d.start, d.end))
        cursor[needle] = d.end


def load_gold_dir(gold_dir: str | Path, texts_dir: str | Path | None = None) -> list[GoldDoc]:
    """Every ``*.yaml`` under ``gold_dir`` (sub-folders give ``doc_id`` prefixes), validated;
    with ``texts_dir`` the documents are read to locate dates."""
    root = Path(gold_dir)
    if not root.is_dir():
        raise GoldError(f"{root}: gold folder not found")
    out = []
    for p in sorted(root.rglob("*.yaml")):
        text = None
        rel = p.relative_to(root).with_suffix("")
        if texts_dir is not None:
            candidates = sorted(Path(texts_dir).glob(f"{rel.as_posix()}.*"))
            if not candidates:
                raise GoldError(f"{p}: no document {rel.as_posix()}.* in {texts_dir}")
            document = read_document(Source(candidates[0], str(candidates[0]), rel.as_posix()))
            if document.status == "error":
                raise GoldError(f"{p}: its document {candidates[0]} cannot be read ({document.error})")
            text = document.text
        gold = load_gold(p, text)
        if gold.doc_id == rel.name and rel.parent != Path("."):
            gold.doc_id = rel.as_posix()   # a batch kept as its annotators wrote it: scored under its place
        if gold.doc_id != rel.as_posix():
            raise GoldError(f"{p}: doc_id {gold.doc_id!r} does not match the file's place ({rel.as_posix()!r})")
        out.append(gold)
    return out


# -- drafts ----------------------------------------------------------------------------
def draft_gold(doc_id: str, tables: dict[str, list[dict]], publication_date: str = "") -> str:
    """A SPEC §2 YAML draft from one document's predicted rows, for a person to
    correct: every entry is what the pipeline found, nothing is marked optional."""
    header = (f"# Draft gold for {doc_id}, written by `extract gold-draft` from the pipeline's output.\n"
              "# Correct it by hand following SPEC §3: remove what is wrong, add what is missing,\n"
              "# mark borderline entries `optional: true`.\n")
    return header + dump_gold(gold_data(doc_id, tables, publication_date))


def gold_data(doc_id: str, tables: dict[str, list[dict]], publication_date: str = "") -> dict:
    """Rows shaped like the tables' (a row may carry ``optional: True``) → SPEC §2 data."""
    data: dict = {"doc_id": doc_id}
    if publication_date:
        data["publication_date"] = publication_date
    data["organisations"] = [_optional(r, _gold_org(r)) for r in tables.get("organisations", [])]
    data["dates"] = [_optional(r, {"text": r["text"], "value": r["value"]}) for r in tables.get("dates", [])]
    data["partnerships"] = [_optional(r, _gold_partnership(r)) for r in tables.get("partnerships", [])]
    data["goals"] = [_optional(r, _gold_goal(r)) for r in tables.get("goals", [])]
    return data


def dump_gold(data: dict) -> str:
    return yaml.dump(data, Dumper=_QuotingDumper, allow_unicode=True, sort_keys=False, width=120)


def _optional(row: dict, entry: dict) -> dict:
    return {**entry, "optional": True} if row.get("optional") else entry


def _gold_org(row: dict) -> dict:
    entry: dict = {"name": row["name"], "kind": row["kind"]}
    if row.get("acronym"):
        entry["acronym"] = row["acronym"]
    aliases = [m for m in str(row.get("mentions", "")).split("|")
               if m and key(m) not in {key(row["name"]), key(row.get("acronym", ""))}]
    if aliases:
        entry["aliases"] = aliases
    return entry


def _gold_partnership(row: dict) -> dict:
    entry = {"parties": [p for p in row["parties"].split("|") if p], "kind": row["kind"], "status": row["status"]}
    for field_name in ("date", "name"):
        if row.get(field_name):
            entry[field_name] = row[field_name]
    if row.get("topics"):
        entry["topics"] = row["topics"].split("|")
    entry["evidence"] = row["evidence"]
    return entry


def _gold_goal(row: dict) -> dict:
    entry = {"actor": row["actor"]} if row.get("actor") else {}
    entry.update({"text": row["text"], "theme": row["theme"], "horizon": row.get("horizon", "")})
    return entry


class _QuotingDumper(yaml.SafeDumper):
    """Quotes strings YAML would read as numbers or dates (``"2018"``, ``"2018-07-10"``)."""


def _represent_str(dumper: yaml.SafeDumper, value: str):
    style = '"' if re.fullmatch(r"[\d\-/:.]+", value or "") and value else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_QuotingDumper.add_representer(str, _represent_str)
