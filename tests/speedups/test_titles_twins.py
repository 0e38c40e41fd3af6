"""The headline search's walk: compiled and pure twin give the same elements and texts, and both
give what reading every element's text gives (the ancestors they skip hold no stretch) (issue 17)."""

from __future__ import annotations

import random

import pytest
from goldens import cases, input_of
from lxml import etree
from twinkit import compiled_or_skip, twin

from archiver.decode import decode
from archiver.extract.blocks import SKIP_TAGS
from archiver.extract.parse import parse_html, text_of
from archiver.extract.stats import measure

PURE = twin("titles")
NEVER = frozenset(("a", "script"))
LINKED_OK = frozenset(("h1", "h2"))
PIECES = ["漢字", "word", "Word", "كلمة", "\u00a0", " ", "\t\n", "ß", "İ", "ﬁ", "title", "Title of it", "، "]


def _text(rng: random.Random) -> str | None:
    return None if rng.random() < 0.2 else "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 5)))


def _tree(seed: int) -> etree._Element:
    rng = random.Random(seed)
    root = etree.Element("body")
    open_ = [root]
    for _ in range(rng.randrange(1, 80)):
        parent = rng.choice(open_)
        if rng.random() < 0.08:
            node = etree.Comment("c")
            parent.append(node)
        else:
            node = etree.SubElement(parent, rng.choice(["div", "h1", "h2", "a", "span", "p", "b", "script"]))
            node.text = _text(rng)
            open_.append(node)
        node.tail = _text(rng)
    return root


def _every_text(elements, sizes, links, lo, hi, haystack):
    """The definition: every element in the window read, no ancestor skipped."""
    out = []
    for el in elements:
        size = sizes.get(el, 0)
        if not isinstance(el.tag, str) or el.tag in NEVER or not lo <= size <= hi:
            continue
        if el.tag not in LINKED_OK and links.get(el, 0) >= size:
            continue
        text = text_of(el).casefold()
        if text in haystack:
            out.append((el, text))
    return out


def _fixture_body(case) -> etree._Element:
    root = parse_html(decode(input_of(case).read_bytes()).text)
    body = root.find("body") if root.find("body") is not None else root
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    return body


def _cases():
    rng = random.Random(41)
    bodies = [_tree(seed) for seed in range(150)] + [_fixture_body(case) for case in cases()]
    for body in bodies:
        elements = list(body.iter())
        st = measure(body, elements)
        texts = [text_of(e) for e in elements if isinstance(e.tag, str)] or [""]
        pick = rng.choice(texts).casefold()
        haystack = "\x00".join([pick, pick[rng.randrange(len(pick) + 1) :], "word title"])
        yield elements, st.text, st.links, rng.randrange(0, 6), rng.choice([8, 30, 10**6]), haystack


def test_the_twin_reads_what_every_text_gives():
    found = 0
    for elements, sizes, links, lo, hi, haystack in _cases():
        got = PURE.stretches(elements, sizes, links, lo, hi, NEVER, LINKED_OK, haystack)
        assert got == _every_text(elements, sizes, links, lo, hi, haystack)
        found += len(got)
    assert found > 200


def test_compiled_equals_the_twin():
    fast = compiled_or_skip("titles")
    for elements, sizes, links, lo, hi, haystack in _cases():
        want = PURE.stretches(elements, sizes, links, lo, hi, NEVER, LINKED_OK, haystack)
        assert fast.stretches(elements, sizes, links, lo, hi, NEVER, LINKED_OK, haystack) == want


def test_compiled_wants_elements():
    fast = compiled_or_skip("titles")
    with pytest.raises(TypeError):
        fast.stretches(["not an element"], {}, {}, 0, 10, NEVER, LINKED_OK, "x")
