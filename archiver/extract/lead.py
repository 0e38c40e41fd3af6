"""The lead (standfirst, dek) between the page's headline and the chosen article container.

Many templates put the headline and a one- or two-sentence lead in a header block, and the
article body in a separate container below it, so the container scoring picks the body and
leaves the lead outside. The lead is the first thing a reader reads of the article: prose
sitting between the page headline (the first <h1>, confirmed by <title>/og:title) and the
container, not cut by any chrome cue, is taken back. "Prose" here is a leaf text block with
sentence punctuation and few links; headings, captions and bylines are left to the block
filters, which drop them (with their role) as they do inside the body.
"""

from __future__ import annotations

import re

from lxml import etree

from .blocks import BLOCK_TAGS
from .headregion import headline_region
from .parse import squash, text_of
from .scoring import Memo
from .stats import Stats

_LEAD_TAGS = ("p", "div", "span", "h2", "h3")
_HEADINGS = frozenset({"h2", "h3"})  # a dek set as a subheading: kept only when it is sentences
_SENTENCE_END = re.compile(r"[.!?؟。！？…][\s\"'”’»)]*$")
_MIN_LEAD = 60  # unlinked characters (script-aware) of a lead paragraph
_MAX_LEADS = 3  # leads are short: a dek and perhaps a summary line or two
_MAX_SHARE = 0.5  # ...and never as long as the body they introduce


def leads(
    body: etree._Element,
    main: list[etree._Element],
    st: Stats,
    order: dict[etree._Element, int],
    memo: Memo | None = None,
) -> list[etree._Element]:
    """Prose leaves between the page's headline <h1> and the first chosen element. ``memo``:
    the page's scoring :class:`Memo` (its <head> titles and first <h1>), when there is one."""
    if not main or not headline_region(body, memo):
        return []
    h1 = memo.first_h1(body) if memo is not None else next(body.iter("h1"))
    first = main[0]
    if _within(h1, main) or order.get(h1, 0) >= order.get(first, 0):
        return []
    start, end = order.get(h1, 0), order.get(first, 0)
    headline = squash(text_of(h1))
    room = _MAX_SHARE * sum(st.text.get(m, 0) for m in main)
    found: list[etree._Element] = []
    for el in body.iter(*_LEAD_TAGS):
        pos = order.get(el)
        if pos is None or pos <= start:
            continue
        if pos >= end or len(found) == _MAX_LEADS:
            break
        if _is_lead(el, st, headline) and not _within(el, found) and first not in el.iterdescendants():
            size = st.text.get(el, 0)
            if size > room:
                break
            room -= size
            found.append(el)
    return found


def _is_lead(el: etree._Element, st: Stats, headline: str) -> bool:
    size = st.text.get(el, 0)
    if size - st.links.get(el, 0) < _MIN_LEAD or st.link_density(el) > 0.2 or not st.punct.get(el, 0):
        return False
    # a leaf block: its text is its own, not that of block children (a wrapper is not a lead)
    if any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS and c.tag not in ("span", "a") for c in el):
        return False
    if st.inline.get(el, 0) < 0.8 * size:
        return False
    text = squash(text_of(el))
    if headline and headline in text:  # the headline again, with a kicker or a date: not a lead
        return False
    return el.tag not in _HEADINGS or bool(_SENTENCE_END.search(text))


def _within(el: etree._Element, containers: list[etree._Element]) -> bool:
    return any(c is el or c in el.iterancestors() for c in containers)
