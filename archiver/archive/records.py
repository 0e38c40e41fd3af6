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

from ..errors import ExportError
from ..model import Block, Document, Mark, Metadata, Removed, Run, Source

INDEX, ERRORS, RUN = "index.jsonl", "errors.jsonl", "run.json"


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


def _block(d: dict[str, Any]) -> Block:
    return Block(
        id=d["id"], role=d["role"], text=d["text"], level=d.get("level"), ordered=d.get("ordered"),
        text_raw=d.get("text_raw"), lang=d["lang"], dir=d["dir"], script=d["script"],
        lang_source=d["lang_source"], lang_confidence=d["lang_confidence"],
        repairs=tuple(d.get("repairs", ())),
        runs=tuple(Run(r["start"], r["end"], r["lang"], r["dir"], r["script"]) for r in d.get("runs", ())),
        marks=tuple(Mark(m["start"], m["end"], m["kind"], m.get("href")) for m in d.get("marks", ())),
        cells=tuple(tuple(row) for row in d.get("cells", ())))


def document_from_dict(d: dict[str, Any]) -> Document:
    """Rebuild a :class:`Document` from its JSON record (the inverse of ``Document.to_dict``)."""
    src = d.get("source") or {}
    source = Source(**({"kind": "html"} | {k: src[k] for k in Source.__slots__ if k in src}))
    metadata = Metadata(title=d.get("title"), authors=tuple(d.get("authors", ())), published=d.get("published"),
                        modified=d.get("modified"), site_name=d.get("site_name"),
                        canonical_url=d.get("canonical_url"), description=d.get("description"),
                        image=d.get("image"), tags=tuple(d.get("tags", ())),
                        page_language=d.get("page_language"))
    return Document(
        id=d["id"], status=d.get("status", "ok"), url=d.get("url"), title=d.get("title"),
        language=d.get("language", "und"), direction=d.get("direction", "auto"),
        page_language=d.get("page_language", "und"), source=source, processing=dict(d.get("processing", {})),
        blocks=tuple(_block(b) for b in d.get("blocks", ())),
        removed=tuple(Removed(r["text"], r["role"], r["reason"], r.get("lang", "und"), r.get("dir", "auto"),
                              r.get("script", "Zyyy")) for r in d.get("removed", ())),
        metadata=metadata, comments=tuple(_block(b) for b in d.get("comments", ())))
