"""The five tables on disk: injection-safe cells, and all-or-nothing replacement.

Writing. Rows are streamed into a fresh hidden folder ``OUT/.tables/.tmp-*``.
When the run completes, the folder is synced and renamed after the hash of its
content (``OUT/.tables/<hash>``), and one symbolic link, ``OUT/.tables/current``,
is switched to it by a single ``rename`` — atomic on one filesystem. Each table
``OUT/<name>.csv`` is a fixed link to ``.tables/current/<name>.csv``, so readers
see the five previous tables or the five new ones, never a mix, whatever moment
a run is killed at. Folders no link points to (a killed run's) are removed by
the next run. The same content gives the same folder name, so a rerun that
changes nothing changes nothing on disk (the committed ``outputs/`` stays clean).

Cells. A cell that a spreadsheet would read as a formula (first character
``=``, ``+``, ``-``, ``@``, tab or carriage return) gets a leading ``'``, as
OWASP recommends and SPEC §1 requires, unless the run asks for raw CSV;
:func:`read_table` removes that one ``'`` again.
"""

from __future__ import annotations

import contextlib
import csv
import errno
import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from .columns import TABLES

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STORE = ".tables"
CURRENT = "current"


class OutputError(OSError):
    """The output folder cannot take the tables (read-only, disk full …): one line for a person."""


def guard_cell(value: Any) -> Any:
    """``value`` with a leading ``'`` when a spreadsheet would run it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def unguard_cell(value: str) -> str:
    """The cell as the program meant it: the guard's ``'`` removed."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(FORMULA_STARTS):
        return value[1:]
    return value


def read_table(path: str | Path) -> list[dict[str, str]]:
    """A table written by :class:`TableWriter` (guarded or raw) as rows of strings."""
    with open(path, encoding="utf-8", newline="") as f:
        return [{k: unguard_cell(v) for k, v in row.items()} for row in csv.DictReader(f)]


def read_tables(out_dir: str | Path) -> dict[str, list[dict[str, str]]]:
    """The five tables of a run (SPEC §1), each as rows of strings."""
    return {name: read_table(Path(out_dir) / f"{name}.csv") for name in TABLES}


def write_atomic(path: Path, text: str) -> None:
    """Write a UTF-8 text file whole or not at all (a temporary file beside it, then one
    rename), with the usual permissions."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    with os.fdopen(fd, "w", encoding="utf-8", newline="") as f:
        f.write(text)
    os.chmod(tmp, 0o666 & ~current_umask())
    os.replace(tmp, path)


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def describe_os_error(err: OSError, where: Path) -> str:
    if err.errno in (errno.ENOSPC, errno.EDQUOT):
        return f"no space left on the device of {where}: the previous tables are unchanged"
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return f"cannot write into {where} ({err.strerror}): the previous tables are unchanged"
    return f"cannot write the tables into {where} ({err.strerror or err}): the previous tables are unchanged"


class TableWriter:
    """Streams rows into a new generation folder and switches to it in one step on
    :meth:`commit`; :meth:`abort` (or a kill) leaves the previous tables as they were."""

    def __init__(self, out_dir: Path, columns: dict[str, list[str]], *, raw: bool = False):
        self.out_dir = Path(out_dir)
        self.columns = columns
        self.raw = raw
        self.store = self.out_dir / STORE
        try:
            self.store.mkdir(parents=True, exist_ok=True)
            _remove_stale(self.store)
            self.tmp = Path(tempfile.mkdtemp(prefix=".tmp-", dir=self.store))
            os.chmod(self.tmp, 0o777 & ~current_umask())  # readable like any folder the user makes
            self._files = {}
            self._writers = {}
            for name, cols in columns.items():
                f = open(self.tmp / f"{name}.csv", "w", encoding="utf-8", newline="")  # noqa: SIM115 - streamed, closed by commit/abort
                w = csv.DictWriter(
                    f,
                    fieldnames=cols,
                    lineterminator="\n",
                    quoting=csv.QUOTE_MINIMAL,
                    extrasaction="ignore",
                    restval="",
                )
                w.writeheader()
                self._files[name], self._writers[name] = f, w
        except OSError as err:
            self._cleanup()
            raise OutputError(err.errno, describe_os_error(err, self.out_dir)) from None

    def write(self, tables: dict[str, list[dict[str, Any]]]) -> None:
        try:
            for name, rows in tables.items():
                if not self.raw:
                    rows = [{k: guard_cell(v) for k, v in row.items()} for row in rows]
                self._writers[name].writerows(rows)
        except OSError as err:
            self.abort()
            raise OutputError(err.errno, describe_os_error(err, self.out_dir)) from None

    def commit(self) -> None:
        """Sync the new tables and make them the current ones in one rename."""
        try:
            digest = hashlib.sha256()
            for name, f in self._files.items():
                f.flush()
                os.fsync(f.fileno())
                f.close()
                digest.update(name.encode() + b"\0" + _file_digest(self.tmp / f"{name}.csv"))
            generation = self.store / digest.hexdigest()[:16]
            if generation.is_dir():
                shutil.rmtree(self.tmp)  # the same tables are already there
            else:
                _fsync_dir(self.tmp)
                os.rename(self.tmp, generation)
            _switch(self.store, generation.name)
            _link_tables(self.out_dir, self.columns)
            _fsync_dir(self.store)
            _fsync_dir(self.out_dir)
        except OSError as err:
            self.abort()
            raise OutputError(err.errno, describe_os_error(err, self.out_dir)) from None
        _remove_stale(self.store)

    def abort(self) -> None:
        self._cleanup()

    def _cleanup(self) -> None:
        for f in getattr(self, "_files", {}).values():
            with contextlib.suppress(OSError):
                f.close()
        tmp = getattr(self, "tmp", None)
        if tmp is not None and tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)


def _file_digest(path: Path) -> bytes:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.digest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _switch(store: Path, generation: str) -> None:
    """Point ``store/current`` at ``generation`` with one atomic rename."""
    _point(store / CURRENT, generation)


def _link_tables(out_dir: Path, columns: dict[str, list[str]]) -> None:
    """Each ``OUT/<name>.csv`` becomes (once) a link to ``.tables/current/<name>.csv``.

    A regular file left by a version of the tool before these links is replaced
    by its link only now, after ``current`` holds the new tables."""
    for name in columns:
        _point(out_dir / f"{name}.csv", f"{STORE}/{CURRENT}/{name}.csv")


def _point(link: Path, target: str) -> None:
    """Make ``link`` a symbolic link to ``target`` in one rename (nothing to do when it is one)."""
    if link.is_symlink() and os.readlink(link) == target:
        return
    tmp_link = link.with_name(f".{link.name}.link-{os.getpid()}")
    tmp_link.unlink(missing_ok=True)
    os.symlink(target, tmp_link)
    os.replace(tmp_link, link)


def _remove_stale(store: Path) -> None:
    """Generation folders no link points to, and temporary folders and links of
    runs that were killed."""
    link = store / CURRENT
    current = os.readlink(link) if link.is_symlink() else None
    for entry in store.iterdir():
        if entry.name in (CURRENT, current):
            continue
        if entry.is_symlink() or entry.is_file():
            entry.unlink(missing_ok=True)
        elif entry.is_dir():
            shutil.rmtree(entry, ignore_errors=True)
    for entry in store.parent.glob(".*.csv.link-*"):
        entry.unlink(missing_ok=True)
    for entry in store.parent.glob(".*.csv.tmp"):  # temporary tables of the previous writer
        entry.unlink(missing_ok=True)
