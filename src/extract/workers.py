"""Worker processes that read and analyse documents within a time and memory budget.

The parent loads the pipeline once and forks ``jobs`` workers (``--jobs 1``
too), which inherit it. Each task is a chunk of documents; the parent waits for
its result until ``limits.timeout`` seconds have passed and watches each
worker's resident memory. A worker that overruns either bound, or dies, is
killed and replaced by a new fork, and its chunk is redone one document at a
time with the same bounds, so that only the document at fault gets an
``error`` row ("time limit exceeded", "memory limit exceeded") and every other
one is analysed. Results are yielded in the order of the chunks, so the tables
do not depend on the number of workers.

A worker that meets a broken installation (``ImportError``) or a machine out
of memory (``MemoryError``) reports it, and the run stops with that message:
that is no bad document.
"""

from __future__ import annotations

import contextlib
import ctypes
import hashlib
import logging
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Callable, Iterable, Iterator

from .documents import Document, read_raw
from .limits import MB, Limits
from .sources import Source
from .tables import DocRows, failed_rows

log = logging.getLogger(__name__)

POLL_SECONDS = 0.2
Item = tuple[Source, dict[str, str]]
Process = Callable[[list[Item]], list[DocRows]]


class FatalWorkerError(RuntimeError):
    """A worker met a broken installation or ran the machine out of memory."""


PR_SET_PDEATHSIG = 1     # linux/prctl.h


def fork_available() -> bool:
    return "fork" in mp.get_all_start_methods()


@dataclass
class _Task:
    index: int  # the chunk's place in the run
    items: list[Item]
    part: int | None = None  # the document's place in its chunk when redone one by one


@dataclass
class _Worker:
    process: mp.process.BaseProcess
    conn: Connection
    task: _Task | None = None
    deadline: float = 0.0


@dataclass
class _Pending:
    """Results waiting for their turn, and chunks being redone one by one."""

    done: dict[int, list[DocRows]] = field(default_factory=dict)
    parts: dict[int, list[DocRows | None]] = field(default_factory=dict)


def _die_with_parent(parent_pid: int) -> None:
    """Ask Linux to kill this worker when its parent dies (``PR_SET_PDEATHSIG``): a Supervisor
    killed outright (a Dask worker SIGKILLed) must not leave its forked workers behind; the ends of
    sibling pipes a fork inherits would otherwise keep them waiting for ever."""
    with contextlib.suppress(OSError, AttributeError):
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent_pid:       # the parent died before the request was made
        os._exit(1)


def _worker_main(conn: Connection, process: Process, parent_pid: int) -> None:
    _die_with_parent(parent_pid)
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops the run and the workers
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        try:
            conn.send(("ok", process(task.items)))
        except (ImportError, MemoryError) as err:
            conn.send(("fatal", f"{type(err).__name__}: {err}"))
            return


class Supervisor:
    """Runs ``process`` over chunks in forked workers; see the module doc."""

    def __init__(self, process: Process, jobs: int, limits: Limits):
        self.process = process
        self.jobs = max(1, jobs)
        self.limits = limits
        self.ctx = mp.get_context("fork")
        self.workers: list[_Worker] = []

    def __enter__(self) -> "Supervisor":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def map(self, chunks: Iterable[list[Item]]) -> Iterator[list[DocRows]]:
        """The rows of each chunk, in order. Workers are started on first use and
        kept until :meth:`close` (a service keeps them between requests)."""
        queue = deque(_Task(i, chunk) for i, chunk in enumerate(chunks))
        total = len(queue)
        pending = _Pending()
        next_index = 0
        if not self.workers:
            self.workers = [self._spawn() for _ in range(min(self.jobs, max(total, 1)))]
        while next_index < total:
            self._dispatch(queue)
            self._collect(queue, pending)
            while next_index in pending.done:
                yield pending.done.pop(next_index)
                next_index += 1

    def close(self) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError):
                w.conn.send(None)
        for w in self.workers:
            w.process.join(timeout=2)
            if w.process.is_alive():
                w.process.kill()
                w.process.join()
            w.conn.close()
        self.workers = []

    # -- one round of the loop -------------------------------------------------------------------
    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        proc = self.ctx.Process(target=_worker_main, args=(child, self.process, os.getpid()), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _dispatch(self, queue: deque[_Task]) -> None:
        for w in self.workers:
            if w.task is None and queue:
                w.task = queue.popleft()
                w.deadline = time.monotonic() + self.limits.timeout
                w.conn.send(w.task)

    def _collect(self, queue: deque[_Task], pending: _Pending) -> None:
        busy = {w.conn: w for w in self.workers if w.task is not None}
        for conn in wait(list(busy), timeout=POLL_SECONDS):
            w = busy[conn]
            try:
                kind, payload = conn.recv()
            except (EOFError, OSError):
                self._replace(w, queue, pending, f"analysis crashed ({_exit_reason(w.process)})")
                continue
            if kind == "fatal":
                raise FatalWorkerError(payload)
            task, w.task = w.task, None
            self._store(task, payload, pending)
        now = time.monotonic()
        for w in self.workers:
            if w.task is None:
                continue
            if now > w.deadline:
                self._replace(w, queue, pending, f"time limit exceeded ({self.limits.timeout:g} s; see --timeout)")
            elif (rss := _resident_bytes(w.process.pid)) > self.limits.max_memory_bytes:
                self._replace(
                    w,
                    queue,
                    pending,
                    f"memory limit exceeded ({rss // MB} MB, limit "
                    f"{self.limits.max_memory_bytes // MB} MB; see --max-memory-mb)",
                )

    def _store(self, task: _Task, rows: list[DocRows], pending: _Pending) -> None:
        if task.part is None:
            pending.done[task.index] = rows
            return
        parts = pending.parts[task.index]
        parts[task.part] = rows[0]
        if all(p is not None for p in parts):
            pending.done[task.index] = pending.parts.pop(task.index)

    def _replace(self, w: _Worker, queue: deque[_Task], pending: _Pending, reason: str) -> None:
        """Kill ``w`` (its task overran or it died), start a new worker in its place,
        and redo its chunk one document at a time, or fail its single document."""
        task, w.task = w.task, None
        w.process.kill()
        w.process.join()
        w.conn.close()
        self.workers[self.workers.index(w)] = self._spawn()
        if task.part is None and len(task.items) > 1:
            log.info("a chunk overran (%s); its documents are redone one by one", reason)
            pending.parts[task.index] = [None] * len(task.items)
            queue.extendleft(reversed([_Task(task.index, [item], j) for j, item in enumerate(task.items)]))
            return
        source, meta = task.items[0]
        log.warning("%s: %s", source.path, reason)
        self._store(task, [_failed(source, meta, reason, self.limits)], pending)


def _failed(source: Source, meta: dict[str, str], reason: str, limits: Limits) -> DocRows:
    doc = Document(doc_id=source.doc_id, path=source.path, status="error", error=reason, metadata=dict(meta))
    raw = read_raw(source, limits)          # bounded and non-blocking, as the worker read it
    doc.sha256 = hashlib.sha256(raw.data).hexdigest() if raw.data is not None else ""
    return failed_rows(doc)


def _resident_bytes(pid: int | None) -> int:
    try:
        with open(f"/proc/{pid}/statm") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _exit_reason(process: mp.process.BaseProcess) -> str:
    process.join(timeout=1)
    code = process.exitcode
    if code is not None and code < 0:
        return f"the worker was killed by signal {signal.Signals(-code).name}"
    return f"the worker exited with code {code}"
