"""The facts the second opinion reads (:mod:`archiver.extract.second`), pure Python (the twin of
``_opinion.pyx``, issue 17).

Facts only: which block elements hold enough inline text to be asked whether they read as
prose, with their own linked text and punctuation marks and their text position; and where two
elements' ancestor chains meet. Whether a block *is* prose, and what joins a run, is decided in
:mod:`archiver.extract.second`. Both modules give the same tuples (``tests/speedups``).
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

Block = tuple[etree._Element, int, int, int, int]  # element, inline size, own links, own marks, position


def blocks(
    elements: list[etree._Element],
    inline: dict[etree._Element, int],
    links: dict[etree._Element, int],
    punct: dict[etree._Element, int],
    block_tags: Collection[str],
    floor: int,
) -> list[Block]:
    """Every element of ``elements`` whose tag is in ``block_tags`` or is ``body``, and whose
    ``inline`` size is at least ``floor``, in order: (element, size, links, marks, position).
    ``links`` and ``marks`` are its entries in ``links`` and ``punct`` less those of its
    ``block_tags`` children, at least 0; ``position`` is the sum of the ``inline`` sizes of the
    asked elements (block or body, of any size) before it."""
    wanted = frozenset(block_tags) | {"body"}  # a comment's tag is a function: never in it
    out: list[Block] = []
    pos = 0
    get = inline.get
    for el in elements:
        if el.tag not in wanted:
            continue
        size = get(el, 0)
        if size >= floor:
            lnk, marks = links.get(el, 0), punct.get(el, 0)
            for child in el:
                if child.tag in block_tags:
                    lnk -= links.get(child, 0)
                    marks -= punct.get(child, 0)
            out.append((el, size, max(0, lnk), max(0, marks), pos))
        pos += size
    return out


def join(a: etree._Element, b: etree._Element) -> tuple[etree._Element | None, int, int]:
    """The nearest common ancestor-or-self of ``a`` and ``b`` and the levels from each up to it;
    (None, levels of ``a``'s chain, levels of ``b``'s chain) when they share none. A chain is the
    element and its ancestors (``[el, *el.iterancestors()]``)."""
    chain = [a, *a.iterancestors()]
    seen = {id(x): i for i, x in enumerate(chain)}
    j = 0
    x: etree._Element | None = b
    while x is not None:
        i = seen.get(id(x))
        if i is not None:
            return x, i, j
        j += 1
        x = x.getparent()
    return None, len(chain), j
