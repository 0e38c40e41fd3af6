"""The JSON record (DESIGN.md §6): fixed field order, no wall-clock time, byte-identical reruns."""
from __future__ import annotations

import json
from typing import Any

from ..model import SCHEMA_VERSION, Block, Document, Removed


def _block(b: Block) -> dict[str, Any]:
    d: dict[str, Any] = {"id": b.id, "role": b.role}
    if b.level is not None:
        d["level"] = b.level
    if b.ordered is not None:
        d["ordered"] = b.ordered
    d["text"] = b.text
    if b.text_raw is not None:
        d["text_raw"] = b.text_raw
    d.update(lang=b.lang, dir=b.dir, script=b.script, lang_source=b.lang_source,
             lang_confidence=b.lang_confidence, repairs=list(b.repairs),
             runs=[{"start": r.start, "end": r.end, "lang": r.lang, "dir": r.dir, "script": r.script}
                   for r in b.runs])
    if b.marks:
        d["marks"] = [{"start": m.start, "end": m.end, "kind": m.kind, **({"href": m.href} if m.href else {})}
                      for m in b.marks]
    if b.cells:
        d["cells"] = [list(r) for r in b.cells]
    return d


def _removed(r: Removed) -> dict[str, Any]:
    return {"text": r.text, "role": r.role, "reason": r.reason, "lang": r.lang, "dir": r.dir, "script": r.script}


def document_dict(doc: Document) -> dict[str, Any]:
    md = doc.metadata
    s = doc.source
    source = {k: v for k, v in (
        ("kind", s.kind), ("path", s.path), ("url", s.url), ("encoding", s.encoding),
        ("encoding_evidence", s.encoding_evidence), ("sha256", s.sha256), ("record_id", s.record_id),
        ("offset", s.offset), ("line", s.line), ("captured", s.captured)) if v is not None}
    out: dict[str, Any] = {
        "schema": SCHEMA_VERSION, "id": doc.id, "status": doc.status, "url": doc.url,
        "canonical_url": md.canonical_url, "title": doc.title, "authors": list(md.authors),
        "published": md.published, "modified": md.modified, "site_name": md.site_name,
        "description": md.description, "image": md.image, "tags": list(md.tags),
        "language": doc.language, "direction": doc.direction, "page_language": doc.page_language,
        "source": source, "processing": dict(doc.processing),
        "blocks": [_block(b) for b in doc.blocks],
        "removed": [_removed(r) for r in doc.removed],
    }
    if doc.comments:
        out["comments"] = [_block(b) for b in doc.comments]
    return out


def to_json(doc: Document) -> str:
    return json.dumps(document_dict(doc), ensure_ascii=False, indent=2) + "\n"
