"""The pages of a PDF's text layer → clean text: running headers and footers, page
numbers and line-end hyphenation are artefacts of the page, not of the text.

A line counts as a running header (footer) when it stands among the first (last)
two lines of at least half of the pages, two pages at least, digits aside
(``Rapport 2023 — page 3`` and ``Rapport 2023 — page 4`` are the same line). A line
that is only a page number (``3``, ``- 3 -``, ``Page 3``, ``3/12``, ``3 sur 12``) at
the top or bottom of a page goes too. A word cut by a hyphen at a line end is
rejoined (``déve-`` / ``loppement`` → ``développement``) when the next line goes on
in lower case; before a capital the hyphen is kept (``Île-de-`` / ``France`` →
``Île-de-France``). A compound cut at its own hyphen before a lower-case word
(``porte-`` / ``parole``) is rejoined wrongly: the text layer cannot tell.

The text layer has no blank lines between paragraphs; one is put back where a
line is clearly shorter than the text's width (three quarters or less: the last
line of a paragraph, a title, a dateline) and the next line starts a new one (a
capital, a digit, a quote), except inside a list and between a list and the
line that introduces it.
"""

from __future__ import annotations

import re

from .layout import BULLET

EDGE_LINES = 2
PAGE_NUMBER = re.compile(r"^[\s\-–—(\[]*(?:page\s*)?\d{1,4}(?:\s*(?:/|sur|of)\s*\d{1,4})?[\s\-–—)\]]*$", re.IGNORECASE)
_CUT_LOWER = re.compile(r"([^\W\d_])-\n[ \t]*([^\W\d_A-ZÀ-ÖØ-Þ])")
_CUT_UPPER = re.compile(r"([^\W\d_])-\n[ \t]*([A-ZÀ-ÖØ-Þ])")


def clean_pages(pages: list[str]) -> tuple[list[str], bool]:
    """The pages without running headers, footers and page numbers, hyphenation undone;
    and whether the first page opened with a running header."""
    split = [page.split("\n") for page in pages]
    top, bottom = _repeated(split, top=True), _repeated(split, top=False)
    cleaned, first_had_header = [], False
    for number, lines in enumerate(split):
        lines, removed_top = _trim(lines, top, from_top=True)
        lines, _ = _trim(lines, bottom, from_top=False)
        first_had_header |= number == 0 and removed_top
        cleaned.append(rejoin_hyphens("\n".join(lines)))
    width = max((len(line.rstrip()) for page in cleaned for line in page.split("\n")), default=0)
    return [mark_paragraphs(page, width) for page in cleaned], first_had_header


SHORT_LINE = 0.75
_STARTS_PARAGRAPH = re.compile(r"[\s«\"“]*[A-ZÀ-ÖØ-Þ\d]")


def mark_paragraphs(text: str, width: int) -> str:
    """A blank line after each line that ends a paragraph (see the module doc)."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1].strip() and line.strip():
            prev = out[-1].rstrip()
            in_list = BULLET.match(line) and (BULLET.match(prev) or prev.endswith(":"))
            starts = BULLET.match(line) or _STARTS_PARAGRAPH.match(line)
            if len(prev) <= SHORT_LINE * width and starts and not in_list:
                out.append("")
        out.append(line)
    return "\n".join(out)


def rejoin_hyphens(text: str) -> str:
    return _CUT_UPPER.sub(r"\1-\2", _CUT_LOWER.sub(r"\1\2", text))


def _key(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def _edge(lines: list[str], top: bool) -> list[str]:
    content = [line for line in lines if line.strip()]
    return content[:EDGE_LINES] if top else content[-EDGE_LINES:]


def _repeated(pages: list[list[str]], top: bool) -> set[str]:
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        for key in {_key(line) for line in _edge(lines, top)}:
            counts[key] = counts.get(key, 0) + 1
    needed = max(2, (len(pages) + 1) // 2)
    return {key for key, n in counts.items() if n >= needed}


def _trim(lines: list[str], repeated: set[str], from_top: bool) -> tuple[list[str], bool]:
    """Drop, at one edge of a page, up to two lines that are running or page numbers.
    Returns the lines and whether a running line (not a bare number) was dropped."""
    lines = list(lines) if from_top else list(reversed(lines))
    dropped_running = False
    seen = 0
    i = 0
    while i < len(lines) and seen < EDGE_LINES:
        line = lines[i]
        if not line.strip():
            i += 1
            continue
        seen += 1
        if _key(line) in repeated or PAGE_NUMBER.match(line):
            dropped_running |= _key(line) in repeated and not PAGE_NUMBER.match(line)
            del lines[i]
            continue
        break
    return (lines if from_top else list(reversed(lines))), dropped_running
