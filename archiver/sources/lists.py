"""Inputs named indirectly: a file listing paths (``--input-list``) and ``-`` for a page on stdin."""
from __future__ import annotations

import sys
from typing import BinaryIO, Iterator

from ..model import Source
from ..pipeline import RawPage
from .base import Task, failed

STDIN = "-"


def read_list(path: str, stdin: BinaryIO | None = None) -> Iterator[str]:
    """Paths listed one a line in ``path`` (``-``: stdin); blank lines and ``#`` comments skipped.

    Raises OSError when the list itself cannot be read (a usage error, not one input's failure).
    """
    if path == STDIN:
        raw = (stdin or sys.stdin.buffer).read()
    else:
        with open(path, "rb") as fh:
            raw = fh.read()
    for line in raw.decode("utf-8", errors="surrogateescape").splitlines():
        item = line.strip()
        if item and not item.startswith("#"):
            yield item


def stdin_task(stdin: BinaryIO | None = None) -> Task:
    """The page given on standard input, as one task with key ``-``."""
    try:
        data = (stdin or sys.stdin.buffer).read()
    except OSError as exc:
        return failed(STDIN, "read", f"unreadable stdin ({exc.strerror or exc})")
    return Task(STDIN, page=RawPage(data, Source(kind="auto")))
