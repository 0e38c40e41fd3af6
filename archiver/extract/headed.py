"""The page's headline as it stands on the page, and the run of prose it heads.

A story's body follows its headline. The <head>'s titles (<title>, og:title, twitter:title)
name the story, usually with the site's name beside it ("Site: Story", "Story - Site"); the
element of the body whose text is the longest part of a title is the story's headline on the
page (the site's name, a shorter part, loses to it; a heading holding the story's title wins
over a banner <h1> holding the site's). Structure and text only: no class or id word.

:mod:`.reconcile` uses it as evidence beside the second opinion's runs: a run of prose that
starts right under the headline is the story, and a choice of the cues that holds neither the
headline nor that run (a blog's description above its first post, a copyright line, comment
rules) gives way to it.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from lxml import etree

from .._speedups import pick
from .._speedups.walk import _WIDE as _WIDE_RE
from .._speedups.walk import WIDE
from .blocks import BLOCK_TAGS
from .parse import squash
from .second import REACH, Run, _chain, _join
from .stats import Stats

MIN_TITLE = 8  # characters: a shorter match ("Home", "News") names nothing
_HEADINGS = frozenset(("h1", "h2", "h3", "h4", "h5", "h6"))
_NEVER = frozenset(("a", "option", "select", "script", "style", "button", "label"))
_CAPTIONS = frozenset(("figure", "figcaption", "caption"))
_titles = pick("titles")  # the elements whose text is a stretch of the titles, compiled or pure
HEAD_GAP = 400  # characters of other text the headline's story may hold beside the run ...


def site_names(body: etree._Element) -> set[str]:
    """The site's own name as the <head> states it (og:site_name, application-name), folded."""
    head = body.getroottree().getroot().find("head")
    if head is None:
        return set()
    names = (
        squash(m.get("content") or "").casefold()
        for m in head.iter("meta")
        if (m.get("property") or m.get("name") or "").lower() in ("og:site_name", "application-name")
    )
    return {n for n in names if n}


def _links_home(el: etree._Element) -> bool:
    """``el`` holds a link to the site's front page (a path of "/" or none): a banner's name."""
    for a in el.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith(("#", "javascript:", "mailto:")):
            continue
        parts = urlsplit(href)
        if parts.path in ("", "/") and not parts.query:
            return True
    return False


def title_parts(
    elements: list[etree._Element], st: Stats, titles: list[str], site: set[str] = frozenset()
) -> list[etree._Element]:
    """The elements whose text is a stretch of a head title (at least ``MIN_TITLE`` characters),
    longest first (document order among equals; the innermost of equal wrappers). The site's
    name is no story's headline: text equal to ``site`` (:func:`site_names`) or linked to the
    front page is left out. A link, or an element all of whose text is linked, is a reference
    to a story (a logo, a teaser), not its headline, except a heading, which blogs link to the
    post."""
    titles = [t.casefold() for t in titles if len(t) >= MIN_TITLE]
    if not titles:
        return []
    bound = max(weighed_bound(t) for t in titles)
    joined = "\x00".join(titles)  # no element's text holds a NUL (squash makes it a NBSP)
    found: list[tuple[int, etree._Element]] = []
    # a text weighing more than ``bound`` is in no title: it is not read; a link, or an element
    # all of whose text is linked, is no headline, but a heading may be
    parts = _titles.stretches(elements, st.text, st.links, MIN_TITLE, bound, _NEVER, _HEADINGS, joined)
    for el, text in parts:  # text: the element's squashed text, folded, a stretch of a title
        if len(text) < MIN_TITLE or text in site:
            continue
        if _links_home(el):
            continue
        if found and found[-1][1] in el.iterancestors() and found[-1][0] == len(text):
            found[-1] = (len(text), el)  # the innermost of equal wrappers
        else:
            found.append((len(text), el))
    found = [(n, el) for n, el in found if not any(a.tag == "a" for a in el.iterancestors())]
    found.sort(key=lambda f: -f[0])  # stable: document order among equals
    return [el for _, el in found]


def weighed_bound(title: str) -> int:
    """The largest measured weight (``Stats.text``) an element whose text is a stretch of
    ``title`` (casefolded) can have: its length with each wide character counted ``WIDE``.

    An element's weight is at most its squashed text's length plus ``WIDE - 1`` per wide
    character (its pieces are weighed apart, the text joins them with spaces; the text keeps
    the no-break spaces the weight drops); casefolding lengthens no text and keeps every wide
    character; and a stretch of ``title`` has no more characters, nor wide ones, than it."""
    return len(title) + (WIDE - 1) * len(_WIDE_RE.findall(title))


def headed_run(
    runs: tuple[Run, ...], headline: etree._Element, elements: list[etree._Element], order: dict, st: Stats
) -> Run | None:
    """The heaviest run whose first block follows ``headline`` under a near common ancestor that
    holds little beside the two, or with little block text between the two: the story the
    headline opens. A run that began above the headline (a layout wrapper's own text joined to
    the story) counts from its first block after it. Captions are no story."""
    at = order.get(headline, -1)
    chain = _chain(headline)
    title = st.text.get(headline, 0)
    past = at + sum(1 for _ in headline.iterdescendants()) + 1  # the headline's own text is not between
    for run in runs:  # heaviest first
        run = _after(run, at, order)
        if run is None or all(_captioned(b) for b in run.blocks):
            continue  # the caption under the headline's picture is no story
        first = run.blocks[0]
        top, i, j = _join(chain, _chain(first))
        if top is None or i > REACH or j > REACH:
            continue
        inside = sum(w for b, w in zip(run.blocks, run.weights) if top in b.iterancestors())
        if st.text.get(top, 0) - inside - title <= max(HEAD_GAP, inside):
            return run
        lineage = set(first.iterancestors())  # their own text lies around the block, not before it
        between = sum(
            st.inline.get(el, 0)
            for el in elements[past : order.get(first, 0)]
            if el.tag in BLOCK_TAGS and el not in lineage
        )
        if between <= HEAD_GAP:  # the story's own links and comments after it do not count
            return run
    return None


def _after(run: Run, at: int, order: dict) -> Run | None:
    """``run`` from its first block after position ``at``; None when no block follows it."""
    if order.get(run.blocks[0], -1) > at:
        return run
    kept = [(b, w) for b, w in zip(run.blocks, run.weights) if order.get(b, -1) > at]
    if not kept:
        return None
    region = kept[0][0]
    for b, _ in kept[1:]:
        top = _join(_chain(region), _chain(b))[0]
        region = top if top is not None else region
    return Run(tuple(b for b, _ in kept), tuple(w for _, w in kept), region)


def _captioned(el: etree._Element) -> bool:
    return el.tag in _CAPTIONS or any(a.tag in _CAPTIONS for a in el.iterancestors())


def ends_before(el: etree._Element, order: dict, at: int) -> bool:
    """Every element of ``el``'s subtree comes before position ``at`` in document order."""
    last = el
    for last in el.iterdescendants():  # noqa: B007 - the last descendant is the answer
        pass
    return order.get(last, order.get(el, 0)) < at
