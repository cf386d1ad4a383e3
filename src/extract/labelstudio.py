"""Label Studio, both ways: the pipeline's findings as pre-annotated tasks, and annotators'
corrected annotations back as SPEC §2 gold.

One task per analysed document: ``data`` holds the decoded text (offsets are the
tables'), its ``doc_id`` and publication date; ``predictions`` hold one labelled
region per row — ``ORG-<kind>`` on an organisation's first mention, ``DATE``,
``GOAL`` on an objective, ``PARTNERSHIP`` on its evidence — with the attributes as
per-region fields (canonical name, acronym, other forms; date value; goal actor,
theme, horizon; partnership kind, status, date, name, topics), the parties as
``party`` relations from a partnership to its organisations, and the
publication date as a document-level field. :func:`label_config` is the matching
labelling interface.

The import reads a Label Studio JSON export (each task's latest annotation that
was not cancelled), rebuilds the rows and writes them through the gold writer;
every file is then validated like any gold file. An export that does not fit
stops with the task, the region and the fault.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .gold import GoldError, dump_gold, gold_data, load_gold
from .normalise import key
from .report import decoded_text, document_reviews
from .rules import KINDS, PARTNERSHIP_KINDS, THEMES
from .tablestore import read_tables

STATUSES = ("established", "planned")
ORG_LABELS = {kind: f"ORG-{kind}" for kind in KINDS}
ORG_COLOURS = {
    "university": "#7fb0ff",
    "school": "#8fd07a",
    "group": "#e59bd6",
    "company": "#ffb066",
    "public_body": "#b5b5b5",
    "other": "#d8cf9f",
}


class LabelStudioError(ValueError):
    """An export that cannot become gold: task, region and fault."""


# -- the labelling interface ---------------------------------------------------------------------------


def label_config() -> str:
    def choices(name: str, values, required: bool = False) -> str:
        items = "".join(f"<Choice value={quoteattr(v)}/>" for v in values)
        return (
            f'<Choices name="{name}" toName="text" perRegion="true" choice="single" '
            f'required="{str(required).lower()}">{items}</Choices>'
        )

    def area(name: str, placeholder: str) -> str:
        return (
            f'<TextArea name="{name}" toName="text" perRegion="true" maxSubmissions="1" editable="true" '
            f"placeholder={quoteattr(placeholder)}/>"
        )

    orgs = ",".join(ORG_LABELS.values())
    labels = "".join(f'<Label value="{v}" background="{ORG_COLOURS[k]}"/>' for k, v in ORG_LABELS.items())
    return f"""<View>
  <Labels name="label" toName="text">{labels}
    <Label value="DATE" background="#0b7a75"/><Label value="GOAL" background="#edc948"/>
    <Label value="PARTNERSHIP" background="#6b4fbb"/>
  </Labels>
  <Text name="text" value="$text"/>
  <Relations><Relation value="party"/></Relations>
  <Header value="Publication date (ISO) the document states, if any"/>
  <TextArea name="publication_date" toName="text" maxSubmissions="1" editable="true"/>
  <View visibleWhen="region-selected" whenLabelValue="{orgs}">
    {area("org_name", "canonical full name")}{area("org_acronym", "acronym")}
    {area("org_aliases", "other forms, one per line")}
  </View>
  <View visibleWhen="region-selected" whenLabelValue="DATE">{area("date_value", "ISO value (SPEC §4)")}</View>
  <View visibleWhen="region-selected" whenLabelValue="GOAL">
    {area("goal_actor", "actor: canonical name, empty if none")}{choices("goal_theme", THEMES, True)}
    {area("goal_horizon", "horizon (ISO)")}
  </View>
  <View visibleWhen="region-selected" whenLabelValue="PARTNERSHIP">
    {choices("partnership_kind", PARTNERSHIP_KINDS, True)}{choices("partnership_status", STATUSES, True)}
    {area("partnership_date", "date (ISO)")}{area("partnership_name", "its own name")}
    {area("partnership_topics", "topics, one per line")}
  </View>
  <View visibleWhen="region-selected">{choices("optional", ["optional"])}</View>
</View>
"""


# -- export --------------------------------------------------------------------------------------------


def export_tasks(
    out_dir: str | Path, texts_dir: str | Path | None = None, *, model_version: str = "extract"
) -> list[dict]:
    """One Label Studio task per analysed document of the run in ``out_dir``, pre-annotated."""
    out = Path(out_dir)
    tables = read_tables(out)
    tasks = []
    for review in document_reviews(tables).values():
        if review.row["status"] != "ok":
            continue
        review.text = decoded_text(review, out, texts_dir)
        if not review.text:
            continue
        tasks.append(_task(review, model_version))
    return tasks


def _task(review, model_version: str) -> dict:
    result: list[dict] = []
    org_region: dict[str, str] = {}
    text = review.text
    pub = review.row.get("publication_date", "")
    if pub:
        result.append(
            {
                "id": "publication_date",
                "from_name": "publication_date",
                "to_name": "text",
                "type": "textarea",
                "value": {"text": [pub]},
            }
        )
    for i, r in enumerate(review.rows["organisations"], start=1):
        rid = org_region[r["org_id"]] = f"o{i}"
        forms = [m for m in r["mentions"].split("|") if m and m not in (r["name"], r["acronym"])]
        result += _region(
            rid,
            r,
            text,
            ORG_LABELS[r["kind"]],
            {"org_name": [r["name"]], "org_acronym": [r["acronym"]], "org_aliases": forms},
        )
    for i, r in enumerate(review.rows["dates"], start=1):
        result += _region(f"d{i}", r, text, "DATE", {"date_value": [r["value"]]})
    for i, r in enumerate(review.rows["goals"], start=1):
        result += _region(
            f"g{i}",
            r,
            text,
            "GOAL",
            {"goal_actor": [r["actor"]], "goal_horizon": [r["horizon"]]},
            {"goal_theme": r["theme"]},
        )
    for i, r in enumerate(review.rows["partnerships"], start=1):
        rid = f"p{i}"
        result += _region(
            rid,
            r,
            text,
            "PARTNERSHIP",
            {
                "partnership_date": [r["date"]],
                "partnership_name": [r["name"]],
                "partnership_topics": [t for t in r["topics"].split("|") if t],
            },
            {"partnership_kind": r["kind"], "partnership_status": r["status"]},
        )
        result += [
            {"type": "relation", "from_id": rid, "to_id": org_region[org_id], "direction": "right", "labels": ["party"]}
            for org_id in r["party_ids"].split("|")
            if org_id in org_region
        ]
    return {
        "data": {"text": text, "doc_id": review.doc_id, "publication_date": pub},
        "predictions": [{"model_version": model_version, "result": result}],
    }


def _region(
    rid: str, row: dict, text: str, label: str, areas: dict[str, list[str]], choices: dict[str, str] | None = None
) -> list[dict]:
    start, end = int(row["start"]), int(row["end"])
    span = {"start": start, "end": end}
    out = [
        {
            "id": rid,
            "from_name": "label",
            "to_name": "text",
            "type": "labels",
            "value": {**span, "text": text[start:end], "labels": [label]},
        }
    ]
    for name, values in areas.items():
        values = [v for v in values if v]
        if values:
            out.append(
                {"id": rid, "from_name": name, "to_name": "text", "type": "textarea", "value": {**span, "text": values}}
            )
    for name, value in (choices or {}).items():
        out.append(
            {"id": rid, "from_name": name, "to_name": "text", "type": "choices", "value": {**span, "choices": [value]}}
        )
    return out


def write_export(tasks: list[dict], to: str | Path) -> Path:
    """The tasks as JSON, with ``label_config.xml`` beside them."""
    target = Path(to)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(tasks, ensure_ascii=False, indent=1), encoding="utf-8")
    config = target.with_name("label_config.xml")
    config.write_text(label_config(), encoding="utf-8")
    return config


# -- import --------------------------------------------------------------------------------------------


@dataclass
class _Region:
    rid: str
    label: str
    start: int
    end: int
    text: str
    fields: dict[str, list[str]] = field(default_factory=dict)
    optional: bool = False


def import_export(export: str | Path | list, out_dir: str | Path) -> list[Path]:
    """Gold YAML files (SPEC §2) from a Label Studio JSON export; each is validated."""
    tasks = json.loads(Path(export).read_text(encoding="utf-8")) if not isinstance(export, list) else export
    if not isinstance(tasks, list):
        raise LabelStudioError(f"{export}: not a Label Studio JSON export (a list of tasks)")
    written = []
    for n, task in enumerate(tasks, start=1):
        where = f"task {task.get('id', n)}"
        annotation = _latest_annotation(task)
        if annotation is None:
            continue
        doc_id, text = _task_doc(task, where)
        rows, pub = _rows(annotation.get("result") or [], text, where)
        path = Path(out_dir) / f"{doc_id}.yaml"
        path.parent.mkdir(parents=True, exist_ok=True)
        header = f"# Gold for {doc_id}, imported from Label Studio ({where}, annotation {annotation.get('id', '')}).\n"
        path.write_text(header + dump_gold(gold_data(doc_id, rows, pub)), encoding="utf-8")
        try:
            load_gold(path, text)
        except GoldError as err:
            raise LabelStudioError(f"{where}: the gold it gives is invalid: {err}") from None
        written.append(path)
    return written


def _latest_annotation(task: dict) -> dict | None:
    done = [a for a in task.get("annotations") or [] if not a.get("was_cancelled")]
    return max(done, key=lambda a: (a.get("updated_at") or "", a.get("id") or 0)) if done else None


def _task_doc(task: dict, where: str) -> tuple[str, str]:
    data = task.get("data") or {}
    if not isinstance(data.get("text"), str) or not data.get("doc_id"):
        raise LabelStudioError(f"{where}: its data needs 'text' and 'doc_id' (tasks made by export-labelstudio)")
    return str(data["doc_id"]), data["text"]


def _rows(result: list[dict], text: str, where: str) -> tuple[dict[str, list[dict]], str]:
    regions, relations, pub = _regions(result, text, where)
    rows: dict[str, list[dict]] = {"organisations": [], "dates": [], "partnerships": [], "goals": []}
    orgs = _organisations(regions, where)
    rows["organisations"] = list(orgs.values())
    by_region = {rid: row for row in orgs.values() for rid in row["_regions"]}
    for reg in sorted(regions.values(), key=lambda r: (r.start, r.end)):
        if reg.label == "DATE":
            rows["dates"].append({"text": reg.text, "value": _one(reg, "date_value"), "optional": reg.optional})
        elif reg.label == "GOAL":
            rows["goals"].append(
                {
                    "text": reg.text,
                    "actor": _one(reg, "goal_actor"),
                    "optional": reg.optional,
                    "theme": _choice(reg, "goal_theme", THEMES, where),
                    "horizon": _one(reg, "goal_horizon"),
                }
            )
        elif reg.label == "PARTNERSHIP":
            parties = [by_region[t]["name"] for f, t in relations if f == reg.rid and t in by_region]
            if not parties:
                raise LabelStudioError(
                    f"{where}, region {reg.rid} ({reg.text[:40]!r}): a partnership needs "
                    f"'party' relations to the organisations that take part"
                )
            rows["partnerships"].append(
                {
                    "parties": "|".join(dict.fromkeys(parties)),
                    "evidence": reg.text,
                    "optional": reg.optional,
                    "kind": _choice(reg, "partnership_kind", PARTNERSHIP_KINDS, where),
                    "status": _choice(reg, "partnership_status", STATUSES, where),
                    "date": _one(reg, "partnership_date"),
                    "name": _one(reg, "partnership_name"),
                    "topics": "|".join(reg.fields.get("partnership_topics", [])),
                }
            )
    return rows, pub


def _regions(result: list[dict], text: str, where: str) -> tuple[dict[str, _Region], list[tuple[str, str]], str]:
    regions: dict[str, _Region] = {}
    relations, extra, pub = [], [], ""
    for item in result:
        kind = item.get("type")
        if kind == "relation":
            relations.append((item.get("from_id"), item.get("to_id")))
        elif item.get("from_name") == "publication_date":
            pub = " ".join(item.get("value", {}).get("text") or []).strip()
        elif kind == "labels":
            regions[item["id"]] = _label_region(item, text, where)
        elif kind in ("textarea", "choices"):
            extra.append(item)
        else:
            raise LabelStudioError(f"{where}, region {item.get('id')}: unexpected result type {kind!r}")
    for item in extra:
        reg = regions.get(item.get("id"))
        if reg is None:
            raise LabelStudioError(f"{where}, region {item.get('id')}: field {item.get('from_name')!r} of no region")
        values = item["value"].get("text") or item["value"].get("choices") or []
        values = [line.strip() for v in values for line in str(v).split("\n") if line.strip()]
        if item["from_name"] == "optional":
            reg.optional = "optional" in values
        else:
            reg.fields[item["from_name"]] = values
    return regions, relations, pub


def _label_region(item: dict, text: str, where: str) -> _Region:
    value = item.get("value") or {}
    labels = value.get("labels") or []
    known = set(ORG_LABELS.values()) | {"DATE", "GOAL", "PARTNERSHIP"}
    if len(labels) != 1 or labels[0] not in known:
        raise LabelStudioError(f"{where}, region {item.get('id')}: label {labels} is not one of {sorted(known)}")
    start, end = value.get("start"), value.get("end")
    if not (isinstance(start, int) and isinstance(end, int) and 0 <= start < end <= len(text)):
        raise LabelStudioError(f"{where}, region {item.get('id')}: offsets {start}-{end} are outside the text")
    return _Region(item["id"], labels[0], start, end, text[start:end])


def _organisations(regions: dict[str, _Region], where: str) -> dict[str, dict]:
    """One organisation per canonical name; its regions' texts and other forms are its mentions."""
    orgs: dict[str, dict] = {}
    kinds = {v: k for k, v in ORG_LABELS.items()}
    for reg in sorted(regions.values(), key=lambda r: (r.start, r.end)):
        if reg.label not in kinds:
            continue
        name = _one(reg, "org_name") or reg.text
        row = orgs.setdefault(
            key(name),
            {
                "name": name,
                "kind": kinds[reg.label],
                "acronym": "",
                "mentions": "",
                "optional": reg.optional,
                "_regions": [],
            },
        )
        if row["kind"] != kinds[reg.label]:
            raise LabelStudioError(
                f"{where}, region {reg.rid}: {name!r} is labelled both {row['kind']} and {kinds[reg.label]}"
            )
        row["_regions"].append(reg.rid)
        row["acronym"] = row["acronym"] or _one(reg, "org_acronym")
        forms = [f for f in row["mentions"].split("|") if f]
        row["mentions"] = "|".join(dict.fromkeys(forms + [reg.text] + reg.fields.get("org_aliases", [])))
    return orgs


def _one(reg: _Region, name: str) -> str:
    return " ".join(reg.fields.get(name, [])).strip()


def _choice(reg: _Region, name: str, allowed, where: str) -> str:
    value = _one(reg, name)
    if value not in allowed:
        raise LabelStudioError(
            f"{where}, region {reg.rid} ({reg.text[:40]!r}): {name} {value or '(none)'!r} is not "
            f"one of {', '.join(allowed)}"
        )
    return value
