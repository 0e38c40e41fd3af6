from __future__ import annotations

import dataclasses

import pytest

import archiver

HTML = """<!doctype html><html lang="en"><head><title>A plain headline here | Site</title></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>A plain headline here</h1>
<p>The first paragraph of the article has enough words to be counted as prose, with commas, and more.
It tells readers what happened, where it happened, and why the council decided to act now.</p>
<p>The second paragraph continues the story with <b>bold</b> and \
<a href="https://example.org/x">a link</a> inside it, and a closing clause that gives the quote \
its context.</p>
</article><footer>All rights reserved 2024</footer></body></html>"""


@pytest.mark.parametrize("source", [HTML, HTML.encode("utf-8")])
def test_clean_accepts_text_and_bytes(source):
    doc = archiver.clean(source, url="https://example.org/a")
    assert doc.title == "A plain headline here"
    assert doc.blocks[0].text.startswith("The first paragraph")
    assert doc.language == "en" and doc.url == "https://example.org/a"
    assert "Home" not in doc.text and "All rights reserved" not in doc.text


def test_records_are_frozen():
    doc = archiver.clean(HTML)
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.title = "x"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        doc.blocks[0].text = "x"  # type: ignore[misc]


def test_kind_forces_reading():
    doc = archiver.clean(HTML, kind="text")
    assert doc.processing["kind"] == "text"
    assert any("<p>" in b.text for b in doc.blocks)


def test_marks_survive_to_markdown():
    md = archiver.clean(HTML).to_markdown()
    assert "**bold**" in md and "[a link](https://example.org/x)" in md


def test_empty_and_binary_inputs_raise_clear_errors():
    with pytest.raises(archiver.InputError, match="empty"):
        archiver.clean(b"   ")
    with pytest.raises(archiver.InputError, match="binary"):
        archiver.clean(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))


def test_document_ids_are_stable_and_content_based():
    a = archiver.clean(HTML, url="https://example.org/a")
    b = archiver.clean(HTML, url="https://example.org/a")
    c = archiver.clean(HTML.replace("first", "opening"), url="https://example.org/a")
    assert a.id == b.id != c.id


def test_text_with_lone_surrogates_is_cleaned(validate):
    doc = archiver.clean(HTML.replace("first paragraph", "first\ud800 paragraph"))
    assert doc.blocks[0].text.startswith("The first\ufffd paragraph")
    validate(doc.to_dict())
    doc.to_json().encode("utf-8")


@pytest.mark.parametrize("extra", ["<pre></pre>", "<pre>\n\n</pre>", "<p>\ufeff</p>", "<h2> \ufeff </h2>"])
def test_blocks_that_normalize_to_nothing_are_no_blocks(extra, validate):
    doc = archiver.clean(HTML.replace("</article>", extra + "</article>"))
    assert [b.text for b in doc.blocks] == [b.text for b in archiver.clean(HTML).blocks]
    validate(doc.to_dict())


def test_text_dump_of_nothing_but_stray_marks_is_no_article():
    doc = archiver.clean("\ufeff\n\n\ufeff\ufeff", kind="text")
    assert doc.status == "no_article" and doc.blocks == ()


@pytest.mark.parametrize("wrap", [("<div>" * 300, "</div>" * 300), ("<font>a " * 400, "")])
def test_deep_nesting_before_the_article_loses_nothing(wrap):
    # libxml2 stops at 256 levels unless told otherwise; unclosed <font> tags of old CMS pages
    # nest that deep, and the article after them was lost without a word
    opening, closing = wrap
    doc = archiver.clean(HTML.replace("<article>", opening + "x" + closing + "<article>"))
    assert [b.text for b in doc.blocks] == [b.text for b in archiver.clean(HTML).blocks]


def test_nesting_past_the_parser_limit_keeps_the_article_not_a_shorter_page():
    # past libxml2's 2048 levels the page is read again with its depth bounded (issue 16)
    doc = archiver.clean(HTML.replace("<article>", "<div>" * 3000 + "x" + "</div>" * 3000 + "<article>"))
    assert [b.text for b in doc.blocks] == [b.text for b in archiver.clean(HTML).blocks]


def test_terminal_control_characters_are_dropped_and_logged():
    """ESC, BEL and DEL are no text a reader sees; raw in the Markdown, `cat` would run them."""
    doc = archiver.clean(
        HTML.replace("A plain headline here</h1>", "A plain\x1b]0;x\x07 headline here</h1>").replace(
            "The first paragraph", "The \x1b[2Jfirst paragraph\x7f"
        )
    )
    assert doc.title == "A plain]0;x headline here"
    first = doc.blocks[1] if doc.blocks[0].role == "heading" else doc.blocks[0]
    assert first.text.startswith("The [2Jfirst paragraph") and "c0-controls" in first.repairs
    assert "\x1b" in first.text_raw
    assert not any(ch in doc.to_markdown() for ch in "\x1b\x07\x7f")
