"""signoff.imaged: one set look-up answers "does this element hold an image" (issue 17, speed).

``el in imaged(holders)`` must be ``any(d in holders for d in el.iter())`` for every element,
on every fixture page, and again after subtrees are cut (the tree as it then is).
"""

from __future__ import annotations

import random
import sys
from pathlib import Path

from lxml import etree

from archiver.decode import decode
from archiver.extract.parse import drop_tree, parse_html
from archiver.extract.signoff import image_holders, imaged

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from goldens import cases, input_of


def _holds_image(el: etree._Element, holders: set) -> bool:
    return any(d in holders for d in el.iter())


def _check(body: etree._Element, holders: set) -> int:
    with_image = imaged(holders)
    n = 0
    for el in body.iter():
        assert (el in with_image) == _holds_image(el, holders), el.tag
        n += el in with_image
    return n


def test_imaged_is_any_descendant_a_holder():
    rng = random.Random(11)
    found = 0
    for case in cases():
        root = parse_html(decode(input_of(case).read_bytes()).text)
        body = root.find("body") if root.find("body") is not None else root
        holders = image_holders(body)
        elements = [e for e in body.iter() if isinstance(e.tag, str)]
        holders |= set(rng.sample(elements, min(len(elements), 5)))  # and elements without an image
        etree.strip_elements(body, "img", "picture", with_tail=False)
        found += _check(body, holders)
        for el in rng.sample(elements, min(len(elements), 8)):  # cuts: the tree as it then is
            if el.getparent() is not None and el is not body:
                drop_tree(el)
        _check(body, holders)
    assert found > 100
