"""The elements whose text is a stretch of a string, pure Python (the twin of ``_titles.pyx``, issue 17).

:func:`stretches` is the walk of the headline search (:func:`archiver.extract.headed.title_parts`):
of a page's elements, those in a weight window whose case-folded visible text occurs in a given
string (the page's titles). Which window, which tags are never asked and which may be all link
is the stage's to say. The compiled twin gives the same list (``tests/speedups/test_titles_twins.py``).

A child's text is a stretch of its parent's (``text_of`` joins the pieces of a subtree in order,
and squashing and case-folding map a stretch to a stretch), so once an element's text is not in
the string, none of its ancestors' is: they are not read.
"""

from __future__ import annotations

from collections.abc import Collection

from lxml import etree

from .walk import text_of


def stretches(
    elements: list[etree._Element],
    sizes: dict[etree._Element, int],
    links: dict[etree._Element, int],
    lo: int,
    hi: int,
    never: Collection[str],
    linked_ok: Collection[str],
    haystack: str,
) -> list[tuple[etree._Element, str]]:
    """(element, ``text_of(element).casefold()``), in the order of ``elements`` (a whole subtree
    in document order), of each element whose folded text occurs in ``haystack``, whose tag is a
    name not in ``never``, whose weight ``sizes.get(el, 0)`` is within ``lo..hi`` and whose linked
    text ``links.get(el, 0)`` is less than that weight unless its tag is in ``linked_ok``."""
    out = []
    dead: set[etree._Element] = set()  # elements holding a text that is not in the haystack
    size_of, links_of = sizes.get, links.get
    for el in reversed(elements):  # children before their parents
        if el in dead:
            dead.add(el.getparent())
            continue
        size = size_of(el, 0)
        if size < lo or size > hi:
            continue
        tag = el.tag
        if tag.__class__ is not str or tag in never:
            continue
        if tag not in linked_ok and links_of(el, 0) >= size:
            continue
        text = text_of(el).casefold()
        if text in haystack:
            out.append((el, text))
        else:
            dead.add(el.getparent())
    out.reverse()
    return out
