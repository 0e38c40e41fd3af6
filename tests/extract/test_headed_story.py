"""The page's headline heads its story (issue 12): a run of prose right under the heading that
holds the page's title is the article, over a box the cues chose elsewhere (a blog's description
under a banner <h1> that holds only the site's name, comment rules, a copyright line)."""

from __future__ import annotations

from archiver import clean
from archiver.extract.headed import title_parts
from archiver.extract.parse import parse_html
from archiver.extract.stats import measure

ABOUT = (
    "Every week I write about the small technology that keeps a hospital running, its budgets, "
    "its people and its failures, and I muse on what the coming years will ask of all of us."
)
POST = (
    "I walked in the orchard at dawn this morning and found a giant mushroom, larger than a "
    "football, resting in the wet grass. It is edible when young, and the farmers here slice it "
    "thin and fry it in butter, which I mean to try before the week is out."
)
ARCHIVE = "".join(f'<li><a href="/20{i:02d}">Archive of the year 20{i:02d}</a></li>' for i in range(12))


def _blog(site: str, story: str, post: str = POST) -> str:
    """A blog's layout: a banner (site name, description), then the post under its own heading."""
    return (
        f"<html><head><title>{site}: {story}</title></head><body>"
        '<div id="outer"><div class="header section"><div class="widget Header"><div id="header-inner">'
        f'<div class="titlewrapper"><h1 class="title"><a href="/">{site}</a></h1></div>'
        f'<div class="descriptionwrapper"><p class="description">{ABOUT}</p></div></div></div></div>'
        '<div id="main"><div class="blog-posts"><h2 class="date-header">Friday, October 19</h2>'
        '<div class="post-outer"><div class="post hentry">'
        f'<h3 class="post-title"><a href="/p">{story}</a></h3>'
        f'<div class="post-header"></div><div class="post-body entry-content"><div>{post}</div></div>'
        '<div class="post-footer">Posted by the author at 3:00 AM</div></div></div></div></div>'
        f'<div id="sidebar-wrapper"><ul>{ARCHIVE}</ul></div></div></body></html>'
    )


def test_post_under_its_heading_wins_over_the_description_under_the_banner():
    doc = clean(_blog("Life of a Hospital Engineer", "Cool Find of the Week"))
    assert doc.status == "ok"
    assert "giant mushroom" in doc.text
    assert "muse on what the coming years" not in doc.text
    assert doc.extraction.get("method") == "second"


def test_a_choice_holding_the_story_heading_stands():
    """The cues' article holds an <h1> with the story's title: a longer prose paragraph under a
    sidebar heading that holds the (longer) site name does not replace it."""
    side = (
        "This magazine was a journal of practical astronomy in the German language, with reports, "
        "tests of telescopes, star charts and many photographs sent in by its readers over years."
    )
    html = (
        "<html><head><title>Pleiades, M45 - Adventure of Astronomy Magazine</title></head><body>"
        f'<div class="content"><article><h1>Pleiades, M45</h1><div class="entry-content"><p>{POST}</p>'
        "<p>Camera: a digital one, on a small mount.</p></div></article></div>"
        f'<div class="sidebar"><div><div><aside><div class="widget"><h4>Adventure of Astronomy Magazine</h4>'
        f'<div class="textwidget"><p>{side}</p></div></div></aside></div></div></div>'
        "</body></html>"
    )
    doc = clean(html)
    assert "giant mushroom" in doc.text
    assert "journal of practical astronomy" not in doc.text


def _parts(html: str, titles: list[str], site: frozenset = frozenset()) -> list[str]:
    root = parse_html(html)
    body = root.find("body")
    elements = list(body.iter())
    return [p.tag for p in title_parts(elements, measure(body, elements), titles, site)]


def test_title_parts_longest_first_site_name_left_out():
    html = _blog("Life of a Hospital Engineer", "Cool Find of the Week, in the orchard")
    full = ["Life of a Hospital Engineer: Cool Find of the Week, in the orchard"]
    assert _parts(html, ["Life of a Hospital Engineer: Cool Find"]) == []  # the h1 links home
    assert _parts(html, full) == ["h3"]
    unlinked = html.replace('<a href="/">Life of a Hospital Engineer</a>', "Life of a Hospital Engineer")
    assert _parts(unlinked, full) == ["h3", "h1"]  # longest first
    assert _parts(unlinked, full, frozenset({"life of a hospital engineer"})) == ["h3"]  # og:site_name


def test_an_article_above_a_sidebar_heading_of_the_site_name_stands():
    """The title's longest stretch is the site's name, repeated as a sidebar heading over a
    short note: the article above it, far longer than the note, is not a box before a story."""
    prose = "".join(f"<p>{POST} Part {i}.</p>" for i in range(5))
    html = (
        "<html><head><title>The Engineering Notes Blog of the Hospital</title></head><body>"
        f'<div class="main"><div class="post"><div class="text">{prose}</div></div></div>'
        '<div class="right"><div><div><div class="links"><h2>The Engineering Notes Blog of the Hospital</h2>'
        "<p>Looking for a specific post? Visit our full archive of posts, sorted by category.</p>"
        "</div></div></div></div></body></html>"
    )
    doc = clean(html)
    assert doc.text.count("giant mushroom") == 5


def test_a_run_that_began_above_the_headline_counts_from_under_it():
    """A layout wrapper's own text (a teaser line, sentences) joins the story's run above the
    headline; the story the headline opens is the run from its first block under it."""
    from archiver.extract.headed import headed_run
    from archiver.extract.second import second_opinion

    wrapper = "A line of the wrapper's own text, long enough, with sentences. And another one here, too."
    html = (
        "<html><head><title>Undeck the halls and mulch the tree</title></head><body>"
        f"<div>{wrapper}<div><h1>Undeck the halls and mulch the tree</h1><h5>City News</h5>"
        f'<div id="story"><p>{POST}</p><p>{POST}</p></div></div></div></body></html>'
    )
    root = parse_html(html)
    body = root.find("body")
    elements = list(body.iter())
    st = measure(body, elements)
    order = {el: i for i, el in enumerate(elements)}
    runs = second_opinion(elements, st).runs
    assert runs[0].blocks[0].tag == "div"  # the wrapper opens the run, above the headline
    h1 = body.find(".//h1")
    run = headed_run(runs, h1, elements, order, st)
    assert run is not None and [b.tag for b in run.blocks] == ["p", "p"]
