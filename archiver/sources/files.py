"""Inputs from the file system: files, directories (recursive, sorted), globs, and their provenance."""

from __future__ import annotations

import glob
import os
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from .inflate import read_gzip_file
from .select import chosen


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input before it is read: a label for reports and how to read it."""

    label: str
    path: str


def _walk(directory: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[tuple[Path, bool]]:
    """Files under ``directory``, sorted, hidden ones skipped, each with whether it is read
    (:func:`.select.chosen`); a directory that cannot be listed is yielded itself, in its place,
    so it becomes an error record instead of vanishing."""
    unlisted: list[OSError] = []
    for dirpath, dirnames, filenames in os.walk(directory, onerror=unlisted.append):
        while unlisted:
            yield Path(unlisted.pop(0).filename), True
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            path = os.path.join(dirpath, name)
            yield Path(path), chosen(path, os.path.relpath(path, directory), include, exclude)
    yield from ((Path(err.filename), True) for err in unlisted)


def listing_problem(path: str) -> str | None:
    """Why the directory ``path`` cannot be listed, or None when it can."""
    try:
        with os.scandir(path):
            return None
    except OSError as exc:
        return f"directory cannot be listed: {exc.strerror or exc}"


_KINDS = (
    (stat.S_ISFIFO, "a FIFO"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


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
    return next(
        (f"not a regular file ({name})" for test, name in _KINDS if test(st.st_mode)), None
    ), st.st_size


def not_regular(path: str) -> str | None:
    """:func:`examine`'s reason alone."""
    return examine(path)[0]


def is_glob(item: str) -> bool:
    """True when ``item`` holds glob magic and names no existing path (so the tool expands it)."""
    return glob.has_magic(item) and not os.path.lexists(item)


def expand_found(
    inputs: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[tuple[str, bool]]:
    """Paths in a deterministic order, each with whether it is read: files as named (always read;
    missing ones too: they become error records), directories walked (sorted, hidden entries
    skipped), globs expanded (sorted, ``**`` recursive); files found in a directory or by a glob
    are read when :func:`.select.chosen` says so, else skipped (and counted by the caller). A glob
    matching nothing is yielded as is so it is reported."""
    for item in inputs:
        globbed = is_glob(item)
        matches = sorted(glob.glob(item, recursive=True)) if globbed else [item]
        for m in matches or [item]:
            p = Path(m)
            if p.is_dir():
                yield from ((str(f), ok) for f, ok in _walk(p, include, exclude))
            else:
                yield m, not (globbed and matches) or chosen(m, m, include, exclude)


def expand_paths(
    inputs: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()
) -> Iterator[str]:
    """The paths of :func:`expand_found` that are read."""
    return (path for path, ok in expand_found(inputs, include, exclude) if ok)


def read_page(path: str, limit: int = 0) -> bytes:
    """A page file's bytes; a ``.gz`` file inflated through the bounded reader (at most ``limit``
    bytes out, else :class:`~.inflate.TooLarge`). OS errors become one-line ``InputError`` reasons."""
    from ..api import read_file

    if not path.lower().endswith(".gz"):
        return read_file(path)
    if reason := not_regular(path):
        raise InputError(reason)
    try:
        return read_gzip_file(path, limit)
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except IsADirectoryError:
        raise InputError("is a directory") from None
    except OSError as exc:
        raise InputError(f"unreadable ({exc.strerror or exc})") from None
