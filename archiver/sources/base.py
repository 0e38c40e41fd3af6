"""What every source yields: a :class:`Task` per input, identified by a stable ``key``.

A task is one of: a file to read (in the worker), a page already read (WARC record, JSONL line,
stdin), a failure found while reading the container (a truncated WARC record, a malformed JSONL
line), or a record or file skipped on purpose (a non-HTML WARC response; a JSON sidecar found in
a directory, :data:`SKIPPED_FILE`), which is only counted.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Failure, RawPage


@dataclass(frozen=True, slots=True)
class Task:
    """One input. ``key`` is its identity in ``index.jsonl``/``errors.jsonl`` and for resume and shards."""

    key: str
    path: str | None = None
    page: RawPage | None = None
    failure: Failure | None = None
    skip: str | None = None
    url: str | None = None  # the page's URL when the command line gave one (--url, --base-url)
    limit: int = 0  # for a file read in the worker: the most bytes a .gz file may inflate to


SKIPPED_FILE = "file"  # the skip reason of a file found in a directory or by a glob that is no page


MAX_PAGE_BYTES = 20 * 2**20


@dataclass(frozen=True, slots=True)
class SourceOptions:
    """How inputs are found and read.

    include/exclude: globs applied to files found in directories.
    jsonl_html_key/jsonl_url_key: the JSONL fields holding the page and its URL.
    warc_backend: ``"auto"`` (FastWARC when installed, else warcio), ``"warcio"`` or ``"fastwarc"``.
    max_page_bytes: a page larger than this is a failure, not parsed (0: no limit). An lxml tree
    takes several times its page's size; one 500 MB response would take a worker's memory.
    """

    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    jsonl_html_key: str = "html"
    jsonl_url_key: str = "url"
    warc_backend: str = "auto"
    max_page_bytes: int = MAX_PAGE_BYTES  # 20 MiB; trafilatura's limit is 20 MB too


def too_large(size: int, limit: int) -> str | None:
    """The failure reason for a page of ``size`` bytes under ``limit`` (0: none), or None."""
    if not limit or size <= limit:
        return None
    return f"page too large: {size:,} bytes, over the limit of {limit:,} (--max-page-bytes)"


def within_limit(task: Task, limit: int) -> Task:
    """``task``, or a failure in its place when the page it holds is over ``limit`` bytes."""
    if task.page is None:
        return task
    data = task.page.data
    if isinstance(data, str) and limit and len(data) > limit:  # every character is a byte or more:
        reason = f"page too large: over {limit:,} bytes, the limit (--max-page-bytes)"  # no copy to count
    else:
        size = len(data) if isinstance(data, bytes) else len(data.encode("utf-8", "surrogatepass"))
        reason = too_large(size, limit)
    return failed(task.key, "read", reason) if reason else task


def member_key(path: str, marker: str, member: int | str) -> str:
    """The key of one record of the container ``path``: ``feed.jsonl/:3`` (line 3),
    ``crawl.warc.gz/#1234`` (the record at offset 1234). The ``/`` makes it a name no input file
    can have (a file under ``feed.jsonl/`` needs ``feed.jsonl`` to be a directory, not a feed), so
    a file named ``feed.jsonl:3`` is never taken for line 3 of ``feed.jsonl``."""
    return f"{path}/{marker}{member}"


REASON_MAX = 300


def one_line(reason: str, limit: int = REASON_MAX) -> str:
    """``reason`` as one line of at most ``limit`` characters (an error record never carries the
    bytes of a damaged input, however long its "first line" was)."""
    text = " ".join(reason[: limit * 4].split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def failed(key: str, stage: str, reason: str) -> Task:
    """A task that is already a failure (found while reading the container)."""
    return Task(key, failure=Failure(key, stage, one_line(reason) or stage))
