"""Indented JSON text, byte for byte what ``json.dumps(obj, ensure_ascii=False, indent=2)`` writes, faster.

The layout engine of the document codec (:mod:`archiver.render.codec`, which maps a
:class:`~archiver.model.Document` to and from its record); it knows nothing about documents.
The work is done by ``archiver/_speedups/jsonout.py`` or its compiled twin (issue 17)."""

from __future__ import annotations

from typing import Any

from .._speedups import pick

_dumps = pick("jsonout").dumps_indented


def dumps_indented(obj: Any) -> str:
    """Byte-for-byte ``json.dumps(obj, ensure_ascii=False, indent=2)``, faster."""
    return _dumps(obj)
