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
ACRONYM_SHAPE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9.&+!-]{1,11}$|^[A-Z][a-z]{2,6}$")
OPENING_QUOTES = frozenset({"«", '"', "“"})
CLOSING_QUOTES = frozenset({"»", '"', "”"})
