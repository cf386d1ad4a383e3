"""Who commits: the organisation a subject stands for, the speaker's institution, a group as topic."""
from __future__ import annotations

from spacy.tokens import Span

from ..docview import entities
from ..grammar import SPEECH_INCISES
from ..lexicon import fold
from ..organisations import Organisation
from .model import Subject
from .words import HEAD_TITLES, ORGAN_NOUNS, PERSON_TITLES, PREPOSITIONS, PRONOUN_ACTORS, SPEAKER_POSSESSIVES

SPEAKING_HEADS = ORGAN_NOUNS | PERSON_TITLES     # "la direction de l'école", "le président de l'UPVD"


class SpeakersMixin:
    """Methods of :class:`extract.actors.Actors`."""

    def actor_for(self, subj: Subject, *, speaker: Organisation | None = None) -> Organisation | None:
        """The organisation that commits, from the subject of its verb."""
        if subj.kind == "org":
            return None if subj.others else subj.org     # several bodies commit together: no one actor
        speaking = subj.kind == "pronoun" and subj.start >= 0 and self._voices(subj.start)
        if speaking and self.plural_voice(subj.start):
            return None                        # "« … nous devons … » … », précisent-ils": the speakers together
        if subj.kind == "pronoun" and subj.start >= 0 and not speaking:
            # "Il entend …": the subject of the sentence before, else the document's main actor
            return self.pronoun_antecedent(subj.start) or self.main or speaker
        if subj.kind == "relative" and subj.start > 0:
            antecedent = self.relative_antecedent(subj.start)
            if antecedent is not None:
                return antecedent
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
                if org is None and k == ent.start - 1 and self.folded[k] in HEAD_TITLES:
                    org = self.own_body()          # "le recteur Bernard Rentier": the text's own rector
                if org is not None:
                    found.setdefault(fold(ent[-1].text), org)
                    break
        self._people_orgs = found
        return found

    def speaks_for_text(self, subj: Subject) -> bool:
        """``nous``/``notre`` outside any quotation: the voice of the text itself."""
        return subj.kind == "pronoun" and subj.start >= 0 and self._voices(subj.start) \
            and self._quotation_opening(subj.start) is None

    def _voices(self, i: int) -> bool:
        """Token ``i`` is a speaker's word for its body: ``nous``, ``on``, ``notre``, ``nos``."""
        return self.folded[i] in PRONOUN_ACTORS or self.folded[i] in SPEAKER_POSSESSIVES

    def relative_antecedent(self, i: int) -> Organisation | None:
        """The body ``qui`` at ``i`` hangs on after a comma: a body named right before it (``l'ENSAM, qui
        souhaite``, ``porté par l'ENSAM, qui …``), or through its organ or its head (``la direction de l'école,
        qui souhaite``); after another preposition the relative may hang on the noun before (``une convention
        avec la Métropole, qui prévoit``): none."""
        doc, folded = self.doc, self.folded
        k = i - 1
        if k < 1 or doc[k].text != ",":
            return None
        k -= 1
        if k in self.token_org:
            org, s, _ = self.token_org[k]
            p = self.before_articles(s)
            if folded[p] in {"de", "d'", "du", "des"}:
                return org if p > 0 and folded[p - 1] in SPEAKING_HEADS else None
            if folded[p] in PREPOSITIONS and folded[p] != "par":
                return None                # "une convention avec la Métropole, qui prévoit …": on the convention
            return org
        if self.anaphor_at(k) and k > 2 and folded[k - 1] in {"l'", "la", "le"} and folded[k - 2] in {"de", "d'"} \
                and folded[k - 3] in SPEAKING_HEADS:
            return self.resolve_anaphor(k, subject=False)
        return None

    def own_body(self) -> Organisation | None:
        """The body a bare title (``le recteur Bernard Rentier``, no ``de …``) belongs to: the text's
        own, the first it names (its title line names the publisher first)."""
        return next((o for o in self.orgs if not o.authority), None)

    def plural_voice(self, i: int) -> bool:
        """Token ``i`` stands in a quotation voiced by several speakers: the first speech incise after it
        (``», précisent-ils``, ``», soulignent les présidents``) is plural."""
        doc, folded = self.doc, self.folded
        for k in range(i + 1, min(len(doc), i + 120)):
            if folded[k] in SPEECH_INCISES and doc[k - 1].text in {",", "»"}:
                return folded[k].endswith("ent")
        return False

    def speaker_org(self, sent: Span) -> Organisation | None:
        """In ``« … » explique X, directeur de ORG`` the speaker's organisation; a
        speaker named alone (``souligne Régis Bordet``) is looked up among the people
        the text introduced with their institution. A sentence further into a quotation
        has the speaker its incise named before (``« …, explique X. … Nous comptons … »``)."""
        found = self._speaker_in(sent.start, min(len(self.doc), sent.end + 40))
        opening = self._quotation_opening(sent.start)
        if found is None and opening is not None:
            found = self._speaker_in(opening, sent.start)
        return found

    def _quotation_opening(self, i: int) -> int | None:
        """The ``«`` that opens the quotation token ``i`` stands in, if any."""
        for k in range(i - 1, max(-1, i - 200), -1):
            if self.doc[k].text == "»":
                return None
            if self.doc[k].text == "«":
                return k
        return None

    def _speaker_in(self, start: int, window_end: int) -> Organisation | None:
        """The organisation of a speaker named between ``start`` and ``window_end``."""
        doc = self.doc
        people = self._people()
        for ent in entities(doc):
            if ent.label_ == "PER" and start <= ent.start < window_end and fold(ent[-1].text) in people:
                return people[fold(ent[-1].text)]
        for i in range(start, window_end):
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
