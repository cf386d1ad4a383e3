"""The ``partnerships`` component: who partners with whom, how, and since when (SPEC §3).

A partnership needs a trigger (``signer``, ``convention``, ``rejoindre``,
``membre``, ``fusion``, ``partenariat`` … from ``patterns/partnership_triggers.jsonl``).
A sentence may state several relations, so each clause is cut into *frames*:
its main part and its parentheticals — relative clauses (``, qui réunit …,``
``, dont il est membre``), appositions (``, associée à Toulouse INP depuis
2021,``) and a fronted apposition (``Membre de X avec Y, l'établissement …``).
Each frame with a trigger states one relation, whose parties are:

- the organisations named in the frame, and the organisation a parenthetical
  hangs on (its antecedent);
- the subject of its verb, with ``nous``, anaphors (``l'établissement``,
  ``membre du réseau``) and plural anaphors (``les deux universités``,
  ``elles … toutes deux``) resolved;
- people who sign for their institution (``X, président de l'Université de
  Lille, … ont signé``) bring their institution;
- the document's main actor when one side is missing (``Deux accords ont été
  signés, l'un avec CentraleSupélec``: the issuer signed them).

What an act founds (``pour fonder IMT Grand Est``) names it rather than
taking part; so does a group whose members are listed. Separate acts with
several partners (``l'un avec X … l'autre avec Y``, ``ses accords avec X et Y``)
give one partnership per pair. Two organisations in one sentence without a
trigger are never a partnership; a single named party needs an act whose
other parties are named generically, or a name; a membership needs the body
joined to be named.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import Actors, Subject, actors_of
from .grammar import DETERMINERS, is_conditional, is_finite_verb, is_future, is_gerund, is_infinitive
from .layout import lines_of, list_groups
from .lexicon import Lexicons, fold, folded_tokens
from .normalise import strip_span
from .organisations import Organisation
from .rules import cached_rules
from .docview import entities, sentence_of, sentences, text_of, lines as doc_lines

KIND_RANK = {"merger": 5, "membership": 4, "agreement": 3, "alliance": 2, "cooperation": 1}
NUMBER_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
                "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20}
PERSON_TITLES = frozenset({"directeur", "directrice", "president", "presidente", "responsable", "doyen", "doyenne",
                           "recteur", "rectrice", "vice-president", "vice-presidente", "president-directeur",
                           "professeur", "professeure", "ministre", "maire", "delegue", "deleguee", "administrateur",
                           "administratrice", "general", "generale"})
ALLER = frozenset({"va", "vont", "allons", "allez", "allait", "allaient", "aller"})
RELATIVES = frozenset({"qui", "que", "qu'", "dont", "ou", "lequel", "laquelle", "lesquels", "lesquelles"})
PLURAL_NOUNS = {"universites": {"university"}, "ecoles": {"school"}, "etablissements": {"university", "school", "group"},
                "partenaires": None, "institutions": None, "organismes": None, "entreprises": {"company"},
                "signataires": None, "membres": None, "structures": None}
TOPIC_OPENERS = ("sur", "autour de", "dans le domaine de", "dans le domaine des", "dans les domaines de",
                 "en matiere de", "portant sur", "consacre a", "dedie a", "dediee a")


@dataclass
class Partnership:
    parties: list[Organisation]
    kind: str
    status: str
    start: int                 # evidence (clean offsets)
    end: int
    date: str = ""
    name: str = ""
    topics: list[str] = field(default_factory=list)
    generic: bool = False      # parties named only generically
    count_hint: int | None = None   # "6 écoles": how many unnamed parties the text counts
    sent_index: int = 0
    in_title: bool = False
    sources: list[tuple[int, int]] = field(default_factory=list)   # every sentence that states it

    def __post_init__(self) -> None:
        if not self.sources:
            self.sources = [(self.start, self.end)]

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(o.org_id for o in self.parties)


@dataclass
class Frame:
    """Part of a clause that states one relation: token ranges, and what it hangs on."""

    ranges: list[tuple[int, int]]
    kind: str = "main"                         # main | relative | apposition | fronted | coordinated
    antecedent: Organisation | None = None
    antecedent_start: int = -1
    coordinated: list[Organisation] = field(default_factory=list)   # "A et B, déjà membres de …"
    shared_start: int = -1                     # a coordinated verb's subject is in the first conjunct

    def contains(self, i: int) -> bool:
        return any(s <= i < e for s, e in self.ranges)

    @property
    def start(self) -> int:
        return min(s for s, _ in self.ranges)

    @property
    def end(self) -> int:
        return max(e for _, e in self.ranges)

    def indices(self) -> list[int]:
        return [i for s, e in self.ranges for i in range(s, e)]


class PartnershipFinder:
    """The spaCy component; the work is done per document by :class:`DocPartnerships`."""

    def __init__(self, lex: Lexicons):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        doc._.partnerships = DocPartnerships(self.lex, doc).find()
        return doc


class DocPartnerships:
    """The partnerships of one document."""

    def __init__(self, lex: Lexicons, doc: Doc):
        self.lex = lex
        self.doc = doc
        self._planned_items: list[tuple[int, int]] = []

    def find(self) -> list[Partnership]:
        doc = self.doc
        folded = folded_tokens(doc)
        actors = actors_of(doc, self.lex)
        dates = doc._.dates or []
        lines = doc_lines(doc)
        title = next((ln for ln in lines if ln.kind != "meta"), None)
        self._planned_items = self._planned_list_items(doc, lines, folded)
        found: list[Partnership] = []
        for s_index, sent in enumerate(sentences(doc)):
            if sent.text.rstrip().endswith("?"):
                continue                       # an interviewer's question states nothing
            for p in self._in_sentence(doc, sent, s_index, folded, actors, dates, found):
                p.in_title = title is not None and title.kind == "heading" and title.start <= p.start < title.end
                found.append(p)
        return _merge(found)

    def _planned_list_items(self, doc, lines, folded) -> list[tuple[int, int]]:
        """Character ranges of bullet items whose introduction is an intention or a list of aims."""
        out = []
        for group in list_groups(lines):
            if group.intro is None:
                continue
            span = doc.char_span(group.intro.start, group.intro.end, alignment_mode="expand")
            if span is None:
                continue
            if any(self.lex.intention_at(doc, k, folded) or self.lex.objective.match(doc, k, folded)
                   or self.lex.planned.match(doc, k, folded) for k in range(span.start, span.end)):
                out.extend((item.start, item.end) for item in group.items)
        return out

    # -- one sentence -------------------------------------------------------------
    def _triggers(self, doc: Doc, sent: Span, folded, actors: Actors) -> list[tuple[int, int, dict]]:
        out = []
        i = sent.start
        while i < sent.end:
            hit = self.lex.partnership.match(doc, i, folded)
            if hit is None or i in actors.token_org:
                i += 1
                continue
            entry, n = hit
            if entry["pos"] == "VERB" and doc[i].pos_ in ("NOUN", "PROPN", "ADJ") and not is_gerund(doc, i) \
                    and "Part" not in doc[i].morph.get("VerbForm") and not _verb_shaped(folded[i]):
                i += n
                continue
            if entry["pos"] == "VERB" and i >= 2 and doc[i - 1].text == "," and doc[i - 2].text in {"»", "\"", "”"}:
                i += n
                continue                         # "« … », conclut le président": a verb of speech
            out.append((i, n, entry))
            i += n
        return out

    def _in_sentence(self, doc, sent, s_index, folded, actors: Actors, dates, found) -> list[Partnership]:
        triggers = self._triggers(doc, sent, folded, actors)
        if not triggers:
            return []
        out: list[Partnership] = []
        for c_start, c_end in _clauses(doc, sent):
            in_clause = [t for t in triggers if c_start <= t[0] < c_end]
            if not in_clause:
                continue
            frames = self._frames(doc, c_start, c_end, folded, actors)
            claimed: set[int] = set()
            main_subject = self._main_subject(doc, frames[0], c_start, folded, actors, found)
            signed: set[int] = set()               # organisations an apposition says a relation was signed with
            for frame in frames[1:] + frames[:1]:          # parentheticals first: they claim their own dates
                ft = [t for t in in_clause if frame.contains(t[0])]
                if not ft:
                    continue
                made = self._frame(doc, sent, s_index, frame, ft, (c_start, c_end), folded, actors, dates, claimed,
                                   found + out, main_subject)
                if not made and frame.kind == "apposition" and frame.antecedent is not None and \
                        any(t[2]["kind"] == "agreement" and t[2]["pos"] == "VERB" for t in ft):
                    signed.add(id(frame.antecedent))  # "son partenariat avec la TUM, signé en 2017"
                if frame.kind == "main":
                    for p in made:
                        if p.kind == "cooperation" and any(id(o) in signed for o in p.parties):
                            p.kind = "agreement"
                out.extend(made)
        return out

    def _frames(self, doc, c_start, c_end, folded, actors: Actors) -> list[Frame]:
        """The clause's main frame (first) and its parentheticals."""
        pars: list[Frame] = []
        first = c_start
        while first < c_end and (doc[first].is_punct or doc[first].is_space):
            first += 1
        # fronted apposition: "Membre de X avec Y, l'établissement …", "Créée en 2022, Nantes Université …"
        if first < c_end and (folded[first] in {"membre", "membres"} or _is_participle(doc[first])):
            comma = next((k for k in range(first + 1, c_end) if doc[k].text == ","), None)
            if comma is not None and comma + 1 < c_end:
                pars.append(Frame([(first, comma)], kind="fronted"))
        j = c_start
        while j < c_end - 1:
            if doc[j].text != "," or any(p.contains(j) for p in pars):
                j += 1
                continue
            nxt = j + 1
            while nxt + 1 < c_end and doc[nxt].pos_ == "ADV" and folded[nxt] not in RELATIVES:
                nxt += 1                         # ", déjà membres de l'alliance"
            relative = folded[nxt] in RELATIVES and not self._dont_including(doc, nxt, c_end, folded, actors)
            if relative or _is_participle(doc[nxt]) or folded[nxt] in {"membre", "membres", "partenaire", "partenaires"}:
                close = c_end
                for k in range(nxt + 1, c_end):
                    if doc[k].text == ",":
                        m = k + 1
                        if m < c_end and folded[m] == "et":
                            m += 1
                        while m < c_end and folded[m] in {"ne", "n'", "se", "s'", "y", "en", "l'", "le", "la", "les"}:
                            m += 1
                        if m < c_end and (_verb_phrase_start(doc[m]) or self._trigger_verb(doc, m, folded)):
                            close = k
                            break
                antecedent, a_start = self._antecedent(doc, j, c_start, folded, actors)
                frame = Frame([(j + 1, close)], kind="relative" if relative else "apposition",
                              antecedent=antecedent, antecedent_start=a_start)
                if "Plur" in doc[nxt].morph.get("Number") or folded[nxt].endswith("s"):
                    frame.coordinated = self._coordinated_before(doc, j, c_start, folded, actors)
                pars.append(frame)
                j = close
                continue
            j += 1
        main_ranges = []
        cur = c_start
        for p in sorted(pars, key=lambda p: p.start):
            if p.start > cur:
                main_ranges.append((cur, p.start))
            cur = max(cur, p.end)
        if cur < c_end:
            main_ranges.append((cur, c_end))
        main = Frame(main_ranges or [(c_start, c_end)])
        # "partagent déjà un programme depuis 2020 et collaborent au sein de la CGE": two relations
        splits = [j for j in main.indices() if folded[j] in {"et", "mais"} and j + 1 < c_end and main.contains(j + 1)
                  and (_verb_phrase_start(doc[j + 1]) or self._trigger_verb(doc, j + 1, folded))
                  and not is_infinitive(doc[j + 1])]
        frames = [main]
        for n, j in enumerate(splits):
            end = splits[n + 1] if n + 1 < len(splits) else main.end
            tail = [(max(s, j + 1), min(e, end)) for s, e in main.ranges if min(e, end) > max(s, j + 1)]
            frames.append(Frame(tail, kind="coordinated", shared_start=main.start))
        if splits:
            main.ranges = [(s, min(e, splits[0])) for s, e in main.ranges if s < splits[0]]
        return frames + pars

    def _trigger_verb(self, doc, i, folded) -> bool:
        """A form the lexicons know as a verb (``signe`` is often tagged as a noun)."""
        if folded[i - 1] in DETERMINERS:
            return False
        hit = self.lex.partnership.match(doc, i, folded)
        return (hit is not None and hit[0]["pos"] == "VERB") or self.lex.intention_at(doc, i, folded) is not None

    def _antecedent(self, doc, comma, c_start, folded, actors: Actors) -> tuple[Organisation | None, int]:
        """The organisation a parenthetical opened at ``comma`` hangs on."""
        k = comma - 1
        if k > c_start and doc[k].text == ")":       # "… Universités (LRU), dont …": the name before its acronym
            opened = next((m for m in range(k - 1, max(c_start - 1, k - 6), -1) if doc[m].text == "("), None)
            if opened is not None and opened - 1 in actors.token_org:
                k = opened - 1
        if k in actors.token_org:
            org, s, _ = actors.token_org[k]
            return org, s
        for k in range(comma - 1, max(c_start - 1, comma - 4), -1):
            if actors.anaphor_at(k):
                org = actors.resolve_anaphor(k, subject=k <= c_start + 1)
                return org, k
        return None, -1

    def _coordinated_before(self, doc, comma, c_start, folded, actors: Actors) -> list[Organisation]:
        """The organisations of the coordinated noun phrase that ends at ``comma`` (``A et B,``)."""
        out, k = [], comma - 1
        while k >= c_start:
            if k in actors.token_org:
                org, s, _ = actors.token_org[k]
                out.append(org)
                k = s - 1
                continue
            if folded[k] in DETERMINERS | {"et", ",", "ou"}:
                k -= 1
                continue
            break
        return out if len(out) >= 2 else []

    def _main_subject(self, doc, main: Frame, c_start, folded, actors: Actors, found) -> list[Organisation]:
        """The organisations the main clause's subject names (for fronted appositions and
        ``dont il est membre``)."""
        for i in main.indices():
            if is_finite_verb(doc[i]) and doc[i].pos_ in ("VERB", "AUX"):
                subj = actors.subject(i, main.start)
                if subj.kind == "org":
                    return [subj.org]
                if subj.kind in ("pronoun", "anaphor", "none"):
                    org = actors.actor_for(subj)
                    return [org] if org is not None else []
                if subj.kind == "generic":
                    return self._plural_anaphor(doc, subj.start, i, folded, actors, found) or []
                return []
        return []

    # -- one frame ---------------------------------------------------------------------
    def _frame(self, doc, sent, s_index, frame: Frame, triggers, clause, folded, actors: Actors, dates,
               claimed: set[int], found, main_subject) -> list[Partnership]:
        c_start, c_end = clause
        plural_at = self._plural_anaphor_in(doc, frame, folded)
        triggers = [t for t in triggers if not self._anaphoric_trigger(doc, t, c_end, folded)
                    and not (plural_at is not None and plural_at[0] <= t[0] <= plural_at[0] + 2)
                    and not _negated(doc, t[0], c_start, c_end, folded)
                    and not any(self.lex.cancelled.match(doc, k, folded) for k in range(t[0], c_end))]
        if not triggers:
            return []
        extending = [t for t in triggers if t[2].get("extends")]
        opening_group = None
        if extending:
            subj0 = actors.subject(extending[0][0], frame.start)
            if subj0.kind in ("org", "anaphor") and subj0.org is not None and subj0.org.kind == "group" \
                    and not subj0.others and self._joining(doc, extending[0], frame, folded, actors):
                opening_group = subj0.org          # "le réseau s'ouvrira à l'Université de Gand": it joins
            elif self._extend(doc, extending[0], frame, s_index, folded, actors, found):
                # "Il … élargit la coopération à l'Institut Agro et au CIRAD": the last relation gains parties
                return []
            else:
                triggers = [t for t in triggers if not t[2].get("extends")]
                if not triggers:
                    return []
        first = min(t[0] for t in triggers)
        kind = max((t[2]["kind"] for t in triggers), key=lambda k: KIND_RANK[k])
        if opening_group is not None:
            kind = "membership"
        act = any(t[2].get("act") for t in triggers)
        creates = [t for t in triggers if t[2].get("creates")]

        parties: list[Organisation] = []
        position: dict[int, int] = {}          # id(org) -> token where it stands

        def add(org: Organisation | None, pos: int) -> None:
            if org is not None and org not in parties:
                parties.append(org)
                position[id(org)] = pos

        excluded = self._listed_after_not_party(doc, c_start, c_end, folded, actors)
        for s, _, org in actors.mentions_in(frame.start, frame.end):
            if frame.contains(s) and s not in excluded and not self._not_a_party(doc, s, first, c_start, folded):
                add(org, s)
        for j in frame.indices():
            if actors.anaphor_at(j) and not any(j == t[0] for t in triggers):
                subject_pos = j < first and folded[j - 1] not in {"de", "d'", "du", "au", "a", "avec"}
                add(actors.resolve_anaphor(j, subject=subject_pos, exclude=parties), j)
        if plural_at is not None:
            if plural_at[1] == 0:            # "Ils prévoient …": the bodies of the last relation
                last = next((p for p in reversed(found) if len(p.parties) >= 2 and 0 <= s_index - p.sent_index <= 3), None)
                for org in (last.parties if last else []):
                    add(org, plural_at[0])
            else:
                for org in self._plural_anaphor(doc, plural_at[0], plural_at[1], folded, actors, found):
                    add(org, plural_at[0])
        if frame.antecedent is not None:
            add(frame.antecedent, frame.antecedent_start)
        for org in frame.coordinated:
            add(org, frame.antecedent_start)
        if frame.kind in ("fronted", "coordinated") or (frame.kind == "relative" and any(
                folded[i] in {"il", "elle", "ils", "elles"} for i in frame.indices())):
            for org in main_subject:
                add(org, frame.end)

        # what the act creates is its name, not a party
        name, created = "", None
        for t in creates:
            created, name = self._created(doc, t, frame, folded, actors)
            if name:
                break
        if name:
            parties = [p for p in parties if p is not created]
            kind = "alliance" if KIND_RANK[kind] <= KIND_RANK["alliance"] else kind
        joint = any(t[2].get("joint") for t in triggers) or (
            len(parties) >= 2 and any(self._founds_structure(doc, t, frame, folded) for t in creates))
        if not name and not joint:
            # "la création de start-up": founding states a relation only when what is founded is named or shared
            triggers = [t for t in triggers if not t[2].get("creates")]
            if not triggers:
                return []
            kind = max((t[2]["kind"] for t in triggers), key=lambda k: KIND_RANK[k])
            act = any(t[2].get("act") for t in triggers)
            first = min(t[0] for t in triggers)
        group = self._listed_members_of(doc, frame, folded, actors)
        if group is not None:
            name = group.name
            parties = [p for p in parties if p is not group]
            kind = "alliance"
        if not name and kind == "alliance":
            name = self._named_alliance(doc, triggers, frame, actors)
        kind = self._object_kind(doc, triggers, kind, actors, frame)
        if opening_group is not None:
            kind = "membership"

        generic, count = self._generic_partners(doc, frame, folded, actors)
        quoted = _quoted_name(doc, first, frame.end)
        if quoted and not name:
            name = quoted

        # the subject side, when no organisation stands there
        verb = self._main_verb(doc, first, frame, folded)
        subj = actors.subject(verb, frame.start) if verb is not None else None
        if subj is not None and subj.kind == "people" and all(
                t[2]["pos"] == "VERB" and t[2]["kind"] == "alliance" and not t[2].get("creates") for t in triggers):
            return []                          # "les directeurs … se sont réunis": people meeting, no alliance
        if subj is not None and subj.kind == "org" and subj.org is not created and subj.org is not group:
            add(subj.org, subj.start)
        if subj is not None and subj.kind in ("pronoun", "anaphor", "relative") and len(parties) < 2 \
                and not (subj.kind == "relative" and frame.kind == "relative"):   # "qui" is the antecedent
            actor = actors.actor_for(subj)       # "Nous envisageons …", "l'établissement souhaite …"
            if actor is not created and actor is not group:
                add(actor, frame.start - 1)
        partner_side = any(folded[j] in {"avec", "entre"} for j in frame.indices())
        if len(parties) < 2 and partner_side and (subj is None or subj.kind in ("noun", "none")) \
                and frame.kind in ("main", "coordinated"):
            # "Deux accords ont été signés, l'un avec X": the other side is the issuer,
            # the document's main actor, else the current topic
            actor = actors.main or actors.previous_subject(first)
            if actor is not created and actor is not group:
                add(actor, frame.start - 1)

        if joint and len(parties) == 1:
            # "Nous envisageons de créer une école doctorale commune": shared with the last partner named
            for p in reversed(found):
                if parties[0] in p.parties and 0 <= s_index - p.sent_index <= 2:
                    for o in p.parties:
                        add(o, frame.end)
                    break
        if not self._stands(parties, triggers, bool(name and creates), quoted, generic):
            return []
        if kind == "membership" and len(parties) >= 2 and not any(
                position.get(id(p), -1) > first or p is frame.antecedent for p in parties):
            return []                          # "font leur entrée dans le top 200": nothing named is joined

        ev_start, ev_end = strip_span(text_of(doc), sent.start_char, sent.end_char)
        base = dict(start=ev_start, end=ev_end, name=name, generic=generic, count_hint=count, sent_index=s_index)

        # "X est membre de A et du réseau B": one membership per body joined
        if kind == "membership":
            joined = [p for p in parties if position.get(id(p), -1) > first and p is not frame.antecedent]
            members = [p for p in parties if p not in joined]
            if len(joined) >= 2 and members:
                status = self._status(doc, triggers, frame, folded)
                date = self._date(doc, sent, first, frame, dates, claimed)
                return [Partnership(parties=members + [g], kind=kind, status=status, date=date,
                                    topics=_topics(doc, first, frame.end), **base) for g in joined]

        # one act per partner: "l'un avec X … l'autre avec Y", "ses accords avec X et Y"
        groups = self._avec_groups(doc, frame, folded, actors)
        partners = [o for g in groups for o, _ in g[0]]
        plural_agreement = any("Plur" in doc[t[0]].morph.get("Number") and t[2]["pos"] == "NOUN"
                               and t[2]["kind"] == "agreement" for t in triggers)
        if len(groups) >= 2 or (plural_agreement and len(partners) >= 2 and (not generic or any(
                self._dont_including(doc, j, frame.end, folded, actors) for j in frame.indices()))):
            others = [p for p in parties if p not in partners]
            if not others and subj is not None and subj.kind in ("pronoun", "anaphor"):
                actor = actors.actor_for(subj)     # "Elle compte conclure des conventions avec A et B"
                if actor is not None and actor not in partners:
                    others = [actor]
            if not others and actors.main is not None and actors.main not in partners:
                others = [actors.main]
            if len(groups) >= 2:
                items = groups
            else:                              # one "avec" listing several partners of a plural act
                members, at, seg_end = groups[0]
                items = [([m], at, seg_end) for m in members]
            result = []
            boundary, last_at = -1, -1
            for members, at, seg_end in items:
                if at != last_at:
                    boundary, last_at = last_at, at
                orgs = [o for o, _ in members]
                if len(others[:1] + orgs) < 2 and not generic:
                    continue                   # a partner with no one on the other side
                # the strongest word of this partner's own stretch ("accords de double diplôme avec X")
                own = [t for t in triggers if boundary < t[0] < at]
                trig = max(own, key=lambda t: KIND_RANK[t[2]["kind"]]) if own else \
                    max((t for t in triggers if t[0] < at), key=lambda t: t[0], default=triggers[0])
                item_kind = self._object_kind(doc, [trig], trig[2]["kind"], actors)
                status = self._status(doc, [trig], frame, folded)
                date = self._date(doc, sent, at, frame, dates, claimed)
                result.append(Partnership(parties=others[:1] + orgs, kind=item_kind, status=status, date=date,
                                          topics=_topics(doc, at, seg_end), **base))
            return result

        status = self._status(doc, triggers, frame, folded)
        date = self._date(doc, sent, first, frame, dates, claimed)
        return [Partnership(parties=parties, kind=kind, status=status, date=date,
                            topics=_topics(doc, first, frame.end), **base)]

    @staticmethod
    def _dont_including(doc, i, c_end, folded, actors: Actors) -> bool:
        """``avec douze universités, dont l'Université de Strasbourg et …``: ``dont``
        before a name lists examples of what precedes; it opens no relative clause."""
        if folded[i] != "dont":
            return False
        k = i + 1
        while k < c_end and folded[k] in {"l'", "le", "la", "les"}:
            k += 1
        return k in actors.token_org

    # -- pieces -----------------------------------------------------------------------
    def _stands(self, parties, triggers, founded: bool, quoted: str, generic: bool) -> bool:
        """Is this a partnership? Two named parties; or one, with an act (signing,
        joining) whose other parties are named generically or which has a name;
        a founding verb (``lancer``, ``créer``) needs what it founds named, and partners."""
        if len(parties) >= 2:
            return True
        if len(parties) == 0:
            return False
        acts = [t for t in triggers if t[2].get("act") and not t[2].get("creates")]
        founding = [t for t in triggers if t[2].get("creates")]
        if acts and (generic or quoted or founded):
            return True
        return bool(founding and founded and (generic or quoted))

    def _anaphoric_trigger(self, doc, t, c_end, folded) -> bool:
        """``cette alliance entend …``: a trigger noun that refers back to a named body."""
        i, n, entry = t
        if entry["pos"] != "NOUN" or i == 0 or folded[i - 1] not in {"cette", "cet", "ce", "l'", "la", "le", "notre", "son", "sa"}:
            return False
        window = [t.lower_ for t in doc[i + n:min(c_end, i + n + 4)]]    # not folded: "dès" is no "des"
        k = i + n
        while k < min(c_end, i + n + 3) and doc[k].pos_ == "ADJ" and doc[k].is_lower:
            k += 1
        if k < len(doc) and doc[k].text[:1].isupper():
            return False                       # "l'alliance (européenne) EUTOPIA": the noun introduces a name
        return not any(w in {"avec", "entre", "de", "d'", "du", "des", "à", "au"} for w in window)

    def _not_a_party(self, doc, s, first, c_start, folded) -> bool:
        """An organisation cited as an example, a comparison, a source, or the
        employer of someone quoted is not a party; the institution of someone who
        signs (``X, président de l'Université de Lille, … ont signé``) is."""
        for k in range(max(c_start, s - 4), s):
            if self.lex.not_party.match(doc, k, folded) is not None:
                return True
        titled = any(w in PERSON_TITLES for w in folded[max(c_start, s - 3):s])
        if not titled:
            return False
        if s > first:
            return True
        return any(self.lex.not_party.match(doc, k, folded) is not None or folded[k] in {"pour", "explique", "souligne"}
                   for k in range(c_start, s))

    def _founds_structure(self, doc, t, frame: Frame, folded) -> bool:
        """``ont créé une école universitaire de recherche``: the founded object is an institution."""
        i, n, _ = t
        for j in range(i + n, min(frame.end, i + n + 4)):
            if folded[j] in DETERMINERS or doc[j].pos_ in ("ADJ", "NUM") or doc[j].ent_type_ == "DATE" or folded[j] == "en":
                continue
            return folded[j] in self.lex.structures
        return False

    @staticmethod
    def _joining(doc, trig, frame: Frame, folded, actors: Actors) -> bool:
        """``s'ouvrir (dès 2026) à (d'autres partenaires, notamment) au CNRS``: an
        organisation named in the ``à`` complement of an extension verb."""
        i, n, _ = trig
        k = i + n
        while k < frame.end and k - i < 6 and folded[k] not in {"a", "au", "aux"}:
            k += 1
        if k >= frame.end or folded[k] not in {"a", "au", "aux"}:
            return False
        for m in range(k + 1, min(frame.end, k + 10)):
            if m in actors.token_org:
                return True
            if doc[m].pos_ in ("VERB", "AUX") or doc[m].text in {";", ":", "."} or folded[m] in {"avec", "pour", "afin"}:
                return False
        return False

    def _extend(self, doc, trig, frame: Frame, s_index, folded, actors: Actors, found) -> bool:
        """Add the organisations after ``à``/``au`` to the last relation, when the subject names none."""
        i, n, _ = trig
        targets = []
        k = i + n
        while k < frame.end and k - i < 8:
            if folded[k] in {"a", "au", "aux"}:
                m = k + 1
                while m < frame.end:
                    if m in actors.token_org:
                        org, _, e = actors.token_org[m]
                        targets.append(org)
                        m = e
                        continue
                    if folded[m] in DETERMINERS | {"et", ",", "au", "aux", "a"}:
                        m += 1
                        continue
                    break
                break
            k += 1
        subj = actors.subject(i, frame.start)
        if not targets or subj.kind == "org":
            return False
        last = next((p for p in reversed(found) if 0 <= s_index - p.sent_index <= 2), None)
        if last is None:
            return False
        for org in targets:
            if org not in last.parties:
                last.parties.append(org)
        sent = sentence_of(doc, i)
        last.sources.append((sent.start_char, sent.end_char))
        return True

    def _listed_after_not_party(self, doc, c_start, c_end, folded, actors: Actors) -> set[int]:
        """Mentions in the list a not-party phrase opens: ``aux côtés de l'ENSEEIHT, de l'ENSAT et de l'ENSIACET``."""
        out: set[int] = set()
        k = c_start
        while k < c_end:
            hit = self.lex.not_party.match(doc, k, folded)
            if hit is None:
                k += 1
                continue
            k += hit[1]
            while k < c_end:
                if k in actors.token_org:
                    out.add(actors.token_org[k][1])
                    k = actors.token_org[k][2]
                    continue
                if folded[k] in {"de", "d'", "du", "des", "l'", "la", "le", "les", "et", "ou", ","}:
                    k += 1
                    continue
                break
        return out

    def _created(self, doc, t, frame: Frame, folded, actors: Actors) -> tuple[Organisation | None, str]:
        """What a founding trigger founds: an organisation or a capitalised name
        right after it (``fonder IMT Grand Est``, ``la création de QuantumLab``),
        or, for a passive participle, the named subject before it
        (``The Secure Compression Lab … a été lancé``)."""
        i, n, _ = t
        j = i + n
        if j < frame.end and doc[j].text == ",":
            # "ont créé, ce mercredi, le groupement …": an incidental phrase between commas
            close = next((k for k in range(j + 1, min(frame.end, j + 6)) if doc[k].text == ","), None)
            if close is not None:
                j = close + 1
        for j in range(j, min(frame.end, j + 8)):
            if j in actors.token_org:
                return actors.token_org[j][0], actors.token_org[j][0].name
            name = _proper_name_at(doc, j, frame.end)
            if name:
                return None, name
            if doc[j].text in ("«", '"', "“"):
                if j + 1 in actors.token_org:              # "le groupement « Cyber Ouest »": a body
                    return actors.token_org[j + 1][0], actors.token_org[j + 1][0].name
                name = _quoted_name(doc, j, frame.end)      # "la chaire industrielle « IA de confiance … »"
                if name:
                    return None, name
            # the kind of thing founded, up to its name: "le groupement d'intérêt scientifique « … »"
            if folded[j] not in DETERMINERS | {"nouvelle", "nouveau", "de", "d'", "du"} \
                    and doc[j].text not in ("«", '"', "“") and doc[j].pos_ not in ("ADJ", "NOUN"):
                break
        window = range(max(frame.start, i - 3), i)
        active = any(folded[k] in AVOIR_FORMS for k in window) and not any(folded[k] == "ete" for k in window)
        if not active and "Part" in doc[i].morph.get("VerbForm") and "Past" in doc[i].morph.get("Tense"):
            # a passive: the founded thing is its subject, in the first conjunct for a coordinated verb
            for j in range(frame.shared_start if frame.shared_start >= 0 else frame.start, i):
                if j > frame.start and folded[j - 1] in {"de", "d'", "du", "des", "a", "au", "avec", "pour", "par", "sur"}:
                    continue
                if j in actors.token_org:
                    return actors.token_org[j][0], actors.token_org[j][0].name
                name = _proper_name_at(doc, j, i)
                if name:
                    return None, name
        return None, ""

    def _listed_members_of(self, doc, frame: Frame, folded, actors: Actors) -> Organisation | None:
        """``les trois membres du Groupe UT, à savoir UTC, UTT et UTBM``: the group listed by its members."""
        for j in frame.indices():
            if j + 2 < len(doc) and folded[j] == "membres" and folded[j + 1] in {"de", "du", "d'", "des"} \
                    and j + 2 in actors.token_org:
                group = actors.token_org[j + 2][0]
                after = actors.mentions_in(actors.token_org[j + 2][2], frame.end)
                listed = {o for _, _, o in after if o is not group}
                if len(listed) >= 2 and any(folded[k] in {"savoir", ":", "("} for k in range(j, min(frame.end, j + 10))):
                    return group
        return None

    def _named_alliance(self, doc, triggers, frame: Frame, actors: Actors) -> str:
        """``au sein de l'alliance Centre-Val de Loire Universités``: the group a trigger noun introduces."""
        for i, n, entry in triggers:
            if entry["pos"] == "NOUN" and i + n in actors.token_org and actors.token_org[i + n][0].kind == "group":
                return actors.token_org[i + n][0].name
        return ""

    def _object_kind(self, doc, triggers, kind: str, actors: Actors, frame: Frame | None = None) -> str:
        """A cooperation verb whose object is a group (``coordonne l'alliance 4EU+``), or a
        cooperation ``au sein de`` a group (``collaborent au sein de la CGE``), states membership."""
        if kind == "cooperation" and frame is not None:
            idx = frame.indices()
            for j in idx:
                if fold(doc[j].text) == "sein" and j > 0 and fold(doc[j - 1].text) == "au":
                    for k in range(j + 1, min(frame.end, j + 5)):
                        if k in actors.token_org and actors.token_org[k][0].kind == "group":
                            return "membership"
        for i, n, entry in triggers:
            if entry["pos"] == "VERB" and entry["kind"] == "cooperation" and kind == "cooperation":
                for j in range(i + n, min(len(doc), i + n + 6)):
                    if j in actors.token_org:
                        if actors.token_org[j][0].kind == "group" and not any(
                                fold(doc[k].text) == "avec" for k in range(i + n, j)):
                            return "membership"
                        break
        return kind

    def _generic_partners(self, doc, frame: Frame, folded, actors: Actors) -> tuple[bool, int | None]:
        for j in frame.indices():
            if folded[j] in self.lex.generic_partner and j not in actors.token_org:
                prev = folded[j - 1] if j > frame.start else ""
                if prev in {"deux", "trois"} and j >= 2 and folded[j - 2] in {"les", "ces", "nos"}:
                    continue                   # "les deux universités" names known bodies
                count = int(prev) if prev.isdigit() else NUMBER_WORDS.get(prev)
                return True, count
        return False, None

    def _plural_anaphor_in(self, doc, frame: Frame, folded) -> tuple[int, int] | None:
        """``les deux universités``, ``elles sont toutes deux``: (start token, count)."""
        idx = frame.indices()
        for j in idx:
            if folded[j] in {"les", "ces", "nos"} and j + 2 < len(doc) and folded[j + 1] in NUMBER_WORDS \
                    and folded[j + 2] in PLURAL_NOUNS:
                return j, NUMBER_WORDS[folded[j + 1]]
            if folded[j] in {"elles", "ils"}:
                for k in range(j + 1, min(len(doc), j + 6)):
                    if folded[k] in {"toutes", "tous"} and k + 1 < len(doc) and folded[k + 1] in NUMBER_WORDS:
                        return j, NUMBER_WORDS[folded[k + 1]]
                if j == frame.start or (j > 0 and doc[j - 1].is_punct):
                    return j, 0                  # "Ils prévoient de …" opening its clause
            if folded[j] == "l'une" or folded[j] == "l'un":
                if j + 3 < len(doc) and folded[j + 1] == "et" and folded[j + 2] == "l'autre":
                    return j, 2
        return None

    def _plural_anaphor(self, doc, at: int, count_or_end: int, folded, actors: Actors, found) -> list[Organisation]:
        """The bodies a plural anaphor counts: the parties of the last partnership
        with that many parties, else the last ones named of a fitting kind."""
        count = count_or_end if count_or_end < 50 else 2
        noun = folded[at + 2] if at + 2 < len(doc) else ""
        kinds = PLURAL_NOUNS.get(noun)
        before = doc[at].idx
        for p in reversed(found):
            if len(p.parties) == count and p.start < before:
                return list(p.parties)
        seen: list[Organisation] = []
        for s, _, org in reversed([m for m in actors.mentions if m[0] < at]):
            if org not in seen and (kinds is None or org.kind in kinds):
                seen.append(org)
            if len(seen) == count:
                return list(reversed(seen))
        return []

    def _main_verb(self, doc, first, frame: Frame, folded) -> int | None:
        """The verb whose subject is the relation's first side: the trigger itself
        when it is a finite verb or participle, else the closest one around it (an
        intention verb the tagger took for a noun counts: ``Elle compte conclure``)."""
        if doc[first].pos_ in ("VERB", "AUX") and not is_infinitive(doc[first]) and not is_gerund(doc, first):
            return first
        for j in range(first - 1, frame.start - 1, -1):
            if frame.contains(j) and (is_finite_verb(doc[j]) or (
                    doc[j].pos_ == "NOUN" and self.lex.intention_at(doc, j, folded) is not None)):
                return j
            if frame.contains(j) and doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm"):
                return j
        for j in range(first + 1, frame.end):
            if frame.contains(j) and doc[j].pos_ == "VERB" and (
                    is_finite_verb(doc[j]) or "Part" in doc[j].morph.get("VerbForm")):
                return j
        return first if doc[first].pos_ == "VERB" else None

    def _avec_groups(self, doc, frame: Frame, folded, actors: Actors) -> list[tuple[list[tuple[Organisation, int]], int, int]]:
        """Each ``avec`` of the frame with the organisations it introduces (``avec X et Y``)."""
        heads = [j for j in frame.indices() if folded[j] == "avec"]
        out = []
        for n, j in enumerate(heads):
            seg_end = heads[n + 1] if n + 1 < len(heads) else frame.end
            members = []
            k = j + 1
            while k < seg_end:
                if k in actors.token_org:
                    org, s, e = actors.token_org[k]
                    if org not in [m for m, _ in members]:
                        members.append((org, s))
                    k = e
                    continue
                if doc[k].text == "(":                 # "(DTU)" after a name
                    close = next((m for m in range(k + 1, min(seg_end, k + 6)) if doc[m].text == ")"), None)
                    if close is not None:
                        k = close + 1
                        continue
                if folded[k] in DETERMINERS | {"et", ",", "ou"} or doc[k].is_punct and doc[k].text not in {";", ":"}:
                    k += 1
                    continue
                # "avec douze universités, dont X, Y et Z": the named examples of a generic plural
                dont = next((m for m in range(k, min(seg_end, k + 6)) if folded[m] == "dont"), None)
                if dont is not None and not members and doc[dont - 1].text == "," and self._dont_including(
                        doc, dont, seg_end, folded, actors) and not any(doc[m].pos_ in ("VERB", "AUX") for m in range(k, dont)):
                    k = dont + 1
                    continue
                break
            if members:
                out.append((members, j, seg_end))
        return out

    def _status(self, doc, triggers, frame: Frame, folded) -> str:
        """``planned`` when the act is future, conditional, or governed by an
        intention (``souhaite développer``, ``l'objectif est de``, ``va``), else
        ``established``. A relation carried on (``poursuivra``, ``consolidera son
        partenariat``) is established; a gerund (``en signant``) takes the tense of
        its main verb. The principal trigger decides: the first act, else the first trigger."""
        i, n, entry = next((t for t in triggers if t[2].get("act")), triggers[0])
        tok = doc[i]
        c_start, c_end = frame.start, frame.end
        if is_gerund(doc, i):
            main = next((doc[k] for k in frame.indices() if is_finite_verb(doc[k]) and k < i), None)
            return "planned" if main is not None and (is_future(main) or is_conditional(main)) else "established"
        for j in range(i - 1, max(c_start - 1, i - 8), -1):
            if self.lex.continuing.match(doc, j, folded) is not None:
                return "established"
            if is_finite_verb(doc[j]) and doc[j].pos_ == "VERB":
                break
        if is_future(tok) or is_conditional(tok):
            return "planned"
        head = tok.head
        if head is not tok and frame.contains(head.i) and (is_future(head) or is_conditional(head)):
            return "planned"
        for j in range(i - 1, c_start - 1, -1):
            if not frame.contains(j):
                continue
            t = doc[j]
            if self.lex.intention_at(doc, j, folded) is not None or \
                    self.lex.objective.match(doc, j, folded) is not None or \
                    self.lex.planned.match(doc, j, folded) is not None:
                return "planned"
            if folded[j] in ALLER and any(is_infinitive(doc[k]) for k in range(j + 1, min(i + 1, j + 6))):
                return "planned"
            if is_future(t) or is_conditional(t):
                return "planned"
        # "les axes de coopération que l'UTT souhaite développer avec SU"
        for j in range(i + n, c_end):
            if folded[j] in {"que", "qu'"}:
                if any(self.lex.intention_at(doc, k, folded) is not None for k in range(j + 1, min(c_end, j + 8))):
                    return "planned"
                break
        # an item of a list whose introduction states an intention ("les axes que l'UTT souhaite développer … :")
        if self._planned_items and any(s <= doc[i].idx < e for s, e in self._planned_items):
            return "planned"
        # an infinitive clause standing alone (heading, list item) states an aim
        k = frame.start
        while k < c_end - 1 and (doc[k].is_punct or doc[k].is_space):
            k += 1
        return "planned" if is_infinitive(doc[k]) else "established"

    def _date(self, doc, sent, at: int, frame: Frame, dates, claimed: set[int]) -> str:
        """Date of signature, creation or start: the frame's own date nearest the
        trigger, else the nearest date of the sentence no other relation claimed;
        a period gives its start (``depuis 2021`` → 2021)."""
        in_sent = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
        if not in_sent:
            return ""
        trig = doc[at].idx

        def in_frame(d) -> bool:
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            return span is not None and frame.contains(span.start)

        in_sent = [d for d in in_sent if not d.value.startswith("/")]   # a deadline is no start
        own = [d for d in in_sent if in_frame(d)]
        pool = own or ([d for d in in_sent if d.start not in claimed] if frame.kind == "main" else [])
        if not pool:
            return ""
        best = min(pool, key=lambda d: abs(d.start - trig))
        claimed.add(best.start)
        return best.value.split("/")[0] if "/" in best.value else best.value


def _clauses(doc: Doc, sent: Span) -> list[tuple[int, int]]:
    """The sentence cut at semicolons, and before a new clause with a subject of its
    own after a colon or ``, et`` (``… étend la coopération : une école d'été sera
    organisée, et les deux établissements envisagent …``)."""
    out, start = [], sent.start
    for i in range(sent.start, sent.end):
        if doc[i].text == ";":
            out.append((start, i))
            start = i + 1
        elif i > start and _new_clause_at(doc, i, sent.end):
            out.append((start, i))
            start = i
    out.append((start, sent.end))
    return [(s, e) for s, e in out if e > s]


def _new_clause_at(doc: Doc, i: int, end: int) -> bool:
    """A colon, or ``, et``/``, mais``, followed by a subject and its finite verb."""
    if doc[i].text == ":":
        k = i + 1
    elif doc[i].text == "," and i + 1 < end and doc[i + 1].lower_ in {"et", "mais"}:
        k = i + 2
    else:
        return False
    if k >= end or doc[k].pos_ not in ("DET", "PRON", "PROPN", "NOUN", "NUM"):
        return False                           # ", et ouvrira …": the verb shares the first subject
    for j in range(k + 1, min(end, k + 9)):
        if doc[j].text in {",", ":", ";", "("}:
            return False
        if _verb_phrase_start(doc[j]) and "Fin" in doc[j].morph.get("VerbForm"):
            return True
    return False


NEGATIONS = frozenset({"pas", "plus", "jamais", "guere", "point", "nullement"})


def _negated(doc: Doc, i: int, c_start: int, c_end: int, folded: list[str]) -> bool:
    """Is the trigger at ``i`` denied (``une fusion n'est pas à l'ordre du jour``,
    ``aucun accord``)? The test looks at its stretch of the clause between
    commas and ``mais``."""
    start, end = i, i
    while start > c_start and folded[start - 1] not in {",", "mais", ":"}:
        start -= 1
    while end < c_end and folded[end] not in {",", "mais", ":"}:
        end += 1
    words = folded[start:end]
    if any(w in {"aucun", "aucune", "sans"} for w in folded[max(start, i - 2):i]):
        return True
    return any(w in {"ne", "n'"} for w in words) and any(w in NEGATIONS for w in words)


def _verb_phrase_start(tok) -> bool:
    """A conjugated verb (the tagger sometimes leaves VerbForm out: ``rejoindra``)."""
    forms = tok.morph.get("VerbForm")
    return tok.pos_ in ("VERB", "AUX") and not ({"Inf", "Part", "Ger"} & set(forms))


def _is_participle(tok) -> bool:
    """A past participle, also when tagged as an adjective or capitalised (``Coordonnée par …``)."""
    if "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense"):
        return True
    low = tok.text.lower()
    return tok.pos_ in ("ADJ", "NOUN", "PROPN", "VERB") and low.endswith(("é", "ée", "és", "ées")) and len(low) > 4


AVOIR_FORMS = frozenset({"a", "ont", "avons", "avez", "avait", "avaient", "aura", "auront", "aurait", "auraient", "ai"})


def _proper_name_at(doc: Doc, j: int, end: int) -> str:
    """A multiword proper name starting at token ``j``: an ORG or MISC entity of the
    model, or a run of at least two capitalised words (``The Secure Compression Lab``)."""
    tok = doc[j]
    if tok.ent_iob_ == "B" and tok.ent_type_ in ("ORG", "MISC"):
        ent = next(e for e in entities(doc) if e.start == j)
        if ent.end <= end and len(ent) >= 2:
            start = j - 1 if j > 0 and doc[j - 1].text[:1].isupper() and doc[j - 1].is_alpha and doc[j - 1].ent_iob_ == "O" else j
            return doc[start:ent.end].text
    k = j
    while k < end and doc[k].text[:1].isupper() and doc[k].is_alpha:
        k += 1
    if k - j >= 2 and not (j > 0 and doc[j - 1].text[:1].isupper()):
        return doc[j:k].text
    return ""


def _verb_shaped(w: str) -> bool:
    return w.endswith(("e", "es", "ent", "ons", "ez", "ait", "aient", "era", "eront", "erait", "eraient", "ant",
                       "ee", "ees", "is", "it"))


def _quoted_name(doc: Doc, first: int, end: int) -> str:
    text = text_of(doc)[doc[first].idx:doc[end - 1].idx + len(doc[end - 1].text)]
    m = re.search(r"[«\"“]\s*([^»\"”]{4,160}?)\s*[»\"”]", text)
    if m and m.group(1)[:1].isupper():
        return m.group(1).strip()
    return ""


def _topics(doc: Doc, start: int, end: int) -> list[str]:
    """Domains a partnership is about: the noun phrases after ``sur``, ``dans le domaine de`` …"""
    text = text_of(doc)[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)] if end > start else ""
    low = fold(text)
    topics: list[str] = []
    for opener in TOPIC_OPENERS:
        for m in re.finditer(r"(?<!\w)" + re.escape(opener) + r"\s+(?:l'|la |le |les |des |du |de la |de l'|d')?", low):
            rest = text[m.end():]
            stop = re.search(r"\s(?:et l['’]autre|avec|pour|afin|qui|dont|depuis|en\s\d)|[.;:()«»]|,\s*(?:l['’]un|l['’]autre)", rest)
            chunk = rest[:stop.start()] if stop else rest
            for piece in re.split(r",\s*|\s+et\s+|\s+ou\s+", chunk):
                piece = re.sub(r"^(?:les\s|la\s|le\s|l['’]|des\s|du\s|de\s|d['’])", "", piece.strip(), flags=re.IGNORECASE).strip()
                if piece and len(piece) <= 60 and piece not in topics:
                    topics.append(piece)
    return topics


def _merge(found: list[Partnership]) -> list[Partnership]:
    """One entry per act. A headline restating a relation of the body is that
    relation; the same parties, kind and status stated twice are one
    partnership; a group counted (``6 écoles``) then listed by name in the next
    sentences is one partnership."""
    body = [p for p in found if not p.in_title]
    kept = [p for p in found if not (p.in_title and any(q.ids == p.ids for q in body))]
    for p in found:
        if p.in_title and p not in kept:
            q = next(q for q in body if q.ids == p.ids)
            q.date = q.date or p.date
            q.sources += p.sources
    merged: list[Partnership] = []
    for p in kept:
        target = None
        for q in merged:
            if q.ids == p.ids and q.status == p.status and (
                    q.kind == p.kind or ("cooperation" in (q.kind, p.kind) and not (q.date and p.date and q.date != p.date))):
                target = q
                if KIND_RANK[p.kind] > KIND_RANK[q.kind]:
                    q.kind = p.kind            # "un rapprochement" then "pourraient fusionner": a merger
                break
            if q.count_hint and q.generic and 0 < p.sent_index - q.sent_index <= 2 and \
                    len(p.ids - q.ids) == q.count_hint:
                target = q
                q.parties = q.parties + [o for o in p.parties if o.org_id not in q.ids]
                q.generic = False
                q.count_hint = None
                break
        if target is None:
            merged.append(p)
            continue
        target.sources += p.sources
        if target.status == "planned" and p.date and target.date and p.date > target.date:
            target.date = p.date               # a planned act starts at its effective date, not at its decision
        target.date = target.date or p.date
        target.name = target.name or p.name
        target.topics = target.topics + [t for t in p.topics if t not in target.topics]
    merged.sort(key=lambda p: p.start)
    return merged


if not Doc.has_extension("partnerships"):
    Doc.set_extension("partnerships", default=None)


@Language.factory("hesr_partnerships", default_config={"patterns_dir": None})
def make_partnerships(nlp: Language, name: str, patterns_dir: str | None):
    return PartnershipFinder(Lexicons.build(cached_rules(patterns_dir), nlp.make_doc))
