"""The scoring walk's candidates, pure Python (the twin of ``_prose.pyx``, issue 17).

Facts only: which elements under a root carry enough inline text to be asked about. The
scoring (:mod:`archiver.extract.scoring`) says which tags are prose, how much text counts and
what a candidate scores; this module only walks the tree and compares the measured numbers.
"""

from __future__ import annotations

from lxml import etree


def long_elements(
    root: etree._Element,
    tags: tuple[str, ...],
    always: tuple[str, ...],
    inline: dict[etree._Element, int],
    minimum: int,
) -> list[etree._Element]:
    """The elements under (and including) ``root``, in document order, with a tag in ``tags``
    whose ``inline`` entry (0 when missing) is at least ``minimum``, or with a tag in ``always``;
    ``root.iter(*tags, *always)`` filtered."""
    get = inline.get
    return [el for el in root.iter(*tags, *always) if get(el, 0) >= minimum or el.tag in always]
