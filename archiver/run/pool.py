"""A process pool fed in bounded chunks, with a watchdog, yielding outcomes in input order.

Each worker owns a pipe; the parent sends it chunks of ``(seq, task)`` and reads back one
outcome per task. At most ``window`` tasks are out at once, so a streaming input never piles up
in memory. A worker that stays on one task past the timeout plus a one-second grace period (stuck
in C code, where the worker's own timer cannot reach) is killed: that task becomes a ``timeout`` failure,
the rest of its chunk is sent again, and a fresh worker takes its place. A worker that dies
(a crash in a C extension) fails its current task the same way, with stage ``internal``.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing as mp
import os
import signal
import time
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from multiprocessing.connection import Connection, wait
from typing import Any

from ..model import Failure
from ..sources.base import Task
from .worker import Job, Outcome, work

STOP_SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name)
)
GRACE = 1.0  # past the limit, a worker still on one page is stuck in C code: killed


def _context() -> Any:
    methods = mp.get_all_start_methods()
    return mp.get_context("fork" if "fork" in methods else "spawn")


def _serve(conn: Connection, job: Job, inherited: list[Connection]) -> None:
    for signum in STOP_SIGNALS:  # the parent decides what Ctrl-C, SIGTERM or a hang-up means,
        signal.signal(signum, signal.SIG_IGN)  # and stops the workers itself
    for other in inherited:  # pipe ends forked from the parent: holding them would hide its death
        other.close()
    # Everything alive now (modules, functions, the text caches with their entries) lives as long
    # as the worker: out of the collector's sight, a full collection no longer walks every cache
    # entry. Garbage made later is collected as before; only this process's GC changes.
    gc.freeze()
    parent = os.getppid()
    while True:
        while not conn.poll(1.0):
            if os.getppid() != parent:  # the parent was killed: stop, whatever the pipe says
                return
        try:
            chunk = conn.recv()
        except EOFError:
            return
        if chunk is None:
            return
        for seq, task in chunk:
            outcome = work(task, job)
            try:
                conn.send((seq, outcome))
            except (BrokenPipeError, ConnectionResetError):  # the parent is gone: nothing to report to
                return


@dataclass(slots=True)
class _Worker:
    proc: Any
    conn: Connection
    inflight: deque = field(default_factory=deque)
    since: float = 0.0


class Pool:
    """``workers`` processes running :func:`work` on ``job``; use as a context manager."""

    def __init__(self, job: Job, workers: int, chunk: int = 4, window: int | None = None) -> None:
        self.job, self.size, self.chunk = job, max(1, workers), max(1, chunk)
        self.window = window or max(64, self.size * self.chunk * 4)
        self.ctx = _context()
        self.workers: list[_Worker] = []
        self.hard_timeout = job.timeout + GRACE if job.timeout > 0 else 0.0
        self.restarts = 0

    def __enter__(self) -> Pool:
        for _ in range(self.size):
            self.workers.append(self._spawn())
        return self

    def __exit__(self, *exc: Any) -> None:
        for w in self.workers:
            with contextlib.suppress(OSError, ValueError):
                w.conn.send(None)
        deadline = time.monotonic() + 2.0
        for w in self.workers:
            w.proc.join(max(0.0, deadline - time.monotonic()))
            if w.proc.is_alive():
                w.proc.kill()
                w.proc.join()
            w.conn.close()

    def _spawn(self) -> _Worker:
        parent, child = self.ctx.Pipe()
        inherited = [parent] + [w.conn for w in self.workers] if self.ctx.get_start_method() == "fork" else []
        proc = self.ctx.Process(target=_serve, args=(child, self.job, inherited), daemon=True)
        proc.start()
        child.close()
        return _Worker(proc, parent)

    def _replace(self, w: _Worker, failure: Failure, retry: deque) -> tuple[int, Outcome]:
        """Kill ``w``, fail its current task, queue the rest of its chunk again, respawn."""
        seq, task = w.inflight.popleft()
        retry.extendleft(reversed(w.inflight))
        w.inflight.clear()
        if w.proc.is_alive():
            w.proc.kill()
        w.proc.join()
        w.conn.close()
        self.workers[next(i for i, x in enumerate(self.workers) if x is w)] = self._spawn()
        self.restarts += 1
        return seq, Outcome(task.key, "failed", failure.to_dict())

    def _feed(self, w: _Worker, pull: Any, retry: deque, done: dict) -> None:
        """Send ``w`` up to one chunk: retried tasks first, then new ones while the window allows."""
        chunk = []
        while len(chunk) < self.chunk:
            item = retry.popleft() if retry else pull()
            if item is None:
                break
            chunk.append(item)
        if chunk:
            if not w.inflight:
                w.since = time.monotonic()
            w.inflight.extend(chunk)
            try:
                w.conn.send(chunk)
            except OSError:  # the worker is gone: its first task fails, the rest go to another
                seq, out = self._replace(w, Failure(chunk[0][1].key, "internal", "worker died"), retry)
                done[seq] = out

    def _collect(self, done: dict, retry: deque) -> None:
        if not any(w.inflight for w in self.workers):
            return
        ready = wait([w.conn for w in self.workers if w.inflight], timeout=0.5)
        now = time.monotonic()
        for w in list(self.workers):
            if not w.inflight:
                continue
            if w.conn in ready:
                try:
                    seq, outcome = w.conn.recv()
                except (EOFError, OSError):
                    code = w.proc.exitcode
                    seq, out = self._replace(
                        w, Failure(w.inflight[0][1].key, "internal", f"worker died (exit code {code})"), retry
                    )
                    done[seq] = out
                    continue
                w.inflight.popleft()
                w.since = now
                done[seq] = outcome
            elif self.hard_timeout and now - w.since > self.hard_timeout:
                key = w.inflight[0][1].key
                seq, out = self._replace(
                    w,
                    Failure(key, "timeout", f"timed out after {self.job.timeout:g} s (worker killed)"),
                    retry,
                )
                done[seq] = out

    def run(self, tasks: Iterable[Task]) -> Iterator[Outcome]:
        """Outcomes for ``tasks``, in the order of ``tasks``."""
        source = enumerate(tasks)
        retry: deque = deque()
        done: dict[int, Outcome] = {}
        state = {"issued": 0, "next": 0, "exhausted": False}

        def pull() -> Any:
            if state["exhausted"] or state["issued"] - state["next"] >= self.window:
                return None
            item = next(source, None)
            if item is None:
                state["exhausted"] = True
                return None
            state["issued"] += 1
            return item

        while True:
            for w in list(self.workers):
                if not w.inflight:  # an idle worker is reading: the send never blocks on a full pipe
                    self._feed(w, pull, retry, done)
            idle = not any(w.inflight for w in self.workers) and not retry and not done
            if idle and state["exhausted"]:
                break
            self._collect(done, retry)
            while state["next"] in done:
                yield done.pop(state["next"])
                state["next"] += 1
