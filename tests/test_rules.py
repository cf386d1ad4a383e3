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
