"""Runs beyond one machine: ``extract run … --dask ADDRESS`` analyses the documents on
a Dask cluster (``dask.distributed``), and the client writes the tables as always.

- ``--dask local`` starts a ``LocalCluster`` of ``--jobs`` worker processes on this
  machine; ``--dask tcp://HOST:8786`` uses a running scheduler and its workers.
- Each worker loads the pipeline once (:class:`PipelinePlugin`, a worker plugin,
  also run on workers that join or are restarted later).
- The client reads every file itself (bounded and non-blocking, as ``extract run``
  does) and ships its bytes with the task, so the workers need no access to the
  files, only ``extract`` installed in the same version.
- Chunks of 16 documents are submitted in a bounded window and their rows taken in
  submission order, so the tables are byte-identical to ``--jobs 1``. A worker that
  dies has its chunks recomputed elsewhere by the scheduler; rows are only ever
  written by the client, once.
- Where the worker process may have children (``distributed.worker.daemon: false``,
  set for ``--dask local``), each document runs in a forked analysis worker with the
  time and memory limits of a local run; elsewhere the pipeline runs in the Dask
  worker itself and only Dask's own memory limit applies.
"""

from __future__ import annotations

import functools
import itertools
import logging
import multiprocessing as mp
from collections import deque
from pathlib import Path
from typing import Iterator

from .documents import Document, read_raw
from .limits import Limits
from .tables import DocRows

log = logging.getLogger(__name__)

PLUGIN_NAME = "extract-pipeline"
WINDOW_PER_WORKER = 3
_STATE: dict = {}  # in each Dask worker process: its pipeline and analysis worker


class DaskUnavailable(RuntimeError):
    """``--dask`` was asked for and dask.distributed is not installed."""


try:  # an optional dependency: only --dask needs it
    from distributed import WorkerPlugin
except ImportError:  # pragma: no cover - without the [dask] extra
    WorkerPlugin = object


class PipelinePlugin(WorkerPlugin):
    """Loads the pipeline once in each Dask worker (and forks its analysis worker there).

    A module-level class, so that Dask pickles it by reference and its ``setup``
    fills this module's :data:`_STATE` in the worker."""

    def __init__(self, patterns_dir: str | None, limits: Limits):
        self.patterns_dir, self.limits = patterns_dir, limits

    def setup(self, worker) -> None:
        from .documents import language_identifier
        from .pipeline import build_nlp
        from .run import process_chunk
        from .workers import Supervisor, fork_available

        nlp = build_nlp(self.patterns_dir)
        language_identifier()
        process = functools.partial(process_chunk, nlp, None, self.limits, keep_text=True)
        can_fork = fork_available() and not mp.current_process().daemon
        _STATE.update(process=process, supervisor=Supervisor(process, 1, self.limits) if can_fork else None)
        if not can_fork:
            log.warning(
                "Dask worker processes are daemonic: documents run without the per-document "
                "time and memory limits (set distributed.worker.daemon: false)"
            )

    def teardown(self, worker) -> None:
        if _STATE.get("supervisor") is not None:
            _STATE["supervisor"].close()
        _STATE.clear()


def analyse_shipped(chunk: list) -> list[DocRows]:
    """The task run on a worker: rows (with the decoded text) of a chunk of shipped files."""
    supervisor = _STATE.get("supervisor")
    if supervisor is not None:
        return next(iter(supervisor.map([chunk])))
    return _STATE["process"](chunk)


def connect(address: str, jobs: int):
    """A client for ``address`` (``local``: a new LocalCluster of ``jobs`` processes)."""
    try:
        import dask
        from distributed import Client, LocalCluster
    except ImportError as err:
        raise DaskUnavailable(f"--dask needs dask.distributed: pip install 'extract[dask]' ({err})") from None
    if address == "local":
        with dask.config.set({"distributed.worker.daemon": False}):
            cluster = LocalCluster(
                n_workers=max(1, jobs),
                threads_per_worker=1,
                processes=True,
                dashboard_address=":0",
                silence_logs=logging.ERROR,
            )
        return Client(cluster), cluster
    return Client(address, timeout="30s"), None


def dask_results(
    address: str, chunks: list[list], *, jobs: int, patterns_dir: str | None, limits: Limits, save_dir: Path | None
) -> Iterator[list[DocRows]]:
    """The rows of each chunk, in order, analysed on the cluster at ``address``."""
    from .run import save_text

    client, cluster = connect(address, jobs)
    try:
        client.register_plugin(PipelinePlugin(patterns_dir, limits), name=PLUGIN_NAME)
        n_workers = max(1, len(client.scheduler_info(n_workers=-1)["workers"]))
        queue = iter(chunks)
        pending = deque(_submit(client, c, limits) for c in itertools.islice(queue, WINDOW_PER_WORKER * n_workers))
        while pending:
            rows = pending.popleft().result()
            nxt = next(queue, None)
            if nxt is not None:
                pending.append(_submit(client, nxt, limits))
            for r in rows:
                if save_dir is not None and r.text:
                    save_text(save_dir, Document(r.doc_id, "", text=r.text))
                r.text = None
            yield rows
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _submit(client, chunk: list, limits: Limits):
    shipped = [(source, meta, read_raw(source, limits)) for source, meta in chunk]
    return client.submit(analyse_shipped, shipped, pure=False, retries=2)
