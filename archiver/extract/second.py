"""An independent second opinion on where a page's article is: structure and text shape only.

It trusts no class or id word and no phrase list. It reads the measurements of the untouched
tree (:class:`.stats.Stats`, taken before any cut) and nothing else:

1. *Prose blocks*: block elements whose own inline text (text not inside a block child) is long
   enough, mostly unlinked, and shaped like sentences (punctuation marks for its length).
2. *Runs*: prose blocks in document order are joined into one run while structure joins them —
   both sit at most ``REACH`` levels under their common ancestor — and the text between them
   (ad slots, captions, newsletter boxes, headings) is small beside the run. A long page split
   into sections or containers is one run; a comment list or a teaser rail far away is another.
3. The heaviest run (unlinked prose characters) is the second opinion's article; its blocks are
   what :mod:`.reconcile` compares with the cue-driven extraction.

The opinion costs one walk over the element list and a few ancestor walks per prose block.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from lxml import etree

from .._speedups import pick
from .blocks import BLOCK_TAGS
from .stats import Stats

_walk = pick("walk")  # block children's shares, compiled or pure (archiver/_speedups/walk.py)
_facts = pick("opinion")  # candidate blocks and chain joins (archiver/_speedups/opinion.py)

MIN_PROSE = 80  # weighted characters of own unlinked text for a prose block
BRIEF = 60  # a lone paragraph this long, with a sentence mark, is a brief's article
LONG_BLOCK = 400  # a prose block this long is no teaser's dek: its run is no listing
MAX_LINKS = 0.3  # own link share above which a block is a link list, not prose
DEK_LINK = 15  # a teaser item's headline link, in characters ...
DEK_REST = 40  # ... with at most this much other unlinked text beside the dek
REPEAT = 3  # alike siblings that make a container an item of a grid
REACH = 4  # levels under the common ancestor two joined blocks may sit
GAP = 400  # characters of other text two joined blocks may have between them ...
GAP_SHARE = 0.2  # ... or this share of the run so far, whichever is more
_SENTENCE = 120  # characters per expected punctuation mark beyond the first


@dataclass(frozen=True, slots=True)
class Run:
    """Prose blocks joined by structure, their weights and their common ancestor."""

    blocks: tuple[etree._Element, ...]
    weights: tuple[int, ...]
    region: etree._Element | None

    @property
    def weight(self) -> int:
        return sum(self.weights)


@dataclass(frozen=True, slots=True)
class Opinion:
    """The second opinion: every run of the page, heaviest first (ties: document order)."""

    runs: tuple[Run, ...]
    deks: tuple[tuple[etree._Element, int], ...] = ()  # prose blocks shaped as teaser deks

    @property
    def best(self) -> Run | None:
        return self.runs[0] if self.runs else None


def prose_weight(el: etree._Element, st: Stats, floor: int = MIN_PROSE) -> int:
    """Unlinked characters of ``el``'s own text when it reads as prose, else 0. Its own text is
    its inline text; its own links and marks are those outside its block children."""
    size = st.inline.get(el, 0)
    if size < floor:  # most blocks: their children need not be looked at
        return 0
    links, punct = _walk.own(el, st.links, st.punct, BLOCK_TAGS)
    return _prose(size, links, punct, floor)


def _prose(size: int, links: int, punct: int, floor: int) -> int:
    """``prose_weight`` of a block of ``size`` own inline text (at least ``floor``), ``links`` of
    it linked and ``punct`` sentence marks in it."""
    if links > MAX_LINKS * size:
        return 0
    if punct < 1 + (size - floor) // (4 * _SENTENCE):
        return 0
    return size - links


def is_dek(el: etree._Element, st: Stats) -> bool:
    """A teaser's dek: the closest container holding anything beside the block holds only a
    headline link (and a date or label) beside it, and that container, or one of its next two
    ancestors, is one of several alike siblings (same tag and class): one item of a teaser grid.
    A single post's one paragraph under its linked title is not repeated, so it is no dek."""
    size, links = st.text.get(el, 0), st.links.get(el, 0)
    if _truncated(el):
        return True
    if _titled(el, links) and (_repeated(el) or any(_repeated(a) for a in islice(el.iterancestors(), 2))):
        return True
    for anc in islice(el.iterancestors(), 3):
        other = st.text.get(anc, 0) - size
        if other <= 0:
            continue
        other_links = st.links.get(anc, 0) - links
        if other_links < DEK_LINK or other - other_links >= DEK_REST:
            return False
        return any(_repeated(a) for a in islice(anc.iterancestors(), 2)) or _repeated(anc)
    return False


def _truncated(el: etree._Element) -> bool:
    """An excerpt cut short with an ellipsis ("... the minister said ..."): a teaser, not prose."""
    tail = joined_end(el, 12).rstrip()
    return tail.endswith(("...", "…", "[…]", "[...]"))


def joined_end(el: etree._Element, n: int) -> str:
    """``" ".join(el.itertext())[-n:]`` read from the end of the subtree: only the last text
    pieces are visited, until their joined length reaches ``n``."""
    pieces: list[str] = []
    size = -1  # the joined length of ``pieces``: their lengths and a space between two
    for piece in _pieces_backwards(el):
        pieces.append(piece)
        size += len(piece) + 1
        if size >= n:
            break
    pieces.reverse()
    return " ".join(pieces)[-n:]


_TEXTLESS = (etree.Comment, etree.ProcessingInstruction)  # itertext yields their tails, not their text


def _pieces_backwards(el: etree._Element) -> Iterator[str]:
    """``el.itertext()``'s pieces in reverse order (the tails of ``el``'s descendants, not its own)."""
    for child in reversed(el):
        if child.tail is not None:
            yield child.tail
        if child.tag not in _TEXTLESS:
            yield from _pieces_backwards(child)
    if el.text is not None and el.tag not in _TEXTLESS:
        yield el.text


def _titled(el: etree._Element, links: int) -> bool:
    """A block that opens with its headline link (a teaser item written as one block)."""
    if el.tag == "p" or links < DEK_LINK or (el.text or "").strip():
        return False
    first = next((c for c in el if isinstance(c.tag, str)), None)
    return first is not None and (
        first.tag == "a"
        or (first.tag in ("h2", "h3", "h4", "strong", "b") and first.find(".//a") is not None)
    )


def _repeated(el: etree._Element) -> bool:
    parent = el.getparent()
    if parent is None:
        return False
    key = (el.tag, el.get("class"))
    return sum(1 for c in parent if (c.tag, c.get("class")) == key) >= REPEAT


def _chain(el: etree._Element) -> list[etree._Element]:
    return [el, *el.iterancestors()]


def _join(a: list[etree._Element], b: list[etree._Element]) -> tuple[etree._Element | None, int, int]:
    """Common ancestor of two ancestor chains and each chain's distance to it."""
    seen = {id(x): i for i, x in enumerate(a)}
    for j, x in enumerate(b):
        i = seen.get(id(x))
        if i is not None:
            return x, i, j
    return None, len(a), len(b)


@dataclass(slots=True)
class _Run:
    blocks: list[etree._Element]
    weights: list[int]
    region: etree._Element
    end: int  # text position after the last block
    story: etree._Element | None  # the nearest <article> of its last block


def _runs(found: list[tuple[etree._Element, int, int]], st: Stats) -> list[_Run]:
    """Join prose blocks into runs. Structure bounds a run: two blocks in different <article>
    elements are two stories (an infinite-scroll page appends the next one below)."""
    runs: list[_Run] = []
    prev = found[0][0] if found else None
    for el, weight, pos in found:
        run = runs[-1] if runs else None
        story = _story(el)
        if run is not None:
            top, i, j = _facts.join(prev, el)
            gap = pos - run.end
            near = top is not None and i <= REACH and j <= REACH and _same_story(run.story, story)
            if near and gap <= max(GAP, GAP_SHARE * sum(run.weights)):
                run.blocks.append(el)
                run.weights.append(weight)
                run.end = pos + st.inline.get(el, 0)
                up, _, _ = _facts.join(run.region, el)
                run.region = up if up is not None else run.region
                prev = el
                run.story = story
                continue
        runs.append(_Run([el], [weight], el, pos + st.inline.get(el, 0), story))
        prev = el
    return runs


def _story(el: etree._Element) -> etree._Element | None:
    """The nearest <article> of ``el`` or its ancestors."""
    if el.tag == "article":
        return el
    return next((a for a in el.iterancestors() if a.tag == "article"), None)


def _same_story(a: etree._Element | None, b: etree._Element | None) -> bool:
    return a is None or b is None or a is b


def second_opinion(elements: list[etree._Element], st: Stats) -> Opinion:
    """The heaviest run of prose blocks over ``elements`` (a tree's ``iter()`` list)."""
    found: list[tuple[etree._Element, int, int]] = []
    deks: list[tuple[etree._Element, int]] = []
    facts = _facts.blocks(elements, st.inline, st.links, st.punct, BLOCK_TAGS, MIN_PROSE)
    for el, size, links, punct, pos in facts:  # the blocks prose_weight would not drop at once
        weight = _prose(size, links, punct, MIN_PROSE)
        if weight and is_dek(el, st):
            deks.append((el, weight))
        elif weight:
            found.append((el, weight, pos))
    if not found:
        brief = _brief(elements, st)
        runs = (Run((brief,), (prose_weight(brief, st, BRIEF),), brief),) if brief is not None else ()
        return Opinion(runs, tuple(deks))
    runs = [Run(tuple(r.blocks), tuple(r.weights), r.region) for r in _runs(found, st)]
    return Opinion(tuple(sorted(runs, key=lambda r: -r.weight)), tuple(deks))


def _brief(elements: list[etree._Element], st: Stats) -> etree._Element | None:
    """A page whose article is one short paragraph: the one block that reads as a sentence."""
    cands = [
        el
        for el in elements
        if isinstance(el.tag, str)
        and el.tag in ("p", "div", "td", "section")
        and prose_weight(el, st, BRIEF)
        and not is_dek(el, st)
    ]
    return cands[0] if len(cands) == 1 else None
