"""An element's cue attributes as one hashable fact, pure Python (the twin of ``_cueattrs.pyx``).

The chrome cues (:mod:`archiver.extract.cues`) and the class weights of the scoring read an
element's tag and a handful of its attributes (class, id, role, style, ...), and the same
combinations repeat across the elements of a page and across pages. ``signature`` gathers
them as one tuple, so that a verdict is computed once per distinct combination and looked up
afterwards; what a signature means is decided in the stage modules, not here.
"""

from __future__ import annotations

from collections.abc import Container

from lxml import etree

Signature = tuple[str, ...]


def signature(el: etree._Element, names: Container[str]) -> Signature:
    """``(tag, name, value, name, value, ...)``: the element's tag, then each of its attributes
    without a namespace whose name is in ``names``, in the element's attribute order, with its
    value as ``el.get`` reads it. ``(tag,)`` when it has none of them."""
    keys = el.keys()  # one call; most elements have no attribute at all
    if not keys:
        return (el.tag,)
    get = el.get
    out = [el.tag]
    for name in keys:
        if name in names:
            out += (name, get(name))
    return tuple(out)
