"""The JSON record (DESIGN.md §6): fixed field order, no wall-clock time, byte-identical reruns."""
from __future__ import annotations

import json
from json.encoder import encode_basestring
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
    if doc.extraction:  # which path decided, when the second opinion changed something (issue 12)
        out["extraction"] = dict(doc.extraction)
    return out


def _float(o: float) -> str:
    if o != o:
        return "NaN"
    if o in (float("inf"), float("-inf")):
        return "Infinity" if o > 0 else "-Infinity"
    return float.__repr__(o)


def _scalar(o: Any) -> str:
    """A JSON scalar exactly as :class:`json.JSONEncoder` writes it (bool before int)."""
    if isinstance(o, str):
        return encode_basestring(o)
    if o is None:
        return "null"
    if o is True:
        return "true"
    if o is False:
        return "false"
    if isinstance(o, int):
        return int.__repr__(o)
    if isinstance(o, float):
        return _float(o)
    raise TypeError(f"Object of type {o.__class__.__name__} is not JSON serializable")


# Exact types whose JSON form needs no recursion (subclasses take the general path).
_LEAF = {str: encode_basestring, int: int.__repr__, float: _float,
         bool: lambda o: "true" if o else "false", type(None): lambda o: "null"}


def _encode(o: Any, indent: str, out: list[str]) -> None:
    """Append ``o`` as ``json.dumps(o, ensure_ascii=False, indent=2)`` lays it out.

    ``json.dumps`` with ``indent`` falls back to the pure-Python generator encoder (the C one
    serves only compact output); this direct recursion writes the same bytes in less time
    (tests/test_fast_paths.py compares them on random structures)."""
    if isinstance(o, dict):
        if not o:
            out.append("{}")
            return
        inner = indent + "  "
        shape = (inner, *o)
        heads = _HEADS.get(shape)
        if heads is None:
            heads = _heads(shape)
        for head, value in zip(heads, o.values()):
            leaf = _LEAF.get(type(value))
            if leaf is not None:
                out.append(head + leaf(value))
            else:
                out.append(head)
                _encode(value, inner, out)
        out.append("\n" + indent + "}")
    elif isinstance(o, (list, tuple)):
        if not o:
            out.append("[]")
            return
        inner = indent + "  "
        sep = "[\n" + inner
        for item in o:
            leaf = _LEAF.get(type(item))
            if leaf is not None:
                out.append(sep + leaf(item))
            else:
                out.append(sep)
                _encode(item, inner, out)
            sep = ",\n" + inner
        out.append("\n" + indent + "]")
    else:
        out.append(_scalar(o))


# A record's keys and their indent, each key's text before its value ('{\n  "id": ', ',\n  "role": ',
# ...): the dicts of a document have a few shapes, each met many times (blocks, runs, removed).
_HEADS: dict[tuple, tuple[str, ...]] = {}


def _heads(shape: tuple) -> tuple[str, ...]:
    inner, keys = shape[0], shape[1:]
    heads = tuple(f"{',' if i else '{'}\n{inner}{encode_basestring(k) if isinstance(k, str) else _key(k)}: "
                  for i, k in enumerate(keys))
    if not all(isinstance(k, str) for k in keys):
        return heads  # not remembered: 1, 1.0 and True are equal keys of _HEADS but not one text
    if len(_HEADS) >= 512:  # arbitrary dicts (not a document's) could have any number of shapes
        _HEADS.clear()
    _HEADS[shape] = heads
    return heads


def _key(key: Any) -> str:
    """A non-string dict key as ``json`` converts it (floats, bools, None, ints)."""
    if isinstance(key, (bool, int, float)) or key is None:
        return encode_basestring(_scalar(key))
    raise TypeError(f"keys must be str, int, float, bool or None, not {key.__class__.__name__}")


def dumps_indented(obj: Any) -> str:
    """Byte-for-byte ``json.dumps(obj, ensure_ascii=False, indent=2)``, faster."""
    out: list[str] = []
    _encode(obj, "", out)
    return "".join(out)


def to_json(doc: Document) -> str:
    return dumps_indented(document_dict(doc)) + "\n"
