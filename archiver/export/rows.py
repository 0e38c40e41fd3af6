"""One dataset row per document record, and the row's schema (JSON Schema and Arrow).

A row: ``id, url, site, site_name, language, page_language, title, published, status, text,
blocks`` (each block with ``id, role, level, text, lang, dir, script``), ``duplicate_group`` and
``duplicate_of`` (from ``archiver dedup``; null without it). ``site`` is the URL's host, lower case,
without a leading ``www.``; ``text`` is the blocks' text joined by blank lines.
"""

from __future__ import annotations

from typing import Any
from urllib.parse import urlsplit

__all__ = ["BLOCK_FIELDS", "ROW_FIELDS", "arrow_schema", "json_schema", "row", "site_of"]

SCHEMA_ID = "archiver.dataset/1"
_STR, _NSTR, _NINT = {"type": "string"}, {"type": ["string", "null"]}, {"type": ["integer", "null"]}
BLOCK_FIELDS: dict[str, dict[str, Any]] = {
    "id": _STR,
    "role": _STR,
    "level": _NINT,
    "text": _STR,
    "lang": _STR,
    "dir": _STR,
    "script": _STR,
}
ROW_FIELDS: dict[str, dict[str, Any]] = {
    "id": _STR,
    "url": _NSTR,
    "site": _NSTR,
    "site_name": _NSTR,
    "language": _STR,
    "page_language": _STR,
    "title": _NSTR,
    "published": _NSTR,
    "status": _STR,
    "text": _STR,
    "blocks": {
        "type": "array",
        "items": {
            "type": "object",
            "properties": BLOCK_FIELDS,
            "required": list(BLOCK_FIELDS),
            "additionalProperties": False,
        },
    },
    "duplicate_group": _NSTR,
    "duplicate_of": _NSTR,
}


def site_of(url: Any) -> str | None:
    """The host of ``url`` (lower case, no port, no leading ``www.``), or None."""
    if not isinstance(url, str) or not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    return host.removeprefix("www.") or None


def _block(b: dict[str, Any]) -> dict[str, Any]:
    return {
        "id": str(b.get("id", "")),
        "role": str(b.get("role", "")),
        "level": b.get("level") if isinstance(b.get("level"), int) else None,
        "text": str(b.get("text", "")),
        "lang": str(b.get("lang", "und")),
        "dir": str(b.get("dir", "auto")),
        "script": str(b.get("script", "Zyyy")),
    }


def _opt(value: Any) -> str | None:
    return value if isinstance(value, str) else None


def row(record: dict[str, Any], group: str | None = None, duplicate_of: str | None = None) -> dict[str, Any]:
    """The dataset row of one JSON document record."""
    blocks = [_block(b) for b in record.get("blocks", ()) if isinstance(b, dict)]
    url = (
        _opt(record.get("url"))
        or _opt(record.get("canonical_url"))
        or _opt((record.get("source") or {}).get("url"))
    )
    return {
        "id": str(record["id"]),
        "url": url,
        "site": site_of(url),
        "site_name": _opt(record.get("site_name")),
        "language": str(record.get("language", "und")),
        "page_language": str(record.get("page_language", "und")),
        "title": _opt(record.get("title")),
        "published": _opt(record.get("published")),
        "status": str(record.get("status", "ok")),
        "text": "\n\n".join(b["text"] for b in blocks),
        "blocks": blocks,
        "duplicate_group": group,
        "duplicate_of": duplicate_of,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (2020-12) of a row."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "archiver dataset row (one document)",
        "type": "object",
        "properties": ROW_FIELDS,
        "required": list(ROW_FIELDS),
        "additionalProperties": False,
    }


def arrow_schema() -> Any:
    """The same row as a pyarrow schema (pyarrow imported here only)."""
    import pyarrow as pa

    def arrow_type(spec: dict[str, Any]) -> Any:
        if spec.get("type") == "array":
            props = spec["items"]["properties"]
            return pa.list_(
                pa.struct([pa.field(k, arrow_type(v), "null" in str(v["type"])) for k, v in props.items()])
            )
        return pa.int64() if "integer" in str(spec["type"]) else pa.string()

    return pa.schema(
        [pa.field(k, arrow_type(v), "null" in str(v.get("type"))) for k, v in ROW_FIELDS.items()],
        metadata={"schema": SCHEMA_ID},
    )
