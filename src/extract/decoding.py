"""Bytes → text: byte-order marks, UTF-8, UTF-16 without BOM, detected legacy
encodings (charset-normalizer), mojibake repaired when ftfy is sure. No spaCy here."""

from __future__ import annotations

import codecs
import re


class DocumentError(ValueError):
    """A reason, for a person, why a file gave no text."""


def one_line(s: str) -> str:
    return re.sub(r"\s+", " ", s).strip()[:300]


_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
]


def decode_bytes(raw: bytes, max_chars: int | None = None) -> str:
    """Bytes → text: BOMs, UTF-8, UTF-16 without BOM, then detection (charset-normalizer);
    mojibake repaired (ftfy) only when the text is certainly mis-decoded."""
    for bom, enc in _BOMS:
        if raw.startswith(bom):
            try:
                return _repair(raw[len(bom) :].decode(enc), max_chars)
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
    enc = (
        "utf-16-le"
        if odd_nuls > 0.3 and even_nuls < 0.05
        else "utf-16-be"
        if even_nuls > 0.3 and odd_nuls < 0.05
        else None
    )
    if enc is None:
        return None
    try:
        return raw.decode(enc)
    except UnicodeDecodeError:
        return None


def _control_ratio(text: str) -> float:
    if not text:
        return 0.0
    bad = sum(1 for c in text if (ord(c) < 32 and c not in "\n\r\t\f\v") or 0x7F <= ord(c) < 0xA0)
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
