"""``clean --url URL`` (one input) and ``clean --base-url BASE`` (a directory: URL = BASE + the
file's path relative to the directory, percent-encoded). A page that already carries its URL (a
WARC or JSONL record) keeps it."""

from __future__ import annotations

import argparse
import dataclasses
import os
from collections.abc import Iterable, Iterator, Sequence
from pathlib import PurePath
from urllib.parse import quote, urlsplit

from ..sources.base import Task


def absolute_url(value: str) -> str:
    """An argparse type: an absolute http(s) URL."""
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        raise argparse.ArgumentTypeError(f"not an absolute http(s) URL: {value!r}")
    return value


def _relative(path: str, directories: Sequence[str]) -> str:
    """``path`` relative to the input directory holding it (the deepest one), else as given."""
    best = None
    for directory in directories:
        rel = os.path.relpath(path, directory)
        if not rel.startswith(os.pardir) and (best is None or len(rel) < len(best)):
            best = rel
    return PurePath(best if best is not None else path).as_posix().lstrip("/")


def url_under(base: str, path: str, directories: Sequence[str]) -> str:
    """The URL of ``path`` under ``base``."""
    return base.rstrip("/") + "/" + quote(_relative(path, directories), safe="/")


def _with_url(task: Task, url: str) -> Task:
    if task.page is not None:
        if task.page.source.url:
            return task
        source = dataclasses.replace(task.page.source, url=url)
        return dataclasses.replace(task, page=dataclasses.replace(task.page, source=source))
    if task.path is None or task.failure is not None or task.skip:
        return task
    return dataclasses.replace(task, url=url)


def with_urls(
    tasks: Iterable[Task], url: str | None, base_url: str | None, inputs: Sequence[str]
) -> Iterator[Task]:
    """``tasks`` with the URL each page gets from ``--url`` or ``--base-url``."""
    if url is None and base_url is None:
        yield from tasks
        return
    directories = [i for i in inputs if os.path.isdir(i)]
    for task in tasks:
        if url is not None:
            yield _with_url(task, url)
        elif base_url is not None and task.page is None and task.path is not None:
            yield _with_url(task, url_under(base_url, task.path, directories))
        else:
            yield task
