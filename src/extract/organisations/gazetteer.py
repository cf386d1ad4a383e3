"""The known organisations (``patterns/organisations*.jsonl``) as a word-sequence index."""
from __future__ import annotations

from ..normalise import words_with_offsets
from ..words import words

BRAND_SUFFIXES = words().tuple("brand_suffixes")

OPENING_WORDS = 4            # a shorter opening ("École nationale supérieure") names no one body
OPENING_STOPS = {"de", "du", "des", "d", "la", "le", "les", "l", "et", "à", "a", "au", "aux", "en", "pour", "sur"}


class Gazetteer:
    """Word-sequence index of the known organisations' names, acronyms and aliases."""

    def __init__(self, entries: list[dict]):
        self.entries = {e["id"]: e for e in entries}
        self.not_after = {e["id"]: {w.casefold().rstrip("'") for w in e["not_after"]}
                          for e in entries if e.get("not_after")}
        self.folded: dict[tuple[str, ...], set[str]] = {}
        self.exact: dict[tuple[str, ...], set[str]] = {}
        self.titled: dict[str, set[str]] = {}   # "Ieseg", "Insa": an acronym as French press writes it
        # "HEI": a three-letter acronym of the data, a body only when placed ("HEI de Lille")
        self.placed = {e["placed_acronym"]: {e["id"]} for e in entries if e.get("placed_acronym")}
        self.max_len = 1
        for e in entries:
            exact_forms = set(e.get("exact_case", []))
            forms = [e["name"], *e.get("aliases", [])]
            for form in forms:
                words = tuple(w for w, _, _ in words_with_offsets(form, fold_case=False))
                if not words:
                    continue
                self.max_len = max(self.max_len, len(words))
                if form in exact_forms or len(words) == 1:
                    # single words are matched with their case: "Orange" the company, not the colour
                    self.exact.setdefault(words, set()).add(e["id"])
                    self.exact.setdefault(tuple(w.upper() for w in words), set()).add(e["id"])
                else:
                    self.folded.setdefault(tuple(w.casefold() for w in words), set()).add(e["id"])
            if e.get("acronym"):
                words = tuple(w for w, _, _ in words_with_offsets(e["acronym"], fold_case=False))
                self.exact.setdefault(words, set()).add(e["id"])
                self.max_len = max(self.max_len, len(words))
            self._add_titled(e, forms)
        self._add_brands(entries)
        # the openings of long names ("Commissariat à l'énergie atomique" opens "… et aux énergies alternatives")
        self.openings: dict[tuple[str, ...], set[str]] = {}
        for words, ids in self.folded.items():
            for n in range(OPENING_WORDS, len(words)):
                if words[n - 1] not in OPENING_STOPS:
                    self.openings.setdefault(words[:n], set()).update(ids)
        # for each first word, the lengths of the names it opens, longest first
        lengths: dict[str, set[int]] = {}
        for key_words in list(self.exact) + list(self.folded):
            if key_words:
                lengths.setdefault(key_words[0].casefold(), set()).add(len(key_words))
        self.lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}

    def opening(self, name: str) -> str | None:
        """The one entry whose name or alias ``name`` opens, four words or more and ending on a content word
        (``Commissariat à l'Energie Atomique``, the CEA's name before 2010), else None."""
        words = tuple(w.casefold() for w, _, _ in words_with_offsets(name, fold_case=False))
        ids = self.openings.get(words, set())
        return next(iter(ids)) if len(ids) == 1 else None

    def _add_brands(self, entries: list[dict]) -> None:
        """``NEOMA Business School`` is also ``NEOMA`` (and ``Neoma``), when no other entry is named so
        (``IMT Business School``: ``IMT`` is the Institut's)."""
        for e in entries:
            for brand in {b for b in map(_brand, [e["name"], *e.get("aliases", [])]) if b}:
                if (brand,) in self.exact or (brand.casefold(),) in self.folded:
                    continue
                self.exact[(brand,)] = {e["id"]}
                self._add_titled(e, [brand])

    def _add_titled(self, e: dict, forms: list[str]) -> None:
        """Acronyms of four letters or more also in title case (``IESEG`` → ``Ieseg``), which
        French articles often write; matched only after an elided article (``l'Ieseg``)."""
        for form in [*forms, e.get("acronym", "")]:
            words = [w for w, _, _ in words_with_offsets(form, fold_case=False)]
            if len(words) == 1 and len(words[0]) >= 4 and words[0].isupper() and words[0].isalpha():
                self.titled.setdefault(words[0].capitalize(), set()).add(e["id"])

    def _excluded_after(self, ids: set[str], previous: str) -> bool:
        """``diplôme d'État``: entries that name no body after some words (``not_after``)."""
        return all(previous in self.not_after.get(i, ()) for i in ids)

    def _titled_at(self, raw: list[str], i: int, seen: set[str], unknown: frozenset[str]) -> set[str] | None:
        """A title-case acronym after an elided article (``l'Ieseg``), before ``de`` and a capitalised
        place (``Esigelec de Rouen``), anywhere in a text that wrote it so once, or anywhere when the language
        model knows no such word in lowercase (``Neoma``: a brand; ``Unite``, ``Hear`` are words); a placed acronym
        (``HEI de Lille``) only before its place or in a text that placed it once."""
        if raw[i] in self.placed:
            return self.placed[raw[i]] if _before_place(raw, i) or raw[i] in seen else None
        if raw[i] not in self.titled:
            return None
        elided = i > 0 and raw[i - 1] in {"l", "d", "L", "D"}
        known = elided or _before_place(raw, i) or raw[i] in seen or raw[i] in unknown
        return self.titled[raw[i]] if known else None

    def _titled_seen(self, raw: list[str]) -> set[str]:
        titled = {w for k, w in enumerate(raw) if w in self.titled and k > 0 and raw[k - 1] in {"l", "d", "L", "D"}}
        return titled | {w for k, w in enumerate(raw) if w in self.placed and _before_place(raw, k)}

    def find(self, text: str, unknown: frozenset[str] = frozenset()) -> list[tuple[int, int, set[str]]]:
        """Longest matches, left to right: (start, end, candidate ids). ``unknown``: the capitalised words of the
        text the language model knows no lowercase word for (brands, where a title-case acronym may stand alone)."""
        words = words_with_offsets(text, fold_case=False)
        raw = [w for w, _, _ in words]
        low = [w.casefold() for w in raw]
        seen = self._titled_seen(raw)
        found = []
        i = 0
        while i < len(words):
            hit = None
            lengths = self.lengths.get(low[i], ())
            for n in lengths:
                if n > len(words) - i:
                    continue
                ids = self.exact.get(tuple(raw[i:i + n]))
                if not ids and any(w[:1].isupper() for w in raw[i:i + n]):
                    # in another case, but with a capital somewhere: "université de Lille", not the
                    # lowercase phrase "arts et métiers" inside "École catholique d'arts et métiers"
                    ids = self.folded.get(tuple(low[i:i + n]))
                if ids:
                    hit = (n, ids)
                    break
            if hit is None and (titled := self._titled_at(raw, i, seen, unknown)):
                hit = (1, titled)
            if hit and i > 0 and (self._excluded_after(hit[1], low[i - 1]) or _glued(text, words[i - 1], words[i])):
                hit = None
            if hit:
                n, ids = hit
                found.append((words[i][1], words[i + n - 1][2], ids))
                i += n
            else:
                i += 1
        return found


def _glued(text: str, before: tuple[str, int, int], word: tuple[str, int, int]) -> bool:
    """The word is the end of a hyphenated compound (``Hauts-de-France``): no name starts there
    (``Alliance Hauts-de-France Universités`` holds no ``France Universités``)."""
    return before[2] == word[1] - 1 and text[before[2]] == "-"


def _brand(form: str) -> str:
    """``NEOMA Business School`` → ``NEOMA``: a one-word brand in capitals before a suffix that only says what
    kind of school it is (``brand_suffixes``, words.jsonl) names the school alone (``Brest Business School``: a
    town, no brand)."""
    for suffix in BRAND_SUFFIXES:
        head = form[:-len(suffix)].strip() if form.casefold().endswith(suffix.casefold()) else ""
        if head and " " not in head and head.isupper() and len(head) >= 3:
            return head
    return ""


def _before_place(raw: list[str], i: int) -> bool:
    """``de`` (or ``d'``) and a capitalised word after word ``i``: ``Esigelec de Rouen``, ``HEI de Lille``."""
    return i + 2 < len(raw) and raw[i + 1] in {"de", "d"} and raw[i + 2][:1].isupper()
