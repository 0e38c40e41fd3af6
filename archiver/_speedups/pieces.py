"""The short text pieces of a tree, pure Python (the twin of ``_pieces.pyx``, issue 17).

Facts only: every element's ``.text`` and ``.tail`` whose stripped length is in a range, in
document order. Which piece is a date (a dateline under a headline) is decided in
:mod:`archiver.extract.pagedates`.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree


def pieces(root: etree._Element, skip: Collection[str], lo: int, hi: int) -> list[str]:
    """The ``.text`` then ``.tail`` of every element under (and including) ``root`` in document
    order, as lxml gives them, when ``lo <= len(piece.strip()) <= hi``; an element whose tag is
    in ``skip`` gives neither (its descendants still give theirs); comments, PIs and entities
    give nothing."""
    out = []
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag in skip:
            continue
        for piece in (el.text, el.tail):
            if piece and lo <= len(piece.strip()) <= hi:
                out.append(piece)
    return out
