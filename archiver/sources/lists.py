"""Inputs named indirectly: a file listing paths (``--input-list``) and ``-`` for a page on stdin."""

from __future__ import annotations

import sys
from typing import BinaryIO

from ..model import RawPage, Source
from .base import Task, failed

STDIN = "-"


def read_list(path: str, stdin: BinaryIO | None = None) -> list[str]:
    """Paths listed one a line in ``path`` (``-``: stdin); blank lines, ``#`` comments and a UTF-8
    byte-order mark skipped.

    Raises OSError at once when the list itself cannot be read (a usage error, not one input's
    failure), so it is reported before the run starts.
    """
    if path == STDIN:
        raw = (stdin or sys.stdin.buffer).read()
    else:
        with open(path, "rb") as fh:
            raw = fh.read()
    items = (line.strip() for line in raw.decode("utf-8-sig", errors="surrogateescape").splitlines())
    return [item for item in items if item and not item.startswith("#")]


def stdin_task(stdin: BinaryIO | None = None) -> Task:
    """The page given on standard input, as one task with key ``-``."""
    try:
        data = (stdin or sys.stdin.buffer).read()
    except OSError as exc:
        return failed(STDIN, "read", f"unreadable stdin ({exc.strerror or exc})")
    return Task(STDIN, page=RawPage(data, Source(kind="auto")))
