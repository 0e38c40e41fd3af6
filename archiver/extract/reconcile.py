"""Reconcile the cue-driven extraction with the second opinion (:mod:`.second`), by structure.

The cue-driven pass (class/id words, phrases, structure) chose ``main``; the second opinion,
which trusts no words, found the heaviest run of prose blocks. They are compared on the second
opinion's own prose blocks: how much of that prose does ``main`` hold?

- ``main``: the cue-driven pass holds (nearly) all of it, or the run is small: it decides alone.
- ``reconciled``: it holds part, and far less than the run: the run's prose blocks it does not
  hold are taken back — from the cuts if a cue cut them, or from the page if they were merely
  outside — with the headings between them. They are joined to the kept body by structure: the
  run's blocks sit together under a near common ancestor by construction.
- ``second``: it holds none of the run (or found no article) while the run is real prose: the
  run is the article (a wrapper whose class says hidden, widget, footer or byline around the
  whole article; an article in a layout table; a one-paragraph brief).

A class word is evidence weighed against the prose it would cut: a cut is undone when the
second opinion finds its prose there, except a cut that named the block itself as something
other than article (comments, caption, embed, gallery, byline, related, promo) and holds less
than half of the run — such a cue says what the prose *is*, not where the article ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import islice

from lxml import etree

from . import reasons as R
from .blocks import BLOCK_TAGS
from .headed import ends_before
from .parse import drop_tree, text_of
from .second import BRIEF, Opinion, Run
from .slides import slides_beside
from .widgets import guess_role

FAR_LESS = 0.5  # main holds under this share of the run's prose: reconcile
MIN_MISSING = 250  # ... and misses at least this many characters of it
NARROW_BLOCKS, NARROW_WEIGHT = 3, 600  # a run must be this big to narrow the cues' choice to it
FAR_MORE = 2  # text beside the run, inside a kept element, over this many times the run: check it
EXTRA_PROSE = 0.2  # ... it stands when it holds this share of the run in prose blocks of its own
FEED_LINKS = 0.15  # ... or when it is not a feed: under this link share and fewer than 3 deks
OVERRIDE = 0.5  # share of the run's prose a cue's cut must hold to be undone
NEAR = 2  # levels above a kept element where a block taken back must join it
REPLACE = 0.25  # the cues' choice is replaced by a run it does not hold when under this share of it
REPLACE_CUT = 0.1  # ... by a run the cues cut by a class word, when under this share
LINK_LIST = 0.5  # link share of a block child, inside a taken-back block, that makes it a link list
HEAD_REACH = 3  # levels above the headline within which the cues' choice is the headline's story
_HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")


# the page's headline, the run of prose it heads, every element holding a stretch of the title
Lead = tuple[etree._Element, Run, tuple[etree._Element, ...]]


@dataclass(frozen=True, slots=True)
class Verdict:
    main: list[etree._Element]
    method: str  # "main" | "reconciled" | "second"
    changed: str  # what the second opinion changed, "" when nothing
    largest: int = 0  # weight of the longest prose block taken back


def _root(el: etree._Element) -> etree._Element:
    """The top of ``el``'s tree: the page's root, or the root of the cut that detached it."""
    top = el
    for top in el.iterancestors():  # noqa: B007 - the last ancestor is the answer
        pass
    return top


def _held(el: etree._Element, main: set[etree._Element]) -> bool:
    return el in main or not main.isdisjoint(el.iterancestors())  # stops at the first one held


def reconcile(
    ex, main: list[etree._Element], ok: bool, opinion: Opinion, lead: Lead | None = None
) -> Verdict:
    """Compare ``main`` (``ok``: it is an article) with ``opinion``; take back what it misses.

    ``ex`` is the body extractor (its ``cuts``, ``order``, ``body``); cuts undone are removed
    from ``ex.cuts`` and re-recorded without the prose taken back. ``lead`` is the page's
    headline and the run it heads (:mod:`.headed`), when the page has both."""
    inside = set(main) if ok else set()
    chosen = _chosen_run(ex, main, ok, opinion, lead, inside)
    if chosen is None:
        return Verdict(main, "main", "")
    run, held, story = chosen
    if ok and story is None and lead is not None and (slides := _slides(ex, main, opinion, lead)):
        return slides
    missing = run.weight - held
    if ok and story is None and (held >= FAR_LESS * run.weight or missing < MIN_MISSING):
        return (
            _narrowed(ex, main, run, opinion) if held >= FAR_LESS * run.weight else Verdict(main, "main", "")
        )
    if (
        ok
        and not held
        and story is None
        and _prose(ex, main, opinion) >= _replace_share(ex, run) * run.weight
    ):
        return Verdict(main, "main", "")
    cuts = {id(c.element): c for c in ex.cuts if c.element is not None}
    taken = _taken(ex, main, ok, held, run, inside, cuts)
    if not any(t.tag not in _HEADINGS for t in taken):  # headings alone are no prose
        return Verdict(main, "main", "")
    _undo_cuts(ex, taken, cuts)
    _prune_links(ex, taken, run)
    method = "reconciled" if ok and held else "second"
    kept = [m for m in main if ok and not any(_held(m, {t}) for t in taken)] if method == "reconciled" else []
    size = sum(len(text_of(t)) for t in taken)
    note = f"took back {len(taken)} block(s), {size} characters"
    if method == "second" and main and ok:
        note += f"; replaced {len(main)} element(s) the cues chose"
    return Verdict(sorted(kept + taken, key=lambda e: ex.order.get(e, 0)), method, note, max(run.weights))


def _slides(ex, main: list[etree._Element], opinion: Opinion, lead: Lead) -> Verdict | None:
    """The slideshow beside the headline's story (:mod:`.slides`) is cut as a gallery."""
    found = slides_beside(main, opinion, lead[1], ex.order)
    for el in found:
        if el.getparent() is not None:
            ex.cut(el, "gallery", R.REPEATED_SLIDES)
    if not found:
        return None
    return Verdict(main, "narrowed", f"cut {len(found)} slide list(s) beside the headline's story")


def _chosen_run(
    ex, main: list[etree._Element], ok: bool, opinion: Opinion, lead: Lead | None, inside: set
) -> tuple[Run, int, Run | None] | None:
    """The run ``main`` is compared with, the prose of it ``main`` holds, and the headline's story
    when that is the run; ``None`` when the second opinion found no run."""
    run, held = _compared(opinion, inside)
    heavy = opinion.best
    if run is None or heavy is None:
        return None
    story = _headed_story(ex, main, ok, opinion, lead)
    if story is not None:
        return story, 0, story  # the cues chose something beside the headline's own story
    if (
        ok
        and heavy is not run
        and heavy.weight >= MIN_MISSING
        and not _own_story(main, heavy)
        and _prose(ex, main, opinion) < _replace_share(ex, heavy) * heavy.weight
    ):
        return heavy, 0, None  # the cues chose a small thing beside the page's real prose
    return run, held, None


def _taken(
    ex, main: list[etree._Element], ok: bool, held: int, run: Run, inside: set, cuts: dict
) -> list[etree._Element]:
    """The run's blocks (with their headings) to take back: not held already, not under a cut
    that names them as something else, and joined to the kept body when part of the run is held."""
    taken: list[etree._Element] = []
    page_root = ex.body.getroottree().getroot()
    for block in _with_headings(run, ex.order):
        if _held(block, inside) or any(_held(block, {t}) for t in taken):
            continue
        root = _root(block)
        cut = cuts.get(id(root))
        if root is not page_root and cut is not None and not _overridable(cut, block, run):
            continue
        if ok and held and not _joined(block if cut is None else cut.element, main):
            continue
        taken.append(block)
    return taken


def _narrowed(ex, main: list[etree._Element], run: Run, opinion: Opinion) -> Verdict:
    """The cues' choice holds far more than the run: check the extra. Around the run's region,
    inside a kept element, the siblings along the way that hold (almost) none of the page's
    prose blocks and read as a feed — links or teaser deks — are cut."""
    region = run.region
    if len(run.blocks) < NARROW_BLOCKS or run.weight < NARROW_WEIGHT:  # one paragraph is no verdict on a page
        return Verdict(main, "main", "")
    home = next((m for m in main if region is not None and region is not m and _held(region, {m})), None)
    if home is None:
        return Verdict(main, "main", "")
    extra, node = [], region
    while node is not home:
        extra += [s for s in node.itersiblings(preceding=True) if isinstance(s.tag, str)]
        extra += [s for s in node.itersiblings() if isinstance(s.tag, str)]
        node = node.getparent()
    size = sum(ex.st.text.get(e, 0) for e in extra)
    if size < FAR_MORE * run.weight:
        return Verdict(main, "main", "")
    blocks = [(b, w) for r in opinion.runs for b, w in zip(r.blocks, r.weights)]
    within = set(extra)  # held by one of them is held by the set: one ancestor walk, not one each
    prose = sum(w for b, w in blocks if _held(b, within))
    links = sum(ex.st.links.get(e, 0) for e in extra)
    deks = sum(1 for d, _ in opinion.deks if _held(d, within))
    if prose >= EXTRA_PROSE * run.weight or (links < FEED_LINKS * size and deks < 3):
        return Verdict(main, "main", "")
    for e in extra:
        if e.getparent() is not None:
            ex.cut(e, guess_role(e, ex.st, ex.phrases), R.SECOND_NO_PROSE)
    return Verdict(main, "narrowed", f"cut {len(extra)} element(s), {size} characters around the prose")


def _headed_story(
    ex, main: list[etree._Element], ok: bool, opinion: Opinion, lead: Lead | None
) -> Run | None:
    """The run the page's headline opens, when the cues' choice holds none of it nor any
    stretch of the page's title, and holds less prose (the second opinion's blocks) than the run,
    or lies wholly above the headline and holds at most twice the run's prose: a story follows
    its headline; a box before it (a blog's description under the site's banner) or a smaller
    box elsewhere (a copyright line, comment rules, a rating list) is not the story. A choice
    holding a heading of the title has a headline of its own, and a choice inside the run's
    region or beside the headline (under one of its ``HEAD_REACH`` nearest ancestors) is a part
    of the story: there the cues stand."""
    if lead is None:
        return None
    headline, run, parts = lead
    if run.weight < BRIEF:
        return None
    if not ok:  # no article chosen: the headline's story, unless the heaviest run holds it
        heavy = opinion.best
        if heavy is not None and heavy.region is not None and _held(run.blocks[0], {heavy.region}):
            return None
        return run
    inside = set(main)
    if any(_held(p, inside) for p in parts) or any(_held(b, inside) for b in run.blocks):
        return None
    story = set(islice(headline.iterancestors(), HEAD_REACH))
    if any(_held(m, story | ({run.region} if run.region is not None else set())) for m in main):
        return None  # the cues chose a part of the headline's story: the ordinary path decides
    at = ex.order.get(headline, 0)
    prose = _held_prose(inside, opinion)
    above = all(ends_before(m, ex.order, at) for m in main)
    if prose < run.weight or (above and run.weight >= FAR_LESS * prose):
        return run
    return None


def _held_prose(inside: set, opinion: Opinion) -> int:
    """The second opinion's prose (its runs' blocks) that the elements of ``inside`` hold."""
    return sum(w for r in opinion.runs for b, w in zip(r.blocks, r.weights) if _held(b, inside))


def _own_story(main: list[etree._Element], run: Run) -> bool:
    """The cues chose a story bounded by its own <article> with its own headline, and the run
    lies outside it: the next story of an infinite-scroll page, longer, is not this page's."""
    for m in main:
        story = m if m.tag == "article" else next(m.iterancestors("article"), None)
        if (
            story is not None
            and next(story.iter("h1"), None) is not None
            and run.region is not None
            and not _held(run.region, {story})
        ):
            return True
    return False


def _replace_share(ex, run: Run) -> float:
    """How small the cues' choice must be beside ``run`` to be replaced by it: a run the cues
    merely left outside needs to be four times the choice; a run they cut by a class word, ten."""
    cut = {c.element for c in ex.cuts if c.element is not None}
    inside_cut = sum(w for b, w in zip(run.blocks, run.weights) if _root(b) in cut)
    return REPLACE_CUT if inside_cut >= OVERRIDE * run.weight else REPLACE


def _compared(opinion: Opinion, inside: set) -> tuple[Run | None, int]:
    """The run ``main`` holds most of (the heaviest when it holds none), and how much it holds."""
    best, held = opinion.best, 0
    for run in opinion.runs:
        h = sum(w for b, w in zip(run.blocks, run.weights) if _held(b, inside))
        if h > held:
            best, held = run, h
    return best, held


def _prose(ex, main: list[etree._Element], opinion: Opinion) -> int:
    """Unlinked text of ``main``, teaser deks left out (a teaser grid is no article)."""
    inside = set(main)
    deks = sum(w for el, w in opinion.deks if _held(el, inside))
    return sum(ex.st.text.get(m, 0) - ex.st.links.get(m, 0) for m in main) - deks


def _prune_links(ex, taken: list[etree._Element], run: Run) -> None:
    """A prose block taken back may hold block children of its own: the link lists among
    them (teaser rails, menus) are not what the second opinion vouched for, and are cut."""
    vouched = set(run.blocks)
    for block in run.blocks:
        vouched.update(block.iterancestors())
    for t in taken:
        for el in [d for d in t.iterdescendants() if isinstance(d.tag, str) and d.tag in BLOCK_TAGS]:
            if el in vouched or el.getparent() is None or not ex.st.text.get(el, 0):
                continue
            if ex.st.link_density(el) >= LINK_LIST and _held(el, {t}):
                ex.cut(el, guess_role(el, ex.st, ex.phrases), R.SECOND_LINKS)


def _overridable(cut, block: etree._Element, run: Run) -> bool:
    """A cue's cut is undone only where it would cut most of the run's prose: a wrapper named
    hidden, widget or footer around the article. A compact box it names (a profile, a dialog,
    a menu, a comment) stands, prose or not."""
    share = sum(w for b, w in zip(run.blocks, run.weights) if _held(b, {cut.element}))
    return cut.role != "comments" and share >= OVERRIDE * run.weight


def _joined(block: etree._Element, main: list[etree._Element]) -> bool:
    """``block`` sits beside the kept body: its common ancestor with a kept element is that
    element's parent or grandparent (sections, chunks around ads), not a page-wide wrapper."""
    chain = {id(a): i for i, a in enumerate(block.iterancestors())}
    for m in main:
        for anc in islice(m.iterancestors(), NEAR):
            if id(anc) in chain:
                return True
    return False


def _with_headings(opinion: Run, order: dict) -> list[etree._Element]:
    """The run's blocks and the headings between its first and last block, in document order."""
    blocks = list(opinion.blocks)
    region = opinion.region
    if region is None or len(blocks) < 2:
        return blocks
    first, last = order.get(blocks[0], 0), order.get(blocks[-1], 0)
    heads = [
        h
        for h in region.iter(*_HEADINGS)
        if first < order.get(h, -1) < last and not any(h in set(b.iterancestors()) for b in blocks)
    ]
    return sorted(blocks + heads, key=lambda e: order.get(e, 0))


def _undo_cuts(ex, taken: list[etree._Element], cuts: dict) -> None:
    """Take ``taken`` out of the cuts that hold them; re-record what is left of each cut."""
    touched = {}
    for el in taken:
        root = _root(el)
        cut = cuts.get(id(root))
        if cut is None:
            continue
        touched[id(root)] = cut
        if root is not el:
            drop_tree(el)
    if not touched:
        return
    kept = []
    for c in ex.cuts:
        if id(c.element) not in touched:
            kept.append(c)
            continue
        if c.element in taken:
            continue
        c.text = text_of(c.element)
        if c.text:
            kept.append(c)
    ex.cuts[:] = kept
