"""Load and validate the rule files of ``patterns/``.

Every rule file is JSON Lines: one JSON object a line, ``#`` comments and blank
lines allowed. Each file has a schema (allowed keys, their types, allowed
values); a file that breaks it raises :class:`PatternError` naming the file,
the line and the fault. Nothing is silently skipped.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import lru_cache
from importlib.resources import files
from pathlib import Path
from typing import Any

KINDS = ("university", "school", "group", "company", "public_body", "other")
PARTNERSHIP_KINDS = ("agreement", "alliance", "merger", "membership", "cooperation")
THEMES = ("education", "research", "innovation", "international", "cooperation",
          "territory", "attractiveness", "other")

def _packaged_patterns() -> Path:
    """The rules shipped with the package: the repository's ``patterns/`` folder,
    installed as the package data ``extract.patterns`` (editable or not)."""
    return Path(str(files("extract.patterns")))


DEFAULT_PATTERNS_DIR = _packaged_patterns()


class PatternError(ValueError):
    """A rule file that does not follow its schema."""


@dataclass(frozen=True)
class Field:
    type: type | tuple[type, ...]
    required: bool = False
    choices: tuple[str, ...] | None = None
    list_of: type | None = None  # for list fields: the type of the items


# One schema per rule file: key -> Field.
SCHEMAS: dict[str, dict[str, Field]] = {
    "organisations.jsonl": {
        "id": Field(str, required=True),
        "name": Field(str, required=True),
        "kind": Field(str, required=True, choices=KINDS),
        "acronym": Field(str),
        "aliases": Field(list, list_of=str),
        "exact_case": Field(list, list_of=str),
        "ror": Field(str),
        "wikidata": Field(str),
        "source": Field(str),
        "authority": Field(bool),
        "not_after": Field(list, list_of=str),
        "note": Field(str),
    },
    "org_grammar.jsonl": {
        "term": Field(str, required=True),
        "type": Field(str, required=True, choices=(
            "head", "inner", "not_org_context", "anaphor", "not_org_name", "name_intro",
            "not_org_acronym", "acronym_prefix", "kind_phrase", "organ", "suffix_head", "field_context",
            "building")),
        "kind": Field(str, choices=KINDS),
        "lowercase": Field(bool),
        "lowercase_before_place": Field(bool),
        "lowercase_before_person": Field(bool),
        "lowercase_for_authority": Field(bool),
        "unit": Field(bool),
        "names_as": Field(str),
        "needs_adjective": Field(bool),
        "enumerates": Field(bool),
        "kinds": Field(list, list_of=str),
        "generic": Field(bool),
        "stands_for": Field(list, list_of=str),
        "proper_words": Field(int),
        "note": Field(str),
    },
    "partnership_triggers.jsonl": {
        "lemma": Field(str, required=True),
        "pos": Field(str, required=True, choices=("VERB", "NOUN", "ADV")),
        "kind": Field(str, required=True, choices=PARTNERSHIP_KINDS),
        "act": Field(bool),
        "creates": Field(bool),
        "joint": Field(bool),
        "extends": Field(bool),
        "extends_object": Field(bool),
        "after_copula": Field(bool),
        "forms": Field(list, list_of=str),
        "note": Field(str),
    },
    "goal_triggers.jsonl": {
        "term": Field(str, required=True),
        "type": Field(str, required=True, choices=(
            "intention_verb", "objective_noun", "list_noun", "heading_exclude")),
        "complement": Field(str, choices=("inf", "np", "both")),
        "que_clause": Field(bool),
        "body_subject": Field(bool),
        "only_forms": Field(bool),
        "forms": Field(list, list_of=str),
        "note": Field(str),
    },
    "cues.jsonl": {
        "term": Field(str, required=True),
        "type": Field(str, required=True, choices=(
            "planned", "cut", "generic_partner", "people", "strategy_noun", "continuing", "not_party",
            "incidental", "not_goal_verb", "cancelled", "purpose")),
        "note": Field(str),
    },
    "themes.jsonl": {
        "theme": Field(str, required=True, choices=THEMES),
        "stems": Field(list, required=True, list_of=str),
        "note": Field(str),
    },
}


def _type_name(t: type | tuple[type, ...]) -> str:
    if isinstance(t, tuple):
        return " or ".join(x.__name__ for x in t)
    return {"str": "a string", "list": "a list", "bool": "true or false"}.get(t.__name__, t.__name__)


def validate_record(obj: Any, schema: dict[str, Field]) -> str | None:
    """Return the fault of one record, or None when it follows the schema."""
    if not isinstance(obj, dict):
        return "expected a JSON object"
    unknown = sorted(set(obj) - set(schema))
    if unknown:
        return f"unknown key {unknown[0]!r} (allowed: {', '.join(schema)})"
    for name, spec in schema.items():
        if name not in obj:
            if spec.required:
                return f"missing key {name!r}"
            continue
        value = obj[name]
        if spec.type is bool and not isinstance(value, bool):
            return f"{name!r} must be {_type_name(bool)}"
        if not isinstance(value, spec.type):
            return f"{name!r} must be {_type_name(spec.type)}"
        if isinstance(value, str) and not value.strip():
            return f"{name!r} is empty"
        if spec.choices and value not in spec.choices:
            return f"{name!r} is {value!r}, not one of {', '.join(spec.choices)}"
        if spec.list_of:
            for item in value:
                if not isinstance(item, spec.list_of) or (isinstance(item, str) and not item.strip()):
                    return f"{name!r} must hold only non-empty {spec.list_of.__name__} values"
    return None


def load_jsonl(path: Path, schema: dict[str, Field]) -> list[dict[str, Any]]:
    """Read one rule file, validating every line against ``schema``."""
    records = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise PatternError(f"{path}: rule file not found") from None
    except UnicodeDecodeError as err:
        raise PatternError(f"{path}: not UTF-8 ({err.reason})") from None
    for lineno, line in enumerate(lines, start=1):
        stripped = line.strip()
        if not stripped or stripped.startswith("#"):
            continue
        try:
            obj = json.loads(stripped)
        except json.JSONDecodeError as err:
            raise PatternError(f"{path}:{lineno}: invalid JSON ({err.msg} at column {err.colno})") from None
        fault = validate_record(obj, schema)
        if fault:
            raise PatternError(f"{path}:{lineno}: {fault}")
        obj["_line"] = lineno
        records.append(obj)
    return records


@dataclass
class Rules:
    """Every rule file of a patterns folder, validated."""

    directory: Path
    organisations: list[dict[str, Any]] = field(default_factory=list)
    org_grammar: list[dict[str, Any]] = field(default_factory=list)
    partnership_triggers: list[dict[str, Any]] = field(default_factory=list)
    goal_triggers: list[dict[str, Any]] = field(default_factory=list)
    cues: list[dict[str, Any]] = field(default_factory=list)
    themes: list[dict[str, Any]] = field(default_factory=list)


# The gazetteer built from open data (tools/build_gazetteer.py): entries of their own, or the
# identifiers of a hand-written entry (``same_as``). Optional: a rule folder may have none.
MESR_FILE = "organisations_mesr.jsonl"
MESR_SCHEMA: dict[str, Field] = {
    "id": Field(str), "name": Field(str), "kind": Field(str, choices=KINDS), "acronym": Field(str),
    "aliases": Field(list, list_of=str), "ror": Field(str), "wikidata": Field(str),
    "same_as": Field(str), "official_name": Field(str), "source": Field(str, required=True),
    "placed_acronym": Field(str),
}


# every file a patterns folder may hold (what a saved pipeline copies beside each component)
RULE_FILES = (*SCHEMAS, MESR_FILE, "words.jsonl")


def load_rules(directory: Path | str | None = None) -> Rules:
    directory = Path(directory) if directory else DEFAULT_PATTERNS_DIR
    rules = Rules(directory=directory)
    for filename, schema in SCHEMAS.items():
        attr = filename.removesuffix(".jsonl")
        setattr(rules, attr, load_jsonl(directory / filename, schema))
    _check_organisations(rules.organisations, directory / "organisations.jsonl")
    if (directory / MESR_FILE).exists():
        rules.organisations = merge_open_data(rules.organisations, load_jsonl(directory / MESR_FILE, MESR_SCHEMA),
                                              directory / MESR_FILE)
        _check_organisations(rules.organisations, directory / MESR_FILE)
    _check_org_grammar(rules.org_grammar, directory / "org_grammar.jsonl")
    return rules


def _check_org_grammar(records: list[dict[str, Any]], path: Path) -> None:
    """Keys a type needs: an anaphor its ``kinds``, a head or a name_intro its ``kind``."""
    for rec in records:
        if rec["type"] == "anaphor":
            if not rec.get("kinds"):
                raise PatternError(f"{path}:{rec['_line']}: an anaphor needs 'kinds' (the kinds it can stand for)")
            wrong = [k for k in rec["kinds"] if k not in KINDS]
            if wrong:
                raise PatternError(f"{path}:{rec['_line']}: 'kinds' holds {wrong[0]!r}, not one of {', '.join(KINDS)}")
        elif rec["type"] in ("head", "name_intro") and "kind" not in rec:
            raise PatternError(f"{path}:{rec['_line']}: a {rec['type']} needs 'kind'")


def merge_open_data(hand: list[dict[str, Any]], generated: list[dict[str, Any]], path: Path) -> list[dict[str, Any]]:
    """Hand-written entries, given the identifiers the open data knows for them, then the
    open data's other bodies. A hand-written entry always wins."""
    by_id = {e["id"]: {**e, "source": e.get("source", "hand")} for e in hand}
    merged = list(by_id.values())
    for rec in generated:
        if "same_as" in rec:
            target = by_id.get(rec["same_as"])
            if target is None:
                raise PatternError(f"{path}:{rec['_line']}: same_as {rec['same_as']!r} is no hand-written entry")
            _give_identity(target, rec)
            continue
        missing = [k for k in ("id", "name", "kind") if k not in rec]
        if missing:
            raise PatternError(f"{path}:{rec['_line']}: an entry needs {missing[0]!r} (or 'same_as')")
        if rec["id"] not in by_id:
            merged.append(rec)
    return merged


def _give_identity(target: dict[str, Any], rec: dict[str, Any]) -> None:
    """A hand-written entry gains the identifiers and further names (``aliases``) the open data knows
    and, when its name is only the data's short name or acronym, the data's official name (SPEC: the
    canonical full name); its own name then stays one of its aliases."""
    for ident in ("ror", "wikidata"):
        if rec.get(ident) and not target.get(ident):
            target[ident] = rec[ident]
    known = {target["name"], *target.get("aliases", [])}
    target["aliases"] = [*target.get("aliases", []), *[a for a in rec.get("aliases", []) if a not in known]]
    official = rec.get("official_name")
    if official and official != target["name"]:
        target["aliases"] = [target["name"], *[a for a in target.get("aliases", []) if a != official]]
        target["name"] = official


def _check_organisations(records: list[dict[str, Any]], path: Path) -> None:
    """Cross-line checks of the gazetteer: unique ids, exact_case ⊆ forms."""
    seen: dict[str, int] = {}
    for rec in records:
        if rec["id"] in seen:
            raise PatternError(f"{path}:{rec['_line']}: duplicate id {rec['id']!r} (first on line {seen[rec['id']]})")
        seen[rec["id"]] = rec["_line"]
        forms = {rec["name"], *rec.get("aliases", []), *([rec["acronym"]] if rec.get("acronym") else [])}
        for form in rec.get("exact_case", []):
            if form not in forms:
                raise PatternError(f"{path}:{rec['_line']}: exact_case form {form!r} "
                                   "is not the name, acronym or an alias")


@lru_cache(maxsize=8)
def cached_rules(directory: str | None = None) -> Rules:
    """One validated copy of a patterns folder per process (components share it)."""
    return load_rules(directory)
