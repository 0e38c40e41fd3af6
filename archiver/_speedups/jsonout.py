"""Indented JSON text (``archiver.render.jsonout``): the pure-Python twin.

:func:`dumps_indented` writes byte for byte what ``json.dumps(obj, ensure_ascii=False, indent=2)``
writes: ``json.dumps`` with ``indent`` falls back to the pure-Python generator encoder (the C one
serves only compact output); this direct recursion writes the same bytes in less time. The
compiled twin (``_jsonout.pyx``) walks the same way in C and shares :data:`_HEADS`.
"""

from __future__ import annotations

from json.encoder import encode_basestring
from typing import Any


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
_LEAF = {
    str: encode_basestring,
    int: int.__repr__,
    float: _float,
    bool: lambda o: "true" if o else "false",
    type(None): lambda o: "null",
}


def _encode(o: Any, indent: str, out: list[str]) -> None:
    """Append ``o`` as ``json.dumps(o, ensure_ascii=False, indent=2)`` lays it out.

    ``json.dumps`` with ``indent`` falls back to the pure-Python generator encoder (the C one
    serves only compact output); this direct recursion writes the same bytes in less time
    (tests/speedups/test_fast_paths.py compares them on random structures)."""
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
    heads = tuple(
        f"{',' if i else '{'}\n{inner}{encode_basestring(k) if isinstance(k, str) else _key(k)}: "
        for i, k in enumerate(keys)
    )
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
