"""The optional manifest of a run: per-document metadata given beside the files.

A CSV with a ``doc_id`` or a ``path`` column (as given on the command line, or
relative to the manifest's folder) and any of ``publication_date``,
``url``, ``publisher`` (other columns are carried too). Its publication date
anchors relative dates when the text states none; every field becomes an extra
column of ``documents.csv`` after the SPEC ones (a field named like a SPEC
column gets the prefix ``metadata_``).
"""
from __future__ import annotations

import csv
import os
from dataclasses import dataclass, field
from pathlib import Path

from .columns import DOCUMENT_COLUMNS
from .normalise import ISO_DATE
from .sources import Source


class ManifestError(ValueError):
    """A manifest that cannot be used, with the reason."""


def _header(p: Path) -> list[str]:
    """The column names as written (pandas would rename a repeated one ``url.1``)."""
    with open(p, encoding="utf-8-sig", newline="") as f:
        header = [c.strip() for c in next(csv.reader(f), [])]
    repeated = sorted({c for c in header if header.count(c) > 1})
    if repeated:
        raise ManifestError(f"{p}: column {', '.join(map(repr, repeated))} appears more than once")
    return header


def _check_columns(p: Path, fields: list[str]) -> None:
    """Every field must keep a column of its own in documents.csv."""
    names = [column_name(f, DOCUMENT_COLUMNS) for f in fields]
    for f, name in zip(fields, names, strict=True):
        if names.count(name) > 1:
            raise ManifestError(f"{p}: field {f!r} would be written as column {name!r}, which another field "
                                f"already takes (a field named like a SPEC column gets the prefix 'metadata_')")


def _check_unique(p: Path, line: int, row: dict, manifest: "Manifest") -> None:
    doc_id, path = str(row.get("doc_id", "")).strip(), str(row.get("path", "")).strip()
    if doc_id and doc_id in manifest.by_doc_id:
        raise ManifestError(f"{p}:{line}: doc_id {doc_id!r} is listed twice")
    if path and Path(path).as_posix() in manifest.by_path:
        raise ManifestError(f"{p}:{line}: path {path!r} is listed twice")


def column_name(field_name: str, reserved: list[str]) -> str:
    return f"metadata_{field_name}" if field_name in reserved else field_name


@dataclass
class Manifest:
    by_doc_id: dict[str, dict[str, str]] = field(default_factory=dict)
    by_path: dict[str, dict[str, str]] = field(default_factory=dict)
    by_file: dict[Path, dict[str, str]] = field(default_factory=dict)   # paths resolved from the manifest's folder
    fields: list[str] = field(default_factory=list)

    @classmethod
    def empty(cls) -> "Manifest":
        return cls()

    @classmethod
    def load(cls, path: str | Path) -> "Manifest":
        import pandas as pd

        p = Path(path)
        try:
            table = pd.read_csv(p, dtype=str, keep_default_na=False, encoding="utf-8-sig")
        except FileNotFoundError:
            raise ManifestError(f"{p}: manifest not found") from None
        except (UnicodeDecodeError, pd.errors.ParserError, pd.errors.EmptyDataError) as err:
            raise ManifestError(f"{p}: not a readable UTF-8 CSV ({str(err).splitlines()[0]})") from None
        header = _header(p)
        table.columns = header
        if "doc_id" not in header and "path" not in header:
            raise ManifestError(f"{p}: needs a 'doc_id' or a 'path' column (has: {', '.join(header)})")
        fields = [c for c in header if c not in ("doc_id", "path")]
        _check_columns(p, fields)
        manifest = cls(fields=fields)
        for line, row in enumerate(table.to_dict("records"), start=2):
            _check_unique(p, line, row, manifest)
            values = {f: str(row[f]).strip() for f in fields}
            pub = values.get("publication_date", "")
            if pub and not ISO_DATE.fullmatch(pub):
                raise ManifestError(f"{p}:{line}: publication_date {pub!r} is not an ISO date "
                                    f"(YYYY-MM-DD, YYYY-MM or YYYY)")
            if row.get("doc_id"):
                manifest.by_doc_id[row["doc_id"].strip()] = values
            if row.get("path"):
                given = Path(row["path"].strip())
                manifest.by_path[given.as_posix()] = values
                manifest.by_file[Path(os.path.realpath(p.parent / given))] = values
        return manifest

    @property
    def extra_columns(self) -> list[str]:
        return [column_name(f, DOCUMENT_COLUMNS) for f in self.fields]

    def fields_for(self, source: Source) -> dict[str, str]:
        """The manifest's fields for one file ('' for each field when it is not listed)."""
        found = self.by_doc_id.get(source.doc_id) or self.by_path.get(Path(source.path).as_posix()) \
            or self.by_path.get(source.file.as_posix()) or self.by_file.get(Path(os.path.realpath(source.file))) or {}
        return {f: found.get(f, "") for f in self.fields}
