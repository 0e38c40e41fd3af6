"""itemprop=articleBody is evidence for the article container (issue 18: removing its bonus
changed 7 corpus pages and no test noticed)."""

from __future__ import annotations

import archiver


def _paragraphs(topic: str, n: int) -> str:
    return "".join(
        f"<p>{topic} paragraph {i} tells what happened on the day, who was there, and why it "
        "mattered to the town.</p>"
        for i in range(n)
    )


def test_an_articlebody_container_wins_over_a_sibling_of_the_same_prose():
    # two sibling blocks of prose in one wrapper (the article holds most of it, so the second
    # opinion does not take the sibling back): only the markup says which is the article
    page = (
        "<html><head><title>Harbour news</title></head><body><div class='wrap'>"
        f"<div itemprop='articleBody'>{_paragraphs('Harbour', 4)}</div>"
        f"<div class='x'><h3>More</h3>{_paragraphs('Weather', 3)}</div>"
        "</div></body></html>"
    )
    doc = archiver.clean(page)
    assert "Harbour paragraph 3" in doc.text
    assert "Weather" not in doc.text
    assert any("Weather paragraph 0" in r.text for r in doc.removed)


def test_without_the_markup_both_siblings_are_the_article():
    page = (
        "<html><head><title>Harbour news</title></head><body><div class='wrap'>"
        f"<div>{_paragraphs('Harbour', 4)}</div><div class='x'><h3>More</h3>{_paragraphs('Weather', 3)}</div>"
        "</div></body></html>"
    )
    text = archiver.clean(page).text
    assert "Harbour paragraph 3" in text and "Weather paragraph 2" in text
