"""What the progress bar counts towards, known before the run without reading any input.

- Files, directories, globs and ``--input-list`` entries (and ``-``): one document each, so the
  total is the number of paths this shard owns (directories are walked, nothing is opened).
- When a WARC or JSONL file is among the inputs the number of records is unknown until read, so
  the bar counts bytes: every input's file size (``stat``), and a :class:`Clock` turns each task
  into how far the reading has got — a file's whole size once its task is out, a WARC record's
  offset in its file (exact, compressed bytes for ``.warc.gz``), a JSONL line's estimated share
  (the page text's length; scaled by the gzip trailer's inflated size for ``.gz``).

The bar shows the position of the latest outcome, so its rate and ETA follow finished work.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from ..sources.base import SourceOptions, Task
from ..sources.files import expand_paths
from ..sources.jsonl import is_jsonl
from ..sources.lists import STDIN
from ..sources.warc import is_warc
from .resume import split_key
from .shards import Shard


@dataclass(frozen=True, slots=True)
class Plan:
    """``unit`` is ``"doc"`` or ``"B"``; ``total`` what a finished run reaches; ``sizes`` the
    bytes of each input path (byte plans only)."""

    unit: str
    total: int
    sizes: dict[str, int] = field(default_factory=dict)


def _paths(inputs: Iterable[str], options: SourceOptions) -> list[str]:
    seen: dict[str, None] = {}
    for item in inputs:
        if item == STDIN:
            seen.setdefault(STDIN)
            continue
        for path in expand_paths([item], options.include, options.exclude):
            seen.setdefault(path)
    return list(seen)


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except (OSError, ValueError):
        return 0


def plan(
    inputs: Sequence[str],
    options: SourceOptions = SourceOptions(),
    listed: Iterable[str] = (),
    shard: Shard = Shard(),
) -> Plan:
    """The total of a run over ``inputs`` then ``listed`` (as :func:`iter_tasks` names them)."""
    paths = _paths([*inputs, *listed], options)
    if not any(is_warc(p) or is_jsonl(p) for p in paths):
        return Plan("doc", sum(1 for p in paths if shard.owns(p)))
    sizes = {p: (1 if p == STDIN else _size(p)) for p in paths}
    return Plan("B", sum(sizes.values()), sizes)


def gzip_inflated_size(path: str) -> int | None:
    """The inflated size a gzip file's trailer records (ISIZE: mod 2**32, last member), or None."""
    try:
        with open(path, "rb") as fh:
            fh.seek(-4, os.SEEK_END)
            size = int.from_bytes(fh.read(4), "little")
    except OSError:
        return None
    return size or None


class Clock:
    """Positions on the bar: :meth:`mark` each task in input order, get where the bar stands
    once that task's outcome is in."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        self.count = 0
        self.base = 0  # bytes of the inputs before the current one
        self.current: str | None = None
        self.within = 0.0
        self.scale = 1.0

    def _enter(self, path: str) -> None:
        if path == self.current:
            return
        if self.current is not None:
            self.base += self.plan.sizes.get(self.current, 0)
        self.current, self.within, self.scale = path, 0.0, 1.0
        if is_jsonl(path) and path.lower().endswith(".gz"):
            inflated = gzip_inflated_size(path)
            self.scale = self.plan.sizes.get(path, 0) / inflated if inflated else 1.0

    def mark(self, task: Task, owned: bool = True) -> int:
        """The bar's position once ``task`` (and every task before it) is done; ``owned``: the
        task is this shard's (a document plan counts only those; bytes are read either way)."""
        if self.plan.unit == "doc":
            self.count += owned
            return self.count
        parts = split_key(task.key)
        path = parts[0] if parts and (is_warc(parts[0]) or is_jsonl(parts[0])) else task.key
        self._enter(path)
        size = self.plan.sizes.get(path, 0)
        if path == task.key:
            self.within = size
        elif parts[1] == "#" and parts[2].isdigit():
            self.within = max(self.within, int(parts[2]))
        elif task.page is not None:
            data = task.page.data
            self.within += len(data) * self.scale + 1
        return self.base + min(int(self.within), max(0, size - 1) if path != task.key else size)


__all__ = ["Clock", "Plan", "plan"]
