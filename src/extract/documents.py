"""Files → :class:`Document`: discovery, decoding, format extraction. No spaCy here.

A document that cannot be read is never an exception for the caller: it comes
back with ``status="error"`` and a one-line reason a person understands.
"""
from __future__ import annotations

import codecs
import functools
import hashlib
import io
import logging
import os
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

log = logging.getLogger(__name__)

TEXT_EXTENSIONS = {".txt", ".md", ".text", ".markdown"}
HTML_EXTENSIONS = {".html", ".htm", ".xhtml"}
SUPPORTED_EXTENSIONS = TEXT_EXTENSIONS | HTML_EXTENSIONS | {".pdf", ".docx"}
MAX_BYTES = 50 * 1024 * 1024
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


@dataclass(frozen=True)
class Source:
    """A file to read: where it is and the doc_id it gets."""

    file: Path
    path: str      # as given on the command line, joined with the relative path
    doc_id: str


def discover(inputs: list[str | Path], include: set[str] | None = None) -> list[Source]:
    """Every file under ``inputs`` (folders are walked recursively, hidden entries skipped).

    A corpus folder holding ``texts/`` (and ``gold/``) is read from its ``texts/``.
    ``include`` keeps only the given extensions; others are logged and skipped.
    """
    sources: list[Source] = []
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            if (root / "texts").is_dir() and (root / "gold").is_dir():
                root = root / "texts"
                given = str(Path(given) / "texts")
            # broken symbolic links are kept: they get an error row rather than vanish
            files = sorted(p for p in root.rglob("*") if (p.is_file() or (p.is_symlink() and not p.exists()))
                           and not any(part.startswith(".") for part in p.relative_to(root).parts))
            for f in files:
                rel = f.relative_to(root)
                if include is not None and f.suffix.lower() not in include:
                    log.info("skipped %s: extension %s not included", f, f.suffix or "(none)")
                    continue
                doc_id = rel.with_suffix("").as_posix()
                sources.append(Source(f, str(Path(given) / rel), doc_id))
        else:
            sources.append(Source(root, str(given), root.with_suffix("").name if root.suffix else root.name))
    return _unique_ids(sources)


def _unique_ids(sources: list[Source]) -> list[Source]:
    """A file given twice is read once; files whose ids clash (``a.txt`` and ``a.pdf``
    both give ``a``) keep their extension in the id (``a.txt``, ``a.pdf``), so that
    the rows of the other tables stay attributable. Logged as a warning."""
    seen: set[Path] = set()
    unique: list[Source] = []
    for s in sources:
        key = Path(os.path.abspath(s.file))
        if key not in seen:
            seen.add(key)
            unique.append(s)
    counts = Counter(s.doc_id for s in unique)
    out = []
    for s in unique:
        if counts[s.doc_id] > 1:
            new_id = s.doc_id + s.file.suffix
            log.warning("doc_id %r is shared by several files: %s is named %r", s.doc_id, s.path, new_id)
            s = Source(s.file, s.path, new_id)
        out.append(s)
    return out


def read_document(source: Source) -> Document:
    """Read and decode one file; failures become an ``error`` row, never an exception."""
    doc = Document(doc_id=source.doc_id, path=source.path)
    try:
        size = source.file.stat().st_size
        if size > MAX_BYTES:
            return _fail(doc, f"file too large ({size // (1024 * 1024)} MB, limit {MAX_BYTES // (1024 * 1024)} MB)")
        raw = source.file.read_bytes()
    except FileNotFoundError:
        return _fail(doc, "file not found")
    except PermissionError:
        return _fail(doc, "file not readable (permission denied)")
    except IsADirectoryError:
        return _fail(doc, "is a directory, not a file")
    except OSError as err:
        return _fail(doc, f"file not readable ({err.strerror or err})")
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    ext = source.file.suffix.lower()
    try:
        if ext in TEXT_EXTENSIONS or ext == "":
            text = decode_bytes(raw)
        elif ext in HTML_EXTENSIONS:
            text = html_to_text(decode_bytes(raw))
        elif ext == ".pdf":
            text = pdf_to_text(raw)
        elif ext == ".docx":
            text = docx_to_text(raw)
        else:
            return _fail(doc, f"unsupported format '{ext}' (supported: {', '.join(sorted(SUPPORTED_EXTENSIONS))})")
    except DocumentError as err:
        return _fail(doc, str(err))
    except Exception as err:  # a broken file of a supported format must not stop the batch
        return _fail(doc, f"could not read {ext[1:].upper() or 'file'}: {type(err).__name__}: {_one_line(str(err))}")
    doc.text = text
    if not text.strip():
        doc.status = "empty"
        doc.error = ""
    return doc


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


def decode_bytes(raw: bytes) -> str:
    """Bytes → text: BOMs, UTF-8, UTF-16 without BOM, then detection (charset-normalizer);
    mojibake repaired (ftfy) only when the text is certainly mis-decoded."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return _repair(raw[len(bom):].decode(enc))
            except UnicodeDecodeError:
                raise DocumentError(f"declares {enc} by its byte-order mark but is not valid {enc}") from None
    if not raw:
        return ""
    try:
        return _repair(raw.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    utf16 = _utf16_without_bom(raw)
    if utf16 is not None:
        return _repair(utf16)
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
    return _repair(text)


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


def _repair(text: str) -> str:
    """Repair mojibake (``Ã©`` for ``é``) when ftfy is sure; leave the text alone otherwise."""
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise DocumentError("binary file, not text")
    try:
        import ftfy
        from ftfy.badness import is_bad
    except ImportError:  # pragma: no cover - ftfy is a dependency
        return text
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


def pdf_to_text(raw: bytes) -> str:
    from pypdf import PdfReader
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    try:
        reader = PdfReader(io.BytesIO(raw))
        if reader.is_encrypted:
            try:
                if not reader.decrypt(""):
                    raise DocumentError("PDF is encrypted")
            except (FileNotDecryptedError, NotImplementedError, Exception) as err:
                if isinstance(err, DocumentError):
                    raise
                raise DocumentError("PDF is encrypted") from None
        pages = [page.extract_text() or "" for page in reader.pages]
    except DocumentError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise DocumentError("PDF is encrypted") from None
    except PdfReadError as err:
        raise DocumentError(f"PDF is damaged or truncated ({_one_line(str(err))})") from None
    text = "\n\n".join(p.strip("\n") for p in pages)
    if not text.strip():
        raise DocumentError("PDF has no text layer")
    return text


def docx_to_text(raw: bytes) -> str:
    import zipfile

    from docx import Document as Docx

    try:
        d = Docx(io.BytesIO(raw))
    except (zipfile.BadZipFile, KeyError, ValueError) as err:
        raise DocumentError(f"DOCX is damaged ({_one_line(str(err)) or type(err).__name__})") from None
    return "\n\n".join(p.text for p in d.paragraphs)


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
