"""Label Studio both ways (issue 11 §2): the pipeline's findings exported as pre-annotated tasks
come back, once accepted unchanged, as gold that scores 1.000 on every table — through our own
converter, and through a real Label Studio server started here."""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, free_port

from extract.evaluate import evaluate
from extract.labelstudio import LabelStudioError, export_tasks, import_export, label_config, write_export
from extract.tablestore import read_table

pytestmark = pytest.mark.slow
LABEL_STUDIO = ROOT / ".venv-ls" / "bin" / "label-studio"
TOKEN = "0123456789abcdef0123456789abcdef01234567"


def accepted(tasks: list[dict]) -> list[dict]:
    """What Label Studio exports once an annotator accepted every prediction unchanged."""
    out = []
    for n, task in enumerate(copy.deepcopy(tasks), start=1):
        task["id"] = n
        task["annotations"] = [{"id": n, "result": task["predictions"][0]["result"], "was_cancelled": False}]
        out.append(task)
    return out


def assert_perfect(gold_dir: Path, doc_ids: set[str]) -> None:
    ev = evaluate(gold_dir, ROOT / "corpus" / "texts", ROOT / "outputs", None)
    assert ev.n_documents == len(doc_ids)
    for table, metrics in ev.metrics().items():
        if isinstance(metrics, dict):
            assert metrics["f1"] == 1.0, (table, metrics)
            assert all(v == 1.0 for k, v in metrics.items() if k.endswith("_accuracy")), (table, metrics)
    assert ev.mismatches == []


def test_the_round_trip_gives_1_on_every_table(tmp_path):
    tasks = export_tasks(ROOT / "outputs", ROOT / "corpus" / "texts")
    analysed = [r for r in read_table(ROOT / "outputs" / "documents.csv") if r["status"] == "ok"]
    assert len(tasks) == len(analysed) > 30 and all(t["predictions"][0]["result"] for t in tasks)
    written = import_export(accepted(tasks), tmp_path / "gold")
    assert len(written) == len(tasks)
    assert_perfect(tmp_path / "gold", {t["data"]["doc_id"] for t in tasks})


def test_the_config_names_every_field_the_tasks_use(tmp_path):
    tasks = export_tasks(ROOT / "outputs", ROOT / "corpus" / "texts")
    config = write_export(tasks, tmp_path / "tasks.json")
    root = ET.fromstring(config.read_text(encoding="utf-8"))
    names = {el.get("name") for el in root.iter() if el.get("name")}
    labels = {el.get("value") for el in root.iter("Label")}
    used = {r["from_name"] for t in tasks for r in t["predictions"][0]["result"] if "from_name" in r}
    used_labels = {
        lab for t in tasks for r in t["predictions"][0]["result"] for lab in r.get("value", {}).get("labels", [])
    }
    assert used <= names and used_labels <= labels
    assert json.loads((tmp_path / "tasks.json").read_text(encoding="utf-8")) == tasks


def _one_task():
    (task,) = accepted(
        [
            t
            for t in export_tasks(ROOT / "outputs", ROOT / "corpus" / "texts")
            if t["data"]["doc_id"] == "dev/01_accord_cadre_lille_inria"
        ]
    )
    return task


def unknown_label(result):
    next(r for r in result if r.get("type") == "labels")["value"]["labels"] = ["PERSON"]


def no_relations(result):
    result[:] = [r for r in result if r.get("type") != "relation"]


def unknown_theme(result):
    next(r for r in result if r.get("from_name") == "goal_theme")["value"]["choices"] = ["sport"]


def outside(result):
    next(r for r in result if r.get("type") == "labels")["value"]["end"] = 10**6


@pytest.mark.parametrize(
    "damage, fault",
    [
        (unknown_label, "label ['PERSON'] is not one of"),
        (no_relations, "a partnership needs 'party' relations"),
        (unknown_theme, "goal_theme 'sport' is not one of"),
        (outside, "offsets .* are outside the text"),
    ],
)
def test_an_export_that_does_not_fit_names_task_region_and_fault(tmp_path, damage, fault):
    task = _one_task()
    damage(task["annotations"][0]["result"])
    with pytest.raises(
        LabelStudioError, match=r"^task 1, region \w+.*" + fault.replace("[", r"\[").replace("]", r"\]")
    ):
        import_export([task], tmp_path / "gold")


def test_unannotated_and_cancelled_tasks_give_no_gold(tmp_path):
    task = _one_task()
    cancelled = {**task, "annotations": [{**task["annotations"][0], "was_cancelled": True}]}
    assert import_export([{**task, "annotations": []}, cancelled], tmp_path / "gold") == []


# -- the real Label Studio -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def label_studio(tmp_path_factory):
    if not LABEL_STUDIO.exists():
        if os.environ.get("EXTRACT_REQUIRE_LABELSTUDIO"):
            pytest.fail(f"{LABEL_STUDIO} is missing: run `make labelstudio`")
        pytest.skip("Label Studio is not installed here (make labelstudio); `make test` installs and requires it")
    data = tmp_path_factory.mktemp("label-studio")
    port = free_port()
    env = {
        **os.environ,
        "LABEL_STUDIO_USERNAME": "annotator@example.org",
        "LABEL_STUDIO_PASSWORD": "extract-test-pw",
        "LABEL_STUDIO_USER_TOKEN": TOKEN,
        "LABEL_STUDIO_BASE_DATA_DIR": str(data),
    }
    with open(data / "server.log", "w") as log:   # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [
                str(LABEL_STUDIO),
                "start",
                "--no-browser",
                "--port",
                str(port),
                "--internal-host",
                "127.0.0.1",
                "--data-dir",
                str(data),
                "--enable-legacy-api-token",
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            env=env,
            cwd=data,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=2).json().get("status") == "UP":
                break
        except (httpx.TransportError, ValueError):
            time.sleep(1)
    else:
        proc.kill()
        pytest.fail("Label Studio did not start:\n" + (data / "server.log").read_text()[-3000:])
    client = httpx.Client(base_url=base, headers={"Authorization": f"Token {TOKEN}"}, timeout=120)
    yield client
    client.close()
    proc.terminate()
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
    shutil.rmtree(data, ignore_errors=True)


def test_a_real_label_studio_takes_the_tasks_and_its_export_becomes_perfect_gold(label_studio, tmp_path):
    tasks = [
        t
        for t in export_tasks(ROOT / "outputs", ROOT / "corpus" / "texts")
        if t["data"]["doc_id"].startswith(("dev/0", "heldout3/"))
    ]
    project = label_studio.post("/api/projects", json={"title": "extract round trip", "label_config": label_config()})
    assert project.status_code == 201, project.text
    pid = project.json()["id"]
    imported = label_studio.post(f"/api/projects/{pid}/import", json=tasks)
    assert imported.status_code == 201, imported.text
    back = label_studio.get("/api/tasks", params={"project": pid, "page_size": 100, "fields": "all"}).json()["tasks"]
    assert sorted(t["data"]["doc_id"] for t in back) == sorted(t["data"]["doc_id"] for t in tasks)
    for t in back:  # an annotator accepts every prediction unchanged
        (prediction,) = label_studio.get("/api/predictions", params={"task": t["id"]}).json()
        answer = label_studio.post(
            f"/api/tasks/{t['id']}/annotations", json={"result": prediction["result"], "was_cancelled": False}
        )
        assert answer.status_code == 201, answer.text
    export = label_studio.get(f"/api/projects/{pid}/export", params={"exportType": "JSON"})
    assert export.status_code == 200, export.text
    (tmp_path / "export.json").write_bytes(export.content)
    written = import_export(tmp_path / "export.json", tmp_path / "gold")
    assert len(written) == len(tasks)
    assert_perfect(tmp_path / "gold", {t["data"]["doc_id"] for t in tasks})
