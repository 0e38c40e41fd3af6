"""Unit tests per stage: dates, cues, text dumps, blocks, metadata, body extraction, rendering."""

from __future__ import annotations

import pytest

from archiver.extract.blocks import build_blocks
from archiver.extract.body import extract_body
from archiver.extract.cues import class_cue, phrase_cue, tokens
from archiver.extract.dates import parse_date
from archiver.extract.metadata import extract_metadata
from archiver.extract.parse import parse_html
from archiver.extract.textdump import parse_dump


@pytest.mark.parametrize(
    "text,iso",
    [
        ("٢٠ كانون الثاني ٢٠٢٠", "2020-01-20"),
        ("الأربعاء 27 سبتمبر 2017", "2017-09-27"),
        ("نُشر في 3 شباط 2019 - 10:20", "2019-02-03"),
        ("1 تشرين الأول 2019", "2019-10-01"),
        ("2019-01-23T10:05:00+0300", "2019-01-23T10:05:00+03:00"),
        ("Sept. 5, 2017", "2017-09-05"),
        ("5 June 2021", "2021-06-05"),
        ("05/09/2017", "2017-09-05"),
        ("no date here", None),
        ("31 فبراير 2020", None),
    ],
)
def test_dates(text, iso):
    assert parse_date(text) == iso


@pytest.mark.parametrize(
    "text,role",
    [
        ("التعليقات (0)", "comments"),
        ("الأكثر قراءة", "most-read"),
        ("💡 أهم المواضيع", "topics"),
        ("إقرأ أيضا", "related"),
        ("اقرأ أيضاً: عنوان خبر آخر", "related"),
        ("Read more", "related"),
        ("Most Popular", "most-read"),
        ("Share this article", "share"),
        ("تابعونا على", "follow"),
    ],
)
def test_phrase_cues(text, role):
    cue = phrase_cue(text)
    assert cue is not None and cue[0] == role


@pytest.mark.parametrize(
    "text",
    ["The council met on Tuesday.", "قال الرئيس إن الاقتصاد سينمو", "Comments on the budget were harsh"],
)
def test_phrases_do_not_fire_on_prose(text):
    assert phrase_cue(text) is None


def test_user_phrases_extend_the_lexicon():
    assert phrase_cue("Ne manquez pas") is None
    assert phrase_cue("Ne manquez pas", ("related\tne manquez pas",))[0] == "related"


def test_class_tokens():
    el = parse_html('<div class="post-comments" id="x"></div>').find(".//div")
    assert class_cue(el)[0] == "comments"
    assert tokens("has-sidebar entry-content relatedPosts") == ["entry", "content", "related", "posts"]
    assert class_cue(parse_html('<div class="has-sidebar"></div>').find(".//div")) is None


def test_text_dump_title_paragraphs_and_edges():
    dump = parse_dump(
        "Headline\n\nHeadline\n"
        "First paragraph is here and it is long enough to be a paragraph for sure, yes.\n\n"
        "Second paragraph, also prose.\n\nتابعونا على\n12\n"
    )
    assert dump.title == "Headline"
    assert (
        dump.paragraphs[0].startswith("First paragraph")
        and dump.paragraphs[-1] == "Second paragraph, also prose."
    )
    assert [(c.text, c.role) for c in dump.cuts] == [("تابعونا على", "follow"), ("12", "counter")]


def test_blocks_keep_structure_and_inline_marks():
    root = parse_html(
        "<div>Intro <b>bold</b><br><br>Next<ul><li>a<ol><li>b</li></ol></li></ul>"
        "<table><tr><th>h</th></tr><tr><td>1</td></tr></table><blockquote>q</blockquote></div>"
    )
    blocks = build_blocks(root.find("body"))
    assert [(b.role, b.level) for b in blocks] == [
        ("paragraph", None),
        ("paragraph", None),
        ("list_item", 1),
        ("list_item", 2),
        ("table", None),
        ("quote", None),
    ]
    assert blocks[0].pieces[1] == ("bold", (("strong", None),))
    assert blocks[3].ordered is True and blocks[4].cells == (("h",), ("1",))


def test_metadata_sources():
    root = parse_html("""<html lang="ar" dir="rtl"><head><title>عنوان الخبر الرئيسي هنا | الموقع</title>
    <meta property="og:site_name" content="الموقع"><link rel="canonical" href="https://e.org/a">
    <script type="application/ld+json">{"@type":"NewsArticle","headline":"عنوان الخبر الرئيسي هنا",
    "author":{"@type":"Person","name":"سارة علي"},"datePublished":"2020-01-20T08:00:00+02:00"}</script>
    </head><body><h1>عنوان الخبر الرئيسي هنا</h1></body></html>""")
    md = extract_metadata(root)
    assert (md.title, md.site_name, md.canonical_url) == (
        "عنوان الخبر الرئيسي هنا",
        "الموقع",
        "https://e.org/a",
    )
    assert md.authors == ("سارة علي",) and md.published == "2020-01-20T08:00:00+02:00"
    assert (md.page_language, md.page_direction) == ("ar", "rtl")


def test_body_cuts_are_recorded_with_roles():
    prose = "<p>" + "هذه فقرة من نص المقال، وهي طويلة بما يكفي لتعد نصاً حقيقياً. " * 6 + "</p>"
    root = parse_html(f"""<html><body><nav><a href="/">الرئيسية</a></nav><div class="content">{prose}{prose}
    <div class="box"><h3>اقرأ أيضاً</h3><ul><li><a href="/1">عنوان خبر آخر طويل بعض الشيء</a></li></ul></div>
    {prose}</div><aside><h3>الأكثر قراءة</h3><a href="/2">خبر</a></aside>\
<footer>جميع الحقوق محفوظة</footer></body></html>""")
    ex = extract_body(root)
    assert ex.status == "ok"
    roles = {c.role for c in ex.cuts}
    assert {"navigation", "related", "footer"} <= roles
    assert all(c.reason for c in ex.cuts)
    kept = " ".join(" ".join(m.itertext()) for m in ex.main)
    assert "اقرأ أيضاً" not in kept and "الأكثر قراءة" not in kept and kept.count("هذه فقرة") == 18
