"""Widgets: repeated sibling structures of headline links, and role guesses for removed regions.

A "related", "most read" or "latest news" box is, whatever its class names, a run of similar
siblings (same tag) each holding a link whose text is headline-sized, with little unlinked text.
Navigation menus are the same shape with short link texts. Neither depends on language.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from .cues import phrase_cue
from .parse import text_of
from .stats import Stats

_HEADLINE = 20  # link text length (script-aware) from which a link reads as a headline
_FIRST_LINE = 60


def _items(el: etree._Element) -> list[etree._Element]:
    children = [c for c in el if isinstance(c.tag, str)]
    if len(children) < 3:
        return []
    tag, count = Counter(c.tag for c in children).most_common(1)[0]
    return [c for c in children if c.tag == tag] if count >= 3 else []


def is_teaser_list(el: etree._Element, st: Stats) -> bool:
    """Three or more same-tag siblings, most holding a headline-sized link, mostly link text."""
    if st.link_density(el) < 0.5:
        return False
    items = _items(el)
    if not items:
        return False
    headed = 0
    for item in items:
        longest = max((st.text.get(a, 0) for a in item.iter("a")), default=0)
        if longest >= _HEADLINE:
            headed += 1
    return headed >= 3 and headed >= 0.6 * len(items)


def headline_links(el: etree._Element, st: Stats) -> int:
    """Links that are headline-sized and make up (nearly) all of their parent's text: teasers."""
    count = 0
    for a in el.iter("a"):
        size = st.text.get(a, 0)
        parent = a.getparent()
        if size >= _HEADLINE and parent is not None and st.text.get(parent, 0) <= size * 1.2 + 2:
            count += 1
    return count


def _first_line(el: etree._Element) -> str:
    for piece in el.itertext():
        piece = piece.strip()
        if piece:
            return piece[:_FIRST_LINE]
    return ""


def guess_role(el: etree._Element, st: Stats, phrases: tuple[str, ...] = ()) -> str:
    """A role for a region cut without a class or tag cue: from its heading phrase, else its shape."""
    cue = phrase_cue(_first_line(el), phrases)
    if cue:
        return cue[0]
    size = st.text.get(el, 0)
    if not size:
        size = len(text_of(el))
    if size and st.link_density(el) > 0.5:
        links = [st.text.get(a, 0) for a in el.iter("a")]
        long_links = sum(1 for n in links if n >= _HEADLINE)
        return "related" if long_links >= 2 and long_links >= len(links) / 2 else "navigation"
    return "boilerplate"
