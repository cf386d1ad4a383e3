"""Build ``patterns/organisations_mesr.jsonl`` from the ministry's open list of institutions.

    python tools/build_gazetteer.py [--data ../shared/data/mesr-etablissements]

Source: "Principaux établissements d'enseignement supérieur", Ministère de
l'Enseignement supérieur et de la Recherche, Licence Ouverte 2.0 — four yearly
versions (2020-10, 2021-11, 2022-09, 2024-01). Rows of the four versions are one
body when they share a UAI (current or former), ROR or Wikidata identifier; the
newest version gives its name, short name, acronym, kind and identifiers, and
the names it had in older versions become aliases (former names of merged or
renamed institutions), and so does the part of an official name before `` - ``
(``Université Claude Bernard - Lyon 1`` → ``Université Claude Bernard``) when no
other body of the data has it.

A body that a hand-written entry of ``patterns/organisations.jsonl`` already
names (same name, alias or acronym) gets a record ``{"same_as": <hand id>, ror,
wikidata}``: the hand entry keeps its names and kind and gains the identifiers.
Every other body becomes an entry of its own. Each record says where it comes
from (``source``). Acronyms under four characters or generic ones are not kept as
acronyms: they would match too much (see :func:`good_acronym`); a three-character one
that names a single body of the data is kept as ``placed_acronym``, which names the
body only before ``de`` and a place (``HEI de Lille``) or in a text that wrote it so once.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
COLUMNS = {  # our name: the names the versions give it
    "name": ("libellé", "Libellé", "uo_lib_officiel"),
    "short": ("nom court", "nom_court"),
    "acronym": ("sigle",),
    "type": ("type d'établissement",),
    "uai": ("uai - identifiant",),
    "old_uai": ("anciens codes uai", "anciens_codes_uai", "Anciens codes uai"),
    "ror": ("Identifiant ROR",),
    "wikidata": ("Identifiant wikidata",),
    "english": ("English name",),
}
GENERIC_ACRONYMS = {"ENS", "IUT", "INSA", "IEP", "UT", "EC", "ECOLE", "UNIVERSITE", "IAE", "ESC", "IMT"}


def key(text: str) -> str:
    """SPEC §5's comparison key: NFKD, no accents, case-folded, non-alphanumerics as one space."""
    folded = unicodedata.normalize("NFKD", text)
    folded = "".join(c for c in folded if not unicodedata.combining(c)).casefold()
    return " ".join(re.sub(r"[\W_]+", " ", folded).split())


def slug(text: str) -> str:
    return key(text).replace(" ", "-")


def read_version(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f, delimiter=";"))
    out = []
    for row in rows:
        rec = {
            ours: " ".join(next((row[c] for c in names if c in row and row[c].strip()), "").split()).replace("’", "'")
            for ours, names in COLUMNS.items()
        }
        rec["version"] = path.stem.removeprefix("etablissements-")
        out.append(rec)
    return out


def bodies(versions: list[list[dict[str, str]]]) -> list[list[dict[str, str]]]:
    """Rows grouped into bodies, newest version first in each group. A row joins the body found
    by its strongest identifier (ROR, Wikidata, UAI, name, then its former UAIs) unless that body
    already has a row of the same version: two rows of one version are two bodies (a split body's
    former UAI is listed by both of its successors)."""
    groups: list[list[dict[str, str]]] = []
    seen_in: list[set[str]] = []
    index: dict[str, int] = {}
    for rows in sorted(versions, key=lambda rs: rs[0]["version"], reverse=True):
        for row in rows:
            ids = [
                f"ror:{row['ror']}" if row["ror"] else "",
                f"wd:{row['wikidata']}" if row["wikidata"] else "",
                f"uai:{row['uai']}" if row["uai"] else "",
                f"name:{key(row['name'])}" if row["name"] else "",
            ]
            ids = [i for i in ids if i] + [f"uai:{u}" for u in re.split(r"[;,| ]+", row["old_uai"]) if u]
            g = next((index[i] for i in ids if i in index and row["version"] not in seen_in[index[i]]), None)
            if g is None:
                g = len(groups)
                groups.append([])
                seen_in.append(set())
            groups[g].append(row)
            seen_in[g].add(row["version"])
            for i in ids:
                index.setdefault(i, g)
    return groups


def kind_of(row: dict[str, str]) -> str:
    if row["type"] == "Université" or row["name"].startswith("Université"):
        return "university"
    return "school"


def long_enough(name: str) -> bool:
    """Four characters or more, hyphens and spaces aside: a three-letter form (``ESA``: the school of
    agriculture, the space agency; ``ICT``, ``ESB``) is several things, or an everyday abbreviation."""
    return len(name.replace("-", "").replace(" ", "")) >= 4


def _specific(acronym: str) -> bool:
    """Two capitals at least, not a generic one (``ENS``, ``IUT``)."""
    return acronym.upper() not in GENERIC_ACRONYMS and sum(c.isupper() for c in acronym) >= 2


def good_acronym(acronym: str) -> bool:
    """Long enough and specific."""
    return long_enough(acronym) and _specific(acronym)


def short_acronym(acronym: str) -> bool:
    """Three characters and specific (``HEI``, ``UJM``): too short to name a body alone, kept to name it
    before ``de`` and a place (``HEI de Lille``, see :func:`placed_acronyms`)."""
    return len(acronym) == 3 and _specific(acronym)


def placed_acronyms(groups: list[list[dict[str, str]]], hand: dict[str, str]) -> set[str]:
    """The three-character acronyms that one body of the data has, and no hand-written entry uses."""
    owners: dict[str, set[int]] = {}
    for n, group in enumerate(groups):
        for r in group:
            for form in (r["acronym"], r["short"]):
                if short_acronym(form):
                    owners.setdefault(key(form), set()).add(n)
    return {k for k, ns in owners.items() if len(ns) == 1 and k not in hand}


def dashed_form(name: str) -> str:
    """The name before `` - `` in an official name (``Université Claude Bernard - Lyon 1`` → ``Université
    Claude Bernard``), the form the press uses; empty when it is a single word (``EPF - École d'ingénieurs``)."""
    first = name.split(" - ")[0].strip() if " - " in name else ""
    return first if len(first.split()) >= 2 and long_enough(first) else ""


def dashed_forms(groups: list[list[dict[str, str]]], hand: dict[str, str]) -> dict[int, list[str]]:
    """For each body (its index in ``groups``), the dashed forms of its names that no other body of the data
    has as a name, dashed form or short name, nor opens one with (``Université Toulouse`` opens ``Université
    Toulouse Capitole``), and that are no form of a hand-written entry."""
    owners: dict[str, set[int]] = {}
    for n, group in enumerate(groups):
        for r in group:
            for form in (r["name"], r["short"], dashed_form(r["name"])):
                if form:
                    owners.setdefault(key(form), set()).add(n)
    out: dict[int, list[str]] = {}
    for n, group in enumerate(groups):
        forms = dict.fromkeys(f for r in group if (f := dashed_form(r["name"])))
        out[n] = [f for f in forms if owners[key(f)] == {n} and key(f) not in hand
                  and not any(k.startswith(key(f) + " ") and ns != {n} for k, ns in owners.items())]
    return out


def entry_of(group: list[dict[str, str]], hand: dict[str, str], hand_names: dict[str, str],
             placed: frozenset[str] = frozenset(), dashed: list[str] | None = None) -> dict | None:
    """The record of one body: an entry of its own, or the identifiers of the hand-written entry
    that names it (``same_as``), with the data's official name when the hand entry's name is only
    the data's short name or acronym (``INSA Lyon`` → ``Institut national des sciences appliquées
    de Lyon``: SPEC wants the canonical full name)."""
    group = [r for r in group if r["name"]] or group
    newest = group[0]
    if not newest["name"]:
        return None
    names = [newest["name"]] + [r["name"] for r in group[1:]]
    aliases = list(
        dict.fromkeys(
            n for n in names[1:] + [newest["short"], newest["english"]] if n and key(n) != key(newest["name"])
        )
    )
    dashed = dashed or []
    aliases += [d for d in dashed if key(d) not in {key(a) for a in aliases} | {key(newest["name"])}]
    acronym = newest["acronym"] if good_acronym(newest["acronym"]) else ""
    source = "mesr-" + ",".join(sorted({r["version"] for r in group}))
    ids = {k: newest[k] or next((r[k] for r in group if r[k]), "") for k in ("ror", "wikidata")}
    forms = [key(n) for n in [newest["name"], *aliases, acronym] if n and long_enough(n)]
    same = next((hand[f] for f in forms if f in hand), None)
    if same:
        record = {"same_as": same, **{k: v for k, v in ids.items() if v}, "source": source}
        if dashed:
            record["aliases"] = dashed          # the press's form of the official name, new to the hand entry
        if hand_names.get(same) in {key(newest["short"]), key(newest["acronym"])} - {key(newest["name"])}:
            record["official_name"] = newest["name"]
        return record
    entry = {"id": slug(newest["name"]), "name": newest["name"], "kind": kind_of(newest)}
    if acronym:
        entry["acronym"] = acronym
    elif key(newest["acronym"]) in placed and short_acronym(newest["acronym"]) and newest["acronym"] not in aliases:
        entry["placed_acronym"] = newest["acronym"]
    if aliases:
        entry["aliases"] = aliases
    entry.update({k: v for k, v in ids.items() if v})
    entry["source"] = source
    return entry


def hand_entries(path: Path) -> list[dict]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip() and not line.lstrip().startswith("#")]


def hand_forms(entries: list[dict]) -> dict[str, str]:
    """The key of every name, alias and acronym of the hand-written entries → their id."""
    forms: dict[str, str] = {}
    for e in entries:
        for n in [e["name"], *e.get("aliases", [])]:
            forms.setdefault(key(n), e["id"])
        if e.get("acronym"):
            forms.setdefault(key(e["acronym"]), e["id"])
    return forms


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "mesr-etablissements")
    parser.add_argument("--out", type=Path, default=ROOT / "patterns" / "organisations_mesr.jsonl")
    args = parser.parse_args()
    versions = [read_version(p) for p in sorted(args.data.glob("etablissements-*.csv"))]
    if not versions:
        sys.exit(f"no etablissements-*.csv in {args.data}")
    hand_list = hand_entries(ROOT / "patterns" / "organisations.jsonl")
    hand, hand_names = hand_forms(hand_list), {e["id"]: key(e["name"]) for e in hand_list}
    groups = bodies(versions)
    placed = frozenset(placed_acronyms(groups, hand))
    dashed = dashed_forms(groups, hand)
    entries = [e for e in (entry_of(g, hand, hand_names, placed, dashed[n]) for n, g in enumerate(groups))
               if e is not None]
    taken = set(hand.values())
    lines = [
        "# Generated by tools/build_gazetteer.py from the ministry's list of higher-education institutions",
        "# (MESR, Licence Ouverte 2.0; versions 2020-10, 2021-11, 2022-09, 2024-01). Do not edit: add or fix",
        "# entries by hand in organisations.jsonl (which takes precedence) and run the script again.",
    ]
    for e in sorted(entries, key=lambda e: e.get("id") or e["same_as"]):
        if "id" in e and e["id"] in taken:
            e["id"] += "-mesr"
        taken.add(e.get("id", ""))
        lines.append(json.dumps(e, ensure_ascii=False))
    args.out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    n_same = sum("same_as" in e for e in entries)
    print(
        f"{args.out}: {len(entries)} bodies from {sum(map(len, versions))} rows; "
        f"{n_same} identify hand-written entries, {len(entries) - n_same} new entries"
    )


if __name__ == "__main__":
    main()
