"""Inline gold for tests: ``le <d v="2018-07-10">10 juillet 2018</d>`` → text and spans.

Tags do not nest. Attributes are ``name="value"`` or ``name='value'``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

_TAG = re.compile(r"<(?P<tag>\w+)(?P<attrs>(?:\s+\w+=(?:\"[^\"]*\"|'[^']*'))*)\s*>(?P<body>.*?)</(?P=tag)>", re.S)
_ATTR = re.compile(r"(\w+)=(?:\"([^\"]*)\"|'([^']*)')")


@dataclass(frozen=True)
class Marked:
    tag: str
    text: str
    start: int
    end: int
    attrs: dict = field(default_factory=dict)


def parse(marked: str) -> tuple[str, list[Marked]]:
    out, spans, pos, length = [], [], 0, 0
    for m in _TAG.finditer(marked):
        out.append(marked[pos:m.start()])
        length += m.start() - pos
        body = m.group("body")
        attrs = {k: (v1 or v2) for k, v1, v2 in _ATTR.findall(m.group("attrs"))}
        spans.append(Marked(m.group("tag"), body, length, length + len(body), attrs))
        out.append(body)
        length += len(body)
        pos = m.end()
    out.append(marked[pos:])
    return "".join(out), spans
