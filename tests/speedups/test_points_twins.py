"""The compiled prose points and ceilings of the scoring give what their pure twin gives
(issue 17): the same floats bit for bit, in the same dict order, on every fixture page and on
generated trees (data tables, evidence, comments, PIs, entities, namespaced tags, cut trees)."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree
from twinkit import compiled_or_skip, fixture_bodies, twin

from archiver.extract import scoring
from archiver.extract.parse import parse_html
from archiver.extract.stats import drop_tree, measure

ROOT = Path(__file__).resolve().parents[2]
PURE = twin("points")


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("points")


def _bodies() -> list[etree._Element]:
    return fixture_bodies()


def _random_page(seed: int) -> etree._Element:
    rng = random.Random(seed)
    tags = ["div", "p", "table", "tr", "td", "span", "li", "blockquote", "a", "b", "section"]
    words = ["", "short", "a longer sentence, with a comma. " * rng.randrange(1, 12), "&amp; x", "<!-- c -->"]
    html = []
    for _ in range(rng.randrange(5, 300)):
        tag = rng.choice(tags)
        html.append(f"<{tag}>{rng.choice(words)}" if rng.random() < 0.6 else f"</{tag}>{rng.choice(words)}")
    return parse_html(f"<html><body>{''.join(html)}</body></html>").find("body")


def _xml_tree() -> etree._Element:
    root = etree.fromstring('<div xmlns:x="urn:x"><p>t</p><x:p>u</x:p><!--c--><table/>&#65;</div>')
    etree.SubElement(root, "{urn:y}div").text = "namespaced"
    return root


def _same(a: dict, b: dict) -> None:
    assert list(a) == list(b)
    assert [v.hex() for v in a.values()] == [v.hex() for v in b.values()]


def _ask(fast, body: etree._Element, rng: random.Random) -> int:
    st = measure(body, list(body.iter()))
    candidates = [el for el in body.iter() if rng.random() < 0.7]  # comments and PIs too, at times
    if rng.random() < 0.5:
        candidates = [el for el in candidates if isinstance(el.tag, str)]
    for top in (body.getparent(), body, None):
        tables = rng.random() < 0.5

        def data_table(el, tables=tables):
            return tables and len(el) % 2 == 0

        def evidence(el):
            return el.tag in ("p", "div") and len(el.text or "") % 3 == 0

        for ev in (evidence, None):
            args = (candidates, st.inline, st.text, st.punct, top, scoring._LEAF_PROSE, data_table, ev)
            want = PURE.prose_points(*args)
            _same(fast.prose_points(*args), want)
            among = list(want) if rng.random() < 0.5 else want
            got = fast.ceilings(want, among, st.text, st.links, scoring.W_MAX, 1.25)
            expected = PURE.ceilings(want, among, st.text, st.links, scoring.W_MAX, 1.25)
            assert [(c.hex(), el) for c, el in got] == [(c.hex(), el) for c, el in expected]
    return len(candidates)


def test_points_are_the_twins(fast):
    rng = random.Random(11)
    asked = 0
    for body in [*_bodies(), *(_random_page(seed) for seed in range(60)), _xml_tree()]:
        asked += _ask(fast, body, rng)
        elements, st = list(body.iter()), measure(body)
        for el in rng.sample(elements, min(10, len(elements))):  # a pruned tree
            if el is not body and isinstance(el.tag, str) and el in set(body.iter()):
                drop_tree(el, st)
        asked += _ask(fast, body, rng)
    assert asked > 1000


def test_points_of_a_small_page():
    body = parse_html(
        "<html><body><div><p>" + "A sentence, with commas, and more. " * 4 + "</p></div></body></html>"
    ).find("body")
    st = measure(body)
    p = body.find(".//p")
    got = PURE.prose_points([p], st.inline, st.text, st.punct, body.getparent(), frozenset({"p"}), bool, None)
    assert list(got) == [p, p.getparent(), body]
    assert got[p.getparent()] == 2 * got[p] and got[body] == got[p.getparent()] / 2  # 1/2, 1, 1/2


def test_the_scoring_uses_the_picked_module():
    from archiver._speedups import pick

    assert scoring._points is pick("points")
