"""Resume: what an export directory already holds, and the final compaction in input order.

``index.jsonl`` lines are done for good: a rerun skips their inputs. ``errors.jsonl`` lines are
retried. Lines are appended as outcomes arrive (one write each, so a kill never leaves half a
line; a torn last line is ignored and its input redone). At the end of a run that started from an
existing directory both files are rewritten atomically in input order, keeping for each input
exactly one line: its export if it has one, else its latest error.

Every run ends with that compaction, in one canonical order (:func:`order_key`: by input name,
records of a container by number), so the same inputs give the same files whatever order they
were named in, the workers' timing, the shard split (``merge`` sorts the same way) or a rerun.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from .output import atomic_write, check_regular, open_regular

INDEX, ERRORS, RUN = "index.jsonl", "errors.jsonl", "run.json"
_MEMBER = re.compile(r"(.*)/([:#])(\d+(?:\+\d+)?|error)", re.S)


def split_key(key: str) -> tuple[str, str, str] | None:
    """``(container path, marker, member)`` of a container record's key (``feed.jsonl/:10`` ->
    ``("feed.jsonl", ":", "10")``; ``crawl.warc.gz/#1234+567`` for a record or damage inside a
    gzip member after its first record; see :func:`archiver.sources.base.member_key`), else None."""
    m = _MEMBER.fullmatch(key)
    return (m[1], m[2], m[3]) if m else None


def order_key(key: str) -> tuple[str, int, int]:
    """Where the input ``key`` goes in index.jsonl and errors.jsonl: files by name, and the
    records of a container (``feed.jsonl/:10``) after the container's name, by number (and a
    record or damage inside a WARC's gzip member, ``crawl.warc.gz/#1234+567``, by its place there)."""
    parts = split_key(key)
    if parts is None:
        return key, -1, 0
    number, _, inner = parts[2].partition("+")
    return parts[0], int(number) if number.isdigit() else 1 << 62, int(inner or 0)


def sorted_lines(lines: dict[str, str]) -> str:
    """The file body of ``{key: line}`` in canonical order."""
    return "".join(lines[k] + "\n" for k in sorted(lines, key=lambda k: (order_key(k), k)))


def read_lines(path: Path) -> Iterator[tuple[str, str]]:
    """``(source key, line)`` for every complete, parseable line of a JSONL index or error file."""
    try:
        fd = open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return
    with os.fdopen(fd, "rb") as fh:
        raw = fh.read()
    for line in raw.decode("utf-8", errors="replace").split("\n"):
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict) and isinstance(record.get("source"), str):
            yield record["source"], line


@dataclass(slots=True)
class State:
    """What a previous run left: inputs exported (skip them) and whether anything was there."""

    done: set[str] = field(default_factory=set)
    existed: bool = False


def drop_torn_tail(path: Path) -> None:
    """Cut a last line without its newline (a write cut short) so appends start on a fresh line."""
    try:
        fd = open_regular(path, os.O_RDWR)
    except FileNotFoundError:
        return
    with os.fdopen(fd, "rb+") as fh:
        fh.truncate(_complete_size(fh))


def _complete_size(fh: BinaryIO) -> int:
    """The size of ``fh`` up to and including its last newline."""
    size = fh.seek(0, os.SEEK_END)
    pos = size
    while pos > 0:
        step = min(65536, pos)
        fh.seek(pos - step)
        cut = fh.read(step).rfind(b"\n")
        if cut >= 0:
            return pos - step + cut + 1
        pos -= step
    return 0


def open_state(out_dir: Path, force: bool) -> State:
    """Prepare ``out_dir`` for a run: remove stale temporary files; with ``force`` start afresh.
    Raises :class:`UnsafeOutput` when index.jsonl or errors.jsonl is a link or not a regular file."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for name in (INDEX, ERRORS):
        check_regular(out_dir / name)
    for tmp in out_dir.glob(".*.tmp"):
        tmp.unlink(missing_ok=True)
    if force:
        for name in (INDEX, ERRORS):
            (out_dir / name).unlink(missing_ok=True)
        _touch(out_dir)
        return State()
    existed = any((out_dir / name).exists() for name in (INDEX, ERRORS))
    for name in (INDEX, ERRORS):
        drop_torn_tail(out_dir / name)
    _touch(out_dir)
    return State({key for key, _ in read_lines(out_dir / INDEX)}, existed)


def _touch(out_dir: Path) -> None:
    """Both files always exist in an export, so an empty errors.jsonl says "no errors" plainly."""
    for name in (INDEX, ERRORS):
        os.close(open_regular(out_dir / name, os.O_WRONLY | os.O_CREAT))


def compact(out_dir: Path) -> tuple[int, int]:
    """Rewrite index and errors in canonical order, one line per input; return their line counts."""
    index: dict[str, str] = {}
    for key, line in read_lines(out_dir / INDEX):
        index.setdefault(key, line)
    errors: dict[str, str] = {}
    for key, line in read_lines(out_dir / ERRORS):
        if key not in index:
            errors[key] = line  # the latest error for an input wins
    for name, lines in ((INDEX, index), (ERRORS, errors)):
        atomic_write(out_dir / name, sorted_lines(lines))
    return len(index), len(errors)


def count_lines(path: Path) -> int:
    """Complete lines in ``path`` (0 when absent)."""
    try:
        fd = open_regular(path, os.O_RDONLY)
    except FileNotFoundError:
        return 0
    with os.fdopen(fd, "rb") as fh:
        return sum(1 for _ in fh)


__all__ = [
    "ERRORS",
    "INDEX",
    "RUN",
    "State",
    "compact",
    "count_lines",
    "open_state",
    "order_key",
    "read_lines",
    "sorted_lines",
    "split_key",
]
