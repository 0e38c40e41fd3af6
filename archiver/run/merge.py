"""``archiver merge OUT SHARD_DIR...``: join shards' exports into one directory.

Document files are linked (or copied) into ``OUT``; ``index.jsonl`` is the shards' indexes, one
line per input (the first directory that has it wins: an existing ``OUT`` first, then the shards
in the order given), sorted in the canonical order of an unsharded run; ``errors.jsonl`` keeps, per input,
the last error of an input no shard exported. Both are written atomically; the result is the
same whatever was in ``OUT`` from an earlier, interrupted merge.
"""
from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from .output import atomic_write
from .resume import ERRORS, INDEX, read_lines, sorted_lines


@dataclass(frozen=True, slots=True)
class MergeSummary:
    shards: int
    documents: int
    errors: int
    files: int

    def line(self) -> str:
        return (f"archiver: merged {self.shards} shard(s): {self.documents} documents, "
                f"{self.errors} errors, {self.files} files")


def _place(src: Path, dst: Path) -> bool:
    """Link or copy ``src`` to ``dst`` unless an identical file is there; True when placed."""
    if dst.exists() and dst.stat().st_size == src.stat().st_size and dst.read_bytes() == src.read_bytes():
        return False
    tmp = dst.with_name(f".{dst.name}.merge.tmp")
    tmp.unlink(missing_ok=True)
    try:
        os.link(src, tmp)
    except OSError:
        shutil.copyfile(src, tmp)
    os.replace(tmp, dst)
    return True


def merge(out: Path, shard_dirs: Sequence[Path]) -> MergeSummary:
    """Merge ``shard_dirs`` into ``out`` (created if needed)."""
    out.mkdir(parents=True, exist_ok=True)
    sources = [out] + [Path(d) for d in shard_dirs if Path(d).resolve() != out.resolve()]
    index: dict[str, str] = {}
    files = 0
    for d in sources:
        for key, line in read_lines(d / INDEX):
            if key in index:
                continue
            index[key] = line
            if d != out:
                for name in json.loads(line).get("outputs", []):
                    if (d / name).is_file():
                        files += _place(d / name, out / name)
    errors: dict[str, str] = {}
    for d in sources:
        for key, line in read_lines(d / ERRORS):
            if key not in index:
                errors.pop(key, None)
                errors[key] = line
    atomic_write(out / INDEX, sorted_lines(index))
    atomic_write(out / ERRORS, sorted_lines(errors))
    return MergeSummary(len(sources) - 1, len(index), len(errors), files)
