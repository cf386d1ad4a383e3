"""A file → :class:`Document`: bounded reading, decoding, format extraction. No spaCy here.

A document that cannot be read is never an exception for the caller: it comes
back with ``status="error"`` and a one-line reason a person understands.
"""
from __future__ import annotations

import codecs
import errno
import functools
import hashlib
import io
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .limits import DEFAULT_LIMITS, MB, Limits
from .sources import Source, file_kind, printable

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = {".txt", ".md", ".text", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx"}
MIN_ARTICLE_WORDS = 8


@dataclass
class Document:
    doc_id: str
    path: str
    text: str = ""
    status: str = "ok"          # ok | empty | error
    error: str = ""
    sha256: str = ""
    metadata: dict[str, str] = field(default_factory=dict)


def read_document(source: Source, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read and decode one file; failures become an ``error`` row, never an exception.

    The file is opened without blocking and checked to be a regular file after
    opening (a named pipe swapped in for a file is refused, never waited on);
    at most ``limits.max_file_bytes`` are read, and a text longer than
    ``limits.max_chars`` is refused."""
    doc = Document(doc_id=source.doc_id, path=source.path)
    try:
        raw = _read_bytes(source.file, limits.max_file_bytes)
    except DocumentError as err:
        return _fail(doc, str(err))
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    if not raw:
        doc.status = "empty"
        return doc
    ext = source.file.suffix.lower()
    reader = _READERS.get(ext, _read_text if ext in TEXT_EXTENSIONS or ext == "" else None)
    if reader is None:
        return _fail(doc, f"unsupported format '{printable(ext)}' (supported: {', '.join(sorted(SUPPORTED_EXTENSIONS))})")
    try:
        text = reader(raw, limits)
        if len(text) > limits.max_chars:
            raise DocumentError(_too_long(len(text), limits))
    except DocumentError as err:
        return _fail(doc, str(err))
    except (ImportError, MemoryError):
        raise       # a broken installation or machine is not a bad document
    except Exception as err:  # a broken file of a supported format must not stop the batch
        return _fail(doc, f"could not read {ext[1:].upper() or 'file'}: {type(err).__name__}: {_one_line(str(err))}")
    doc.text = text
    if not text.strip():
        doc.status = "empty"
    return doc


def _too_long(n: int, limits: Limits) -> str:
    return f"text too long ({n:,} characters, limit {limits.max_chars:,}; see --max-chars)"


HTML_MARKUP_FACTOR = 10   # a page may carry up to 10 characters of markup per character of text


def _read_bytes(path: Path, max_bytes: int) -> bytes:
    """The bytes of a regular file, opened so that nothing can block: a named pipe,
    socket or device (met on the walk, or swapped in since) is refused."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | getattr(os, "O_CLOEXEC", 0))
    except OSError as err:
        raise DocumentError(_open_error(path, err)) from None
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise DocumentError(f"not a regular file ({file_kind(st.st_mode)})")
        if st.st_size > max_bytes:
            raise DocumentError(f"file too large ({st.st_size / MB:.1f} MB, limit {max_bytes // MB} MB; see --max-file-mb)")
        chunks, size = [], 0
        while True:
            block = os.read(fd, 1 << 20)
            if not block:
                break
            size += len(block)
            if size > max_bytes:   # grew since it was opened
                raise DocumentError(f"file too large (over {max_bytes // MB} MB; see --max-file-mb)")
            chunks.append(block)
        return b"".join(chunks)
    except OSError as err:
        raise DocumentError(f"file not readable ({err.strerror or err})") from None
    finally:
        os.close(fd)


def _open_error(path: Path, err: OSError) -> str:
    if err.errno == errno.ENOENT:
        return "file not found (broken link or removed during the run)" if os.path.islink(path) else "file not found"
    if err.errno == errno.ELOOP:
        return "symbolic link loop"
    if err.errno in (errno.EACCES, errno.EPERM):
        return "file not readable (permission denied)"
    if err.errno == errno.EISDIR:
        return "is a directory, not a file"
    if err.errno == errno.ENXIO:
        return "not a regular file (a socket or a device)"
    return f"file not readable ({err.strerror or err})"


class DocumentError(ValueError):
    """A reason, for a person, why a file gave no text."""


def _fail(doc: Document, reason: str) -> Document:
    doc.status, doc.error, doc.text = "error", _one_line(reason), ""
    return doc


def _one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()[:300]


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"), (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode_bytes(raw: bytes, max_chars: int | None = None) -> str:
    """Bytes → text: BOMs, UTF-8, UTF-16 without BOM, then detection (charset-normalizer);
    mojibake repaired (ftfy) only when the text is certainly mis-decoded."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return _repair(raw[len(bom):].decode(enc), max_chars)
            except UnicodeDecodeError:
                raise DocumentError(f"declares {enc} by its byte-order mark but is not valid {enc}") from None
    if not raw:
        return ""
    try:
        return _repair(raw.decode("utf-8"), max_chars)
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return _repair(utf16, max_chars)
    if b"\x00" in raw:
        raise DocumentError("binary file, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(raw, cp_isolation=["cp1252", "latin_1", "iso8859_15", "mac_roman", "cp850"]).best()
    if best is None:
        best = from_bytes(raw).best()
    if best is None:
        raise DocumentError("not UTF-8 and no encoding detected")
    text = str(best)
    if _control_ratio(text) > 0.05:
        raise DocumentError("binary file, not text")
    return _repair(text, max_chars)


def _utf16_without_bom(raw: bytes) -> str | None:
    if len(raw) < 4 or len(raw) % 2:
        return None
    even_nuls = raw[0::2].count(0) / (len(raw) / 2)
    odd_nuls = raw[1::2].count(0) / (len(raw) / 2)
    enc = "utf-16-le" if odd_nuls > 0.3 and even_nuls < 0.05 else "utf-16-be" if even_nuls > 0.3 and odd_nuls < 0.05 else None
    if enc is None:
        return None
    try:
        return raw.decode(enc)
    except UnicodeDecodeError:
        return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f\v") or 0x7f <= ord(c) < 0xa0)
    return bad / len(text)


def _repair(text: str, max_chars: int | None = None) -> str:
    """Repair mojibake (``Ã©`` for ``é``) when ftfy is sure; leave the text alone otherwise.
    A text over ``max_chars`` is refused first, before any pass over its characters."""
    if max_chars is not None and len(text) > max_chars:
        raise DocumentError(f"text too long ({len(text):,} characters, limit {max_chars:,}; see --max-chars)")
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise DocumentError("binary file, not text")
    import ftfy
    from ftfy.badness import is_bad

    if is_bad(text):
        fixed = ftfy.fix_encoding(text)
        if fixed != text:
            return fixed
    return text


def html_to_text(html: str) -> str:
    """The article body of a web page (navigation, menus and footers left out)."""
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    n_words = len(_WORD.findall(text or ""))
    if n_words < MIN_ARTICLE_WORDS:   # a menu or a cookie banner is not an article
        raise DocumentError(f"HTML page has no readable article text ({n_words} words outside navigation)")
    return _paragraphs(text)


def _paragraphs(text: str) -> str:
    """One block per line (trafilatura's text) → blocks separated by a blank line, as in
    a text file; a list stays together with the line that introduces it."""
    from .layout import BULLET

    out: list[str] = []
    for line in text.split("\n"):
        if out and out[-1] and line.strip():
            follows = BULLET.match(line) and (BULLET.match(out[-1]) or out[-1].rstrip().endswith(":"))
            if not follows:
                out.append("")
        out.append(line)
    return "\n".join(out)


def pdf_to_text(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
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
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError("PDF is encrypted") from None
    except PdfReadError as err:
        raise DocumentError(f"PDF is damaged or truncated ({_one_line(str(err))})") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise DocumentError("PDF has no text layer")
    return text


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
            raise DocumentError(f"PDF content too large once inflated (over {limits.max_unpacked_bytes // MB} MB "
                                f"by page {number}; see --max-file-mb)")
        pages.append(page.extract_text() or "")
        chars += len(pages[-1])
        if chars > limits.max_chars:
            raise DocumentError(_too_long(chars, limits) + f" by page {number}")
    return pages


def docx_to_text(raw: bytes, limits: Limits = DEFAULT_LIMITS) -> str:
    """The paragraphs of a Word file. Its parts are inflated first with a running
    count, so a zip bomb is refused after ``limits.max_unpacked_bytes``, never
    inflated in memory."""
    import zipfile

    from docx import Document as Docx

    try:
        _check_unpacked(zipfile.ZipFile(io.BytesIO(raw)), limits.max_unpacked_bytes)
        d = Docx(io.BytesIO(raw))
    except DocumentError:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, ValueError, EOFError) as err:
        raise DocumentError(f"DOCX is damaged ({_one_line(str(err)) or type(err).__name__})") from None
    return "\n\n".join(p.text for p in d.paragraphs)


def _check_unpacked(archive, max_bytes: int) -> None:
    total = 0
    for info in archive.infolist():
        with archive.open(info) as member:
            while block := member.read(1 << 20):
                total += len(block)
                if total > max_bytes:
                    raise DocumentError(f"DOCX too large once unpacked (over {max_bytes // MB} MB in "
                                        f"{printable(info.filename)}; a zip bomb?)")


def _read_text(raw: bytes, limits: Limits) -> str:
    return decode_bytes(raw, limits.max_chars)


def _read_html(raw: bytes, limits: Limits) -> str:
    cap = HTML_MARKUP_FACTOR * limits.max_chars
    try:
        markup = decode_bytes(raw, cap)
    except DocumentError as err:
        if str(err).startswith("text too long"):
            raise DocumentError(f"HTML page too large (over {cap:,} characters of markup, ten times --max-chars)") from None
        raise
    return html_to_text(markup)


_READERS = {**{ext: _read_html for ext in HTML_EXTENSIONS}, ".pdf": pdf_to_text, ".docx": docx_to_text}


_LANGUAGE_NAMES = {"en": "English", "de": "German", "es": "Spanish", "it": "Italian", "pt": "Portuguese",
                   "nl": "Dutch", "ca": "Catalan", "pl": "Polish", "ro": "Romanian", "ru": "Russian",
                   "zh": "Chinese", "ar": "Arabic", "ja": "Japanese"}
_WORD = re.compile(r"[^\W\d_]{2,}")
MIN_WORDS_FOR_LANGUAGE = 30


@functools.lru_cache(maxsize=1)
def language_identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def language_problem(text: str) -> str:
    """A reason when ``text`` is certainly not French (the rules are written for
    French), else ``""``. Texts under 30 words are not judged, and a French text
    quoting another language is French (py3langid on the first 20,000 characters)."""
    sample = text[:20_000]
    if len(_WORD.findall(sample)) < MIN_WORDS_FOR_LANGUAGE:
        return ""
    lang, prob = language_identifier().classify(sample)
    if lang == "fr" or prob < 0.9:
        return ""
    return f"not French (looks like {_LANGUAGE_NAMES.get(lang, lang)}); the rules are written for French texts"


_TITLE_SKIP = re.compile(r"\t|^[\W\d_]*$")


def title_of(text: str) -> str:
    """The first non-empty line when it reads as a title (short, no final sentence
    punctuation); metadata rows (tab-separated, no letters) are passed over."""
    for line in text.splitlines():
        stripped = line.strip()
        if not stripped or _TITLE_SKIP.search(stripped):
            continue
        stripped = re.sub(r"^#+\s*", "", stripped).strip()
        if len(stripped) > 200 or len(stripped.split()) < 2 or stripped[-1] in ".:;,":
            return ""
        return stripped
    return ""
