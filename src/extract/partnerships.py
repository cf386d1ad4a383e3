"""The ``partnerships`` component: who partners with whom, how, and since when (SPEC §3).

A partnership needs a trigger (``signer``, ``convention``, ``rejoindre``,
``membre``, ``fusion``, ``partenariat`` … from ``patterns/partnership_triggers.jsonl``)
and its parties are read from the trigger's clause:

- the organisations named in the clause, the subject included (``Sorbonne
  Université et l'Inria ont signé``), a ``nous`` or an anaphor
  (``l'établissement``, ``membre du réseau``) resolved to its organisation;
- the document's main actor when one side is missing (``Deux accords ont été
  signés, l'un avec CentraleSupélec`` — the issuer signed them);
- an organisation the act creates (``pour fonder IMT Grand Est``) is the
  partnership's name, not a party; so is the group whose members are listed
  (``les membres du Groupe UT, à savoir UTC, UTT et UTBM``);
- separate acts with several partners (``l'un avec X … l'autre avec Y``) give
  one partnership per pair.

Two organisations in one sentence without a trigger are never a partnership;
a single named party needs an act (signing, joining, founding) with partners
named generically (``avec des établissements à l'étranger``) or a name.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc, Span

from .actors import Actors
from .grammar import DETERMINERS, clause_bounds, is_conditional, is_finite_verb, is_future, is_gerund, is_infinitive
from .lexicon import Lexicons, fold, folded_tokens
from .organisations import Organisation
from .rules import cached_rules

KIND_RANK = {"merger": 5, "membership": 4, "agreement": 3, "alliance": 2, "cooperation": 1}
NUMBER_WORDS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7, "huit": 8, "neuf": 9,
                "dix": 10, "onze": 11, "douze": 12, "quinze": 15, "vingt": 20}
PERSON_TITLES = frozenset({"directeur", "directrice", "president", "presidente", "responsable", "doyen", "doyenne",
                           "recteur", "rectrice", "vice-president", "vice-presidente", "professeur", "professeure",
                           "chercheur", "chercheuse", "ministre", "maire", "selon", "d'apres", "delegue", "deleguee"})
ALLER = frozenset({"va", "vont", "allons", "allez", "allait", "allaient", "aller"})
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

    @property
    def ids(self) -> frozenset[str]:
        return frozenset(o.org_id for o in self.parties)


class PartnershipFinder:
    def __init__(self, lex: Lexicons):
        self.lex = lex

    def __call__(self, doc: Doc) -> Doc:
        folded = folded_tokens(doc)
        actors = Actors(doc, self.lex, folded)
        dates = doc._.dates or []
        found: list[Partnership] = []
        for s_index, sent in enumerate(doc.sents):
            found.extend(self._in_sentence(doc, sent, s_index, folded, actors, dates))
        doc._.partnerships = _merge(found)
        return doc

    # -- one sentence -------------------------------------------------------------
    def _in_sentence(self, doc: Doc, sent: Span, s_index: int, folded: list[str], actors: Actors,
                     dates: list) -> list[Partnership]:
        triggers: list[tuple[int, int, dict]] = []
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
            triggers.append((i, n, entry))
            i += n
        out = []
        seen_clauses: set[tuple[int, int]] = set()
        for i, n, entry in triggers:
            clause = clause_bounds(sent, i)
            if clause in seen_clauses:
                continue
            seen_clauses.add(clause)
            in_clause = [t for t in triggers if clause[0] <= t[0] < clause[1]]
            out.extend(self._in_clause(doc, sent, clause, in_clause, s_index, folded, actors, dates))
        return out

    def _in_clause(self, doc, sent, clause, triggers, s_index, folded, actors: Actors, dates) -> list[Partnership]:
        c_start, c_end = clause
        # a trigger noun that only refers back to a named body ("cette alliance entend …") is not an act
        triggers = [t for t in triggers if not self._anaphoric_trigger(doc, t, c_end, folded)]
        if not triggers:
            return []
        first = min(t[0] for t in triggers)
        kind = max((t[2]["kind"] for t in triggers), key=lambda k: KIND_RANK[k])
        act = any(t[2].get("act") for t in triggers)
        creates = [t for t in triggers if t[2].get("creates")]

        mentions = [m for m in actors.mentions_in(c_start, c_end) if not self._not_a_party(m, folded)]
        parties: list[Organisation] = []
        for _, _, org in mentions:
            if org not in parties:
                parties.append(org)
        for j in range(c_start, c_end):
            if actors.anaphor_at(j) and not any(j == t[0] for t in triggers):
                subject_pos = j < first and not any(folded[k] in {"de", "d'", "du", "au", "a"} for k in (j - 1,))
                org = actors.resolve_anaphor(j, subject=subject_pos)
                if org is not None and org not in parties:
                    parties.append(org)

        # what the act creates is its name, not a party
        name = ""
        created: Organisation | None = None
        for t in creates:
            created, name = self._created(doc, t, c_start, c_end, folded, actors)
            if name:
                break
        if name:
            parties = [p for p in parties if p is not created]
            kind = "alliance" if KIND_RANK[kind] <= KIND_RANK["alliance"] else kind

        # "les N membres du G, à savoir A, B et C": the alliance G of its members
        group = self._listed_members_of(doc, c_start, c_end, folded, actors)
        if group is not None:
            name = group.name
            parties = [p for p in parties if p is not group]
            kind = "alliance"

        generic, count = self._generic_partners(doc, c_start, c_end, folded, actors)
        quoted = _quoted_name(doc, first, c_end)
        if quoted and not name:
            name = quoted

        # the subject side, when no organisation stands there
        verb = self._main_verb(doc, first, c_start, c_end)
        subj = actors.subject(verb, c_start) if verb is not None else None
        if subj is not None and subj.kind == "org" and subj.org not in parties and subj.org is not created \
                and subj.org is not group:
            parties.insert(0, subj.org)
        if len(parties) < 2 and (subj is None or subj.kind not in ("org", "generic", "people")):
            actor = actors.actor_for(subj) if subj is not None else actors.main
            if subj is not None and subj.kind == "noun":
                actor = actors.main
            if actor is not None and actor not in parties and actor is not created and actor is not group:
                parties.insert(0, actor)

        if not self._stands(parties, triggers, bool(name and creates), quoted, generic, doc, c_start, c_end, folded):
            return []

        status = self._status(doc, triggers, c_start, c_end, folded)
        date = self._date(doc, sent, first, dates)
        ev_start, ev_end = _trim(doc.text, sent.start_char, sent.end_char)
        base = dict(kind=kind, status=status, start=ev_start, end=ev_end, date=date, name=name,
                    generic=generic, count_hint=count, sent_index=s_index)

        # one act per partner: "l'un avec X … l'autre avec Y", "des conventions avec X et avec Y"
        avec = self._avec_partners(doc, c_start, c_end, folded, actors)
        distributive = len(avec) >= 2 and (
            any(folded[j] in {"l'un", "un", "l'une", "respectivement", "chacun", "chacune"} for j in range(c_start, c_end))
            or any("Plur" in doc[t[0]].morph.get("Number") and t[2]["pos"] == "NOUN" for t in triggers))
        if distributive:
            partners = [a for a, _, _ in avec]
            others = [p for p in parties if p not in partners]
            if not others:
                actor = actors.actor_for(subj) if subj is not None and subj.kind != "noun" else actors.main
                others = [actor] if actor is not None else []
            result = []
            for org, seg_start, seg_end in avec:
                result.append(Partnership(parties=others[:1] + [org], topics=_topics(doc, seg_start, seg_end, folded), **base))
            return result
        return [Partnership(parties=parties, topics=_topics(doc, first, c_end, folded), **base)]

    # -- pieces -----------------------------------------------------------------------
    def _stands(self, parties, triggers, created, quoted, generic, doc, c_start, c_end, folded) -> bool:
        """Is this a partnership? Two named parties; or one, with an act (signing,
        joining) whose other parties are named generically or which has a name;
        a founding verb ("lancer", "créer") needs what it founds named, and partners."""
        if len(parties) >= 2:
            return True
        if len(parties) == 0:
            return False
        acts = [t for t in triggers if t[2].get("act") and not t[2].get("creates")]
        founding = [t for t in triggers if t[2].get("creates")]
        if acts and (generic or quoted or created):
            return True
        if founding and created and (generic or quoted):
            return True
        return False

    def _anaphoric_trigger(self, doc, t, c_end, folded) -> bool:
        i, n, entry = t
        if entry["pos"] != "NOUN" or i == 0 or folded[i - 1] not in {"cette", "cet", "ce", "l'", "la", "le", "notre", "son", "sa"}:
            return False
        window = folded[i + n:min(c_end, i + n + 4)]
        return not any(w in {"avec", "entre", "de", "d'", "du", "des", "a", "au"} for w in window)

    def _not_a_party(self, mention, folded) -> bool:
        s, _, _ = mention
        before = folded[max(0, s - 3):s]
        return any(w in PERSON_TITLES for w in before)

    def _created(self, doc, t, c_start, c_end, folded, actors: Actors) -> tuple[Organisation | None, str]:
        """What a founding trigger founds: an organisation or a capitalised name
        right after it (``fonder IMT Grand Est``, ``lance le consortium Quantum Alps``),
        or, for a passive participle, the named subject before it
        (``The Secure Compression Lab … a été lancé``)."""
        i, n, _ = t
        for j in range(i + n, min(c_end, i + n + 4)):
            if j in actors.token_org:
                return actors.token_org[j][0], actors.token_org[j][0].name
            name = _proper_name_at(doc, j, c_end)
            if name:
                return None, name
            if folded[j] not in DETERMINERS | {"nouvelle", "nouveau"} and doc[j].pos_ not in ("ADJ", "NOUN"):
                break
        if "Part" in doc[i].morph.get("VerbForm") and "Past" in doc[i].morph.get("Tense"):
            for j in range(c_start, i):
                if j > c_start and folded[j - 1] in {"de", "d'", "du", "des", "a", "au", "avec", "pour", "par", "sur"}:
                    continue
                if j in actors.token_org:
                    return actors.token_org[j][0], actors.token_org[j][0].name
                name = _proper_name_at(doc, j, i)
                if name:
                    return None, name
        return None, ""

    def _listed_members_of(self, doc, c_start, c_end, folded, actors: Actors) -> Organisation | None:
        for j in range(c_start, c_end - 2):
            if folded[j] == "membres" and folded[j + 1] in {"de", "du", "d'", "des"} and j + 2 in actors.token_org:
                group = actors.token_org[j + 2][0]
                after = actors.mentions_in(actors.token_org[j + 2][2], c_end)
                listed = {o for _, _, o in after if o is not group}
                if len(listed) >= 2 and any(folded[k] in {"savoir", ":", "("} for k in range(j, min(c_end, j + 10))):
                    return group
        return None

    def _generic_partners(self, doc, c_start, c_end, folded, actors: Actors) -> tuple[bool, int | None]:
        for j in range(c_start, c_end):
            if folded[j] in self.lex.generic_partner and j not in actors.token_org:
                count = None
                prev = folded[j - 1] if j > c_start else ""
                if prev.isdigit():
                    count = int(prev)
                elif prev in NUMBER_WORDS:
                    count = NUMBER_WORDS[prev]
                return True, count
        return False, None

    def _main_verb(self, doc, first, c_start, c_end) -> int | None:
        """The verb whose subject is the partnership's first side: the trigger itself
        when it is a verb, else the closest finite verb or participle around it."""
        if doc[first].pos_ in ("VERB", "AUX") and not is_infinitive(doc[first]) and not is_gerund(doc, first):
            return first
        for j in range(first - 1, c_start - 1, -1):
            if doc[j].pos_ in ("VERB",) and (is_finite_verb(doc[j]) or "Part" in doc[j].morph.get("VerbForm")):
                return j
            if is_finite_verb(doc[j]):
                return j
        for j in range(first + 1, c_end):
            if doc[j].pos_ == "VERB" and (is_finite_verb(doc[j]) or "Part" in doc[j].morph.get("VerbForm")):
                return j
        return first if doc[first].pos_ == "VERB" else None

    def _avec_partners(self, doc, c_start, c_end, folded, actors: Actors) -> list[tuple[Organisation, int, int]]:
        hits = []
        for j in range(c_start, c_end):
            if folded[j] == "avec":
                for k in range(j + 1, min(c_end, j + 4)):
                    if k in actors.token_org:
                        hits.append((actors.token_org[k][0], j))
                        break
        out = []
        for n, (org, j) in enumerate(hits):
            seg_end = hits[n + 1][1] if n + 1 < len(hits) else c_end
            out.append((org, j, seg_end))
        return out

    def _status(self, doc, triggers, c_start, c_end, folded) -> str:
        """``planned`` when the act is future, conditional, or governed by an
        intention (``souhaite développer``, ``l'objectif est de``, ``va``), else
        ``established``. The principal trigger decides: the first act, else the
        first trigger; a gerund (``en signant``) takes the tense of its main verb."""
        principal = next((t for t in triggers if t[2].get("act")), triggers[0])
        for i, n, entry in [principal]:
            tok = doc[i]
            if is_gerund(doc, i):
                main = next((t for t in doc[c_start:c_end] if is_finite_verb(t) and t.i < i), None)
                if main is not None and (is_future(main) or is_conditional(main)):
                    return "planned"
                return "established"
            if is_future(tok) or is_conditional(tok):
                return "planned"
            # an auxiliary or governing verb in the future or conditional
            head = tok.head
            if head is not tok and (is_future(head) or is_conditional(head)) and head.i >= c_start:
                return "planned"
            for j in range(i - 1, c_start - 1, -1):
                t = doc[j]
                if self.lex.intention.match(doc, j, folded) is not None or \
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
                    for k in range(j + 1, min(c_end, j + 8)):
                        if self.lex.intention.match(doc, k, folded) is not None:
                            return "planned"
                    break
        # an infinitive clause standing alone (heading, list item) states an aim
        first_word = doc[c_start]
        while first_word.is_punct or first_word.is_space:
            if first_word.i + 1 >= c_end:
                break
            first_word = doc[first_word.i + 1]
        if is_infinitive(first_word):
            return "planned"
        return "established"

    def _date(self, doc, sent, first, dates) -> str:
        in_sent = [d for d in dates if sent.start_char <= d.start < sent.end_char and d.value]
        if not in_sent:
            return ""
        trig = doc[first].idx
        best = min(in_sent, key=lambda d: abs(d.start - trig))
        value = best.value
        if "/" in value:
            start = value.split("/")[0]
            return start
        return value


def _proper_name_at(doc: Doc, j: int, end: int) -> str:
    """A multiword proper name starting at token ``j``: an ORG or MISC entity of the
    model, or a run of at least two capitalised words (``The Secure Compression Lab``)."""
    tok = doc[j]
    if tok.ent_iob_ == "B" and tok.ent_type_ in ("ORG", "MISC"):
        ent = next(e for e in doc.ents if e.start == j)
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
    return w.endswith(("e", "es", "ent", "ons", "ez", "ait", "aient", "era", "eront", "erait", "eraient", "ant", "ee", "ees", "es", "is", "it"))


def _quoted_name(doc: Doc, first: int, c_end: int) -> str:
    text = doc.text[doc[first].idx:doc[c_end - 1].idx + len(doc[c_end - 1].text)]
    m = re.search(r"[«\"“]\s*([^»\"”]{4,160}?)\s*[»\"”]", text)
    if m and m.group(1)[:1].isupper():
        return m.group(1).strip()
    return ""


def _topics(doc: Doc, start: int, end: int, folded: list[str]) -> list[str]:
    """Domains a partnership is about: the noun phrases after ``sur``, ``dans le domaine de`` …"""
    text = doc.text[doc[start].idx:doc[end - 1].idx + len(doc[end - 1].text)] if end > start else ""
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


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _merge(found: list[Partnership]) -> list[Partnership]:
    """One entry per act: the same parties stated twice, and a group counted
    (``6 écoles``) then listed by name in the next sentences, are one partnership."""
    merged: list[Partnership] = []
    for p in found:
        target = None
        for q in merged:
            if q.ids == p.ids:
                target = q
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
        if KIND_RANK[p.kind] > KIND_RANK[target.kind] and target.kind == "cooperation":
            target.kind = p.kind
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
