"""``archiver dedup DIR``: the duplicate groups of an export directory or bag, in
``DIR/duplicates.jsonl`` (one group a line, sorted by group id; written atomically).

The groups are read back by :func:`duplicate_map` (the search index and the bag's
``documents.jsonl`` take ``duplicate_of`` from it). No record is changed or deleted.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..archive.records import ExportError, is_document_id, read_jsonl
from .groups import DedupItem, DedupOptions, Group

__all__ = [
    "DUPLICATES",
    "DedupSummary",
    "Duplicate",
    "dedup_export",
    "duplicate_map",
    "mark_duplicates",
    "payload_duplicate_of",
    "record_item",
]

DUPLICATES = "duplicates.jsonl"


@dataclass(frozen=True, slots=True)
class Duplicate:
    """What the groups say about one document: its group (the earliest member's id) and the
    group's size; ``duplicate_of`` is None for the earliest member itself."""

    group: str
    copies: int
    duplicate_of: str | None


@dataclass(frozen=True, slots=True)
class DedupSummary:
    path: Path
    documents: int
    groups: int
    duplicates: int
    seconds: float

    def line(self) -> str:
        return (
            f"archiver: dedup {self.path}: {self.documents} documents, {self.groups} groups, "
            f"{self.duplicates} later copies ({self.seconds:.1f} s)"
        )


def record_item(record: dict[str, Any]) -> DedupItem:
    """The dedup input of one JSON record: its blocks' text, language and capture order."""
    source = record.get("source") or {}
    order = source.get("captured") or record.get("published") or ""
    text = "\n".join(str(b.get("text", "")) for b in record.get("blocks", ()) if isinstance(b, dict))
    return DedupItem(str(record["id"]), text, record.get("language"), str(order))


def _items(root: Path, counter: list[int]) -> Iterator[DedupItem]:
    from ..archive.index import sources  # export directory or bag, listed order

    for src in sources(root):
        try:
            record = json.loads((root / src.json_path).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            counter[0] += 1
            yield record_item(record)


def write_groups(path: Path, groups: Iterable[Group]) -> tuple[int, int]:
    """Write ``groups`` as JSON lines to ``path`` (temporary file, then rename), one at a time;
    how many groups and later copies were written."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    count = later = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for group in groups:
            f.write(json.dumps(group.to_dict(), ensure_ascii=False, sort_keys=True) + "\n")
            count, later = count + 1, later + len(group.members) - 1
    os.replace(tmp, path)
    return count, later


def dedup_export(path: str | os.PathLike[str], options: DedupOptions = DedupOptions()) -> DedupSummary:
    """Group the documents of the export directory or bag at ``path``; write ``duplicates.jsonl``."""
    t0 = time.perf_counter()
    root = Path(path)
    try:
        from .dedup import iter_groups  # numpy and datasketch: only when grouping
    except ImportError as exc:
        raise ExportError(f"dedup needs datasketch: pip install 'archiver[crawl]' ({exc})") from None
    counter = [0]
    groups, later = write_groups(root / DUPLICATES, iter_groups(_items(root, counter), options))
    return DedupSummary(root / DUPLICATES, counter[0], groups, later, time.perf_counter() - t0)


def duplicate_map(root: Path) -> dict[str, Duplicate]:
    """Each grouped document's :class:`Duplicate`, from ``root/duplicates.jsonl`` (none: empty)."""
    out: dict[str, Duplicate] = {}
    path = root / DUPLICATES
    if not path.is_file() and (root / "data" / DUPLICATES).is_file():  # a bag made after dedup
        path = root / "data" / DUPLICATES
    for rec in read_jsonl(path):
        members = [m.get("id") for m in rec.get("members", ()) if isinstance(m, dict)]
        members = [m for m in members if is_document_id(m)]  # ids are checked wherever they are read back
        if len(members) < 2:
            continue
        for m in members:
            out[m] = Duplicate(members[0], len(members), None if m == members[0] else members[0])
    return out


def payload_duplicate_of(payload: Path) -> dict[str, str | None] | None:
    """For ``verify``: each document's expected ``duplicate_of`` from a bag payload's
    ``duplicates.jsonl`` (None when the payload has none: the lines then carry no such field)."""
    if not (payload / DUPLICATES).is_file():
        return None
    return {doc_id: d.duplicate_of for doc_id, d in duplicate_map(payload).items()}


def mark_duplicates(export: Path, payload: Path, lines: list[dict[str, Any]]) -> None:
    """For a bag: give each ``documents.jsonl`` line its ``duplicate_of`` (the earliest copy's id, or
    None) and copy ``duplicates.jsonl`` into the payload, when the export has one."""
    if not (export / DUPLICATES).is_file():
        return
    dups = duplicate_map(export)
    for line in lines:
        dup = dups.get(str(line.get("id")))
        line["duplicate_of"] = dup.duplicate_of if dup else None
    shutil.copyfile(export / DUPLICATES, payload / DUPLICATES)
