"""The dates component: what needs the parse (quantities) and the anchor (publication date, manifest)."""
from datetime import date


def values(doc):
    return [(d.timex.text, d.value) for d in doc._.dates]


def test_a_year_shaped_quantity_is_not_a_date(analyse):
    doc = analyse("L'université accueille 2000 étudiants depuis 2019.")
    assert values(doc) == [("depuis 2019", "2019/")]


def test_a_count_at_a_date_is_not_a_date(analyse):
    doc = analyse("L'objectif est d'accueillir 1000 étudiants à la rentrée 2025 et 2000 en 2027.")
    assert values(doc) == [("rentrée 2025", "2025-09"), ("2027", "2027")]


def test_relative_dates_resolve_against_the_stated_publication_date(analyse):
    doc = analyse("Publié le 3 mai 2024\n\nL'université a signé hier un accord qui entre en vigueur l'an prochain.")
    assert doc._.publication_date == date(2024, 5, 3)
    assert values(doc) == [("3 mai 2024", "2024-05-03"), ("hier", "2024-05-02"), ("l'an prochain", "2025")]


def test_the_manifest_date_anchors_a_text_that_states_none(analyse):
    doc = analyse("Cette année, l'école recrute vingt enseignants.", publication_date="2022-05-01")
    assert doc._.publication_date is None          # documents.csv reports only what the text states
    assert values(doc) == [("Cette année", "2022")]


def test_a_weekday_points_forward_in_a_future_sentence(analyse):
    doc = analyse("Publié le 14 mars 2024\n\nLa convention sera signée ce mardi à Lyon.")
    assert values(doc)[-1] == ("ce mardi", "2024-03-19")


def test_the_anchors_own_weekday_in_a_future_sentence_is_that_day(analyse):
    # 14 March 2024 is a Thursday: "ce jeudi" in a future sentence is the day itself, not a week later
    doc = analyse("Publié le 14 mars 2024\n\nLes deux écoles officialiseront leur rapprochement ce jeudi.")
    assert values(doc)[-1] == ("ce jeudi", "2024-03-14")


def test_a_weekday_points_back_in_a_past_sentence(analyse):
    doc = analyse("Publié le 14 mars 2024\n\nLa convention a été signée ce mardi à Lyon.")
    assert values(doc)[-1] == ("ce mardi", "2024-03-12")


def test_an_update_date_anchors_but_is_no_publication_date(analyse):
    doc = analyse("Nos projets\n\nL'université ouvrira l'an prochain un campus à Cholet.\n\n"
                  "Page mise à jour le 15 janvier 2024")
    assert doc._.publication_date is None
    assert values(doc)[:1] == [("l'an prochain", "2025")]


def test_a_season_with_a_demonstrative_follows_the_tense(analyse):
    past = analyse("Publié le 9 avril 2026\n\nLes discussions ont commencé cet hiver.")
    future = analyse("Publié le 9 avril 2026\n\nLe campus ouvrira cet automne.")
    assert values(past)[-1] == ("cet hiver", "2025-12")
    assert values(future)[-1] == ("cet automne", "2026-09")
