"""Body versus chrome on an lxml tree (a first version; every cut records its role and cue).

1. Invisible elements (script, style, ...) go without a record: they are not page text.
2. Structural cues (nav/aside/footer/form, ARIA roles, hidden) and class/id tokens cut chrome,
   unless the element holds most of the page's prose (a wrapper that happens to say "sidebar").
3. Boxes headed by a chrome phrase ("اقرأ أيضاً", "Most read", "التعليقات (2)") are cut whole.
4. Readability-style scoring: prose-bearing elements give points to their ancestors, damped
   by link density; the best candidate and its prose-rich siblings are the article.
5. Everything outside the article is recorded as removed.
"""
from __future__ import annotations

from dataclasses import dataclass

from lxml import etree

from .blocks import BLOCK_TAGS, SKIP_TAGS
from .cues import class_cue, phrase_cue, structure_cue, tokens
from .parse import link_density, text_of

_POSITIVE = frozenset({"article", "content", "entry", "post", "body", "story", "text", "main",
                       "blog", "news", "detail", "details", "tafasil", "tafaseel", "matn", "maqal",
                       "mqal", "khabar", "akhbar", "nass", "single", "page", "column", "prose"})
_PROSE_TAGS = frozenset({"p", "pre", "td", "blockquote", "div", "section", "article", "span", "font", "dd", "li"})
_PUNCT = frozenset(",،؛;.")
_HEADING_LIKE = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "span", "div", "p", "header", "a", "li", "label"})


@dataclass(slots=True)
class Cut:
    element: etree._Element | None
    text: str
    role: str
    reason: str
    order: int


@dataclass(slots=True)
class Extraction:
    main: list[etree._Element]
    cuts: list[Cut]
    status: str


def _own_text_len(el: etree._Element) -> int:
    n = len((el.text or "").strip())
    for child in el:
        if isinstance(child.tag, str) and child.tag not in BLOCK_TAGS:
            n += len(text_of(child))
        n += len((child.tail or "").strip())
    return n


class _Extractor:
    def __init__(self, body: etree._Element, phrases: tuple[str, ...]) -> None:
        self.body = body
        self.phrases = phrases
        self.cuts: list[Cut] = []
        self.order = {el: i for i, el in enumerate(body.iter())}
        self.total = max(1, len(text_of(body)))

    def cut(self, el: etree._Element, role: str, reason: str) -> None:
        text = text_of(el)
        if text:
            self.cuts.append(Cut(el, text, role, reason, self.order.get(el, 0)))
        parent = el.getparent()
        if parent is not None:
            el.drop_tree()

    def _protected(self, el: etree._Element) -> bool:
        if el is self.body or el.tag in ("html", "body", "article", "main") or (el.get("role") or "") == "main":
            return True
        size = len(text_of(el))
        return size > 0.4 * self.total and link_density(el, size) < 0.4

    def structural_pass(self) -> None:
        stack = list(reversed([c for c in self.body if isinstance(c.tag, str)]))
        while stack:
            el = stack.pop()
            cue = structure_cue(el) or class_cue(el)
            if el.tag == "header" and not cue and not _inside(el, ("article", "main")):
                cue = ("header", "tag:header")
            if cue and not self._protected(el):
                self.cut(el, *cue)
                continue
            stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))

    def _box(self, heading: etree._Element) -> etree._Element:
        """Climb from a box heading while it leads its container, stopping short of the prose."""
        box = heading
        while True:
            parent = box.getparent()
            if parent is None or parent is self.body or self._protected(parent):
                return box
            first = next((c for c in parent if isinstance(c.tag, str) and text_of(c)), None)
            if first is not box:
                return box
            box = parent

    def phrase_pass(self) -> None:
        for el in list(self.body.iter(*_HEADING_LIKE)):
            if el.getparent() is None or not _attached(el, self.body):
                continue
            text = text_of(el)
            if not text or len(text) > 60 or any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el):
                continue
            cue = phrase_cue(text, self.phrases)
            if not cue or cue[0] == "navigation":
                continue
            box = self._box(el)
            follower = box.getnext()
            self.cut(box, cue[0], cue[1])
            if follower is not None and isinstance(follower.tag, str) and box is el:
                size = len(text_of(follower))
                if size and link_density(follower, size) > 0.6:
                    self.cut(follower, cue[0], cue[1] + "+links")

    def score(self) -> dict[etree._Element, float]:
        scores: dict[etree._Element, float] = {}
        for el in self.body.iter(*_PROSE_TAGS):
            length = _own_text_len(el)
            if length < 25:
                continue
            points = 1 + sum(1 for ch in text_of(el)[:2000] if ch in _PUNCT) * 0.5 + min(length / 100, 3)
            node = el.getparent()
            if el.tag in ("p", "pre", "td", "blockquote") or length > 80:
                scores[el] = scores.get(el, 0) + points * 0.5
            for divisor in (1, 2, 3):
                if node is None:
                    break
                scores[node] = scores.get(node, 0) + points / divisor
                node = node.getparent()
        for el in scores:
            scores[el] = (scores[el] + _class_weight(el)) * (1 - link_density(el))
        return scores

    def choose(self) -> list[etree._Element]:
        scores = self.score()
        if not scores:
            return []
        top = max(scores, key=lambda e: (scores[e], -self.order.get(e, 0)))
        parent = top.getparent()
        if parent is None or top is self.body:
            return [top]
        threshold = max(10.0, scores[top] * 0.2)
        chosen = []
        for sib in parent:
            if not isinstance(sib.tag, str):
                continue
            if sib is top or scores.get(sib, 0) >= threshold:
                chosen.append(sib)
            elif sib.tag == "p":
                size = len(text_of(sib))
                if size > 80 and link_density(sib, size) < 0.25:
                    chosen.append(sib)
        return chosen

    def outside(self, main: list[etree._Element]) -> None:
        keep = set(main)
        for el in main:
            for anc in el.iterancestors():
                keep.add(anc)
        stack = [c for c in self.body if isinstance(c.tag, str)]
        while stack:
            el = stack.pop()
            if el in main:
                continue
            if el in keep:
                stack.extend(c for c in el if isinstance(c.tag, str))
                continue
            cue = structure_cue(el) or class_cue(el) or ("boilerplate", "outside-article")
            self.cut(el, cue[0], cue[1] if cue[1] == "outside-article" else cue[1] + ",outside-article")


def _inside(el: etree._Element, tags: tuple[str, ...]) -> bool:
    return any(a.tag in tags for a in el.iterancestors())


def _attached(el: etree._Element, body: etree._Element) -> bool:
    return any(a is body for a in el.iterancestors())


def _class_weight(el: etree._Element) -> float:
    toks = set(tokens(f"{el.get('class', '')} {el.get('id', '')}"))
    weight = 0.0
    if toks & _POSITIVE:
        weight += 25
    if class_cue(el):
        weight -= 25
    if el.tag in ("article", "main"):
        weight += 10
    return weight


def _is_listing(main: list[etree._Element]) -> bool:
    """Many teaser links and no paragraph of unlinked prose: an index, not an article."""
    teasers = 0
    prose = 0
    for root in main:
        for el in root.iter("h2", "h3", "h4", "a"):
            if el.tag == "a" and len(text_of(el)) >= 25:
                teasers += 1
        for el in root.iter("p", "div", "td", "li"):
            size = _own_text_len(el)
            if size >= 150 and link_density(el) < 0.2:
                prose += 1
    return teasers >= 6 and prose < 2


def extract_body(root: etree._Element, phrases: tuple[str, ...] = ()) -> Extraction:
    body = root.find("body")
    body = body if body is not None else root
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    ex = _Extractor(body, phrases)
    ex.structural_pass()
    ex.phrase_pass()
    main = ex.choose()
    letters = sum(len(text_of(m)) for m in main)
    status = "ok"
    if not main or letters < 200 or _is_listing(main):
        status = "no_article"
    if main:
        ex.outside(main)
    ex.cuts.sort(key=lambda c: c.order)
    return Extraction(main, ex.cuts, status)
