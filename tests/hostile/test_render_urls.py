"""Script through link and image URLs (issue 16 item 3): every URL written into Markdown, HTML or
JSON passes one sanitizer, and no standard Markdown renderer (markdown-it-py, Python-Markdown)
makes a script, an event handler or a ``javascript:`` target of any output."""

from __future__ import annotations

import html
import itertools
import json
import random
import re
from html.parser import HTMLParser

import markdown
import pytest
from markdown_it import MarkdownIt

from archiver import clean
from archiver.render.html import document_page
from archiver.render.urls import safe_url

SCHEMES = [
    "javascript:",
    "JaVaScRiPt:",
    " javascript:",
    "\tjavascript:",
    "\x00javascript:",
    "java\tscript:",
    "java\nscript:",
    "jav&#x09;ascript:",
    "vbscript:",
    "VBScript:",
    "data:text/html,",
    "DATA:",
    "javascript&#58;",
    "&#106;avascript:",
    "file:",
]
PAYLOADS = [
    "alert(1)",
    "alert(1)//",
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "')onmouseover=alert(1)//",
    "%0aalert(1)",
    "\\u0061lert(1)",
    ")(<script>",
    'x" onclick="alert(1)',
]
SAFE = [
    "http://x.example/",
    "https://x.example/a/",
    "/rel/",
    "?q=",
    "#",
    "mailto:a@x.example?subject=",
    "//x.example/",
    "HTTPS://X.EXAMPLE/",
]
PROSE = "A paragraph of the article that is long enough to read as prose, with a few more words in it"
FORBIDDEN = re.compile(r"^(?:javascript|vbscript|data|file):")


def _hostile_urls(n: int = 120) -> list[str]:
    rng = random.Random(16)
    crafted = [s + p for s, p in itertools.product(SCHEMES, PAYLOADS)]
    crafted += [s + p for s, p in itertools.product(SAFE, PAYLOADS)]
    crafted += [
        "http://x.example/(<script>alert(1)</script>",
        "http://x.example/a b<c>d",
        "http://x.example/\\\\evil",
        "http://x.example/\u202eevil",
        "http://x.example/((((((((((a))))))))))",
        "http://x.example/)(",
        "http://x.example/%zz\"'",
        "http://x.example/a\r\nb",
        "http://x.example/`x`{y}|^",
    ]
    return sorted(set(rng.sample(crafted, n) + crafted[-9:]))


def _page(urls: list[str]) -> str:
    links = "".join(
        f"<p>Paragraph {i} of the article, a sentence with words: "
        f'<a href="{html.escape(u, quote=True)}">link text {i}</a> and <b>more</b> text after it.</p>'
        for i, u in enumerate(urls)
    )
    head = (
        "<title>&lt;script&gt;alert(1)&lt;/script&gt; A title &lt;img src=x onerror=alert(1)&gt;</title>"
        f'<meta property="og:image" content="{html.escape(urls[0], quote=True)}">'
        '<link rel="canonical" href="JaVaScRiPt:alert(1)">'
    )
    prose = "".join(f"<p>{PROSE} {i}.</p>" for i in range(3))
    return (
        f"<!DOCTYPE html><html><head>{head}</head><body><article><h1>A title</h1>{prose}{links}"
        "</article></body></html>"
    )


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):  # type: ignore[no-untyped-def]
        if tag in ("script", "iframe", "object", "embed"):
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"{tag} {name}=")
            target = re.sub(r"[\x00-\x20]", "", value or "").casefold()
            if name in ("href", "src", "action", "formaction", "srcdoc") and FORBIDDEN.match(target):
                self.problems.append(f"{tag} {name}={value!r}")


def _problems(rendered: str) -> list[str]:
    parser = _Tags()
    parser.feed(rendered)
    parser.close()
    return parser.problems


@pytest.fixture(scope="module")
def outputs():
    urls = _hostile_urls()
    doc = clean(_page(urls))
    return urls, doc, doc.to_markdown(), doc.to_json(), document_page(doc)


def test_no_renderer_makes_script_of_the_markdown(outputs):
    _, _, md, _, _ = outputs
    for rendered in (
        MarkdownIt().render(md),
        MarkdownIt("commonmark", {"html": True}).render(md),
        markdown.markdown(md),
    ):
        assert _problems(rendered) == []


def test_no_script_handler_or_forbidden_target_in_any_output_file(outputs):
    _, _, md, js, page = outputs
    assert _problems(page) == []
    for text in (md, page):  # the JSON keeps the title's text as written: it is data, not markup
        assert "<script" not in text.lower() and "<img" not in text.lower()
    for text in (md, js, page):
        assert "javascript:" not in re.sub(r"[\t\n\r]", "", text).lower()
        assert "vbscript:" not in text.lower()
    record = json.loads(js)
    hrefs = [m["href"] for b in record["blocks"] for m in b.get("marks", ()) if "href" in m]
    assert hrefs and all(safe_url(h) == h for h in hrefs)  # sanitized, and idempotent
    assert record["canonical_url"] is None and (
        record["image"] is None or safe_url(record["image"]) == record["image"]
    )


def test_every_link_keeps_its_text(outputs):
    urls, _, md, _, page = outputs
    for i in range(len(urls)):
        assert f"link text {i}" in md and f"link text {i}" in page


@pytest.mark.parametrize(
    "url,want",
    [
        ("https://en.wikipedia.org/wiki/Mercury_(planet)", "https://en.wikipedia.org/wiki/Mercury_(planet)"),
        ("http://x.example/)(", "http://x.example/%29%28"),
        ('http://x.example/a b"<>\\', "http://x.example/a%20b%22%3C%3E%5C"),
        ("  HTTP://x.example/\t?a=1&b=2#f \n", "HTTP://x.example/?a=1&b=2#f"),
        ("/relative/path?x=&amp;", "/relative/path?x=&amp;"),
        ("javascript&#58;x", "javascript%26#58;x"),
        ("https://ar.wikipedia.org/wiki/مصر", "https://ar.wikipedia.org/wiki/مصر"),
        ("http://x.example/\u202e\u00a0%41%g", "http://x.example/%E2%80%AE%C2%A0%41%25g"),
        ("mailto:a@x.example", "mailto:a@x.example"),
        ("\ufffdjavascript:alert(1)", "\ufffdjavascript%3Aalert(1)"),
        ("a:b/c:d", None),
        ("./a:b/c:d", "./a:b/c:d"),
        ("ftp://x.example/f", "ftp://x.example/f"),
        ("JaVaScRiPt:alert(1)", None),
        (" javascript:x", None),
        ("java\tscript:x", None),
        ("data:text/html,x", None),
        ("vbscript:x", None),
        ("\x01\x02javascript:x", None),
        ("", None),
        (" \t ", None),
        (None, None),
    ],
)
def test_safe_url(url, want):
    assert safe_url(url) == want
    if want is not None:
        assert safe_url(want) == want


def test_markdown_links_stay_links():
    doc = clean(_page(["https://en.wikipedia.org/wiki/Mercury_(planet)"]).replace("link text 0", "Mercury"))
    md = doc.to_markdown()
    for rendered in (MarkdownIt().render(md), markdown.markdown(md)):
        assert '<a href="https://en.wikipedia.org/wiki/Mercury_(planet)">Mercury</a>' in rendered, rendered
