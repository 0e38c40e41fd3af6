"""Line breaks (issue 13 item 4): two or more <br> in a row end a paragraph and the next one
begins; a single <br> stays a hard break inside one paragraph; no Markdown line holds only a
backslash."""

from __future__ import annotations

import pytest

from archiver import clean

PROSE = "<p>A paragraph of the article that is long enough to read as prose, with a few words more.</p>"


def _doc(body: str):
    return clean(
        "<html><head><title>T</title></head>"
        f"<body><article><h1>T</h1>{PROSE * 3}{body}</article></body></html>"
    )


def _texts(doc, role="paragraph"):
    return [b.text for b in doc.blocks if b.role == role and "long enough to read as prose" not in b.text]


@pytest.mark.parametrize(
    "gap", ["<br><br>", "<br/><br/><br/>", "<br>\n  <br>", "<br>&nbsp;<br>", "<br> &nbsp; \n<br>"]
)
@pytest.mark.parametrize(
    "wrap", ["<p>{}</p>", "<div>{}</div>", "<p><span>{}</span></p>", "<div><b>{}</b></div>"]
)
def test_two_breaks_in_a_row_split_the_paragraph(gap, wrap):
    body = "First line of the first one<br>its second line" + gap + "The second paragraph"
    doc = _doc(wrap.format(body))
    assert _texts(doc) == ["First line of the first one\nits second line", "The second paragraph"]
    md = doc.to_markdown()
    between = md[md.index("its second line") + len("its second line") : md.index("The second paragraph")]
    assert between.strip("*") == "\n\n"  # two paragraphs, a blank line between
    assert not any(line.strip(" \u00a0>") == "\\" for line in md.splitlines())


def test_a_single_break_is_a_hard_break():
    doc = _doc("<p>One line<br>and the next</p>")
    assert _texts(doc) == ["One line\nand the next"]
    assert "One line\\\nand the next" in doc.to_markdown()


def test_a_break_before_any_text_breaks_no_line():
    doc = _doc("<p>&nbsp;<br>The text after a spacer line</p><p><br><br>More text here</p>")
    assert [t.strip("\u00a0") for t in _texts(doc)] == ["The text after a spacer line", "More text here"]
    assert not any(line.strip(" \u00a0") == "\\" for line in doc.to_markdown().splitlines())


def test_quotes_split_headings_and_list_items_keep_one_break():
    doc = _doc(
        "<blockquote>Quoted one<br><br>Quoted two</blockquote>"
        "<h2>Heading one<br><br>and more</h2><ul><li>An item<br><br><br>its rest</li></ul>"
    )
    assert _texts(doc, "quote") == ["Quoted one", "Quoted two"]
    assert _texts(doc, "heading") == ["Heading one\nand more"]
    assert _texts(doc, "list_item") == ["An item\nits rest"]
    assert not any(line.strip(" \u00a0>-") == "\\" for line in doc.to_markdown().splitlines())


def test_marks_continue_into_the_next_paragraph():
    doc = _doc("<p><b>Bold one<br><br>bold two</b> and plain</p>")
    assert _texts(doc) == ["Bold one", "bold two and plain"]
    md = doc.to_markdown()
    assert "**Bold one**\n\n**bold two** and plain" in md
