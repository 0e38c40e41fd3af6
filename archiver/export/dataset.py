"""``archiver export DIR --format jsonl|parquet``: a dataset of one row per document.

Rows (:mod:`archiver.export.rows`) are read one record at a time, sorted by document id (so the
dataset does not depend on the order the pages were cleaned in) and written in shards of
``shard_size`` rows: ``part-00000.jsonl`` … or ``part-00000.parquet`` …, beside
``dataset.schema.json`` (the row's JSON Schema) and ``dataset.json`` (format, row count, each
shard's rows and SHA-256). At most one shard of rows is in memory. The dataset is assembled in a
temporary sibling directory and renamed into place, so an interrupted export leaves the old one.
Parquet needs pyarrow (``pip install 'archiver[parquet]'``).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..archive.records import ExportError
from .rows import SCHEMA_ID, arrow_schema, json_schema, row

__all__ = ["FORMATS", "DatasetOptions", "DatasetSummary", "export_dataset"]

SCHEMA_FILE, MANIFEST = "dataset.schema.json", "dataset.json"
FORMATS = ("jsonl", "parquet")


@dataclass(frozen=True, slots=True)
class DatasetOptions:
    format: str = "jsonl"
    shard_size: int = 10_000
    output: Path | None = None  # default: DIR/dataset


@dataclass(frozen=True, slots=True)
class DatasetSummary:
    path: Path
    rows: int
    shards: int

    def line(self) -> str:
        return f"archiver: export {self.path}: {self.rows} rows in {self.shards} shards"


def _records(root: Path) -> Iterator[dict[str, Any]]:
    """The JSON records of an export directory or bag, by document id."""
    from ..archive.index import sources

    for src in sorted(sources(root), key=lambda s: s.id):
        try:
            record = json.loads((root / src.json_path).read_text("utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(record, dict) and isinstance(record.get("id"), str):
            yield record


def _rows(root: Path) -> Iterator[dict[str, Any]]:
    from ..crawl.duplicates import duplicate_map

    dups = duplicate_map(root)
    for record in _records(root):
        dup = dups.get(record["id"])
        yield row(record, dup.group if dup else None, dup.duplicate_of if dup else None)


def _write_jsonl(path: Path, rows: list[dict[str, Any]]) -> None:
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n")


def _write_parquet(path: Path, rows: list[dict[str, Any]]) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    pq.write_table(pa.Table.from_pylist(rows, schema=arrow_schema()), path, compression="zstd")


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _shards(rows: Iterator[dict[str, Any]], size: int) -> Iterator[list[dict[str, Any]]]:
    batch: list[dict[str, Any]] = []
    for r in rows:
        batch.append(r)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _fill(staging: Path, root: Path, options: DatasetOptions) -> dict[str, Any]:
    write = _write_parquet if options.format == "parquet" else _write_jsonl
    shards, total = [], 0
    for n, batch in enumerate(_shards(_rows(root), options.shard_size)):
        name = f"part-{n:05d}.{options.format}"
        write(staging / name, batch)
        shards.append({"path": name, "rows": len(batch), "sha256": _sha256(staging / name)})
        total += len(batch)
    (staging / SCHEMA_FILE).write_text(
        json.dumps(json_schema(), ensure_ascii=False, indent=2) + "\n", "utf-8"
    )
    manifest = {
        "schema": SCHEMA_ID,
        "format": options.format,
        "rows": total,
        "shard_size": options.shard_size,
        "row_schema": SCHEMA_FILE,
        "shards": shards,
    }
    (staging / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n", "utf-8")
    return manifest


def export_dataset(
    path: str | os.PathLike[str], options: DatasetOptions = DatasetOptions()
) -> DatasetSummary:
    """Write the dataset of the export directory or bag at ``path``."""
    root = Path(path)
    if options.format not in FORMATS:
        raise ExportError(f"unknown dataset format {options.format!r}")
    if options.format == "parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise ExportError("parquet needs pyarrow: pip install 'archiver[parquet]'") from None
    target = Path(options.output) if options.output else root / "dataset"
    if target.exists() and not (target / MANIFEST).is_file():
        raise ExportError(f"{target}: exists and is not a dataset export (no {MANIFEST})")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.tmp-", dir=target.parent))
    try:
        manifest = _fill(staging, root, options)
        if target.exists():
            shutil.rmtree(target)
        staging.rename(target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return DatasetSummary(target, manifest["rows"], len(manifest["shards"]))
