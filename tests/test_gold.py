"""Gold files (SPEC §2) are validated: a fault names the file, the entry and what is wrong."""
import textwrap

import pytest

from extract.gold import GoldError, draft_gold, load_gold

TEXT = "Le 3 mai 2024, l'UTT et Sorbonne Université ont signé un accord. En 2024, l'UTT veut recruter."

VALID = """
doc_id: d
publication_date: 2024-05-03          # unquoted: YAML reads a date, accepted as what it says
organisations:
  - name: Université de technologie de Troyes
    acronym: UTT
    kind: university
  - name: Sorbonne Université
    kind: university
dates:
  - text: 3 mai 2024
    value: 2024-05-03
  - text: "2024"
    value: "2024"
partnerships:
  - parties: [UTT, Sorbonne Université]
    kind: agreement
    status: established
goals:
  - actor: UTT
    text: recruter
    theme: attractiveness
"""


def write(tmp_path, body):
    path = tmp_path / "d.yaml"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def test_a_valid_file_loads_and_its_dates_are_located(tmp_path):
    gold = load_gold(write(tmp_path, VALID), TEXT)
    assert gold.publication_date == "2024-05-03"
    assert [(d.text, TEXT[d.start:d.end], d.value) for d in gold.dates] == [
        ("3 mai 2024", "3 mai 2024", "2024-05-03"), ("2024", "2024", "2024")]
    # the second "2024" is not the one inside "3 mai 2024", already taken
    assert gold.dates[1].start == TEXT.index("En 2024") + 3
    assert gold.partnerships[0].parties == [0, 1] and gold.goals[0].actor == 0


@pytest.mark.parametrize("change,fault", [
    (("organisations:", "organisation:"), "unknown key 'organisation'"),
    (("    kind: agreement", "    kind: agreement\n    colour: red"), "partnerships[1]: unknown key 'colour'"),
    (("[UTT, Sorbonne Université]", "[UTT, Sorbonne]"), "partnerships[1]: party 'Sorbonne' names no organisation"),
    (("  - actor: UTT", "  - actor: Inria"), "goals[1] (recruter): actor 'Inria' names no organisation"),
    (("    value: 2024-05-03", "    value: 3 mai"), "dates[1] (3 mai 2024): 'value' '3 mai' is not an ISO 8601 date"),
    (("  - text: 3 mai 2024", "  - text: 4 mai 2024"), "dates[1] (4 mai 2024): text not found in the document"),
    (("    kind: agreement", "    kind: contract"), "'kind' is 'contract', not one of"),
    (("    status: established", "    status: done"), "'status' is 'done', not one of established, planned"),
    (("    theme: attractiveness", "    theme: sport"), "'theme' is 'sport'"),
    (("  - text: \"2024\"\n    value: \"2024\"",
      "  - text: \"2024\"\n    value: \"2024\"\n  - text: \"2024\"\n    value: \"2024\""),
     "dates[3] (2024): text not found in the document (no further occurrence)"),
])
def test_faults_are_named(tmp_path, change, fault):
    old, new = change
    assert old in VALID
    with pytest.raises(GoldError) as err:
        load_gold(write(tmp_path, VALID.replace(old, new, 1)), TEXT)
    assert fault in str(err.value)
    assert str(err.value).startswith(str(tmp_path / "d.yaml"))


def test_invalid_yaml_names_the_line(tmp_path):
    with pytest.raises(GoldError, match=r"d.yaml:\d+: not valid YAML"):
        load_gold(write(tmp_path, "doc_id: d\norganisations: [\n"), TEXT)


def test_a_draft_from_predicted_rows_is_valid_gold(tmp_path):
    tables = {
        "organisations": [{"name": "Université de technologie de Troyes", "acronym": "UTT", "kind": "university",
                           "mentions": "UTT|l'Université de technologie de Troyes"}],
        "dates": [{"text": "3 mai 2024", "value": "2024-05-03"}],
        "partnerships": [],
        "goals": [{"actor": "Université de technologie de Troyes", "text": "recruter", "theme": "attractiveness",
                   "horizon": "2024"}],
    }
    path = tmp_path / "draft.yaml"
    path.write_text(draft_gold("d", tables, "2024-05-03"), encoding="utf-8")
    gold = load_gold(path, TEXT)
    assert gold.organisations[0].aliases == ["l'Université de technologie de Troyes"]
    assert gold.goals[0].horizon == "2024" and gold.publication_date == "2024-05-03"
