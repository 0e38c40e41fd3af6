"""The JSON codec of a document record (DESIGN.md §6), beside its schema ``document.schema.json``.

Writing and reading live here together so that they cannot drift apart: :func:`document_dict`
lays a :class:`~archiver.model.Document` out in the record's fixed field order (no wall-clock
time: byte-identical reruns) and :func:`document_from_dict` rebuilds the Document from it;
``tests/render/test_json_codec.py`` holds them to ``Document → JSON → Document → JSON`` byte for byte on
every fixture and a sample of the corpus (``bench/codec_roundtrip.py``: every corpus page).

Every field survives the trip. ``Block.key`` is not stored, it is derived: the reader recomputes
it with the function the pipeline uses (``search_key(text, lang)``). The page's own declared
``lang``/``dir`` (``Metadata.page_language``/``page_direction``, the evidence the language tagger
weighed) are ``declared_language``/``declared_direction``, written when the page declares them;
the tagger's outcome is ``page_language``. Markdown and HTML re-render from a record exactly as
they were written.
"""

from __future__ import annotations

import json
from typing import Any

from ..errors import ArchiverError
from ..model import SCHEMA_VERSION, Block, Document, Link, Mark, Metadata, Removed, Run, Source
from ..text.searchkey import search_key
from .jsonout import dumps_indented

_SOURCE_FIELDS = (
    "kind",
    "path",
    "url",
    "encoding",
    "encoding_evidence",
    "sha256",
    "record_id",
    "offset",
    "line",
    "captured",
)


class RecordError(ArchiverError, ValueError):
    """A JSON value that is not a document record; the message is one line."""

    stage = "record"


# -- writing -----------------------------------------------------------------------------------


def _block(b: Block) -> dict[str, Any]:
    d: dict[str, Any] = {"id": b.id, "role": b.role}
    if b.level is not None:
        d["level"] = b.level
    if b.ordered is not None:
        d["ordered"] = b.ordered
    d["text"] = b.text
    if b.text_raw is not None:
        d["text_raw"] = b.text_raw
    d.update(
        lang=b.lang,
        dir=b.dir,
        script=b.script,
        lang_source=b.lang_source,
        lang_confidence=b.lang_confidence,
        repairs=list(b.repairs),
        runs=[
            {"start": r.start, "end": r.end, "lang": r.lang, "dir": r.dir, "script": r.script} for r in b.runs
        ],
    )
    if b.marks:
        d["marks"] = [
            {"start": m.start, "end": m.end, "kind": m.kind, **({"href": m.href} if m.href else {})}
            for m in b.marks
        ]
    if b.cells:
        d["cells"] = [list(r) for r in b.cells]
    return d


def _removed(r: Removed) -> dict[str, Any]:
    detail = {"detail": r.detail} if r.detail is not None else {}
    return {
        "text": r.text,
        "role": r.role,
        "reason": r.reason,
        **detail,
        "lang": r.lang,
        "dir": r.dir,
        "script": r.script,
    }


def _declared(md: Metadata) -> dict[str, Any]:
    """What the page itself declares (html ``lang``/``dir``), each only when it does."""
    out: dict[str, Any] = {}
    if md.page_language is not None:
        out["declared_language"] = md.page_language
    if md.page_direction is not None:
        out["declared_direction"] = md.page_direction
    return out


def document_dict(doc: Document) -> dict[str, Any]:
    """The record of ``doc`` as a dict in the schema's field order."""
    md = doc.metadata
    source = {k: v for k in _SOURCE_FIELDS if (v := getattr(doc.source, k)) is not None}
    out: dict[str, Any] = {
        "schema": SCHEMA_VERSION,
        "id": doc.id,
        "status": doc.status,
        "url": doc.url,
        "canonical_url": md.canonical_url,
        "title": doc.title,
        "authors": list(md.authors),
        "published": md.published,
        "modified": md.modified,
        "site_name": md.site_name,
        "description": md.description,
        "image": md.image,
        "tags": list(md.tags),
        "language": doc.language,
        "direction": doc.direction,
        "page_language": doc.page_language,
        **_declared(md),
        "source": source,
        "processing": dict(doc.processing),
        "blocks": [_block(b) for b in doc.blocks],
        "removed": [_removed(r) for r in doc.removed],
    }
    if md.published_source:
        out["published_source"] = md.published_source
    if doc.comments:
        out["comments"] = [_block(b) for b in doc.comments]
    if doc.extraction:  # which path decided, when the second opinion changed something (issue 12)
        out["extraction"] = dict(doc.extraction)
    if doc.links:  # every link of the page (issue 14)
        out["links"] = [{"text": k.text, "href": k.href, "in_body": k.in_body} for k in doc.links]
    return out


def to_json(doc: Document) -> str:
    """The record of ``doc`` as the JSON text ``archiver clean`` writes (indent 2, a final newline)."""
    return dumps_indented(document_dict(doc)) + "\n"


# -- reading -----------------------------------------------------------------------------------


def _read_block(d: dict[str, Any]) -> Block:
    text, lang = d["text"], d["lang"]
    return Block(
        id=d["id"],
        role=d["role"],
        text=text,
        level=d.get("level"),
        ordered=d.get("ordered"),
        text_raw=d.get("text_raw"),
        lang=lang,
        dir=d["dir"],
        script=d["script"],
        lang_source=d["lang_source"],
        lang_confidence=d["lang_confidence"],
        repairs=tuple(d["repairs"]),
        runs=tuple(Run(r["start"], r["end"], r["lang"], r["dir"], r["script"]) for r in d["runs"]),
        marks=tuple(Mark(m["start"], m["end"], m["kind"], m.get("href")) for m in d.get("marks", ())),
        cells=tuple(tuple(row) for row in d.get("cells", ())),
        key=search_key(text, lang),
    )


def _read_removed(r: dict[str, Any]) -> Removed:
    return Removed(r["text"], r["role"], r["reason"], r["lang"], r["dir"], r["script"], r.get("detail"))


def _read_document(d: dict[str, Any]) -> Document:
    src = d["source"]
    source = Source(kind=src["kind"], **{k: src[k] for k in _SOURCE_FIELDS[1:] if k in src})
    metadata = Metadata(
        title=d["title"],
        authors=tuple(d["authors"]),
        published=d["published"],
        modified=d["modified"],
        site_name=d["site_name"],
        canonical_url=d["canonical_url"],
        description=d["description"],
        image=d["image"],
        tags=tuple(d["tags"]),
        published_source=d.get("published_source"),
        page_language=d.get("declared_language"),
        page_direction=d.get("declared_direction"),
    )
    return Document(
        id=d["id"],
        status=d["status"],
        url=d["url"],
        title=d["title"],
        language=d["language"],
        direction=d["direction"],
        page_language=d["page_language"],
        source=source,
        processing=dict(d["processing"]),
        blocks=tuple(_read_block(b) for b in d["blocks"]),
        removed=tuple(_read_removed(r) for r in d["removed"]),
        metadata=metadata,
        comments=tuple(_read_block(b) for b in d.get("comments", ())),
        extraction=dict(d.get("extraction", {})),
        links=tuple(Link(k["text"], k["href"], k["in_body"]) for k in d.get("links", ())),
    )


def document_from_dict(d: Any) -> Document:
    """Rebuild a :class:`Document` from its record (the inverse of :func:`document_dict`).

    Every field the writer always writes is required. Raises :class:`RecordError` for a value that
    is not a record (a missing field, a wrong type); types are not checked one by one (the schema
    does that: ``archiver verify``)."""
    if not isinstance(d, dict):
        raise RecordError(f"not a document record (a JSON {type(d).__name__}, not an object)")
    try:
        return _read_document(d)
    except (KeyError, TypeError, ValueError, AttributeError) as exc:
        detail = " ".join(str(exc).split())[:200]
        raise RecordError(f"not a document record ({exc.__class__.__name__}: {detail})") from None


def from_json(text: str | bytes) -> Document:
    """The Document of a JSON record's text (what :func:`to_json` wrote)."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError) as exc:
        raise RecordError(f"not valid JSON ({exc.__class__.__name__})") from None
    return document_from_dict(value)
