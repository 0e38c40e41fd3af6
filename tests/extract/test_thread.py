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
