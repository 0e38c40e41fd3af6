"""Reading an export directory back: its index lines, its JSON records, and records as Documents.

An export directory is what ``archiver clean … -o DIR`` writes: ``<id>.md``, ``<id>.json``,
``index.jsonl`` (one line per exported input), ``errors.jsonl`` and ``run.json``. A bag made from
it keeps the same records under ``data/json/`` and ``data/markdown/``.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator


INDEX, ERRORS, RUN = "index.jsonl", "errors.jsonl", "run.json"


class ExportError(Exception):
    """An export directory that cannot be read; the message is one line."""


@dataclass(frozen=True, slots=True)
class Entry:
    """One exported document: its id, status and where its files are (relative to the root)."""

    id: str
    source: str
    status: str
    json_path: str | None
    md_path: str | None


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file, one per complete line (absent file: nothing)."""
    try:
        raw = path.read_text("utf-8")
    except FileNotFoundError:
        return
    for line in raw.splitlines():
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            yield record


def export_entries(root: Path) -> list[Entry]:
    """The documents ``index.jsonl`` lists, in its order, one per id."""
    if not (root / INDEX).is_file():
        raise ExportError(f"{root}: not an export directory (no {INDEX})")
    seen: set[str] = set()
    out = []
    for rec in read_jsonl(root / INDEX):
        doc_id = rec.get("id")
        if not isinstance(doc_id, str) or doc_id in seen:
            continue
        seen.add(doc_id)
        outputs = [o for o in rec.get("outputs", []) if isinstance(o, str)]
        out.append(Entry(doc_id, str(rec.get("source", "")), str(rec.get("status", "ok")),
                         next((o for o in outputs if o.endswith(".json")), None),
                         next((o for o in outputs if o.endswith(".md")), None)))
    return out


def load_record(path: Path) -> dict[str, Any]:
    """A JSON document record from ``path``."""
    try:
        record = json.loads(path.read_text("utf-8"))
    except (OSError, ValueError) as exc:
        raise ExportError(f"{path}: not a readable JSON record ({exc.__class__.__name__})") from None
    if not isinstance(record, dict) or "blocks" not in record:
        raise ExportError(f"{path}: not an archiver document record")
    return record
