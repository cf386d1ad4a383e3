"""The French temporal grammar (pure, no spaCy): every form of SPEC §3–§4 with its value.

Each case is written inline: the marked spans are the expressions a reader
expects, with their SPEC §4 value; the grammar must find one expression
overlapping each, with that value, and nothing else.
"""
from datetime import date

import pytest
from markup import parse

from extract.published import publication_date
from extract.timex import find_timexes, resolve

ANCHOR = date(2024, 3, 14)   # a Thursday

CASES = [
    # full and partial dates
    "Le <d v='2024-03-14'>jeudi 14 mars 2024</d>, l'université a signé.",
    "Signé le <d v='2023-01-01'>1er janvier 2023</d> à Lyon.",
    # a decree's number is an identifier, not a year
    "(Décret n° 2016-1527 du <d v='2016-11-14'>14 novembre 2016</d> modifiant le décret n° 2012-279.)",
    # "dès" a school year's opening: from its start on
    "Il se concrétisera <d v='2022-09/'>dès la rentrée académique 2022-2023</d>.",
    "Mis à jour : <d v='2024-03-15'>15/03/2024</d>.",
    "Lancé en <d v='2021-09'>septembre 2021</d>, le programme continue.",
    "Les cours commencent à la <d v='2019-09'>rentrée 2019</d>.",
    "Pour l'<d v='2022-09/2023-08'>année universitaire 2022-2023</d>, trois masters ouvrent.",
    "Le campus ouvrira au <d v='2025-03'>printemps 2025</d>.",
    "Le bâtiment sera livré <d v='2024'>fin 2024</d>.",
    "Les inscriptions ouvrent <d v='2025-01'>début janvier 2025</d>.",
    "Le colloque se tiendra du <d v='2024-06-03/2024-06-05'>3 au 5 juin 2024</d> à Nancy.",
    "Réunis les <d v='2024-09-10/2024-09-11'>10 et 11 septembre</d>, les recteurs ont signé.",
    "Un accord doit être conclu <d v='/2024'>avant la fin de l'année</d>.",
    # ranges and open periods
    "La stratégie <d v='2023/2027'>2023-2027</d> est adoptée.",
    "Le programme a couru <d v='2015/2019'>de 2015 à 2019</d>.",
    "<d v='2014/'>Dès 2014</d>, des campagnes démarreront.",
    "<d v='2018-09/'>À partir de la rentrée 2018</d>, les écoles s'allient.",
    # "à partir du", "à compter du" open a period as "à partir de" does; a rentrée may name its month
    "<d v='2024-09-01/'>À compter du 1er septembre 2024</d>, puis <d v='2025-01-01/'>à partir du 1er janvier "
    "2025</d>.",
    "<d v='2025-09/'>À compter de la rentrée de septembre 2025</d>, l'école ouvre.",
    "L'école est membre <d v='2017-05/'>depuis mai 2017</d>.",
    "Il faudra recruter <d v='/2030'>d'ici 2030</d> et former <d v='/2030'>à l'horizon 2030</d>.",
    "Le dispositif court <d v='/2017'>jusqu'en 2017</d>.",
    # relative expressions, resolved against the anchor
    "<d v='2024'>Cette année</d>, l'école recrute.",
    "L'accord signé en <d v='2023-10'>octobre dernier</d> entre en vigueur.",
    "Il entrera en vigueur en <d v='2024-10'>octobre prochain</d>.",
    "Les travaux débuteront <d v='2025'>l'an prochain</d>.",
    "Le plan couvre <d v='2024/2027'>les trois prochaines années</d>.",
    "Le plan sera mis en œuvre au cours des <d v='2024/2027'>trois prochaines années</d>.",
    "<d v='2024-03-13'>Hier</d>, le conseil a voté.",
    "Le conseil s'est réuni <d v='2024-03-12'>mardi dernier</d>.",
    "La convention sera signée <d v='2024-03-19'>mardi prochain</d>.",
    "Les présidents ont signé <d v='2024-03-14'>ce jeudi</d> une convention.",
    "Le vote a eu lieu le <d v='2024-02-28'>28 février dernier</d>.",
    "La convention a été signée en <d v='2024-06'>juin</d> avec le CNRS.",
    # durations anchored in the text's time: "d'ici N ans" from the anchor; "depuis N ans" no calendar point
    "L'école veut doubler ses effectifs <d v='/2034'>d'ici dix ans</d>, puis <d v='/2027'>d'ici à trois ans</d>.",
    "Les deux écoles coopèrent <d v=''>depuis une quinzaine d'années</d>, la ville <d v=''>depuis 18 mois</d>.",
    # "dans N ans": the year N years after the anchor's, a point
    "Les deux écoles fusionneront <d v='2027'>dans trois ans</d> ; <d v='2026'>Dans 2 ans</d>, le campus ouvrira.",
    "L'enjeu <d v='2024/2028'>des quatre années à venir</d> est l'apprentissage.",
    # two months of one year; a decade
    "Numéro de <d v='2024-06/2024-07'>juin/juillet 2024</d>, sur les recherches <d v='1980/1989'>des années 1980</d>.",
    # no dates here
    "L'université compte 12 500 étudiants et un budget de 120 M€.",
    "Former les ingénieurs qui relèveront les défis de demain.",
    "Sept universités ont signé ; 30 % des étudiants sont en apprentissage.",
    "Le mardi, les cours finissent tôt.",
    "La convention est signée pour une durée de cinq ans.",
    "Les deux écoles coopèrent depuis plusieurs années.",                # no quantity, no anchor
]

NO_ANCHOR = [
    "<d v=''>Cette année</d>, l'école recrute.",
    "L'accord signé en <d v=''>octobre dernier</d> entre en vigueur.",
    "La plateforme a été lancée <d v=''>début octobre</d>.",
    "<d v=''>Hier</d>, le conseil a voté.",
    "Le plan couvre <d v='2024/2027'>2024-2027</d>.",
]


def _check(marked: str, anchor):
    text, gold = parse(marked)
    found = [(t, resolve(t, anchor)) for t in find_timexes(text)]
    got = [(text[t.start:t.end], v) for t, v in found]
    assert len(found) == len(gold), f"{marked!r}: found {got}"
    for g in gold:
        match = [(t, v) for t, v in found if t.start < g.end and g.start < t.end]
        assert match, f"{g.text!r} not found in {got}"
        assert match[0][1] == g.attrs["v"], f"{g.text!r}: {match[0][1]!r} != {g.attrs['v']!r}"


@pytest.mark.parametrize("marked", CASES)
def test_grammar_with_anchor(marked):
    _check(marked, ANCHOR)


@pytest.mark.parametrize("marked", NO_ANCHOR)
def test_relative_dates_without_anchor_stay_unresolved(marked):
    _check(marked, None)


def test_publication_date_prefers_the_published_field():
    text = "Un accord pour 2025\n\nPar Jean Martin — Publié le 3 mai 2024\n\nLe 2 mai 2024, l'université a signé."
    assert publication_date(text) == date(2024, 5, 3)


def test_publication_date_skips_a_date_in_the_title_but_reads_the_dateline():
    text = "L'ENIT rejoindra Toulouse INP au 1er janvier 2025\n\nTarbes, 9 décembre 2024\n\nLe conseil a voté."
    assert publication_date(text) == date(2024, 12, 9)


def test_a_dateline_may_carry_a_weekday_and_a_clock_time():
    text = "Accord entre l'université et le CNRS\nmar, 04/03/2025 - 09:15\nLes deux partenaires ont signé hier.\n"
    assert publication_date(text) == date(2025, 3, 4)
    assert publication_date("Titre\nNantes, le 2 mai 2024 à 10h30\nTexte.\n") == date(2024, 5, 2)


def test_a_magazines_issue_line_dates_it_to_the_month():
    text = "Accord-cadre entre deux universités\nMars 2011 /92\nLe 12 janvier dernier, un accord a été signé.\n"
    published = publication_date(text)
    assert published.isoformat() == "2011-03"
    # it anchors "dernier" to the year, and no day ("hier" needs the day)
    (jan, ) = [t for t in find_timexes(text) if t.text.startswith("12 janvier")]
    assert resolve(jan, published) == "2011-01-12"
    (hier, ) = find_timexes("Ils ont signé hier.")
    assert resolve(hier, published) == ""
    two = "Les chaires\nDossier : CampusHebdo N°204 Octobre/Novembre 2012\nChaire Orange\n"
    assert publication_date(two).isoformat() == "2012-10"
    # a sentence that opens with a month is no issue line
    assert publication_date("Le plan\nEn mars 2024, le conseil a voté le plan.\n") is None


def test_an_update_field_under_the_title_is_the_pages_date():
    text = "Le schéma régional\nMis à jour le 15/05/2024\nLe schéma a été voté en décembre 2022.\n"
    assert publication_date(text) == date(2024, 5, 15)


def test_publication_date_from_an_opening_sentence():
    text = "Ce mardi 10 juillet 2018, l'IMT et six écoles ont noué un partenariat.\n\nSuite du texte."
    assert publication_date(text) == date(2018, 7, 10)


def test_no_publication_date_when_the_text_states_none():
    assert publication_date("Stratégie 2023-2027 de l'IMT\n\nL'Institut vise 2030.") is None


def test_an_event_date_inside_the_first_sentence_is_no_publication_date():
    text = "Projet d'établissement\n\nL'Université d'Angers a adopté le 5 décembre 2023 son projet pour 2024-2028."
    assert publication_date(text) is None
    labelled = "Communiqué de presse — Angers, le 6 décembre 2023\n\nL'université a adopté son projet."
    assert publication_date(labelled) == date(2023, 12, 6)
