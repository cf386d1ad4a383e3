"""The rule components as spaCy components: saved and loaded with the pipeline, in the order
their requires/assigns declare, and Docs whose results serialise."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest
from conftest import ROOT
from spacy.tokens import Doc, DocBin

from extract.run import analyse_file

pytestmark = pytest.mark.slow
SEED = ROOT / "corpus" / "texts" / "000_a7b092c0aea6cb72.txt"


def test_the_declared_order_has_no_problem(nlp):
    analysis = nlp.analyze_pipes()
    assert not any(analysis["problems"].values())
    attrs = analysis["attrs"]
    assert attrs["doc._.partnerships"]["assigns"] == ["hesr_partnerships"]
    assert "hesr_goals" in attrs["doc._.partnerships"]["requires"]
    assert "hesr_partnerships" in attrs["doc._.organisations"]["requires"]


def test_a_saved_pipeline_loads_in_a_new_process_and_gives_the_same_tables(nlp, tmp_path):
    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    assert (saved / "hesr_organisations" / "organisations.jsonl").is_file()     # the rules travel with it
    here = analyse_file(SEED, nlp=nlp).tables
    script = ("import json, sys, spacy\n"
              "from extract.run import analyse_file\n"
              "nlp = spacy.load(sys.argv[1])\n"
              "print(json.dumps(analyse_file(sys.argv[2], nlp=nlp).tables, default=str))\n")
    out = subprocess.run([sys.executable, "-c", script, str(saved), str(SEED)], capture_output=True, text=True,
                         check=True, cwd=tmp_path)
    there = json.loads(out.stdout)
    assert there == json.loads(json.dumps(here, default=str))
    assert len(there["partnerships"]) >= 2 and len(there["goals"]) >= 5


def test_a_saved_pipeline_runs_with_the_rules_saved_beside_it(nlp, tmp_path):
    import spacy

    saved = tmp_path / "pipeline"
    nlp.to_disk(saved)
    rules = saved / "hesr_organisations" / "organisations.jsonl"
    rules.write_text(rules.read_text(encoding="utf-8").replace('"name": "Université de technologie de Troyes"',
                                                               '"name": "UT Troyes"'), encoding="utf-8")
    loaded = spacy.load(saved)
    names = {row["name"] for row in analyse_file(SEED, nlp=loaded).tables["organisations"]}
    assert "UT Troyes" in names and "Université de technologie de Troyes" not in names


def test_analysed_docs_serialise(nlp):
    doc = nlp(nlp.make_doc(SEED.read_text(encoding="utf-8")))
    again = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    assert [o.name for o in again._.organisations] == [o.name for o in doc._.organisations]
    assert [(p.kind, p.status, sorted(o.org_id for o in p.parties)) for p in again._.partnerships] == \
        [(p.kind, p.status, sorted(o.org_id for o in p.parties)) for p in doc._.partnerships]
    assert [(g.start, g.end, g.theme, g.actor.org_id if g.actor else "") for g in again._.goals] == \
        [(g.start, g.end, g.theme, g.actor.org_id if g.actor else "") for g in doc._.goals]
    assert [d.value for d in again._.dates] == [d.value for d in doc._.dates]
    bin_ = DocBin(store_user_data=True)
    bin_.add(doc)
    (back,) = DocBin(store_user_data=True).from_bytes(bin_.to_bytes()).get_docs(nlp.vocab)
    assert len(back._.goals) == len(doc._.goals) and back._.publication_date == doc._.publication_date
    issue = nlp(nlp.make_doc("Un accord\nMars 2011 /92\nLe 12 janvier dernier, un accord a été signé.\n"))
    again = Doc(nlp.vocab).from_bytes(issue.to_bytes())
    assert again._.publication_date.isoformat() == "2011-03"
