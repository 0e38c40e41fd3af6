"""Inputs from the file system: files, directories (recursive, sorted), globs, and their provenance."""
from __future__ import annotations

import fnmatch
import glob
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input before it is read: a label for reports and how to read it."""

    label: str
    path: str


def _walk(directory: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    """Files under ``directory``, sorted, hidden ones skipped; a directory that cannot be listed
    is yielded itself, in its place, so it becomes an error record instead of vanishing."""
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(directory, onerror=unlisted.append):
        while unlisted:
            yield Path(unlisted.pop(0).filename)
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            rel = os.path.relpath(os.path.join(dirpath, name), directory)
            if include and not any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in include):
                continue
            if any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in exclude):
                continue
            yield Path(dirpath) / name
    yield from (Path(err.filename) for err in unlisted)


def listing_problem(path: str) -> str | None:
    """Why the directory ``path`` cannot be listed, or None when it can."""
    try:
        with os.scandir(path):
            return None
    except OSError as exc:
        return f"directory cannot be listed: {exc.strerror or exc}"


_KINDS = ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a character device"),
          (stat.S_ISBLK, "a block device"))


def examine(path: str) -> tuple[str | None, int]:
    """From one ``stat``: why ``path`` must not be read as a page (a FIFO would block,
    ``/dev/zero`` never ends, a directory that cannot be listed), or None; and its size in bytes.
    A path that cannot be examined gives (None, 0): reading it says why."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None, 0
    if stat.S_ISDIR(st.st_mode):
        return listing_problem(path), 0
    return next((f"not a regular file ({name})" for test, name in _KINDS if test(st.st_mode)), None), st.st_size


def not_regular(path: str) -> str | None:
    """:func:`examine`'s reason alone."""
    return examine(path)[0]


def is_glob(item: str) -> bool:
    """True when ``item`` holds glob magic and names no existing path (so the tool expands it)."""
    return glob.has_magic(item) and not os.path.lexists(item)


def expand_paths(inputs: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[str]:
    """Paths in a deterministic order: files as named (missing ones too: they become error
    records), directories walked (sorted, hidden entries skipped), globs expanded (sorted, ``**``
    recursive); a glob matching nothing is yielded as is so it is reported."""
    for item in inputs:
        matches = sorted(glob.glob(item, recursive=True)) if is_glob(item) else [item]
        for m in matches or [item]:
            p = Path(m)
            if p.is_dir():
                yield from (str(f) for f in _walk(p, include, exclude))
            else:
                yield m


def expand(inputs: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[InputRef]:
    """:func:`expand_paths` as :class:`InputRef` items."""
    for path in expand_paths(inputs, include, exclude):
        yield InputRef(path, path)
