"""The date a document states for itself: a ``Publié le …`` field, a dateline under the title
(``Lille, le 14 mars 2024``, ``ven, 18/12/2009 - 15:52``), an opening sentence (``Ce mardi 10 juillet
2018, …``), a magazine's issue line (``Avril 2008 /173``: month precision), else the date the page says
it was last updated. Pure functions over the text and its temporal expressions (:mod:`extract.timex`)."""
from __future__ import annotations

import re
from datetime import date

from .layout import lines_of
from .timex import MonthDate, Part, Timex, find_timexes

_PUBLISHED = re.compile(
    r"\b(?:publi[ée]e?\s+le|mis\s+en\s+ligne\s+le|date\s+de\s+publication\s*:?|date\s*:)\s*",
    re.IGNORECASE)
_UPDATED = re.compile(r"\b(?:mise?\s+[àa]\s+jour\s+le|actualis[ée]e?\s+le|modifi[ée]e?\s+le)\s*", re.IGNORECASE)


def _is_full_date(t: Timex) -> bool:
    """A day, month and year stated in full (``14 mars 2024``), not a period nor a relative date."""
    return bool(not t.period and t.lo and t.lo.year and t.lo.month and t.lo.day and not t.lo.rel)


def _labelled_date(label: re.Pattern, text: str, timexes: list[Timex]) -> date | None:
    """The full date right after the first ``label`` that has one (``Publié le 3 mai 2024``)."""
    for m in label.finditer(text):
        for t in timexes:
            if _is_full_date(t) and 0 <= t.start - m.end() <= 3 and not text[m.end():t.start].strip():
                return _to_date(t.lo)
    return None


def update_date(text: str, timexes: list[Timex] | None = None) -> date | None:
    """The date a page says it was last updated (``Page mise à jour le 15 janvier 2024``):
    not its publication date, but the best anchor when it states none."""
    return _labelled_date(_UPDATED, text, find_timexes(text) if timexes is None else timexes)


def publication_date(text: str, timexes: list[Timex] | None = None) -> date | None:
    """The date a document states for itself: a ``Publié le …`` field, else a
    full date in its opening lines — a dateline (``Lille, le 14 mars 2024``) or
    an opening sentence (``Ce mardi 10 juillet 2018, …``) — but not a date
    inside its title, which usually announces an event; else an update field
    under the title (``Mis à jour le 15/05/2024``: the only date the page gives
    itself; one at the page's foot only anchors), else a magazine's issue line
    (``Avril 2008 /173``: a :class:`MonthDate`)."""
    timexes = find_timexes(text) if timexes is None else timexes
    full = [t for t in timexes if _is_full_date(t)]
    published = _labelled_date(_PUBLISHED, text, full)
    if published is not None:
        return published
    lines = [ln for ln in lines_of(text) if ln.start < 1200][:8]
    return _dateline_date(text, lines, full) or _header_update(text, lines, full) or _issue_month(lines, timexes)


def _header_update(text: str, lines: list, full: list[Timex]) -> date | None:
    """``Mis à jour le 15/05/2024`` on the line under the title."""
    header = lines[1:2]
    if not header or not any(header[0].start <= m.start() < header[-1].end for m in _UPDATED.finditer(text)):
        return None
    return _labelled_date(_UPDATED, text[:header[-1].end + 1], full)


def _issue_month(lines: list, timexes: list[Timex]) -> MonthDate | None:
    """``Avril 2008 /173``, ``Dossier : ExpressionsMagazine N°616 Juin/Juillet 2006`` under the title: a
    short line of a month, a year, and names or numbers only."""
    for line in lines[1:3]:
        if len(line.text) > 80:
            continue
        for t in timexes:
            if not (line.start <= t.start < line.end) or t.lo is None or t.lo.rel or t.lo.day \
                    or not (t.lo.year and t.lo.month):
                continue
            rest = line.text.replace(t.text, " ", 1)
            if all(w[:1].isupper() or any(c.isdigit() for c in w) for w in re.findall(r"\w+", rest)):
                return MonthDate(t.lo.year, t.lo.month, 1)
    return None


def _dateline_date(text: str, lines: list, full: list[Timex]) -> date | None:
    """A full date on an opening line that holds little else (a dateline), or fronts an opening sentence."""
    title = next((ln for ln in lines if ln.kind != "meta"), None)
    updated = {m.end() for m in _UPDATED.finditer(text)}
    for line in lines:
        for t in full:
            if not line.start <= t.start < line.end + 1 or any(0 <= t.start - u <= 3 for u in updated):
                continue
            if line is title and line.kind == "heading" and not _is_dateline(line.text, t.text):
                continue
            if line.kind == "prose" and not _FRONTED_DATE.match(text[line.start:t.start]) \
                    and not _is_dateline(line.text, t.text):
                continue                       # "L'université a adopté le 28 novembre 2023 …": an event's date
            return _to_date(t.lo)
    return None


# what may precede a publication date at the start of a prose line: a place, "le", "ce"
# ("Poitiers, 12 juin 2025 — …", "Ce mardi 10 juillet 2018, …", "Lille, le 3 mars …")
# ("Communiqué de presse — Cachan, le 27 janvier 2026": a short label and a dash may open the line)
_FRONTED_DATE = re.compile(r"^[\W_]*(?:[^—–|\n]{1,40}\s[—–|]\s*)?"
                           r"(?:(?:[A-ZÀ-Ý][\w'’-]*[\s,]*){1,3})?(?:le|ce|Le|Ce)?\s*$")
# a clock time after the date of a dateline ("- 15:52", "à 9h00")
_CLOCK_TIME = re.compile(r"(?:\s[-–—]|\sà)?\s*\d{1,2}\s*(?::|h)\s*\d{2}\b\s*$")
_DATELINE_REST = re.compile(r"^[\W_]*(?:(?:[A-ZÀ-Ý][\w'’-]*\s*){1,3},?)?\s*(?:le\b\s*)?[\W_]*$", re.IGNORECASE)


def _is_dateline(line: str, date_text: str) -> bool:
    """``Paris, le 3 mars 2024``: a line holding little else than a place and the date."""
    rest = line.replace(date_text, " ", 1)
    rest = re.sub(r"^[\W_]*[^—–|\n]{1,40}\s[—–|]\s*", "", rest.strip())   # "Communiqué de presse — Angers, le …"
    rest = _CLOCK_TIME.sub(" ", rest)                                       # "ven, 18/12/2009 - 15:52"
    return bool(_DATELINE_REST.match(rest.strip()))


def _to_date(p: Part) -> date | None:
    try:
        return date(p.year, p.month, p.day)
    except (TypeError, ValueError):
        return None
