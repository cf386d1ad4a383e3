"""The ``goals`` component: strategic commitments, their actor, theme and horizon (SPEC §3).

Goals are found in seven forms of French institutional prose:

1. an intention verb and its complement (``l'IMT souhaite structurer …``,
   ``vise l'élargissement de …``, ``se sont engagés … à renforcer``);
2. an objective noun (``l'objectif est de …``, ``a pour ambition de …``,
   ``avec pour objectifs …``, ``Objectif : diversité``, ``la volonté de l'Institut de …``);
3. an aim named by a copula or a list (``X est un axe de développement``,
   ``Parmi les leviers prioritaires figure X``);
4. the future of the actor (``l'Institut renforcera …``, ``nous allons former …``);
5. an inline list after a colon whose introduction announces goals
   (``trois axes prioritaires … : conforter … ; renforcer … ; poursuivre …``);
6. bullet items under such an introduction (``mise sur 5 dimensions :``);
7. headings and sentences that open with an infinitive (``Devenir un acteur mondial``).

The objective's text starts at its own verb or noun and stops before purpose
and illustration clauses (``afin de``, ``pour`` + infinitive, ``notamment``,
``comme``); coordinated infinitives with their own complements are separate
goals; the same objective stated twice is one goal. The actor is the subject
of the intention (``nous`` and anaphors resolved), the owner of the strategy or
list, else the document's main actor. The horizon is a date of the goal's own
sentence, else its list introduction's, else the strategy's period
(``stratégie 2023-2027``).
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import Actors, actors_of
from .grammar import (clause_bounds, is_finite_verb, is_future, is_gerund, is_infinitive, nominal_parts,
                      np_coordination, objective_end, objective_parts, skip_to_complement, span_text)
from .layout import Line, lines_of, list_groups
from .lexicon import Lexicons, fold, folded_tokens
from .normalise import content_words, dice, key, strip_accents
from .organisations import Organisation
from .components import RuleComponent
from .serialise import serialisable
from .docview import sentence_of, sentences, text_of, lines as doc_lines

COPULAS = frozenset({"est", "sont", "sera", "seront", "reste", "restent", "demeure", "consiste", "consistera",
                     "etait", "serait", "constitue", "constituent", "represente"})
PURPOSE_BEFORE = frozenset({"afin", "pour"})
AMONG_VERBS = frozenset({"figure", "figurent", "trouve", "trouvent", "compte", "comptent"})
AMOUNT_NOUNS = frozenset({"budget", "montant", "enveloppe", "somme", "cout", "financement", "dotation"})
DEDUPE_DICE = 0.6   # the same objective restated ("Structurer une offre de formation …" twice)


@serialisable
@dataclass
class Goal:
    start: int                 # offsets of the objective's text (clean text)
    end: int
    trigger: str
    actor: Organisation | None
    sent_start: int            # evidence sentence
    sent_end: int
    source: str                # verbal | objective | copular | future | inline_list | bullet | infinitive
    horizon_hint: str = ""     # a date of its list introduction
    group: int = 0             # noun phrases coordinated in one complement share a trailing date
    theme: str = "other"
    horizon: str = ""

    def words(self, text: str) -> set[str]:
        return content_words(text[self.start:self.end])


class GoalFinder(RuleComponent):
    """Sets ``doc._.goals``: the strategic goals the document states (SPEC §4)."""

    def __call__(self, doc: Doc) -> Doc:
        doc._.goals = DocGoals(self.lexicons, doc).find()
        return doc


class DocGoals:
    """The goals of one document."""

    def __init__(self, lex: Lexicons, doc: Doc):
        self.lex = lex
        self.doc = doc
        self.dates = list(doc._.dates or [])
        self._date_tokens = _date_tokens(doc, self.dates)
        self._group = 0
        self._np_groups: dict[tuple[int, int], int] = {}

    def find(self) -> list[Goal]:
        doc = self.doc
        folded = folded_tokens(doc)
        actors = actors_of(doc, self.lex)
        lines = doc_lines(doc)
        dates = self.dates
        strategy_period, strategy_owner = self._strategy(doc, folded, dates, actors)
        default_actor = strategy_owner or actors.main

        cands: list[Goal] = []
        for sent in sentences(doc):
            if sent.text.rstrip().endswith("?"):
                continue                       # an interviewer's question commits no one
            cands += self._verbal(doc, sent, folded, actors)
            cands += self._objective_nouns(doc, sent, folded, actors)
            cands += self._copular(doc, sent, folded, actors)
            cands += self._future(doc, sent, folded, actors)
            cands += self._inline_lists(doc, sent, folded, actors, dates, lines, default_actor)
            cands += self._infinitive_openings(doc, sent, folded, actors, lines, default_actor)
        cands += self._bullet_items(doc, folded, actors, lines, dates, default_actor)

        goals = _dedupe(text_of(doc), [g for g in cands if g is not None])
        own = {id(g): self._horizon(g, goals, dates) for g in goals}
        for g in goals:
            if not own[id(g)] and g.group:
                # "le lancement de dix diplômes et la mobilité de ses étudiants d'ici 2027": shared
                own[id(g)] = next((own[id(o)] for o in goals if o.group == g.group and own[id(o)]), "")
        for g in goals:
            g.theme = classify_theme(text_of(doc)[g.start:g.end], self.lex.themes)
            g.horizon = own[id(g)] or strategy_period or g.horizon_hint
        return goals

    # -- 1. intention verbs -----------------------------------------------------------
    def _verbal(self, doc: Doc, sent: Span, folded, actors: Actors) -> list[Goal]:
        out = []
        i = sent.start
        while i < sent.end:
            hit = self.lex.intention_at(doc, i, folded)
            if hit is None or not self._intention_use(doc, i, hit[0], folded, sent):
                i += hit[1] if hit else 1
                continue
            entry, n = hit
            c_start, c_end = clause_bounds(sent, i)
            comp = self._complement(doc, i + n - 1, c_end, folded, allow_np=entry.get("complement") in ("np", "both"))
            if comp is None and entry.get("que_clause"):
                comp = self._que_clause(doc, i + n, c_end, folded)
            if comp is None:
                i += n
                continue
            j, what = comp
            if what == "np" and (self._announces_list(doc, j, c_end) or self._amount(doc, j, c_end, folded)):
                i += n
                continue
            parts = self._parts(doc, j, c_end, folded, what)
            actor = self._actor_of_verb(doc, sent, i, c_start, actors)
            out += [self._goal(doc, s, e, entry["term"], actor, sent, "verbal") for s, e in parts]
            i = max(i + n, max(e for _, e in parts))
        return out

    @staticmethod
    def _que_clause(doc, k, end, folded) -> tuple[int, str] | None:
        """``nous voulons que chaque campus dispose de …``: the objective is the clause
        ``que`` opens, when a subject and its verb follow."""
        while k < end and doc[k].pos_ == "ADV":
            k += 1
        if k >= end or folded[k] not in {"que", "qu'"}:
            return None
        for j in range(k + 2, min(end, k + 8)):
            if doc[j].pos_ in ("VERB", "AUX") and is_finite_verb(doc[j]):
                return k, "np"
            if doc[j].text in {",", ";", ":"}:
                return None
        return None

    def _complement(self, doc, i, end, folded, *, allow_np, markers=frozenset({"de", "d'", "a"})):
        return skip_to_complement(doc, i, end, folded, allow_np=allow_np, markers=markers, lex=self.lex,
                                  skip=self._date_tokens)

    def _parts(self, doc, j, end, folded, what: str) -> list[tuple[int, int]]:
        """The objectives of a complement: coordinated infinitives, or noun phrases joined by ``et`` + determiner."""
        if what == "inf":
            return objective_parts(doc, j, end, folded, self.lex)
        hard = objective_end(doc, j, end, folded, self.lex, soft=False)
        parts = [(s, objective_end(doc, s, e, folded, self.lex)) for s, e in np_coordination(doc, j, hard, folded)]
        if len(parts) > 1:
            self._group += 1
            self._np_groups.update({p: self._group for p in parts})
        return parts

    def _intention_use(self, doc, i, entry, folded, sent) -> bool:
        tok = doc[i]
        if is_gerund(doc, i):                      # "en misant sur": a means, not a goal
            return False
        if i > sent.start and (folded[i - 1] in PURPOSE_BEFORE or (
                folded[i - 1] in {"de", "d'"} and i - 2 >= sent.start and folded[i - 2] in PURPOSE_BEFORE)):
            return False                           # "afin de viser l'excellence"
        if "Part" in tok.morph.get("VerbForm") and "Past" in tok.morph.get("Tense"):
            # a past participle is an intention only with its auxiliary ("nous avons prévu")
            if not any(doc[k].lemma_ in ("avoir", "être") or folded[k] in {"a", "ont", "avons", "avez", "est", "sont"}
                       for k in range(max(sent.start, i - 3), i)):
                return False
        # "L'UPVD n'envisage pas de rejoindre …": a denied intention commits to nothing
        if any(folded[k] in {"ne", "n'"} for k in range(max(sent.start, i - 3), i)) and any(
                folded[k] in {"pas", "plus", "jamais", "guere", "nullement"} for k in range(i + 1, min(sent.end, i + 3))):
            return False
        # "les axes que l'UTT souhaite développer": the object is the relative's antecedent
        for k in range(i - 1, max(sent.start - 1, i - 5), -1):
            if folded[k] in {"que", "qu'"}:
                return False
            if doc[k].text in {",", ";", ":"}:
                break
        return True

    def _amount(self, doc, j, c_end, folded) -> bool:
        """``prévoit un budget de 2,4 millions d'euros``: a sum, not an objective."""
        for k in range(j, min(c_end, j + 4)):
            if folded[k] in AMOUNT_NOUNS:
                return True
            if doc[k].pos_ == "NOUN":
                return False
        return False

    def _announces_list(self, doc, j, c_end) -> bool:
        """``mise sur 5 dimensions :`` — the complement is a list to come, not a goal."""
        return any(doc[k].text == ":" for k in range(j, min(c_end, j + 6)))

    # -- 2. objective nouns ---------------------------------------------------------------
    def _objective_nouns(self, doc: Doc, sent: Span, folded, actors: Actors) -> list[Goal]:
        out = []
        for i in range(sent.start, sent.end):
            hit = self.lex.objective.match(doc, i, folded)
            if hit is None or i in actors.token_org:
                continue
            entry, n = hit
            c_start, c_end = clause_bounds(sent, i)
            k = i + n
            comp, owner, np_split = None, None, False
            after = folded[k] if k < c_end else ""
            before = folded[i - 1] if i > c_start else ""
            b = i - 2                          # the word before "pour", adverbs passed ("a également pour objectif")
            while b > c_start and (doc[b].pos_ == "ADV" or folded[b] in {"par", "ailleurs"}) and i - b <= 5:
                b -= 1
            before2 = folded[b] if b >= c_start and i - 1 > c_start else ""
            # "la volonté de l'Institut de contribuer", "les objectifs de l'IMT"
            o = k + 2 if k + 2 < c_end and folded[k + 1] in {"l'", "la", "le", "les"} else k + 1
            if after in {"de", "d'", "du", "des"} and o < c_end and o in actors.token_org:
                owner = actors.token_org[o][0]
                k = actors.token_org[o][2]
                after = folded[k] if k < c_end else ""
            if after in COPULAS:
                comp = self._complement(doc, k, c_end, folded, allow_np=False)
            elif after == ":":
                comp = self._complement(doc, k, c_end, folded, allow_np=True, markers=frozenset())
                np_split = True
            elif before == "pour" and before2 in {"a", "ont", "avons", "avez", "avec", "avoir", "aura", "auront", "aurons",
                                                  "avait", "avaient", "donne", "donnent", "fixe", "fixent"}:
                comp = self._complement(doc, k - 1, c_end, folded, allow_np=True)
                np_split = True
            elif after in {"de", "d'"} and k + 1 < c_end and (is_infinitive(doc[k + 1]) or folded[k + 1] in {"se", "s'"}):
                if before in {"un", "une", "l'", "la", "le", "cette", "son", "sa", "leur", "notre"} or owner is not None:
                    comp = self._complement(doc, k, c_end, folded, allow_np=False)
            elif after in {"de", "d'"} and before in {"un", "une"} and k + 1 < c_end and doc[k + 1].pos_ == "NOUN" \
                    and fold(entry["term"]) in {"objectif", "ambition", "but"} and _after_having(doc, i - 2, c_start, folded):
                comp = (k + 1, "np")            # "a également un objectif de coopération en recherche"
            if comp is None:
                continue
            j, what = comp
            if what == "np" and not np_split:
                hard = objective_end(doc, j, c_end, folded, self.lex, soft=False)
                parts = [(j, objective_end(doc, j, hard, folded, self.lex))]
            else:
                parts = self._parts(doc, j, c_end, folded, what)
            actor = owner or self._actor_near(doc, sent, i, c_start, actors)
            out += [self._goal(doc, s, e, entry["term"], actor, sent, "objective") for s, e in parts]
        return out

    # -- 3. copula and "parmi" ---------------------------------------------------------------
    def _copular(self, doc: Doc, sent: Span, folded, actors: Actors) -> list[Goal]:
        """``X est un axe de développement``, ``L'ouverture à l'international est un défi
        majeur que l'Institut a la volonté de relever``, ``Parmi les leviers prioritaires figure X``."""
        out = []
        for i in range(sent.start, sent.end):
            if folded[i] not in COPULAS and folded[i] != "parmi":
                continue
            c_start, c_end = clause_bounds(sent, i)
            if folded[i] in COPULAS:
                k = i + 1
                while k < c_end and (folded[k] in {"un", "une", "l'un", "l'une", "des", "le", "la", "l'"} or
                                     doc[k].pos_ == "ADJ"):
                    k += 1
                if k >= c_end or (self.lex.list_noun.match(doc, k, folded) is None and
                                  self.lex.objective.match(doc, k, folded) is None):
                    continue
                start = self._subject_start(doc, i, c_start)
                if start is None or start >= i:
                    continue
                noun = self.lex.list_noun.match(doc, k, folded) or self.lex.objective.match(doc, k, folded)
                actor = self._relative_actor(doc, k, c_end, folded, actors) or \
                    actors.previous_subject(i) or actors.main
                out.append(self._goal(doc, start, i, noun[0]["term"], actor, sent, "copular"))
            elif folded[i] == "parmi" and i + 2 < c_end:
                verb = next((k for k in range(i + 2, min(c_end, i + 8)) if folded[k] in AMONG_VERBS), None)
                if verb is None or not any(self.lex.list_noun.match(doc, k, folded) for k in range(i + 1, verb)):
                    continue
                j = verb + 1
                while j < c_end and (doc[j].pos_ == "ADV" or folded[j] in {"se", "on"}):
                    j += 1
                noun = next(self.lex.list_noun.match(doc, k, folded) for k in range(i + 1, verb)
                            if self.lex.list_noun.match(doc, k, folded))
                actor = actors.previous_subject(i) or actors.main
                for s, e in self._parts(doc, j, c_end, folded, "np"):
                    out.append(self._goal(doc, s, e, noun[0]["term"], actor, sent, "copular"))
        return out

    def _subject_start(self, doc, verb: int, c_start: int) -> int | None:
        """First token of the subject before a copula: the parse's subject, else the clause's opening."""
        head = doc[verb].head
        for child in list(head.children) + list(doc[verb].children):
            if child.dep_ in ("nsubj", "nsubj:pass") and c_start <= child.left_edge.i < verb:
                return child.left_edge.i
        k = c_start
        while k < verb and (doc[k].is_punct or doc[k].pos_ in ("ADV", "CCONJ")):
            k += 1
        return k if k < verb else None

    def _relative_actor(self, doc, k, c_end, folded, actors: Actors) -> Organisation | None:
        """``… un défi que l'Institut a la volonté de relever``: the relative's subject."""
        for j in range(k, min(c_end, k + 6)):
            if folded[j] in {"que", "qu'"}:
                subj = actors.subject(j + 2, j + 1) if j + 2 < c_end else None
                if j + 1 in actors.token_org:
                    return actors.token_org[j + 1][0]
                if j + 2 < len(doc) and actors.anaphor_at(j + 2):
                    return actors.resolve_anaphor(j + 2, subject=True)
                return subj.org if subj is not None and subj.kind == "org" else None
        return None

    # -- 4. future tense ----------------------------------------------------------------
    def _future(self, doc: Doc, sent: Span, folded, actors: Actors) -> list[Goal]:
        out = []
        covered = -1
        for i in range(sent.start, sent.end):
            if i <= covered:
                continue
            tok = doc[i]
            start, trigger = None, "future"
            if is_future(tok) and tok.pos_ == "VERB" and not self._describes(tok):
                start = i - 1 if i > sent.start and folded[i - 1] in {"se", "s'"} else i
            elif folded[i] in {"va", "vont", "allons", "allez"} and tok.pos_ in ("VERB", "AUX"):
                c_start, c_end = clause_bounds(sent, i)
                comp = self._complement(doc, i, c_end, folded, allow_np=False, markers=frozenset())
                if comp is None:
                    continue
                inf = comp[0] + 1 if folded[comp[0]] in {"se", "s'"} else comp[0]
                if inf >= c_end or self._describes(doc[inf]):
                    continue
                start, trigger = comp[0], "aller"
            if start is None:
                continue
            c_start, c_end = clause_bounds(sent, i)
            if self.lex.intention_at(doc, i, folded) is not None:
                continue                           # handled as an intention verb
            verb = start if trigger == "aller" else i
            act = self.lex.partnership.match(doc, verb, folded)
            if act is not None and act[0]["pos"] == "VERB" and any(
                    s <= doc[verb].idx < e for p in (doc._.partnerships or []) for s, e in p.sources):
                continue                           # "s'allieront", "rejoindra": a partnership, not a goal
            subj = actors.subject(i, c_start)
            if subj.kind in ("people", "relative") or (subj.kind == "noun" and doc[subj.start].ent_type_ == "PER"):
                continue
            if subj.kind in ("noun", "generic") and trigger == "future" and c_start <= subj.start < start \
                    and not any(doc[k].text == "," for k in range(subj.start, start)):
                start = subj.start                 # "des campagnes de recrutement … démarreront"
            actor = actors.actor_for(subj, speaker=actors.speaker_org(sent))
            parts = objective_parts(doc, start, c_end, folded, self.lex)
            out += [self._goal(doc, s, e, trigger, actor, sent, "future") for s, e in parts]
            covered = max(e for _, e in parts)
        return out

    def _describes(self, tok) -> bool:
        """Verbs that describe rather than commit (``sera``, ``s'appuiera sur``, ``bénéficieront``)."""
        lemma = fold(tok.lemma_).split("'")[-1]
        nxt = fold(tok.doc[tok.i + 1].text) if tok.i + 1 < len(tok.doc) else ""
        return lemma in self.lex.not_goal_verbs or f"{lemma} {nxt}" in self.lex.not_goal_verbs \
            or fold(tok.text) in {"sera", "seront", "aura", "auront", "pourra", "pourront", "devra", "devront"}

    # -- 5. inline lists ------------------------------------------------------------------
    def _inline_lists(self, doc: Doc, sent: Span, folded, actors: Actors, dates, lines, default_actor) -> list[Goal]:
        colon = next((i for i in range(sent.start, sent.end) if doc[i].text == ":"), None)
        if colon is None or colon + 1 >= sent.end:
            return []
        intro_start = sent.start
        intro_trigger = self._intro_trigger(doc, intro_start, colon, folded)
        if intro_trigger is None:
            return []
        # a bullet's "label : a, b, c" runs to the end of its line, across ellipses
        body_end = sent.end
        line = next((ln for ln in lines if ln.start <= doc[colon].idx <= ln.end), None)
        if line is not None and line.kind == "bullet":
            last = doc.char_span(line.start, line.end, alignment_mode="expand")
            if last is not None:
                body_end = max(body_end, last.end)
        body_start = colon + 1
        semis = [i for i in range(body_start, body_end) if doc[i].text == ";"]
        if semis:
            bounds, prev = [], body_start
            for s in semis + [body_end]:
                bounds.append((prev, s))
                prev = s + 1
        elif any(self.lex.list_noun.match(doc, k, folded) is not None for k in range(intro_start, colon)) \
                and colon - intro_start <= 8:
            bounds = nominal_parts(doc, body_start, body_end, folded)
        else:
            return []
        hint = self._date_in(dates, doc[intro_start].idx, doc[colon].idx)
        actor = self._intro_actor(doc, intro_start, colon, actors, default_actor)
        out = []
        for s, e in bounds:
            while s < e and (doc[s].is_space or doc[s].is_punct):
                s += 1
            if s >= e:
                continue
            parts = objective_parts(doc, s, e, folded, self.lex) if is_infinitive(doc[s]) else \
                [(s, objective_end(doc, s, e, folded, self.lex))]
            for ps, pe in parts:
                if any(doc[k].pos_ in ("NOUN", "PROPN", "VERB") or is_infinitive(doc[k]) for k in range(ps, pe)):
                    out.append(self._goal(doc, ps, pe, intro_trigger, actor, sent, "inline_list", hint))
        return out

    def _intro_trigger(self, doc, start, end, folded) -> str | None:
        """The word of a list introduction that announces goals: a list or objective
        noun, an intention verb, a future verb; ``None`` if there is none."""
        for k in range(start, end):
            for index in (self.lex.list_noun, self.lex.objective):
                hit = index.match(doc, k, folded)
                if hit is not None:
                    return hit[0]["term"]
            hit = self.lex.intention_at(doc, k, folded)
            if hit is not None:
                return hit[0]["term"]
            if is_future(doc[k]) and doc[k].pos_ in ("VERB", "AUX"):
                return "future"
            if folded[k] in {"visant", "permettant"}:
                return "viser" if folded[k] == "visant" else "permettre"
        return None

    # -- 6. bullet items ---------------------------------------------------------------------
    def _bullet_items(self, doc: Doc, folded, actors: Actors, lines: list[Line], dates, default_actor) -> list[Goal]:
        out = []
        for group in list_groups(lines):
            intro = group.intro
            if intro is None:
                continue
            span = doc.char_span(intro.start, intro.end, alignment_mode="expand")
            if span is None:
                continue
            trigger = self._intro_trigger(doc, span.start, span.end, folded)
            if trigger is None:
                continue
            actor = self._intro_actor(doc, span.start, span.end, actors, default_actor)
            hint = self._date_in(dates, intro.start, intro.end)
            for item in group.items:
                item_span = doc.char_span(item.body_start, item.end, alignment_mode="expand")
                if item_span is None or len(item_span) == 0:
                    continue
                s = item_span.start
                if is_infinitive(doc[s]):
                    continue                       # an infinitive item is found as an infinitive opening
                # the item's first sentence; a "label : a, b, c" item is an inline list
                e = s
                while e < item_span.end and not (doc[e].is_sent_start and e > s) and doc[e].text not in {"«", ":"}:
                    e += 1
                if e < item_span.end and doc[e].text == ":":
                    continue
                end = objective_end(doc, s, e, folded, self.lex)
                out.append(self._goal(doc, s, end, trigger, actor, sentence_of(doc, s), "bullet", hint))
        return out

    # -- 7. infinitive openings -----------------------------------------------------------------
    def _infinitive_openings(self, doc: Doc, sent: Span, folded, actors: Actors, lines: list[Line],
                             default_actor) -> list[Goal]:
        s = sent.start
        while s < sent.end and (doc[s].is_space or doc[s].is_punct or doc[s].text in {"•", "–", "-", "*"}):
            s += 1
        if s >= sent.end:
            return []
        first = doc[s]
        if not is_infinitive(first) and not (folded[s] in {"se", "s'"} and s + 1 < sent.end and is_infinitive(doc[s + 1])):
            return []
        if self.lex.heading_exclude.match(doc, s, folded) is not None:
            return []
        line = next((ln for ln in lines if ln.start <= first.idx <= ln.end), None)
        if not first.text[:1].isupper() and (line is None or line.kind != "bullet"):
            return []                              # a lowercase infinitive opens a sentence only in a list item
        # "Tels sont …" after the list, or a finite verb making the infinitive a subject, ends it
        end = next((k for k in range(s + 1, sent.end) if is_finite_verb(doc[k]) and doc[k].pos_ == "AUX"
                    or folded[k] in {"sont", "est"}), sent.end)
        c_end = min(end, clause_bounds(sent, s)[1])
        trigger = {"heading": "heading", "bullet": "list"}.get(line.kind if line else "", "infinitive")
        actor = self._list_actor(doc, line, lines, actors, default_actor)
        hint = self._list_hint(line, lines)
        return [self._goal(doc, ps, pe, trigger, actor, sent, "infinitive", hint)
                for ps, pe in objective_parts(doc, s, c_end, folded, self.lex)]

    def _list_hint(self, line, lines) -> str:
        """The date of the introduction of the list a bullet belongs to (``… pour la période 2026-2030 :``)."""
        if line is None or line.kind != "bullet":
            return ""
        for group in list_groups(lines):
            if line in group.items and group.intro is not None:
                return self._date_in(self.dates, group.intro.start, group.intro.end)
        return ""

    def _list_actor(self, doc, line, lines, actors: Actors, default_actor):
        if line is None or line.kind != "bullet":
            return default_actor
        for group in list_groups(lines):
            if line in group.items and group.intro is not None:
                span = doc.char_span(group.intro.start, group.intro.end, alignment_mode="expand")
                if span is not None:
                    return self._intro_actor(doc, span.start, span.end, actors, default_actor)
        return default_actor

    # -- actors, dates, strategy ----------------------------------------------------------------
    def _actor_of_verb(self, doc, sent, i, c_start, actors: Actors) -> Organisation | None:
        subj = actors.subject(i, c_start)
        if subj.kind == "none" and c_start > sent.start:
            subj = actors.subject(i, sent.start)
        return actors.actor_for(subj, speaker=actors.speaker_org(sent))

    def _actor_near(self, doc, sent, i, c_start, actors: Actors) -> Organisation | None:
        """Actor of an objective noun: the subject of the clause's verb (``le Groupe UT a un objectif``)."""
        for k in range(i - 1, c_start - 1, -1):
            if doc[k].pos_ in ("VERB", "AUX") and is_finite_verb(doc[k]):
                return actors.actor_for(actors.subject(k, c_start), speaker=actors.speaker_org(sent))
        for s, e, org in actors.mentions_in(c_start, i):
            if s == c_start or fold(doc[s - 1].text) not in {"de", "d'", "du", "des", "avec", "a", "au"}:
                return org
        return actors.previous_subject(i) or actors.main

    def _intro_actor(self, doc, start, end, actors: Actors, default_actor) -> Organisation | None:
        folded = folded_tokens(doc)
        for k in range(start, end):
            if doc[k].pos_ in ("VERB", "AUX") and is_finite_verb(doc[k]):
                subj = actors.subject(k, start)
                if subj.kind == "org" and subj.others:
                    return None                    # "l'ESTP et VINCI Construction se fixent trois priorités :"
                if subj.kind in ("noun", "generic") and subj.start >= start:
                    words = range(subj.start, k)
                    if any(folded[j] in NEW_BODY for j in words) and any(
                            folded[j] in self.lex.anaphor_kinds for j in words):
                        return None                # "le futur établissement s'est fixé …": a body yet to be
                    if any((hit := self.lex.partnership.match(doc, j, folded)) is not None
                           and hit[0]["kind"] == "agreement" for j in words):
                        return None                # "l'accord fixe plusieurs engagements :": its parties, jointly
                break
        for s, e, org in actors.mentions_in(start, end):
            if s > 0 and fold(doc[s - 1].text) in {"avec", "entre"}:
                continue
            return org
        for k in range(start, end):
            if actors.anaphor_at(k):
                org = actors.resolve_anaphor(k, subject=True)
                if org is not None:
                    return org
        return default_actor

    def _date_in(self, dates, start: int, end: int) -> str:
        return next((d.value for d in dates if start <= d.start < end and d.value), "")

    def _horizon(self, g: Goal, goals: list[Goal], dates) -> str:
        """The date that bounds a goal: one in its text or after it, before the next
        goal of its sentence (``doubler le nombre de start-up d'ici 2028``); else one
        fronted in its sentence (``Dès 2014, …``) or just before it (``va dès cette
        année renforcer``) that no other goal of the sentence holds."""
        doc = self.doc
        mates = sorted((o for o in goals if o.sent_start == g.sent_start), key=lambda o: o.start)
        nxt = next((o.start for o in mates if o.start > g.start), g.sent_end)
        in_sent = [d for d in dates if g.sent_start <= d.start < g.sent_end and d.value]
        for d in in_sent:
            if g.start <= d.start < nxt and not _in_relative(text_of(doc)[g.end:d.start]):
                return d.value
        sent = doc.char_span(g.sent_start, g.sent_end, alignment_mode="expand")
        goal_tok = doc.char_span(g.start, g.end, alignment_mode="expand")
        for d in in_sent:
            if d.start >= g.start:
                continue
            held = any(o is not g and o.start <= d.start < next((m.start for m in mates if m.start > o.start), g.sent_end)
                       for o in mates)
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if held or span is None or sent is None or goal_tok is None:
                continue
            adjacent = goal_tok.start - span.end <= 3 and not any(t.is_punct for t in doc[span.end:goal_tok.start])
            if span.start - sent.start <= 3 or adjacent:
                return d.value
        return ""

    def _strategy(self, doc, folded, dates, actors: Actors) -> tuple[str, Organisation | None]:
        """The period of the document's strategy (``stratégie d'ensemble 2023-2027``) and its owner."""
        period = ""
        for d in dates:
            two_sided = "/" in d.value and all(d.value.split("/"))
            if not d.value or not (two_sided or (d.value.startswith("/") and "horizon" in fold(d.timex.text))):
                continue                       # a period ("2023-2027", "à l'horizon 2030"), not a deadline
            span = doc.char_span(d.start, d.end, alignment_mode="expand")
            if span is None:
                continue
            sent = sentence_of(doc, span.start)
            for k in range(sent.start, sent.end):
                if self.lex.strategy.match(doc, k, folded) is not None:
                    owner = next((org for _, _, org in actors.mentions_in(sent.start, sent.end)), None)
                    if owner is not None:
                        return period or d.value, owner
                    # "# Projet d'établissement 2024-2028" … "L'Université de Lorraine a adopté son projet
                    # d'établissement pour la période 2024-2028": the owner is named with the period again
                    period = period or d.value
                    break
        return period, None

    # -- construction ------------------------------------------------------------------------------
    def _goal(self, doc, s, e, trigger, actor, sent, source, hint="") -> Goal | None:
        e0 = e
        # a date closing the objective is its horizon, not its text ("… à l'horizon 2028.")
        while e > s and (e - 1 in self._date_tokens or doc[e - 1].is_punct or doc[e - 1].is_space):
            e -= 1
        start, end = span_text(doc, s, e)
        if start < 0:
            return None
        text = text_of(doc)[start:end]
        words = [w for w in key(text).split() if len(w) > 2]
        if not words or len(text) > 400:
            return None
        if len(words) == 1 and is_infinitive(doc[s]):
            return None                            # a bare verb: its object is elsewhere
        return Goal(start, end, trigger, actor, sent.start_char, sent.end_char, source, hint,
                    group=self._np_groups.get((s, e), 0) or self._np_groups.get((s, e0), 0))


NEW_BODY = frozenset({"futur", "future", "nouvel", "nouveau", "nouvelle"})


def _after_having(doc: Doc, k: int, c_start: int, folded: list[str]) -> bool:
    """Is there ``avoir``, ``se fixer`` or ``se donner`` just before (adverbs passed over)?"""
    while k >= c_start and doc[k].pos_ == "ADV":
        k -= 1
    return k >= c_start and (doc[k].lemma_ in ("avoir", "fixer", "donner") or folded[k] in {"a", "ont", "avait"})


def _date_tokens(doc: Doc, dates) -> frozenset[int]:
    """Tokens of the dates, with the article or demonstrative before them (``ce mercredi 10 avril``)."""
    out = set()
    for d in dates:
        span = doc.char_span(d.start, d.end, alignment_mode="expand")
        if span is not None:
            out.update(range(span.start, span.end))
            if span.start > 0 and doc[span.start - 1].lower_ in {"ce", "cette", "cet", "le", "la", "l'", "en"}:
                out.add(span.start - 1)
    return frozenset(out)


@functools.lru_cache(maxsize=4096)
def _theme_words(text: str) -> str:
    return " " + " ".join(fold(text).replace("'", " ").replace("-", " ").split()) + " "


def classify_theme(text: str, themes: list[tuple[str, tuple[str, ...]]]) -> str:
    """The theme with most stem hits; ties go to the theme whose first hit comes first.
    The objective's own opening verb counts half: what it acts on says more
    (``accueillir des apprentis`` is about education)."""
    low = _theme_words(text)
    opening = len(low.split()[0]) + 1 if low.strip() else 0
    best = ("other", 0.0, len(low))
    for theme, stems in themes:
        hits = 0.0
        first = len(low)
        for stem in (_theme_words(st).strip() for st in stems):   # "start-up" as the text is: "start up"
            pos = low.find(" " + stem)
            while pos >= 0:
                hits += 0.5 if pos == 0 and opening else 1.0
                first = min(first, pos)
                pos = low.find(" " + stem, pos + 1)
        if hits > best[1] or (hits == best[1] and hits > 0 and first < best[2]):
            best = (theme, hits, first)
    return best[0]


PRIORITY = {"verbal": 0, "objective": 1, "copular": 2, "inline_list": 3, "bullet": 4, "future": 5, "infinitive": 6}


_RELATIVE_BETWEEN = re.compile(r",\s*(?:\w+\s+)?(?:qui|dont|lequel|laquelle|lesquels|lesquelles|duquel|auquel|auxquels)\b",
                               re.IGNORECASE)


def _in_relative(between: str) -> bool:
    """Does a date after a goal stand in a relative clause opened after it and not closed
    (``…, avec laquelle les discussions ont commencé cet hiver``)?"""
    last = None
    for last in _RELATIVE_BETWEEN.finditer(between):
        pass
    return last is not None and "," not in between[last.end():]


def _dedupe(text: str, cands: list[Goal]) -> list[Goal]:
    """One goal per objective: overlapping spans keep the strongest source; the
    same objective stated twice in the document is one goal."""
    accepted: list[Goal] = []
    for g in sorted(cands, key=lambda g: (PRIORITY[g.source], g.start)):
        clash = next((a for a in accepted if min(a.end, g.end) - max(a.start, g.start) >=
                      max(1, 0.5 * min(a.end - a.start, g.end - g.start))), None)
        if clash is None:
            accepted.append(g)
        elif clash.actor is None and g.actor is not None:
            clash.actor = g.actor
    accepted.sort(key=lambda g: g.start)
    result: list[Goal] = []
    for g in accepted:
        w = g.words(text)
        same = next((r for r in result if dice(w, r.words(text)) >= DEDUPE_DICE), None)
        if same is None:
            result.append(g)
        elif same.actor is None:
            same.actor = g.actor               # the restatement may say who commits
    return result


if not Doc.has_extension("goals"):
    Doc.set_extension("goals", default=None)


@Language.factory("hesr_goals", default_config={"patterns_dir": None},
                  requires=["doc._.organisations", "doc._.dates", "doc._.partnerships"], assigns=["doc._.goals"])
def make_goals(nlp: Language, name: str, patterns_dir: str | None):
    return GoalFinder(nlp, name, patterns_dir=patterns_dir)
