"""Inputs from the file system: files, directories (recursive, sorted) and their provenance."""
from __future__ import annotations

import fnmatch
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


def expand(inputs: Sequence[str], include: Sequence[str] = (), exclude: Sequence[str] = ()) -> Iterator[InputRef]:
    """Each named file as is (missing ones too: they become error records); directories walked."""
    for item in inputs:
        p = Path(item)
        if p.is_dir():
            for f in _walk(p, include, exclude):
                yield InputRef(str(f), str(f))
        else:
            yield InputRef(item, item)
