"""A text and the spans found in it → HTML with every span highlighted in place.

Spans may nest (an organisation inside a goal inside a partnership's evidence) or
cross; the text is cut at every span boundary and each piece is wrapped in one
``<mark>`` per span covering it, the longest outside. All the pieces of one span
share its ``data-row`` (the row of the table it comes from), and the first piece
carries ``data-first``, the target of "scroll to this row's evidence".
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape


@dataclass(frozen=True)
class Mark:
    start: int
    end: int
    row: str  # the table row it shows, e.g. "goals-3"
    classes: str  # CSS classes, e.g. "m-org k-university"
    title: str = ""  # the tooltip: normalised value, actor, theme …


def highlight(text: str, marks: list[Mark]) -> str:
    marks = [m for m in marks if 0 <= m.start < m.end <= len(text)]
    bounds = sorted({0, len(text)} | {m.start for m in marks} | {m.end for m in marks})
    by_start = sorted(marks, key=lambda m: (m.start, -m.end))
    opened: set[str] = set()
    out: list[str] = []
    for a, b in zip(bounds, bounds[1:], strict=False):
        piece = escape(text[a:b])
        covering = [m for m in by_start if m.start <= a and m.end >= b]
        for m in sorted(covering, key=lambda m: (m.end - m.start, m.row)):  # innermost first
            first = "" if m.row in opened else " data-first"
            opened.add(m.row)
            title = f' title="{escape(m.title)}"' if m.title else ""
            piece = f'<mark class="{m.classes}" data-row="{escape(m.row)}"{first}{title}>{piece}</mark>'
        out.append(piece)
    return "".join(out)
