"""Score the tables against gold annotations, exactly as SPEC §5 says.

Per document, then summed over the corpus (micro-average). Text is compared
on :func:`normalise.key`. Matching is one-to-one; wherever it is by score,
ties go to a required gold entry before an optional one, then to the earlier
entry. Optional gold entries are removed, with the predictions that match
them, before counting.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from .gold import GoldDoc, load_gold_dir
from .normalise import content_words as words
from .normalise import dice, key
from .tablestore import guard_cell, read_table, write_atomic

TABLE_NAMES = ("organisations", "dates", "dates_normalised", "partnerships", "goals", "publication_date")
MISMATCH_COLUMNS = ["table", "doc_id", "error", "text", "expected", "predicted", "evidence"]


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    attributes: dict[str, list[int]] = field(default_factory=dict)   # name -> [correct, total]

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def attr(self, name: str, correct: bool) -> None:
        c = self.attributes.setdefault(name, [0, 0])
        c[0] += int(correct)
        c[1] += 1

    def add(self, other: "Score") -> None:
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        for name, (c, t) in other.attributes.items():
            mine = self.attributes.setdefault(name, [0, 0])
            mine[0] += c
            mine[1] += t

    def as_dict(self) -> dict[str, Any]:
        out: dict[str, Any] = {"precision": round(self.precision, 4), "recall": round(self.recall, 4),
                               "f1": round(self.f1, 4), "tp": self.tp, "fp": self.fp, "fn": self.fn}
        for name, (c, t) in sorted(self.attributes.items()):
            out[f"{name}_accuracy"] = round(c / t, 4) if t else None
        return out


def new_scores(attributes: dict[str, tuple[str, ...]] | None = None) -> dict[str, Score]:
    attributes = attributes or ATTRIBUTES
    scores = {}
    for name in TABLE_NAMES:
        s = Score()
        for a in attributes.get(name, ()):
            s.attributes[a] = [0, 0]
        scores[name] = s
    return scores


ATTRIBUTES = {
    "organisations": ("kind", "name"),
    "dates_normalised": ("value",),
    "partnerships": ("kind", "status", "date"),
    "goals": ("actor", "theme", "horizon"),
    "publication_date": ("value",),
}


# -- matching ------------------------------------------------------------------------
def _greedy(candidates: list[tuple[tuple, int, int]]) -> list[tuple[int, int]]:
    """One-to-one pairs (gold, pred) from candidates sorted by their priority tuple."""
    used_g, used_p, pairs = set(), set(), []
    for _, g, p in sorted(candidates, key=lambda c: c[0]):
        if g in used_g or p in used_p:
            continue
        used_g.add(g)
        used_p.add(p)
        pairs.append((g, p))
    return pairs


def pred_org_keys(row: dict[str, str]) -> set[str]:
    forms = [row.get("name", ""), row.get("acronym", "")] + (row.get("mentions", "") or "").split("|")
    return {key(f) for f in forms if key(f)}


def match_organisations(gold: GoldDoc, preds: list[dict[str, str]]) -> list[tuple[int, int]]:
    """Exact canonical-name matches first, then any shared name, acronym, alias or mention."""
    order = lambda g: (gold.organisations[g].optional, g)  # noqa: E731
    cands = []
    for g, org in enumerate(gold.organisations):
        gk = org.keys
        for p, row in enumerate(preds):
            if key(row.get("name", "")) == key(org.name):
                cands.append(((0, *order(g), p), g, p))
            elif pred_org_keys(row) & gk:
                cands.append(((1, *order(g), p), g, p))
    return _greedy(cands)


@dataclass
class DocPreds:
    organisations: list[dict[str, str]] = field(default_factory=list)
    dates: list[dict[str, str]] = field(default_factory=list)
    partnerships: list[dict[str, str]] = field(default_factory=list)
    goals: list[dict[str, str]] = field(default_factory=list)
    publication_date: str = ""


def _leftovers(pairs: list[tuple[int, int]], preds: list, golds: list) -> tuple[list[int], list[int]]:
    """Predictions no gold matched (false positives) and required gold entries no
    prediction matched (false negatives); a prediction matched to an optional entry is neither."""
    matched_p = {p for _, p in pairs}
    matched_g = {g for g, _ in pairs}
    return ([p for p in range(len(preds)) if p not in matched_p],
            [g for g, entry in enumerate(golds) if not entry.optional and g not in matched_g])


@dataclass
class _DocEvaluation:
    """The scores and mismatches of one document, table by table (SPEC §5)."""

    gold: GoldDoc
    pred: DocPreds
    scores: dict[str, Score] = field(default_factory=new_scores)
    mism: list[dict[str, str]] = field(default_factory=list)
    org_map: dict[str, int] = field(default_factory=dict)   # predicted org_id -> gold organisation index

    def miss(self, table: str, error: str, text: str, expected: str = "", predicted: str = "",
             evidence: str = "") -> None:
        self.mism.append({"table": table, "doc_id": self.gold.doc_id, "error": error, "text": text,
                          "expected": expected, "predicted": predicted, "evidence": evidence})

    def check(self, table: str, attr: str, ok: bool, text: str, expected: str, predicted: str,
              evidence: str = "") -> None:
        self.scores[table].attr(attr, ok)
        if not ok:
            self.miss(table, f"wrong {attr}", text, expected, predicted, evidence)

    def leftovers(self, table: str, pairs: list[tuple[int, int]], preds: list, golds: list,
                  fp: Callable[[dict], tuple], fn: Callable[[Any], tuple], also: Score | None = None) -> None:
        """Count and list what no match took: predictions (false positives) and required gold
        entries (false negatives); ``fp``/``fn`` give a mismatch's text, expected, predicted, evidence."""
        counted = [self.scores[table]] + ([also] if also is not None else [])
        fps, fns = _leftovers(pairs, preds, golds)
        for p in fps:
            for s in counted:
                s.fp += 1
            self.miss(table, "false positive", *fp(preds[p]))
        for g in fns:
            for s in counted:
                s.fn += 1
            self.miss(table, "false negative", *fn(golds[g]))

    def org_of(self, org_id: str, name: str) -> Any:
        """A predicted organisation as a gold organisation index, else as itself."""
        if org_id in self.org_map:
            return self.org_map[org_id]
        row = next((r for r in self.pred.organisations if r.get("org_id") == org_id), None)
        keys = pred_org_keys(row) if row else {key(name)}
        for g, go in enumerate(self.gold.organisations):
            if keys & go.keys:
                return g
        return f"pred:{org_id or key(name)}"

    def organisations(self) -> None:
        """Organisations matched by name keys; their kind and name."""
        s = self.scores["organisations"]
        pairs = match_organisations(self.gold, self.pred.organisations)
        for g, p in pairs:
            self.org_map[self.pred.organisations[p].get("org_id", "")] = g
        for g, p in pairs:
            go, row = self.gold.organisations[g], self.pred.organisations[p]
            if go.optional:
                continue
            s.tp += 1
            self.check("organisations", "kind", row.get("kind") == go.kind, go.name, go.kind, row.get("kind", ""))
            self.check("organisations", "name", key(row.get("name", "")) == key(go.name), go.name, go.name,
                       row.get("name", ""))
        self.leftovers("organisations", pairs, self.pred.organisations, self.gold.organisations,
                       lambda row: (row.get("name", ""), "", row.get("mentions", "")),
                       lambda go: (go.name, ", ".join(sorted(go.keys))))

    def dates(self) -> None:
        """Dates matched by overlap; their normalised value."""
        sd, sn = self.scores["dates"], self.scores["dates_normalised"]
        cands = []
        for g, gd in enumerate(self.gold.dates):
            for p, row in enumerate(self.pred.dates):
                ps, pe = int(row["start"]), int(row["end"])
                overlap = min(pe, gd.end) - max(ps, gd.start)
                if overlap > 0:
                    cands.append(((gd.optional, g, -overlap, p), g, p))
        pairs = _greedy(cands)
        for g, p in pairs:
            gd, row = self.gold.dates[g], self.pred.dates[p]
            if gd.optional:
                continue
            sd.tp += 1
            same = key(row.get("value", "")) == key(gd.value)
            sn.tp += int(same)
            sn.fp += int(not same)
            sn.fn += int(not same)
            sn.attr("value", row.get("value", "") == gd.value)
            if not same:
                self.miss("dates", "wrong value", gd.text, gd.value, row.get("value", ""), row.get("sentence", ""))
        self.leftovers("dates", pairs, self.pred.dates, self.gold.dates,
                       lambda row: (row.get("text", ""), "", row.get("value", ""), row.get("sentence", "")),
                       lambda gd: (gd.text, gd.value), also=sn)

    def partnerships(self) -> None:
        """Partnerships matched by their parties (Jaccard ≥ 0.5); kind, status and date."""
        sp = self.scores["partnerships"]
        gsets = [set(gp.parties) for gp in self.gold.partnerships]
        psets = []
        for row in self.pred.partnerships:
            ids = [i for i in (row.get("party_ids") or "").split("|") if i]
            names = [n for n in (row.get("parties") or "").split("|") if n]
            if len(ids) == len(names):
                psets.append({self.org_of(i, n) for i, n in zip(ids, names, strict=True)})
            else:
                psets.append({self.org_of("", n) for n in names})
        cands = []
        for g, gp in enumerate(self.gold.partnerships):
            for p, row in enumerate(self.pred.partnerships):
                union = gsets[g] | psets[p]
                jac = len(gsets[g] & psets[p]) / len(union) if union else 0.0
                if jac >= 0.5:
                    agree = row.get("kind") == gp.kind and row.get("status") == gp.status
                    cands.append(((-jac, not agree, gp.optional, g, p), g, p))
        pairs = _greedy(cands)
        for g, p in pairs:
            gp, row = self.gold.partnerships[g], self.pred.partnerships[p]
            if gp.optional:
                continue
            sp.tp += 1
            parties, evidence = " + ".join(gp.party_names), row.get("evidence", "")
            for attr, expected in (("kind", gp.kind), ("status", gp.status)):
                self.check("partnerships", attr, row.get(attr) == expected, parties, expected, row.get(attr, ""),
                           evidence)
            self.check("partnerships", "date", key(row.get("date", "")) == key(gp.date), parties, gp.date,
                       row.get("date", ""), evidence)
        self.leftovers("partnerships", pairs, self.pred.partnerships, self.gold.partnerships,
                       lambda row: (row.get("parties", ""), "", row.get("kind", ""), row.get("evidence", "")),
                       lambda gp: (" + ".join(gp.party_names), gp.kind, "", gp.evidence))

    def goals(self) -> None:
        """Goals matched by their words (Dice ≥ 0.5); actor, theme and horizon."""
        sg = self.scores["goals"]
        gwords = [words(gg.text) for gg in self.gold.goals]
        pwords = [words(row.get("text", "")) for row in self.pred.goals]
        cands = []
        for g, gg in enumerate(self.gold.goals):
            for p in range(len(self.pred.goals)):
                d = dice(gwords[g], pwords[p])
                if d >= 0.5:
                    cands.append(((-d, gg.optional, g, p), g, p))
        pairs = _greedy(cands)
        for g, p in pairs:
            gg, row = self.gold.goals[g], self.pred.goals[p]
            if gg.optional:
                continue
            sg.tp += 1
            evidence = row.get("evidence", "")
            pred_actor = self.org_of(row.get("actor_id", ""), row.get("actor", "")) if row.get("actor") else None
            self.check("goals", "actor", pred_actor == gg.actor, gg.text, gg.actor_name, row.get("actor", ""), evidence)
            self.check("goals", "theme", row.get("theme") == gg.theme, gg.text, gg.theme, row.get("theme", ""),
                       evidence)
            self.check("goals", "horizon", key(row.get("horizon", "")) == key(gg.horizon), gg.text, gg.horizon,
                  row.get("horizon", ""), evidence)
        self.leftovers("goals", pairs, self.pred.goals, self.gold.goals,
                       lambda row: (row.get("text", ""), "", row.get("trigger", ""), row.get("evidence", "")),
                       lambda gg: (gg.text, gg.theme))

    def publication_date(self) -> None:
        """The publication date the text states."""
        su = self.scores["publication_date"]
        expected, got = self.gold.publication_date, self.pred.publication_date
        if expected and got == expected:
            su.tp += 1
        else:
            su.fp += int(bool(got))
            su.fn += int(bool(expected))
        su.attr("value", got == expected)
        if got != expected:
            self.miss("publication_date", "wrong value", self.gold.doc_id, expected, got)


def evaluate_document(gold: GoldDoc, pred: DocPreds) -> tuple[dict[str, Score], list[dict[str, str]]]:
    """Scores of one document and its mismatches."""
    ev = _DocEvaluation(gold, pred)
    ev.organisations()
    ev.dates()
    ev.partnerships()
    ev.goals()
    ev.publication_date()
    return ev.scores, ev.mism


def read_predictions(pred_dir: str | Path) -> dict[str, DocPreds]:
    """The five tables of a run, grouped by ``doc_id`` (guarded or raw cells, see :mod:`tablestore`)."""
    root = Path(pred_dir)
    out: dict[str, DocPreds] = {}
    for name in ("documents", "organisations", "dates", "partnerships", "goals"):
        path = root / f"{name}.csv"
        if not path.exists():
            raise FileNotFoundError(f"{path}: prediction table not found (run 'extract run' first)")
        for row in read_table(path):
            dp = out.setdefault(row["doc_id"], DocPreds())
            if name == "documents":
                dp.publication_date = row.get("publication_date", "")
            else:
                getattr(dp, name).append(row)
    return out


def group_of(doc_id: str) -> str:
    """Documents in sub-folders are scored per sub-folder too (``dev/…`` → ``dev``)."""
    return doc_id.split("/", 1)[0] if "/" in doc_id else "top level"


@dataclass
class Evaluation:
    overall: dict[str, Score]
    groups: dict[str, dict[str, Score]]
    mismatches: list[dict[str, str]]
    n_documents: int
    unscored: list[str]

    def metrics(self, scores: dict[str, Score] | None = None) -> dict[str, Any]:
        return {name: s.as_dict() for name, s in (scores or self.overall).items()}


def evaluate(gold_dir: str | Path = "corpus/gold", texts_dir: str | Path = "corpus/texts",
             pred_dir: str | Path = "outputs", out_dir: str | Path | None = "outputs/eval") -> Evaluation:
    """Score ``pred_dir`` against every gold file; write ``metrics.json``,
    ``metrics_by_group.json`` and ``mismatches.csv`` into ``out_dir``."""
    golds = load_gold_dir(gold_dir, texts_dir)
    preds = read_predictions(pred_dir)
    overall = new_scores()
    groups: dict[str, dict[str, Score]] = {}
    mismatches: list[dict[str, str]] = []
    for gold in golds:
        scores, mism = evaluate_document(gold, preds.get(gold.doc_id, DocPreds()))
        group = groups.setdefault(group_of(gold.doc_id), new_scores())
        for name in TABLE_NAMES:
            overall[name].add(scores[name])
            group[name].add(scores[name])
        mismatches.extend(mism)
    unscored = sorted(set(preds) - {g.doc_id for g in golds})
    result = Evaluation(overall, dict(sorted(groups.items())), mismatches, len(golds), unscored)
    if out_dir is not None:
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        write_atomic(out / "metrics.json", json.dumps(result.metrics(), indent=2, ensure_ascii=False) + "\n")
        by_group = {g: result.metrics(s) for g, s in result.groups.items()}
        write_atomic(out / "metrics_by_group.json", json.dumps(by_group, indent=2, ensure_ascii=False) + "\n")
        _write_mismatches(out / "mismatches.csv", mismatches)
    return result


def _write_mismatches(path: Path, rows: list[dict[str, str]]) -> None:
    text = io.StringIO()
    w = csv.DictWriter(text, fieldnames=MISMATCH_COLUMNS, lineterminator="\n")
    w.writeheader()
    w.writerows({k: guard_cell(v) for k, v in row.items()} for row in rows)
    write_atomic(path, text.getvalue())


def format_report(ev: Evaluation) -> str:
    """The scores as a readable table: all documents, then each group."""
    lines = []
    sections = [("all documents", ev.overall)] + ([(f"group: {g}", s) for g, s in ev.groups.items()]
                                                  if len(ev.groups) > 1 else [])
    for title, scores in sections:
        lines.append(f"== {title}")
        lines.append(f"{'table':<18}{'P':>7}{'R':>7}{'F1':>7}{'TP':>6}{'FP':>5}{'FN':>5}  attributes")
        for name in TABLE_NAMES:
            s = scores[name]
            attrs = "  ".join(f"{a} {c / t:.2f}" for a, (c, t) in sorted(s.attributes.items()) if t)
            lines.append(f"{name:<18}{s.precision:>7.3f}{s.recall:>7.3f}{s.f1:>7.3f}"
                         f"{s.tp:>6}{s.fp:>5}{s.fn:>5}  {attrs}")
        lines.append("")
    lines.append(f"{ev.n_documents} gold documents; {len(ev.mismatches)} mismatches listed.")
    if ev.unscored:
        lines.append(f"{len(ev.unscored)} predicted documents have no gold file (not scored).")
    return "\n".join(lines)
