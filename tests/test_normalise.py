"""Pure text functions: comparison keys, slugs, the clean working copy and its offsets, verb forms."""
from extract.normalise import clean_text, key, noun_forms, slug, verb_forms


def test_key_follows_spec_5():
    assert key("  L’Université  de Technologie—Troyes ") == "l universite de technologie troyes"
    assert key("Mines Saint-Étienne") == key("mines saint etienne")


def test_slug():
    assert slug("Université d'Évry Paris-Saclay") == "universite-d-evry-paris-saclay"


def test_clean_text_maps_back_to_the_original_offsets():
    original = "L\u2019UTT\u00a0:\r\nuni\u00adversité"
    clean = clean_text(original)
    assert clean.text == "L'UTT :\nuniversité"
    start = clean.text.index("université")
    s, e = clean.to_original(start, start + len("université"))
    assert original[s:e] == "uni\u00adversité"
    s, e = clean.to_original(0, 5)
    assert original[s:e] == "L\u2019UTT"


def test_verb_forms_cover_regular_conjugations():
    assert {"souhaite", "souhaitons", "souhaiteraient", "souhaité", "souhaitant"} <= verb_forms("souhaiter")
    assert {"envisageons", "envisagera"} <= verb_forms("envisager")
    assert {"adhère", "adhèrent", "adhérons"} <= verb_forms("adhérer")
    assert {"lançons", "lancera"} <= verb_forms("lancer")
    assert {"allieront", "allié"} <= verb_forms("s'allier")
    assert {"unissent", "unira"} <= verb_forms("unir")
    assert verb_forms("rejoindre") == {"rejoindre"}      # irregular verbs list their forms in the rule file


def test_noun_forms():
    assert noun_forms("accord") == {"accord", "accords"}
    assert noun_forms("réseau") == {"réseau", "réseaux"}
    assert noun_forms("partenariat") == {"partenariat", "partenariats"}
