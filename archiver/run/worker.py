"""The unit of work: one task in, one :class:`Outcome` out (files written, index or error record).

Runs the same in the main process, a pool worker or a Dask worker. A per-document timeout is an
interval timer in the worker's main thread: a page still running when it fires becomes a
``timeout`` failure (the pool's watchdog also kills a worker stuck in C code past a grace period).
"""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ..api import read_file
from ..config import DEFAULT, Config
from ..errors import ArchiverError
from ..model import Document, Failure, RawPage, Source
from ..pipeline import process
from ..sources.base import Task
from .output import index_record, write_document


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs: where to write, which formats, the cleaning config, the timeout,
    and whether each file is flushed to disk (``sync``; renames are atomic either way)."""

    out_dir: str
    formats: tuple[str, ...] = ("md", "json")
    config: Config = field(default=DEFAULT)
    timeout: float = 60.0
    sync: bool = False


@dataclass(frozen=True, slots=True)
class Outcome:
    """The result for one task: ``status`` is ``ok``, ``no_article`` or ``failed``."""

    key: str
    status: str
    record: dict[str, Any]

    @property
    def stage(self) -> str | None:
        return self.record.get("stage") if self.status == "failed" else None


class DocumentTimeout(BaseException):
    """Raised in the worker when a page runs past the timeout (BaseException: not swallowed)."""


def _alarm(signum: int, frame: Any) -> None:
    raise DocumentTimeout()


@contextmanager
def time_limit(seconds: float) -> Iterator[None]:
    """Raise :class:`DocumentTimeout` after ``seconds`` (no-op outside the main thread or for 0)."""
    if seconds <= 0 or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _one_line(exc: BaseException) -> str:
    text = str(exc).splitlines()[0] if str(exc) else ""
    return text


def clean_task(task: Task, config: Config, timeout: float = 0) -> Document | Failure:
    """Clean one task; any error becomes a :class:`Failure` with a one-line reason."""
    if task.failure is not None:
        return task.failure
    try:
        with time_limit(timeout):
            if task.page is not None:
                return process(task.page, config)
            data = read_file(task.path or task.key)
            return process(RawPage(data, Source(kind="auto", path=task.path or task.key, url=task.url)), config)
    except DocumentTimeout:
        return Failure(task.key, "timeout", f"timed out after {timeout:g} s")
    except ArchiverError as exc:
        return Failure(task.key, exc.stage, _one_line(exc) or type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop the batch
        return Failure(task.key, "internal", f"{type(exc).__name__}: {_one_line(exc)}".rstrip(": "))


def work(task: Task, job: Job) -> Outcome:
    """Clean ``task``, write its files into ``job.out_dir`` and return its index or error record."""
    result = clean_task(task, job.config, job.timeout)
    if isinstance(result, Failure):
        return Outcome(task.key, "failed", result.to_dict())
    try:
        outputs = write_document(result, Path(job.out_dir), job.formats, job.sync)
    except OSError as exc:
        return Outcome(task.key, "failed", Failure(task.key, "write", exc.strerror or str(exc)).to_dict())
    return Outcome(task.key, result.status, index_record(result, task.key, outputs))
