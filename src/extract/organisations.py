"""The ``organisations`` component: every named body of a document, clustered.

Candidates come from four sources, strongest first:

1. the gazetteer (``patterns/organisations.jsonl``), matched on accent- and
   punctuation-insensitive words so that ``l'UTT``, ``d’IMT Atlantique`` or
   ``Mines Saint-Etienne`` resolve to one entry;
2. acronym definitions read from the text (``Long Form (LF)`` and
   ``LF (Long Form)``), checked Schwartz–Hearst style;
3. a name grammar: a capitalised head noun (``Université``, ``École``,
   ``Institut`` …, from ``patterns/org_grammar.jsonl``) followed by particles,
   capitalised words and the lowercase words names are made of;
4. the model's ORG entities that look like proper names and are not things
   (programmes, platforms, labels).

Overlaps are resolved in that order; mentions are clustered into
:class:`Organisation` objects stored in ``doc._.organisations``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.language import Language
from spacy.tokens import Doc

from .components import RuleComponent
from .docview import text_of
from .lexicon import TermIndex, fold
from .normalise import key, slug, strip_accents, words_with_offsets
from .rules import Rules
from .serialise import serialisable
from .words import words

W = words()
PARTICLES = set(W.set("name_particles_plain"))
DETERMINERS = {w.rstrip("'") for w in W.set("articles")}
ELISION = re.compile(r"^(?:[lLdD]|qu|Qu)'")
ACRONYM_SHAPE = re.compile(r"^(?=(?:[^A-Z]*[A-Z]){2})[A-Z][A-Za-z0-9.&+!-]{1,11}$|^[A-Z][a-z]{2,5}$")


@serialisable
@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # gazetteer | definition | grammar | ner | anaphor


@serialisable
@dataclass(eq=False)
class Organisation:
    org_id: str
    name: str
    acronym: str
    kind: str
    mentions: list[Mention] = field(default_factory=list)
    known: bool = False
    aliases: set[str] = field(default_factory=set)  # keys of every name form that points here
    ror: str = ""           # identifiers from the gazetteer (open data), when it knows them
    wikidata: str = ""

    @property
    def start(self) -> int:
        return min(m.start for m in self.mentions)

    def distinct_forms(self) -> list[str]:
        seen: dict[str, None] = {}
        for m in sorted(self.mentions, key=lambda m: m.start):
            seen.setdefault(m.text, None)
        return list(seen)


class Gazetteer:
    """Word-sequence index of the known organisations' names, acronyms and aliases."""

    def __init__(self, entries: list[dict]):
        self.entries = {e["id"]: e for e in entries}
        self.folded: dict[tuple[str, ...], set[str]] = {}
        self.exact: dict[tuple[str, ...], set[str]] = {}
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
        # for each first word, the lengths of the names it opens, longest first
        lengths: dict[str, set[int]] = {}
        for key_words in list(self.exact) + list(self.folded):
            if key_words:
                lengths.setdefault(key_words[0].casefold(), set()).add(len(key_words))
        self.lengths = {w: sorted(ns, reverse=True) for w, ns in lengths.items()}

    def find(self, text: str) -> list[tuple[int, int, set[str]]]:
        """Longest matches, left to right: (start, end, candidate ids)."""
        words = words_with_offsets(text, fold_case=False)
        raw = [w for w, _, _ in words]
        low = [w.casefold() for w in raw]
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
            if hit:
                n, ids = hit
                found.append((words[i][1], words[i + n - 1][2], ids))
                i += n
            else:
                i += 1
        return found


def _initials_match(acronym: str, long_form: str) -> bool:
    """Schwartz–Hearst check: the acronym's letters appear in order in the long form,
    its first letter opening a word of it."""
    letters = [c.lower() for c in strip_accents(acronym) if c.isalnum()]
    text = fold(long_form)
    if not letters:
        return False
    s_idx = len(letters) - 1
    l_idx = len(text) - 1
    while s_idx >= 0:
        c = letters[s_idx]
        while l_idx >= 0 and (text[l_idx] != c or (s_idx == 0 and l_idx > 0 and text[l_idx - 1].isalnum())):
            l_idx -= 1
        if l_idx < 0:
            return False
        l_idx -= 1
        s_idx -= 1
    return True


NAME_PARTICLES = W.set("name_particles")


OPENING_QUOTES = frozenset({"«", '"', "“"})
CLOSING_QUOTES = frozenset({"»", '"', "”"})


def _capitalised_run(doc: Doc, j: int, *, limit: int) -> int:
    """End (exclusive) of the run of capitalised words from token ``j``, hyphens and
    apostrophes joining them (``Annecy-Chambéry``, ``Ca' Foscari``), on one line."""
    k = j
    while k < len(doc) and k - j < limit:
        t = doc[k]
        if "\n" in t.text or (k > j and "\n" in doc[k - 1].whitespace_):
            break
        if t.text[:1].isupper() and (t.pos_ not in ("DET", "ADP", "PRON", "CCONJ") or k > j):
            k += 1
            continue
        joins = t.text in {"-", "&", "'"} or fold(t.text) in NAME_PARTICLES
        if joins and k > j and k + 1 < len(doc) and doc[k + 1].text[:1].isupper():
            k += 1                               # "Maison Pour la Science", "Annecy-Chambéry"
            continue
        break
    while k > j and fold(doc[k - 1].text) in NAME_PARTICLES | {"-", "&", "'"}:
        k -= 1
    return k


def _long_form_start(before: str, acronym: str) -> int | None:
    """Start, in ``before``, of the shortest run of final words that carries the
    acronym's initials and opens with a capital (Schwartz–Hearst)."""
    words = words_with_offsets(before, fold_case=False)
    for k in range(1, min(len(words), len(acronym) + 6) + 1):
        first = words[-k]
        if first[0].lower() in PARTICLES:
            continue
        if _initials_match(acronym, before[first[1]:]) and first[0][0].isupper():
            return first[1]
    # a translated name keeps its own acronym's letters in another order:
    # "Université technique du Danemark (DTU)", "Université technique de Munich (TUM)"
    letters = [c.lower() for c in strip_accents(acronym) if c.isalpha()]
    for k in range(len(letters), min(len(words), len(letters) + 4) + 1):
        first = words[-k]
        if first[0].lower() in PARTICLES or not first[0][0].isupper():
            continue
        initials = [w[0].lower() for w, _, _ in words[-k:] if w.lower() not in PARTICLES]
        if len(initials) == len(letters) and sorted(initials) == sorted(letters):
            return first[1]
    return None


def _content_words(text: str) -> list[str]:
    return [w for w, _, _ in words_with_offsets(text) if w not in PARTICLES and len(w) > 1]


class OrganisationFinder:
    def __init__(self, rules: Rules, tokenize):
        self.gazetteer = Gazetteer(rules.organisations)
        grammar = rules.org_grammar
        self.heads = {fold(r["term"]): r["kind"] for r in grammar if r["type"] == "head"}
        self.lowercase_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r.get("lowercase")}
        # heads written in capitals ("TU Delft") match only in capitals ("tu" is also a pronoun)
        self.capital_heads = {fold(r["term"]) for r in grammar if r["type"] == "head" and r["term"].isupper()}
        self.plural_heads = {h for h in self.heads if h.endswith(("s", "x")) and h[:-1] in self.heads}

        intros = [r for r in grammar if r["type"] == "name_intro"]
        self.name_intros = TermIndex.build(tokenize, [(r["term"], r) for r in intros])
        self.intro_kinds = {fold(r["term"]): (r["kind"], bool(r.get("needs_adjective")))
                            for r in intros if " " not in r["term"]}
        self.not_org_acronyms = {r["term"].upper() for r in grammar if r["type"] == "not_org_acronym"}
        self.acronym_prefixes = sorted(((r["term"].upper(), r["kind"]) for r in grammar if r["type"] == "acronym_prefix"),
                                       key=lambda p: -len(p[0]))
        self.kind_phrases = [(fold(r["term"]), r["kind"]) for r in grammar if r["type"] == "kind_phrase"]
        self.inner = {fold(r["term"]) for r in grammar if r["type"] == "inner"}
        self.not_org_context = {fold(r["term"]) for r in grammar if r["type"] == "not_org_context"}
        self.not_org_name = {fold(r["term"]) for r in grammar if r["type"] == "not_org_name"}
        self.anaphors = {fold(r["term"]) for r in grammar if r["type"] == "anaphor"}

    # -- candidate sources ---------------------------------------------------
    def _gazetteer_candidates(self, text: str) -> list[tuple[int, int, str, set[str]]]:
        return [(s, e, "gazetteer", ids) for s, e, ids in self.gazetteer.find(text)]

    def _definitions(self, text: str) -> list[tuple[str, int, int, str, int, int]]:
        """(long form, start, end, acronym, start, end) pairs defined in the text."""
        out = []
        for m in re.finditer(r"\(\s*([^()\n]{1,120}?)\s*\)", text):
            inner, i_start = m.group(1), m.start(1)
            inner_clean = ELISION.sub("", inner)
            i_start += len(inner) - len(inner_clean)
            line_start = text.rfind("\n", 0, m.start()) + 1
            before = text[line_start:m.start()].rstrip()
            parts = inner_clean.split()
            if ACRONYM_SHAPE.match(inner_clean) and " " not in inner_clean:
                # Long Form (ACR): shortest run of preceding words that carries the initials
                start = _long_form_start(before, inner_clean)
                if start is not None:
                    s0 = line_start + start
                    out.append((text[s0:line_start + len(before)], s0, line_start + len(before),
                                inner_clean, i_start, i_start + len(inner_clean)))
            elif len(parts) >= 2 and ACRONYM_SHAPE.match(parts[0]) and all(p[:1].isupper() for p in parts[1:]) \
                    and fold(before).endswith(fold(" ".join(parts[1:]))):
                # Long Form Place (ACR Place): "… de techniques avancées Bretagne (ENSTA Bretagne)"
                core = before[:len(before) - len(" ".join(parts[1:]))].rstrip()
                start = _long_form_start(core, parts[0])
                if start is not None:
                    s0 = line_start + start
                    out.append((text[s0:line_start + len(before)], s0, line_start + len(before),
                                inner_clean, i_start, i_start + len(inner_clean)))
            elif len(parts) in (2, 3) and ACRONYM_SHAPE.match(parts[0]) and parts[0].isupper() \
                    and all(p[:1].isupper() for p in parts[1:]) \
                    and (start := _long_form_start(before, parts[0])) is not None:
                # Long Form (ACR Brand): "École catholique d'arts et métiers (ECAM LaSalle)"
                s0 = line_start + start
                out.append((text[s0:line_start + len(before)], s0, line_start + len(before),
                            inner_clean, i_start, i_start + len(inner_clean)))
            elif " " in inner_clean and inner_clean[:1].isupper():
                # ACR (Long Form): the acronym is the last word(s) before the parenthesis
                tail = re.search(r"([A-Z][A-Za-z0-9.&+!-]*(?:\s+[A-Z][A-Za-z]+)?)$", before)
                if not tail:
                    continue
                acr = tail.group(1).split()[0]
                if ACRONYM_SHAPE.match(acr) and _initials_match(acr, inner_clean):
                    a_start = line_start + tail.start(1)
                    out.append((inner_clean, i_start, i_start + len(inner_clean), acr, a_start, a_start + len(acr)))
        return out

    def _introduced_names(self, doc: Doc) -> list[tuple[int, int, str]]:
        """A capitalised name after a noun that says what it is: ``la société Quandela``,
        ``l'entreprise lyonnaise Nexeya``, ``le groupe pharmaceutique Recipharm``,
        ``le pôle de compétitivité Materalia``, ``l'éditeur de logiciels Amadeus``."""
        folded = [fold(t.text) for t in doc]
        out = []
        i = 0
        while i < len(doc) - 1:
            hit = self.name_intros.match(doc, i, folded)
            if hit is None or not (doc[i].is_lower or doc[i].text.isupper()):
                i += 1
                continue                         # "Société Générale" is a name, not an introduction
            entry, n = hit
            if n == 1 and doc[i].pos_ not in ("NOUN", "PROPN"):
                i += 1
                continue                         # "dynamisme économique et industriel de la France": an adjective
            j = i + n
            described = 0
            while j < len(doc) and doc[j].is_lower and doc[j].is_alpha and doc[j].pos_ in ("ADJ", "NOUN") and described < 2:
                j += 1
                described += 1
            if described == 0 and j + 1 < len(doc) and folded[j] in {"de", "d'"} and doc[j + 1].is_lower \
                    and doc[j + 1].is_alpha and doc[j + 1].pos_ == "NOUN":
                j += 2                           # "l'éditeur de logiciels Amadeus"
                described = 1
            if entry.get("needs_adjective") and described == 0:
                i += 1
                continue                         # "groupe" alone is ambiguous: "le groupe UT" is a network
            quoted = j + 1 < len(doc) and doc[j].text in OPENING_QUOTES      # "le groupement « Normandie Numérique »"
            if quoted:
                j += 1
            end = _capitalised_run(doc, j, limit=5)
            if end == j or fold(doc[j].text) in self.heads or (
                    quoted and not (end < len(doc) and doc[end].text in CLOSING_QUOTES)):
                i += 1
                continue
            out.append((doc[j].idx, doc[end - 1].idx + len(doc[end - 1].text), entry["kind"]))
            i = end
        return out

    def _elided_acronyms(self, doc: Doc, excluded: set[str]) -> list[tuple[int, int, str]]:
        """An unknown acronym after an elided article names a body in French
        prose (``l'ENSEEIHT``, ``de l'ENSAT``) unless it is a common term
        (``l'ESR``, ``d'UE``) or the text defines it as one."""
        out = []
        for i, tok in enumerate(doc):
            prev = fold(doc[i - 1].text) if i else ""
            t = tok.text
            letters = [c for c in t if c.isalpha()]
            if not (2 <= len(letters) <= 9 and all(c.isupper() for c in letters) and t[:1].isalpha()):
                continue
            if prev not in {"l'", "d'"} and not (prev in {"le", "la", "au", "du"} and len(letters) >= 3):
                continue
            if i + 1 < len(doc) and doc[i + 1].text[:1].isupper():
                continue                          # part of a longer name
            if t.upper() in excluded or self.gazetteer.find(t):
                continue
            kind = next((k for prefix, k in self.acronym_prefixes if t.upper().startswith(prefix)), "other")
            out.append((tok.idx, tok.idx + len(t), kind))
        return out

    def _non_org_definitions(self, text: str) -> set[str]:
        """Acronyms the text defines with a lowercase long form: ``la recherche (ESR)``."""
        out = set()
        for m in re.finditer(r"([a-zàâçéèêëîïôûùüÿœ]\w*)\s*\(\s*([A-Z][A-Z0-9&]{1,8})\s*\)", text):
            out.add(m.group(2))
        return out

    def _extended_names(self, doc: Doc, hits) -> list[tuple[int, int, str]]:
        """A known name directly followed by capitalised proper-name words names
        another body: ``IMT Grand Est``, ``Sorbonne Université Abu Dhabi``. Not when
        the capitalised word opens a lowercase phrase (``UTBM Service communication``)."""
        out = []
        for s, e, _, ids in hits:
            if len(ids) != 1:
                continue
            span = doc.char_span(s, e, alignment_mode="expand")
            if span is None:
                continue
            j = span.end
            run = []
            while j < len(doc) and len(run) < 4:
                t = doc[j]
                if t.text == "-" and run and j + 1 < len(doc) and doc[j + 1].text[:1].isupper():
                    run.append(t)                # "Polytech Annecy-Chambéry"
                    j += 1
                    continue
                if "\n" in doc[j - 1].whitespace_ or not t.text[:1].isupper() or not t.text.replace("-", "").isalpha():
                    break
                if t.pos_ in ("DET", "PRON", "ADP", "VERB", "AUX", "CCONJ", "SCONJ") or self.gazetteer.find(t.text):
                    break
                if fold(t.text) in self.heads or fold(t.text) in self.not_org_name:
                    break
                run.append(t)
                j += 1
            if not run:
                continue
            nxt = doc[j] if j < len(doc) else None
            if nxt is not None and nxt.is_lower and nxt.is_alpha and nxt.pos_ in ("NOUN", "ADJ", "PROPN"):
                continue
            kind = self.gazetteer.entries[next(iter(ids))]["kind"]
            out.append((s, run[-1].idx + len(run[-1].text), kind))
        return out

    def _is_org_long_form(self, long_form: str, doc: Doc, start: int, end: int, known: bool) -> bool:
        if known:
            return True
        words = [w for w, _, _ in words_with_offsets(long_form)]
        if not words or not long_form[:1].isupper():
            return False
        if any(w in self.heads for w in words[:3]):
            return True
        if any(fold(w) in self.heads for w in long_form.split()[-1:]):
            return True
        return False

    def _grammar_candidates(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        out = []
        tokens = list(doc)
        i = 0
        while i < len(tokens):
            tok = tokens[i]
            low = fold(tok.text)
            capital_ok = (tok.text[:1].isupper() or low in self.lowercase_heads) and \
                (low not in self.capital_heads or tok.text.isupper())
            if low in self.heads and capital_ok and not self._starts_inside_name(tokens, i):
                j = i + 1
                last_good = None
                while j < len(tokens):
                    t = tokens[j]
                    if "\n" in t.text or t.is_punct and t.text not in {"-", "'"}:
                        break
                    tl = fold(t.text).rstrip("'")
                    if tl == "et":
                        # "et" joins two parts of one name: "… de l'industrie et de l'économie numérique"
                        k = j + 1
                        while k < len(tokens) and fold(tokens[k].text).rstrip("'") in PARTICLES - {"et"}:
                            k += 1
                        nxt = tokens[k] if k < len(tokens) else None
                        if nxt is None or not (nxt.text[:1].isupper() or fold(nxt.text) in self.inner):
                            break
                        if fold(tokens[j + 1].text) in {"au", "aux", "a"}:
                            break                   # "… à l'Institut Agro Montpellier et au CIRAD": a new complement
                        if nxt.text.isupper() and len(nxt.text) > 1 or fold(nxt.text) in self.heads \
                                or any(h[0] == 0 for h in self.gazetteer.find(text_of(doc)[nxt.idx:nxt.idx + 80])):
                            break                   # "Université de Warwick et l'Université de Ljubljana": two names
                        j += 1
                        continue
                    if tl in PARTICLES or (tl == "a" and j + 1 < len(tokens)
                                           and fold(tokens[j + 1].text) in self.inner):
                        j += 1                      # "… d'enseignement à distance", not "… de Lille à Paris"
                        continue
                    if t.text == "'" and tokens[j - 1].text[:1].isupper() and j + 1 < len(tokens) \
                            and tokens[j + 1].text[:1].isupper():
                        j += 1                      # "Université Ca' Foscari"
                        continue
                    if t.text[:1].isupper() or tl in self.inner or t.like_num:
                        last_good = j
                        j += 1
                        continue
                    break
                if last_good is not None and low in self.plural_heads and \
                        not any(t.text[:1].isupper() for t in tokens[i + 1:last_good + 1]):
                    last_good = None                # "grandes Écoles d'ingénieurs": a generic plural
                if last_good is not None and self._generic_kind(tokens[i:last_good + 1]):
                    last_good = None                # "l'Institut de recherche", "une École d'architecture"
                if last_good is not None and last_good - i <= 2 and self._opens_sentence(tokens, i) and \
                        all(t.is_lower for t in tokens[i + 1:last_good + 1]):
                    last_good = None                # "Université européenne : …": the capital is the sentence's
                if last_good is not None:
                    span = doc[i:last_good + 1]
                    out.append((span.start_char, span.end_char, "grammar", self.heads[low]))
                    i = last_good + 1
                    continue
            i += 1
        return out

    def _generic_kind(self, span) -> bool:
        """A capitalised head and one lower-case content word, nothing proper after it
        (``Institut de recherche``, ``École d'architecture``) names a kind of body, not a body.
        Heads French writes in lower case (``ministère de la culture``) are names all the same."""
        head = fold(span[0].text)
        rest = [t for t in span[1:] if fold(t.text).rstrip("'") not in PARTICLES]
        return head not in self.lowercase_heads and len(rest) == 1 and rest[0].is_lower

    @staticmethod
    def _opens_sentence(tokens, i: int) -> bool:
        """Token ``i`` opens its sentence or line with no article (``Université européenne : …``,
        where the capital is the sentence's; ``L'Université franco-italienne`` chose its own)."""
        return i == 0 or tokens[i].is_sent_start or "\n" in tokens[i - 1].text_with_ws or tokens[i - 1].text in {"«", '"', "“"}

    def _starts_inside_name(self, tokens, i: int) -> bool:
        """A head just after a capitalised word ('France Université Numérique') is inside a bigger name."""
        if i == 0:
            return False
        prev = tokens[i - 1]
        if "\n" in prev.text_with_ws or prev.is_punct or prev.is_sent_start:
            return False
        if prev.text[:1].isupper() and prev.text.lower() not in DETERMINERS and not ELISION.match(prev.text + "'"):
            return True
        return fold(prev.text) in self.not_org_context

    def _ner_candidates(self, doc: Doc) -> list[tuple[int, int, str, str]]:
        out = []
        for ent in doc.ents:
            if ent.label_ != "ORG" or "\n" in ent.text:
                continue
            toks = [t for t in ent if not (t.lower_.rstrip("'") in DETERMINERS and t.i == ent.start)]
            if len(toks) < 2:
                continue
            first = fold(toks[0].text)
            if first in self.not_org_name or first in self.heads or toks[0].pos_ == "VERB":
                continue
            if not all(t.text[:1].isupper() or t.lower_.rstrip("'") in PARTICLES for t in toks):
                continue
            if not toks[-1].text[:1].isupper():
                continue
            k = ent.start - 1
            while k >= 0 and doc[k].is_punct and doc[k].text in {"«", "\"", "“", "'"}:
                k -= 1
            if k >= 0 and fold(doc[k].text) in self.not_org_context:
                continue
            out.append((toks[0].idx, ent.end_char, "ner", "other"))
        return out

    # -- clustering ----------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = text_of(doc)
        cands: list[tuple[int, int, int, str, object]] = []  # (priority, start, end, source, payload)
        gazetteer_hits = self._gazetteer_candidates(text)
        for s, e, src, ids in gazetteer_hits:
            cands.append((0, s, e, src, ids))
        for s, e, kind in self._extended_names(doc, gazetteer_hits):
            cands.append((0, s, e, "grammar", kind))
        definitions = []
        for lf, ls, le, acr, as_, ae in self._definitions(text):
            lf_known = self.gazetteer.find(lf)
            acr_known = self.gazetteer.find(acr)
            known = bool(lf_known and lf_known[0][0] == 0 and lf_known[0][1] == len(lf)) or bool(acr_known)
            if self._is_org_long_form(lf, doc, ls, le, known):
                definitions.append((lf, ls, le, acr, as_, ae))
                cands.append((1, ls, le, "definition", (lf, acr)))
                cands.append((1, as_, ae, "definition", (lf, acr)))
        for s, e, src, kind in self._grammar_candidates(doc):
            cands.append((2, s, e, src, kind))
        for s, e, src, kind in self._ner_candidates(doc):
            cands.append((3, s, e, src, kind))
        for s, e, kind in self._introduced_names(doc):
            cands.append((2, s, e, "grammar", kind))
        non_org_acronyms = self._non_org_definitions(text) | self.not_org_acronyms
        for s, e, kind in self._elided_acronyms(doc, non_org_acronyms):
            cands.append((3, s, e, "grammar", kind))

        # Text-defined acronyms and long forms are found again wherever they recur.
        for lf, _, _, acr, _, _ in definitions:
            for m in re.finditer(r"(?<![\w.])" + re.escape(acr) + r"(?![\w])", text):
                cands.append((1, m.start(), m.end(), "definition", (lf, acr)))
            for m in re.finditer(re.escape(lf), text):
                cands.append((1, m.start(), m.end(), "definition", (lf, acr)))

        # Non-overlapping selection: strongest source first, then longest.
        chosen: list[tuple[int, int, int, str, object]] = []
        taken = bytearray(len(text) + 1)
        for c in sorted(cands, key=lambda c: (c[0] if c[3] != "gazetteer" or c[2] - c[1] > 2 else 1, -(c[2] - c[1]), c[1])):
            _, s, e, _, _ = c
            if any(taken[s:e]):
                continue
            taken[s:e] = b"\x01" * (e - s)
            chosen.append(c)
        chosen.sort(key=lambda c: c[1])

        orgs: dict[str, Organisation] = {}
        by_key: dict[str, str] = {}  # form key -> org_id

        def register(org: Organisation, *forms: str) -> None:
            for f in forms:
                if f:
                    k = key(f)
                    org.aliases.add(k)
                    by_key.setdefault(k, org.org_id)

        def known_org(eid: str) -> Organisation:
            if eid not in orgs:
                e = self.gazetteer.entries[eid]
                orgs[eid] = Organisation(eid, e["name"], e.get("acronym", ""), e["kind"], known=True,
                                         ror=e.get("ror", ""), wikidata=e.get("wikidata", ""))
                register(orgs[eid], e["name"], *e.get("aliases", []))
            return orgs[eid]

        # pass 1: unambiguous gazetteer hits fix which entry an ambiguous form means
        seen_ids: list[str] = []
        for _, s, e, src, payload in chosen:
            if src == "gazetteer" and len(payload) == 1:
                seen_ids.append(next(iter(payload)))
        for _, s, e, src, payload in chosen:
            surface = text[s:e]
            if src == "gazetteer":
                ids = payload
                if len(ids) > 1:
                    prior = [i for i in seen_ids if i in ids]
                    if not prior:
                        continue
                    eid = prior[0]
                else:
                    eid = next(iter(ids))
                org = known_org(eid)
            elif src == "definition":
                lf, acr = payload
                lf_hits = self.gazetteer.find(lf)
                acr_hits = [h for h in self.gazetteer.find(acr) if len(h[2]) == 1]
                if lf_hits and lf_hits[0][0] == 0 and lf_hits[0][1] == len(lf) and len(lf_hits[0][2]) == 1:
                    org = known_org(next(iter(lf_hits[0][2])))
                elif acr_hits and acr_hits[0][1] - acr_hits[0][0] == len(acr):
                    org = known_org(next(iter(acr_hits[0][2])))
                else:
                    oid = by_key.get(key(lf)) or by_key.get(key(acr)) or slug(lf)
                    if oid not in orgs:
                        orgs[oid] = Organisation(oid, lf, acr, self._kind_of(lf), known=False)
                    org = orgs[oid]
                register(org, lf, acr)
            else:
                k = key(surface)
                oid = by_key.get(k)
                if oid is None:
                    oid = slug(surface)
                    if oid not in orgs:
                        kind = payload if isinstance(payload, str) else "other"
                        named_kind = self._kind_of(surface)
                        if kind == "other" or self._phrase_kind(surface):
                            kind = named_kind
                        orgs[oid] = Organisation(oid, surface, "", kind)
                    register(orgs[oid], surface)
                org = orgs[oid]
            org.mentions.append(Mention(s, e, surface, src))

        self._link_short_forms(orgs)
        self._short_form_mentions(doc, orgs, taken)
        self._add_anaphors(doc, orgs, taken)
        for org in orgs.values():
            if not org.known and org.mentions:
                first = min(org.mentions, key=lambda m: m.start)
                introduced = self._introducer_kind(doc, first.start) or self._apposed_kind(doc, first.end)
                if introduced:
                    org.kind = introduced
        for org in orgs.values():
            if not org.known:
                longest = max((m.text for m in org.mentions if m.text != org.acronym), key=len, default=org.name)
                if len(longest) > len(org.name) and key(longest) != key(org.acronym):
                    org.name = longest
        result = sorted((o for o in orgs.values() if o.mentions), key=lambda o: o.start)
        doc._.organisations = result
        doc.spans["organisations"] = [
            s for o in result for m in o.mentions
            if (s := doc.char_span(m.start, m.end, label=o.kind, alignment_mode="expand", span_id=o.org_id)) is not None
        ]
        return doc

    def _link_short_forms(self, orgs: dict[str, "Organisation"]) -> None:
        """``l'ICN`` in a text that names ``ICN Business School``: a one-word name that
        opens a longer name of the same text is that body."""
        for oid, org in list(orgs.items()):
            if org.known or org.acronym or len(org.name.split()) != 1:
                continue
            k = key(org.name)
            target = next((o for o in orgs.values() if o is not org and len(o.name.split()) > 1
                           and key(o.name).split()[0] == k), None)
            if target is not None:
                target.mentions.extend(org.mentions)
                del orgs[oid]
        # "CHU de Bordeaux" and "Centre hospitalier universitaire de Bordeaux": the same tail,
        # and the capitals of the first are the initials of the words the second has instead
        for oid, org in list(orgs.items()):
            words = org.name.split()
            if org.known or len(words) < 2 or not (words[0].isupper() and 2 <= len(words[0]) <= 6):
                continue
            tail = key(" ".join(words[1:]))
            for other in orgs.values():
                ow = other.name.split()
                if other is org or len(ow) <= len(words):
                    continue
                head = ow[:len(ow) - len(words) + 1]
                initials = "".join(strip_accents(w)[0].lower() for w in head if fold(w) not in NAME_PARTICLES)
                if key(" ".join(ow[len(head):])) == tail and initials == fold(words[0]):
                    other.mentions.extend(org.mentions)
                    del orgs[oid]
                    break

    def _short_form_mentions(self, doc: Doc, orgs: dict[str, "Organisation"], taken: bytearray) -> None:
        """``Pour CY, …`` in a text that names ``CY Cergy Paris Université``: an all-caps
        word that opens the name of an organisation of the text is a mention of it."""
        firsts: dict[str, Organisation] = {}
        for org in orgs.values():
            words = org.name.split()
            if len(words) > 1 and words[0].isupper() and len(words[0]) >= 2:
                firsts.setdefault(words[0], org)
        if not firsts:
            return
        for tok in doc:
            org = firsts.get(tok.text)
            if org is None or any(taken[tok.idx:tok.idx + len(tok.text)]):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
                continue                          # part of a longer name
            prev = doc[tok.i - 1] if tok.i else None
            if prev is not None and (prev.like_num or prev.lower_ in {"les", "des", "ces", "nos", "leurs", "aux", "plusieurs"}):
                continue                          # "les sept INSA": the kind of school, counted
            taken[tok.idx:tok.idx + len(tok.text)] = b"\x01" * len(tok.text)
            org.mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "short form"))

    def _introducer_kind(self, doc: Doc, start: int) -> str | None:
        """The kind a lowercase noun before a name gives it: ``l'alliance X`` is a
        group, ``la société X`` a company, ``l'école X`` a school."""
        span = doc.char_span(start, start + 1, alignment_mode="expand")
        if span is None:
            return None
        j = span.start - 1
        skipped = 0
        while j >= 0 and skipped <= 2:
            tok = doc[j]
            w = fold(tok.text)
            intro = self.intro_kinds.get(w)
            if tok.is_lower and intro and (skipped > 0 or not intro[1]):
                return intro[0]             # "le groupe pharmaceutique X", "la société X", "le réseau X"
            if tok.is_lower and w in self.heads:
                return self.heads[w]
            if tok.is_lower and tok.pos_ == "ADJ":
                j -= 1
                skipped += 1
                continue
            return None
        return None

    def _apposed_kind(self, doc: Doc, end: int) -> str | None:
        """The kind an apposition after a name gives it: ``l'Université de la Grande Région
        (UniGR), groupement transfrontalier …`` is a group, ``Pasqal, start-up …`` a company."""
        span = doc.char_span(end - 1, end, alignment_mode="expand")
        if span is None:
            return None
        j = span.end
        if j < len(doc) and doc[j].text == "(":
            close = next((k for k in range(j + 1, min(len(doc), j + 6)) if doc[k].text == ")"), None)
            j = close + 1 if close is not None else j
        if j >= len(doc) or doc[j].text != ",":
            return None
        j += 1
        if j < len(doc) and fold(doc[j].text) in {"un", "une", "le", "la", "l'"}:
            j += 1
        if j >= len(doc) or not doc[j].is_lower:
            return None
        intro = self.intro_kinds.get(fold(doc[j].text))
        return intro[0] if intro else None

    def _phrase_kind(self, name: str) -> str | None:
        low = fold(name)
        return next((kind for phrase, kind in self.kind_phrases if phrase in low), None)

    def _kind_of(self, name: str) -> str:
        phrase_kind = self._phrase_kind(name)
        if phrase_kind:
            return phrase_kind
        for w in name.split()[:3]:
            k = self.heads.get(fold(ELISION.sub("", w)))
            if k:
                return k
        last = fold(name.split()[-1]) if name.split() else ""
        return self.heads.get(last, "other")

    def _add_anaphors(self, doc: Doc, orgs: dict[str, Organisation], taken: bytearray) -> None:
        """``l'Institut``, ``l'Université``: a capitalised head alone after a definite
        article is a further mention of the nearest body named with that head."""
        for tok in doc:
            low = fold(tok.text)
            if low not in self.anaphors or not tok.text[:1].isupper() or tok.i == 0:
                continue
            if doc[tok.i - 1].lower_.rstrip("'") not in {"l", "le", "la"}:
                continue
            if any(taken[tok.idx:tok.idx + len(tok.text)]):
                continue
            nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
            if nxt is not None and nxt.text[:1].isupper() and not nxt.is_punct:
                continue
            candidates = [o for o in orgs.values() if o.mentions and o.start < tok.idx
                          and fold(o.name.split()[0]) == low]
            if len(candidates) == 1:
                candidates[0].mentions.append(Mention(tok.idx, tok.idx + len(tok.text), tok.text, "anaphor"))


if not Doc.has_extension("organisations"):
    Doc.set_extension("organisations", default=None)


class OrganisationComponent(RuleComponent):
    """Sets ``doc._.organisations``: the organisations the document names (SPEC §1)."""

    _finder: OrganisationFinder | None = None

    def rules_changed(self) -> None:
        self._finder = None

    def __call__(self, doc: Doc) -> Doc:
        if self._finder is None:
            self._finder = OrganisationFinder(self.rules, self.nlp.make_doc)
        return self._finder(doc)


@Language.factory("hesr_organisations", default_config={"patterns_dir": None},
                  requires=["token.is_sent_start", "doc.ents"], assigns=["doc._.organisations"])
def make_organisations(nlp: Language, name: str, patterns_dir: str | None):
    return OrganisationComponent(nlp, name, patterns_dir=patterns_dir)
