"""Forked analysis workers never outlive the process that supervises them."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import psutil
import pytest

from extract.workers import fork_available

SUPERVISOR = """
import sys, time
from extract.limits import Limits
from extract.workers import Supervisor

def slow(items):
    time.sleep(60)
    return []

sup = Supervisor(slow, 2, Limits())
results = sup.map([[("a",)], [("b",)]])
import threading
threading.Thread(target=lambda: next(results, None), daemon=True).start()
time.sleep(1.5)
print(" ".join(str(w.process.pid) for w in sup.workers), flush=True)
time.sleep(60)
"""


@pytest.mark.skipif(not fork_available() or not sys.platform.startswith("linux"), reason="Linux fork only")
def test_workers_die_when_their_supervisor_is_killed():
    proc = subprocess.Popen([sys.executable, "-c", SUPERVISOR], stdout=subprocess.PIPE, text=True)
    try:
        pids = [int(p) for p in proc.stdout.readline().split()]
        assert len(pids) == 2 and all(psutil.pid_exists(p) for p in pids)
        os.kill(proc.pid, signal.SIGKILL)           # as a Dask worker is killed: no clean-up runs
        proc.wait(timeout=10)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline and any(_alive(p) for p in pids):
            time.sleep(0.1)
        assert not any(_alive(p) for p in pids)
    finally:
        proc.kill()


def _alive(pid: int) -> bool:
    try:
        return psutil.Process(pid).status() != psutil.STATUS_ZOMBIE
    except psutil.NoSuchProcess:
        return False
