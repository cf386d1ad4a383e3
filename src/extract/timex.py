"""French temporal expressions: a grammar of named parts, and their ISO 8601 values.

Pure functions, no spaCy. :func:`find_timexes` returns every temporal expression
of a text with a symbolic value; :func:`resolve` turns that value into the
SPEC §4 string against an anchor date (the document's publication date), or
``""`` when the expression needs an anchor and there is none.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta

from .serialise import serialisable
from .words import words

W = words()
MONTHS = W.values("months")
MONTH_ABBR = W.values("month_abbreviations")
SEASONS = W.values("seasons")
NUMBER_WORDS = W.values("number_words")
WEEKDAYS = W.values("weekdays")

_M = "|".join(sorted(MONTHS, key=len, reverse=True))
_MA = "|".join(sorted(MONTH_ABBR, key=len, reverse=True))
_S = "|".join(sorted(SEASONS, key=len, reverse=True))
_WD = "|".join(WEEKDAYS)
_Y = r"(?:19|20)\d{2}"
_D = r"(?:1er|premier|[12]\d|3[01]|0?[1-9])"
_N = r"(?:\d{1,2}|" + "|".join(NUMBER_WORDS) + ")"
_APOS = "'’"


class MonthDate(date):
    """A date known to the month only (a magazine's issue ``Avril 2008``): it anchors like the month's
    first day but writes ``2008-04``, and anchors no day (``hier``)."""

    def isoformat(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    __str__ = isoformat


@serialisable
@dataclass(frozen=True)
class Part:
    """One calendar point, possibly partial or relative."""

    year: int | None = None
    month: int | None = None
    day: int | None = None
    rel: str | None = None   # "year", "month_last", "month_next", "day", "weekday", "unresolved"
    rel_n: int = 0           # years or days from the anchor; for "weekday": -1 last, 0 this, +1 next
    school_year_end: bool = False  # a school year ends in August
    weekday: int | None = None     # 0 = Monday

    def resolve(self, anchor: date | None) -> str | None:
        year, month = self.year, self.month
        if self.rel == "unresolved":
            return None
        if self.rel in ("day", "weekday"):
            if anchor is None or isinstance(anchor, MonthDate):
                return None
            return _relative_day(self, anchor).isoformat()
        if self.rel == "year":
            if anchor is None:
                return None
            year = anchor.year + self.rel_n
        elif self.rel in ("month_last", "month_next"):
            if anchor is None:
                return None
            here = (month, self.day or 0)
            now = (anchor.month, anchor.day if self.day else 0)
            if self.rel == "month_last":
                year = anchor.year if here < now else anchor.year - 1
            else:
                year = anchor.year if here > now else anchor.year + 1
        if year is None:
            if anchor is None:
                return None
            year = anchor.year
        if month is None:
            return f"{year:04d}"
        if self.day is None:
            return f"{year:04d}-{month:02d}"
        return f"{year:04d}-{month:02d}-{self.day:02d}"


def _relative_day(p: "Part", anchor: date) -> date:
    if p.rel == "day":
        return anchor + timedelta(days=p.rel_n)
    delta = (p.weekday - anchor.weekday()) % 7
    if p.rel_n == 2:                      # "ce jeudi" in a future sentence: on or after the anchor
        return anchor + timedelta(days=delta)
    if p.rel_n > 0:                       # "jeudi prochain": strictly after the anchor
        return anchor + timedelta(days=delta or 7)
    if p.rel_n < 0:                       # "jeudi dernier": strictly before
        return anchor - timedelta(days=(7 - delta) % 7 or 7)
    return anchor - timedelta(days=(7 - delta) % 7)   # "ce jeudi": this week's, on or before the anchor


@serialisable
@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    text: str
    lo: Part | None
    hi: Part | None = None
    period: bool = False

    @property
    def kind(self) -> str:
        return "period" if self.period else "date"


def resolve(t: Timex, anchor: date | None) -> str:
    """The SPEC §4 value of ``t`` against ``anchor``; ``""`` when it cannot be resolved."""
    if not t.period:
        return (t.lo.resolve(anchor) if t.lo else None) or ""
    lo = t.lo.resolve(anchor) if t.lo else ""
    hi = t.hi.resolve(anchor) if t.hi else ""
    if lo is None or hi is None or (not lo and not hi):
        return ""
    return f"{lo}/{hi}"


def _day(s: str) -> int:
    return 1 if s.lower() in ("1er", "premier") else int(s)


# --- core expressions --------------------------------------------------------
# Each pattern is paired with a builder from its match to (lo, hi, period).
_CORE: list[tuple[re.Pattern, callable]] = []


def _core(pattern: str):
    def deco(fn):
        _CORE.append((re.compile(pattern, re.IGNORECASE), fn))
        return fn
    return deco


@_core(rf"\b(?:(?:{_WD})\s+)?(?P<d1>{_D})(?:\s+(?:(?P<m1>{_M})|(?P<ma>{_MA})\.?))?\s+(?:au|-|–|et)\s+(?P<d2>{_D})\s+(?P<m2>{_M})(?:\s+(?P<y>{_Y}))?\b")
def _day_range_months(m):
    # "du 3 au 5 juin 2024", "les 10 et 11 septembre" (a year from the anchor)
    y = int(m["y"]) if m["y"] else None
    m2 = MONTHS[m["m2"].lower()]
    m1 = MONTHS.get((m["m1"] or "").lower()) or MONTH_ABBR.get((m["ma"] or "").lower()) or m2
    return Part(y, m1, _day(m["d1"])), Part(y, MONTHS[m["m2"].lower()], _day(m["d2"])), True


@_core(rf"\b(?:(?:{_WD})\s+)?(?P<d>{_D})\s+(?:(?P<m>{_M})|(?P<ma>{_MA})\.)(?:\s+(?P<y>{_Y}))?\b")
def _full_date(m):
    month = MONTHS.get((m["m"] or "").lower()) or MONTH_ABBR[m["ma"].lower()]
    return Part(int(m["y"]) if m["y"] else None, month, _day(m["d"])), None, False


@_core(rf"(?<![\d/.-])(?P<d>[0-3]?\d)[/.-](?P<m>[01]?\d)[/.-](?P<y>{_Y})(?![\d/.-]*\d)")
def _numeric_dmy(m):
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return Part(int(m["y"]), mo, d), None, False


@_core(rf"(?<![\d/.-])(?P<y>{_Y})-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
def _iso(m):
    d, mo = int(m["d"]), int(m["m"])
    if not (1 <= d <= 31 and 1 <= mo <= 12):
        return None
    return Part(int(m["y"]), mo, d), None, False


@_core(rf"\b(?:ann[ée]e\s+(?:universitaire|scolaire|acad[ée]mique)\s+|rentr[ée]e\s+(?:universitaire\s+|scolaire\s+|acad[ée]mique\s+)?)(?P<y1>{_Y})\s*[-–/]\s*(?P<y2>{_Y})\b")
def _school_year_named(m):
    y1, y2 = int(m["y1"]), int(m["y2"])
    if m.group(0).lower().startswith("rentr"):
        return Part(y1, 9), None, False
    return Part(y1, 9), Part(y2, 8, school_year_end=True), True


@_core(rf"\brentr[ée]e(?:\s+(?:universitaire|scolaire|acad[ée]mique))?\s+(?:de\s+septembre\s+)?(?P<y>{_Y})\b")
def _rentree(m):
    return Part(int(m["y"]), 9), None, False


@_core(r"\brentr[ée]e(?:\s+(?:universitaire|scolaire|acad[ée]mique))?\s+prochaine\b")
def _rentree_next(m):
    return Part(month=9, rel="month_next"), None, False


# "Juin/Juillet 2006", "juillet-août 2024": a period of two months of one year
@_core(rf"\b(?P<m1>{_M})\s*[/–-]\s*(?P<m2>{_M})\s+(?P<y>{_Y})\b")
def _month_pair_year(m):
    y = int(m["y"])
    return Part(y, MONTHS[m["m1"].lower()]), Part(y, MONTHS[m["m2"].lower()]), True


@_core(rf"\b(?:(?P<pre>d[ée]but|fin|mi|courant|milieu)(?:\s+|-)(?:d['’]\s*|de\s+)?)?(?P<m>{_M})\s+(?:de\s+l['’]ann[ée]e\s+)?(?P<y>{_Y})\b")
def _month_year(m):
    return Part(int(m["y"]), MONTHS[m["m"].lower()]), None, False


@_core(rf"\b(?P<d>{_D})\s+(?P<m>{_M})\s+(?P<rel>dernier|prochain)\b")
def _day_month_relative(m):
    rel = "month_last" if m["rel"].lower() == "dernier" else "month_next"
    return Part(month=MONTHS[m["m"].lower()], day=_day(m["d"]), rel=rel), None, False




@_core(rf"(?<![\w-])(?:(?P<ce>ce)\s+)?(?P<wd>{_WD})(?:\s+(?P<rel>dernier|prochain))?\b(?!\s*(?:\d|1er|premier|s\b))")
def _weekday(m):
    # "ce jeudi", "mardi", "jeudi prochain"; not "le mardi" (every Tuesday), not "mardi 10 juillet"
    before = m.string[max(0, m.start() - 8):m.start()].lower()
    if re.search(r"(?:\ble|chaque|les|tous)\s*$", before):
        return None
    n = 0 if not m["rel"] else (1 if m["rel"].lower() == "prochain" else -1)
    return Part(rel="weekday", rel_n=n, weekday=WEEKDAYS[m["wd"].lower()]), None, False


@_core(r"(?<![\w'’-])(?<!de\s)(?P<w>avant-hier|après-demain|hier|demain)\b")
def _day_relative(m):
    # "hier", "demain"; not "les défis de demain", "les métiers d'hier"
    offsets = {"avant-hier": -2, "hier": -1, "demain": 1, "après-demain": 2}
    return Part(rel="day", rel_n=offsets[m["w"].lower()]), None, False


@_core(rf"(?:(?<=\ben\s)|(?<=\bEn\s)|(?<=\bdès\s)|(?<=\bDès\s)|(?<=\bdepuis\s)|(?<=\bDepuis\s)|(?<=\bcourant\s))(?P<m>{_M})\b(?!\s+(?:dernier|prochain|\d|de\s+l))")
def _month_after_preposition(m):
    # "signé en juin", "accueillera en octobre": a month named without a year
    return Part(month=MONTHS[m["m"].lower()]), None, False


@_core(rf"\b(?P<m>{_M})\s+(?P<rel>dernier|prochain)\b")
def _month_relative(m):
    rel = "month_last" if m["rel"].lower() == "dernier" else "month_next"
    return Part(month=MONTHS[m["m"].lower()], rel=rel), None, False


@_core(rf"\b(?P<pre>d[ée]but|fin|mi|courant|milieu)(?:\s+|-)(?:d['’]\s*|de\s+)?(?P<m>{_M})\b")
def _month_no_year(m):
    return Part(month=MONTHS[m["m"].lower()]), None, False


@_core(rf"\b(?P<pre>d[ée]but|fin|mi|courant|milieu)(?:\s+|-)(?:de\s+l['’]ann[ée]e\s+)?(?P<y>{_Y})\b")
def _edge_year(m):
    return Part(int(m["y"])), None, False


@_core(rf"\b(?P<s>{_S})\s+(?:de\s+l['’]ann[ée]e\s+)?(?P<y>{_Y})\b")
def _season_year(m):
    return Part(int(m["y"]), SEASONS[m["s"].lower()]), None, False


@_core(rf"\b(?:(?:cet|ce|l['’])\s*(?P<s>{_S})(?:\s+(?P<rel>prochain|dernier))?|le\s+(?P<s2>{_S})\s+(?P<rel2>prochain|dernier))\b")
def _season_relative(m):
    # "cet hiver", "l'été prochain", "le printemps prochain" ("le printemps" alone is any spring)
    season, rel = (m["s"], m["rel"]) if m["s"] else (m["s2"], m["rel2"])
    month = SEASONS[season.lower()]
    if rel is None:
        return Part(month=month), None, False
    return Part(month=month, rel="month_last" if rel.lower() == "dernier" else "month_next"), None, False


@_core(rf"\b(?P<m>{_M})\b(?!\s+(?:dernier|prochain)\b)(?=\s*(?:[,.;:)]|\s+(?:et|à|au|pour|avec|lors|dans|les|le|la|des|sera|a|ont|prochain)\b))")
def _month_alone(m):
    # "en octobre", "lancée début octobre": a month named without a year
    if m["m"].lower() == "mai":
        return None  # too often a proper name or a word in titles
    return Part(month=MONTHS[m["m"].lower()]), None, False


@_core(r"\bfin\s+(?:de\s+l['’]ann[ée]e|d['’]ann[ée]e)\b(?!\s+(?:19|20)\d\d)")
def _end_of_this_year(m):
    # "avant la fin de l'année", "d'ici la fin de l'année": the anchor's year
    return Part(rel="year", rel_n=0), None, False


@_core(r"\bcette\s+ann[ée]e\b|\bl['’]ann[ée]e\s+en\s+cours\b")
def _this_year(m):
    return Part(rel="year", rel_n=0), None, False


@_core(r"\b(?:l['’]ann[ée]e|l['’]an)\s+(?P<rel>prochaine?|derni[èe]re?|pass[ée]e)\b")
def _year_relative(m):
    n = 1 if m["rel"].lower().startswith("proch") else -1
    return Part(rel="year", rel_n=n), None, False


def _count(raw: str) -> int:
    """``trois`` or ``3``."""
    return NUMBER_WORDS.get(raw.lower()) or int(raw)


@_core(rf"(?:\b(?:les|ces)\s+|(?<=\bdes\s))(?P<n>{_N})\s+(?P<rel>prochaines|derni[èe]res)\s+ann[ée]es\b|(?:\b(?:les|ces)\s+|(?<=\bdes\s))(?P<n2>{_N})\s+ann[ée]es\s+(?P<rel2>[àa]\s+venir|pass[ée]es)\b")
def _n_years(m):
    n = _count(m["n"] or m["n2"])
    rel = (m["rel"] or m["rel2"]).lower()
    if rel.startswith("proch") or "venir" in rel:
        return Part(rel="year", rel_n=0), Part(rel="year", rel_n=n), True
    return Part(rel="year", rel_n=-n), Part(rel="year", rel_n=0), True


# "d'ici dix ans", "d'ici à trois ans": the anchor's year plus that many
@_core(rf"(?<=d[{_APOS}]ici\s)(?:[àa]\s+)?(?P<n>{_N})\s+ans\b")
def _years_from_now(m):
    n = _count(m["n"])
    return None, Part(rel="year", rel_n=n), True


# "dans deux ans": the year that many years after the anchor's (a point; "d'ici deux ans" is a period)
@_core(rf"\b[dD]ans\s+(?P<n>{_N})\s+ans\b")
def _years_later(m):
    return Part(rel="year", rel_n=_count(m["n"])), None, False


# "depuis 30 ans", "depuis plus de cinquante ans", "depuis une quinzaine d'années", "depuis 18 mois": anchored
# in the past, but no calendar point the text states ("depuis plusieurs années" counts nothing)
@_core(rf"\bdepuis\s+(?:(?:plus|pr[èe]s|moins)\s+d[e{_APOS}]\s*)?(?:\d+|(?!plusieurs|quelques|nombreuses|longues)[a-zéè]+|une\s+[a-z]+aine)\s*(?:d[e{_APOS}]\s*)?(?:ans?|ann[ée]es|mois|d[ée]cennies|si[èe]cles?)\b")
def _since_duration(m):
    return Part(rel="unresolved"), None, True


# "les années 1980": the decade
@_core(r"\bann[ée]es\s+(?P<y>(?:19|20)\d0)\b")
def _decade(m):
    y = int(m["y"])
    return Part(y), Part(y + 9), True


@_core(r"\b(?:les|des|dans\s+les)\s+(?:ann[ée]es|d[ée]cennies|mois)\s+[àa]\s+venir\b")
def _vague_future(m):
    return Part(rel="unresolved"), None, True


@_core(rf"(?<![\d,.])(?P<y1>{_Y})\s*[-–/]\s*(?P<y2>(?:19|20)?\d{{2}})(?![\d])")
def _year_range(m):
    y1 = int(m["y1"])
    y2 = int(m["y2"]) if len(m["y2"]) == 4 else (y1 // 100) * 100 + int(m["y2"])
    if y2 <= y1 or y2 - y1 > 30:
        return None
    if y2 == y1 + 1:
        return Part(y1, 9), Part(y2, 8, school_year_end=True), True
    return Part(y1), Part(y2), True


@_core(rf"(?<![\d,.\w-])(?<!n°\s)(?<!n°)(?<!no\s)(?P<y>{_Y})(?![\d]|[,.]\d|\s?%|\s?(?:M|k|Md)?€|[-–]\d{{3,}})")
def _year(m):
    """A year alone; not a number with decimals, a percentage, an amount, nor an identifier
    (``Décret n° 2016-1527``)."""
    return Part(int(m["y"])), None, False


# --- bounds and ranges ---------------------------------------------------------
_OPEN_START = re.compile(
    rf"(?P<b>\b(?:depuis|dès|[àa]\s+(?:partir|compter)\s+(?:du\b|d[e{_APOS}]))\s*(?:(?:la|le|l[{_APOS}])\s*)?)$",
    re.IGNORECASE)
_OPEN_END = re.compile(
    rf"(?P<b>\b(?:jusqu[{_APOS}]\s*(?:[àa]|en|au)|d[{_APOS}]\s*ici(?:\s+[àa])?|[àa]\s+l[{_APOS}]\s*horizon(?:\s+d[e{_APOS}])?|[àa]\s+l[{_APOS}]\s*[ée]ch[ée]ance(?:\s+d[e{_APOS}])?|horizon|avant)\s*(?:(?:la|le|l[{_APOS}]|fin)\s*)?)$",
    re.IGNORECASE)
_RANGE_OPEN = re.compile(rf"(?P<b>\b(?:de|du|entre)\s*(?:(?:la|le|l[{_APOS}])\s*)?)$", re.IGNORECASE)
_RANGE_MID = re.compile(rf"^\s*(?:[àa]|au|et|jusqu[{_APOS}]\s*(?:[àa]|en))\s*(?:(?:la|le|l[{_APOS}])\s*)?$",
                        re.IGNORECASE)


def _raw_cores(text: str) -> list[tuple[int, int, Part | None, Part | None, bool]]:
    found = []
    for pattern, build in _CORE:
        for m in pattern.finditer(text):
            built = build(m)
            if built is None:
                continue
            lo, hi, period = built
            found.append((m.start(), m.end(), lo, hi, period))
    # keep the longest non-overlapping matches
    found.sort(key=lambda f: (-(f[1] - f[0]), f[0]))
    chosen: list[tuple[int, int, Part | None, Part | None, bool]] = []
    for f in found:
        if all(f[1] <= c[0] or f[0] >= c[1] for c in chosen):
            chosen.append(f)
    chosen.sort(key=lambda f: f[0])
    return chosen


def find_timexes(text: str) -> list[Timex]:
    """Every temporal expression of ``text``, left to right, with its symbolic value."""
    cores = _raw_cores(text)
    result: list[Timex] = []
    i = 0
    while i < len(cores):
        s, e, lo, hi, period = cores[i]
        before = text[max(0, s - 40):s]
        # range "de A à B", "entre A et B", "du A au B"
        if i + 1 < len(cores) and not period:
            s2, e2, lo2, hi2, period2 = cores[i + 1]
            m_open = _RANGE_OPEN.search(before)
            if m_open and not period2 and _RANGE_MID.match(text[e:s2]):
                b_start = s - len(m_open.group("b"))
                lo_fill = lo if lo.year is not None or lo2.year is None else replace(lo, year=lo2.year)
                result.append(Timex(b_start, e2, text[b_start:e2], lo_fill, lo2, True))
                i += 2
                continue
        m_start = _OPEN_START.search(before)
        m_end = _OPEN_END.search(before)
        if m_start:
            b_start = s - len(m_start.group("b"))
            start_part = lo
            result.append(Timex(b_start, e, text[b_start:e], start_part, None, True))
        elif m_end:
            b_start = s - len(m_end.group("b"))
            end_part = hi if period and hi is not None else lo
            result.append(Timex(b_start, e, text[b_start:e], None, end_part, True))
        else:
            result.append(Timex(s, e, text[s:e], lo, hi, period))
        i += 1
    return result
