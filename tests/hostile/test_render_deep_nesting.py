"""Deep nesting (issue 16 item 6): unclosed or nested elements by the hundred or thousand raise no
RecursionError, and the article is kept, in every output."""

from __future__ import annotations

import pytest

from archiver import clean
from archiver.extract.depth import bound_depth
from archiver.render.html import document_page

PROSE = "Paragraph {} of the article, a sentence with enough words in it to read as prose and be kept."
ARTICLE = (
    "<article><h1>A deep title</h1>" + "".join(f"<p>{PROSE.format(i)}</p>" for i in range(5)) + "</article>"
)


def _page(body: str) -> str:
    return f"<!DOCTYPE html><html><head><title>A deep title</title></head><body>{body}</body></html>"


def _items(depth: int) -> str:
    return "".join(f"<ul><li>List item number {i} of a nested list " for i in range(depth))


CASES = {
    "400 unclosed div after the article": _page(ARTICLE + "<div>chrome " * 400),
    "1500 unclosed div inside the article": _page(
        ARTICLE.replace("</article>", "<div>" * 1500 + "</article>")
    ),
    "300 nested ul/li after the article": _page(ARTICLE + _items(300)),
    "1200 nested ul/li inside the article": _page(ARTICLE.replace("</article>", _items(1200) + "</article>")),
    "5000 nested b in a paragraph": _page(
        ARTICLE.replace("<p>", "<p>" + "<b>" * 5000, 1).replace("</p>", "</b>" * 5000 + "</p>", 1)
    ),
    "5000 unclosed span in a paragraph": _page(ARTICLE.replace("<p>", "<p>" + "<span>" * 5000, 1)),
    "1800 nested span in the headline": _page(
        ARTICLE.replace("<h1>", "<h1>" + "<span>" * 1800, 1).replace("</h1>", "</span>" * 1800 + "</h1>", 1)
    ),
    "5000 nested div around the article": _page("<div>" * 5000 + ARTICLE + "</div>" * 5000),
}


@pytest.mark.parametrize("name", CASES)
def test_deep_nesting_keeps_the_article(name):
    doc = clean(CASES[name])
    assert doc.status == "ok"
    outputs = (doc.to_markdown(), doc.to_json(), document_page(doc))
    for i in range(5):
        for out in outputs:
            assert PROSE.format(i) in out, (name, i)
    assert doc.title == "A deep title"


def test_nested_list_items_are_blocks():
    doc = clean(_page(ARTICLE.replace("</article>", _items(1200) + "</article>")))
    items = [b for b in doc.blocks if b.role == "list_item"]
    assert len(items) > 200  # past the depth bound the items run on, their text kept
    assert items[0].text.startswith("List item number 0")
    md = doc.to_markdown()
    assert all(f"List item number {i} of" in md for i in range(1200))


def test_bound_depth_keeps_text_and_shallow_markup():
    shallow = '<p class="x">a <b>b</b> <br/> c<!-- <b><b> --><script>if (a<b) {}</script></p>'
    assert bound_depth(shallow, 3) == shallow
    deep = "<i>" * 6 + "text" + "</i>" * 6 + " after"
    assert bound_depth(deep, 3) == "<i><i><i>text</i></i></i> after"
    unclosed = "<div>" * 5 + "x" + "<p>y</p>"
    assert bound_depth(unclosed, 2) == "<div><div>xy"
