"""Who does what: organisation mentions by position, the document's main actor,
and the subject of a clause. Shared by the partnerships and goals components."""
from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .normalise import strip_accents
from .organisations import Organisation

PRONOUNS_FOR_ACTOR = {"nous", "on", "il", "elle", "celui-ci", "celle-ci"}
SUBJECT_DEPS = {"nsubj", "nsubj:pass", "expl:subj"}


@dataclass
class OrgIndex:
    """Organisation mentions of a Doc sorted by position."""

    spans: list[tuple[int, int, Organisation]]

    @classmethod
    def of(cls, doc: Doc) -> "OrgIndex":
        spans = [(m.start, m.end, o) for o in (doc._.organisations or []) for m in o.mentions]
        spans.sort(key=lambda t: t[0])
        return cls(spans)

    def within(self, start: int, end: int) -> list[tuple[int, int, Organisation]]:
        i = bisect_left(self.spans, start, key=lambda t: t[0])
        out = []
        while i < len(self.spans) and self.spans[i][0] < end:
            if self.spans[i][1] <= end:
                out.append(self.spans[i])
            i += 1
        return out

    def at_token(self, tok: Token) -> Organisation | None:
        for s, e, o in self.within(tok.idx, tok.idx + len(tok.text) + 200):
            if s <= tok.idx < e:
                return o
            if s > tok.idx:
                break
        for s, e, o in self.spans:
            if s <= tok.idx < e:
                return o
        return None


def main_actor(doc: Doc) -> Organisation | None:
    """The organisation the document is about: most mentioned, with a bonus when
    named in the title; only when it clearly dominates the others."""
    orgs = doc._.organisations or []
    if not orgs:
        return None
    first_line_end = doc.text.find("\n", len(doc.text) - len(doc.text.lstrip()))
    first_line_end = len(doc.text) if first_line_end < 0 else first_line_end

    def score(o: Organisation) -> float:
        s = float(len(o.mentions))
        if any(m.start < first_line_end for m in o.mentions):
            s += 3
        return s

    ranked = sorted(orgs, key=lambda o: (-score(o), o.start))
    best = ranked[0]
    if score(best) < 3:
        return None
    if len(ranked) > 1 and score(best) < 1.4 * score(ranked[1]):
        return None
    return best


def subject_of(tok: Token) -> list[Token]:
    """Subject tokens of the verb that governs ``tok`` (itself, its head for an
    infinitive complement or an auxiliary), as the parser sees it."""
    seen = 0
    cur = tok
    while cur is not None and seen < 4:
        subj = [c for c in cur.children if c.dep_ in SUBJECT_DEPS]
        if subj:
            return subj
        if cur.dep_ in {"xcomp", "ccomp", "conj", "aux", "aux:pass", "cop", "acl", "obj", "obl", "mark"} and cur.head is not cur:
            cur = cur.head
            seen += 1
            continue
        break
    return []


def resolve_actor(doc: Doc, index: OrgIndex, sent: Span, trigger: Token, anaphors: frozenset[str],
                  not_actor: frozenset[str], fallback: Organisation | None) -> tuple[Organisation | None, bool]:
    """The organisation that acts at ``trigger`` and whether it was found explicitly.

    Order: an organisation in the parsed subject; a pronoun (``nous``) or an
    anaphoric noun (``l'établissement``) stands for the main actor; a subject
    that is people or a generic noun gives no actor; else the last organisation
    named before the trigger in the sentence outside a prepositional phrase;
    else the main actor.
    """
    for subj in subject_of(trigger):
        sub_start = min(t.idx for t in subj.subtree)
        sub_end = max(t.idx + len(t.text) for t in subj.subtree)
        found = index.within(sub_start, sub_end)
        if found:
            return found[0][2], True
        low = strip_accents(subj.lower_)
        if low in PRONOUNS_FOR_ACTOR or subj.lemma_.lower() in anaphors or low in anaphors:
            return fallback, False
        if subj.lemma_.lower() in not_actor or low in not_actor or subj.pos_ in {"NOUN", "PROPN"}:
            return None, False
    before = [o for s, e, o in index.within(sent.start_char, trigger.idx)]
    if before:
        # skip organisations introduced by a preposition ("le directeur de Mines Nancy")
        for s, e, o in reversed(index.within(sent.start_char, trigger.idx)):
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None or span.start == 0:
                return o, True
            prev = doc[span.start - 1]
            if prev.lower_.rstrip("'") in {"de", "du", "des", "d", "à", "au", "aux", "avec", "pour", "par", "sur"}:
                continue
            return o, True
    return fallback, False
