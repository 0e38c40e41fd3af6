"""The HTML reading copy: lang/dir on every block and run, escaping, no scripts or remote
resources, text-align: start, and an index sortable and filterable without JavaScript."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from archivekit import FILLER_AR, FILLER_EN, page

import archiver
from archiver.render.html import CSS, SORTS, Row, document_page, index_name, index_pages, row_for

HOSTILE = "<script>alert(1)</script>"


class Tags(HTMLParser):
    """Every start tag with its attributes, and the text, as a browser's tokenizer sees them."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.feed(text)

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_data(self, data):
        self.text.append(data)


@pytest.fixture(scope="module")
def mixed():
    src = page(
        f"{HOSTILE} تقرير عن الشركات",
        [
            f"{FILLER_AR} وقال المتحدث إن شركة Microsoft Corporation ستفتح مكتبا جديدا.",
            FILLER_EN,
            '<p>See <a href="javascript:alert(2)">this link</a> and '
            '<a href="https://example.org/x">that one</a> '
            "for the full statement &lt;img src=x onerror=alert(3)&gt; from the company today.</p>",
            FILLER_AR,
        ],
        site=f"{HOSTILE} Site",
    )
    doc = archiver.clean(src, url="https://example.org/a?b=<c>")
    assert {b.lang for b in doc.blocks} == {"ar", "en"} and any(b.runs for b in doc.blocks)
    return doc


def test_html_element_and_every_block_carry_lang_and_dir(mixed):
    out = document_page(mixed)
    tags = Tags(out).tags
    assert tags[0] == ("html", {"lang": mixed.language, "dir": mixed.direction})
    blocks = [a for t, a in tags if t == "p"]
    assert [(a["lang"], a["dir"]) for a in blocks] == [(b.lang, b.dir) for b in mixed.blocks]
    runs = [a for t, a in tags if t == "span"]
    assert runs == [{"dir": "ltr", "lang": "en"}]
    assert re.search(r'<span dir="ltr" lang="en">Microsoft Corporation</span>', out)


def test_strings_are_escaped_and_no_script_or_remote_resource(mixed):
    out = document_page(mixed)
    parser = Tags(out)
    tags = [t for t, _ in parser.tags]
    assert "script" not in tags and "img" not in tags and "link" not in tags and "iframe" not in tags
    assert HOSTILE in "".join(parser.text)  # shown as text
    assert not any(k.startswith("on") or k == "src" for _, a in parser.tags for k in a)
    hrefs = [a["href"] for t, a in parser.tags if t == "a"]
    assert "https://example.org/x" in hrefs and not any(h.lower().startswith("javascript") for h in hrefs)
    assert "this link" in "".join(parser.text)  # the unsafe link's text is kept, the link is not
    assert "url(" not in CSS and "@import" not in CSS and "http" not in CSS
    csp = next(a["content"] for t, a in parser.tags if t == "meta" and a.get("http-equiv"))
    assert "default-src 'none'" in csp and "script-src" not in csp


def test_text_align_start_and_self_contained_css(mixed):
    out = document_page(mixed)
    assert "<style>" in out and "text-align: start" in CSS
    assert "text-align: left" not in out and "text-align: right" not in out


def test_title_direction_follows_its_script():
    ar = archiver.clean(page("عنوان عربي", [FILLER_AR, FILLER_AR]))
    assert '<h1 lang="ar" dir="rtl">عنوان عربي</h1>' in document_page(ar)
    en_title = archiver.clean(page("An English title", [FILLER_AR, FILLER_AR]))
    assert '<h1 lang="und-Latn" dir="ltr">An English title</h1>' in document_page(en_title)


def rows():
    return [
        Row("ب عنوان", "2020-01-02", "ar", "موقع", "b.html", "rtl"),
        Row("A title", "2021-05-06", "en", "Site", "a.html", "ltr"),
        Row("C title", "", "en", "", "c.html", "ltr"),
        Row(HOSTILE, "2019-01-01", "fr", "x", "d.html", "ltr"),
    ]


def links_in(body: str) -> list[str]:
    return [
        a["href"]
        for t, a in Tags(body).tags
        if t == "a" and a["href"].endswith(("a.html", "b.html", "c.html", "d.html"))
    ]


def test_index_orders_without_javascript():
    pages = index_pages(rows())
    assert links_in(pages["index.html"]) == [
        "a.html",
        "b.html",
        "d.html",
        "c.html",
    ]  # newest first, undated last
    assert links_in(pages[index_name(None, "title")]) == ["d.html", "a.html", "c.html", "b.html"]
    assert links_in(pages[index_name(None, "language")]) == ["b.html", "a.html", "c.html", "d.html"]
    assert all("<script" not in p for p in pages.values())
    assert HOSTILE not in "".join(pages.values()) and "&lt;script&gt;" in pages["index.html"]


def test_index_filters_by_language_and_links_every_variant():
    pages = index_pages(rows())
    assert links_in(pages[index_name("en", "date")]) == ["a.html", "c.html"]
    assert links_in(pages[index_name("ar", "title")]) == ["b.html"]
    assert len(pages) == 4 * 4
    for lang in (None, "ar", "en", "fr"):
        for order in SORTS:
            targets = {a["href"] for t, a in Tags(pages[index_name(lang, order)]).tags if t == "a"}
            assert {index_name(x, order) for x in (None, "ar", "en", "fr")} <= targets  # filter, same order
            assert {index_name(lang, x) for x in SORTS} <= targets  # re-sort, same filter
            assert targets <= set(pages) | {"a.html", "b.html", "c.html", "d.html"}
    cells = [a for t, a in Tags(pages["index.html"]).tags if t == "td" and a.get("lang") == "ar"]
    assert cells and cells[0]["dir"] == "rtl"


def test_rows_from_documents_and_determinism(mixed):
    r = row_for(mixed, "x.html")
    assert r.language == mixed.language and r.title == mixed.title
    assert document_page(mixed) == document_page(mixed)


def test_index_file_names_stay_in_their_folder():
    pages = index_pages([Row("t", "", "../../etc/x", "", "a.html")])
    assert all("/" not in name and ".." not in name for name in pages)
    assert all(name.startswith("index") and name.endswith(".html") for name in pages)


def test_long_index_is_paged_and_every_document_listed_once_per_order():
    many = [
        Row(f"title {i:03d}", f"2020-01-{1 + i % 28:02d}", "en" if i % 3 else "ar", "", f"d{i}.html")
        for i in range(23)
    ]
    pages = index_pages(many, page_rows=10)
    assert [n for n in pages if n.startswith("index.html") or n.startswith("index-p")] == [
        "index.html",
        "index-p2.html",
        "index-p3.html",
    ]
    listed = [h for n in ("index.html", "index-p2.html", "index-p3.html") for h in links_in_all(pages[n])]
    assert sorted(listed) == sorted(r.href for r in many)
    targets = {a["href"] for t, a in Tags(pages["index-p2.html"]).tags if t == "a"}
    assert {"index.html", "index-p3.html"} <= targets
    assert "page 2 of 3" in pages["index-p2.html"]


def links_in_all(body: str) -> list[str]:
    return [a["href"] for t, a in Tags(body).tags if t == "a" and a["href"].startswith("d")]


@pytest.mark.parametrize(
    ("lang", "filler", "comments", "removed"),
    [
        ("ar", FILLER_AR, "التعليقات", "ما حُذف من إطار الصفحة"),
        ("en", FILLER_EN, "Comments", "Removed as page chrome"),
    ],
)
def test_comment_and_removed_headings_speak_the_documents_language(lang, filler, comments, removed):
    src = page("عنوان" if lang == "ar" else "A title", [filler, filler], lang=lang).replace(
        "</body>", '<nav><a href="/a">one</a> <a href="/b">two</a> <a href="/c">three</a></nav></body>'
    )
    doc = archiver.clean(src, url="https://example.org/a", config=archiver.Config(comments=True))
    comment = archiver.Block("c1", "paragraph", filler, lang=lang, dir="rtl" if lang == "ar" else "ltr")
    doc = __import__("dataclasses").replace(doc, comments=(comment,))
    assert doc.removed and doc.language == lang
    tags = Tags(out := document_page(doc)).tags
    direction = "rtl" if lang == "ar" else "ltr"
    assert ("section", {"lang": lang, "dir": direction}) in tags
    assert ("details", {"lang": lang, "dir": direction}) in tags
    assert f"<h2>{comments}</h2>" in out
    assert f"<summary>{removed} ({len(doc.removed)})</summary>" in out
