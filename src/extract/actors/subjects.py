"""The subject of a verb: the surface scan leftwards from the verb, coordinated subjects, the previous subject."""
from __future__ import annotations

from spacy.tokens import Span

from ..docview import sentence_of
from ..grammar import DETERMINERS, is_past_participle, open_bracket_before
from ..organisations import Organisation
from .model import Subject
from .words import (
    AUXILIARIES,
    COPULAS,
    DATE_WORDS,
    PERSON_TITLES,
    PLURAL_BODIES,
    PLURAL_DETERMINERS,
    PREPOSITIONS,
    PRONOUN_ACTORS,
    RELATIVES,
    SUBJECT_DEPS,
)


def first_finite_verb(sent: Span):
    """The first conjugated verb of a sentence (its main clause's, mostly), else None."""
    return next((t for t in sent if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")), None)


class SubjectsMixin:
    """Methods of :class:`extract.actors.Actors`."""

    def previous_subject(self, i: int, *, stop_at_thing: bool = False) -> Organisation | None:
        """The organisation that is the subject of the closest earlier sentence with one
        (up to three back). With ``stop_at_thing``, None as soon as an earlier sentence's
        subject is a thing (``La chaire … Elle collabore``)."""
        k = sentence_of(self.doc, i).start - 1
        for _ in range(3):
            if k < 0:
                return None
            prev = sentence_of(self.doc, k)
            org = self._sentence_subject(prev)
            if org is not None:
                return org
            if stop_at_thing:
                verb = first_finite_verb(prev)
                if verb is not None and self.subject(verb.i, prev.start).kind in ("noun", "generic", "people"):
                    return None
            k = prev.start - 1
        return None

    def before_articles(self, s: int, floor: int = 0) -> int:
        """The token before the body at ``s`` and its definite article (``de`` in ``de l'ENIT``), not below
        ``floor``."""
        p = s - 1
        while p > floor and self.folded[p] in {"l'", "la", "le", "les"}:
            p -= 1
        return p

    def through_title(self, s: int, floor: int = 0, heads: frozenset[str] = PERSON_TITLES) -> bool:
        """The body at ``s`` is named through a person's title (``le président de l'UPVD``, ``PDG d'Inria``)
        or another of ``heads``."""
        p = self.before_articles(s, floor)
        return p > floor and self.folded[p] in {"de", "d'", "du"} and self.folded[p - 1] in heads

    def pronoun_antecedent(self, i: int) -> Organisation | None:
        """What ``il``/``elle`` at token ``i`` stands for: a pronoun continues the
        organisation subject of the sentence before, unless that subject is a thing."""
        org = self.previous_subject(i, stop_at_thing=True)
        return org if org is not None else self._only_body_after_place(i)

    def _only_body_after_place(self, i: int) -> Organisation | None:
        """``Orléans va accueillir une antenne d'AgroParisTech … Elle va s'installer``: when the sentence
        before has a place for subject, a pronoun stands for the one body that sentence names."""
        k = sentence_of(self.doc, i).start - 1
        if k < 0:
            return None
        prev = sentence_of(self.doc, k)
        verb = first_finite_verb(prev)
        subj = self.subject(verb.i, prev.start) if verb is not None else None
        if subj is None or subj.kind != "noun" or not 0 <= subj.start < verb.i:
            return None
        head = next((t for t in self.doc[subj.start:verb.i] if t.pos_ in ("NOUN", "PROPN")), None)
        if head is None or head.pos_ != "PROPN" or head.ent_type_ not in ("LOC", "GPE"):
            return None
        bodies = {org.org_id: org for s, _, org in self.mentions if prev.start <= s < prev.end}
        return next(iter(bodies.values())) if len(bodies) == 1 else None

    def _sentence_subject(self, sent: Span) -> Organisation | None:
        key_ = sent.start
        if key_ in self._subject_cache:
            return self._subject_cache[key_]
        org = None
        head = _after_fronted_participle(sent)
        opening = [t for t in self.doc[head:min(head + 4, sent.end)]
                   if not (t.is_punct or t.is_space or self.folded[t.i] in {"l'", "le", "la", "les"})]
        if opening and opening[0].i in self.token_org:
            org = self.token_org[opening[0].i][0]          # the sentence opens on its subject
            self._subject_cache[key_] = org
            return org
        if len(opening) > 1 and self.folded[opening[0].i] == "pour" and opening[1].i in self.token_org:
            org, _, end = self.token_org[opening[1].i]     # "Pour l'Université de Poitiers, …": the topic
            if end < len(self.doc) and self.doc[end].text == ",":
                self._subject_cache[key_] = org
                return org
        verb = first_finite_verb(sent)
        if verb is not None:
            subj = self.subject(verb.i, sent.start)
            if subj.kind in ("org", "anaphor") and not subj.others:
                org = subj.org                     # several bodies coordinated are no one body's topic
            elif subj.kind == "noun":
                org = self._identified(verb.i)     # "La première école à s'implanter sera l'ISC Paris"
        self._subject_cache[key_] = org
        return org

    def _identified(self, verb: int) -> Organisation | None:
        """The body a copula identifies its subject with (``… sera l'Institut supérieur de commerce``)."""
        if self.folded[verb] not in COPULAS:
            return None
        k = verb + 1
        while k < len(self.doc) and self.folded[k] in {"l'", "le", "la", "les", "donc", "bien", "ainsi"}:
            k += 1
        return self.token_org[k][0] if k in self.token_org and self.token_org[k][1] == k else None

    def subject(self, verb: int, clause_start: int) -> Subject:
        """The subject of the verb at token ``verb`` (its clause starts at ``clause_start``)."""
        doc = self.doc
        tok = doc[verb]
        parsed = [c for c in tok.children if c.dep_ in SUBJECT_DEPS]
        for c in parsed:
            for i in range(c.left_edge.i, c.right_edge.i + 1):
                if i in self.token_org and i >= clause_start:
                    return Subject("org", self.token_org[i][0], self.token_org[i][1])
        surface = self._surface_subject(verb, clause_start)
        if surface.kind == "noun":
            # the parse knows where a long subject starts: "des campagnes de recrutement … démarreront"
            for c in parsed:
                if clause_start <= c.left_edge.i < surface.start and c.right_edge.i < verb:
                    return Subject("noun", None, c.left_edge.i)
        return surface

    def _shared_subject(self, verb: int, clause_start: int) -> Subject | None:
        """``Elle va généraliser … et ouvrira …``: a coordinated verb shares the first verb's subject."""
        doc, f = self.doc, self.folded
        j = verb - 1
        while j >= clause_start and (doc[j].pos_ == "ADV" or f[j] in {"se", "s'", "ne", "n'", "y", "en"}
                                     or j in self.incidental):
            j -= 1
        if j > clause_start and f[j] in {"et", "mais", "puis", "ou"}:
            for k in range(j - 1, clause_start - 1, -1):
                if is_verb(doc[k]) and k != verb:
                    return self.subject(k, clause_start)
        return None

    def _skipped_commas(self, j: int, clause_start: int, in_commas: bool) -> int | None:
        """Where to go on left of the comma at ``j``: before a parenthetical (``Centrale Lille, qui a
        rejoint l'IMT …, pilotera``) or an incidental phrase, else None."""
        k = j - 1
        while k >= clause_start and self.doc[k].text != ",":
            k -= 1
        if k >= clause_start and not in_commas and (self._parenthetical(k + 1, j)
                                                    or not self._has_subject_like(k + 1, j)):
            return k - 1
        return None

    def _noun_subject(self, head: int, clause_start: int) -> tuple[Subject, int | None]:
        """The subject a noun at ``head`` heads, and where to go on looking when it sits inside a
        complement (``… en direction de plusieurs nouveaux pays``)."""
        anaphor = self.anaphor_at(head)
        if anaphor:
            return Subject("anaphor", self.resolve_anaphor(head, subject=True), head), None
        if self.folded[head] in self.lex.people:
            return Subject("people", None, head), None
        start = self._np_start(head, clause_start)
        after_preposition = start > clause_start and self.folded[start - 1] in PREPOSITIONS
        if after_preposition and self.doc[start - 1].pos_ in ("ADP", "DET"):
            return self._classify(start, head), start - 2
        return self._classify(start, head), None

    def _surface_subject(self, verb: int, clause_start: int) -> Subject:
        """Scan left from the verb: over auxiliaries, adverbs, dates, parentheticals
        between commas and prepositional phrases, to the first thing that can be
        the subject."""
        shared = self._shared_subject(verb, clause_start)
        if shared is not None:
            return shared
        doc, f = self.doc, self.folded
        j = verb - 1
        in_commas = False
        fallback: Subject | None = None
        while j >= clause_start:
            w, t = f[j], doc[j]
            if t.text == ")" and (opening := open_bracket_before(doc, j, clause_start)) is not None:
                j = opening - 1                # "neuf écoles (…, une filiale, Eurecom) deviennent": an aside
                continue
            if t.text == ",":
                skip = self._skipped_commas(j, clause_start, in_commas)
                in_commas = in_commas or skip is None
                j = skip if skip is not None else j - 1
                continue
            if j in self.token_org:
                org, s, _ = self.token_org[j]
                if s > 1 and doc[s - 1].text == "(" and s - 2 in self.token_org:
                    j = s - 2                  # "X (UIR)": the acronym repeats the name before it
                    continue
                # "le directeur de Mines Nancy", "les élèves de l'ENIT": after a preposition, no subject
                if s > 0 and self.through_title(s, clause_start):
                    return Subject("org", org, s)   # "le président de l'UPVD souhaite": the body speaks
                p = self.before_articles(s, clause_start)
                if s > 0 and p >= clause_start and f[p] in PREPOSITIONS:
                    fallback = fallback or Subject("noun", None, self._np_start(p, clause_start))
                    j = p - 1
                    continue
                return self._coordinated_subject(org, s, clause_start)
            if w in PRONOUN_ACTORS:
                return Subject("pronoun", None, j)     # "nous", "on": where, to tell who speaks
            if w in RELATIVES:
                return Subject("relative", None, j)
            if w in AUXILIARIES or t.pos_ in ("ADV", "AUX") or t.is_space or _is_date_token(w) or j in self.incidental:
                j -= 1
                continue
            if t.pos_ in ("NOUN", "PROPN", "PRON", "ADJ", "NUM") or w in self.lex.people:
                subj, go_on = self._noun_subject(j, clause_start)
                if go_on is None:
                    return subj
                fallback = fallback or subj
                j = go_on
                continue
            j -= 1
        return fallback or Subject("none")

    def _coordinated_subject(self, org: Organisation, s: int, clause_start: int) -> Subject:
        """``l'ESTP et VINCI Construction se fixent …``: the organisations joined by
        ``et`` or commas before the one next to the verb share the subject."""
        articles = {"l'", "le", "la", "les"}
        others: list[Organisation] = []
        first = s
        k = s - 1
        while k > clause_start and self.folded[k] in articles:
            k -= 1
        by_et = False
        while k > clause_start and self.folded[k] in {"et", ","} \
                and (b := self._body_before(k, clause_start)) in self.token_org:
            by_et = by_et or self.folded[k] == "et"
            prev, ps, _ = self.token_org[b]
            if prev is not org and prev not in others:
                others.append(prev)
            first = ps
            k = ps - 1
            while k > clause_start and self.folded[k] in articles:
                k -= 1
        if not others or not by_et or (k >= clause_start and k < first and (
                self.folded[k] in PREPOSITIONS or self.doc[k].pos_ in ("VERB", "AUX"))):
            # "avec X et Y", "En rejoignant X, Y …": complements; "Membre de l'alliance X, Y souhaite …": a comma
            # alone joins no subjects, it ends a fronted phrase
            return Subject("org", org, s)
        return Subject("org", org, s, tuple(reversed(others)))

    def _body_before(self, k: int, clause_start: int) -> int:
        """The token before ``k``, or before the parenthesis that closes there (``X (HES-SO) et Y``)."""
        if self.doc[k - 1].text == ")" and (opening := open_bracket_before(self.doc, k - 1, clause_start)) is not None:
            return opening - 1
        return k - 1

    def _classify(self, start: int, head: int) -> Subject:
        f = self.folded
        nouns = {f[k] for k in range(start, head + 1)}
        if nouns & self.lex.people:
            return Subject("people", None, start)
        if nouns & (self.lex.generic_partner | {"signataires", "partenaires", "acteurs"}):
            return Subject("generic", None, start)
        if f[start] in PLURAL_DETERMINERS and f[head] in PLURAL_BODIES:
            return Subject("generic", None, start)       # "Les universités se fixent …": several bodies
        if f[head] in {"il", "elle", "celui-ci", "celle-ci"} and start == head:   # the tagger may call "Elle" a noun
            return Subject("pronoun", None, head)
        return Subject("noun", None, start)

    def _parenthetical(self, start: int, end: int) -> bool:
        """A segment between commas that opens with a relative pronoun or a participle."""
        if start >= end:
            return False
        t = self.doc[start]
        return self.folded[start] in RELATIVES or is_past_participle(t)

    def _has_subject_like(self, start: int, end: int) -> bool:
        return any(i in self.token_org or self.folded[i] in PRONOUN_ACTORS for i in range(start, end))

    def _np_start(self, head: int, clause_start: int) -> int:
        """First token of the noun phrase ending at ``head`` (determiner included)."""
        doc, f = self.doc, self.folded
        k = head
        while k > clause_start:
            prev = doc[k - 1]
            if prev.text in {",", ";", ":", "(", "«"} or prev.pos_ in ("VERB", "AUX") or f[k - 1] in RELATIVES:
                break
            k -= 1
            if f[k] in DETERMINERS and (k == clause_start or doc[k - 1].pos_ not in ("ADP", "NOUN", "ADJ")
                                        and f[k - 1] not in {"de", "d'", "du", "des"}):
                break
        return k

def is_verb(tok) -> bool:
    """A conjugated verb (finite, or a tagged verb that is no infinitive nor participle)."""
    forms = set(tok.morph.get("VerbForm"))
    return tok.pos_ in ("VERB", "AUX") and ("Fin" in forms or not forms) \
        and not tok.text.lower().endswith(("er", "ir", "re"))


def _is_date_token(w: str) -> bool:
    return w.isdigit() or w in DATE_WORDS


def _after_fronted_participle(sent: Span) -> int:
    """Where a sentence's subject may open: after a fronted participial phrase (``Créée en 2015, la Fondation
    compte …``, whose verb the tagger may read as a noun), else at its start."""
    if not is_past_participle(sent[0]):
        return sent.start
    comma = next((t.i for t in sent[1:8] if t.text == ","), None)
    return comma + 1 if comma is not None else sent.start
