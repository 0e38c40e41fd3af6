"""Text measurements for every element of a tree, in one bottom-up pass.

Scoring and pruning ask "how much text, how much of it linked, how much prose punctuation"
for many elements; computing that with ``itertext`` per element is quadratic on deep pages.
``measure`` walks the tree once (children before parents) and caches the numbers.

Lengths are *script-aware*: a Han, kana or Hangul character carries about as much as a short
Latin word, so it counts as ``WIDE`` characters; Arabic and Latin letters count one each (Arabic
words are shorter in characters than English ones, which the prose thresholds allow for by
counting punctuation and words rather than demanding long runs).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from .._speedups import pick
from .._speedups.walk import _PUNCT as _PUNCT  # re-exported: tests count marks with it
from .._speedups.walk import _WIDE, WIDE
from . import parse
from .blocks import BLOCK_TAGS

_walk = pick("walk")  # compiled or pure: the same facts (archiver/_speedups/walk.py says which)
_SPACE = re.compile(r"\s+")


def weighted_len(text: str) -> int:
    """Length of ``text`` without surrounding/duplicate whitespace, CJK/Hangul counted ``WIDE``."""
    text = text.strip()
    if not text:
        return 0
    n = len(_SPACE.sub(" ", text))
    wide = len(_WIDE.findall(text)) if n and not text.isascii() else 0
    return n + wide * (WIDE - 1)


@dataclass(slots=True)
class Stats:
    """Per element: total text, linked text, text outside block children, punctuation marks."""

    text: dict[etree._Element, int] = field(default_factory=dict)
    links: dict[etree._Element, int] = field(default_factory=dict)
    inline: dict[etree._Element, int] = field(default_factory=dict)
    punct: dict[etree._Element, int] = field(default_factory=dict)

    def link_density(self, el: etree._Element) -> float:
        total = self.text.get(el, 0)
        return min(1.0, self.links.get(el, 0) / total) if total else 0.0


_weigh = _walk.weigh  # (weighted_len, prose punctuation marks) of one text, in one go


def measure(root: etree._Element, elements: list[etree._Element] | None = None) -> Stats:
    """Measure every element under (and including) ``root`` in one pass (children first, in
    reversed document order; :func:`archiver._speedups.walk.measure` says how). ``elements``:
    ``list(root.iter())`` when the caller already has it."""
    return Stats(*_walk.measure(root, elements, BLOCK_TAGS))


def copy(st: Stats) -> Stats:
    """An independent copy, for measurements kept up to date while the original stays as it was."""
    return Stats(dict(st.text), dict(st.links), dict(st.inline), dict(st.punct))


def _weigh_any(text: str | None) -> tuple[int, int]:
    return _weigh(text) if text else (0, 0)


def drop_tree(el: etree._Element, st: Stats) -> None:
    """``parse.drop_tree(el)``, keeping ``st`` what ``measure`` of the whole tree would give afterwards
    for every element still in it, at the cost of ``el``'s ancestors rather than of the tree.

    ``drop_tree`` glues ``el``'s tail onto the previous sibling's tail (or the parent's text):
    lengths are not additive across that join (whitespace collapses), so the joined string is
    weighed again; punctuation counts are. The dropped subtree's own entries are left as they
    were (removing them costs more than the whole update): ask only about attached elements."""
    parent = el.getparent()
    size = st.text[el]
    d_text, d_links, d_punct = -size, -st.links[el], -st.punct[el]
    d_inline = 0 if el.tag in BLOCK_TAGS else -size
    tail = el.tail
    if tail:
        prev = el.getprevious()
        head = parent.text if prev is None else prev.tail
        (n_head, p_head), (n_tail, p_tail) = _weigh_any(head), _weigh_any(tail)
        n_joined, p_joined = _weigh_any((head or "") + tail)
        d_text += n_joined - n_head - n_tail
        d_inline += n_joined - n_head - n_tail
        d_punct += p_joined - p_head - p_tail
    parse.drop_tree(el)
    _propagate(parent, st, d_text, d_inline, d_links, d_punct)


def _propagate(
    node: etree._Element | None, st: Stats, d_text: int, d_inline: int, d_links: int, d_punct: int
) -> None:
    """Add a child's change to ``node`` and its measured ancestors, as ``measure`` sums them."""
    text, links, inline, punct = st.text, st.links, st.inline, st.punct
    while node is not None and node in text:
        if not (d_text or d_inline or d_links or d_punct):
            return  # nothing left to add: an <a> above keeps links == text, as measured
        tag = node.tag
        text[node] += d_text
        if d_inline:
            inline[node] += d_inline
        if d_punct:
            punct[node] += d_punct
        if tag == "a":  # all of a link's text is linked
            old_links = links[node]
            links[node] = text[node]
            d_links = text[node] - old_links
        elif d_links:
            links[node] += d_links
        d_inline = 0 if tag in BLOCK_TAGS else d_text  # a block child is not its parent's inline text
        node = node.getparent()
