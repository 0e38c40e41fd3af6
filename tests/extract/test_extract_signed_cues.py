"""Region cues and class weights answered per signature (issue 17) are those the element gives:
every cue reads only the tag and the attributes of ``cues.SIGNED``, so the element rebuilt from
its signature (``cues.Signed``) gets the same answers, on every fixture element and on
generated elements with every cue attribute."""

from __future__ import annotations

import random
from pathlib import Path

from lxml import etree

from archiver.decode import decode
from archiver.extract import cues, scoring
from archiver.extract.parse import parse_html

ROOT = Path(__file__).resolve().parents[2]


def _elements() -> list[etree._Element]:
    out = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm", "input.txt"):
            if (case / name).is_file():
                out += parse_html(decode((case / name).read_bytes()).text).iter()
    rng = random.Random(3)
    values = [
        "nav",
        "sidebar2",
        "live-comment comments",
        "has-sidebar",
        "hidden md:block",
        "hidden",
        "articleBody",
        "main",
        "display:none",
        "true",
        "widget",
        "content story",
        "newsletter-box",
        "",
    ]
    names = [*sorted(cues.SIGNED), "href", "data-x"]
    tags = ["div", "nav", "aside", "form", "section", "article", "main", "span", "footer", "header"]
    parts = []
    for _ in range(3000):
        tag = rng.choice(tags)
        attrs = " ".join(f'{rng.choice(names)}="{rng.choice(values)}"' for _ in range(rng.randrange(4)))
        parts.append(f"<{tag} {attrs}>x</{tag}>")
    out += parse_html(f"<html><body>{''.join(parts)}</body></html>").iter()
    return [el for el in out if isinstance(el.tag, str)]


ELEMENTS = _elements()


def test_region_cue_per_signature_is_the_elements():
    fired = 0
    for el in ELEMENTS:
        want = cues._region_cue(el)
        assert cues.region_cue(el) == want, etree.tostring(el)[:200]
        assert cues._region_cue(cues.Signed(cues.signature(el))) == want
        fired += want is not None
    assert fired > 500


def test_class_weight_per_signature_is_the_elements():
    weights = set()
    for el in ELEMENTS:
        want = scoring._class_weight(el)
        assert scoring.class_weight(el) == want, etree.tostring(el)[:200]
        weights.add(want)
    assert len(weights) > 4


def test_an_attribute_outside_the_signature_changes_no_cue():
    for el in ELEMENTS[-3000:]:
        before = cues._region_cue(el), scoring._class_weight(el)
        el.set("data-unrelated", "nav sidebar comments")
        assert (cues._region_cue(el), scoring._class_weight(el)) == before
