"""Word sets and shapes the name grammar reads."""
from __future__ import annotations

import re

from ..words import words

W = words()
PARTICLES = set(W.set("name_particles_plain"))
DETERMINERS = {w.rstrip("'") for w in W.set("articles")}
NAME_PARTICLES = W.set("name_particles")
COUNTING_DETERMINERS = W.set("counting_determiners")
ELISION = re.compile(r"^(?:[lLdD]|qu|Qu)'")
ACRONYM_SHAPE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9.&+!-]{1,11}$|^[A-Z][a-z]{2,6}[!+]?$")
OPENING_QUOTES = frozenset({"«", '"', "“"})
CLOSING_QUOTES = frozenset({"»", '"', "”"})


def is_place(tok) -> bool:
    """A known place name (the model knows the word and tags it a place): ``Lyon``, ``Paris``."""
    return tok.ent_type_ in ("LOC", "GPE") and tok.has_vector


def is_brand(tok) -> bool:
    """A capitalised word the model knows no lowercase word for: a brand (``Lesaffre``, ``ArcelorMittal``,
    ``Neoma``), where towns and common words have one (``Lyon``, ``Orange``, ``Unite``)."""
    return tok.text[:1].isupper() and not tok.vocab.has_vector(tok.text.lower())
