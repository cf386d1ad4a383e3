"""A Word document (python-docx) → its lines in reading order: the headers, the body's
paragraphs and tables as they alternate, then the footers. A paragraph of a
bulleted or numbered list becomes a ``- `` line, so that a list of goals stays a
list; a table row becomes one line, its cells joined by `` | ``."""

from __future__ import annotations

from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph


def docx_lines(document) -> list[str]:
    lines = _unique(line for section in document.sections for line in _part_lines(section.header))
    lines += [line for block in document.element.body.iterchildren() for line in _block_lines(block, document)]
    footers = _unique(line for section in document.sections for line in _part_lines(section.footer))
    return [line for line in lines + footers if line.strip()]


def _unique(lines) -> list[str]:
    seen: list[str] = []
    for line in lines:
        if line.strip() and line not in seen:
            seen.append(line)
    return seen


def _part_lines(part) -> list[str]:
    if part is None or part.is_linked_to_previous:
        return []
    return [line for block in part._element.iterchildren() for line in _block_lines(block, part)]


def _block_lines(element, parent) -> list[str]:
    if element.tag == qn("w:p"):
        return [_paragraph_line(Paragraph(element, parent))]
    if element.tag == qn("w:tbl"):
        return [_row_line(row) for row in Table(element, parent).rows]
    if element.tag == qn("w:sdt"):  # a content control: its paragraphs
        return [_paragraph_line(Paragraph(p, parent)) for p in element.iter(qn("w:p"))]
    return []


def _paragraph_line(paragraph: Paragraph) -> str:
    text = paragraph.text.strip()
    if text and _is_list_item(paragraph):
        return "- " + text
    return text


def _is_list_item(paragraph: Paragraph) -> bool:
    ppr = paragraph._p.pPr
    if ppr is not None and ppr.numPr is not None:
        return True
    style = paragraph.style.name if paragraph.style is not None else ""
    return style.startswith(("List", "Liste"))


def _row_line(row) -> str:
    cells: list[str] = []
    for cell in row.cells:  # a merged cell is listed once per column it spans
        text = " ".join(cell.text.split())
        if text and (not cells or cells[-1] != text):
            cells.append(text)
    return " | ".join(cells)
