"""Shared fixtures: the pipeline is built once per test session; the corpus is run once."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    """A TCP port of this machine's loopback that nothing listens on now (for the servers tests start)."""
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def nlp():
    from extract.pipeline import build_nlp

    return build_nlp()


@pytest.fixture(scope="session")
def analyse(nlp):
    """Text → analysed Doc (the text is cleaned as ``extract run`` does)."""
    from extract.normalise import clean_text
    from extract.pipeline import make_doc

    def run(text: str, publication_date: date | str | None = None):
        meta = {"publication_date": str(publication_date)} if publication_date else {}
        return nlp(make_doc(nlp, clean_text(text).text, meta))

    return run


@pytest.fixture(scope="session")
def corpus_outputs(tmp_path_factory, nlp):
    """The tables of ``corpus/``, produced once by the library function behind ``extract run``."""
    import os

    from extract.run import run

    out = tmp_path_factory.mktemp("outputs")
    here = os.getcwd()
    os.chdir(ROOT)                     # as `make run` does: paths in documents.csv are relative
    try:
        summary = run(["corpus"], out, nlp=nlp)
    finally:
        os.chdir(here)
    return out, summary


HEAVY_FIXTURES = {"nlp", "analyse", "corpus_outputs"}


def pytest_collection_modifyitems(config, items):
    """Tests that load the model or run the pipeline are ``slow``: ``pytest -m "not slow"`` runs the rest
    (rules, grammar core on hand-built Docs, gold, evaluation, layout, dates) in seconds."""
    for item in items:
        if HEAVY_FIXTURES & set(getattr(item, "fixturenames", ())):
            item.add_marker(pytest.mark.slow)
