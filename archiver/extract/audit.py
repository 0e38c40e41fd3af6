"""Nothing is lost silently: everything outside the article is recorded as a cut.

After the article elements are chosen (and for a page with no article, after it is decided
there is none), :func:`outside` cuts every element that is neither chosen nor an ancestor of a
chosen one, and :func:`loose_text` records the text that sits directly in those ancestors
(text between the article's containers, text written straight into <body>), which no element
cut carries. For a page without an article the would-be article is cut too, with the reason
that it is too short or a listing: its text is then in ``removed``, never nowhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from . import reasons as R
from .cues import region_cue
from .parse import text_of
from .widgets import guess_role


@dataclass(slots=True)
class Cut:
    element: etree._Element | None
    text: str
    role: str
    reason: str
    order: int


def outside(ex, main: list[etree._Element]) -> None:
    """Cut every element of ``ex.body`` that neither is in ``main`` nor holds one."""
    if ex.body in main:  # the whole body is the article (a bare page): nothing is outside
        return
    keep = set(main)
    for el in main:
        keep.update(el.iterancestors())
    stack = [c for c in ex.body if isinstance(c.tag, str)]
    while stack:
        el = stack.pop()
        if el in main:
            continue
        if el in keep:
            stack.extend(c for c in el if isinstance(c.tag, str))
            continue
        cue = region_cue(el)
        if cue:
            ex.cut(el, cue[0], R.tagged(R.OUTSIDE_ARTICLE, cue[1]))
        else:
            ex.cut(el, guess_role(el, ex.st, ex.phrases), R.OUTSIDE_ARTICLE)


def loose_text(ex, main: list[etree._Element]) -> None:
    """Record text that sits directly in the ancestors of ``main`` (or in <body>)."""
    if ex.body in main:
        return
    chosen = set(main)
    holders = {ex.body}
    for el in main:
        for a in el.iterancestors():
            if a is ex.body:
                break
            holders.add(a)
    parts: list[str] = []
    for el in sorted(holders, key=lambda e: ex.order.get(e, 0)):
        if any(a in chosen for a in el.iterancestors()):
            continue
        parts.append(el.text or "")
        parts.extend(c.tail or "" for c in el if c in chosen or c in holders or not isinstance(c.tag, str))
    text = " ".join(" ".join(parts).split())
    if text:
        ex.cuts.append(Cut(None, text, "boilerplate", R.LOOSE_TEXT, 0))


def no_article(ex, main: list[etree._Element]) -> None:
    """A page without an article: the would-be article's text is cut too."""
    for el in main:
        if el is ex.body:
            ex.cuts.append(Cut(None, text_of(el), "boilerplate", R.NO_ARTICLE, 0))
        elif el.getparent() is not None:
            ex.cut(el, guess_role(el, ex.st, ex.phrases), R.NO_ARTICLE)
        elif text_of(el):  # taken back from a cut by the second opinion, then found no article
            ex.cuts.append(
                Cut(el, text_of(el), guess_role(el, ex.st, ex.phrases), R.NO_ARTICLE, ex.order.get(el, 0))
            )
