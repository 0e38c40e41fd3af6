"""The batch runner: every input ends as exactly one line in ``index.jsonl`` (exports, including
``no_article``) or ``errors.jsonl`` (failures); one bad page never stops the run.

Outcomes arrive in input order (whatever the executor: inline, process pool or Dask) and are
appended one line each; inputs already exported are skipped (resume), errors are retried, and a
resumed run ends by compacting both files in input order, so the directory is byte-identical to
an uninterrupted run's. ``run.json`` holds the counters and timings.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator

from .._version import __version__
from ..config import Config
from ..model import Document, Failure
from ..sources.base import SKIPPED_FILE, Task
from ..sources.files import InputRef
from .output import append_line, sync_file
from .pool import Pool
from .report import Progress, Summary, now, write_run_json
from .resume import ERRORS, INDEX, compact, count_lines, open_state
from .shards import Shard
from .worker import Job, Outcome, clean_task, work


@dataclass(frozen=True, slots=True)
class RunOptions:
    """How a batch runs. ``parallel``: worker processes (0 = in this process)."""

    parallel: int = field(default_factory=lambda: os.cpu_count() or 1)
    chunk: int = 4
    force: bool = False
    shard: Shard = field(default_factory=Shard)
    quiet: bool = False
    dask_scheduler: str | None = None


def clean_one(ref: InputRef | Task, config: Config) -> Document | Failure:
    """Clean one input (a file reference or a task); errors become a :class:`Failure`."""
    task = ref if isinstance(ref, Task) else Task(ref.label, path=ref.path)
    return clean_task(task, config)


def outcomes(tasks: Iterable[Task], job: Job, options: RunOptions) -> Iterator[Outcome]:
    """The outcome of every task, in order, from the executor the options choose."""
    if options.dask_scheduler:
        from .dask import dask_outcomes

        yield from dask_outcomes(tasks, job, options.dask_scheduler, options.chunk)
    elif options.parallel <= 0:
        yield from (work(task, job) for task in tasks)
    else:
        with Pool(job, options.parallel, options.chunk) as pool:
            yield from pool.run(tasks)


def _todo(tasks: Iterable[Task], options: RunOptions, done: set[str], summary: Summary,
          position: dict[str, int] | None) -> Iterator[Task]:
    for task in tasks:
        if not options.shard.owns(task.key):
            continue
        if task.skip == SKIPPED_FILE:
            summary.skipped_files += 1
            continue
        if task.skip:
            summary.skipped_records[task.skip] = summary.skipped_records.get(task.skip, 0) + 1
            continue
        summary.seen += 1
        if position is not None:
            position.setdefault(task.key, len(position))
        if task.key in done:
            summary.skipped_done += 1
            continue
        yield task


def _meta(job: Job, options: RunOptions, resumed: bool) -> dict:
    executor = "dask" if options.dask_scheduler else ("pool" if options.parallel > 0 else "inline")
    return {"tool": f"archiver {__version__}", "config": job.config.digest(), "formats": list(job.formats),
            "executor": executor, "workers": options.parallel, "timeout": job.timeout,
            "shard": {"index": options.shard.index, "count": options.shard.count}, "resumed": resumed}


def run_batch(tasks: Iterable[Task], job: Job, options: RunOptions = RunOptions(),
              progress: Progress | None = None) -> Summary:
    """Clean ``tasks`` into ``job.out_dir``; return the counters (also written to ``run.json``)."""
    out = Path(job.out_dir)
    state = open_state(out, options.force)
    progress = progress or Progress(quiet=True)
    summary, started, t0 = Summary(), now(), time.perf_counter()
    position: dict[str, int] | None = {} if state.existed else None
    try:
        for outcome in outcomes(_todo(tasks, options, state.done, summary, position), job, options):
            failed = outcome.status == "failed"
            append_line(out / (ERRORS if failed else INDEX), outcome.record, sync=job.sync)
            summary.add(outcome.status, outcome.stage)
            progress.outcome(outcome.key, outcome.record, failed)
            progress.update(summary)
    finally:
        progress.close()
    if position is not None:
        summary.index_lines, summary.error_lines = compact(out, position)
    else:
        summary.index_lines, summary.error_lines = count_lines(out / INDEX), count_lines(out / ERRORS)
        for name in (INDEX, ERRORS):
            sync_file(out / name)
    summary.seconds = time.perf_counter() - t0
    write_run_json(out, summary, _meta(job, options, state.existed), started)
    return summary
