"""The compiled facts of the second opinion give what their pure twin gives (issue 17): the same
candidate blocks with the same own links, marks and positions, and the same chain joins, on
every fixture page and on generated trees with comments, PIs, entities and namespaces."""

from __future__ import annotations

import random

import pytest
from lxml import etree
from test_walk import CASES
from twinkit import compiled_or_skip, twin

from archiver._speedups import walk
from archiver.extract.blocks import BLOCK_TAGS
from archiver.extract.second import MIN_PROSE, prose_weight
from archiver.extract.stats import Stats, measure

PURE = twin("opinion")
ASKS = [(BLOCK_TAGS, MIN_PROSE), (BLOCK_TAGS, 0), (("p", "li"), 5), ((), 1), (BLOCK_TAGS, 10**9)]


def _facts(root: etree._Element) -> tuple[list[etree._Element], tuple]:
    elements = list(root.iter())
    return elements, walk.measure(root, elements, BLOCK_TAGS)


@pytest.mark.parametrize("name,root", CASES, ids=[c[0] for c in CASES])
def test_blocks_is_the_twins(name, root):
    fast = compiled_or_skip("opinion")
    elements, (_, links, inline, punct) = _facts(root)
    for tags, floor in ASKS:
        want = PURE.blocks(elements, inline, links, punct, tags, floor)
        got = fast.blocks(elements, inline, links, punct, tags, floor)
        assert got == want
        assert all(g[0] is w[0] for g, w in zip(got, want, strict=True))


@pytest.mark.parametrize("name,root", CASES, ids=[c[0] for c in CASES])
def test_join_is_the_twins(name, root):
    fast = compiled_or_skip("opinion")
    nodes = list(root.iter())
    rng = random.Random(len(nodes))
    pairs = [(rng.choice(nodes), rng.choice(nodes)) for _ in range(200)]
    pairs += [(nodes[0], nodes[-1]), (nodes[-1], nodes[0]), (nodes[0], nodes[0])]
    stranger = etree.SubElement(etree.SubElement(etree.Element("div"), "p"), "b")
    pairs += [(nodes[-1], stranger), (stranger, nodes[0])]
    for a, b in pairs:
        want, got = PURE.join(a, b), fast.join(a, b)
        assert got == want
        assert got[0] is want[0]


def test_join_is_the_chains_meeting_point():
    root = etree.fromstring("<body><div><p><b>x</b></p><p>y</p></div><ul><li>z</li></ul></body>")
    b, p2, li = root.find(".//b"), root.findall(".//p")[1], root.find(".//li")
    assert PURE.join(b, p2) == (root[0], 2, 1)
    assert PURE.join(li, b) == (root, 2, 3)
    assert PURE.join(b, b) == (b, 0, 0)
    other = etree.Element("p")
    assert PURE.join(b, other) == (None, 4, 1)


@pytest.mark.parametrize("name,root", CASES[:40], ids=[c[0] for c in CASES[:40]])
def test_blocks_are_what_prose_weight_asks(name, root):
    """Each block's facts are what ``prose_weight`` reads: its inline size, and ``walk.own``."""
    elements, (text, links, inline, punct) = _facts(root)
    st = Stats(text, links, inline, punct)
    facts = PURE.blocks(elements, inline, links, punct, BLOCK_TAGS, MIN_PROSE)
    listed = {id(f[0]) for f in facts}
    for el, size, lnk, marks, _ in facts:
        assert size == inline[el] >= MIN_PROSE
        assert (lnk, marks) == walk.own(el, links, punct, BLOCK_TAGS)
    for el in elements:  # every block left out is one prose_weight gives 0 at once
        if id(el) not in listed and isinstance(el.tag, str) and el.tag in BLOCK_TAGS:
            assert prose_weight(el, st) == 0
    pos, want = 0, []
    for el in elements:
        if isinstance(el.tag, str) and (el.tag in BLOCK_TAGS or el.tag == "body"):
            if inline.get(el, 0) >= MIN_PROSE:
                want.append(pos)
            pos += inline.get(el, 0)
    assert [f[4] for f in facts] == want


def test_measure_keys_the_facts():
    root = etree.fromstring(
        "<body><div>" + "<p>A sentence, with marks. And more of it here.</p>" * 5 + "</div></body>"
    )
    elements = list(root.iter())
    st = measure(root, elements)
    facts = PURE.blocks(elements, st.inline, st.links, st.punct, BLOCK_TAGS, 20)
    assert [f[0].tag for f in facts] == ["p"] * 5
    assert [f[4] for f in facts] == [i * st.inline[root[0][0]] for i in range(5)]
