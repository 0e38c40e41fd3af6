"""The unit of work: one task in, one :class:`Outcome` out (files written, index or error record).

Runs the same in the main process, a pool worker or a Dask worker. A per-document timeout is an
interval timer in the worker's main thread around reading, cleaning and rendering: a page still
running when it fires becomes a ``timeout`` failure. A signal cannot stop lxml's C parser, so the
batch runner never runs a timed page in its own process: the pool's watchdog kills a worker stuck
in C code one second past the limit (``--parallel 0`` runs one such worker).
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from ..config import DEFAULT, Config
from ..crawl.profile import SiteProfiles
from ..errors import ArchiverError
from ..model import Document, Failure, RawPage, Source
from ..pipeline import process
from ..sources.base import Task
from ..sources.files import read_page
from .output import index_record, render, write_rendered

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Job:
    """What every worker needs: where to write, which formats, the cleaning config, the timeout,
    and whether each file is flushed to disk (``sync``; renames are atomic either way)."""

    out_dir: str
    formats: tuple[str, ...] = ("md", "json")
    config: Config = field(default=DEFAULT)
    timeout: float = 60.0
    sync: bool = False
    site_profiles: SiteProfiles | None = None  # clean --site-boilerplate / --site-profile (issue 15)


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


def _clean(task: Task, config: Config) -> Document | Failure:
    if task.failure is not None:
        return task.failure
    if task.page is not None:
        return process(task.page, config)
    data = read_page(task.path or task.key, task.limit)
    return process(RawPage(data, Source(kind="auto", path=task.path or task.key, url=task.url)), config)


def _guarded(key: str, timeout: float, run: Callable[[], T]) -> T | Failure:
    """``run()`` under the time limit; any error becomes a :class:`Failure` with a one-line reason."""
    try:
        with time_limit(timeout):
            return run()
    except DocumentTimeout:
        return Failure(key, "timeout", f"timed out after {timeout:g} s")
    except ArchiverError as exc:
        return Failure(key, exc.stage, _one_line(exc) or type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop the batch
        return Failure(key, "internal", f"{type(exc).__name__}: {_one_line(exc)}".rstrip(": "))


def clean_task(task: Task, config: Config, timeout: float = 0) -> Document | Failure:
    """Clean one task; any error becomes a :class:`Failure` with a one-line reason."""
    return _guarded(task.key, timeout, lambda: _clean(task, config))


def _rendered(task: Task, job: Job) -> tuple[Document, dict[str, str]] | Failure:
    """The document and its text in each format: read, cleaned and rendered under one timer."""

    def run() -> tuple[Document, dict[str, str]] | Failure:
        doc = _clean(task, job.config)
        if isinstance(doc, Failure):
            return doc
        if job.site_profiles is not None:  # site boilerplate post-pass (issue 15)
            doc = job.site_profiles.apply(doc)
        return doc, {fmt: render(doc, fmt) for fmt in job.formats}

    return _guarded(task.key, job.timeout, run)


def work(task: Task, job: Job) -> Outcome:
    """Clean ``task``, write its files into ``job.out_dir`` and return its index or error record."""
    result = _rendered(task, job)
    if isinstance(result, Failure):
        return Outcome(task.key, "failed", result.to_dict())
    doc, texts = result
    try:
        outputs = write_rendered(doc.id, texts, Path(job.out_dir), job.sync)
    except OSError as exc:
        return Outcome(task.key, "failed", Failure(task.key, "write", exc.strerror or str(exc)).to_dict())
    return Outcome(task.key, doc.status, index_record(doc, task.key, outputs))
