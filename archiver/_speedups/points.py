"""The scoring's prose points, pure Python (the twin of ``_points.pyx``, issue 17).

Facts only: the arithmetic of :func:`archiver.extract.scoring._prose_points` and the ceilings
of ``Scores.best``, over measurements the scoring gives. Which tables are data tables and which
paragraphs the JSON-LD vouches for are the scoring's decisions, asked through callbacks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from lxml import etree

Element = etree._Element


def prose_points(
    candidates: list[Element],
    inline: dict[Element, int],
    text: dict[Element, int],
    punct: dict[Element, int],
    top: Element | None,
    leaf: frozenset[str],
    data_table: Callable[[Element], bool],
    evidence: Callable[[Element], bool] | None,
) -> dict[Element, float]:
    """Points per element from the ``candidates`` (document order; an element tagged "table" is
    asked ``data_table`` and is no candidate itself; an element under a data table is skipped):
    each gives ``1 + min(punct, 12) / 2 + min(length / 100, 3)`` (``+ 5`` when ``evidence``
    says so) to its parent, grandparent and great-grandparent (divided by 1, 2, 3; never to
    ``top`` or above), and half of it to itself when its tag is in ``leaf`` or its ``inline``
    length is over 80."""
    scores: dict[Element, float] = {}
    tables: set[Element] = set()  # a table comes before its cells in document order
    get_inline, get_text, marks, get = inline.get, text.get, punct.get, scores.get
    for el in candidates:
        tag = el.tag
        if tag == "table":
            if data_table(el):
                tables.add(el)
            continue
        if tables and any(a in tables for a in el.iterancestors("table")):
            continue
        length = get_inline(el, 0)
        total = get_text(el, 0) or 1
        share = marks(el, 0) * length / total
        points = 1 + min(share, 12) * 0.5 + min(length / 100, 3)
        if evidence is not None and evidence(el):
            points += 5
        if tag in leaf or length > 80:
            scores[el] = get(el, 0) + points * 0.5
        node = el.getparent()
        for divisor in (1, 2, 3):
            if node is None or node is top:
                break
            scores[node] = get(node, 0) + points / divisor
            node = node.getparent()
    return scores


def ceilings(
    points: dict[Element, float],
    among: Iterable[Element],
    text: dict[Element, int],
    links: dict[Element, int],
    extra: float,
    factor: float,
) -> list[tuple[float, Element]]:
    """``((points[el] + extra) * (1 - link density) * factor, el)`` for each ``el`` of ``among``,
    in its order; the link density is ``min(1, links / text)``, 0 without text."""
    out = []
    get_text, get_links = text.get, links.get
    for el in among:
        total = get_text(el, 0)
        density = min(1.0, get_links(el, 0) / total) if total else 0.0
        out.append(((points[el] + extra) * (1 - density) * factor, el))
    return out
