"""The page's link list leaves out links no reader sees: those inside script, style, noscript and
template, at any depth (issue 14), and resolves a target linked many times the same each time."""

from __future__ import annotations

import archiver

PROSE = "a sentence that makes this paragraph long enough to be read as the article's own prose."


def test_links_inside_noscript_and_template_are_left_out_at_any_depth():
    page = (
        "<html><head><title>Harbour news</title><noscript><a href='/h1'>head</a></noscript></head><body>"
        "<noscript><div><p><a href='/n1'>deep</a></p></div></noscript>"
        "<template><section><a href='/t1'>in template</a></section></template>"
        f"<article><h1>Harbour news</h1><p>First {PROSE} <a href='/kept'>kept</a> {PROSE}</p>"
        f"<p>Second {PROSE} <a href='/kept'>again</a></p></article>"
        "<footer><noscript><a href='/n2'>foot</a></noscript><a href='/f'>footer</a></footer></body></html>"
    )
    doc = archiver.clean(page, url="https://example.org/a/b.html")
    assert [(k.text, k.href) for k in doc.links] == [
        ("kept", "https://example.org/kept"),
        ("again", "https://example.org/kept"),
        ("footer", "https://example.org/f"),
    ]
