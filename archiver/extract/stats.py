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

from .blocks import BLOCK_TAGS

WIDE = 3
_WIDE = re.compile("[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
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

    ``elements``: ``list(root.iter())`` when the caller already has it (saves a tree walk)."""
    st = Stats()
    text, links, inline, punct = st.text, st.links, st.inline, st.punct
    block_tags = BLOCK_TAGS
    for el in reversed(elements if elements is not None else list(root.iter())):
        tag = el.tag
        if not isinstance(tag, str):
            continue
        own = el.text
        # whitespace-only nodes (most tails) weigh nothing: skip the call
        total, marks = _weigh(own) if own and not own.isspace() else (0, 0)
        inl = total
        lnk = 0
        for child in el:
            tail = child.tail
            if tail and not tail.isspace():
                n, m = _weigh(tail)
                total += n
                inl += n
                marks += m
            ctag = child.tag
            if not isinstance(ctag, str):
                continue
            n = text[child]  # children are measured first (reversed document order)
            total += n
            lnk += links[child]
            marks += punct[child]
            if ctag not in block_tags:
                inl += n
        text[el] = total
        links[el] = total if tag == "a" else lnk
        inline[el] = inl
        punct[el] = marks
    return st
