"""Inputs → :class:`Source` s: which files a run reads, and the ``doc_id`` each gets.

Folders are walked without following links to folders (no loop can trap the
walk); a link to a file is followed wherever it points, and a link that cannot
be followed (dangling, a loop) is kept so that it gets a row of its own. Hidden
entries and the run's own output folder are skipped. Anything that is not a
regular file (a named pipe, a socket, a device) is kept too and gets a
``not a regular file`` row when read; nothing here opens a file.

``doc_id`` follows SPEC §1 (the path relative to the folder given, without its
extension, ``/`` as separator; the file name for a file given directly). When
two inputs would get the same id, each keeps its extension (``a.txt``,
``a.pdf``) where that tells them apart; when they still clash (``d1/x.txt`` and ``d2/x.txt`` given as
files, or two folders holding ``x.txt``), the second and later, in the order of
their paths, get ``~2``, ``~3`` … after the id. A name that is not valid UTF-8
is kept in a faithful, printable form: each undecodable byte as ``\\xNN``.
"""

from __future__ import annotations

import logging
import os
import stat
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Source:
    """A file to read: where it is and the doc_id it gets."""

    file: Path
    path: str  # as given on the command line, joined with the relative path (printable)
    doc_id: str


def printable(name: str | os.PathLike) -> str:
    """A file name as text that any UTF-8 writer accepts: undecodable bytes as ``\\xNN``."""
    return os.fsencode(name).decode("utf-8", errors="backslashreplace")


def discover(
    inputs: list[str | Path], include: set[str] | None = None, exclude: list[Path] | None = None
) -> list[Source]:
    """Every file under ``inputs``, in a stable order, with unique ``doc_id`` s.

    A corpus folder holding ``texts/`` and ``gold/`` is read from its ``texts/``.
    ``include`` keeps only the given extensions (others are logged and skipped);
    ``exclude`` lists folders never read (the run's output folder)."""
    skip = {_real(p) for p in exclude or []}
    sources: list[Source] = []
    for given in inputs:
        root = Path(given)
        if root.is_dir():
            if (root / "texts").is_dir() and (root / "gold").is_dir():
                root, given = root / "texts", Path(given) / "texts"
            for f in _walk(root, skip):
                rel = f.relative_to(root)
                if _included(f, include):
                    sources.append(Source(f, printable(Path(given) / rel), printable(_strip_suffix(rel).as_posix())))
        elif _included(root, include):
            sources.append(Source(root, printable(given), printable(_strip_suffix(Path(root.name)).name)))
    return unique_ids(sources)


def _strip_suffix(rel: Path) -> Path:
    return rel.with_suffix("") if rel.suffix else rel


def _included(f: Path, include: set[str] | None) -> bool:
    if include is None or f.suffix.lower() in include:
        return True
    log.info("skipped %s: extension %s not included", printable(f), f.suffix or "(none)")
    return False


def _real(p: Path) -> str:
    return os.path.realpath(p)


def _walk(root: Path, skip: set[str]) -> list[Path]:
    """Files under ``root`` (links to folders are not walked), hidden entries and
    ``skip`` folders left out, sorted."""
    found: list[Path] = []
    for top, dirs, files in os.walk(root, followlinks=False, onerror=_walk_error):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".") and _real(Path(top) / d) not in skip and not _is_dir_link(Path(top) / d)
        )
        for name in files:
            if not name.startswith("."):
                found.append(Path(top) / name)
    return sorted(found, key=lambda p: os.fsencode(p))


def _is_dir_link(p: Path) -> bool:
    if p.is_symlink():
        log.warning("not walked: %s is a link to a folder", printable(p))
        return True
    return False


def _walk_error(err: OSError) -> None:
    log.warning("not walked: %s (%s)", printable(err.filename or ""), err.strerror)


def unique_ids(sources: list[Source]) -> list[Source]:
    """A file given twice is read once; clashing ids are made unique (see the module doc)."""
    seen: set[str] = set()
    unique: list[Source] = []
    for s in sources:
        key = os.path.abspath(s.file)
        if key not in seen:
            seen.add(key)
            unique.append(s)
    groups: dict[str, set[str]] = {}
    for s in unique:
        groups.setdefault(s.doc_id, set()).add(s.file.suffix)
    counts = Counter(s.doc_id for s in unique)
    with_ext = [
        Source(s.file, s.path, s.doc_id + printable(s.file.suffix))
        if counts[s.doc_id] > 1 and len(groups[s.doc_id]) > 1
        else s
        for s in unique
    ]
    taken: Counter[str] = Counter()
    out = []
    for s in sorted(with_ext, key=lambda s: (s.doc_id, s.path)):
        taken[s.doc_id] += 1
        if taken[s.doc_id] > 1:
            s = Source(s.file, s.path, f"{s.doc_id}~{taken[s.doc_id]}")
        out.append(s)
    renamed = {s.path: s.doc_id for s in out}.items() - {s.path: s.doc_id for s in unique}.items()
    for path, doc_id in sorted(renamed):
        log.warning("doc_id shared by several files: %s is named %r", path, doc_id)
    return out


def file_kind(mode: int) -> str:
    """What a non-regular file is, for a person."""
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISDIR(mode):
        return "a directory"
    return "not a regular file"
