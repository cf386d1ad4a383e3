"""The organisation an anaphoric noun stands for (``l'établissement``, ``le réseau``, ``l'université``)."""
from __future__ import annotations

from ..docview import sentence_of
from ..lexicon import fold
from ..organisations import Organisation
from .words import ANAPHOR_DETERMINERS, PREPOSITIONS


class AnaphorsMixin:
    """Methods of :class:`extract.actors.Actors`."""

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
        if nxt.text[:1].isupper() or fold(nxt.text) in {"de", "d'", "du", "des"}:
            return None
        if nxt.pos_ in ("ADJ", "NOUN", "PROPN", "NUM") and not self._misread_verb(i + 1):
            return None
        return w

    def _misread_verb(self, j: int) -> bool:
        """``le groupe compte cinq membres``, ``le réseau signe``: a verb of the lexicons the tagger
        read as a noun or adjective after a subject noun."""
        for index in (self.lex.intention, self.lex.partnership):
            hit = index.match(self.doc, j, self.folded)
            if hit is not None and hit[0].get("pos", "VERB") == "VERB":
                return True
        return False

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
        # as the text names it: "l'école" after "l'ESSCA" is no other body because the data's name holds "École"
        named = next((org for s, e, org in reversed(before) if w in fold(self.doc[s:e].text).split()), None)
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
        (``le réseau T.I.M.E.`` … ``membre du réseau``) or whose name opens with a head it stands for
        (``la région X`` … ``la collectivité``), else the last one of a fitting kind that the clause
        has not already named."""
        w = self.folded[i]
        before = [m for m in self.mentions if m[1] <= i and m[2] not in exclude]
        if subject:
            found = self._subject_in_sentence(i, w, before) or self._topic_for(i, w, before, exclude)
            if found is not None:
                return found
        heads = self.lex.anaphor_heads.get(w, frozenset())
        for s, _, org in reversed(before):
            words = fold(org.name).split()
            if self._introduced_as(s, w) or w in words or words[:1] and words[0] in heads:
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
