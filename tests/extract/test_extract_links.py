"""Link and image targets are absolute wherever the page's address is known (issue 14 item 2)."""

from __future__ import annotations

import pytest

import archiver
from archiver.render.codec import from_json

PROSE = "a sentence that makes this paragraph long enough to be read as the article's own prose."


def _page(head: str, hrefs: list[str]) -> str:
    links = " ".join(f'<a href="{h}">link {i}</a>' for i, h in enumerate(hrefs))
    return (
        f"<html><head><title>Harbour news</title>{head}</head><body><article><h1>Harbour news</h1>"
        f"<p>First {PROSE} {links} and {PROSE}</p><p>Second {PROSE} Third {PROSE}</p>"
        "</article></body></html>"
    )


def _hrefs(doc: archiver.Document) -> list[str]:
    return [m.href for b in doc.blocks for m in b.marks if m.kind == "link" and m.href]


CASES = [  # (page URL, <head> extra, href, expected target)
    ("https://example.org/a/b.html", "", "c.html", "https://example.org/a/c.html"),
    ("https://example.org/a/b.html", "", "/od/page", "https://example.org/od/page"),
    ("https://example.org/a/b.html", "", "../up", "https://example.org/up"),
    ("https://example.org/a/b.html", "", "//cdn.example.net/x", "https://cdn.example.net/x"),
    ("https://example.org/a/b.html", "", "?page=2", "https://example.org/a/b.html?page=2"),
    ("https://example.org/a/b.html", "", "https://other.org/y", "https://other.org/y"),
    ("https://example.org/a/b.html", "", "mailto:desk@example.org", "mailto:desk@example.org"),
    ("https://example.org/a/b.html", "", "Mercury_(planet)", "https://example.org/a/Mercury_(planet)"),
    (
        "https://example.org/a/b.html",
        '<base href="/news/">',
        "story.html",
        "https://example.org/news/story.html",
    ),
    (
        "https://example.org/a/b.html",
        '<base href="https://mirror.example.net/m/">',
        "s",
        "https://mirror.example.net/m/s",
    ),
    (None, '<link rel="canonical" href="https://example.org/c/page">', "next", "https://example.org/c/next"),
    (None, "", "/od/page", "/od/page"),  # no address known: kept as written
    (
        "https://example.org/a/b.html",
        "",
        "/ar/\u062e\u0628\u0631 1",
        "https://example.org/ar/\u062e\u0628\u0631%201",
    ),
]


@pytest.mark.parametrize(("url", "head", "href", "expected"), CASES)
def test_relative_targets_resolve_against_base_then_url_then_canonical(url, head, href, expected):
    doc = archiver.clean(_page(head, [href]), url=url)
    assert _hrefs(doc) == [expected]
    assert f"]({expected})" in doc.to_markdown()


def test_joining_never_brings_back_a_refused_scheme():
    doc = archiver.clean(
        _page('<base href="javascript:alert(1)//">', ["x", "JaVaScRiPt:alert(2)"]),
        url="https://example.org/a/",
    )
    assert _hrefs(doc) == ["https://example.org/a/x"]
    for out in (doc.to_markdown(), doc.to_json()):
        assert "javascript" not in out.lower()


def test_image_and_canonical_are_absolute():
    head = '<meta property="og:image" content="/img/p.jpg"><link rel="canonical" href="/a/b">'
    doc = archiver.clean(_page(head, []), url="https://example.org/a/b?utm=1")
    assert doc.metadata.image == "https://example.org/img/p.jpg"
    assert doc.metadata.canonical_url == "https://example.org/a/b"


def test_links_list_every_link_in_order_with_whether_it_is_in_the_article():
    page = (
        "<html><head><title>Harbour news</title></head><body><nav><a href='/'>Home</a> "
        "<a href='#main'>Skip</a> <a href='javascript:void(0)'>Menu</a></nav><article><h1>Harbour news</h1>"
        f"<p>First {PROSE} <a href='s.html'>the <b>story</b></a> and {PROSE}</p><p>Second {PROSE}</p>"
        f"</article><footer><a href='s.html'>the story again</a></footer></body></html>"
    )
    doc = archiver.clean(page, url="https://example.org/a/b.html")
    assert [(k.text, k.href, k.in_body) for k in doc.links] == [
        ("Home", "https://example.org/", False),
        ("the story", "https://example.org/a/s.html", True),
        ("the story again", "https://example.org/a/s.html", False),
    ]
    assert from_json(doc.to_json()).links == doc.links  # the one codec writes and reads them
