"""The pipeline on corpus/: the five tables of SPEC §1, reproducible, committed, and above the floors."""
import csv
import difflib
import filecmp
import tomllib

from conftest import ROOT

from extract.columns import TABLES
from extract.evaluate import evaluate
from extract.tablestore import read_table

FLOORS = ROOT / "tests" / "floors.toml"


def test_the_five_tables_have_the_spec_columns(corpus_outputs):
    out, summary = corpus_outputs
    assert summary.n_error == 0 and summary.n_documents == len(list((ROOT / "corpus" / "texts").rglob("*.*")))
    for name, columns in TABLES.items():
        with open(out / f"{name}.csv", encoding="utf-8", newline="") as f:
            assert next(csv.reader(f)) == columns, name


def test_rows_are_sorted_by_document_then_position(corpus_outputs):
    out, _ = corpus_outputs
    for name in ("organisations", "dates", "partnerships", "goals"):
        rows = read_table(out / f"{name}.csv")
        keys = [(r["doc_id"], int(r["start"])) for r in rows]
        assert keys == sorted(keys), name


def test_offsets_point_at_the_text_of_each_row(corpus_outputs):
    out, _ = corpus_outputs
    texts = {p.relative_to(ROOT / "corpus" / "texts").with_suffix("").as_posix(): p.read_text(encoding="utf-8")
             for p in (ROOT / "corpus" / "texts").rglob("*.*")}
    for name, field in (("dates", "text"), ("goals", "text"), ("partnerships", "evidence")):
        for r in read_table(out / f"{name}.csv"):
            assert texts[r["doc_id"]][int(r["start"]):int(r["end"])] == r[field], (name, r)


def test_a_second_run_is_byte_identical(corpus_outputs, tmp_path, nlp):
    import os

    from extract.run import run

    out, _ = corpus_outputs
    here = os.getcwd()
    os.chdir(ROOT)
    try:
        run(["corpus"], tmp_path, nlp=nlp)
    finally:
        os.chdir(here)
    for name in TABLES:
        assert filecmp.cmp(out / f"{name}.csv", tmp_path / f"{name}.csv", shallow=False), name


def row_differences(new_path, committed_path, limit: int = 10) -> str:
    """The rows one table has and the other lacks, as a reader of the failure needs them."""
    new = new_path.read_text(encoding="utf-8").splitlines()
    old = committed_path.read_text(encoding="utf-8").splitlines()
    lines = [row for row in difflib.unified_diff(old, new, lineterm="", n=0)
             if row[:1] in "+-" and not row.startswith(("+++", "---"))]
    more = f"\n  … and {len(lines) - limit} more" if len(lines) > limit else ""
    return "\n  ".join(["(- committed, + now)", *lines[:limit]]) + more


def test_committed_outputs_are_those_of_the_current_rules(corpus_outputs):
    """outputs/ is committed so that rule changes show as diffs: regenerate it with `make run`."""
    out, _ = corpus_outputs
    stale = {name: row_differences(out / f"{name}.csv", ROOT / "outputs" / f"{name}.csv") for name in TABLES
             if not filecmp.cmp(out / f"{name}.csv", ROOT / "outputs" / f"{name}.csv", shallow=False)}
    assert not stale, "outputs/ is stale (run `make run` and commit it):\n" + "\n".join(
        f"{name}.csv\n  {rows}" for name, rows in stale.items())


def test_the_difference_report_names_the_rows(tmp_path):
    (tmp_path / "old.csv").write_text("doc_id,name\na,X\nb,Y\n", encoding="utf-8")
    (tmp_path / "new.csv").write_text("doc_id,name\na,X\nb,Z\n", encoding="utf-8")
    assert row_differences(tmp_path / "new.csv", tmp_path / "old.csv") == "(- committed, + now)\n  -b,Y\n  +b,Z"


def _score(scores, name: str) -> float:
    """``goals_f1`` is a table's F1; ``goals_actor_accuracy`` the accuracy of one of its attributes."""
    if name.endswith("_f1"):
        return scores[name.removesuffix("_f1")].f1
    table, attribute = name.removesuffix("_accuracy").split("_", 1)
    correct, total = scores[table].attributes[attribute]
    return correct / total if total else 0.0


def test_scores_stay_above_the_committed_floors(corpus_outputs, tmp_path):
    out, _ = corpus_outputs
    result = evaluate(ROOT / "corpus" / "gold", ROOT / "corpus" / "texts", out, tmp_path)
    floors = tomllib.loads(FLOORS.read_text(encoding="utf-8"))
    assert set(floors) == set(result.groups), "every scoring group needs its floors in tests/floors.toml"
    failures = []
    for group, table_floors in floors.items():
        for name, floor in table_floors.items():
            got = _score(result.groups[group], name)
            if got < floor:
                failures.append(f"{group}: {name} = {got:.3f} < floor {floor}")
    assert not failures, "; ".join(failures)
