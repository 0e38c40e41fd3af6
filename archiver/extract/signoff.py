"""A sign-off ends the article; a gallery is a gallery, not body (issue 12).

News articles close with a sign-off line: an agency's name in brackets ("(أ ف ب)", "(رويترز)",
"(AFP)"), a dash and an agency ("— AP"), the desk's initials ("(ع.م)", "(dpa/jk)"), or the
credits ("Reporting by ...; Editing by ..."). What follows it at the same level — the sign-off's
later siblings and those of its containers, up to the article element — is a gallery, a
carousel or related links far more often than article, so it needs strong evidence to be kept:
a long paragraph of sentences without an image in it.

A gallery is a container whose children are mostly slides: elements of one tag, each holding an
image and at most a caption's worth of text. Its text is cut with role ``gallery`` even when the
captions are long, unless the page is the gallery (its captions hold most of the article's text).
The patterns are general cues (agency names, initials shapes), never one page's strings.
"""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from . import reasons as R
from .blocks import BLOCK_TAGS
from .parse import text_of
from .second import prose_weight
from .widgets import guess_role

_AGENCY = (
    r"أ\s?ف\s?ب|رويترز|د\s?ب\s?أ|الأناضول|واس|قنا|وام|بترا|سانا|كونا|شينخوا|يو\s?بي\s?آي|"
    r"afp|ap|reuters|dpa|ansa|efe|upi|xinhua|apa|sda|kna|wafa|وفا|mena|أ\s?ش\s?أ"
)
_SIGNOFF = re.compile(
    rf"^\s*(?:[(\[]\s*(?:{_AGENCY})(?:\s*[/,]\s*\w+)*\s*[)\]]"  # (AFP), (dpa/jk), (أ ف ب)
    rf"|[—–-]+\s*(?:{_AGENCY})"  # — AP
    r"|[(\[]\s*[^\W\d_]{1,3}(?:\s*[./]\s*[^\W\d_]{1,3}){1,3}\s*[)\]]"  # (ع.م), (jk/ab)
    r"|(?:(?:additional\s+)?reporting|writing|editing)\s+by\b.{0,240})\s*\.?\s*$",
    re.IGNORECASE | re.DOTALL,
)
_MAX_LINE = 260  # characters of a sign-off line
_BEFORE = 300  # characters of article text that must come before a sign-off
_STRONG = 200  # prose characters a block after the sign-off needs to be kept
_MIN_SLIDES = 3
_LINES = frozenset({"p", "div", "span", "strong", "em", "b", "i", "small", "h6", "address"})
_GALLERY_PAGE = (
    1  # slides holding more text than the rest of the article: they are the article (a photo story)
)


def is_signoff(text: str) -> bool:
    return 0 < len(text) <= _MAX_LINE and bool(_SIGNOFF.match(text))


def image_holders(body: etree._Element) -> set[etree._Element]:
    """Parents of the page's images, read before images are stripped as non-text."""
    return {img.getparent() for img in body.iter("img", "picture") if img.getparent() is not None}


def imaged(holders: set[etree._Element]) -> set[etree._Element]:
    """The holders and their ancestors as the tree is now: the elements that hold an image.
    ``el in imaged(holders)`` is ``any(d in holders for d in el.iter())``, one set look-up."""
    out: set[etree._Element] = set()
    for holder in holders:
        if holder in out:
            continue  # an ancestor of a holder met before: its ancestors are in already
        out.add(holder)
        for a in holder.iterancestors():
            if a in out:
                break
            out.add(a)
    return out


def galleries(
    main: list[etree._Element], with_image: set[etree._Element], marked: bool = False
) -> list[etree._Element]:
    """Containers inside ``main`` whose children are mostly image slides of one tag
    (``with_image``: :func:`imaged`, the elements that hold an image).

    ``marked``: only slides that say they are pictures with captions (a <figure>, or a
    <figcaption> inside): recipe steps, icon tables and paragraphs with inline formula images
    repeat image structures too, and are article."""
    if not with_image:
        return []
    found: list[etree._Element] = []
    for root in main:
        for el in root.iter():
            if el not in with_image:  # no slide of it holds an image
                continue
            kids = [c for c in el if isinstance(c.tag, str)]
            if len(kids) < _MIN_SLIDES or any(el is f or f in el.iterancestors() for f in found):
                continue
            tag, count = Counter(c.tag for c in kids).most_common(1)[0]
            slides = [
                c
                for c in kids
                if c.tag == tag
                and c in with_image
                and (not marked or c.tag == "figure" or c.find(".//figcaption") is not None)
            ]
            if (
                count >= _MIN_SLIDES
                and len(slides) >= 0.8 * len(kids)
                and sum(len(text_of(c)) for c in slides) >= 0.8 * len(text_of(el))
            ):
                found.append(el)
    return found


def after_signoff(main: list[etree._Element], st, with_image: set[etree._Element]) -> list[etree._Element]:
    """Elements after the article's sign-off, at its level, that lack strong evidence of prose
    (``with_image``: :func:`imaged`)."""
    seen = 0
    inline, text = st.inline, st.text
    for root in main:
        for el in root.iter():
            tag = el.tag  # lxml makes the string anew at each read
            if tag.__class__ is not str:
                continue
            if tag in BLOCK_TAGS:
                seen += inline.get(el, 0)
            if tag not in _LINES or not 0 < text.get(el, 0) <= _MAX_LINE or seen < _BEFORE + text[el]:
                continue
            if is_signoff(text_of(el)) and not any(
                isinstance(c.tag, str) and is_signoff(text_of(c)) for c in el
            ):
                return [f for f in _followers(el, root) if not _strong(f, st, with_image)]
    return []


def _followers(el: etree._Element, root: etree._Element) -> list[etree._Element]:
    out: list[etree._Element] = []
    node = el
    while node is not None and node is not root:
        out += [s for s in node.itersiblings() if isinstance(s.tag, str)]
        node = node.getparent()
    return out


def _strong(el: etree._Element, st, with_image: set[etree._Element]) -> bool:
    return prose_weight(el, st) >= _STRONG and el not in with_image


def gallery_page(gallery_text: int, total: int) -> bool:
    return gallery_text > _GALLERY_PAGE * max(1, total - gallery_text)


def close(ex, main: list[etree._Element], holders: set[etree._Element]) -> None:
    """Cut the galleries inside the article and what follows its sign-off (``ex``: the body
    extractor, whose ``cut`` records each with its role and reason)."""
    total = sum(ex.st.text.get(m, 0) for m in main)
    with_image = imaged(holders)
    found = galleries(main, with_image, marked=True)
    if not gallery_page(sum(ex.st.text.get(g, 0) for g in found), total):
        for el in found:
            ex.cut(el, "gallery", R.REPEATED_SLIDES)
        if found:
            with_image = imaged(holders)  # the tree as the gallery cuts left it
    # the followers' subtrees are apart: cutting one leaves the others' answers as they were
    for el in after_signoff(main, ex.st, with_image):
        if el.getparent() is not None:
            role = "gallery" if galleries([el], with_image) else guess_role(el, ex.st, ex.phrases)
            ex.cut(el, role, R.AFTER_SIGN_OFF)
