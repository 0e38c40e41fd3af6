"""A slideshow beside the headline's story is a gallery, not body (issue 12).

A slideshow or photo module after a story lays its slides out as a list: one item per slide,
a heading and one caption each — captions often as long as paragraphs, so they read as prose and
the images are drawn by script. The cues keep it when it sits inside the story's container. By
structure it is not the story: the second opinion puts its captions in a run of their own (not
joined to the run the page's headline opens), and the list sits in wrappers of its own, joined
to the story's region only above its grandparent. A list among the story's own paragraphs (an
article's list of news items, a photo post's captions) joins the story at its parent or
grandparent and stays.
"""

from __future__ import annotations

from lxml import etree

from .second import Opinion, Run

STORY = 600  # unlinked prose characters the headline's run needs to say what the story is
MIN_SLIDES = 5  # items of a slide list
SLIDES_SHARE = 0.8  # share of a run's prose its slide lists must hold
NEAR = 2  # levels above the list within which a list joins the story's region


def _holds(el: etree._Element, blocks: set) -> bool:
    return any(d in blocks for d in el.iter())


def _slide_list(block: etree._Element, prose: set) -> etree._Element | None:
    """The ul/ol of which ``block`` is one item's only prose block, when every child of the list
    is an item holding at most one prose block and there are ``MIN_SLIDES`` of them."""
    item = next((a for a in block.iterancestors() if a.tag in ("li", "ul", "ol")), None)
    lst = item.getparent() if item is not None and item.tag == "li" else None
    if lst is None or lst.tag not in ("ul", "ol"):
        return None
    items = [c for c in lst if isinstance(c.tag, str)]
    if len(items) < MIN_SLIDES or any(c.tag != "li" for c in items):
        return None
    if any(sum(1 for d in c.iter() if d in prose) > 1 for c in items):
        return None
    return lst


def _apart(lst: etree._Element, region: etree._Element) -> bool:
    """``lst`` joins ``region`` only above its grandparent: it sits in wrappers of its own."""
    around = {id(a) for a in (region, *region.iterancestors())}
    for depth, anc in enumerate(lst.iterancestors(), 1):
        if id(anc) in around:
            return depth > NEAR
    return True


def slides_beside(
    main: list[etree._Element], opinion: Opinion, story: Run, order: dict
) -> list[etree._Element]:
    """Slide lists inside ``main``, after the story the headline opens, that hold (nearly) all of
    a run of their own and join the story's region only far up."""
    if story.weight < STORY or story.region is None:
        return []
    inside, mine = set(main), set(story.blocks)
    if not all(b in inside or any(a in inside for a in b.iterancestors()) for b in story.blocks):
        return []
    prose = {b for r in opinion.runs for b in r.blocks}
    last = order.get(story.blocks[-1], 0)
    found: list[etree._Element] = []
    for run in opinion.runs:
        first = run.blocks[0]
        if mine.intersection(run.blocks) or order.get(first, 0) <= last:
            continue
        if not any(a in inside for a in first.iterancestors()):
            continue
        lists: dict[etree._Element, int] = {}
        for block, weight in zip(run.blocks, run.weights):
            lst = _slide_list(block, prose)
            if lst is not None and lst not in inside and not _holds(lst, mine) and _apart(lst, story.region):
                lists[lst] = lists.get(lst, 0) + weight
        if sum(lists.values()) >= SLIDES_SHARE * run.weight:
            found += [lst for lst in lists if lst not in found]
    return found
