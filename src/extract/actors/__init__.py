"""Who does what: organisation mentions by token, the document's main actor,
the subject of a clause and the organisation an anaphor stands for.

Shared by the partnership and goal components. The dependency parse is tried
first for subjects; where it fails on this prose (it often roots a sentence on
an organisation's name), a surface scan leftwards from the verb takes over.
"""
from __future__ import annotations

from spacy.tokens import Doc

from ..docview import cached, lines, text_of
from ..lexicon import Lexicons, folded_tokens
from ..normalise import fold
from ..organisations import Organisation
from .anaphors import AnaphorsMixin
from .model import Subject
from .speakers import SpeakersMixin
from .subjects import SubjectsMixin, is_verb
from .words import FORMER


class Actors(AnaphorsMixin, SubjectsMixin, SpeakersMixin):
    """Organisation mentions of one Doc, and who acts in its clauses (subjects.py, anaphors.py, speakers.py)."""

    def __init__(self, doc: Doc, lex: Lexicons, folded: list[str] | None = None):
        self.doc = doc
        self.lex = lex
        self.folded = folded if folded is not None else folded_tokens(doc)
        self.orgs: list[Organisation] = list(doc._.organisations or [])
        self.token_org: dict[int, tuple[Organisation, int, int]] = {}
        self.mentions: list[tuple[int, int, Organisation]] = []  # token ranges
        for org in self.orgs:
            for m in org.mentions:
                span = doc.char_span(m.start, m.end, alignment_mode="expand")
                if span is None:
                    continue
                self.mentions.append((span.start, span.end, org))
                for i in range(span.start, span.end):
                    self.token_org[i] = (org, span.start, span.end)
        self.mentions.sort(key=lambda t: t[0])
        self.incidental: set[int] = set()     # tokens of "en revanche", "pour sa part" …: never a subject
        i = 0
        while i < len(doc):
            hit = self.lex.incidental.match(doc, i, self.folded)
            if hit is not None:
                self.incidental.update(range(i, i + hit[1]))
                i += hit[1]
            else:
                i += 1
        self.main = main_actor(doc)
        self._subject_cache: dict[int, Organisation | None] = {}
        self._people_orgs: dict[str, Organisation] | None = None

    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Organisation]]:
        return [m for m in self.mentions if m[0] >= start and m[1] <= end]




def actors_of(doc: Doc, lex: Lexicons) -> "Actors":
    """The :class:`Actors` of a document, built once and shared by the components."""
    return cached(doc, "actors", lambda d: Actors(d, lex, folded_tokens(d)))

def main_actor(doc: Doc) -> Organisation | None:
    """The organisation the document is about: most mentioned, with a bonus when
    named in its title; only when it clearly dominates the others."""
    orgs = [o for o in doc._.organisations or [] if not o.authority]   # the State is never the topic
    orgs = [o for o in orgs if not any(_former(doc, m.start) for m in o.mentions)]
    if not orgs:
        return None
    if len(orgs) == 1:
        return orgs[0]                     # the only body the text names
    title = next((ln for ln in lines(doc) if ln.kind in ("heading", "prose")), None)
    title_range = (title.start, title.end) if title else (0, 0)

    def score(o: Organisation) -> float:
        s = float(len(o.mentions))
        if any(title_range[0] <= m.start < title_range[1] for m in o.mentions):
            s += 3
        return s

    ranked = sorted(orgs, key=lambda o: (-score(o), o.start))
    best = ranked[0]
    if score(best) < 2:
        return None
    if len(ranked) > 1 and score(best) < 1.4 * score(ranked[1]):
        return None
    return best


def _former(doc: Doc, start: int) -> bool:
    """A mention right after ``ex-`` or ``ancien`` (``le site de l'ex-CEAT``, ``l'ancien Centre d'essais``):
    a former body, named as a place or a predecessor; not what the text is about."""
    before = text_of(doc)[max(0, start - 12):start].lower()
    words_before = before.replace("-", " ").replace("'", " ").replace("’", " ").split()
    return bool(words_before) and fold(words_before[-1]) in FORMER


__all__ = ["Actors", "Subject", "actors_of", "is_verb", "main_actor"]
