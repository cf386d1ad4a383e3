"""``extract report``: the tables of a run → a static review report in ``OUT/report/``.

``index.html`` shows the run at a glance (documents by status with every failure,
counts, scores against gold, the organisations, the partnership network, the goals
by theme and horizon, the documents with filters); ``docs/NNNNN.html`` shows one
document's text with every finding highlighted in place beside the rows of each
table. Plain files that open from disk with no network: the JavaScript libraries
(Cytoscape.js for the network and its layout, Chart.js for the chart) are vendored
under ``assets/`` with their licences, and each page carries its data inline.

Texts come from ``--texts DIR`` (the run's input folder), else ``OUT/texts/``
(``--save-text``), else the paths in ``documents.csv``, read as ``extract run``
reads them, so offsets point at the same characters.
"""

from __future__ import annotations

import glob
import json
import shutil
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from importlib.resources import files
from pathlib import Path
from typing import Any

from .documents import read_document
from .evaluate import evaluate
from .highlight import Mark, highlight
from .sources import Source
from .tablestore import read_tables, write_atomic

FINDINGS = ("organisations", "dates", "partnerships", "goals")
ASSETS = (
    "cytoscape.min.js",
    "chart.umd.min.js",
    "cytoscape.min.js.LICENSE.txt",
    "chart.umd.min.js.LICENSE.txt",
    "report.css",
    "index.js",
    "document.js",
)


@dataclass
class DocReview:
    """What the page of one document shows."""

    number: int
    row: dict[str, str]
    rows: dict[str, list[dict[str, str]]]
    text: str = ""
    mismatches: list[dict[str, str]] = field(default_factory=list)

    @property
    def doc_id(self) -> str:
        return self.row["doc_id"]

    @property
    def page(self) -> str:
        return f"docs/{self.number:05d}.html"


@dataclass
class ReportSummary:
    path: Path
    n_documents: int
    n_pages: int


def build_report(
    out_dir: str | Path,
    *,
    texts_dir: str | Path | None = None,
    gold_dir: str | Path | None = None,
    report_dir: str | Path | None = None,
) -> ReportSummary:
    """Write the report of the tables in ``out_dir`` (into ``out_dir/report`` by default)."""
    out = Path(out_dir)
    target = Path(report_dir) if report_dir else out / "report"
    tables = read_tables(out)
    reviews = document_reviews(tables)
    evaluation = None
    if gold_dir is not None:
        evaluation = evaluate(gold_dir, texts_dir or "corpus/texts", out, None)
        for m in evaluation.mismatches:
            if m["doc_id"] in reviews:
                reviews[m["doc_id"]].mismatches.append(m)
    _write_assets(target)
    env = _templates()
    ordered = list(reviews.values())
    for i, review in enumerate(ordered):
        if review.row["status"] == "ok":
            review.text = decoded_text(review, out, texts_dir)
        neighbours = (ordered[i - 1].page if i else None, ordered[i + 1].page if i + 1 < len(ordered) else None)
        page = env.get_template("document.html.j2").render(**document_view(review, neighbours))
        write_atomic(target / review.page, page)
    index = env.get_template("index.html.j2").render(**index_view(tables, ordered, evaluation))
    write_atomic(target / "index.html", index)
    return ReportSummary(target, len(ordered), len(ordered))


# -- data ----------------------------------------------------------------------------------------------


def document_reviews(tables: dict[str, list[dict[str, str]]]) -> dict[str, DocReview]:
    reviews = {
        row["doc_id"]: DocReview(n, row, {name: [] for name in FINDINGS})
        for n, row in enumerate(tables["documents"], start=1)
    }
    for name in FINDINGS:
        for row in tables[name]:
            if row["doc_id"] in reviews:
                reviews[row["doc_id"]].rows[name].append(row)
    return reviews


def decoded_text(review: DocReview, out: Path, texts_dir: str | Path | None) -> str:
    """The decoded text the run analysed: from ``texts_dir``, the saved ``OUT/texts/``, or
    the path in ``documents.csv``; a file whose bytes changed since the run is not used."""
    saved = out / "texts" / f"{review.doc_id}.txt"
    given = (
        sorted(Path(p) for p in glob.glob(glob.escape(str(Path(texts_dir) / review.doc_id)) + ".*"))
        if texts_dir is not None
        else []
    )
    for path in [*given, saved, Path(review.row["path"])]:
        if path == saved and path.is_file():
            with open(path, encoding="utf-8", newline="") as f:
                return f.read()
        if path.is_file():
            document = read_document(Source(path, str(path), review.doc_id))
            if document.status == "ok" and document.sha256 == review.row.get("sha256"):
                return document.text
    return ""


def marks_of(review: DocReview, wrong: dict[tuple[str, int], str],
             misses: list[tuple[dict[str, str], int]]) -> list[Mark]:
    """One mark per row of each table (its first mention, span, evidence or objective),
    flagged as gold says (``wrong``), and one per missed gold entry found in the text."""
    marks: list[Mark] = []
    for i, r in enumerate(review.rows["organisations"], start=1):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                f"organisations-{i}",
                f"m-org k-{r['kind']}" + wrong.get(("organisations", i), ""),
                f"{r['name']} ({r['kind']})",
            )
        )
    for i, r in enumerate(review.rows["dates"], start=1):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                f"dates-{i}",
                "m-date" + wrong.get(("dates", i), ""),
                f"{r['kind']}: {r['value'] or '(unresolved)'}",
            )
        )
    for i, r in enumerate(review.rows["partnerships"], start=1):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                f"partnerships-{i}",
                f"m-part s-{r['status']}" + wrong.get(("partnerships", i), ""),
                f"{r['kind']}, {r['status']}: {r['parties'].replace('|', ', ')}",
            )
        )
    for i, r in enumerate(review.rows["goals"], start=1):
        marks.append(
            Mark(
                int(r["start"]),
                int(r["end"]),
                f"goals-{i}",
                "m-goal" + wrong.get(("goals", i), ""),
                f"{r['actor'] or '(no actor)'} · {r['theme']} · {r['horizon'] or '(no horizon)'}",
            )
        )
    for j, (m, start) in enumerate(misses, start=1):
        marks.append(
            Mark(
                start,
                start + len(m["text"]),
                f"missed-{j}",
                f"m-fn t-{m['table']}",
                f"missed {m['table'][:-1]}: expected {m['expected']}".strip(),
            )
        )
    return marks


_KEY_FIELD = {"organisations": "name", "dates": "text", "partnerships": "parties", "goals": "text"}


def _flagged_rows(review: DocReview) -> dict[tuple[str, int], str]:
    """Rows that gold marks as false positives (``fp``) or with a wrong attribute (``wrong``)."""
    flags: dict[tuple[str, int], set[str]] = defaultdict(set)
    for m in review.mismatches:
        if m["table"] in FINDINGS and m["error"] != "false negative":
            i = _row_of(review.rows[m["table"]], m)
            if i is not None:
                flags[(m["table"], i)].add("fp" if m["error"] == "false positive" else "wrong")
    return {k: " " + " ".join(sorted(v)) for k, v in flags.items()}


def _row_of(rows: list[dict[str, str]], m: dict[str, str]) -> int | None:
    """The predicted row a mismatch is about: the same key text, else (partnerships and goals,
    whose mismatch may name the gold entry) the same evidence and the predicted value."""
    table = m["table"]
    for i, r in enumerate(rows, start=1):
        if r.get(_KEY_FIELD[table]) == m["text"]:
            return i
    attr = m["error"].removeprefix("wrong ")
    for i, r in enumerate(rows, start=1):
        if (
            m["evidence"]
            and r.get("evidence") == m["evidence"]
            and (m["error"] == "false positive" or r.get(attr, "") == m["predicted"])
        ):
            return i
    return None


def _located_misses(review: DocReview) -> list[tuple[dict[str, str], int]]:
    found = []
    for m in review.mismatches:
        if m["error"] == "false negative" and m["table"] in ("dates", "goals", "organisations") and m["text"]:
            at = review.text.find(m["text"])
            if at >= 0:
                found.append((m, at))
    return found


# -- views ---------------------------------------------------------------------------------------------


def document_view(review: DocReview, neighbours: tuple[str | None, str | None]) -> dict[str, Any]:
    wrong, misses = _flagged_rows(review), _located_misses(review)
    rows = {
        name: [
            {**r, "_id": f"{name}-{i}", "_flag": wrong.get((name, i), "").strip()}
            for i, r in enumerate(review.rows[name], start=1)
        ]
        for name in FINDINGS
    }
    located = {m["text"] for m, _ in misses}
    return {
        "review": review,
        "row": review.row,
        "html": highlight(review.text, marks_of(review, wrong, misses)),
        "rows": rows,
        "missed": [m for m in review.mismatches if m["error"] == "false negative"],
        "located": located,
        "prev": neighbours[0],
        "next": neighbours[1],
        "wrong": [m for m in review.mismatches if m["error"].startswith("wrong")],
    }


def index_view(tables: dict[str, list[dict[str, str]]], reviews: list[DocReview], evaluation) -> dict[str, Any]:
    statuses = Counter(r.row["status"] for r in reviews)
    return {
        "reviews": reviews,
        "statuses": dict(sorted(statuses.items())),
        "failures": [r for r in reviews if r.row["status"] == "error"],
        "counts": {name: len(tables[name]) for name in FINDINGS},
        "organisations": _organisations(tables["organisations"]),
        "network": json.dumps(_network(tables["partnerships"], tables["organisations"]), ensure_ascii=False),
        "goals_chart": json.dumps(_goals_chart(tables["goals"]), ensure_ascii=False),
        "scores": _scores(evaluation),
    }


def _organisations(rows: list[dict[str, str]]) -> list[dict[str, Any]]:
    by_id: dict[str, dict[str, Any]] = {}
    for r in rows:
        o = by_id.setdefault(
            r["org_id"],
            {
                "org_id": r["org_id"],
                "name": r["name"],
                "kind": r["kind"],
                "acronym": r["acronym"],
                "ror": r.get("ror", ""),
                "wikidata": r.get("wikidata", ""),
                "documents": set(),
                "mentions": 0,
            },
        )
        o["documents"].add(r["doc_id"])
        o["mentions"] += int(r["n_mentions"] or 0)
    return sorted(
        ({**o, "documents": len(o["documents"])} for o in by_id.values()),
        key=lambda o: (-o["documents"], o["name"].casefold()),
    )


def _network(partnerships: list[dict[str, str]], organisations: list[dict[str, str]]) -> dict[str, Any]:
    """Organisations that take part in a partnership (nodes) and the partnerships between them:
    an edge per pair of parties, one for all the partnerships of that pair with the same kind,
    status and year (its weight is their number; it lists their documents)."""
    kinds = {r["org_id"]: r["kind"] for r in organisations}
    nodes: dict[str, dict[str, Any]] = {}
    edges: dict[tuple[str, ...], dict[str, Any]] = {}
    for p in partnerships:
        if not p["party_ids"]:
            continue
        ids, names = p["party_ids"].split("|"), p["parties"].split("|")
        for org_id, name in zip(ids, names, strict=True):
            nodes.setdefault(org_id, {"id": org_id, "label": name, "kind": kinds.get(org_id, "other"), "degree": 0})
        year = (p["date"] or "")[:4]
        for a, b in [(a, b) for i, a in enumerate(ids) for b in ids[i + 1 :]] or [(ids[0], ids[0])]:
            edge = edges.setdefault(
                (a, b, p["kind"], p["status"], year),
                {
                    "id": f"e{len(edges) + 1}",
                    "source": a,
                    "target": b,
                    "kind": p["kind"],
                    "status": p["status"],
                    "year": year,
                    "weight": 0,
                    "docs": [],
                },
            )
            edge["weight"] += 1
            if p["doc_id"] not in edge["docs"]:
                edge["docs"].append(p["doc_id"])
    for edge in edges.values():
        nodes[edge["source"]]["degree"] += 1
        nodes[edge["target"]]["degree"] += edge["source"] != edge["target"]
    return {"nodes": list(nodes.values()), "edges": list(edges.values())}


def _goals_chart(goals: list[dict[str, str]]) -> dict[str, Any]:
    """Goals counted by horizon (the year by which, or the end of the period) and theme."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for g in goals:
        horizon = g["horizon"]
        year = (horizon.split("/")[-1] or horizon.split("/")[0])[:4] if horizon else "no horizon"
        counts[g["theme"]][year] += 1
    years = sorted({y for c in counts.values() for y in c}, key=lambda y: (y == "no horizon", y))
    return {"labels": years, "themes": {t: [counts[t][y] for y in years] for t in sorted(counts)}}


def _scores(evaluation) -> list[dict[str, Any]] | None:
    if evaluation is None:
        return None
    metrics = evaluation.metrics()
    out = []
    for name, m in metrics.items():
        if isinstance(m, dict):
            attributes = " · ".join(
                f"{k.removesuffix('_accuracy')} {v:.3f}"
                for k, v in m.items()
                if k.endswith("_accuracy") and isinstance(v, float)
            )
            out.append(
                {
                    "table": name,
                    "precision": m.get("precision", 0.0),
                    "recall": m.get("recall", 0.0),
                    "f1": m.get("f1", 0.0),
                    "tp": m.get("tp", 0),
                    "fp": m.get("fp", 0),
                    "fn": m.get("fn", 0),
                    "attributes": attributes,
                }
            )
    return out


# -- files ---------------------------------------------------------------------------------------------


def _templates():
    import jinja2

    return jinja2.Environment(
        loader=jinja2.PackageLoader("extract", "report_templates"),
        autoescape=jinja2.select_autoescape(["html", "j2"]),
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )


def _write_assets(target: Path) -> None:
    assets = target / "assets"
    assets.mkdir(parents=True, exist_ok=True)
    source = files("extract") / "report_assets"
    for name in ASSETS:
        with (source / name).open("rb") as f, open(assets / name, "wb") as g:
            shutil.copyfileobj(f, g)
