"""The element walk of the extract stage, pure Python (the twin of ``_walk.pyx``, issue 17).

Facts only, gathered from an lxml tree: how much text each element holds (script-aware
weights, linked text, text outside block children, prose punctuation), an element's visible
text, and the tokens of a class/id value. What the facts mean (a chrome cue, a prose block)
is decided in the stage modules (:mod:`archiver.extract.stats`, ``.parse``, ``.cues``), which
call whichever of the two modules :func:`archiver._speedups.pick` gives; both give the same
integers, strings and dict orders (``tests/speedups/test_walk.py``).
"""

from __future__ import annotations

import re
from collections.abc import Collection

from lxml import etree

from .squash import squash

WIDE = 3  # a Han, kana or Hangul character weighs this many Latin ones
_WIDE = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_PUNCT = re.compile("[,،;؛.。、!?؟！？]")

Measures = tuple[
    dict[etree._Element, int], dict[etree._Element, int], dict[etree._Element, int], dict[etree._Element, int]
]


def weigh(text: str) -> tuple[int, int]:
    """(weighted length, prose punctuation marks) of one text: its length with surrounding and
    repeated whitespace collapsed, a CJK/Hangul character counted ``WIDE``; and its ``_PUNCT``.

    ``" ".join(text.split())`` is the strip-and-collapse: ``str.split`` and the regex ``\\s`` use
    the same whitespace set (Py_UNICODE_ISSPACE), and it is much faster. Most text nodes are
    whitespace-only tails, which return at once."""
    words = text.split()
    if not words:
        return 0, 0
    n = len(" ".join(words))
    if not text.isascii():
        n += len(_WIDE.findall(text)) * (WIDE - 1)
    return n, len(_PUNCT.findall(text))


def measure(
    root: etree._Element, elements: list[etree._Element] | None, block_tags: Collection[str]
) -> Measures:
    """(text, links, inline, punct) of every element under (and including) ``root``, in one pass.

    Nodes are visited children first (reversed document order; each dict is filled in that
    order). Each, once measured, adds its share (its text plus its tail, links, marks, inline
    text) to a running sum for its parent: no element's children are walked again, and nodes
    with nothing to add (no text at all) stop there. ``elements``: ``list(root.iter())`` when
    the caller already has it (nothing else). Inline text stops at ``block_tags`` children."""
    text: dict[etree._Element, int] = {}
    links: dict[etree._Element, int] = {}
    inline: dict[etree._Element, int] = {}
    punct: dict[etree._Element, int] = {}
    sums: dict[etree._Element, list[int]] = {}  # element -> its children's [text, links, marks, inline]
    for el in reversed(elements if elements is not None else list(root.iter())):
        tail = el.tail
        # whitespace-only nodes (most tails) weigh nothing: skip the call
        n_tail, m_tail = weigh(tail) if tail and not tail.isspace() else (0, 0)
        tag = el.tag
        if isinstance(tag, str):
            own = el.text
            total, marks = weigh(own) if own and not own.isspace() else (0, 0)
            got = sums.pop(el, None)  # complete: every child came before its parent
            if got is None:
                inl, lnk = total, 0
            else:
                inl = total + got[3]
                total += got[0]
                lnk = got[1]
                marks += got[2]
            if tag == "a":
                lnk = total
            text[el] = total
            links[el] = lnk
            inline[el] = inl
            punct[el] = marks
            inl = n_tail if tag in block_tags else total + n_tail  # the parent's inline share
            total += n_tail
            marks += m_tail
        else:  # a comment, processing instruction or entity: only its tail is text
            total, lnk, marks, inl = n_tail, 0, m_tail, n_tail
        if el is root or not (total or lnk or marks):  # inline is at most text: zero with it
            continue
        parent = el.getparent()
        add = sums.get(parent)
        if add is None:
            sums[parent] = [total, lnk, marks, inl]
        else:
            add[0] += total
            add[1] += lnk
            add[2] += marks
            add[3] += inl
    return text, links, inline, punct


def text_of(el: etree._Element) -> str:
    """The element's visible text (``itertext``: texts and tails of its descendants, an entity
    as ``&name;``, no comment's text), the pieces joined by spaces, whitespace squashed."""
    return squash(" ".join(el.itertext()))


def own(
    el: etree._Element,
    links: dict[etree._Element, int],
    punct: dict[etree._Element, int],
    block_tags: Collection[str],
) -> tuple[int, int]:
    """(linked text, punctuation marks) of ``el`` outside its ``block_tags`` children, at least
    0: ``el``'s entries in ``links`` and ``punct`` less its block children's, as the tree is now."""
    lnk, marks = links.get(el, 0), punct.get(el, 0)
    for child in el:
        if isinstance(child.tag, str) and child.tag in block_tags:
            lnk -= links.get(child, 0)
            marks -= punct.get(child, 0)
    return max(0, lnk), max(0, marks)
