"""The headline search reads no text past the titles' weighed bound (issue 17, speed).

:func:`archiver.extract.headed.title_parts` skips, unread, every element whose measured weight
exceeds :func:`weighed_bound` of the longest title. That is safe only if no element whose text
is a stretch of a title weighs more than the title's bound: checked here on every element of
every fixture page and of generated trees (CJK, no-break spaces, every whitespace, entities),
and :func:`title_parts` is compared with the plain definition (read every element's text).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest
from lxml import etree

from archiver.decode import decode
from archiver.extract import headed
from archiver.extract.blocks import SKIP_TAGS
from archiver.extract.parse import parse_html, squash, text_of
from archiver.extract.stats import measure

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from goldens import cases, input_of

PIECES = [
    "漢字",
    "かな",
    "한국어",
    "\u00a0",
    " \u00a0 ",
    "\u3000",
    "\t\n",
    "ß",
    "İ",
    "ﬁ",
    "word",
    "كلمة",
    "،",
    " ",
]


def _body(root: etree._Element) -> etree._Element:
    body = root.find("body")
    body = body if body is not None else root
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    return body


def _text(rng: random.Random) -> str | None:
    if rng.random() < 0.2:
        return None
    return "".join(rng.choice(PIECES) for _ in range(rng.randrange(0, 6)))


def _tree(seed: int) -> etree._Element:
    rng = random.Random(seed)
    root = etree.Element("body")
    open_ = [root]
    for _ in range(rng.randrange(1, 60)):
        parent = rng.choice(open_)
        if rng.random() < 0.1:
            node = etree.Entity(rng.choice(["nbsp", "amp"]))
        else:
            node = etree.SubElement(parent, rng.choice(["div", "h1", "h2", "a", "span", "p", "b"]))
            node.text = _text(rng)
            open_.append(node)
        if node.getparent() is None:
            parent.append(node)
        node.tail = _text(rng)
    return root


def _bodies() -> list[etree._Element]:
    out = [_body(parse_html(decode(input_of(case).read_bytes()).text)) for case in cases()]
    return out + [_tree(seed) for seed in range(80)]


@pytest.fixture(scope="module")
def bodies() -> list[etree._Element]:
    return _bodies()


def test_no_stretch_of_a_title_weighs_more_than_its_bound(bodies):
    """An element's text is a stretch of itself: its weight is within its own text's bound."""
    checked = 0
    for body in bodies:
        st = measure(body)
        for el in body.iter():
            if isinstance(el.tag, str):
                assert st.text[el] <= headed.weighed_bound(text_of(el).casefold()), text_of(el)
                checked += 1
    assert checked > 1000


def _plain_title_parts(elements, st, titles, site=frozenset()):
    """The definition, reading every element's text (the code before the bound)."""
    titles = [t.casefold() for t in titles if len(t) >= headed.MIN_TITLE]
    if not titles:
        return []
    found: list = []
    for el in elements:
        if not isinstance(el.tag, str) or el.tag in headed._NEVER:
            continue
        size = st.text.get(el, 0)
        if size < headed.MIN_TITLE or (el.tag not in headed._HEADINGS and st.links.get(el, 0) >= size):
            continue
        text = squash(text_of(el)).casefold()
        if len(text) < headed.MIN_TITLE or text in site or not any(text in t for t in titles):
            continue
        if headed._links_home(el):
            continue
        if found and found[-1][1] in el.iterancestors() and found[-1][0] == len(text):
            found[-1] = (len(text), el)
        else:
            found.append((len(text), el))
    found = [(n, el) for n, el in found if not any(a.tag == "a" for a in el.iterancestors())]
    found.sort(key=lambda f: -f[0])
    return [el for _, el in found]


def test_title_parts_is_the_plain_definition(bodies):
    rng = random.Random(3)
    compared = 0
    for body in bodies:
        elements = list(body.iter())
        st = measure(body, elements)
        texts = [text_of(el) for el in elements if isinstance(el.tag, str)]
        texts = [t for t in texts if len(t) >= headed.MIN_TITLE] or ["no such title here"]
        for _ in range(3):
            title = rng.choice(texts)
            cut = rng.randrange(len(title) // 2 + 1)
            titles = [title, f"{title} | Site", title[cut:], "Site name only"]
            got = headed.title_parts(elements, st, titles, {"site name only"})
            assert got == _plain_title_parts(elements, st, titles, {"site name only"})
            compared += bool(got)
    assert compared > 50
