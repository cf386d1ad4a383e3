"""Rule files are validated when loaded: an invalid line names its file, line and fault."""
import shutil

import pytest
from conftest import ROOT

from extract.rules import PatternError, load_rules


@pytest.fixture()
def patterns(tmp_path):
    target = tmp_path / "patterns"
    shutil.copytree(ROOT / "patterns", target)
    return target


def corrupt(folder, name, line):
    path = folder / name
    path.write_text(path.read_text(encoding="utf-8") + line + "\n", encoding="utf-8")
    return path, len(path.read_text(encoding="utf-8").splitlines())


def test_the_project_rules_load():
    rules = load_rules(ROOT / "patterns")
    assert len(rules.organisations) > 300 and rules.partnership_triggers and rules.goal_triggers


@pytest.mark.parametrize("name,line,fault", [
    ("organisations.jsonl", '{"id": "x", "name": "X", "kind": "universite"}', "'kind' is 'universite', not one of"),
    ("organisations.jsonl", '{"id": "x", "name": "X", "kind": "school", "colour": "red"}', "unknown key 'colour'"),
    ("organisations.jsonl", '{"id": "x", "kind": "school"}', "missing key 'name'"),
    ("organisations.jsonl", '{"id": "utt", "name": "Doublon", "kind": "school"}', "duplicate id 'utt'"),
    ("organisations.jsonl", '{"id": "x", "name": "X", "kind": "school", "aliases": "Y"}', "'aliases' must be a list"),
    ("organisations.jsonl", '{"id": "x", "name": "X", "kind": "school",', "invalid JSON"),
    ("partnership_triggers.jsonl", '{"lemma": "cosigner", "pos": "ADJ", "kind": "agreement"}', "'pos' is 'ADJ'"),
    ("goal_triggers.jsonl", '{"term": "escompter", "type": "intention", "complement": "inf"}', "'type' is 'intention'"),
    ("cues.jsonl", '{"term": "", "type": "cut"}', "'term' is empty"),
    ("themes.jsonl", '{"theme": "sport", "stems": ["sport"]}', "'theme' is 'sport'"),
])
def test_an_invalid_line_is_reported_with_file_line_and_fault(patterns, name, line, fault):
    path, lineno = corrupt(patterns, name, line)
    with pytest.raises(PatternError) as err:
        load_rules(patterns)
    assert str(err.value).startswith(f"{path}:{lineno}: ")
    assert fault in str(err.value)


def test_a_missing_rule_file_is_reported(patterns):
    (patterns / "cues.jsonl").unlink()
    with pytest.raises(PatternError, match="cues.jsonl: rule file not found"):
        load_rules(patterns)


# -- the gazetteer from open data (tools/build_gazetteer.py) ------------------------------------------

def test_the_open_data_gazetteer_is_what_the_script_builds(tmp_path):
    import subprocess
    import sys

    from conftest import ROOT

    data = ROOT.parent / "shared" / "data" / "mesr-etablissements"
    out = tmp_path / "organisations_mesr.jsonl"
    subprocess.run([sys.executable, str(ROOT / "tools" / "build_gazetteer.py"), "--data", str(data), "--out", str(out)],
                   check=True, capture_output=True)
    committed = (ROOT / "patterns" / "organisations_mesr.jsonl").read_text(encoding="utf-8")
    assert out.read_text(encoding="utf-8") == committed


def test_hand_entries_gain_identifiers_and_keep_their_names():
    from extract.rules import load_rules

    entries = {e["id"]: e for e in load_rules().organisations}
    assert entries["utt"]["name"] == "Université de technologie de Troyes" and entries["utt"]["source"] == "hand"
    # values read by hand in etablissements-2024-01.csv: a hand-written entry gains them …
    upvd = next(e for e in entries.values() if e["name"] == "Université de Perpignan Via Domitia")
    assert (upvd["ror"], upvd["wikidata"], upvd["kind"], upvd["source"]) == \
        ("03am2jy38", "Q304872", "university", "hand")
    # … a body no hand-written entry names is an entry of its own
    cvz = next(e for e in entries.values() if e["name"] == "Casa de Velázquez de Madrid")
    assert (cvz["ror"], cvz["wikidata"], cvz["kind"]) == ("03w36pm25", "Q2470271", "school")
    assert cvz["source"] == "mesr-2020-10,2021-11,2022-09,2024-01"


def test_the_open_data_gives_the_full_name_when_a_hand_entry_names_a_short_one():
    from extract.rules import load_rules

    entries = {e["id"]: e for e in load_rules().organisations}
    # etablissements-2024-01.csv, read by hand: libellé "Institut national des sciences appliquées de Lyon",
    # sigle "INSA Lyon" — the hand entry's name is the sigle, so the libellé is the canonical name (SPEC §1)
    insa = entries["insa-lyon"]
    assert insa["name"] == "Institut national des sciences appliquées de Lyon" and "INSA Lyon" in insa["aliases"]
    assert insa["source"] == "hand" and insa["ror"] == "050jn9y42"
    # a hand name that is no short form of the data stays (the data calls it "Centrale Lyon")
    assert entries["ecole-centrale-de-lyon"]["name"] == "École centrale de Lyon"
    # a three-letter short name identifies nothing: the space agency (ESA) is not the school of agriculture
    # whose nom court is ESA; that school is an entry of its own
    assert "ror" not in entries["esa"] and entries["esa"]["name"] == "Agence spatiale européenne"
    school = next(e for e in entries.values() if e.get("ror") == "02vb4k656")
    assert school["name"] == "École supérieure d'agriculture" and school["kind"] == "school"
    # a three-letter sigle one body of the data has (HEI, read in etablissements-2024-01.csv) is kept to name it
    # before a place; one two bodies share (ESA: the school of agriculture, ÉSA the school of architecture) is not
    hei = next(e for e in entries.values() if e.get("ror") == "0185jey51")
    assert hei["name"] == "Hautes études d'ingénieur" and hei["placed_acronym"] == "HEI" and "acronym" not in hei
    assert "placed_acronym" not in school


def test_the_part_of_an_official_name_before_a_dash_is_a_name_when_one_body_has_it():
    from extract.rules import load_rules

    entries = {e["id"]: e for e in load_rules().organisations}
    # etablissements-2024-01.csv, read by hand: libellé "Université Claude Bernard - Lyon 1" (the hand entry
    # "Université Claude Bernard Lyon 1" gains the form before the dash), "Université Lumière - Lyon 2";
    # "Université Toulouse - Jean Jaurès" gives nothing: "Université Toulouse" opens other bodies' names
    assert "Université Claude Bernard" in entries["ucbl"]["aliases"]
    assert "Université Lumière" in entries["universite-lumiere-lyon-2"]["aliases"]
    assert not any("Université Toulouse" in e.get("aliases", []) for e in entries.values())


def test_an_open_data_record_for_no_hand_entry_is_refused(tmp_path):
    import shutil

    from extract.rules import DEFAULT_PATTERNS_DIR, PatternError, load_rules

    folder = tmp_path / "patterns"
    shutil.copytree(DEFAULT_PATTERNS_DIR, folder)
    with open(folder / "organisations_mesr.jsonl", "a", encoding="utf-8") as f:
        f.write('{"same_as": "nowhere", "ror": "000000000", "source": "mesr-test"}\n')
    n = len((folder / "organisations_mesr.jsonl").read_text(encoding="utf-8").splitlines())
    expected = rf"organisations_mesr.jsonl:{n}: same_as 'nowhere' is no hand-written entry"
    with pytest.raises(PatternError, match=expected):
        load_rules(folder)
