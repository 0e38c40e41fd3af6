"""The compiled cue-attribute signature gives what its pure twin gives (issue 17): the same
tuples on every element of every fixture page and of generated pages with attributes in every
spelling the parser meets (repeated, empty, valueless, upper-case, entity-escaped, prefixed),
on comments, namespaced and XML elements."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree
from twinkit import compiled_or_skip, twin

from archiver.decode import decode
from archiver.extract.cues import SIGNED
from archiver.extract.parse import parse_html

ROOT = Path(__file__).resolve().parents[2]
PURE = twin("cueattrs")
NAME_SETS = (SIGNED, frozenset({"class", "id"}), frozenset(), frozenset({"CLASS", "xml:lang", "data-x"}))


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("cueattrs")


def _fixture_roots() -> list[etree._Element]:
    roots = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm", "input.txt"):
            if (case / name).is_file():
                roots.append(parse_html(decode((case / name).read_bytes()).text))
    assert roots
    return roots


def _attribute_page(seed: int) -> etree._Element:
    rng = random.Random(seed)
    values = [
        "nav",
        "Side-Bar comments",
        "",
        "a&amp;b",
        "&#x41;x",
        "تعليقات",
        "hidden",
        "display: none",
        "  ",
    ]
    names = [*sorted(SIGNED), "CLASS", "Role", "data-x", "xml:lang", "href", "x:class"]
    tags = ["div", "nav", "aside", "section", "span", "a", "p", "footer", "article", "main", "Header"]
    parts = []
    for _ in range(150):
        attrs = " ".join(
            f'{rng.choice(names)}="{rng.choice(values)}"' if rng.random() < 0.8 else rng.choice(names)
            for _ in range(rng.randrange(0, 6))
        )
        tag = rng.choice(tags)
        parts.append(f"<{tag} {attrs}>t</{tag}>" if rng.random() < 0.9 else f"<!-- {attrs} -->")
    return parse_html(f"<html><body>{''.join(parts)}</body></html>")


def _xml_tree() -> etree._Element:
    return etree.fromstring(
        '<r xmlns:x="urn:x"><div class="nav" x:class="a"/><x:div id="i"/><!-- c --><p hidden=""/></r>'
    )


def test_signature_is_the_twins(fast):
    roots = [*_fixture_roots(), *(_attribute_page(seed) for seed in range(30)), _xml_tree()]
    seen = 0
    for root in roots:
        for el in root.iter():
            for names in NAME_SETS:
                assert fast.signature(el, names) == PURE.signature(el, names), etree.tostring(el)[:200]
                seen += 1
    assert seen > 10_000


def test_signature_reads_the_named_attributes_in_order():
    el = parse_html('<html><body><div href="u" id="a&amp;b" role="nav" hidden></div></body></html>')
    div = el.find(".//div")
    assert PURE.signature(div, frozenset({"role", "id", "hidden"})) == (
        "div",
        "id",
        "a&b",
        "role",
        "nav",
        "hidden",
        "",
    )
    assert PURE.signature(div, frozenset({"class"})) == ("div",)


def test_the_cues_use_the_picked_module():
    from archiver._speedups import PURE as pure_env
    from archiver._speedups import pick
    from archiver.extract import cues

    assert cues._signature is pick("cueattrs").signature
    if pure_env:
        assert cues._signature is PURE.signature
