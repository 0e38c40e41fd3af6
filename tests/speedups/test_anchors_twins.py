"""The compiled anchor walk gives what its pure twin gives (issue 17): the same (href, text) pairs
in the same order on every fixture page, on generated HTML pages and on generated trees grafted
into an HTML document (comments, PIs, entities, hidden containers, hostile hrefs)."""

from __future__ import annotations

import random
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from twinkit import compiled_or_skip

from archiver._speedups import anchors as twin
from archiver.decode import decode
from archiver.extract.links import _NO_TEXT
from archiver.extract.parse import parse_html

ROOT = Path(__file__).resolve().parents[2]
HREFS = [
    "",
    " ",
    "#",
    " #top",
    "/a",
    " /b?c=1 ",
    "\t/c\n",
    "https://x.example/d",
    "javascript:x()",
    "مصر",
    "\u3000/e",
]
TEXTS = [None, "", " ", "word", " two  words ", "\u00a0nb\u00a0", "كلمة،", "漢字", "a\nb", "&amp;", "\u2028x"]
TAGS = ["div", "a", "span", "b", "script", "noscript", "template", "style", "p", "ul", "li"]
SKIP = ("#",)


def _fixture_roots() -> list[tuple[str, etree._Element]]:
    roots = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm"):
            if (case / name).is_file():
                roots.append((case.name, parse_html(decode((case / name).read_bytes()).text)))
    assert roots, "no fixture inputs found"
    return roots


def _markup(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 80)):
        tag = rng.choice(TAGS)
        href = f' href="{rng.choice(HREFS)}"' if tag == "a" and rng.random() < 0.8 else ""
        out.append(f"<{tag}{href}>{rng.choice(TEXTS) or ''}")
        if rng.random() < 0.5:
            out.append(f"</{tag}>{rng.choice(TEXTS) or ''}")
        if rng.random() < 0.1:
            out.append("<!-- c -->&unknown; &amp; <?pi x?>")
    return "<html><body>" + "".join(out) + "</body></html>"


def _grafted(rng: random.Random) -> etree._Element:
    """A random tree of elements, comments, PIs and entities moved into an HTML document."""
    doc = lxml.html.document_fromstring("<html><body></body></html>")
    body = doc.find("body")
    open_ = [body]
    for _ in range(rng.randrange(1, 100)):
        parent = rng.choice(open_)
        kind = rng.random()
        if kind < 0.08:
            node = etree.Comment("note")
        elif kind < 0.12:
            node = etree.ProcessingInstruction("pi", "data")
        elif kind < 0.18:
            node = etree.Entity(rng.choice(["nbsp", "amp", "x", "#1234"]))
        else:
            node = etree.SubElement(parent, rng.choice(TAGS))
            node.text = rng.choice(TEXTS)
            if node.tag == "a" and rng.random() < 0.8:
                node.set("href", rng.choice(HREFS))
            open_.append(node)
        if node.getparent() is None:
            parent.append(node)
        node.tail = rng.choice(TEXTS)
    return doc


def _cases() -> list[tuple[str, etree._Element]]:
    out = _fixture_roots()
    comments = lxml.html.HTMLParser(remove_comments=False)
    for seed in range(40):
        rng = random.Random(seed)
        out.append((f"markup-{seed}", parse_html(_markup(rng))))
        out.append((f"comments-{seed}", lxml.html.document_fromstring(_markup(rng), parser=comments)))
        out.append((f"grafted-{seed}", _grafted(rng)))
    out.append(
        ("xml", etree.fromstring('<r><a href="/x">x<b>y</b></a><script><a href="/y">z</a></script></r>'))
    )
    return out


CASES = _cases()


@pytest.mark.parametrize(("name", "root"), CASES, ids=[c[0] for c in CASES])
def test_anchors_are_the_twins(name, root):
    fast = compiled_or_skip("anchors")
    for el in [root, *list(root.iter("div", "noscript", "template"))[:5]]:  # subtrees as roots too
        for hidden, skip in ((_NO_TEXT, SKIP), (frozenset(), ()), (frozenset({"div"}), ("#", "/"))):
            assert fast.anchors(el, hidden, skip) == twin.anchors(el, hidden, skip)


def test_the_generated_pages_hold_every_kind_of_anchor():
    """Not vacuous: the cases hold kept, skipped, hidden and empty anchors."""
    kept = sum(len(twin.anchors(r, _NO_TEXT, SKIP)) for _, r in CASES)
    every = sum(len(twin.anchors(r, frozenset(), ())) for _, r in CASES)
    assert kept > 500 and every > kept


@pytest.mark.parametrize(("name", "root"), CASES, ids=[c[0] for c in CASES])
def test_texts_are_the_twins(name, root):
    fast = compiled_or_skip("anchors")
    for el in [root, *list(root.iter("ul", "nav", "div"))[:8]]:
        for tag in ("a", "li", "span"):
            assert fast.texts(el, tag) == twin.texts(el, tag)
