"""Where is the article? Readability-style content scoring over cached text measurements.

Cues, each a general property of article markup rather than of any one site:

- Prose: an element with at least a sentence of inline text (script-aware length, see
  :mod:`.stats`) gives points to itself, its parent, grandparent and great-grandparent
  (1, 1/2, 1/3), more for longer text and for prose punctuation (, ، ؛ . 。).
- Link density damps a candidate: teaser lists and menus are mostly link text.
- class/id tokens: article words in English and transliterated Arabic (``maqal``, ``khabar``,
  ``tafasil``...) add weight; chrome tokens (see ``class_cues.tsv``) subtract it; a candidate
  inside a comments/related/most-read region within a few levels is damped hard.
- ``<article>``, ``<main>``, ``role=main`` and ``itemprop=articleBody`` add weight.
- JSON-LD ``articleBody`` is evidence, not truth: paragraphs whose text appears in it give
  their containers a bonus, so a page with a correct articleBody gets its container chosen,
  while a wrong or truncated articleBody only nudges.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from operator import itemgetter

from lxml import etree

from .._speedups import pick
from .blocks import BLOCK_TAGS, is_layout_table
from .cues import WEAK_TOKENS, Signed, class_cue, region_cue, signature, token_tuple
from .headregion import HEADLINE_BONUS, headline_region, near_headline
from .parse import attached, squash, text_of
from .stats import Stats

POSITIVE = frozenset(
    {
        "article",
        "content",
        "entry",
        "post",
        "body",
        "story",
        "text",
        "main",
        "blog",
        "news",
        "detail",
        "details",
        "tafasil",
        "tafaseel",
        "matn",
        "maqal",
        "mqal",
        "khabar",
        "akhbar",
        "nass",
        "single",
        "prose",
        "articlebody",
        "richtext",
        "paragraph",
        "paragraphs",
        "copy",
        "description",
        "abstract",
    }
)
PROSE_TAGS = ("p", "pre", "td", "blockquote", "div", "section", "article", "span", "font", "dd", "li", "main")
_DAMPING_ROLES = frozenset(
    {
        "comments",
        "related",
        "most-read",
        "navigation",
        "footer",
        "newsletter",
        "ad",
        "cookie",
        "modal",
        "hidden",
        "form",
        "references",
    }
)
_MIN_PROSE = 25
# the elements of some tags under a root with at least so much inline text, in document order
_long_elements = pick("prose").long_elements  # compiled or pure: the same lists
_points = pick("points")  # the points and ceilings arithmetic, compiled or pure
_MIN_BONUS_TEXT = 140  # characters a candidate needs before an article class name adds to its score


def class_weight(el: etree._Element) -> float:
    """+25 for an article token, -25 for a chrome token (-10 for an ambiguous one, see
    ``WEAK_TOKENS``), +10..+30 for semantic article markup. It reads the tag and attributes of
    :data:`archiver.extract.cues.SIGNED` only: answered once per distinct signature."""
    return _signed_weight(signature(el))


@lru_cache(maxsize=1 << 15)
def _signed_weight(sig: tuple) -> float:
    return _class_weight(Signed(sig))  # type: ignore[arg-type]  # reads tag, get and keys only


def _class_weight(el: etree._Element) -> float:
    if not el.keys():  # no class, id, role or itemprop: only the tag counts
        return 10.0 if el.tag in ("article", "main") else 0.0
    weight = 0.0
    if not POSITIVE.isdisjoint(token_tuple(f"{el.get('class', '')} {el.get('id', '')}")):
        weight += 25
    cue = class_cue(el)
    if cue and cue[0] != "author":  # author tokens mark bylines as much as boxes: no evidence either way
        weight -= 10 if cue[1].rpartition(":")[2] in WEAK_TOKENS else 25
    if el.tag in ("article", "main") or (el.get("role") or "").lower() == "main":
        weight += 10
    if (el.get("itemprop") or "").lower() == "articlebody":
        weight += 30
    return weight


W_MAX = 65.0  # the most class_weight gives (25 + 10 + 30): top_candidate's bound relies on it


def damped(el: etree._Element, depth: int = 4, memo: dict | None = None) -> bool:
    """True when the element or one of its nearest ancestors is a comments/related-style region.

    ``memo`` (element → what its own tag and attributes say, see ``_own_damping``) spares
    repeated cue lookups when many neighbouring elements are asked in one pass."""
    memo = memo if memo is not None else {}
    node: etree._Element | None = el
    for _ in range(depth):
        if node is None:
            return False
        code = memo.get(node)
        if code is None:
            code = memo[node] = _own_damping(node)
        if code:
            return code == _DAMPING
        node = node.getparent()
    return False


_UNDAMPED, _DAMPING, _STOP = 0, 1, 2


def _own_damping(node: etree._Element) -> int:
    """_STOP at <body>/<html> (the walk ends there, undamped), else whether the node's own cue
    names a damping region."""
    if node.tag in ("body", "html"):
        return _STOP
    cue = region_cue(node)
    return _DAMPING if cue and cue[0] in _DAMPING_ROLES else _UNDAMPED


@dataclass(slots=True)
class Memo:
    """One page's answers that stay fixed while its tree is pruned, kept across scorings:
    class weights (attributes only), damping (an attached element keeps its ancestors) and the
    <head>'s titles."""

    weights: dict[etree._Element, float] = field(default_factory=dict)
    own_damping: dict[etree._Element, int] = field(default_factory=dict)
    damping: dict[etree._Element, bool] = field(default_factory=dict)
    titles: list[str] | None = None
    h1_of: etree._Element | None = None  # the body whose first <h1> is ``h1``
    h1: etree._Element | None = None

    def first_h1(self, body: etree._Element) -> etree._Element | None:
        """``next(body.iter("h1"), None)`` without walking the tree again while it still holds:
        cuts only remove subtrees, so the first <h1> stays the first while it is attached, and a
        body without one never gets one."""
        h1 = self.h1
        if self.h1_of is not body or (h1 is not None and not attached(h1, body)):
            h1 = self.h1 = next(body.iter("h1"), None)
            self.h1_of = body
        return h1

    def weight(self, el: etree._Element) -> float:
        found = self.weights.get(el)
        if found is None:
            found = self.weights[el] = class_weight(el)
        return found

    def damped(self, el: etree._Element) -> bool:
        found = self.damping.get(el)
        if found is None:
            found = self.damping[el] = damped(el, memo=self.own_damping)
        return found


def _ld_paragraphs(body: etree._Element, st: Stats, ld_body: str | None) -> set[etree._Element]:
    """Leaf prose elements whose opening words occur in the JSON-LD articleBody."""
    if not ld_body or len(ld_body) < 200:
        return set()
    hay = squash(ld_body)
    return {el for el in body.iter(*_EVIDENCE_TAGS) if _is_evidence(el, st, hay)}


_EVIDENCE_TAGS = ("p", "div", "td", "li", "span")


def _is_evidence(el: etree._Element, st: Stats, hay: str) -> bool:
    """``el`` (one of ``_EVIDENCE_TAGS``) is in ``_ld_paragraphs``, ``hay`` the squashed articleBody."""
    if st.inline.get(el, 0) < 40 or any(isinstance(c.tag, str) and c.tag in BLOCK_TAGS for c in el):
        return False
    probe = text_of(el)[:60]
    return len(probe) >= 30 and probe in hay


def _data_tables(body: etree._Element, st: Stats) -> set[etree._Element]:
    """Tables of short cells in several rows: data, not layout. Their cells are not prose
    candidates (a long price or results table would otherwise outscore the article around it)."""
    return {table for table in body.iter("table") if _is_data_table(table, st)}


def _is_data_table(table: etree._Element, st: Stats) -> bool:
    """``table`` is one of ``_data_tables``: three rows or more, short cells, not layout."""
    cells = [c for c in table.iter("td", "th")]
    rows = sum(1 for _ in table.iter("tr"))
    return (
        rows >= 3 and bool(cells) and st.text.get(table, 0) / len(cells) < 150 and not is_layout_table(table)
    )


def _in_data_table(el: etree._Element, tables: set[etree._Element]) -> bool:
    return bool(tables) and any(a in tables for a in el.iterancestors("table"))


def score(
    body: etree._Element, st: Stats, ld_body: str | None = None, memo: Memo | None = None
) -> dict[etree._Element, float]:
    """Content score of every candidate container under ``body``. ``memo``: the page's
    :class:`Memo` when it is scored more than once."""
    memo = memo if memo is not None else Memo()
    scores = _prose_points(body, st, ld_body)
    near = headline_region(body, memo)
    for el in scores:
        scores[el] = _value(el, scores[el], st, memo, near)
    return scores


def top_candidate(
    body: etree._Element, st: Stats, ld_body: str | None, memo: Memo, order: dict[etree._Element, int]
) -> etree._Element | None:
    """``best(score(body, st, ld_body, memo), order)`` without valuing every candidate."""
    return Scores(body, st, ld_body, memo).best(order)


class Scores:
    """``score(body, st, ld_body, memo)`` with each candidate valued when first asked for.

    The points, headline region and memo are those ``score`` uses, and the tree is not pruned
    while the scores are asked for, so a value is the one ``score`` would give. ``best`` values
    candidates by falling ceiling: a value is at most (points + W_MAX) × (1 - link density) ×
    HEADLINE_BONUS (float rounding is monotone, so this holds exactly); once the ceiling is
    below the best value found, no candidate left could reach it, let alone tie."""

    __slots__ = ("memo", "near", "points", "st", "values")

    def __init__(self, body: etree._Element, st: Stats, ld_body: str | None, memo: Memo) -> None:
        self.points = _prose_points(body, st, ld_body)
        self.near = headline_region(body, memo)
        self.st, self.memo = st, memo
        self.values: dict[etree._Element, float] = {}

    def get(self, el: etree._Element, default: float = 0) -> float:
        """``score(...).get(el, default)``."""
        found = self.values.get(el)
        if found is None:
            own = self.points.get(el)
            if own is None:
                return default
            found = self.values[el] = _value(el, own, self.st, self.memo, self.near)
        return found

    def best(
        self, order: dict[etree._Element, int], among: list[etree._Element] | None = None
    ) -> etree._Element | None:
        """``best`` of all the scores, or of those of the candidates ``among``."""
        points, st = self.points, self.st
        candidates = points if among is None else among
        ceilings = _points.ceilings(points, candidates, st.text, st.links, W_MAX, HEADLINE_BONUS)
        ranked = sorted(ceilings, key=itemgetter(0), reverse=True)
        found: dict[etree._Element, float] = {}
        top = None
        for ceiling, el in ranked:
            if top is not None and ceiling < top:
                break
            value = found[el] = self.get(el)
            top = value if top is None else max(top, value)
        return best(found, order)


def _prose_points(body: etree._Element, st: Stats, ld_body: str | None) -> dict[etree._Element, float]:
    """Points from the prose beneath each candidate, before its class weight and damping."""
    hay = squash(ld_body) if ld_body and len(ld_body) >= 200 else None  # _ld_paragraphs' test

    def evidence(el: etree._Element) -> bool:  # el in _ld_paragraphs
        return el.tag in _EVIDENCE_TAGS and _is_evidence(el, st, hay)  # type: ignore[arg-type]

    # one walk for the candidates (the prose tags' elements long enough) and the tables: a table
    # comes before its cells in document order, so it is sorted out before they are asked
    candidates = _long_elements(body, PROSE_TAGS, ("table",), st.inline, _MIN_PROSE)
    return _points.prose_points(
        candidates,
        st.inline,
        st.text,
        st.punct,
        body.getparent(),
        _LEAF_PROSE,
        lambda table: _is_data_table(table, st),
        evidence if hay is not None else None,
    )


_LEAF_PROSE = frozenset({"p", "pre", "td", "blockquote"})  # score themselves too, whatever their length


def _value(el: etree._Element, points: float, st: Stats, memo: Memo, near: set[etree._Element]) -> float:
    """A candidate's score: its points with its class weight, link density, headline and damping."""
    weight = memo.weight(el)
    if weight > 0 and st.text.get(el, 0) < _MIN_BONUS_TEXT:  # "content" on a tiny box is a teaser
        weight = 0.0
    value = (points + weight) * (1 - st.link_density(el))
    if near and near_headline(el, near):
        value *= HEADLINE_BONUS
    return value * 0.3 if memo.damped(el) else value


_MASS_TAGS = (*PROSE_TAGS, "h2", "h3", "h4")


def prose_mass(body: etree._Element, st: Stats) -> dict[etree._Element, int]:
    """Per element, the unlinked prose length beneath it (leaf prose elements only count once)."""
    mass: dict[etree._Element, int] = {}
    inline, text, links, get = st.inline.get, st.text.get, st.links.get, mass.get
    for el in _long_elements(body, _MASS_TAGS, (), st.inline, _MIN_PROSE):
        length = inline(el, 0)
        total = text(el, 0)  # Stats.link_density, inlined
        if total and min(1.0, links(el, 0) / total) > 0.5:
            continue
        node: etree._Element | None = el
        while node is not None:  # el and its ancestors up to body
            mass[node] = get(node, 0) + length
            if node is body:
                break
            node = node.getparent()
    return mass


def best(scores: dict[etree._Element, float], order: dict[etree._Element, int]) -> etree._Element | None:
    """The top candidate (ties go to the earlier element, so the choice is deterministic)."""
    if not scores:
        return None
    return max(scores, key=lambda e: (scores[e], -order.get(e, 0)))
