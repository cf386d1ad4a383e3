"""``extract run --dask`` (issue 10 §2): a LocalCluster of two worker processes gives the
tables of ``--jobs 1`` byte for byte, even when a worker is killed during the run."""

from __future__ import annotations

import filecmp
import os
import signal

import psutil
import pytest
from conftest import ROOT
from test_inputs import RELEASE, tables

from extract.columns import TABLES
from extract.run import run

pytestmark = pytest.mark.slow


@pytest.fixture
def in_root():
    here = os.getcwd()
    os.chdir(ROOT)  # paths in documents.csv as `make run` writes them
    yield
    os.chdir(here)


def same_tables(a, b) -> None:
    for name in TABLES:
        assert filecmp.cmp(a / f"{name}.csv", b / f"{name}.csv", shallow=False), name


def test_a_local_cluster_writes_the_tables_of_jobs_1(tmp_path, nlp, in_root):
    run(["corpus"], tmp_path / "one", nlp=nlp, jobs=1)
    summary = run(["corpus"], tmp_path / "dask", dask="local", jobs=2, save_text=True)
    assert summary.n_ok == summary.n_documents > 30
    same_tables(tmp_path / "one", tmp_path / "dask")
    saved = tmp_path / "dask" / "texts" / "dev" / "01_accord_cadre_lille_inria.txt"
    assert saved.read_text(encoding="utf-8") == (ROOT / "corpus/texts/dev/01_accord_cadre_lille_inria.txt").read_text(
        encoding="utf-8"
    )


def test_a_worker_killed_during_the_run_loses_no_row_and_writes_none_twice(tmp_path, in_root):
    killed = []

    def kill_one_worker(done: int, total: int) -> None:
        if done >= 16 and not killed:
            # the Dask worker processes: children of this one (the nanny runs here) started by
            # multiprocessing's spawn; their own forked analysis workers are grandchildren
            workers = [p for p in psutil.Process().children(recursive=False) if "spawn_main" in " ".join(p.cmdline())]
            assert len(workers) == 2, [p.cmdline() for p in psutil.Process().children()]
            victim = workers[0]
            os.kill(victim.pid, signal.SIGKILL)
            killed.append(victim.pid)

    summary = run(["corpus"], tmp_path / "dask", dask="local", jobs=2, progress=kill_one_worker)
    assert killed and summary.n_ok == summary.n_documents
    same_tables(ROOT / "outputs", tmp_path / "dask")


def test_files_the_client_cannot_read_get_their_rows(tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text("\n\n".join(RELEASE), encoding="utf-8")
    os.mkfifo(docs / "pipe.txt")
    os.symlink("loop.txt", docs / "loop.txt")
    run([docs], tmp_path / "out", dask="local", jobs=1)
    rows = {r["doc_id"]: (r["status"], r["error"]) for r in tables(tmp_path / "out")["documents"]}
    assert rows == {
        "good": ("ok", ""),
        "pipe": ("error", "not a regular file (a named pipe)"),
        "loop": ("error", "symbolic link loop"),
    }
