"""A slideshow beside the headline's story is a gallery (issue 12): a list of slides, one heading
and one long caption each, in wrappers of its own inside the story's container, is cut with role
``gallery``; a list among the story's own paragraphs stays."""

from __future__ import annotations

from archiver import clean

STORY = (
    "The city council approved a new plan for the harbour district on Monday evening. ",
    "It will turn the old warehouses into flats, workshops and a covered market hall. ",
    "Residents had asked for more green space, and the plan adds a park along the quay. ",
    "Building is due to start next spring and should take about four years to finish. ",
)
CAPTION = (
    "Critics of the scheme gathered outside the town hall with banners and drums, saying the "
    "rents in the new flats would be far above what the families of the district can pay now. "
)


def _paragraphs() -> str:
    return "".join(f"<p>{STORY[i % 4]}{STORY[(i + 1) % 4]}</p>" for i in range(6))


def _items(n: int) -> str:
    return "".join(f"<li><h4>Picture {i}</h4><p>{CAPTION}Slide {i} of the series.</p></li>" for i in range(n))


def _page(inner: str) -> str:
    return (
        "<html><head><title>Harbour district plan approved - The Daily Port</title></head><body>"
        '<div id="main"><h1>Harbour district plan approved</h1>'
        f'<div class="body">{_paragraphs()}{inner}</div></div></body></html>'
    )


def test_a_slideshow_in_its_own_wrappers_is_a_gallery():
    show = f'<div class="box"><div class="frame"><ul>{_items(8)}</ul></div></div>'
    doc = clean(_page(show))
    assert doc.status == "ok"
    assert "old warehouses into flats" in doc.text
    assert "rents in the new flats" not in doc.text
    assert any(r.role == "gallery" and "rents in the new flats" in r.text for r in doc.removed)
    assert doc.extraction.get("method") == "narrowed"


def test_a_list_among_the_story_paragraphs_stays():
    doc = clean(_page(f"<ul>{_items(8)}</ul>"))
    assert "rents in the new flats" in doc.text


def test_a_short_list_stays():
    show = f'<div class="box"><div class="frame"><ul>{_items(3)}</ul></div></div>'
    assert "rents in the new flats" in clean(_page(show)).text
