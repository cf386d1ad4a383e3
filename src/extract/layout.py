"""The visual structure of a plain text: headings, bullet items, prose, metadata lines.

Pure functions, no spaCy. Press releases and strategy pages carry meaning in
their layout: a short line standing alone is a heading, a line opened by a
bullet is a list item, and the prose line ending with ``:`` just before the
items introduces them. The NLP components read this structure from here.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .words import words

BULLET_MARKS = "•–—-*·▪◦●➤►→✓✔▶■□‣⁃>›"
BULLET = re.compile(r"^[ \t]*(?:[" + re.escape(BULLET_MARKS) + r"]|\d{1,2}[.)]|[a-z][)])[ \t]+")
_FINAL_PUNCT = ".!?;:…,"
_META = re.compile(r"\t|©|//|^\W*$|^\s*(?:publi[ée]e?\s+le|mis\s+à\s+jour|source\s*:|cr[ée]dit)", re.IGNORECASE)
_BYLINE = re.compile(r"^\s*Par\s+[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+){1,3}\s*$")   # "Par Jean Dupont"


@dataclass(frozen=True)
class Line:
    """One non-empty line: its offsets (without the line break), bullet and kind."""

    start: int
    end: int
    text: str
    kind: str          # heading | bullet | prose | meta
    body_start: int    # after the bullet marker and leading spaces
    blank_before: bool
    blank_after: bool

    @property
    def body(self) -> str:
        return self.text[self.body_start - self.start:]


def lines_of(text: str) -> list[Line]:
    """Every non-empty line of ``text``, classified.

    A *heading* is a short line (at most 25 words) with no final punctuation,
    standing alone between blank lines (or at the top of the text), or the text's
    first line when the next opens with a capital (its title); a *bullet*
    opens with a list marker; a *meta* line is a tab-separated record, a credit
    or a byline; everything else is *prose*.
    """
    raw: list[tuple[int, int, str]] = []
    pos = 0
    for chunk in text.split("\n"):
        raw.append((pos, pos + len(chunk), chunk))
        pos += len(chunk) + 1
    out: list[Line] = []
    n = len(raw)
    for i, (s, _e, chunk) in enumerate(raw):
        if not chunk.strip():
            continue
        blank_before = i == 0 or not raw[i - 1][2].strip()
        blank_after = i == n - 1 or not raw[i + 1][2].strip()
        lead = len(chunk) - len(chunk.lstrip())
        m = BULLET.match(chunk)
        body_start = s + (m.end() if m else lead)
        stripped = chunk.strip()
        stripped_md = re.sub(r"^#+\s*", "", stripped)
        if m:
            kind = "bullet"
        elif (_META.search(chunk) or _BYLINE.match(chunk)) and not stripped.startswith("#"):
            kind = "meta"
        elif (stripped.startswith("#") or (blank_before and (blank_after or _title_line(out, raw, i)))) \
                and _is_heading_text(stripped_md):
            kind = "heading"
            body_start = s + lead + (len(stripped) - len(stripped_md))
        else:
            kind = "prose"
        out.append(Line(s + lead, s + len(chunk.rstrip()), chunk.strip(), kind, body_start,
                        blank_before, blank_after))
    return out


def _title_line(out: list[Line], raw: list[tuple[int, int, str]], i: int) -> bool:
    """The text's first line, with a line opening with a capital right after it: its title (``L'IRSN engagé
    au service de … français`` then ``A l'issue d'une journée …``); a wrapped first line goes on in lowercase."""
    nxt = raw[i + 1][2].lstrip() if i + 1 < len(raw) else ""
    return not out and nxt[:1].isupper()


def _is_heading_text(s: str) -> bool:
    words = s.split()
    return 0 < len(words) <= 25 and s[-1] not in _FINAL_PUNCT and (s[0].isupper() or s[0].isdigit() or s[0] in "«\"")


@dataclass(frozen=True)
class ListGroup:
    """Consecutive bullet lines and the prose line that introduces them (if it ends with ``:``)."""

    intro: Line | None
    items: tuple[Line, ...]


def list_groups(lines: list[Line]) -> list[ListGroup]:
    groups: list[ListGroup] = []
    i = 0
    while i < len(lines):
        if lines[i].kind != "bullet":
            i += 1
            continue
        j = i
        while j < len(lines) and lines[j].kind == "bullet":
            j += 1
        intro = None
        if i > 0 and (lines[i - 1].kind == "prose"
                      or lines[i - 1].kind == "heading" and lines[i - 1].text.rstrip().endswith(":")):
            intro = lines[i - 1]
        groups.append(ListGroup(intro, tuple(lines[i:j])))
        i = j
    return groups


W = words()
_ABBREVIATIONS = W.set("abbreviations")
EDITORIAL_CUTS = ("[…]", "[...]", "(…)", "(...)")
_SENT_END = re.compile(r"[.!?…]+[»\"”’)\]]*|\.\.\.")
_OPENERS = "«\"“(–—-•"


def sentence_starts(text: str, lines: list[Line] | None = None) -> list[int]:
    """Offsets where sentences start: at structural line breaks (headings, bullets,
    blank lines, a line after final punctuation or a short line) and after final
    punctuation followed by a capital, a digit or a quotation mark, never after
    an abbreviation (``M.``, ``etc.``) or an initial (``T.I.M.E.``)."""
    lines = lines_of(text) if lines is None else lines
    starts: list[int] = []
    prev: Line | None = None
    for line in lines:
        if prev is None or _line_break_ends_sentence(text, prev, line):
            starts.append(line.start)
        for m in _SENT_END.finditer(text, line.start, line.end):
            j = m.end()
            k = j
            while k < line.end and text[k] in " \t\u00a0":
                k += 1
            if k == j or k >= line.end:
                continue
            nxt = text[k]
            if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS):
                continue
            if m.group().startswith(".") and not m.group().startswith("..."):
                word = re.search(r"(\w+)[.]$", text[max(line.start, m.start() - 12):m.start() + 1])
                if word is not None:
                    w = word.group(1).lower()
                    if w in _ABBREVIATIONS or (len(w) == 1 and w.isalpha()):
                        continue
            starts.append(k)
        prev = line
    return sorted(set(starts))


def _line_break_ends_sentence(text: str, prev: Line, line: Line) -> bool:
    """Does the break between two consecutive non-empty lines end a sentence?
    No only inside hard-wrapped prose: a long prose line without final
    punctuation followed, with no blank line, by a prose line."""
    if line.blank_before or prev.blank_after:
        return True
    if line.kind in ("bullet", "heading", "meta") or prev.kind in ("heading", "meta"):
        return True
    last = prev.text.rstrip()[-1:]
    if last in ".!?:;…»\"”" or prev.text.rstrip().endswith(EDITORIAL_CUTS):
        return True                    # "[…]": a quotation cut by the editor ends there
    if line.text[:1].isupper() and len(prev.text) < 60:
        return True
    if prev.kind == "bullet" and line.kind != "prose":
        return True
    return len(prev.text) < 40


def parts_of(text: str, limit: int) -> list[tuple[int, int]]:
    """Cut a long text into consecutive ``(start, end)`` parts of at most ``limit``
    characters, each ending at a paragraph break when there is one in its second
    half, else at a line break, else after a sentence, else at a space. The
    parts cover the whole text; a text within ``limit`` is one part."""
    parts: list[tuple[int, int]] = []
    start, n = 0, len(text)
    while n - start > limit:
        lo, hi = start + limit // 2, start + limit
        cut = -1
        for sep in ("\n\n", "\n", ". ", " "):
            at = text.rfind(sep, lo, hi)
            if at >= 0:
                cut = at + len(sep)
                break
        if cut <= start:
            cut = hi
        parts.append((start, cut))
        start = cut
    parts.append((start, n))
    return parts
