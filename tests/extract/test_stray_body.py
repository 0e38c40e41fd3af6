"""Markup after a stray </body> (a template include that closes the page early) is part of
the page a browser shows: it is read as the end of <body>, not dropped (issue 12)."""

from __future__ import annotations

from archiver import clean
from archiver.extract.parse import parse_html

PROSE = (
    "The differences between us and any other service are that all of the profits go to support "
    "non-profit environmental organizations, and our monthly alerts make it easy to get involved."
)


def _page() -> str:
    return (
        "<html><head><title>Long distance</title></head><body><p>Residential long distance</p>"
        "</body>"
        f"<table><tr><td><p>{PROSE}</p><p>{PROSE}</p></td></tr></table>tail words</html>"
    )


def test_content_after_a_stray_body_end_is_in_the_body():
    root = parse_html(_page())
    assert [c.tag for c in root] == ["head", "body"]
    body = root.find("body")
    assert body.find(".//table") is not None
    assert "tail words" in " ".join(body.itertext())


def test_its_article_is_extracted():
    doc = clean(_page())
    assert doc.status == "ok"
    assert "monthly alerts" in doc.text
