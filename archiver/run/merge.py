"""``archiver merge OUT SHARD_DIR...``: join shards' exports into one directory.

Document files are linked (or copied) into ``OUT``; ``index.jsonl`` is the shards' indexes, one
line per input (the first directory that has it wins: an existing ``OUT`` first, then the shards
in the order given), sorted in the canonical order of an unsharded run; ``errors.jsonl`` keeps, per input,
the last error of an input no shard exported. Both are written atomically; the result is the
same whatever was in ``OUT`` from an earlier, interrupted merge.

Only regular files named like documents (``<16 hex>.<format>``) are placed: a symbolic link
(which ``os.link`` would copy as a link, and ``bag`` then follow out of the export), a name that
leaves the shard (``../x``) or an index that is itself a link is skipped, each with its reason.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from .output import DOCUMENT_FILE, UnsafeOutput, atomic_write, check_regular, open_regular
from .resume import ERRORS, INDEX, read_lines, sorted_lines


@dataclass(frozen=True, slots=True)
class MergeSummary:
    shards: int
    documents: int
    errors: int
    files: int
    skipped: tuple[str, ...] = ()

    def line(self) -> str:
        return (
            f"archiver: merged {self.shards} shard(s): {self.documents} documents, "
            f"{self.errors} errors, {self.files} files"
        )


def _same(src: Path, dst: Path) -> bool:
    """Whether ``dst`` is already a regular file with ``src``'s bytes (a link there never is)."""
    try:
        check_regular(dst)
        fd = open_regular(dst, os.O_RDONLY)
    except OSError:
        return False
    with os.fdopen(fd, "rb") as fh:
        return os.fstat(fh.fileno()).st_size == src.stat().st_size and fh.read() == src.read_bytes()


def _place(src: Path, dst: Path) -> bool:
    """Link or copy the regular file ``src`` to ``dst`` unless an identical file is there; True
    when placed. The rename replaces whatever ``dst`` was (a planted link too) without following it."""
    check_regular(src)
    if _same(src, dst):
        return False
    tmp = dst.with_name(f".{dst.name}.merge.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(src, tmp, follow_symlinks=False)
    except OSError:
        shutil.copyfile(src, tmp, follow_symlinks=False)
    os.replace(tmp, dst)
    return True


def _documents(d: Path, line: str, skipped: list[str]) -> list[Path]:
    """The document files an index line of shard ``d`` names, those that are safe to place."""
    found = []
    for name in json.loads(line).get("outputs", []):
        if not isinstance(name, str) or not DOCUMENT_FILE.fullmatch(name):
            skipped.append(f"{d}: index names {name!r}, not a document file name")
        elif (d / name).is_symlink():
            skipped.append(f"{d / name}: a symbolic link, not copied")
        elif (d / name).is_file():
            found.append(d / name)
    return found


def _lines(d: Path, name: str, skipped: list[str]) -> list[tuple[str, str]]:
    try:
        return list(read_lines(d / name))
    except UnsafeOutput as exc:
        skipped.append(f"{exc.strerror}; {d} not merged")
        return []


def merge(out: Path, shard_dirs: Sequence[Path]) -> MergeSummary:
    """Merge ``shard_dirs`` into ``out`` (created if needed)."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [out] + [Path(d) for d in shard_dirs if Path(d).resolve() != out.resolve()]
    index: dict[str, str] = {}
    files = 0
    skipped: list[str] = []
    for d in sources:
        for key, line in _lines(d, INDEX, skipped):
            if key in index:
                continue
            index[key] = line
            if d != out:
                for src in _documents(d, line, skipped):
                    try:
                        files += _place(src, out / src.name)
                    except UnsafeOutput as exc:
                        skipped.append(f"{exc.strerror}, not copied")
    errors: dict[str, str] = {}
    for d in sources:
        for key, line in _lines(d, ERRORS, skipped):
            if key not in index:
                errors[key] = line
    atomic_write(out / INDEX, sorted_lines(index))
    atomic_write(out / ERRORS, sorted_lines(errors))
    return MergeSummary(len(sources) - 1, len(index), len(errors), files, tuple(skipped))
