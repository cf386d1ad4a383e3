"""Step 3: who takes part: named organisations, anaphors, plural anaphors, the subject side,
the partners listed after ``avec``, and who does not (examples, sources, employers of a speaker)."""
from __future__ import annotations

import re

from ..grammar import DETERMINERS, is_finite_verb, is_gerund, is_infinitive
from ..organisations import Organisation
from ..words import words
from .clauses import dont_including
from .model import Context, Frame, Partnership

W = words()
PERSON_TITLES = W.set("person_titles")
HONORIFICS = W.set("honorifics")
EVENT_NOUNS = W.set("event_nouns")
NUMBER_WORDS = {w: n for w, n in W.values("number_words").items() if n >= 2}   # counts of several bodies
PLURAL_NOUNS = W.kinds_of("plural_party_nouns")
POSSESSIVES = W.set("possessives")


def venue(ctx: Context, s: int) -> bool:
    """``le 5 juillet à la CCI …``, ``une journée de travaux au Collège de France``: a body after a day's date
    or an event (``event_nouns``) and ``à`` is where something took place (``s'ouvrira en 2026 à l'Université
    de Gand`` names who joins)."""
    k = s - 1
    while k > 0 and ctx.folded[k] in {"la", "l'", "le"}:
        k -= 1
    if k <= 0 or ctx.folded[k] not in {"a", "au", "aux"}:
        return False
    if any(w in EVENT_NOUNS for w in ctx.folded[max(0, k - 3):k]):
        return True                        # "une journée de travaux au Collège de France"
    before = ctx.doc[k - 1]
    return any(d.start <= before.idx < d.end and d.timex.lo is not None and d.timex.lo.day is not None
               for d in ctx.dates)


def supervisor(ctx: Context, s: int) -> bool:
    """``le laboratoire PRISM (AMU/CNRS)``: bodies joined by a slash in parentheses are a unit's
    supervisors, not parties of what the unit does."""
    doc = ctx.doc
    opening = next((k for k in range(s - 1, max(-1, s - 6), -1) if doc[k].text in "()"), None)
    if opening is None or doc[opening].text != "(":
        return False
    closing = next((k for k in range(s, min(len(doc), s + 12)) if doc[k].text in "()"), None)
    return closing is not None and doc[closing].text == ")" and any(
        doc[k].text == "/" for k in range(opening + 1, closing))


def _before_person(ctx: Context, s: int) -> int:
    """Where the words before a body named through its officer begin: ``en présence de Madame Valérie
    Pécresse, ministre de …`` — the honorific, the person's name and the comma belong to the body's phrase."""
    k = s
    if k > 0 and ctx.doc[k - 1].text == ",":
        k -= 1
    j = k
    while j > 0 and ctx.doc[j - 1].text[:1].isupper() and ctx.doc[j - 1].pos_ == "PROPN":
        j -= 1
    if j < k and j > 0 and ctx.folded[j - 1].rstrip(".") in HONORIFICS:
        j -= 1
    return j if j < k else s


def not_a_party(ctx: Context, s: int, first: int, c_start: int) -> bool:
    """An organisation cited as an example, a comparison, a source, the place of an
    event or the employer of someone quoted is not a party; the institution of someone
    who signs (``X, président de l'Université de Lille, … ont signé``) is."""
    doc, folded, lex = ctx.doc, ctx.folded, ctx.lex
    if venue(ctx, s) or supervisor(ctx, s):
        return True
    for k in range(max(c_start, _before_person(ctx, s) - 4), s):
        if lex.not_party.match(doc, k, folded) is not None:
            return True
    titled = any(w in PERSON_TITLES for w in folded[max(c_start, s - 3):s + 1])   # "…, ministre de …" names itself
    if not titled:
        return False
    if s > first:
        return True
    return any(lex.not_party.match(doc, k, folded) is not None or folded[k] in W.set("speech_verbs")
               for k in range(c_start, s))


def clitic_group(ctx: Context, triggers: list, frame: Frame) -> Organisation | None:
    """``en sont membres``, ``en est devenue membre``: ``en`` stands for the last group named before the
    frame."""
    folded = ctx.folded
    for i, _, entry in triggers:
        if entry["kind"] != "membership" or entry["pos"] != "NOUN":
            continue
        if any(folded[k] == "en" for k in range(max(frame.start, i - 4), i)):
            before = [org for s, _, org in ctx.actors.mentions if s < frame.start and org.kind == "group"]
            return before[-1] if before else ctx.actors.previous_subject(frame.start)   # "… l'Université
            #   Paris-Saclay remplacera la Comue. A, B et C en deviendront les établissements composantes"
    return None


def between(ctx: Context, frame: Frame, triggers: list) -> list[tuple[Organisation, int]]:
    """``un accord-cadre entre l'Université de Montpellier et l'UGANC``: ``entre`` right after a relation
    noun names its parties, and only them."""
    folded = ctx.folded
    for i, n, entry in triggers:
        if entry["pos"] != "NOUN":
            continue
        j = i + n
        while j < frame.end and j - (i + n) < 3 and folded[j] != "entre" and ctx.doc[j].pos_ in ("ADJ", "ADP", "NOUN"):
            j += 1                         # "accord de coopération entre …"
        if j < frame.end and folded[j] == "entre":
            named = _listed_with(ctx, j, frame.end)
            if len(named) >= 2:
                return named
    return []


def coordinated_after(ctx: Context, end: int, s: int) -> bool:
    """The mention at ``s`` is coordinated with one that ended at ``end`` (only ``et``, commas, articles
    and ``de`` between): it shares that mention's role."""
    return 0 <= end <= s and all(f in {"et", ",", "de", "d'", "du", "des", "l'", "la", "le", "les", "ou"}
                                 for f in ctx.folded[end:s])


def listed_after_not_party(ctx: Context, c_start: int, c_end: int) -> set[int]:
    """Mentions in the list a not-party phrase opens: ``aux côtés de l'ENSEEIHT, de l'ENSAT et de l'ENSIACET``."""
    doc, folded, actors = ctx.doc, ctx.folded, ctx.actors
    out: set[int] = set()
    k = c_start
    while k < c_end:
        hit = ctx.lex.not_party.match(doc, k, folded)
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


def _counted(folded: list[str], j: int) -> tuple[int, int] | None:
    """``les deux universités``, ``elles sont toutes deux``, ``l'une et l'autre`` at ``j``."""
    if folded[j] in {"les", "ces", "nos"} and j + 2 < len(folded) and folded[j + 1] in NUMBER_WORDS \
            and folded[j + 2] in PLURAL_NOUNS:
        return j, NUMBER_WORDS[folded[j + 1]]
    if folded[j] in {"elles", "ils"}:
        for k in range(j + 1, min(len(folded), j + 6)):
            if folded[k] in {"toutes", "tous"} and k + 1 < len(folded) and folded[k + 1] in NUMBER_WORDS:
                return j, NUMBER_WORDS[folded[k + 1]]
    return None


def plural_anaphor_in(ctx: Context, frame: Frame) -> tuple[int, int] | None:
    """A plural anaphor of the frame: (start token, count), count 0 for ``Ils`` opening its clause."""
    doc, folded = ctx.doc, ctx.folded
    for j in frame.indices():
        counted = _counted(folded, j)
        if counted is not None:
            return counted
        if folded[j] in {"elles", "ils"} and (j == frame.start or (j > 0 and doc[j - 1].is_punct)):
            return j, 0                  # "Ils prévoient de …" opening its clause
        if j == frame.start and folded[j] in {"les", "ces"} and j + 2 < len(doc) and folded[j + 1] in PLURAL_NOUNS \
                and folded[j + 2] not in {"de", "d'", "du", "des", "qui"}:
            return j, 0                  # "Les écoles envisagent un rapprochement …": the bodies of the last relation
        if j > 0 and folded[j - 1] == "entre" and folded[j] in {"les", "ces"} and j + 1 < len(doc) \
                and folded[j + 1] in ctx.lex.generic_partner:
            return j, 0                  # "l'accord signé entre les partenaires": the bodies of the last relation
        if folded[j] in {"l'une", "l'un"} and j + 3 < len(doc) and folded[j + 1] == "et" \
                and folded[j + 2] == "l'autre":
            return j, 2
    return None


def plural_anaphor(ctx: Context, at: int, count_or_end: int, found: list[Partnership]) -> list[Organisation]:
    """The bodies a plural anaphor counts: the parties of the last partnership
    with that many parties, else the last ones named of a fitting kind."""
    doc, folded = ctx.doc, ctx.folded
    count = count_or_end if count_or_end < 50 else 2
    noun = folded[at + 2] if at + 2 < len(doc) else ""
    kinds = PLURAL_NOUNS.get(noun)
    before = doc[at].idx
    for p in reversed(found):
        if len(p.parties) == count and p.start < before:
            return list(p.parties)
    seen: list[Organisation] = []
    for _, _, org in reversed([m for m in ctx.actors.mentions if m[0] < at]):
        if org not in seen and (kinds is None or org.kind in kinds):
            seen.append(org)
        if len(seen) == count:
            return list(reversed(seen))
    return []


def main_subject(ctx: Context, main: Frame, found: list[Partnership]) -> list[Organisation]:
    """The organisations the main clause's subject names (for fronted appositions and
    ``dont il est membre``)."""
    doc, actors = ctx.doc, ctx.actors
    for i in main.indices():
        if is_finite_verb(doc[i]) and doc[i].pos_ in ("VERB", "AUX"):
            subj = actors.subject(i, main.start)
            if subj.kind == "org":
                return [subj.org]
            if subj.kind in ("pronoun", "anaphor", "none"):
                org = actors.actor_for(subj)
                return [org] if org is not None else []
            if subj.kind == "generic":
                return plural_anaphor(ctx, subj.start, i, found) or []
            return []
    return []


def main_verb(ctx: Context, first: int, frame: Frame) -> int | None:
    """The verb whose subject is the relation's first side: the trigger itself
    when it is a finite verb or participle, else the closest one around it (an
    intention verb the tagger took for a noun counts: ``Elle compte conclure``)."""
    doc, folded = ctx.doc, ctx.folded
    if doc[first].pos_ in ("VERB", "AUX") and not is_infinitive(doc[first]) and not is_gerund(doc, first):
        return first
    for j in range(first - 1, frame.start - 1, -1):
        if frame.contains(j) and (is_finite_verb(doc[j]) or (
                doc[j].pos_ == "NOUN" and ctx.lex.intention_at(doc, j, folded) is not None)):
            return j
        if frame.contains(j) and doc[j].pos_ == "VERB" and "Part" in doc[j].morph.get("VerbForm"):
            return j
    for j in range(first + 1, frame.end):
        if frame.contains(j) and doc[j].pos_ == "VERB" and (
                is_finite_verb(doc[j]) or "Part" in doc[j].morph.get("VerbForm")):
            return j
    return first if doc[first].pos_ == "VERB" else None


def generic_partners(ctx: Context, frame: Frame) -> tuple[bool, int | None]:
    """Parties named only generically (``avec six écoles``), and how many the text counts."""
    folded = ctx.folded
    for j in frame.indices():
        if folded[j] in ctx.lex.generic_partner and j not in ctx.actors.token_org:
            prev = folded[j - 1] if j > frame.start else ""
            if prev in {"deux", "trois"} and j >= 2 and folded[j - 2] in {"les", "ces", "nos"}:
                continue                   # "les deux universités" names known bodies
            count = int(prev) if prev.isdigit() else NUMBER_WORDS.get(prev)
            return True, count
    return False, None


def listed_members_of(ctx: Context, frame: Frame) -> Organisation | None:
    """``les trois membres du Groupe UT, à savoir UTC, UTT et UTBM``: the group listed by its members."""
    folded, actors = ctx.folded, ctx.actors
    for j in frame.indices():
        if j + 2 < len(ctx.doc) and folded[j] == "membres" and folded[j + 1] in {"de", "du", "d'", "des"} \
                and j + 2 in actors.token_org:
            group = actors.token_org[j + 2][0]
            after = actors.mentions_in(actors.token_org[j + 2][2], frame.end)
            listed = {o for _, _, o in after if o is not group}
            if len(listed) >= 2 and any(folded[k] in {"savoir", ":", "("} for k in range(j, min(frame.end, j + 10))):
                return group
    return None


def _skip_dont_examples(ctx: Context, k: int, seg_end: int) -> int | None:
    """``avec douze universités, dont X, Y et Z``: where the named examples of a generic plural start."""
    doc, folded = ctx.doc, ctx.folded
    dont = next((m for m in range(k, min(seg_end, k + 6)) if folded[m] == "dont"), None)
    if dont is not None and doc[dont - 1].text == "," and dont_including(ctx, dont, seg_end) \
            and not any(doc[m].pos_ in ("VERB", "AUX") for m in range(k, dont)):
        return dont + 1
    return None


def _skip_in_list(ctx: Context, k: int, seg_end: int) -> int | None:
    """The next token of a list of names after token ``k`` (a parenthesised acronym, a determiner,
    a comma), or None where the list ends."""
    doc, folded = ctx.doc, ctx.folded
    if doc[k].text == "(":                 # "(DTU)" after a name
        close = next((m for m in range(k + 1, min(seg_end, k + 6)) if doc[m].text == ")"), None)
        if close is not None:
            return close + 1
    if folded[k] in DETERMINERS | {"et", ",", "ou"} or doc[k].is_punct and doc[k].text not in {";", ":"}:
        return k + 1
    return None


def _listed_with(ctx: Context, j: int, seg_end: int) -> list[tuple[Organisation, int]]:
    """The organisations an ``avec`` at ``j`` introduces, up to ``seg_end``."""
    actors = ctx.actors
    members: list[tuple[Organisation, int]] = []
    k = j + 1
    while k < seg_end:
        if k in actors.token_org:
            org, s, e = actors.token_org[k]
            if org not in [m for m, _ in members]:
                members.append((org, s))
            k = e
            continue
        nxt = _skip_in_list(ctx, k, seg_end)
        if nxt is None and not members:
            nxt = _skip_dont_examples(ctx, k, seg_end)
        if nxt is None:
            break
        k = nxt
    return members


def avec_groups(ctx: Context, frame: Frame) -> list[tuple[list[tuple[Organisation, int]], int, int]]:
    """Each ``avec`` of the frame with the organisations it introduces (``avec X et Y``), and each plural partner
    noun after a possessive (``compte parmi ses partenaires X et Y``): one relation with each."""
    heads = [j for j in frame.indices() if ctx.folded[j] == "avec" or possessed_partners(ctx, j)]
    out = []
    for n, j in enumerate(heads):
        seg_end = heads[n + 1] if n + 1 < len(heads) else frame.end
        members = _listed_with(ctx, j, seg_end)
        if members:
            out.append((members, j, seg_end))
    return out


def possessed_partners(ctx: Context, j: int) -> bool:
    """``compte parmi ses partenaires``: the partners of the body the possessive stands for, each on its own (not
    ``X et ses partenaires A et B lancent …``, where all act together)."""
    return ctx.folded[j] in PLURAL_NOUNS and j > 1 and ctx.folded[j - 1] in POSSESSIVES \
        and ctx.folded[j - 2] != "et"


def footnoted(ctx: Context, frame: Frame) -> list[tuple[Organisation, int]]:
    """``Les 16 organismes* ont signé …``: a counted plural marked with an asterisk names its bodies in the
    footnote, a line that opens with the asterisk (``* ANR (…), BRGM, CEA …``)."""
    doc = ctx.doc
    marked = next((j for j in frame.indices() if doc[j].text == "*" and j > 0 and doc[j - 1].pos_ == "NOUN"
                   and doc[j - 1].text[-1:] in "sx"), None)
    if marked is None:
        return []
    text = doc.text
    note = next((m for m in re.finditer(r"(?m)^\s*\*\s*(.+)$", text) if m.start() > doc[marked].idx), None)
    if note is None:
        return []
    return [(org, marked) for s, _, org in ctx.actors.mentions
            if note.start(1) <= doc[s].idx < note.end(1)]

