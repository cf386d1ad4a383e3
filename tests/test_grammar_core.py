"""The grammar core on Docs built by hand (tags and morphology given, no model loaded):
subjects, anaphors, clause bounds, where an objective stops, verb forms, folding."""
from __future__ import annotations

import pytest
from handdoc import hand_doc, index, lexicons

from extract.actors import Actors
from extract.docview import sentences
from extract.grammar import clause_bounds, is_finite_verb, is_future, is_infinitive, objective_end
from extract.normalise import fold
from extract.partnerships.clauses import clauses

FIN = "VerbForm=Fin|Tense=Pres"
FUT = "VerbForm=Fin|Tense=Fut"
INF = "VerbForm=Inf"


def actors_of(doc):
    return Actors(doc, lexicons())


def test_subject_skips_a_relative_clause_between_commas():
    doc = hand_doc(f"<Centrale/PROPN Lille/PROPN> ,/PUNCT qui/PRON a/AUX/{FIN} rejoint/VERB/VerbForm=Part|Tense=Past "
                   f"<IMT/PROPN> ,/PUNCT pilotera/VERB/{FUT} le/DET projet/NOUN ./PUNCT", {"IMT": "group"})
    subj = actors_of(doc).subject(index(doc, "pilotera"), 0)
    assert (subj.kind, subj.org.name) == ("org", "Centrale Lille")


def test_organisation_after_a_preposition_is_no_subject():
    doc = hand_doc(f"La/DET bibliothèque/NOUN de/ADP l'/DET <Mines/PROPN Nancy/PROPN> ouvre/VERB/{FIN} ./PUNCT")
    subj = actors_of(doc).subject(index(doc, "ouvre"), 0)
    assert subj.kind == "noun" and subj.org is None


def test_a_title_of_a_body_makes_the_body_the_subject():
    doc = hand_doc(f"Le/DET directeur/NOUN de/ADP <Mines/PROPN Nancy/PROPN> signe/VERB/{FIN} ./PUNCT")
    subj = actors_of(doc).subject(index(doc, "signe"), 0)
    assert (subj.kind, subj.org.name) == ("org", "Mines Nancy")


def test_coordinated_subjects_are_all_kept():
    doc = hand_doc(f"L'/DET <ESTP/PROPN> et/CCONJ <VINCI/PROPN Construction/PROPN> se/PRON fixent/VERB/{FIN} "
                   "trois/NUM priorités/NOUN ./PUNCT", {"ESTP": "school", "VINCI Construction": "company"})
    subj = actors_of(doc).subject(index(doc, "fixent"), 0)
    assert subj.org.name == "VINCI Construction" and [o.name for o in subj.others] == ["ESTP"]


def test_nous_is_the_issuer():
    doc = hand_doc(f"Nous/PRON voulons/VERB/{FIN} renforcer/VERB/{INF} la/DET recherche/NOUN ./PUNCT")
    assert actors_of(doc).subject(index(doc, "voulons"), 0).kind == "pronoun"


def test_anaphor_in_subject_position_continues_the_topic():
    doc = hand_doc(f"<Université/PROPN de/ADP Lille/PROPN> signe/VERB/{FIN} un/DET accord/NOUN ./PUNCT "
                   f"L'/DET université/NOUN veut/VERB/{FIN} former/VERB/{INF} ./PUNCT")
    actors = actors_of(doc)
    i = index(doc, "université")
    assert actors.anaphor_at(i) == "universite"
    assert actors.resolve_anaphor(i, subject=True).name == "Université de Lille"


def test_anaphor_elsewhere_is_the_body_introduced_with_that_noun():
    doc = hand_doc(f"Le/DET réseau/NOUN <T.I.M.E./PROPN> accueille/VERB/{FIN} "
                   "<Université/PROPN de/ADP Gand/PROPN> ./PUNCT "
                   f"<UTC/PROPN> est/AUX/{FIN} membre/NOUN du/ADP réseau/NOUN ./PUNCT",
                   {"T.I.M.E.": "group", "UTC": "university"})
    actors = actors_of(doc)
    assert actors.resolve_anaphor(index(doc, "réseau", 1), subject=False).name == "T.I.M.E."


def test_a_noun_that_names_something_else_is_no_anaphor():
    doc = hand_doc(f"<Université/PROPN de/ADP Lille/PROPN> ./PUNCT "
                   f"L'/DET école/NOUN doctorale/ADJ ouvre/VERB/{FIN} ./PUNCT")
    assert actors_of(doc).anaphor_at(index(doc, "école")) is None


def test_clause_bounds_stop_at_semicolons():
    doc = hand_doc("former/VERB les/DET étudiants/NOUN ;/PUNCT attirer/VERB des/DET chercheurs/NOUN ./PUNCT")
    sent = sentences(doc)[0]
    assert clause_bounds(sent, index(doc, "attirer")) == (index(doc, ";") + 1, len(doc))
    assert clause_bounds(sent, 0) == (0, index(doc, ";"))


def test_a_new_subject_after_a_colon_opens_a_clause():
    doc = hand_doc(f"<UTT/PROPN> étend/VERB/{FIN} la/DET coopération/NOUN :/PUNCT les/DET deux/NUM établissements/NOUN "
                   f"envisagent/VERB/{FIN} une/DET école/NOUN ./PUNCT")
    colon = index(doc, ":")
    assert clauses(doc, sentences(doc)[0]) == [(0, colon), (colon, len(doc))]


def test_a_purpose_clause_ends_the_objective():
    doc = hand_doc(f"renforcer/VERB/{INF} la/DET recherche/NOUN afin/ADV de/ADP former/VERB/{INF} des/DET "
                   "ingénieurs/NOUN ./PUNCT")
    assert objective_end(doc, 0, len(doc) - 1, [fold(t.text) for t in doc], lexicons()) == index(doc, "afin")


def test_a_tagged_participle_no_participle_has_is_a_conjugated_verb():
    part = "VerbForm=Part|Tense=Past"
    doc = hand_doc(f"elle/PRON participe/VERB/{part} ,/PUNCT ils/PRON participent/VERB/{part} ,/PUNCT "
                   f"la/DET mise/VERB/{part} ,/PUNCT faite/VERB/{part} ,/PUNCT participé/VERB/{part}")
    found = {t.text: is_finite_verb(t) for t in doc if t.pos_ == "VERB"}
    assert found == {"participe": True, "participent": True, "mise": False, "faite": False, "participé": False}


def test_a_comma_and_a_gerund_or_sans_end_the_objective():
    doc = hand_doc(f"regrouper/VERB/{INF} leurs/DET forces/NOUN ,/PUNCT sans/ADP envisager/VERB/{INF} de/ADP "
                   "fusion/NOUN")
    assert objective_end(doc, 0, len(doc), [fold(t.text) for t in doc], lexicons()) == index(doc, ",")


def test_an_illustration_ends_the_objective_only_when_soft():
    doc = hand_doc(f"développer/VERB/{INF} des/DET masters/NOUN ,/PUNCT notamment/ADV en/ADP IA/PROPN")
    folded = [fold(t.text) for t in doc]
    assert objective_end(doc, 0, len(doc), folded, lexicons()) == index(doc, "notamment")
    assert objective_end(doc, 0, len(doc), folded, lexicons(), soft=False) == len(doc)


def test_a_closing_quotation_ends_an_objective_opened_in_it():
    doc = hand_doc(f"«/PUNCT devenir/VERB/{INF} une/DET université/NOUN européenne/ADJ »/PUNCT ,/PUNCT "
                   f"affirme/VERB/{FIN} le/DET président/NOUN")
    folded = [fold(t.text) for t in doc]
    assert objective_end(doc, 1, len(doc), folded, lexicons()) == index(doc, "»")


@pytest.mark.parametrize(("spec", "infinitive"), [
    ("Diversifier/PROPN les/DET sources/NOUN", True),      # a capitalised infinitive the tagger calls a name
    (f"renforcer/VERB/{INF} les/DET liens/NOUN", True),
    ("Calendrier/PROPN des/DET actions/NOUN", False),       # ends like an infinitive, is a noun
    ("Signature/PROPN d'/ADP une/DET charte/NOUN", False),  # no French infinitive ends in -ture
    ("préparerons/VERB/VerbForm=Inf un/DET plan/NOUN", False),  # a future the tagger calls an infinitive
    (f"renforce/VERB/{FIN} les/DET liens/NOUN", False),
])
def test_infinitives(spec, infinitive):
    assert is_infinitive(hand_doc(spec)[0]) is infinitive


@pytest.mark.parametrize(("spec", "future"), [
    (f"renforcera/VERB/{FUT}", True),
    ("seront/AUX", True),                                  # an irregular future
    ("défini/VERB/VerbForm=Part|Tense=Past", False),
    (f"renforce/VERB/{FIN}", False),
    ("préparerons/VERB/VerbForm=Inf", True),               # the tagger's "Inf" on a future's ending is a slip
])
def test_futures(spec, future):
    assert is_future(hand_doc(spec)[0]) is future


def test_one_folding_everywhere():
    assert fold("Dès") == "des" and fold("l’Université") == "l'universite" and fold("ÉCOLE") == "ecole"
    doc = hand_doc("Dès/ADP l’/DET École/NOUN")
    assert [t._.folded for t in doc] == ["des", "l'", "ecole"]
