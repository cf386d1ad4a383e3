"""One reader per format: the bytes of a file → :class:`Extracted` (its text, and the
title and publication date the file declares for itself). No spaCy here.

- text files: decoded (:mod:`decoding`);
- web pages: the article body (trafilatura), headings and list items as lines,
  the page's title and its declared publication date (``article:published_time``,
  JSON-LD ``datePublished``, ``<time>`` …: metadata only, never a date guessed
  from the body);
- PDF: the text layer page by page (pypdf), running headers and footers and page
  numbers removed, words hyphenated at line ends rejoined, the metadata title
  when the first line was a running header;
- DOCX: body paragraphs and tables in reading order, list items as ``- `` lines,
  headers first and footers last (python-docx).

Each reader enforces the bounds of :class:`limits.Limits` while it inflates.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass

from .decoding import DocumentError, decode_bytes, one_line
from .docxlayout import docx_lines
from .layout import BULLET
from .limits import MB, Limits
from .pdflayout import clean_pages
from .sources import printable

TEXT_EXTENSIONS = {".txt", ".md", ".text", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx"}
MIN_ARTICLE_WORDS = 8
HTML_MARKUP_FACTOR = 10  # a page may carry up to 10 characters of markup per character of text
_WORD = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class Extracted:
    text: str
    title: str = ""  # the title the file declares (page title, PDF metadata)
    published: str = ""  # the publication date it declares (ISO), from metadata


def too_long(n: int, limits: Limits) -> str:
    return f"text too long ({n:,} characters, limit {limits.max_chars:,}; see --max-chars)"


# -- text and web pages ----------------------------------------------------------------------------


def read_text(raw: bytes, limits: Limits) -> Extracted:
    return Extracted(decode_bytes(raw, limits.max_chars))


def read_html(raw: bytes, limits: Limits) -> Extracted:
    cap = HTML_MARKUP_FACTOR * limits.max_chars
    try:
        markup = decode_bytes(raw, cap)
    except DocumentError as err:
        if str(err).startswith("text too long"):
            raise DocumentError(
                f"HTML page too large (over {cap:,} characters of markup, ten times --max-chars)"
            ) from None
        raise
    return html_to_text(markup)


def html_to_text(html: str) -> Extracted:
    """The article body of a web page (navigation, menus and footers left out), with
    the title and publication date the page declares in its metadata."""
    import trafilatura

    found = trafilatura.bare_extraction(
        html,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        favor_recall=True,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    text = (found.text if found is not None else "") or ""
    n_words = len(_WORD.findall(text))
    if n_words < MIN_ARTICLE_WORDS:  # a menu or a cookie banner is not an article
        raise DocumentError(f"HTML page has no readable article text ({n_words} words outside navigation)")
    return Extracted(paragraphs(text), title=one_line(found.title or ""), published=_iso_day(found.date))


def _iso_day(value: str | None) -> str:
    match = re.match(r"\d{4}-\d{2}-\d{2}", value or "")
    return match.group(0) if match else ""


def paragraphs(text: str) -> str:
    """One block per line → blocks separated by a blank line, as in a text file; a list
    stays together with the line that introduces it."""
    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1] and line.strip():
            follows = BULLET.match(line) and (BULLET.match(out[-1]) or out[-1].rstrip().endswith(":"))
            if not follows:
                out.append("")
        out.append(line)
    return "\n".join(out)


# -- PDF ---------------------------------------------------------------------------------------------


def read_pdf(raw: bytes, limits: Limits) -> Extracted:
    """The text layer of a PDF, page by page; a page whose inflated content passes
    ``limits.max_unpacked_bytes`` in all, or a text past ``limits.max_chars``,
    stops the reading (a few KB of PDF can inflate to many MB)."""
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted and not _pdf_decrypted(reader):
            raise DocumentError("PDF is encrypted")
        pages = _pdf_pages(reader, limits)
        meta_title = (reader.metadata.title if reader.metadata else None) or ""
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError("PDF is encrypted") from None
    except PdfReadError as err:
        raise DocumentError(f"PDF is damaged or truncated ({one_line(str(err))})") from None
    if not "".join(pages).strip():
        raise DocumentError("PDF has no text layer")
    cleaned, had_header = clean_pages(pages)
    text = "\n\n".join(p.strip("\n") for p in cleaned)
    return Extracted(text, title=one_line(meta_title) if had_header else "")


def _pdf_decrypted(reader) -> bool:
    try:
        return bool(reader.decrypt(""))
    except Exception:  # noqa: BLE001 - any failure to open with the empty password
        return False


def _pdf_pages(reader, limits: Limits) -> list[str]:
    pages: list[str] = []
    unpacked = chars = 0
    for number, page in enumerate(reader.pages, start=1):
        contents = page.get_contents()
        unpacked += len(contents.get_data()) if contents is not None else 0
        if unpacked > limits.max_unpacked_bytes:
            raise DocumentError(
                f"PDF content too large once inflated (over {limits.max_unpacked_bytes // MB} MB "
                f"by page {number}; see --max-unpacked-mb)"
            )
        pages.append(page.extract_text() or "")
        chars += len(pages[-1])
        if chars > limits.max_chars:
            raise DocumentError(too_long(chars, limits) + f" by page {number}")
    return pages


# -- DOCX --------------------------------------------------------------------------------------------


def read_docx(raw: bytes, limits: Limits) -> Extracted:
    """A Word file in reading order: headers, body paragraphs and tables, footers. Its
    parts are inflated first with a running count, so a zip bomb is refused after
    ``limits.max_unpacked_bytes``, never inflated in memory."""
    import zipfile

    from docx import Document as Docx

    try:
        _check_unpacked(zipfile.ZipFile(io.BytesIO(raw)), limits.max_unpacked_bytes)
        d = Docx(io.BytesIO(raw))
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError) as err:
        raise DocumentError(f"DOCX is damaged ({one_line(str(err)) or type(err).__name__})") from None
    return Extracted(paragraphs("\n".join(docx_lines(d))))


def _check_unpacked(archive, max_bytes: int) -> None:
    total = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while block := member.read(1 << 20):
                total += len(block)
                if total > max_bytes:
                    raise DocumentError(
                        f"DOCX too large once unpacked (over {max_bytes // MB} MB in "
                        f"{printable(info.filename)}; a zip bomb?)"
                    )


_READERS = {**{ext: read_html for ext in HTML_EXTENSIONS}, ".pdf": read_pdf, ".docx": read_docx}


def reader_for(ext: str):
    """The reader of an extension (``""`` and text extensions: plain text), or None."""
    if ext in TEXT_EXTENSIONS or ext == "":
        return read_text
    return _READERS.get(ext)
