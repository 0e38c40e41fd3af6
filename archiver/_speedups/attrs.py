"""The attribute walk, pure Python (the twin of ``_attrs.pyx``, issue 17): the elements of a tree
that carry one of some attributes whose values a pattern finds something in. What a match means
(an author byline, a date) is decided by the stage that asks (:mod:`archiver.extract.authors`,
:mod:`archiver.extract.pagedates`)."""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import etree


def marked(
    root: etree._Element, names: tuple[str, ...], skip_tags: Collection[str], pattern: re.Pattern[str]
) -> list[etree._Element]:
    """The elements under (and including) ``root``, in document order, that carry one of the
    attributes ``names`` and whose ``names`` values (a missing one as ``""``), joined by spaces
    and lower-cased, ``pattern`` finds something in; ``skip_tags`` are not asked."""
    wanted = frozenset(names)
    out = []
    for el in root.iter():
        tag = el.tag
        if not isinstance(tag, str) or tag in skip_tags:
            continue
        keys = el.keys()  # one call; most elements have none of the attributes
        if not keys or wanted.isdisjoint(keys):
            continue
        get = el.get
        if pattern.search(" ".join([get(name, "") for name in names]).lower()):
            out.append(el)
    return out
