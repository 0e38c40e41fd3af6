"""The page's headline and the elements around it, for the scoring (:mod:`.scoring`): the story
a page is about sits next to its headline h1, which the <title>, og:title or twitter:title confirm.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from .parse import squash, text_of

if TYPE_CHECKING:
    from .scoring import Memo

HEADLINE_BONUS = 1.25  # score factor for candidates beside the page's headline h1


def headline_region(body: etree._Element, memo: Memo | None = None) -> set[etree._Element]:
    """The first <h1> and its nearest ancestors: the story the page is about sits next to its
    headline, while a second story (infinite scroll, "next article") has its own."""
    h1 = memo.first_h1(body) if memo is not None else next(body.iter("h1"), None)
    if h1 is None or not _is_page_headline(body, text_of(h1), memo):
        return set()
    region = set()
    node = h1.getparent()
    for _ in range(3):
        if node is None or node is body or node.tag == "main":
            break
        region.add(node)
        if node.tag == "article":  # the headline's own story, not the page around it
            break
        node = node.getparent()
    return region


def _is_page_headline(body: etree._Element, text: str, memo: Memo | None = None) -> bool:
    """The h1 is the page's headline when the <title> or og:title contains it (or it them)."""
    if len(text) < 8:
        return False
    titles = memo.titles if memo is not None else None
    if titles is None:
        titles = head_titles(body)
        if memo is not None:
            memo.titles = titles
    return any(t and (text in t or t in text) for t in titles)


def head_titles(body: etree._Element) -> list[str]:
    """<title>, og:title and twitter:title of the page's <head> (none without one)."""
    head = body.getroottree().getroot().find("head")
    if head is None:
        return []
    titles = [text_of(t) for t in head.iter("title")]
    titles += [
        squash(m.get("content") or "")
        for m in head.iter("meta")
        if (m.get("property") or m.get("name") or "").lower() in ("og:title", "twitter:title")
    ]
    return titles


def near_headline(el: etree._Element, region: set[etree._Element]) -> bool:
    """``el`` or one of its two nearest ancestors is in the headline's ``region``."""
    node: etree._Element | None = el
    for _ in range(3):
        if node is None:
            return False
        if node in region:
            return True
        node = node.getparent()
    return False
