"""What the search index reads of one JSON record (:mod:`.index`): its title, language, date and
site, and the stemmed terms of its title and body (:mod:`.terms`). A record is read with msgspec
(the ``fast`` extra) into just these fields; a record it rejects, or a machine without it, goes
through ``json`` with the same result."""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .records import read_regular
from .terms import text_terms

try:  # optional speed-up (the ``fast`` extra): decodes only the fields the index reads
    import msgspec
except ImportError:  # pragma: no cover - the stdlib path gives the same rows
    msgspec = None


def _row_terms(title: Any, lang: Any, blocks: Iterable[tuple[Any, Any]]) -> tuple[str, str]:
    title_terms = text_terms(title or "", lang)
    by_lang: dict[str | None, list[str]] = {}
    for block_lang, text in blocks:  # blocks of one language are cut into words in one pass
        by_lang.setdefault(block_lang or lang, []).append(text)
    body = " ".join(text_terms("\n".join(texts), block_lang) for block_lang, texts in by_lang.items())
    return title_terms, body


def record_row(record: dict[str, Any]) -> tuple[str, str]:
    """The (title terms, body terms) of one JSON record."""
    return _row_terms(
        record.get("title"),
        record.get("language"),
        ((b.get("lang"), b.get("text", "")) for b in record.get("blocks", ())),
    )


Row = tuple  # (id, json_path, md_path, title, language, published, site, stamp, title terms, body terms)
Fields = tuple  # (title, language, published, site, title terms, body terms)

if msgspec is not None:

    class _Block(msgspec.Struct):
        text: str = ""
        lang: str | None = None

    class _Record(msgspec.Struct):
        title: str | None = None
        language: str | None = None
        published: str | None = None
        site_name: str | None = None
        blocks: list[_Block] = msgspec.field(default_factory=list)

    _DECODER: Any = msgspec.json.Decoder(_Record)
else:  # pragma: no cover
    _DECODER = None


def _fast_fields(data: bytes) -> Fields | None:
    """The fields of a record whose index fields all have the expected types (else None)."""
    if _DECODER is None:
        return None
    try:
        rec = _DECODER.decode(data)
    except ValueError:  # malformed, or a field of another type: the stdlib path decides
        return None
    return (
        rec.title,
        rec.language,
        rec.published,
        rec.site_name,
        *_row_terms(rec.title, rec.language, ((b.lang, b.text) for b in rec.blocks)),
    )


def read_fields(path: str | os.PathLike[str]) -> Fields:
    """(title, language, published, site, title terms, body terms) of the record at ``path``.

    Raises OSError or ValueError for a record that cannot be read (not UTF-8 JSON, not an object).
    """
    data = read_regular(Path(path))
    fields = _fast_fields(data)
    if fields is not None:
        return fields
    record = json.loads(data.decode("utf-8"))
    if not isinstance(record, dict):
        raise ValueError("not an object")
    return (
        record.get("title"),
        record.get("language"),
        record.get("published"),
        record.get("site_name"),
        *record_row(record),
    )
