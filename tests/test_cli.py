"""The command line: thin wrappers, exit codes, files written."""
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from extract.cli import app

runner = CliRunner()


def test_evaluate_writes_metrics_and_mismatches(corpus_outputs, tmp_path):
    out, _ = corpus_outputs
    result = runner.invoke(app, ["evaluate", "--gold", str(ROOT / "corpus" / "gold"), "--texts",
                                 str(ROOT / "corpus" / "texts"), "--pred", str(out), "--out", str(tmp_path)])
    assert result.exit_code == 0, result.output
    assert "group: dev" in result.output and "group: top level" in result.output
    metrics = json.loads((tmp_path / "metrics.json").read_text(encoding="utf-8"))
    assert list(metrics) == ["organisations", "dates", "dates_normalised", "partnerships", "goals", "publication_date"]
    for name, m in metrics.items():
        assert {"precision", "recall", "f1", "tp", "fp", "fn"} <= set(m), name
    assert {"kind_accuracy", "name_accuracy"} <= set(metrics["organisations"])
    assert {"kind_accuracy", "status_accuracy", "date_accuracy"} <= set(metrics["partnerships"])
    assert {"actor_accuracy", "theme_accuracy", "horizon_accuracy"} <= set(metrics["goals"])
    header = (tmp_path / "mismatches.csv").read_text(encoding="utf-8").splitlines()[0]
    assert header == "table,doc_id,error,text,expected,predicted,evidence"


def test_evaluate_rejects_malformed_gold(corpus_outputs, tmp_path):
    out, _ = corpus_outputs
    gold = tmp_path / "gold"
    shutil.copytree(ROOT / "corpus" / "gold", gold)
    path = gold / "000_a7b092c0aea6cb72.yaml"
    broken = path.read_text(encoding="utf-8").replace("kind: university", "kind: universite", 1)
    path.write_text(broken, encoding="utf-8")
    result = runner.invoke(app, ["evaluate", "--gold", str(gold), "--texts", str(ROOT / "corpus" / "texts"),
                                 "--pred", str(out), "--out", str(tmp_path / "eval")])
    assert result.exit_code == 2
    assert "000_a7b092c0aea6cb72.yaml: organisations[1]" in result.output and "'universite'" in result.output


@pytest.mark.slow   # runs the pipeline
def test_run_exit_codes_and_error_rows(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "ok.txt").write_text("L'Université de Lille signe un accord avec le CNRS.", encoding="utf-8")
    (docs / "empty.txt").write_text("", encoding="utf-8")
    (docs / "scan.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = runner.invoke(app, ["run", str(docs), "--out", str(tmp_path / "out"), "--quiet"])
    assert result.exit_code == 1                       # a document failed; the others are processed
    rows = (tmp_path / "out" / "documents.csv").read_text(encoding="utf-8").splitlines()
    assert [r.split(",")[0] for r in rows[1:]] == ["empty", "ok", "scan"]
    assert ",empty," in rows[1] and ",ok," in rows[2] and ",error,PDF" in rows[3]


def test_run_refuses_an_invalid_rule_folder(tmp_path):
    patterns = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", patterns)
    (patterns / "themes.jsonl").write_text('{"theme": "sport", "stems": ["x"]}\n', encoding="utf-8")
    (tmp_path / "a.txt").write_text("Texte.", encoding="utf-8")
    result = runner.invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(tmp_path / "out"),
                                 "--patterns", str(patterns)])
    assert result.exit_code == 2
    assert "themes.jsonl:1: 'theme' is 'sport'" in result.output
    assert not (tmp_path / "out" / "documents.csv").exists()


@pytest.mark.slow   # runs the pipeline
def test_gold_draft(tmp_path):
    doc = tmp_path / "note.txt"
    doc.write_text("Publié le 3 mai 2024\n\nL'Université de Lille et le CNRS ont signé un accord.", encoding="utf-8")
    result = runner.invoke(app, ["gold-draft", str(doc), "--out", str(tmp_path / "note.yaml")])
    assert result.exit_code == 0, result.output
    draft = (tmp_path / "note.yaml").read_text(encoding="utf-8")
    assert "doc_id: note" in draft and 'publication_date: "2024-05-03"' in draft and "kind: agreement" in draft


@pytest.mark.slow   # runs the pipeline
def test_run_strict_exits_at_the_first_failure(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("L'Université de Lille signe un accord avec le CNRS.", encoding="utf-8")
    (docs / "b.pdf").write_bytes(b"%PDF-1.4 truncated")
    result = runner.invoke(app, ["run", str(docs), "--out", str(tmp_path / "out"), "--quiet", "--strict"])
    assert result.exit_code == 1
    assert "error: --strict: b: PDF is damaged or truncated" in result.output
    assert not (tmp_path / "out" / "documents.csv").exists()


def test_report_export_and_import_commands(corpus_outputs, tmp_path):
    out, summary = corpus_outputs
    n = summary.n_documents                          # one page per document of the corpus
    texts = str(ROOT / "corpus" / "texts")
    result = runner.invoke(app, ["report", str(out), "--texts", texts, "--to", str(tmp_path / "report")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"written: {tmp_path / 'report'}/index.html ({n} document pages)"
    pages = list((tmp_path / "report" / "docs").glob("*.html"))
    assert len(pages) == n == sum(p.is_file() for p in Path(texts).rglob("*"))
    to = str(tmp_path / "ls" / "t.json")
    result = runner.invoke(app, ["export-labelstudio", str(out), "--texts", texts, "--to", to])
    assert result.exit_code == 0, result.output
    tasks = json.loads((tmp_path / "ls" / "t.json").read_text(encoding="utf-8"))
    assert len(tasks) == n and (tmp_path / "ls" / "label_config.xml").exists()
    for n, task in enumerate(tasks[:3], start=1):   # three tasks accepted as predicted, as Label Studio exports them
        task.update(id=n, annotations=[{"id": n, "result": task["predictions"][0]["result"], "was_cancelled": False}])
    (tmp_path / "export.json").write_text(json.dumps(tasks), encoding="utf-8")
    result = runner.invoke(app, ["import-labelstudio", str(tmp_path / "export.json"), "--out", str(tmp_path / "gold")])
    assert result.exit_code == 0, result.output
    assert result.output.strip() == f"written: 3 gold files into {tmp_path / 'gold'}"


def test_report_and_import_refuse_what_is_not_there(tmp_path):
    result = runner.invoke(app, ["report", str(tmp_path)])
    assert result.exit_code == 2 and "documents.csv not found" in result.output
    (tmp_path / "bad.json").write_text('{"not": "a list"}', encoding="utf-8")
    result = runner.invoke(app, ["import-labelstudio", str(tmp_path / "bad.json"), "--out", str(tmp_path / "g")])
    assert result.exit_code == 2 and "not a Label Studio JSON export" in result.output


@pytest.mark.slow   # runs the pipeline
def test_run_with_report_writes_both(tmp_path):
    doc = tmp_path / "docs" / "release.txt"
    doc.parent.mkdir()
    shutil.copy(ROOT / "corpus" / "texts" / "dev" / "01_accord_cadre_lille_inria.txt", doc)
    result = runner.invoke(app, ["run", str(doc.parent), "--out", str(tmp_path / "out"), "--report", "--quiet"])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out" / "documents.csv").exists()
    page = (tmp_path / "out" / "report" / "docs" / "00001.html").read_text(encoding="utf-8")
    assert "Inria" in page and 'class="m-org' in page
