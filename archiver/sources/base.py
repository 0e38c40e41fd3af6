"""What every source yields: a :class:`Task` per input, identified by a stable ``key``.

A task is one of: a file to read (in the worker), a page already read (WARC record, JSONL line,
stdin), a failure found while reading the container (a truncated WARC record, a malformed JSONL
line), or a record skipped on purpose (a non-HTML WARC response), which is only counted.
"""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Failure
from ..pipeline import RawPage


@dataclass(frozen=True, slots=True)
class Task:
    """One input. ``key`` is its identity in ``index.jsonl``/``errors.jsonl`` and for resume and shards."""

    key: str
    path: str | None = None
    page: RawPage | None = None
    failure: Failure | None = None
    skip: str | None = None


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How inputs are found and read.

    include/exclude: globs applied to files found in directories.
    jsonl_html_key/jsonl_url_key: the JSONL fields holding the page and its URL.
    warc_backend: ``"auto"`` (FastWARC when installed, else warcio), ``"warcio"`` or ``"fastwarc"``.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jsonl_html_key: str = "html"
    jsonl_url_key: str = "url"
    warc_backend: str = "auto"


def failed(key: str, stage: str, reason: str) -> Task:
    """A task that is already a failure (found while reading the container)."""
    return Task(key, failure=Failure(key, stage, reason.splitlines()[0] if reason else stage))
