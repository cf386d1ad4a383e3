"""The scorer against SPEC §5, on small gold/prediction pairs whose scores are computed by hand."""
import textwrap

import pytest

from extract.evaluate import DocPreds, dice, evaluate_document, words
from extract.gold import load_gold

TEXT = ("En 2020, l'accord de 2019 entre l'UTT et Sorbonne Université est renouvelé avec le CNRS. "
        "Dès 2020, il s'étend. Depuis mai 2017 déjà, l'école doctorale de l'UTT coopère.")

GOLD = """
doc_id: a
publication_date: "2024-05-03"
organisations:
  - {name: Université de technologie de Troyes, acronym: UTT, kind: university, aliases: [UTT]}
  - {name: Sorbonne Université, acronym: SU, kind: university}
  - {name: école doctorale de l'UTT, kind: other, optional: true}
  - {name: Centre national de la recherche scientifique, acronym: CNRS, kind: public_body}
dates:
  - {text: "2020", value: "2020"}
  - {text: "2019", value: "2019"}
  - {text: "Dès 2020", value: "2020/"}
  - {text: "Depuis mai 2017", value: "2017-05/", optional: true}
partnerships:
  - {parties: [UTT, Sorbonne Université], kind: agreement, status: established, date: "2024-05-03"}
  - {parties: [UTT, Sorbonne Université], kind: cooperation, status: planned}
  - {parties: [UTT, CNRS], kind: membership, status: established, optional: true}
goals:
  - {actor: UTT, text: développer des partenariats avec les acteurs de la région, theme: cooperation}
  - {text: renforcer la recherche partenariale, theme: research, optional: true}
  - {actor: SU, text: ouvrir un campus à Dakar, theme: international, horizon: "2025"}
"""


def org(org_id, name, kind, mentions, acronym=""):
    return {"org_id": org_id, "name": name, "acronym": acronym, "kind": kind, "mentions": mentions}


def date_row(text, occurrence, value):
    start = -1
    for _ in range(occurrence):
        start = TEXT.index(text, start + 1)
    return {"text": text, "start": str(start), "end": str(start + len(text)), "value": value, "sentence": ""}


PREDS = DocPreds(
    organisations=[
        org("utt", "Université de technologie de Troyes", "university", "UTT", "UTT"),   # exact name
        org("su", "SU", "school", "SU"),                     # acronym only: matched, wrong kind and name
        org("ed", "école doctorale de l'UTT", "other", "école doctorale de l'UTT"),     # optional: ignored
        org("grand-est", "Région Grand Est", "public_body", "Région Grand Est"),         # false positive
    ],                                                       # CNRS: false negative
    dates=[
        date_row("2020", 1, "2020"),                         # right
        date_row("2019", 1, "2019/"),                        # same key ("2019"), not the same string
        date_row("2020", 2, "2021"),                         # overlaps "Dès 2020", wrong value
        date_row("mai 2017", 1, "2017-05"),                  # overlaps an optional entry: ignored
        date_row("coopère", 1, ""),                          # false positive
    ],
    partnerships=[
        {"parties": "SU|Université de technologie de Troyes", "party_ids": "su|utt", "kind": "cooperation",
         "status": "planned", "date": ""},                   # Jaccard 1 with two entries: the agreeing one
        {"parties": "Centre national|SU|UTT", "party_ids": "cnrs-pred|su|utt", "kind": "agreement",
         "status": "established", "date": "2024-05-03"},     # 2/3 with the agreement
        {"parties": "école doctorale de l'UTT|Région Grand Est", "party_ids": "ed|grand-est", "kind": "alliance",
         "status": "established", "date": ""},               # false positive
    ],
    goals=[
        {"actor": "Université de technologie de Troyes", "actor_id": "utt", "theme": "cooperation", "horizon": "",
         "text": "développer des partenariats avec les acteurs régionaux"},
        {"actor": "", "actor_id": "", "theme": "research", "horizon": "", "text": "renforcer la recherche"},
        {"actor": "", "actor_id": "", "theme": "education", "horizon": "2025", "text": "ouvrir un campus en Afrique"},
        {"actor": "", "actor_id": "", "theme": "other", "horizon": "", "text": "améliorer la vie étudiante"},
    ],
    publication_date="2024-05-03",
)


@pytest.fixture()
def scores(tmp_path):
    path = tmp_path / "a.yaml"
    path.write_text(textwrap.dedent(GOLD), encoding="utf-8")
    return evaluate_document(load_gold(path, TEXT), PREDS)[0]


def test_organisations(scores):
    s = scores["organisations"]
    # UTT (exact name) and SU (acronym) match; the doctoral school matches an optional entry and is dropped;
    # Région Grand Est is a false positive, CNRS a false negative: P = R = 2/3
    assert (s.tp, s.fp, s.fn) == (2, 1, 1)
    assert s.precision == pytest.approx(2 / 3) and s.f1 == pytest.approx(2 / 3)
    assert s.attributes == {"kind": [1, 2], "name": [1, 2]}


def test_dates(scores):
    d, n = scores["dates"], scores["dates_normalised"]
    # detection: the three required entries are overlapped; "coopère" is extra: P = 3/4, R = 1
    assert (d.tp, d.fp, d.fn) == (3, 1, 0)
    assert d.f1 == pytest.approx(6 / 7)
    # normalised: "2020" and "2019/" (key "2019") count; "2021" for "Dès 2020" does not:
    # P = 2/4, R = 2/3, F1 = 2·(1/2)(2/3)/(1/2 + 2/3) = 4/7
    assert (n.tp, n.fp, n.fn) == (2, 2, 1)
    assert n.f1 == pytest.approx(4 / 7)
    assert n.attributes["value"] == [1, 3]                   # exact strings: only "2020"


def test_partnerships(scores):
    s = scores["partnerships"]
    # the cooperation prediction ties (Jaccard 1) with both UTT–SU entries and takes the one whose
    # kind and status agree; the three-party agreement then takes the other one (Jaccard 2/3);
    # the optional membership is left unmatched and ignored; the last prediction matches nothing
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.f1 == pytest.approx(0.8)
    assert s.attributes == {"kind": [2, 2], "status": [2, 2], "date": [2, 2]}


def test_goals(scores):
    s = scores["goals"]
    # Dice on words longer than two letters: 12/14 and 4/6 match; "renforcer la recherche" matches the
    # optional entry (4/5) and is dropped; "améliorer la vie étudiante" is a false positive
    assert (s.tp, s.fp, s.fn) == (2, 1, 0)
    assert s.attributes == {"actor": [1, 2], "theme": [1, 2], "horizon": [2, 2]}


def test_publication_date(scores):
    s = scores["publication_date"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0) and s.attributes["value"] == [1, 1]


def test_dice_and_words_follow_the_key():
    assert words("L’accord de la Région") == {"accord", "region"}
    assert dice({"a1", "b2", "c3"}, {"a1", "b2"}) == pytest.approx(0.8)


def test_a_tie_goes_to_the_required_entry_before_the_optional_one(tmp_path):
    path = tmp_path / "b.yaml"
    path.write_text(textwrap.dedent("""
        doc_id: b
        goals:
          - {text: créer un master, theme: education, optional: true}
          - {text: créer un master, theme: education}
        """), encoding="utf-8")
    preds = DocPreds(goals=[{"actor": "", "actor_id": "", "theme": "education", "horizon": "",
                             "text": "créer un master"}])
    s = evaluate_document(load_gold(path, ""), preds)[0]["goals"]
    assert (s.tp, s.fp, s.fn) == (1, 0, 0)
