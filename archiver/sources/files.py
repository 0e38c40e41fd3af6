"""Inputs from the file system: files, directories (recursive, sorted), globs, and their provenance."""
from __future__ import annotations

import fnmatch
import glob
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence


@dataclass(frozen=True, slots=True)
class InputRef:
    """One input before it is read: a label for reports and how to read it."""

    label: str
    path: str


def _walk(directory: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(directory):
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
