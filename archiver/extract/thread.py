"""A readers' thread after the story: a comments-named region the article's prose precedes.

A class or id word that names a region is evidence weighed against the prose it would cut
(issue 12): inside the chosen container, an element holding more than half of its prose is
spared whatever its class says, as the word may name the article's own wrapper. A comment
thread is the one region that beats that rule by length: a short post under a long discussion
puts most of the container's prose in the thread. What tells the two apart is order and
structure, not length: readers answer a story that is already there, so a thread follows an
article's worth of prose inside the same container; a wrapper named "comments" around the
article itself has no such prose before it. Only the "comments" role is read so: "hidden",
"widget", "sidebar" words wrap articles often enough that the half rule must stand for them.
"""

from __future__ import annotations

from itertools import pairwise

from lxml import etree

from .parse import is_inside
from .stats import Stats

STORY_BEFORE = 120  # unlinked characters of prose before the thread: the least an article holds (choose)


def prose_before(el: etree._Element, container: etree._Element, st: Stats) -> int:
    """Unlinked characters of the elements that precede ``el`` inside ``container`` (its own
    earlier siblings and those of each ancestor up to the container), as measured in ``st``."""
    total, node = 0, el
    while node is not None and node is not container:
        sib = node.getprevious()
        while sib is not None:
            if isinstance(sib.tag, str):
                total += st.text.get(sib, 0) - st.links.get(sib, 0)
            sib = sib.getprevious()
        node = node.getparent()
    return total


def thread_after_story(el: etree._Element, role: str, container: etree._Element | None, st: Stats) -> bool:
    """True when ``el``, cued ``role`` inside ``container``, is a readers' thread that follows
    the story: a "comments" region after at least ``STORY_BEFORE`` characters of unlinked prose
    of the same container. Such a cue stands even where the thread outweighs the story."""
    if role != "comments" or container is None or el is container:
        return False
    return prose_before(el, container, st) >= STORY_BEFORE


def outside_story(el: etree._Element, anchor: etree._Element | None, st: Stats) -> bool:
    """True when ``el`` is a box of the page's rail beside the chosen container: it holds less
    unlinked prose than the container, which holds an article's worth (``STORY_BEFORE``), and
    lies outside the container's grandparent (pieces of one story split into sibling wrappers
    share that). An ambiguous class word ("widget", "more") on such a box names chrome."""
    if anchor is None or el is anchor:
        return False
    story = st.text.get(anchor, 0) - st.links.get(anchor, 0)
    if story < STORY_BEFORE or st.text.get(el, 0) - st.links.get(el, 0) >= story:
        return False
    near = anchor.getparent()
    near = near.getparent() if near is not None else None
    if near is None or is_inside(el, near) or is_inside(near, el) or el is near:
        return False
    return not _same_series(el, anchor)


def _same_series(el: etree._Element, anchor: etree._Element) -> bool:
    """True when the two branches that lead to ``el`` and to the container from their nearest
    common ancestor are alike (same tag, same first class token, not none): one story split
    into repeated wrappers or columns (page builders' "widget" blocks), not a rail box."""
    mine = [el, *el.iterancestors()]
    theirs = {node: child for child, node in pairwise([anchor, *anchor.iterancestors()])}
    for child, node in pairwise(mine):
        if node in theirs:
            other = theirs[node]
            return other.tag == child.tag and _first_class(other) == _first_class(child) != ""
    return False


def _first_class(el: etree._Element) -> str:
    """The element's first class token: a builder's per-instance tokens ("element-3f2a") follow it."""
    classes = (el.get("class") or "").split()
    return classes[0] if classes else ""
