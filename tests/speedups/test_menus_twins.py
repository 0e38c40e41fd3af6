"""The compiled menu walk gives what its pure twin gives (issue 17): the same distinct link texts
in the same order on every fixture page, on generated HTML pages with nested menus, menus by
class or id, comments, PIs and entities, and on subtrees and non-HTML trees."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree
from twinkit import compiled_or_skip, generated_roots

from archiver._speedups import menus as twin
from archiver._speedups.walk import text_of

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [None, "", " ", "word", " two  words ", "\u00a0nb\u00a0", "كلمة،", "漢字", "a\nb", "&amp;", "رأي"]
TAGS = ["div", "a", "span", "nav", "ul", "li", "ol", "b"]
MARKS = ["", ' class="menu"', ' id="NAV-top"', ' class="x" id="y"', ' class="Main-Menu"', ' id="navbar"']
ARGS = [
    (("nav", "ul"), ("nav",), ("menu", "nav"), "a"),
    (("ul",), (), ("menu",), "a"),
    (("nav", "ul", "a"), ("a",), ("nav",), "a"),  # a menu tag that is the link tag too
    (("div", "ol"), ("ol",), ("x",), "li"),
]


def _markup(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 120)):
        tag = rng.choice(TAGS)
        out.append(f"<{tag}{rng.choice(MARKS)}>{rng.choice(TEXTS) or ''}")
        if rng.random() < 0.4:
            out.append(f"</{tag}>{rng.choice(TEXTS) or ''}")
        if rng.random() < 0.1:
            out.append("<!-- c -->&unknown; &amp; <?pi x?>")
    return "<html><body>" + "".join(out) + "</body></html>"


def _cases() -> list[tuple[str, etree._Element]]:
    return generated_roots(_markup, '<r><nav><a>x<b>y</b></a></nav><ul class="menu"><a>z</a></ul></r>')


CASES = _cases()


@pytest.mark.parametrize(("name", "root"), CASES, ids=[c[0] for c in CASES])
def test_menu_texts_are_the_twins(name, root):
    fast = compiled_or_skip("menus")
    for el in [root, *list(root.iter("nav", "ul", "div"))[:8]]:  # subtrees as roots too
        for args in ARGS:
            assert fast.menu_texts(el, *args) == twin.menu_texts(el, *args)


def _reference(root: etree._Element) -> set[str]:
    """The texts the menu walk read before it was a primitive (every link of every outer menu)."""
    menus: set[etree._Element] = set()
    out: set[str] = set()
    for el in root.iter("nav", "ul"):
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if el.tag == "nav" or "menu" in marks or "nav" in marks:
            menus.add(el)
            if not any(up in menus for up in el.iterancestors("nav", "ul")):
                out.update(text_of(a) for a in el.iter("a"))
    return out


@pytest.mark.parametrize(("name", "root"), CASES[-40:], ids=[c[0] for c in CASES[-40:]])
def test_menu_texts_are_the_menus_link_texts_once(name, root):
    got = twin.menu_texts(root, *ARGS[0])
    assert len(got) == len(set(got)) and set(got) == _reference(root)


def test_the_generated_pages_hold_nested_and_marked_menus():
    """Not vacuous: menus by tag and by class/id, nested menus, and links outside any menu."""
    texts = sum(len(twin.menu_texts(r, *ARGS[0])) for _, r in CASES)
    nested = sum(
        1 for _, r in CASES for el in r.iter("nav") if next(el.iterancestors("nav"), None) is not None
    )
    by_class = sum(len(twin.menu_texts(r, *ARGS[1])) for _, r in CASES)
    assert texts > 300 and nested > 20 and by_class > 50
