"""Bylines that are names (issue 13): datelines, menu labels, byline-box headings, sidebars of
columnists and site names are not authors; a visible byline that names a person is the author."""

from __future__ import annotations

import pytest

from archiver import clean

P = (
    "<p>أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة الأسبوع المقبل بحضور عدد من المسؤولين "
    "والمواطنين من أبناء المنطقة.</p><p>وقال المتحدث باسم الوزارة إن المشروع سيخدم آلاف المواطنين في "
    "المنطقة الشرقية خلال السنوات المقبلة.</p>"
)


def page(head: str = "", before: str = "", article_top: str = "", title: str = "خبر - بوابة الأخبار") -> str:
    return (
        f"<html lang='ar'><head><title>{title}</title>{head}</head><body>"
        "<nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/opinion'>رأي</a></li></ul></nav>"
        f"{before}<article><h1>افتتاح مستشفى جديد في المدينة</h1>{article_top}{P}</article></body></html>"
    )


@pytest.mark.parametrize(
    "html,authors",
    [
        (page('<meta name="author" content="(أبوظبي - البيان)">'), ()),  # a dateline
        (page(article_top='<div class="author">رأي</div>'), ()),  # a menu label
        (
            page(
                '<meta property="og:site_name" content="بوابة الأخبار">'
                '<meta name="author" content="بوابة الأخبار">'
            ),
            (),
        ),
        (
            page(
                '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "x", '
                '"author": {"@type": "NewsMediaOrganization", "name": "Example News"}}</script>'
            ),
            (),
        ),
        (
            page(
                before='<aside><span class="tab-author-name">سهيل كيوان</span>'
                '<span class="tab-author-name">رأي القدس</span>'
                '<span class="tab-author-name">حسن نافعة</span></aside>'
            ),
            (),
        ),  # a sidebar of columnists
        (
            page(
                article_top='<section aria-labelledby="bl">'
                '<strong id="bl" class="article-byline">Article information</strong>'
                "<ul><li>Author, كايلا إبستين وأنجليكا كاساس</li><li>Role, بي بي سي نيوز</li></ul></section>"
            ),
            ("كايلا إبستين", "أنجليكا كاساس"),
        ),
        (
            page(article_top='<div><span>كتب:</span> <span><a href="/j/1">دينا عبدالخالق</a></span></div>'),
            ("دينا عبدالخالق",),
        ),
        (page(article_top='<p class="meta">كتبت أسماء نصار</p>'), ("أسماء نصار",)),
    ],
)
def test_authors(html, authors):
    assert clean(html.encode("utf-8")).metadata.authors == authors


def test_a_first_paragraph_byline_names_the_author_and_leaves_the_body():
    doc = clean(page(article_top="<p>حسام فهمي-القاهرة</p>").encode("utf-8"))
    assert doc.metadata.authors == ("حسام فهمي",)
    assert "حسام فهمي" not in doc.text
    assert [(r.text, r.role) for r in doc.removed if r.role == "byline"] == [("حسام فهمي-القاهرة", "byline")]


def test_a_place_and_agency_first_line_is_no_byline():
    html = page(
        '<meta property="og:site_name" content="سكاي نيوز عربية">',
        article_top="<p>أبوظبي - سكاي نيوز عربية</p>",
    )
    assert clean(html.encode("utf-8")).metadata.authors == ()


def test_the_owner_of_a_personal_site_stays_its_author():
    html = (
        "<html><head><title>On parsing - Jane Roe's blog</title>"
        "<meta property='og:site_name' content=\"Jane Roe's blog\">"
        "<meta name='author' content='Jane Roe'></head><body><article><h1>On parsing</h1>"
        "<p>Parsing is the first step of every program that reads text written by people for people.</p>"
        "<p>This post compares three ways of doing it and measures each one on real input files.</p>"
        "</article></body></html>"
    )
    assert clean(html.encode("utf-8"), url="https://janeroe.example/blog/parsing").metadata.authors == (
        "Jane Roe",
    )


def test_a_one_word_json_ld_name_is_read_in_full_where_the_page_shows_it():
    html = (
        "<html><head><title>Robots</title><script type='application/ld+json'>"
        '{"@type": "NewsArticle", "headline": "Robots", "author": {"@type": "Person", "name": "Todd"}}'
        "</script></head><body><article><h1>Robots</h1>"
        "<p>In the future, robots could take blood samples, benefiting patients and workers alike.</p>"
        "<p>The device was tested on volunteers at the university hospital last spring.</p>"
        "</article><div class='contact'><p class='full-name'>Todd Bates</p></div></body></html>"
    )
    assert clean(html.encode("utf-8")).metadata.authors == ("Todd Bates",)
