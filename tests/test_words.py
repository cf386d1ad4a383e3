"""French word classes as data (patterns/words.jsonl): loaded once, validated like the rules."""
from __future__ import annotations

import json

import pytest

from extract.rules import PatternError
from extract.words import load_words, words


def test_classes_are_folded_sets_in_file_order():
    w = words()
    assert {"le", "la", "l'", "des"} <= w.set("determiners")
    assert "president" in w.set("person_titles")            # written "président" or not, compared folded
    assert w.values("months")["février"] == 2 and w.values("months")["fevrier"] == 2
    assert list(w.values("number_words"))[:3] == ["un", "une", "deux"]
    assert w.kinds_of("plural_party_nouns")["universites"] == frozenset({"university"})
    assert w.kinds_of("plural_party_nouns")["partenaires"] is None
    assert "dès" in w.set("temporal_prepositions")          # "fold": false keeps the accent


def _write(tmp_path, *lines):
    path = tmp_path / "words.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_a_class_may_span_lines_and_accents_are_folded(tmp_path):
    path = _write(tmp_path, "# comment", json.dumps({"class": "titles", "words": ["Président"], "note": "a"}),
                  json.dumps({"class": "titles", "words": ["rectrice"], "note": "b"}))
    assert load_words(path).set("titles") == {"president", "rectrice"}


@pytest.mark.parametrize(("line", "fault"), [
    ('{"class": "x", "words": ["a"]}', "missing key 'note'"),
    ('{"class": "x", "words": "a", "note": "n"}', "'words' must be a list"),
    ('{"class": "x", "words": ["a", "b"], "values": [1], "note": "n"}', "'values' has 1 items for 2 words"),
    ('{"class": "x", "word": ["a"], "note": "n"}', "unknown key 'word'"),
    ('{"class": "x", "words": ["a"], "note": "n"', "invalid JSON"),
])
def test_an_invalid_file_names_its_line_and_fault(tmp_path, line, fault):
    path = _write(tmp_path, json.dumps({"class": "ok", "words": ["a"], "note": "n"}), line)
    with pytest.raises(PatternError, match=rf"words.jsonl:2: .*{fault}"):
        load_words(path)


def test_asking_for_a_class_the_file_lacks_names_the_file(tmp_path):
    path = _write(tmp_path, json.dumps({"class": "ok", "words": ["a"], "note": "n"}))
    with pytest.raises(PatternError, match=r"words.jsonl: no word class 'determiners'"):
        load_words(path).set("determiners")
