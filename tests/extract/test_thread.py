"""A readers' thread after a short post is cut even when it outweighs the post (issue 12): a
"comments"-named region inside the chosen container that follows the story's prose stands as
a cue; a "comments"-named wrapper with no prose before it (the article's own wrapper) stays."""

from __future__ import annotations

from archiver import clean

POST = (
    "The old lighthouse on the northern cape was switched back on last night after ten years "
    "in the dark, and the keepers' cottage beside it will open as a small museum in the spring."
)
REPLIES = (
    "I grew up within sight of that light and used to count the seconds between its flashes "
    "from my bedroom window every night, so this is wonderful news for the whole coast. ",
    "Ten years is far too long for a light like that to stand idle, and I hope the council "
    "keeps the money coming for the upkeep of the tower and the old cottage this time. ",
    "We walked out to the cape last summer and the door was chained shut, with the paint "
    "peeling off the walls, so it is good to hear that somebody finally cared enough. ",
)


def _thread(n: int) -> str:
    items = "".join(
        f'<div class="item"><p>Reader {i} wrote:</p><p>{REPLIES[i % 3]}{REPLIES[(i + 1) % 3]}</p></div>'
        for i in range(n)
    )
    return f'<div id="comments"><h3>Comments</h3>{items}</div>'


def _page(inner: str) -> str:
    return (
        "<html><head><title>Lighthouse lit again - Cape Weekly</title></head><body>"
        '<div id="nav"><a href="/">Home</a> <a href="/news">News</a></div>'
        f'<div id="content"><h1>Lighthouse lit again</h1>{inner}</div></body></html>'
    )


def test_a_long_thread_after_a_short_post_is_cut():
    doc = clean(_page(f'<div class="post"><p>{POST}</p></div>{_thread(8)}'))
    assert doc.status == "ok"
    assert "keepers' cottage" in doc.text
    assert "count the seconds" not in doc.text
    assert any(r.role == "comments" and "count the seconds" in r.text for r in doc.removed)


def test_a_comments_named_wrapper_around_the_article_stays():
    body = "".join(f"<p>{POST} {REPLIES[i % 3]}</p>" for i in range(6))
    doc = clean(_page(f'<div class="comments">{body}</div>'))
    assert "keepers' cottage" in doc.text
    assert "count the seconds" in doc.text


ABOUT = (
    "This weblog is written by a retired harbour pilot who spent forty years guiding ships "
    "along this coast, and who now writes about its lights, its wrecks and its weather. "
)
STORY = "".join(f"<p>{POST} {REPLIES[i % 3]}</p>" for i in range(4))


def _columns(rail: str) -> str:
    return (
        "<html><head><title>Lighthouse lit again - Cape Weekly</title></head><body>"
        '<div id="page"><div id="main"><div class="column"><div class="post">'
        f'<h1>Lighthouse lit again</h1><div class="entry">{STORY}</div></div></div></div>'
        f'<div id="rail"><div class="links">{rail}</div></div></div></body></html>'
    )


def test_a_prose_widget_in_the_rail_beside_the_story_is_cut():
    rail = f'<ul><li class="widget"><h3>About this weblog</h3><p>{ABOUT}</p><p>{ABOUT}</p></li></ul>'
    doc = clean(_columns(rail))
    assert "keepers' cottage" in doc.text
    assert "retired harbour pilot" not in doc.text
    assert any("retired harbour pilot" in r.text for r in doc.removed)


def test_a_story_split_into_widget_wrappers_stays_whole():
    lead = "".join(f"<p>{POST} {REPLIES[j % 3]}</p>" for j in range(4))
    parts = "".join(
        '<div class="story-widget"><div class="wrap"><div class="text">'
        + (lead if i == 0 else f"<p>{ABOUT}</p><p>{REPLIES[i % 3]}</p>")
        + "</div></div></div>"
        for i in range(3)
    )
    page = (
        "<html><head><title>Lighthouse lit again - Cape Weekly</title></head><body>"
        f'<div id="main"><h1>Lighthouse lit again</h1><div class="widgets">{parts}</div></div></body></html>'
    )
    doc = clean(page)
    assert "keepers' cottage" in doc.text
    assert "retired harbour pilot" in doc.text
