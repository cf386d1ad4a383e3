"""Layout and sentence boundaries (pure functions)."""
from extract.layout import lines_of, list_groups, sentence_starts

TEXT = """Stratégie 2024-2028 de l'École

La stratégie s'organise autour des axes suivants :

  • Développer la recherche
  • Accroître les mobilités

Par son implantation régionale, l'école est très active. M. Dupont, directeur, l'a présenté
hier aux équipes du réseau T.I.M.E. et aux partenaires.

Par Jean Martin
"""


def test_lines_are_classified():
    kinds = [(ln.kind, ln.text[:20]) for ln in lines_of(TEXT)]
    assert kinds == [
        ("heading", "Stratégie 2024-2028 "),
        ("prose", "La stratégie s'organ"),
        ("bullet", "• Développer la rech"),
        ("bullet", "• Accroître les mobi"),
        ("prose", "Par son implantation"),   # a sentence opening with "Par son", not a byline
        ("prose", "hier aux équipes du "),
        ("meta", "Par Jean Martin"),
    ]


def test_bullets_are_grouped_under_their_introduction():
    (group,) = list_groups(lines_of(TEXT))
    assert group.intro.text.endswith("suivants :")
    assert [item.body for item in group.items] == ["Développer la recherche", "Accroître les mobilités"]


def test_sentences_follow_layout_and_punctuation():
    starts = sentence_starts(TEXT)
    sentences = [TEXT[a:b].strip() for a, b in zip(starts, starts[1:] + [len(TEXT)], strict=True)]
    assert sentences == [
        "Stratégie 2024-2028 de l'École",
        "La stratégie s'organise autour des axes suivants :",
        "• Développer la recherche",
        "• Accroître les mobilités",
        "Par son implantation régionale, l'école est très active.",
        # "M." is an abbreviation, "T.I.M.E." initials, the wrapped line continues the sentence
        "M. Dupont, directeur, l'a présenté\nhier aux équipes du réseau T.I.M.E. et aux partenaires.",
        "Par Jean Martin",
    ]


def test_a_first_line_followed_by_a_capital_is_the_title():
    titled = "L'Université de Tours engagée aux côtés des organismes de recherche\nA l'issue de la journée, elle signe."
    assert [ln.kind for ln in lines_of(titled)] == ["heading", "prose"]
    starts = sentence_starts(titled)
    assert [titled[a:b].strip() for a, b in zip(starts, starts[1:] + [len(titled)], strict=True)] == [
        "L'Université de Tours engagée aux côtés des organismes de recherche", "A l'issue de la journée, elle signe."]
    # a first line wrapped in the middle of a sentence goes on in lowercase: no title
    wrapped = "L'Université de Tours et le CNRS ont signé hier un accord\nde coopération pour cinq ans."
    assert [ln.kind for ln in lines_of(wrapped)] == ["prose", "prose"]
    assert sentence_starts(wrapped) == [0]
