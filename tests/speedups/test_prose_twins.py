"""The compiled candidate walk of the scoring gives what its pure twin gives (issue 17): the
same elements in the same order, on every fixture page (measured as the extract stage measures
it, before and after cuts) and on generated trees with comments, PIs, entities and namespaces."""

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
PURE = twin("prose")
ASKS = [
    (scoring.PROSE_TAGS, ("table",), 25),
    (scoring._MASS_TAGS, (), 25),
    (("p", "div"), ("table", "li"), 0),
    ((), ("a",), 10**9),
    (("nope",), (), 1),
]


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("prose")


def _bodies() -> list[etree._Element]:
    return fixture_bodies()


def _random_page(seed: int) -> etree._Element:
    rng = random.Random(seed)
    tags = ["div", "p", "table", "td", "span", "li", "h2", "a", "b", "section"]
    words = ["", "short", "a longer sentence, with a comma. " * 3, "&amp; x", "<!-- c -->", "<?pi x?>"]
    html = []
    for _ in range(rng.randrange(5, 200)):
        tag = rng.choice(tags)
        html.append(f"<{tag}>{rng.choice(words)}" if rng.random() < 0.6 else f"</{tag}>{rng.choice(words)}")
    return parse_html(f"<html><body>{''.join(html)}</body></html>").find("body")


def _xml_tree() -> etree._Element:
    root = etree.fromstring('<div xmlns:x="urn:x"><p>t</p><x:p>u</x:p><!--c--><table/>&#65;</div>')
    etree.SubElement(root, "{urn:y}div").text = "namespaced"
    return root


def test_long_elements_is_the_twins(fast):
    rng = random.Random(7)
    roots = [*_bodies(), *(_random_page(seed) for seed in range(40)), _xml_tree()]
    found = 0
    for body in roots:
        elements = list(body.iter())
        st = measure(body, elements)
        for _ in range(2):  # the tree as measured, then after some cuts (detached entries stay)
            for root in [body, *rng.sample(elements, min(5, len(elements)))]:
                if not isinstance(root.tag, str):
                    continue
                for tags, always, least in ASKS:
                    want = PURE.long_elements(root, tags, always, st.inline, least)
                    assert fast.long_elements(root, tags, always, st.inline, least) == want
                    found += len(want)
            for el in rng.sample(elements, min(10, len(elements))):
                if el.getparent() is not None and el is not body and isinstance(el.tag, str):
                    drop_tree(el, st)
            elements = list(body.iter())
    assert found > 1000


def test_long_elements_keeps_document_order_and_the_threshold():
    body = parse_html(
        "<html><body><div>x<p>a long enough paragraph here</p><table></table></div></body></html>"
    )
    st = measure(body.find("body"))
    got = PURE.long_elements(body, ("p", "div"), ("table",), st.inline, 10)
    assert [el.tag for el in got] == ["p", "table"]


def test_the_scoring_uses_the_picked_module():
    from archiver._speedups import pick

    assert scoring._long_elements is pick("prose").long_elements
