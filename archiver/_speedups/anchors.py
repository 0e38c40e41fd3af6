"""The page's link anchors, pure Python (the twin of ``_anchors.pyx``, issue 17).

Facts only: the ``<a href>`` elements of a tree in document order, each as its target as written
(stripped) and its text (``itertext`` run together, whitespace squashed). Which anchors are no
links (in-page fragments, those inside scripts or templates) the caller says; what a target
becomes (sanitized, made absolute) is decided in :mod:`archiver.extract.links`.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

from .walk import squash, text_of


def anchors(root: etree._Element, hidden: Collection[str], skip: tuple[str, ...]) -> list[tuple[str, str]]:
    """(href, text) of every ``<a>`` under (and including) ``root`` in document order whose
    ``href``, stripped, is not empty and starts with none of ``skip``, and that is inside no
    element whose tag is one of ``hidden``; ``text`` is ``squash("".join(a.itertext()))``."""
    inside = {a for el in root.iter(*hidden) for a in el.iter("a")} if hidden else set()  # one pass
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(skip) or a in inside:
            continue
        out.append((href, squash("".join(a.itertext()))))
    return out


def texts(el: etree._Element, tag: str) -> list[str]:
    """``text_of`` (the visible text, pieces joined by spaces) of every ``tag`` element under (and
    including) ``el``, in document order."""
    return [text_of(a) for a in el.iter(tag)]
