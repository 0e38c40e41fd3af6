"""Choosing the article among the pruned tree's candidates (step 6 of :mod:`.body`): the top
candidate, climbed to the container that holds most of the page's prose, to its <article> when
that is close and prose-only, or joined with its prose-rich siblings and cousins (articles split
into chunks around ads). A mixin of :class:`archiver.extract.body._Extractor`: it reads the
extractor's stats, memo and kept set, and decides nothing else."""

from __future__ import annotations

from lxml import etree

from .headregion import headline_region
from .parse import is_inside
from .scoring import Memo, Scores, prose_mass
from .stats import Stats
from .widgets import headline_links

DEEP_SHARE = 0.35  # share of the page's prose the chosen container should hold
_MIN_ARTICLE = 120  # unlinked characters; under 240 the text must also have sentence punctuation
CLIMB = 1  # levels the top candidate may climb when it is (nearly) all of its parent


class Chooser:
    """The article-choosing methods of the extractor."""

    # set by _Extractor.__init__ (declared here for readers and type checkers)
    body: etree._Element
    st: Stats
    memo: Memo

    def choose(self) -> list[etree._Element]:
        self.st, self.live = self.live, None  # = measure(self.body) of the pruned tree
        scores = Scores(self.body, self.st, self.ld_body, self.memo)  # valued when asked
        top = scores.best(self.order)
        if top is None:
            return []
        story = self._headline_story(top, scores)
        switched, top = story is not top, story
        top_score = scores.get(top)
        for _ in range(CLIMB):
            parent = top.getparent()
            if (
                parent is None
                or top is self.body
                or parent is self.body
                or top.tag == "article"
                or self.st.text.get(top, 0) < 0.85 * self.st.text.get(parent, 0)
            ):
                break
            top = parent
        if not switched:  # the headline's story is bounded by its <article>: no climbing out
            top = self._deep_container(top)
        container = self._article_container(top)
        if container is not None:
            return [container]
        parent = top.getparent()
        if parent is None or top is self.body:
            return [top]
        threshold = max(10.0, top_score * 0.2)
        chosen = []
        for sib in parent:
            if not isinstance(sib.tag, str):
                continue
            if sib is top or scores.get(sib, 0) >= threshold or self._prose_sibling(sib):
                chosen.append(sib)
        chosen += self._chunks(top, self._body_mass())
        return sorted(set(chosen), key=lambda e: self.order.get(e, 0))

    def _headline_story(self, top: etree._Element, scores: Scores) -> etree._Element:
        """Infinite-scroll pages append the next story, in its own <article> with its own h1,
        under the first. When the top candidate sits in such a second story, the best candidate
        inside the <article> that holds the page's headline is taken, if it scores a fair share."""
        home = next((n for n in headline_region(self.body, self.memo) if n.tag == "article"), None)
        if home is None or top is home or is_inside(top, home):
            return top
        if is_inside(home, top):  # top holds both stories: is there a second one with an h1?
            other = next(
                (
                    a
                    for a in top.iter("article")
                    if a is not home and not is_inside(a, home) and next(a.iter("h1"), None) is not None
                ),
                None,
            )
        else:
            other = top if top.tag == "article" else next(top.iterancestors("article"), None)
        if other is None or next(other.iter("h1"), None) is None:
            return top
        inside = [el for el in scores.points if is_inside(el, home) or el is home]
        cand = scores.best(self.order, inside)
        return cand if cand is not None and scores.get(cand) >= 0.2 * scores.get(top) else top

    def _chunks(self, top: etree._Element, mass: dict[etree._Element, int]) -> list[etree._Element]:
        """Article bodies split into chunks (ads or figures between them): prose-rich cousins of
        the top candidate, up to three levels up, that are not link lists."""
        found: list[etree._Element] = []
        floor = max(150, 0.1 * mass.get(top, 0))
        node = top
        for _ in range(3):
            parent = node.getparent() if node is not None else None
            if parent is None or node is self.body or node.tag == "article":
                break  # an <article> is the article's explicit boundary
            for sib in parent:
                if sib is node or not isinstance(sib.tag, str):
                    continue
                if (
                    mass.get(sib, 0) >= floor
                    and self.st.link_density(sib) < 0.3
                    and not self.memo.damped(sib)
                    and headline_links(sib, self.st) < 3
                ):
                    found.append(sib)
            node = parent
        return found

    def _deep_container(self, top: etree._Element) -> etree._Element:
        """Paragraphs each wrapped in their own nest of divs give no container a score (points
        travel three levels). When the top candidate holds a small share of the page's prose,
        climb to the nearest ancestor that holds most of it, unless that is link-heavy chrome."""
        mass = self._body_mass()
        total = mass.get(self.body, 0)
        own = mass.get(top, 0)
        if not total or own >= DEEP_SHARE * total:
            return top
        node = top
        for _ in range(8):
            parent = node.getparent()
            if (
                parent is None
                or parent is self.body
                or self.memo.damped(parent)
                or self.st.link_density(parent) > 0.3
            ):
                return top
            node = parent
            if mass.get(node, 0) >= DEEP_SHARE * total:
                return node
        return top

    def _body_mass(self) -> dict[etree._Element, int]:
        """``prose_mass`` of the whole body, once: ``choose`` prunes nothing while it asks."""
        if self.mass is None:
            self.mass = prose_mass(self.body, self.st)
        return self.mass

    def _article_container(self, top: etree._Element) -> etree._Element | None:
        """The <article> (or itemprop=articleBody) element around the top candidate, when it is
        close (four levels), not link-heavy, and most of its prose is the candidate's."""
        node = top
        for _ in range(5):
            if node is None or node is self.body:
                return None
            if node.tag == "article" or (node.get("itemprop") or "").lower() == "articlebody":
                break
            node = node.getparent()
        else:
            return None
        if node is None or node is self.body or self.st.link_density(node) > 0.3 or self.memo.damped(node):
            return None
        # the body's masses when they are taken already: a subtree's own masses are the same
        mass = self.mass if self.mass is not None else prose_mass(node, self.st)
        return node if mass.get(node, 0) <= 2 * max(1, mass.get(top, 0)) else None

    def _prose_sibling(self, sib: etree._Element) -> bool:
        size = self.st.text.get(sib, 0)
        return (
            sib.tag in ("p", "blockquote")
            and size > 80
            and self.st.link_density(sib) < 0.25
            and self.st.punct.get(sib, 0) >= 1
        )
