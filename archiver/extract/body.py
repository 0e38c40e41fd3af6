"""Body versus chrome on an lxml tree; every cut records its text, role and the cue that fired.

1. Invisible elements (script, style, ...) go without a record: they are not page text.
2. A first scoring (:mod:`.scoring`) finds the *anchor*: the element most likely to hold the
   article. The anchor and its ancestors are never cut by a chrome cue — wrappers named
   "widget" or "banner" around a whole article are common in CMS templates.
3. Structural cues (nav/aside/footer/form, ARIA roles, hidden) and class/id tokens cut chrome
   (:mod:`.cues`); inside the anchor, an element holding most of the anchor's unlinked text
   is kept whatever its class says; ambiguous tokens (WEAK_TOKENS) only cut chrome-shaped
   elements.
4. Boxes headed by a chrome phrase ("اقرأ أيضاً", "Most read", "التعليقات (2)") are cut whole,
   climbing from the heading while it leads its container, never into the anchor's ancestors;
   a bold phrase inside a sentence is never taken for a box heading.
5. Repeated sibling structures of headline links (teaser lists) are cut as widgets
   (:mod:`.widgets`).
6. A second scoring on the pruned tree picks the top candidate; it climbs to the container that
   holds most of the page's prose when paragraphs are nested too deep to be scored together,
   to its <article> when that is close and prose-only, and otherwise takes its prose-rich
   siblings and cousins (articles split into chunks around ads).
   The lead between the page's headline and that container is taken back (:mod:`.lead`).
7. Everything outside is recorded as removed, with a role guessed from its heading or shape.
8. Status: "no_article" for too little prose, listings (many teasers, little prose) and error
   pages (:mod:`.status`). If the strict pass finds nothing, a relaxed pass that trusts no
   class names and reads <noscript> runs on an untouched copy.
"""

from __future__ import annotations

import copy
from collections.abc import Callable
from dataclasses import dataclass

from lxml import etree

from ..text.fold import phrase_key
from . import audit, signoff, stats
from . import reasons as R
from .audit import Cut
from .blocks import BLOCK_TAGS, SKIP_TAGS
from .choose import _MIN_ARTICLE, Chooser
from .cues import WEAK_TOKENS, keyword_table, phrase_cue, region_cue
from .headed import headed_run, site_names, title_parts
from .headregion import head_titles
from .lead import leads
from .metadata import jsonld_article
from .parse import attached, drop_bare_readings, drop_tree, inside_tag, is_inside, text_of
from .reconcile import Verdict, reconcile
from .relaxed import relaxed_cue, vouched
from .scoring import Memo, top_candidate
from .second import BRIEF, LONG_BLOCK, second_opinion
from .stats import Stats, measure
from .status import is_listing, overrides, page_kind
from .thread import outside_story, thread_after_story
from .widgets import guess_role, is_teaser_list

_HEADING_LIKE = frozenset(
    {
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "strong",
        "b",
        "span",
        "div",
        "p",
        "header",
        "a",
        "li",
        "label",
        "section",
    }
)


@dataclass(slots=True)
class Extraction:
    main: list[etree._Element]
    cuts: list[Cut]
    status: str
    method: str = "main"  # which path decided: "main", "reconciled" or "second" (:mod:`.reconcile`)
    changed: str = ""  # what the second opinion changed


class _Extractor(Chooser):
    def __init__(
        self, body: etree._Element, phrases: tuple[str, ...], ld_body: str | None, strict: bool = True
    ) -> None:
        self.body = body
        self.strict = strict
        self.phrases = phrases
        self.ld_body = ld_body
        self.cuts: list[Cut] = []
        self.elements = elements = list(body.iter())
        self.order = dict(zip(elements, range(len(elements))))
        self.st: Stats = measure(body, elements)  # as measured before any cut: what the passes read
        self.live: Stats | None = stats.copy(self.st)  # kept equal to a fresh measure through the cuts
        self.memo = Memo()
        self.mass: dict[etree._Element, int] | None = None
        self.anchor: etree._Element | None = top_candidate(body, self.st, ld_body, self.memo, self.order)
        self.keep: set[etree._Element] = set()
        self.trusted: set[etree._Element] = set()  # the relaxed pass reads no class word here
        if self.anchor is not None:
            self.keep = {self.anchor, *self.anchor.iterancestors()}

    def cut(self, el: etree._Element, role: str, reason: str) -> None:
        text = text_of(el)
        if text:
            self.cuts.append(Cut(el, text, role, reason, self.order.get(el, 0)))
        if el.getparent() is None:
            return
        if self.live is not None:
            stats.drop_tree(el, self.live)
        else:
            drop_tree(el)

    def _protected(self, el: etree._Element) -> bool:
        if el in self.keep or el.tag in ("html", "body"):
            return True
        if (el.get("itemprop") or "").lower() == "articlebody":
            return True
        anchor = self.anchor
        if anchor is None or not is_inside(el, anchor):
            return False
        own = self.st.text.get(el, 0) - self.st.links.get(el, 0)
        whole = self.st.text.get(anchor, 0) - self.st.links.get(anchor, 0)
        return whole > 0 and own > 0.5 * whole

    def _thread(self, el: etree._Element, role: str) -> bool:
        """A readers' thread after the story, spared only by the half rule (:mod:`.thread`)."""
        if el in self.keep or (el.get("itemprop") or "").lower() == "articlebody":
            return False
        return thread_after_story(el, role, self.anchor, self.st)

    def structural_pass(self) -> None:
        # a depth-first walk in document order, over the list taken before any cut; a cut
        # subtree's elements are contiguous in it and skipped
        elements, i = self.elements, 1
        cue_of = region_cue if self.strict else relaxed_cue(self.trusted)
        while i < len(elements):
            el = elements[i]
            i += 1
            tag = el.tag
            if not isinstance(tag, str):
                continue
            cue = cue_of(el)
            if tag == "header" and not cue and not inside_tag(el, ("article", "main")):
                cue = ("header", f"{R.TAG}:header")
            if cue and self._prose_despite_weak_cue(el, cue[1]):
                cue = None
            if cue and (not self._protected(el) or self._thread(el, cue[0])):
                lead_in = self._comment_lead_in(el) if cue[0] == "comments" else None
                i = self._after(el)
                self.cut(el, *cue)
                if lead_in is not None:  # a previous sibling: already walked
                    self.cut(lead_in, "comments", R.COMMENTS_LEAD_IN)

    def _after(self, el: etree._Element) -> int:
        """The place in ``self.elements`` just past ``el``'s subtree, on a tree cut only before
        ``el`` (so its subtree, ancestors and the nodes after them are as listed): the place of
        the next node after it in document order, a following sibling of ``el`` or of an ancestor."""
        body, node = self.body, el
        while node is not body:
            following = node.getnext()
            if following is not None:
                return self.order[following]
            node = node.getparent()
        return len(self.elements)

    def _comment_lead_in(self, comments: etree._Element) -> etree._Element | None:
        """The box just before a comment section that introduces it (posting rules, "views in
        the comments are the commenters' own"): a short container, not a paragraph, with a link
        (to the rules) and a comments keyword. Comment widgets are often empty shells filled by
        script, so the lead-in is the only comment-section text on the page."""
        prev = comments.getprevious()
        while prev is not None and (not isinstance(prev.tag, str) or not self.st.text.get(prev, 0)):
            prev = prev.getprevious()
        if prev is None or prev.tag not in ("div", "section", "aside") or self._protected(prev):
            return None
        if self.st.text.get(prev, 0) > 600 or next(prev.iter("a"), None) is None:
            return None
        key = f" {phrase_key(text_of(prev))} "
        return (
            prev if any(f" {word} " in key for word, role in keyword_table() if role == "comments") else None
        )

    def _prose_despite_weak_cue(self, el: etree._Element, reason: str) -> bool:
        """Ambiguous tokens ("widget" is every block of some page builders, "print" marks
        printable content as often as print buttons) cut only chrome-shaped elements: short or
        link-heavy ones. A prose-rich element with such a token is looked into instead."""
        token = reason.rpartition(":")[2]
        if token not in WEAK_TOKENS or outside_story(el, self.anchor, self.st):
            return False
        return self.st.text.get(el, 0) >= 200 and self.st.link_density(el) < 0.3

    def _box(self, heading: etree._Element) -> etree._Element:
        """Climb from a box heading while it leads its container, stopping short of the prose."""
        box = heading
        while True:
            parent = box.getparent()
            if parent is None or parent is self.body or self._protected(parent):
                return box
            first = next((c for c in parent if isinstance(c.tag, str) and self.st.text.get(c, 0)), None)
            if first is not box:
                return box
            box = parent

    def phrase_pass(self) -> None:
        text = self.st.text  # measured before the passes: fixed, so the tests are pure and
        # the cheap ones go first
        for el in [e for e in self.body.iter(*_HEADING_LIKE) if 0 < text.get(e, 0) <= 60]:
            if self._inline_in_prose(el, text[el]):
                continue
            if any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS and c.tag not in ("span", "a") for c in el):
                continue
            if not attached(el, self.body) or self._protected(el):
                continue
            cue = phrase_cue(text_of(el), self.phrases)
            if not cue or cue[0] == "navigation":
                continue
            box = self._box(el)
            follower = box.getnext()
            self.cut(box, cue[0], cue[1])
            if (
                follower is not None
                and isinstance(follower.tag, str)
                and box is el
                and not self._protected(follower)
                and self.st.link_density(follower) > 0.6
            ):
                self.cut(follower, cue[0], R.tagged(R.LINKS_AFTER_HEADING, cue[1]))

    def _inline_in_prose(self, el: etree._Element, size: int) -> bool:
        """A bold phrase or link inside a sentence is not a box heading, whatever it says."""
        parent = el.getparent()
        if el.tag in BLOCK_TAGS or parent is None:
            return False
        return self.st.text.get(parent, 0) > 1.5 * size + 20

    def widget_pass(self) -> None:
        """Cut lists of headline links (repeated sibling structures) outside the article text."""
        st = self.st
        text, links = st.text, st.links
        # is_teaser_list's own first test, link density >= 0.5 (Stats.link_density inlined),
        # taken before the tree walks: the measurements are fixed during the passes
        for el in [
            e
            for e in self.body.iter("ul", "ol", "div", "section", "table")
            if (n := text.get(e, 0)) and min(1.0, links.get(e, 0) / n) >= 0.5
        ]:
            if attached(el, self.body) and not self._protected(el) and is_teaser_list(el, st):
                self.cut(el, guess_role(el, self.st, self.phrases), R.TEASER_LIST)


Names = tuple[list[str], set[str]]  # the <head>'s titles, the site's names (:mod:`.headed`)


def _extract(
    body: etree._Element,
    phrases: tuple[str, ...],
    ld_body: str | None,
    strict: bool,
    kind: str | None = None,
    names: Names = ([], set()),
) -> Extraction:
    if not strict:  # the relaxed pass reads <noscript> content as ordinary text
        etree.strip_tags(body, "noscript")
    holders = signoff.image_holders(body)  # images are not text: read where they were first
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    drop_bare_readings(body)
    ex = _Extractor(body, phrases, ld_body, strict)
    opinion = second_opinion(ex.elements, ex.st)  # the untouched tree's measures: before any cut
    lead = _lead(ex, opinion, names)
    if not strict:
        ex.trusted = vouched(opinion, lead)
    ex.structural_pass()
    ex.phrase_pass()
    ex.widget_pass()
    main = ex.choose()
    size = sum(ex.st.text.get(m, 0) - ex.st.links.get(m, 0) for m in main)
    status = "ok"
    punct = sum(ex.st.punct.get(m, 0) for m in main)
    short = size < _MIN_ARTICLE or (size < 2 * _MIN_ARTICLE and not punct)
    if not main or short or is_listing(main, ex.st) or overrides(kind, size):
        status = "no_article"
    if main and status == "ok":
        main = leads(body, main, ex.st, ex.order, ex.memo) + main
    # a strict pass that found no article leaves the page to the relaxed pass, reconciled there
    verdict = (
        reconcile(ex, main, status == "ok", opinion, lead)
        if status == "ok" or not strict or kind == "error"
        else Verdict(main, "main", "")
    )
    if verdict.method != "main":
        main = verdict.main
        size = sum(ex.st.text.get(m, 0) - ex.st.links.get(m, 0) for m in main)
        listing = (
            (is_listing(main, ex.st) and verdict.largest < LONG_BLOCK)
            or overrides(kind, size)
            or size < BRIEF
        )
        status = "no_article" if listing else "ok"
    if status == "ok":
        signoff.close(ex, main, holders)
    audit.outside(ex, main)
    audit.loose_text(ex, main)
    if status != "ok":
        audit.no_article(ex, main)
    ex.cuts.sort(key=lambda c: c.order)
    return Extraction(main, ex.cuts, status, verdict.method, verdict.changed)


def _lead(ex: _Extractor, opinion, names: Names) -> tuple | None:
    """The page's headline, the run of prose it heads and every element that holds a stretch of
    the page's title (:mod:`.headed`), on the untouched tree. ``names`` are the <head>'s titles
    and the site's names, read from the page (the relaxed pass's copy has no <head>)."""
    parts = title_parts(ex.elements, ex.st, *names)
    run = headed_run(opinion.runs, parts[0], ex.elements, ex.order, ex.st) if parts else None
    return (parts[0], run, tuple(parts)) if run is not None else None


def extract_body(
    root: etree._Element, phrases: tuple[str, ...] = (), reparse: Callable[[], etree._Element] | None = None
) -> Extraction:
    """Split a parsed page into article elements and recorded cuts, with a status.

    When the strict pass finds no article on a page that has text, a relaxed pass runs on a copy
    of the untouched tree: class/id tokens are not trusted (templates that put "widget" or
    "popup" on the article's own wrappers) and <noscript> content counts. Its result is used
    only if it finds an article; otherwise the strict verdict ("no_article") stands.

    ``reparse`` (returns a fresh parse of the same page) makes that copy lazy: a copy costs about
    a parse, and ~1% of pages need one. Without it, the untouched body is copied up front."""
    ld = jsonld_article(root)
    ld_body = ld.get("articleBody") if isinstance(ld.get("articleBody"), str) else None
    kind = page_kind(root)
    body = _body(root)
    spare = copy.deepcopy(body) if reparse is None else None
    names = (head_titles(body), site_names(body))
    strict = _extract(body, phrases, ld_body, True, kind, names)
    if strict.status == "ok" or kind == "error":
        return strict
    spare = spare if spare is not None else copy.deepcopy(_body(reparse()))  # same standalone copy
    relaxed = _extract(spare, phrases, ld_body, False, kind, names)
    return relaxed if relaxed.status == "ok" else strict


def _body(root: etree._Element) -> etree._Element:
    return root.find("body") if root.find("body") is not None else root
