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

from lxml import etree

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
