"""``page_links`` gives what the plain reading gives (its reference copy is kept here: every
``<a href>`` walked by lxml, each target sanitized then joined by ``urljoin``) on every fixture page
and on generated pages, against page bases of every kind."""

from __future__ import annotations

import contextlib
import dataclasses
import random
from pathlib import Path
from urllib.parse import urljoin

import pytest
from lxml import etree

from archiver.decode import decode
from archiver.extract.blocks import build_blocks
from archiver.extract.links import _NO_TEXT, _piece, absolute_links, page_base, page_links
from archiver.extract.parse import parse_html, squash
from archiver.render.urls import safe_url

ROOT = Path(__file__).resolve().parents[2]
BASES = [
    None,
    "https://x.example/a/b.html",
    "http://x.example/a/",
    "https://x.example",
    "https://x.example/a;p?q=1",
    "https://u@x.example:8080/مصر/",
]
HREFS = [
    "/a",
    "b.html",
    "../c",
    "./d/",
    "?p=2",
    "#top",
    " #x",
    "",
    "//cdn.example/e",
    "https://y.example/f",
    "HTTP://Y.example/g",
    "mailto:a@b.example",
    "javascript:alert(1)",
    "h;p",
    "i(j)",
    "k l",
    "/m/../n",
    "o:p",
    "%zz",
    "&amp;q",
    "\tr\n",
    "مصر",
    "https://[::1/",
]


def reference_page_links(root: etree._Element, base: str | None) -> list[tuple[str, str]]:
    hidden = {a for el in root.iter(*_NO_TEXT) for a in el.iter("a")}
    out = []
    for a in root.iter("a"):
        href = (a.get("href") or "").strip()
        if not href or href.startswith("#") or a in hidden:
            continue
        target = safe_url(href)
        if target and base is not None:
            with contextlib.suppress(ValueError):
                target = safe_url(urljoin(base, target)) or target
        if target:
            out.append((squash("".join(a.itertext())), target))
    return out


def _fixture_roots() -> list[etree._Element]:
    roots = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm"):
            if (case / name).is_file():
                roots.append(parse_html(decode((case / name).read_bytes()).text))
    assert roots
    return roots


def _page(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randrange(1, 60)):
        href = rng.choice(HREFS).replace('"', "")
        wrap = rng.choice(["", "noscript", "template", "div", "b"])
        link = f'<a href="{href}">t<i>{rng.choice(["x", " y ", "مصر"])}</i>z</a>'
        parts.append(f"<{wrap}>{link}</{wrap}>" if wrap else link)
    return "<html><body>" + "".join(parts) + "</body></html>"


@pytest.mark.parametrize("base", BASES)
def test_page_links_equal_the_reference_on_fixtures(base):
    for root in _fixture_roots():
        assert page_links(root, base) == reference_page_links(root, base)


@pytest.mark.parametrize("seed", range(6))
def test_page_links_equal_the_reference_on_generated_pages(seed):
    rng = random.Random(seed)
    for _ in range(40):
        root = parse_html(_page(rng))
        for base in BASES:
            assert page_links(root, base) == reference_page_links(root, base), base


def test_page_links_with_the_page_base():
    root = parse_html(
        '<html><head><base href="/sub/"></head><body><a href="x">x</a><a href="/y">y</a></body></html>'
    )
    base = page_base(root, "https://x.example/a/b", None)
    assert page_links(root, base) == reference_page_links(root, base)
    assert page_links(root, base)[0] == ("x", "https://x.example/sub/x")


@pytest.mark.parametrize("base", BASES[1:])
def test_absolute_links_equal_the_plain_replacement(base):
    """Every block rebuilt with each piece resolved (the reference) reads the same as the blocks
    absolute_links gives, which keeps a block without marks as it is."""
    for root in [*_fixture_roots(), parse_html(_page(random.Random(3)))]:
        protos = build_blocks(root)
        want = [dataclasses.replace(p, pieces=[_piece(x, base) for x in p.pieces]) for p in protos]
        got = absolute_links(protos, base)
        assert len(got) == len(want)
        for p, q in zip(got, want, strict=True):
            assert (p.role, p.pieces, p.level, p.ordered, p.cells) == (
                q.role,
                q.pieces,
                q.level,
                q.ordered,
                q.cells,
            )
            assert p.source is q.source
        assert any(p.pieces != q.pieces for p, q in zip(got, protos, strict=True))  # links were resolved
