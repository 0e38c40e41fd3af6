"""The second opinion and its reconciliation (issue 12): small synthetic pages, one per failure kind."""

from __future__ import annotations

import json

import pytest

from archiver import clean
from archiver.extract.parse import parse_html
from archiver.extract.stats import measure

EN = "The minister said the plan would continue, and added that results would show soon enough. "
AR = "قال المتحدث باسم الوزارة إن الحكومة ستواصل العمل على الخطة، وأضاف أن النتائج ستظهر قريباً. "
NAV = "<nav><ul>" + "".join(f'<li><a href="/s{i}">Section {i}</a></li>' for i in range(8)) + "</ul></nav>"
SIDE = (
    '<div class="sidebar"><h3>Most read</h3><ul>'
    + "".join(f'<li><a href="/n{i}">Another headline number {i} of the day here</a></li>' for i in range(6))
    + "</ul></div>"
)


def _page(inner: str, title: str = "Plan will continue") -> str:
    return (
        f"<html><head><title>{title}</title></head><body>{NAV}{inner}{SIDE}"
        "<footer>© 2024 The Paper</footer></body></html>"
    )


def _prose(n: int, text: str = EN) -> str:
    return "".join(f"<p>{text * 2} Paragraph {i}.</p>" for i in range(n))


def _tokens(text: str) -> set[str]:
    return {w.strip(".,:;()«»\"'،").casefold() for w in text.split()} - {""}


def test_second_opinion_reads_no_class_words():
    from archiver.extract.second import second_opinion

    html = _page(f'<div class="sidebar widget hidden footer">{_prose(5)}</div>')
    root = parse_html(html)
    body = root.find("body")
    elements = list(body.iter())
    best = second_opinion(elements, measure(body, elements)).best
    assert best is not None and len(best.blocks) == 5


TEASE = "A short teaser of another story, with a sentence or two to lure the reader in, and a date. "
TILES = "".join(
    f'<div class="item"><div class="tile--article__reveal"><div class="text-wrapper"><h3>'
    f'<a href="/t{i}">Another story about the storm, number {i}</a></h3>'
    f'<div class="grid-view-text">{TEASE * 2}</div></div></div></div>'
    for i in range(8)
)


@pytest.mark.parametrize(
    "wrapper",
    [
        'class="row hidden article--single"',
        'class="row ad-sidebar--wrapper"',
        'class="footer-top"',
        'id="widget-3" class="widget"',
    ],
)
def test_chrome_named_wrapper_holding_the_article_is_the_article(wrapper):
    """The article under a wrapper whose class says hidden/ad/footer/widget, beside a grid of
    teaser tiles (headline link + dek) that the class-driven scoring prefers."""
    html = _page(
        f'<section><div {wrapper}><div class="col-md-60 article-container">{_prose(5)}</div></div>'
        f'<section class="latest-news grid"><div class="row">{TILES}</div></section></section>'
    )
    doc = clean(html)
    assert doc.status == "ok"
    assert doc.text.count("Paragraph") == 5
    assert "lure the reader" not in doc.text


def test_second_opinion_discounts_teaser_deks():
    from archiver.extract.second import second_opinion

    body = parse_html(_page(f"<div>{TILES}</div>")).find("body")
    elements = list(body.iter())
    op = second_opinion(elements, measure(body, elements))
    assert op.best is None and len(op.deks) == 8


def test_ten_sections_with_ad_slots_between_them_are_all_kept():
    sections = "".join(
        f'<div class="content-block"><h2>Part {i}</h2><p>{EN} Part {i} text goes here, in full.</p>'
        f"<p>{EN} More of part {i}.</p></div>"
        f'<div class="ad-slot"><span>Advertisement</span></div>'
        f'<aside class="newsletter"><p>Sign up for our morning newsletter.</p></aside>'
        for i in range(10)
    )
    html = _page(
        f'<main><article class="story"><h1>Guide</h1><div class="intro"><p>{EN * 2}</p></div></article>'
        f'<div class="more">{sections}</div></main>',
        title="Guide",
    )
    doc = clean(html)
    assert doc.status == "ok"
    assert all(f"Part {i} text goes here" in doc.text for i in range(10))
    assert "Advertisement" not in doc.text and "Sign up" not in doc.text


def test_one_paragraph_brief_is_an_article():
    html = _page(
        "<article><h1>Bridge works</h1><p>The minister said on Monday that the plan to rebuild the "
        "old bridge would go on next year.</p></article>",
        title="Bridge works",
    )
    doc = clean(html)
    assert doc.status == "ok"
    assert "rebuild the old bridge" in doc.text
    assert json.loads(doc.to_json())["extraction"]["method"] == "second"


def test_no_article_page_keeps_every_text_in_removed():
    html = _page(
        '<div class="list">'
        + "".join(
            f'<div class="item"><a href="/a{i}">Headline {i} of the listing page today</a></div>'
            for i in range(10)
        )
        + "</div>"
    )
    doc = clean(html)
    assert doc.status == "no_article"
    seen = set().union(*(_tokens(r.text) for r in doc.removed))
    assert _tokens(" ".join(parse_html(html).find("body").itertext())) <= seen


def test_loose_text_between_containers_is_recorded():
    html = _page(f"<div>{_prose(4)}</div>stray words between boxes<div>{_prose(2)}</div>")
    doc = clean(html)
    text = doc.text + " " + " ".join(r.text for r in doc.removed)
    assert "stray words between boxes" in text


CAPTION = (
    "صورة من موقع الانفجار في المدينة القديمة حيث تجمع السكان صباح اليوم "
    "لمعاينة الأضرار التي لحقت بالمنازل والمحال، "
)


def test_arabic_sign_off_closes_the_body_and_a_gallery_of_long_captions_is_gallery():
    body = "".join(f"<p>{AR * 3}</p>" for _ in range(4))
    slides = "".join(
        f'<div class="item"><img src="/p{i}.jpg"><p>{CAPTION * 2}{i}</p></div>' for i in range(5)
    )
    teasers = "".join(
        f'<div class="c"><a href="/t{i}">عنوان آخر {i}</a><p>{CAPTION}</p></div>' for i in range(4)
    )
    html = _page(
        f'<article><h1>الخطة مستمرة</h1><div class="text">{body}<p>(أ ف ب)</p>'
        f'<div class="owl">{slides}</div><div class="more">{teasers}</div></div></article>',
        title="الخطة مستمرة",
    )
    doc = clean(html)
    assert doc.status == "ok"
    assert doc.text.count("قال المتحدث") == 12
    assert "صورة من موقع الانفجار" not in doc.text
    assert any(r.role == "gallery" and "صورة من موقع الانفجار" in r.text for r in doc.removed)


def test_a_sign_off_inside_the_lead_does_not_close_the_body():
    body = "".join(f"<p>{EN * 3}</p>" for _ in range(4))
    doc = clean(_page(f"<article><h1>Plan</h1><div><p>(AFP)</p>{body}</div></article>", title="Plan"))
    assert doc.text.count("The minister said") == 12


def test_article_beside_a_long_news_feed_in_one_container_is_the_article():
    items = "".join(
        f'<div class="news-item"><a href="/n{i}">Another headline from the feed, number {i}</a>'
        f"<p>A teaser of the other story, in a sentence or two, that tells what happened {i}.</p>"
        f"<span>Today, 8:{i:02d}</span></div>"
        for i in range(20)
    )
    html = _page(
        f'<div class="page-column-content"><div class="content-wrap">{items}</div>'
        f'<article class="article"><h1>Plan will continue</h1>{_prose(3)}</article></div>'
    )
    doc = clean(html)
    assert doc.status == "ok"
    assert doc.text.count("Paragraph") == 3 and "teaser of the other story" not in doc.text


def test_extraction_field_round_trips_through_the_codec():
    from archiver.render.codec import from_json

    doc = clean(
        _page(
            "<article><h1>Bridge works</h1><p>The minister said on Monday that the plan to "
            "rebuild the old bridge would go on next year.</p></article>",
            title="Bridge works",
        )
    )
    again = from_json(doc.to_json())
    assert again.extraction == doc.extraction and again.extraction["method"] == "second"
    assert again.to_json() == doc.to_json()


@pytest.mark.parametrize(
    "line",
    [
        "(أ ف ب)",
        "(رويترز)",
        "— AP",
        "(AFP)",
        "(dpa/jk)",
        "(ع.م)",
        "Reporting by Jane Doe; Editing by John Roe",
    ],
)
def test_sign_off_lines(line):
    from archiver.extract.signoff import is_signoff

    assert is_signoff(line)


@pytest.mark.parametrize(
    "line",
    [
        "(2.5)",
        "AP style guide says so",
        "باريس (أ ف ب) - قال الرئيس إن الخطة مستمرة",
        "The reporting by the paper was wrong, he said.",
    ],
)
def test_not_sign_off_lines(line):
    from archiver.extract.signoff import is_signoff

    assert not is_signoff(line)
