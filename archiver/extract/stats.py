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

from . import parse
from .blocks import BLOCK_TAGS

WIDE = 3
_WIDE = re.compile(
    "[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]"
)
_PUNCT = re.compile("[,،;؛.。、!?؟！？]")
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


def _weigh(text: str) -> tuple[int, int]:
    """(``weighted_len``, prose punctuation marks) of one text node, in one go.

    ``" ".join(text.split())`` is ``weighted_len``'s strip-and-collapse: ``str.split`` and the
    regex ``\\s`` use the same whitespace set (Py_UNICODE_ISSPACE), and it is much faster. Most
    text nodes are whitespace-only tails, which return at once."""
    words = text.split()
    if not words:
        return 0, 0
    n = len(" ".join(words))
    if not text.isascii():
        n += len(_WIDE.findall(text)) * (WIDE - 1)
    return n, len(_PUNCT.findall(text))


def measure(root: etree._Element, elements: list[etree._Element] | None = None) -> Stats:
    """Measure every element under (and including) ``root`` in one pass.

    Nodes are visited children first (reversed document order). Each, once measured, adds its
    share (its text plus its tail, links, marks, inline text) to a running sum for its parent:
    no element's children are walked again, and nodes with nothing to add (no text at all)
    stop there. ``elements``: ``list(root.iter())`` when the caller already has it."""
    st = Stats()
    text, links, inline, punct = st.text, st.links, st.inline, st.punct
    block_tags = BLOCK_TAGS
    sums: dict[etree._Element, list[int]] = {}  # element -> its children's [text, links, marks, inline]
    for el in reversed(elements if elements is not None else list(root.iter())):
        tail = el.tail
        # whitespace-only nodes (most tails) weigh nothing: skip the call
        n_tail, m_tail = _weigh(tail) if tail and not tail.isspace() else (0, 0)
        tag = el.tag
        if isinstance(tag, str):
            own = el.text
            total, marks = _weigh(own) if own and not own.isspace() else (0, 0)
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
        else:  # a comment or processing instruction: only its tail is text
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
    return st


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
        old_links = links[node]
        text[node] += d_text
        inline[node] += d_inline
        punct[node] += d_punct
        links[node] = text[node] if node.tag == "a" else old_links + d_links
        d_links = links[node] - old_links
        d_inline = 0 if node.tag in BLOCK_TAGS else d_text  # a block child is not its parent's inline text
        node = node.getparent()
