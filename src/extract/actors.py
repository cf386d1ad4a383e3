"""Who does what: organisation mentions by token, the document's main actor,
the subject of a clause and the organisation an anaphor stands for.

Shared by the partnership and goal components. The dependency parse is tried
first for subjects; where it fails on this prose (it often roots a sentence on
an organisation's name), a surface scan leftwards from the verb takes over.
"""
from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span

from .docview import cached, entities, lines, sentence_of
from .grammar import DETERMINERS
from .lexicon import Lexicons, fold, folded_tokens
from .organisations import Organisation
from .words import words

SUBJECT_DEPS = {"nsubj", "nsubj:pass"}
W = words()
AUXILIARIES = W.set("auxiliaries")
PRONOUN_ACTORS = W.set("pronoun_actors")
PREPOSITIONS = W.set("prepositions")
RELATIVES = W.set("relatives")


PERSON_TITLES = W.set("person_titles")
PLURAL_BODIES = frozenset(W.kinds_of("plural_party_nouns"))
PLURAL_DETERMINERS = frozenset({"les", "ces", "nos", "leurs"})
ANAPHOR_DETERMINERS = W.set("referring_determiners") | {"du", "au"}
DATE_WORDS = frozenset(fold(w) for w in (*W.values("months"), *W.values("weekdays"))) | W.set("date_context_words")


@dataclass
class Subject:
    """What stands before a verb: an organisation, a pronoun, people, a generic plural, a relative, a noun."""

    kind: str                      # org | pronoun | anaphor | people | generic | relative | noun | none
    org: Organisation | None = None
    start: int = -1                # first token of the subject phrase (for kind "noun")
    others: tuple = ()             # "X et Y signent": the organisations coordinated before ``org``


class Actors:
    """Organisation mentions of one Doc, and who acts in its clauses."""

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

    # -- mentions ------------------------------------------------------------------
    def mentions_in(self, start: int, end: int) -> list[tuple[int, int, Organisation]]:
        return [m for m in self.mentions if m[0] >= start and m[1] <= end]

    # -- anaphors -------------------------------------------------------------------
    def anaphor_at(self, i: int) -> str | None:
        """The anaphoric noun at token ``i`` (``l'établissement``, ``ce réseau``), if any."""
        w = self.folded[i]
        if w not in self.lex.anaphor_kinds or i in self.token_org:
            return None
        if i == 0 or self.folded[i - 1] not in ANAPHOR_DETERMINERS:
            return None
        nxt = self.doc[i + 1] if i + 1 < len(self.doc) else None
        if nxt is None or nxt.is_punct or nxt.is_space:
            return w
        # "l'école doctorale", "l'établissement public", "le groupe UT", "l'institut de …" name something else
        if nxt.text[:1].isupper() or fold(nxt.text) in {"de", "d'", "du", "des"} \
                or nxt.pos_ in ("ADJ", "NOUN", "PROPN", "NUM"):
            return None
        return w

    def _subject_in_sentence(self, i: int, w: str, before: list) -> Organisation | None:
        """An anaphor in subject position standing for a body its own sentence named as a subject
        (not after a preposition: ``avec la TUM``; ``Pour CY, … l'université veut`` is one)."""
        kinds = self.lex.anaphor_kinds.get(w, frozenset())
        sent_start = sentence_of(self.doc, i).start
        for s, _, org in reversed(before):
            if s < sent_start:
                break
            if s > 0 and self.doc[s - 1].text == "(":
                continue                                 # "(TUM)" repeats the name before it
            b = s - 1
            while b > sent_start and self.folded[b] in {"l'", "la", "le", "les", "un", "une"}:
                b -= 1                                   # "avec la TUM": the preposition before the article
            opener = b <= sent_start and self.folded[b] == "pour"      # "Pour CY, … l'université veut"
            if org.kind in kinds and (s == sent_start or self.folded[b] not in PREPOSITIONS or opener):
                return org
        return None

    def _topic_for(self, i: int, w: str, before: list, exclude) -> Organisation | None:
        """The topic an anaphor in subject position continues: the previous sentence's subject,
        else the main actor; unless the noun names another body and not it (``le ministère`` after
        ``l'État``)."""
        kinds = self.lex.anaphor_kinds.get(w, frozenset())
        named = next((org for _, _, org in reversed(before) if w in fold(org.name).split()), None)
        for topic in (self.previous_subject(i), self.main):
            if topic is not None and topic.kind in kinds and topic not in exclude:
                return named if named is not None and w not in fold(topic.name).split() else topic
        return None

    def _generic_referent(self, i: int, w: str, before: list, *, subject: bool, exclude) -> Organisation | None:
        """A generic noun (``l'université``) stands for the last body of its kind (not in subject
        position), the main actor, the last body of its kind, or in a title the first named after it."""
        kinds = self.lex.anaphor_kinds.get(w, frozenset())
        last_of_kind = next((org for _, _, org in reversed(before) if org.kind in kinds), None)
        if not subject and last_of_kind is not None:
            return last_of_kind
        if self.main is not None and self.main.kind in kinds and self.main not in exclude:
            return self.main
        if last_of_kind is not None:
            return last_of_kind
        if sentence_of(self.doc, i).start == 0:
            # a title names its bodies before the text does: "le CHU, l'université et l'Inserm renouvellent …"
            return next((org for s, _, org in self.mentions if s > i and org.kind in kinds and org not in exclude),
                        None)
        return None

    def resolve_anaphor(self, i: int, *, subject: bool,
                        exclude: list[Organisation] | tuple = ()) -> Organisation | None:
        """The organisation an anaphoric noun stands for. In subject position it
        continues the topic: the previous sentence's subject, else the document's
        main actor. Elsewhere it is the last organisation introduced with that noun
        (``le réseau T.I.M.E.`` … ``membre du réseau``), else the last one of a
        fitting kind that the clause has not already named."""
        w = self.folded[i]
        before = [m for m in self.mentions if m[1] <= i and m[2] not in exclude]
        if subject:
            found = self._subject_in_sentence(i, w, before) or self._topic_for(i, w, before, exclude)
            if found is not None:
                return found
        for s, _, org in reversed(before):
            if self._introduced_as(s, w) or w in fold(org.name).split():
                return org
        if w not in self.lex.generic_anaphors:
            return None                        # "l'association", "le réseau": only what was introduced so
        return self._generic_referent(i, w, before, subject=subject, exclude=exclude)

    def _introduced_as(self, s: int, noun: str) -> bool:
        """Was the mention at ``s`` introduced by ``noun`` (``l'alliance européenne EUTOPIA``)?"""
        k = s - 1
        while k >= 0 and s - k <= 3:
            if self.folded[k] == noun:
                return True
            if self.doc[k].pos_ != "ADJ":
                return False
            k -= 1
        return False

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
                verb = next((t for t in prev if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm")), None)
                if verb is not None and self.subject(verb.i, prev.start).kind in ("noun", "generic", "people"):
                    return None
            k = prev.start - 1
        return None

    def pronoun_antecedent(self, i: int) -> Organisation | None:
        """What ``il``/``elle`` at token ``i`` stands for: a pronoun continues the
        organisation subject of the sentence before, unless that subject is a thing."""
        return self.previous_subject(i, stop_at_thing=True)

    def _sentence_subject(self, sent: Span) -> Organisation | None:
        key_ = sent.start
        if key_ in self._subject_cache:
            return self._subject_cache[key_]
        org = None
        opening = [t for t in sent[:4]
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
        for t in sent:
            if t.pos_ in ("VERB", "AUX") and "Fin" in t.morph.get("VerbForm"):
                subj = self.subject(t.i, sent.start)
                if subj.kind in ("org", "anaphor"):
                    org = subj.org
                break
        self._subject_cache[key_] = org
        return org

    # -- subjects -------------------------------------------------------------------
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
                p = s - 1
                while p > clause_start and f[p] in {"l'", "la", "le", "les"}:
                    p -= 1
                if s > 0 and p > clause_start and f[p] in {"de", "d'", "du"} and f[p - 1] in PERSON_TITLES:
                    return Subject("org", org, s)   # "le président de l'UPVD souhaite": the body speaks
                if s > 0 and p >= clause_start and f[p] in PREPOSITIONS:
                    fallback = fallback or Subject("noun", None, self._np_start(p, clause_start))
                    j = p - 1
                    continue
                return self._coordinated_subject(org, s, clause_start)
            if w in PRONOUN_ACTORS:
                return Subject("pronoun")
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
        while k > clause_start and self.folded[k] in {"et", ","} and k - 1 in self.token_org:
            prev, ps, _ = self.token_org[k - 1]
            if prev is not org and prev not in others:
                others.append(prev)
            first = ps
            k = ps - 1
            while k > clause_start and self.folded[k] in articles:
                k -= 1
        if not others or (k >= clause_start and k < first and self.folded[k] in PREPOSITIONS):
            return Subject("org", org, s)          # "avec X et Y": a complement, not coordinated subjects
        return Subject("org", org, s, tuple(reversed(others)))

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
        return self.folded[start] in RELATIVES or ("Part" in t.morph.get("VerbForm") and "Past" in t.morph.get("Tense"))

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

    def actor_for(self, subj: Subject, *, speaker: Organisation | None = None) -> Organisation | None:
        """The organisation that commits, from the subject of its verb."""
        if subj.kind == "org":
            return None if subj.others else subj.org     # several bodies commit together: no one actor
        if subj.kind == "pronoun" and subj.start >= 0:
            # "Il entend …": the subject of the sentence before, else the document's main actor
            return self.pronoun_antecedent(subj.start) or self.main or speaker
        if subj.kind in ("pronoun", "relative", "none"):
            return self.main or speaker
        if subj.kind == "anaphor":
            return subj.org or self.main
        if subj.kind == "generic":
            # "les écoles" or "les partenaires" of a group act as the group
            words = set(self.folded[subj.start:subj.start + 3])
            if {"ecoles", "etablissements", "membres", "partenaires"} & words:
                if self.main is not None and self.main.kind == "group":
                    return self.main
                if self.main is None:
                    return self._group_topic(subj.start)
            return None
        if subj.kind == "people":
            return None
        return self.main or self._group_topic(subj.start)

    def _group_topic(self, i: int) -> Organisation | None:
        """With no main actor, the subject of the previous sentences if it is a group
        (``Les partenaires travailleront …`` after ``L'alliance vise …``)."""
        prev = self.previous_subject(i) if i >= 0 else None
        return prev if prev is not None and prev.kind == "group" else None

    def _people(self) -> dict[str, Organisation]:
        """People introduced with their institution (``Régis Bordet, président de l'Université
        de Lille``, ``la directrice de l'IMT, Odile Gauthier``), by family name."""
        if self._people_orgs is not None:
            return self._people_orgs
        found: dict[str, Organisation] = {}
        for ent in entities(self.doc):
            if ent.label_ != "PER":
                continue
            window = list(range(ent.end, min(len(self.doc), ent.end + 10))) + \
                list(range(max(0, ent.start - 10), ent.start))
            titled = [k for k in window if self.folded[k] in PERSON_TITLES]
            for k in titled:
                org = next((self.token_org[m][0] for m in range(k + 1, min(len(self.doc), k + 8))
                            if m in self.token_org), None)
                if org is not None:
                    found.setdefault(fold(ent[-1].text), org)
                    break
        self._people_orgs = found
        return found

    def speaker_org(self, sent: Span) -> Organisation | None:
        """In ``« … » explique X, directeur de ORG`` the speaker's organisation; a
        speaker named alone (``souligne Régis Bordet``) is looked up among the people
        the text introduced with their institution."""
        doc = self.doc
        window_end = min(len(doc), sent.end + 40)
        people = self._people()
        for ent in entities(doc):
            if ent.label_ == "PER" and sent.start <= ent.start < window_end and fold(ent[-1].text) in people:
                return people[fold(ent[-1].text)]
        for i in range(sent.start, window_end):
            if self.folded[i] in PERSON_TITLES:
                for j in range(i + 1, min(window_end, i + 12)):
                    if doc[j].text in {".", "!", "?", "»"}:
                        break                      # not into the next sentence
                    if j in self.token_org:
                        return self.token_org[j][0]
                    if self.anaphor_at(j):         # "souligne la présidente de l'université"
                        org = self.resolve_anaphor(j, subject=False)
                        if org is not None:
                            return org
        return None


def is_verb(tok) -> bool:
    """A conjugated verb (finite, or a tagged verb that is no infinitive nor participle)."""
    forms = set(tok.morph.get("VerbForm"))
    return tok.pos_ in ("VERB", "AUX") and ("Fin" in forms or not forms) \
        and not tok.text.lower().endswith(("er", "ir", "re"))


def _is_date_token(w: str) -> bool:
    return w.isdigit() or w in DATE_WORDS


def actors_of(doc: Doc, lex: Lexicons) -> "Actors":
    """The :class:`Actors` of a document, built once and shared by the components."""
    return cached(doc, "actors", lambda d: Actors(d, lex, folded_tokens(d)))


def main_actor(doc: Doc) -> Organisation | None:
    """The organisation the document is about: most mentioned, with a bonus when
    named in its title; only when it clearly dominates the others."""
    orgs = [o for o in doc._.organisations or [] if not o.authority]   # the State is never the topic
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
    if score(best) < 3:
        return None
    if len(ranked) > 1 and score(best) < 1.4 * score(ranked[1]):
        return None
    return best
