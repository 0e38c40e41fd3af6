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


def measure(root: etree._Element) -> Stats:
    """Measure every element under (and including) ``root`` in one pass."""
    st = Stats()
    text, links, inline, punct = st.text, st.links, st.inline, st.punct
    for el in reversed(list(root.iter())):
        if not isinstance(el.tag, str):
            continue
        own = el.text or ""
        total = weighted_len(own)
        inl = total
        lnk = 0
        marks = len(_PUNCT.findall(own)) if own else 0
        for child in el:
            tail = child.tail or ""
            if tail:
                n = weighted_len(tail)
                total += n
                inl += n
                marks += len(_PUNCT.findall(tail))
            if not isinstance(child.tag, str):
                continue
            n = text.get(child, 0)
            total += n
            lnk += links.get(child, 0)
            marks += punct.get(child, 0)
            if child.tag not in BLOCK_TAGS:
                inl += n
        text[el] = total
        links[el] = total if el.tag == "a" else lnk
        inline[el] = inl
        punct[el] = marks
    return st
