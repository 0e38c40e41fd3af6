"""The link texts of a page's menus, pure Python (the twin of ``_menus.pyx``, issue 17).

Facts only: the visible text (:func:`archiver._speedups.walk.text_of`) of every link inside an
outermost menu, each text once, in the order first met. What makes an element a menu (its tag,
words in its class or id) the caller says; what a text means (a section label, an author's
name) is decided in :mod:`archiver.extract.byline`.
"""

from __future__ import annotations

from lxml import etree

from .walk import text_of


def menu_texts(
    root: etree._Element, tags: tuple[str, ...], always: tuple[str, ...], words: tuple[str, ...], link: str
) -> list[str]:
    """The distinct ``text_of`` of every ``link`` element inside a menu under (and including)
    ``root``, in document order of first occurrence. A menu is a ``tags`` element whose tag is
    in ``always`` or whose ``f"{class} {id}"``, lower-cased, holds one of ``words``; a menu
    inside a menu (an ancestor of one of ``tags`` that is a menu) is read with the outer one."""
    menus: set[etree._Element] = set()
    seen: dict[str, None] = {}
    for el in root.iter(*tags):
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if el.tag in always or any(w in marks for w in words):
            menus.add(el)
            if any(up in menus for up in el.iterancestors(*tags)):
                continue
            for a in el.iter(link):
                seen.setdefault(text_of(a))
    return list(seen)
