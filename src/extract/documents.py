"""A :class:`Source` → :class:`Document`: bounded, non-blocking reading, then the
reader of its format (:mod:`formats`), the language check, the title. No spaCy here.

A document that cannot be read is never an exception for the caller: it comes
back with ``status="error"`` and a one-line reason a person understands.
"""
from __future__ import annotations

import errno
import functools
import hashlib
import logging
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path

from .decoding import DocumentError, one_line
from .formats import SUPPORTED_EXTENSIONS, reader_for, too_long
from .limits import DEFAULT_LIMITS, MB, Limits
from .sources import Source, file_kind, printable

log = logging.getLogger(__name__)

@dataclass
class Document:
    doc_id: str
    path: str
    text: str = ""
    status: str = "ok"          # ok | empty | error
    error: str = ""
    sha256: str = ""
    metadata: dict[str, str] = field(default_factory=dict)   # the manifest's fields
    source_title: str = ""       # the title the file declares (a page's <title>, a PDF's metadata)
    source_date: str = ""        # the publication date the file declares in its metadata (ISO)


@dataclass(frozen=True)
class RawFile:
    """The bytes of a file, or the reason they could not be read (what travels to a
    remote worker when documents are shipped)."""

    data: bytes | None
    error: str = ""


def read_document(source: Source, limits: Limits = DEFAULT_LIMITS) -> Document:
    """Read and decode one file; failures become an ``error`` row, never an exception.

    The file is opened without blocking and checked to be a regular file after
    opening (a named pipe swapped in for a file is refused, never waited on);
    at most ``limits.max_file_bytes`` are read, and a text longer than
    ``limits.max_chars`` is refused."""
    return decode_document(source, read_raw(source, limits), limits)


def read_raw(source: Source, limits: Limits = DEFAULT_LIMITS) -> RawFile:
    try:
        return RawFile(_read_bytes(source.file, limits.max_file_bytes))
    except DocumentError as err:
        return RawFile(None, str(err))


def decode_document(source: Source, raw_file: RawFile, limits: Limits = DEFAULT_LIMITS) -> Document:
    """The :class:`Document` of bytes read by :func:`read_raw` (here or elsewhere)."""
    doc = Document(doc_id=source.doc_id, path=source.path)
    if raw_file.data is None:
        return _fail(doc, raw_file.error)
    raw = raw_file.data
    doc.sha256 = hashlib.sha256(raw).hexdigest()
    if not raw:
        doc.status = "empty"
        return doc
    ext = source.file.suffix.lower()
    reader = reader_for(ext)
    if reader is None:
        supported = ", ".join(sorted(SUPPORTED_EXTENSIONS))
        return _fail(doc, f"unsupported format '{printable(ext)}' (supported: {supported})")
    try:
        extracted = reader(raw, limits)
        if len(extracted.text) > limits.max_chars:
            raise DocumentError(too_long(len(extracted.text), limits))
    except DocumentError as err:
        return _fail(doc, str(err))
    except (ImportError, MemoryError):
        raise       # a broken installation or machine is not a bad document
    except Exception as err:  # a broken file of a supported format must not stop the batch
        return _fail(doc, f"could not read {ext[1:].upper() or 'file'}: {type(err).__name__}: {one_line(str(err))}")
    doc.text, doc.source_title, doc.source_date = extracted.text, extracted.title, extracted.published
    if not doc.text.strip():
        doc.status = "empty"
    return doc


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
            raise DocumentError(
                f"file too large ({st.st_size / MB:.1f} MB, limit {max_bytes // MB} MB; see --max-file-mb)")
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


def _fail(doc: Document, reason: str) -> Document:
    doc.status, doc.error, doc.text = "error", one_line(reason), ""
    return doc



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
