"""One stream of tasks from every input kind, in a deterministic order.

Files found in directories or by globs that are no pages (:mod:`.select`) are skip tasks
(:data:`~.base.SKIPPED_FILE`), counted as ``skipped_files``, never read.
Order: the inputs as given (then the ``--input-list`` entries); directories walked sorted; globs
expanded sorted; WARC records by offset; JSONL lines by number. A path named twice is read once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from typing import BinaryIO

from .base import SKIPPED_FILE, SourceOptions, Task, failed, too_large, within_limit
from .files import examine, expand_found
from .jsonl import is_jsonl, iter_jsonl
from .lists import STDIN, read_list, stdin_task
from .warc import is_warc, iter_warc


def file_tasks(path: str, options: SourceOptions) -> Iterator[Task]:
    """The tasks of one file: its records for WARC/JSONL, else the file itself (read by the worker).
    A FIFO, socket or device is a failure, never opened: it could block or never end."""
    limit = options.max_page_bytes
    reason, size = examine(path)  # one stat per input
    if reason:
        yield failed(path, "read", reason)
    elif is_warc(path):
        yield from (within_limit(t, limit) for t in iter_warc(path, options))
    elif is_jsonl(path):
        yield from (within_limit(t, limit) for t in iter_jsonl(path, options))
    elif reason := too_large(size, limit):
        yield failed(path, "read", reason)
    else:
        yield Task(path, path=path, limit=limit)


def iter_tasks(
    inputs: Sequence[str],
    options: SourceOptions = SourceOptions(),
    listed: Iterable[str] = (),
    stdin: BinaryIO | None = None,
) -> Iterator[Task]:
    """Every task of ``inputs`` (``-`` is a page on stdin) followed by the ``listed`` paths."""
    seen: set[str] = set()
    for group in (inputs, listed):
        for item in group:
            if item == STDIN:
                if STDIN not in seen:
                    seen.add(STDIN)
                    yield within_limit(stdin_task(stdin), options.max_page_bytes)
                continue
            for path, read in expand_found([item], options.include, options.exclude):
                if path not in seen:
                    seen.add(path)
                    yield from file_tasks(path, options) if read else [Task(path, skip=SKIPPED_FILE)]


__all__ = ["SourceOptions", "Task", "file_tasks", "iter_tasks", "read_list"]
