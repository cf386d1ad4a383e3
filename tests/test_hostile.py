"""Hostile and broken input (issue 9): each bad file gets its own row, its neighbours
keep full, unchanged rows, and the tables are replaced all at once or not at all.

Every fixture is generated here. Time and memory of the large cases are measured by
``bench/hostile.py``, not asserted here.
"""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import time
from pathlib import Path

import pytest
from files import docx_bomb, pdf_inflating
from test_inputs import RELEASE, by_doc, content, run_on, tables

from extract import run as run_module
from extract.columns import TABLES
from extract.documents import read_document
from extract.limits import MB, Limits
from extract.metadata import Manifest, ManifestError
from extract.run import run
from extract.sources import discover
from extract.tables import table_columns
from extract.tablestore import OutputError, TableWriter, guard_cell, read_table, unguard_cell
from extract.workers import FatalWorkerError

GOOD = "\n\n".join(RELEASE) + "\n"


@pytest.fixture(scope="module")
def reference(tmp_path_factory, nlp):
    """The tables of the good release alone: what a neighbour of a bad file must still get."""
    t, _ = run_on({"good.txt": GOOD}, tmp_path_factory.mktemp("ref"), nlp)
    return content(t)


def assert_neighbour_intact(t, reference, doc_id="good"):
    got = content({name: by_doc(rows, doc_id) for name, rows in t.items()})
    want = content(
        {
            name: [
                {
                    **r,
                    "doc_id": doc_id,
                    **(
                        {"partnership_id": r["partnership_id"].replace("good#", f"{doc_id}#")}
                        if "partnership_id" in r
                        else {}
                    ),
                    **({"goal_id": r["goal_id"].replace("good#", f"{doc_id}#")} if "goal_id" in r else {}),
                }
                for r in rows
            ]
            for name, rows in reference.items()
        }
    )
    assert got == want


def only_row(t, doc_id):
    (row,) = by_doc(t["documents"], doc_id)
    assert "\n" not in row["error"] and len(row["error"]) <= 300
    assert not any(by_doc(t[name], doc_id) for name in ("organisations", "dates", "partnerships", "goals"))
    return row


# -- bounded work per document -----------------------------------------------------------------------


def test_a_docx_zip_bomb_is_refused_while_inflating(tmp_path, nlp, reference):
    bomb = docx_bomb(60)
    assert len(bomb) < 1 * MB
    t, summary = run_on({"bomb.docx": bomb, "good.txt": GOOD}, tmp_path, nlp)
    row = only_row(t, "bomb")
    assert row["status"] == "error" and row["error"].startswith("DOCX too large once unpacked (over 50 MB")
    assert row["sha256"] != ""
    assert_neighbour_intact(t, reference)
    assert summary.exit_code == 1


def test_a_pdf_whose_streams_inflate_is_refused(tmp_path, nlp, reference):
    t, _ = run_on(
        {"inflating.pdf": pdf_inflating(2, 5), "good.txt": GOOD},
        tmp_path,
        nlp,
        limits=Limits(max_unpacked_bytes=4 * MB),
    )
    row = only_row(t, "inflating")
    assert row["error"].startswith("PDF content too large once inflated (over 4 MB by page 1")
    assert_neighbour_intact(t, reference)


def test_a_pdf_with_too_much_text_stops_at_the_page_that_passes_the_cap(tmp_path):
    from extract.sources import Source

    f = tmp_path / "long.pdf"
    f.write_bytes(pdf_inflating(3, 0.3))
    doc = read_document(Source(f, str(f), "long"), Limits(max_chars=200_000))
    assert doc.status == "error" and doc.error.startswith("text too long (") and doc.error.endswith("by page 1")


@pytest.mark.parametrize(
    "name, data",
    [
        ("oneline.txt", ("L'université signe une convention avec le CNRS. " * 25_000).encode()),
        (
            "page.html",
            (
                "<html><body><article>"
                + "".join(
                    f"<p>Paragraphe {i} : l'université signe une convention avec le CNRS pour la recherche.</p>"
                    for i in range(16_000)
                )
                + "</article></body></html>"
            ).encode(),
        ),
    ],
)
def test_a_text_over_the_character_cap_is_refused(tmp_path, nlp, reference, name, data):
    t, _ = run_on({name: data, "good.txt": GOOD}, tmp_path, nlp)
    row = only_row(t, Path(name).stem)
    assert row["status"] == "error" and row["error"].startswith("text too long (")
    assert "limit 1,000,000; see --max-chars" in row["error"]
    assert_neighbour_intact(t, reference)


def _slow_or_hungry(real):
    """``read_document`` that stalls on files named slow*, grabs memory on hog*, crashes on crash*."""

    def read(source, limits):
        name = source.file.name
        if name.startswith("slow"):
            time.sleep(60)
        if name.startswith("hog"):
            hoard = bytearray(1536 * MB)
            for i in range(0, len(hoard), 4096):
                hoard[i] = 1
            time.sleep(60)
        if name.startswith("crash"):
            import faulthandler

            faulthandler.disable()  # no dump of the crash in the test log
            os.kill(os.getpid(), signal.SIGSEGV)
        if name.startswith("broken"):
            raise ImportError("No module named 'lxml_html_clean'")
        return real(source, limits)

    return read


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_document_past_its_time_budget_is_stopped_and_the_worker_goes_on(tmp_path, nlp, reference, monkeypatch, jobs):
    monkeypatch.setattr(run_module, "read_document", _slow_or_hungry(run_module.read_document))
    started = time.monotonic()
    t, summary = run_on(
        {"good.txt": GOOD, "slow1.txt": GOOD, "slow2.txt": GOOD, "z.txt": GOOD},
        tmp_path,
        nlp,
        jobs=jobs,
        limits=Limits(timeout=3),
    )
    assert time.monotonic() - started < 40  # neither stall was waited for (60 s each)
    for doc_id in ("slow1", "slow2"):
        row = only_row(t, doc_id)
        assert (row["status"], row["error"]) == ("error", "time limit exceeded (3 s; see --timeout)")
        assert row["sha256"] != ""
    assert_neighbour_intact(t, reference)
    assert_neighbour_intact(t, reference, "z")
    assert summary.n_ok == 2 and summary.n_error == 2


def test_a_document_past_its_memory_budget_is_stopped(tmp_path, nlp, reference, monkeypatch):
    monkeypatch.setattr(run_module, "read_document", _slow_or_hungry(run_module.read_document))
    with open(f"/proc/{os.getpid()}/statm") as f:
        baseline = int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    limit = baseline + 512 * MB
    t, _ = run_on({"hog.txt": GOOD, "good.txt": GOOD}, tmp_path, nlp, limits=Limits(timeout=50, max_memory_bytes=limit))
    row = only_row(t, "hog")
    assert row["error"].startswith("memory limit exceeded (") and f"limit {limit // MB} MB" in row["error"]
    assert_neighbour_intact(t, reference)


def test_a_worker_that_crashes_costs_only_its_document(tmp_path, nlp, reference, monkeypatch):
    monkeypatch.setattr(run_module, "read_document", _slow_or_hungry(run_module.read_document))
    t, _ = run_on({"crash.txt": GOOD, "good.txt": GOOD}, tmp_path, nlp)
    row = only_row(t, "crash")
    assert row["error"] == "analysis crashed (the worker was killed by signal SIGSEGV)"
    assert_neighbour_intact(t, reference)


def test_a_broken_installation_stops_the_run_and_keeps_the_previous_tables(tmp_path, nlp, monkeypatch):
    t, _ = run_on({"good.txt": GOOD}, tmp_path, nlp)
    before = {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")}
    monkeypatch.setattr(run_module, "read_document", _slow_or_hungry(run_module.read_document))
    with pytest.raises(FatalWorkerError, match="ImportError: No module named 'lxml_html_clean'"):
        run_on({"broken.txt": GOOD}, tmp_path, nlp)
    assert {p.name: p.read_bytes() for p in (tmp_path / "out").glob("*.csv")} == before


# -- odd files ---------------------------------------------------------------------------------------


def test_odd_files_each_get_a_row(tmp_path, nlp, reference):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    os.symlink("self.txt", docs / "self.txt")
    os.symlink("b.txt", docs / "a.txt")
    os.symlink("a.txt", docs / "b.txt")
    os.mkfifo(docs / "pipe.txt")
    (docs / os.fsdecode(b"m_\xff\xfe.txt")).write_text(GOOD, encoding="utf-8")
    (docs / "loop").mkdir()
    os.symlink("..", docs / "loop" / "up")  # a link to a folder is not walked
    for name in ("empty.pdf", "empty.docx", "empty.html"):
        (docs / name).write_bytes(b"")
    summary = run([docs], tmp_path / "out", nlp=nlp)
    t = tables(tmp_path / "out")
    rows = {r["doc_id"]: (r["status"], r["error"]) for r in t["documents"]}
    assert rows == {
        "a": ("error", "symbolic link loop"),
        "b": ("error", "symbolic link loop"),
        "self": ("error", "symbolic link loop"),
        "pipe": ("error", "not a regular file (a named pipe)"),
        "m_\\xff\\xfe": ("ok", ""),
        "good": ("ok", ""),
        "empty.pdf": ("empty", ""),
        "empty.docx": ("empty", ""),
        "empty.html": ("empty", ""),
    }
    assert by_doc(t["documents"], "m_\\xff\\xfe")[0]["path"].endswith("m_\\xff\\xfe.txt")
    assert_neighbour_intact(t, reference)
    assert_neighbour_intact(t, reference, "m_\\xff\\xfe")
    assert summary.n_documents == 9


def test_a_fifo_given_directly_or_swapped_in_never_blocks(tmp_path, nlp):
    fifo = tmp_path / "given.txt"
    os.mkfifo(fifo)
    summary = run([fifo], tmp_path / "out", nlp=nlp)
    (row,) = tables(tmp_path / "out")["documents"]
    assert (row["doc_id"], row["error"], summary.exit_code) == ("given", "not a regular file (a named pipe)", 1)

    f = tmp_path / "later.txt"
    f.write_text(GOOD, encoding="utf-8")
    (source,) = discover([f])
    f.unlink()
    os.mkfifo(f)  # swapped in between discovery and reading
    doc = read_document(source)
    assert (doc.status, doc.error) == ("error", "not a regular file (a named pipe)")


def test_a_file_that_vanishes_after_discovery_gets_a_row(tmp_path):
    f = tmp_path / "gone.txt"
    f.write_text(GOOD, encoding="utf-8")
    (source,) = discover([f])
    f.unlink()
    assert (read_document(source).status, read_document(source).error) == ("error", "file not found")


def test_links_outside_the_input_are_followed_and_texts_stay_inside_out(tmp_path, nlp):
    outside = tmp_path / "elsewhere.txt"
    outside.write_text(GOOD, encoding="utf-8")
    docs = tmp_path / "docs"
    docs.mkdir()
    os.symlink(outside, docs / "linked.txt")
    out = tmp_path / "out"
    (out / "texts").mkdir(parents=True)
    os.symlink(outside, out / "texts" / "linked.txt")  # a planted link is not written through
    run([docs], out, nlp=nlp, save_text=True)
    assert by_doc(tables(out)["documents"], "linked")[0]["status"] == "ok"
    assert outside.read_text(encoding="utf-8") == GOOD
    assert not (out / "texts" / "linked.txt").is_symlink()
    assert (out / "texts" / "linked.txt").read_text(encoding="utf-8") == GOOD


def test_equal_names_in_two_folders_get_unique_doc_ids(tmp_path, nlp):
    for d, text in (("d1", GOOD), ("d2", GOOD.replace("Lille", "Lyon"))):
        (tmp_path / d).mkdir()
        (tmp_path / d / "x.txt").write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    run([tmp_path / "d1" / "x.txt", tmp_path / "d2" / "x.txt"], out, nlp=nlp, save_text=True)
    t = tables(out)
    assert [(r["doc_id"], Path(r["path"]).parent.name) for r in t["documents"]] == [("x", "d1"), ("x~2", "d2")]
    assert {r["partnership_id"] for r in t["partnerships"]} == {"x#1", "x~2#1"}
    assert "Lyon" in (out / "texts" / "x~2.txt").read_text(encoding="utf-8")
    assert "Lille" in (out / "texts" / "x.txt").read_text(encoding="utf-8")
    run([tmp_path / "d1", tmp_path / "d2"], out, nlp=nlp)  # two folders holding x.txt
    assert [r["doc_id"] for r in tables(out)["documents"]] == ["x", "x~2"]


def test_an_out_folder_inside_the_input_is_not_read_back(tmp_path, nlp):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text(GOOD, encoding="utf-8")
    for _ in range(2):
        run([docs], docs / "out", nlp=nlp, save_text=True)
    assert [r["doc_id"] for r in tables(docs / "out")["documents"]] == ["good"]


# -- manifest ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, fault",
    [
        ("doc_id,url\na,https://a\na,https://b\n", "doc_id 'a' is listed twice"),
        ("path,url\nx/a.txt,https://a\nx/a.txt,https://b\n", "path 'x/a.txt' is listed twice"),
        (
            "doc_id,title,metadata_title\na,T,U\n",
            "field 'title' would be written as column 'metadata_title', which another field already takes",
        ),
        ("doc_id,url,url\na,https://a,https://b\n", "column 'url' appears more than once"),
    ],
)
def test_a_manifest_that_would_lose_a_value_is_refused(tmp_path, text, fault):
    m = tmp_path / "manifest.csv"
    m.write_text(text, encoding="utf-8")
    with pytest.raises(ManifestError, match=fault.replace("(", r"\(")):
        Manifest.load(m)


# -- formula-safe cells ------------------------------------------------------------------------------


def test_no_cell_can_start_a_formula_unless_raw_csv(tmp_path, nlp):
    evil_name = "=cmd|' -C calc'!A0.txt"
    text = '=HYPERLINK("http://x", "Lire le communiqué")\n\n' + GOOD
    manifest = tmp_path / "manifest.csv"
    manifest.write_text(f'doc_id,publisher\n"{evil_name[:-4]}",@SUM(A1)\n', encoding="utf-8")
    t, _ = run_on({evil_name: text}, tmp_path, nlp, metadata=manifest)
    raw_cells = [c for name in TABLES for c in _cells(tmp_path / "out" / f"{name}.csv")]
    assert not [c for c in raw_cells if c[:1] in "=+-@\t\r" and c]
    (row,) = t["documents"]  # the project's reader gives the values back
    assert (row["doc_id"], row["title"], row["publisher"]) == (
        evil_name[:-4],
        '=HYPERLINK("http://x", "Lire le communiqué")',
        "@SUM(A1)",
    )

    run_on({evil_name: text}, tmp_path, nlp, metadata=manifest, raw_csv=True)
    raw = list(_cells(tmp_path / "out" / "documents.csv"))
    assert evil_name[:-4] in raw and "@SUM(A1)" in raw


def _cells(path: Path):
    import csv

    with open(path, encoding="utf-8", newline="") as f:
        for row in csv.reader(f):
            yield from row


@pytest.mark.parametrize(
    "value, guarded",
    [
        ("=1+1", "'=1+1"),
        ("+33 1", "'+33 1"),
        ("-2", "'-2"),
        ("@x", "'@x"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("x=1", "x=1"),
        ("'quoted", "'quoted"),
        ("", ""),
        (7, 7),
    ],
)
def test_guard_and_unguard(value, guarded):
    assert guard_cell(value) == guarded
    if isinstance(value, str):
        assert unguard_cell(guarded) == value


# -- all-or-nothing tables ---------------------------------------------------------------------------


def _write_tables(out: Path, text: str) -> None:
    w = TableWriter(out, table_columns())
    w.write({"documents": [{"doc_id": text, "status": "ok"}], "goals": [{"doc_id": text, "text": text * 50}]})
    w.commit()


def _state(out: Path) -> set[str]:
    return {
        read_table(out / f"{name}.csv")[0]["doc_id"]
        if name in ("documents", "goals")
        else str(len(read_table(out / f"{name}.csv")))
        for name in TABLES
    }


def test_a_kill_at_any_step_of_the_final_write_leaves_all_old_or_all_new_tables(tmp_path):
    """The writer's commit is killed (SIGKILL) at its k-th file-system call, for every k."""
    out = tmp_path / "out"
    _write_tables(out, "old")
    calls = ("rename", "replace", "symlink", "unlink", "rmdir", "fsync", "mkdir")
    k = 0
    while True:
        pid = os.fork()
        if pid == 0:  # the child commits and dies at call k
            counter = {"n": 0}

            def stepping(fn, counter=counter, k=k):
                def call(*a, **kw):
                    if counter["n"] == k:
                        os.kill(os.getpid(), signal.SIGKILL)
                    counter["n"] += 1
                    return fn(*a, **kw)

                return call

            w = TableWriter(out, table_columns())
            w.write({"documents": [{"doc_id": "new", "status": "ok"}], "goals": [{"doc_id": "new", "text": "x" * 50}]})
            for name in calls:
                setattr(os, name, stepping(getattr(os, name)))
            w.commit()
            os._exit(0)
        _, status = os.waitpid(pid, 0)
        state = _state(out)
        assert state in ({"old", "0"}, {"new", "0"}), (k, state)
        if os.WIFEXITED(status):  # the commit ran to its end: every step was tried
            assert state == {"new", "0"}
            break
        if state == {"new", "0"}:
            _write_tables(out, "old")  # back to the old tables for the next step
        k += 1
    assert k > 5
    _write_tables(out, "third")  # the next run cleans what the killed ones left
    assert sorted(p.name for p in (out / ".tables").iterdir()) == sorted(
        ["current", os.readlink(out / ".tables/current")]
    )
    assert sorted(p.name for p in out.iterdir()) == sorted([".tables", *(f"{n}.csv" for n in TABLES)])


def test_tables_written_by_an_older_version_are_replaced(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    for name in TABLES:
        (out / f"{name}.csv").write_text("old,file\n", encoding="utf-8")
    (out / ".goals.abc.csv.tmp").write_text("left by a killed run", encoding="utf-8")
    _write_tables(out, "new")
    assert _state(out) == {"new", "0"}
    assert not list(out.glob(".*.csv.tmp"))


def test_the_usual_permissions(tmp_path):
    _write_tables(tmp_path / "out", "x")
    mask = os.umask(0o022)
    os.umask(mask)
    assert (tmp_path / "out" / "documents.csv").stat().st_mode & 0o777 == 0o666 & ~mask
    assert (tmp_path / "out" / ".tables" / "current").stat().st_mode & 0o777 == 0o777 & ~mask


@pytest.fixture
def small_disk(tmp_path):
    mount = tmp_path / "disk"
    mount.mkdir()
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(mount)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {done.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", "-l", str(mount)], check=False)


def test_disk_full_keeps_the_previous_tables_and_cleans_up(small_disk, tmp_path, nlp):
    out = small_disk / "out"
    run_on({"good.txt": GOOD}, tmp_path, nlp)
    run([tmp_path / "docs"], out, nlp=nlp)
    before = {p.name: p.read_bytes() for p in out.glob("*.csv")}
    big = tmp_path / "big"
    big.mkdir()
    for i in range(40):  # about 40 x 9 KB of rows: more than the disk holds
        (big / f"r{i:02}.txt").write_text(GOOD * 4, encoding="utf-8")
    with pytest.raises(OutputError) as err:
        run([big], out, nlp=nlp)
    assert err.value.errno == errno.ENOSPC
    assert err.value.strerror.startswith(f"no space left on the device of {out}: the previous tables are unchanged")
    assert {p.name: p.read_bytes() for p in out.glob("*.csv")} == before
    assert sorted(p.name for p in (out / ".tables").iterdir()) == sorted(
        ["current", os.readlink(out / ".tables/current")]
    )


def test_read_only_out_gives_one_line_and_exit_2(small_disk, tmp_path):
    from typer.testing import CliRunner

    from extract.cli import app

    subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    (tmp_path / "a.txt").write_text(GOOD, encoding="utf-8")
    result = CliRunner().invoke(app, ["run", str(tmp_path / "a.txt"), "--out", str(small_disk / "out"), "--quiet"])
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: cannot write into {small_disk / 'out'} (Read-only file system): the previous tables are unchanged"
    ]
