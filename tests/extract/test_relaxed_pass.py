"""The relaxed pass distrusts class words only where the story's prose is (issue 12).

When a class word cuts the article's own wrapper (beside a comment thread heavier than the
story, so the wrapper is no ancestor of the first scoring's anchor), the strict pass finds no
article and the relaxed pass runs. It must not then trust no class word anywhere: a comment
thread named "comment" beside the story stays out, while the story's wrapper, whatever its
class says, is read by structure."""

from __future__ import annotations

from archiver import clean
from archiver.extract.parse import parse_html
from archiver.extract.relaxed import vouched
from archiver.extract.second import second_opinion
from archiver.extract.stats import measure

SENTENCES = (
    "The council voted late on Tuesday to close the old bridge over the river for repairs. ",
    "Engineers had warned for years that its steel frame was rusting faster than expected. ",
    "Drivers will have to take a detour of several miles through the northern districts. ",
    "Shop owners near the bridge said they feared losing customers during the long works. ",
    "The mayor promised that the repairs would be finished before the end of next summer. ",
)
REPLIES = (
    "I drive over that bridge every morning and I have seen the rust myself for a long time. ",
    "Why did it take them so many years to act when everybody could see it was falling apart? ",
    "The detour will add half an hour to my trip to work, which is a real problem for me. ",
    "Good decision, better late than never, though the money should have been spent sooner. ",
)


def _thread(n: int) -> str:
    """Three readers' replies, then a burst of one-line ones (short lines: no prose)."""
    long = "".join(
        f'<li class="reply-item" id="comment-{n + i}"><cite>Reader {n + i}</cite> said:'
        f"<p>{REPLIES[(n + i) % 4]}{REPLIES[(n + i + 1) % 4]}</p></li>"
        for i in range(3)
    )
    short = "".join(
        f'<li class="reply-item" id="comment-{n + i}"><cite>Reader {n + i}</cite> said:'
        "<p>Thanks, I agree with you.</p></li>"
        for i in range(3, 13)
    )
    return long + short


def _page(wrapper_class: str, threads: int = 4) -> str:
    """A post (its wrapper's class names chrome) above a comment list heavier than the post."""
    story = "".join(f"<p>{SENTENCES[i % 5]}{SENTENCES[(i + 2) % 5]}</p>" for i in range(6))
    thread = "".join(_thread(20 * t) for t in range(threads))
    tags = ", ".join(f'<a href="/tag/topic-{i}">topic number {i}</a>' for i in range(30))
    return (
        "<html><head><title>Old bridge to close for repairs | City Gazette</title></head><body>"
        '<div id="page"><div id="content">'
        f'<div class="{wrapper_class}"><h2>Old bridge to close for repairs</h2>'
        f'{story}<p class="meta">Tags: {tags}</p></div>'
        f'<h3>Replies</h3><ol class="comment-list">{thread}</ol>'
        "</div></div></body></html>"
    )


def test_a_wrapper_cut_by_its_class_word_keeps_the_comments_out():
    doc = clean(_page("post sidebar-entry"))
    assert doc.status == "ok"
    assert "steel frame was rusting" in doc.text
    assert "half an hour to my trip" not in doc.text
    assert any(r.role == "comments" and "half an hour" in r.text for r in doc.removed)


def _opinion(paragraphs: int):
    html = "".join(f"<p>{SENTENCES[i % 5]}{SENTENCES[(i + 1) % 5]}</p>" for i in range(paragraphs))
    body = parse_html(f'<html><body><div class="sidebar"><div>{html}</div></div></body></html>').find("body")
    elements = list(body.iter())
    return body, second_opinion(elements, measure(body, elements))


def test_the_story_run_and_its_ancestors_are_vouched_for():
    body, opinion = _opinion(6)
    found = vouched(opinion, None)
    assert opinion.best is not None and set(opinion.best.blocks) <= found
    assert body in found and body.find("div") in found


def test_a_short_run_vouches_for_nothing():
    """One paragraph does not say where the article is: the relaxed pass then reads no class
    word at all, as before (a post of a title and a photo under a "tag-…" wrapper)."""
    _, opinion = _opinion(1)
    assert opinion.best is not None
    assert vouched(opinion, None) == set()
