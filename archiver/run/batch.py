"""The batch runner: every input ends as exactly one line in ``index.jsonl`` (exports, including
``no_article``) or ``errors.jsonl`` (failures); one bad page never stops the run.

Outcomes arrive in input order (whatever the executor: inline, process pool or Dask) and are
appended one line each; inputs already exported are skipped (resume), errors are retried, and
every run ends by compacting both files in one canonical order (by input name), so the directory
is byte-identical to an uninterrupted run's, whatever the order the inputs were named in.
``run.json`` holds the counters and timings.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from .._version import __version__
from ..config import Config
from ..model import Document, Failure
from ..sources.base import SKIPPED_FILE, Task
from ..sources.files import InputRef
from .output import WriteFailure, append_line
from .pool import Pool
from .report import Progress, Summary, now, write_run_json
from .resume import ERRORS, INDEX, compact, count_lines, open_state
from .shards import Shard
from .worker import Job, Outcome, clean_task, work


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a batch runs. ``parallel``: worker processes (0: one page at a time, in one watchdog
    worker when there is a timeout, since no signal can stop lxml's C parser; in this process
    without one)."""

    parallel: int = field(default_factory=lambda: os.cpu_count() or 1)
    chunk: int = 4
    force: bool = False
    shard: Shard = field(default_factory=Shard)
    quiet: bool = False
    dask_scheduler: str | None = None


class Stopped(KeyboardInterrupt):
    """The run was stopped by a signal (SIGINT, SIGTERM, SIGHUP): handled like Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum, self.reason = signum, signal.Signals(signum).name


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within: SIGINT, SIGTERM and SIGHUP raise :class:`Stopped` in the main thread, once (a
    second signal while the run winds down is ignored, so it cannot cut run.json short)."""
    names = ("SIGINT", "SIGTERM", "SIGHUP")
    signums = [getattr(signal, n) for n in names if hasattr(signal, n)]

    def handler(signum: int, frame: object) -> None:
        for s in signums:
            signal.signal(s, signal.SIG_IGN)
        raise Stopped(signum)

    previous = {s: signal.signal(s, handler) for s in signums}
    try:
        yield
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


@contextmanager
def deferred_signals() -> Iterator[list[int]]:
    """Within: SIGINT, SIGTERM and SIGHUP are only noted (in the list yielded), so the run's wind-down
    (stopping the workers, writing ``run.json``) cannot be cut short; the caller raises
    :class:`Stopped` for the first one afterwards. Off the main thread nothing changes."""
    import threading

    got: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield got
        return
    signums = [getattr(signal, n) for n in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, n)]
    previous = {s: signal.getsignal(s) for s in signums}
    for s, h in previous.items():
        if h is not signal.SIG_IGN:  # a signal ignored (a second one while stopping) stays ignored
            signal.signal(s, lambda signum, frame: got.append(signum))
    try:
        yield got
    finally:
        for s, h in previous.items():
            signal.signal(s, h)


def clean_one(ref: InputRef | Task, config: Config, timeout: float = 0) -> Document | Failure:
    """Clean one input (a file reference or a task); errors, and a run past ``timeout`` seconds
    (0: none), become a :class:`Failure`."""
    task = ref if isinstance(ref, Task) else Task(ref.label, path=ref.path)
    return clean_task(task, config, timeout)


def outcomes(tasks: Iterable[Task], job: Job, options: RunOptions) -> Iterator[Outcome]:
    """The outcome of every task, in order, from the executor the options choose."""
    if options.dask_scheduler:
        from .dask import dask_outcomes

        yield from dask_outcomes(tasks, job, options.dask_scheduler, options.chunk)
    elif options.parallel <= 0 and job.timeout <= 0:
        yield from (work(task, job) for task in tasks)
    else:
        with Pool(job, max(1, options.parallel), options.chunk) as pool:
            yield from pool.run(tasks)


def _todo(
    tasks: Iterable[Task], options: RunOptions, done: set[str], summary: Summary, progress: Progress
) -> Iterator[Task]:
    for task in tasks:
        owned = options.shard.owns(task.key)
        progress.mark(task, owned and not task.skip)
        if not owned:
            continue
        if task.skip == SKIPPED_FILE:
            summary.skipped_files += 1
            continue
        if task.skip:
            summary.skipped_records[task.skip] = summary.skipped_records.get(task.skip, 0) + 1
            continue
        if task.key in done:
            summary.seen += 1
            summary.skipped_done += 1
            continue
        yield task


def _meta(job: Job, options: RunOptions, resumed: bool) -> dict:
    inline = options.parallel <= 0 and job.timeout <= 0
    executor = "dask" if options.dask_scheduler else ("inline" if inline else "pool")
    return {
        "tool": f"archiver {__version__}",
        "config": job.config.digest(),
        "formats": list(job.formats),
        "executor": executor,
        "workers": options.parallel,
        "timeout": job.timeout,
        "shard": {"index": options.shard.index, "count": options.shard.count},
        "resumed": resumed,
    }


def _record(out: Path, outcome: Outcome, job: Job, summary: Summary, progress: Progress) -> None:
    """Append one outcome's line and count it; a document that could not be written stops the run
    (a full or read-only disk is no input's fault: the rerun does that input again)."""
    if outcome.stage == "write":
        raise WriteFailure(out, outcome.record.get("reason") or "write failed")
    failed = outcome.status == "failed"
    append_line(out / (ERRORS if failed else INDEX), outcome.record, sync=job.sync)
    summary.seen += 1
    summary.add(outcome.status, outcome.stage)
    progress.outcome(outcome.key, outcome.record, failed)
    progress.update(summary, outcome.key)


def _stop_reason(exc: BaseException) -> str:
    if isinstance(exc, WriteFailure):
        return str(exc)
    return getattr(exc, "reason", None) or "interrupted"


def run_batch(
    tasks: Iterable[Task], job: Job, options: RunOptions = RunOptions(), progress: Progress | None = None
) -> Summary:
    """Clean ``tasks`` into ``job.out_dir``; return the counters (also written to ``run.json``).

    However the run ends (an interrupt, a signal turned into one, a :class:`WriteFailure`), the
    workers are stopped and ``run.json`` is written on the way out, with ``stopped`` saying why;
    the counters cover the outcomes recorded (``seen = skipped_done + exported + no_article + failed``)."""
    out = Path(job.out_dir)
    state = open_state(out, options.force)
    progress = progress or Progress(quiet=True)
    summary, started, t0 = Summary(), now(), time.perf_counter()
    stream = outcomes(_todo(tasks, options, state.done, summary, progress), job, options)
    meta = _meta(job, options, state.existed)
    completed = False
    try:
        for outcome in stream:
            _record(out, outcome, job, summary, progress)
        progress.finish()
        completed = True
    except BaseException as exc:
        meta["stopped"] = _stop_reason(exc)
        raise
    finally:
        with deferred_signals() as got:  # a signal now is noted: the wind-down always writes run.json
            stream.close()  # stops the workers (the pool's exit) before anything else is written
            progress.close()
            summary.seconds = time.perf_counter() - t0
            if got and "stopped" not in meta:
                meta["stopped"] = signal.Signals(got[0]).name
            _finish(out, summary, meta, started)
        if got and completed:  # else the exception that ended the run goes on (run.json names it)
            raise Stopped(got[0])
    return summary


def _finish(out: Path, summary: Summary, meta: dict, started: float) -> None:
    """Compact the logs (a completed run only: a stopped run's lines are whole and resumable as
    they are) and write ``run.json``; after a failure, a second one here does not hide the first."""
    try:
        if "stopped" not in meta:
            summary.index_lines, summary.error_lines = compact(out)
        else:
            summary.index_lines, summary.error_lines = count_lines(out / INDEX), count_lines(out / ERRORS)
        write_run_json(out, summary, meta, started)
    except OSError as exc:
        if "stopped" not in meta:
            raise WriteFailure(out, exc) from None
