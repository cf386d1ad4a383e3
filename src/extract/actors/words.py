"""The word classes the actor steps read (patterns/words.jsonl)."""
from __future__ import annotations

from ..normalise import fold
from ..words import words

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
W = words()
AUXILIARIES = W.set("auxiliaries")
COPULAS = W.set("copulas")
PRONOUN_ACTORS = W.set("pronoun_actors")
SPEAKER_POSSESSIVES = W.set("speaker_possessives")
PREPOSITIONS = W.set("prepositions")
RELATIVES = W.set("relatives")


PERSON_TITLES = W.set("person_titles")
HEAD_TITLES = W.set("head_titles")
ORGAN_NOUNS = W.set("organ_nouns")
FORMER = W.set("former_markers")
PLURAL_BODIES = frozenset(W.kinds_of("plural_party_nouns"))
PLURAL_DETERMINERS = frozenset({"les", "ces", "nos", "leurs"})
ANAPHOR_DETERMINERS = W.set("referring_determiners") | {"du", "au"}
DATE_WORDS = frozenset(fold(w) for w in (*W.values("months"), *W.values("weekdays"))) | W.set("date_context_words")
