"""``second.joined_end`` reads a subtree's joined text from its end: it gives what
``" ".join(el.itertext())[-n:]`` gives, on generated trees with comments, PIs, entities, empty
and missing texts and tails, and on parsed HTML with character references."""

from __future__ import annotations

import random

import pytest
from lxml import etree, html

from archiver.extract import second

PIECES = ["", " ", "a", "word ", "...", "…", " [...]", "long sentence of prose, ", "\u00a0", "x" * 20]


def _tree(rng: random.Random, depth: int = 0) -> etree._Element:
    root = etree.Element(rng.choice(["div", "p", "span", "a"]))
    root.text = rng.choice([None, *PIECES])
    for _ in range(rng.randrange(0, 4 if depth < 4 else 1)):
        kind = rng.random()
        if kind < 0.15:
            child = etree.Comment(rng.choice(["c", "long comment ..."]))
        elif kind < 0.25:
            child = etree.ProcessingInstruction("pi", rng.choice(["x", "data …"]))
        elif kind < 0.32:
            child = etree.Entity(rng.choice(["amp", "e", "#8230"]))
        else:
            child = _tree(rng, depth + 1)
        root.append(child)
        child.tail = rng.choice([None, *PIECES])
    return root


@pytest.mark.parametrize("seed", range(300))
def test_generated_trees(seed: int) -> None:
    rng = random.Random(seed)
    root = _tree(rng)
    root.tail = "never read"
    for el in root.iter():
        if isinstance(el.tag, str):
            joined = " ".join(el.itertext())
            for n in (1, 5, 12, 40):
                assert second.joined_end(el, n) == joined[-n:]
            assert second._truncated(el) == joined[-12:].rstrip().endswith(("...", "…", "[…]", "[...]"))


def test_parsed_html() -> None:
    page = html.fromstring(
        "<div><p>One &amp; two<!-- a ... --> three<?pi ...?></p>tail &hellip;<p><b>x</b>y</p>"
        "<p>end &#8230;<br/></p><p>Read on<!--...--></p></div>"
    )
    for el in page.iter():
        if isinstance(el.tag, str):
            for n in (1, 3, 12, 100):
                assert second.joined_end(el, n) == " ".join(el.itertext())[-n:]
