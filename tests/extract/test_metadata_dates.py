"""Dates in every form news pages use: ISO, Arabic month names of both systems (and both side
by side), Arabic-Indic digits, European month names, and the fallbacks when <meta> is silent."""

from __future__ import annotations

import pytest

from archiver.extract.dates import parse_date
from archiver.extract.metadata import extract_metadata
from archiver.extract.parse import parse_html


@pytest.mark.parametrize(
    "text,iso",
    [
        ("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً", "2020-04-24"),
        ("الأربعاء، 28 آب/اغسطس 2013، آخر تحديث 14:00", "2013-08-28"),
        ("١٨ ديسمبر / كانون الأول ٢٠١٨", "2018-12-18"),
        ("15 يناير، 2024", "2024-01-15"),  # the Arabic comma before the year
        ("يناير 15، 2024", "2024-01-15"),
        ("۳ اردیبهشت ۱۴۰۰", None),  # Persian solar calendar: not guessed
        ("6. Mai 2014", "2014-05-06"),
        ("5 de mayo de 2022", "2022-05-05"),
        ("7 kwietnia 2021", "2021-04-07"),
        ("12 mars 2020", "2020-03-12"),
        ("3 markets fell in 2020", None),
        # RFC 2822/1123 (HTTP, RSS, some JSON-LD): time and zone kept, as for ISO input
        ("Wed, 04 May 2022 02:41:00 GMT", "2022-05-04T02:41:00Z"),
        ("Tue, 3 May 2022 23:53:14 +0200", "2022-05-03T23:53:14+02:00"),
    ],
)
def test_more_date_forms(text, iso):
    assert parse_date(text) == iso


def _meta(body: str, head: str = "", url: str | None = None):
    return extract_metadata(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"), url)


def test_date_from_a_dated_element_when_meta_is_silent():
    md = _meta('<h1>Headline of the story</h1><div class="post-date">Posted 6. Mai 2014</div><p>x</p>')
    assert md.published == "2014-05-06"


def test_date_from_the_url_path():
    md = _meta(
        "<h1>Headline of the story</h1><p>no date in text</p>", url="https://x.example/2019/10/18/story"
    )
    assert md.published == "2019-10-18"


def test_meta_date_wins_over_visible_text():
    md = _meta(
        '<p class="date">1 يناير 2019</p>',
        '<meta property="article:published_time" content="2020-02-03T10:00:00Z">',
    )
    assert md.published == "2020-02-03T10:00:00Z"


def test_title_skips_the_site_name_heading():
    md = _meta(
        "<h1>Time for Tea</h1><h2>Why green tea cools you down</h2>",
        "<title>Time for Tea: Why green tea cools you down</title>",
    )
    assert md.title == "Why green tea cools you down"


def test_title_prefers_the_visible_headline_over_og_with_site():
    md = _meta(
        "<h1>الحكومة تعلق ضريبة الوقود</h1>",
        '<meta property="og:title" content="الحكومة تعلق ضريبة الوقود | موقع الأخبار">'
        '<meta property="og:site_name" content="موقع الأخبار">',
    )
    assert md.title == "الحكومة تعلق ضريبة الوقود"


def test_publish_date_named_in_a_framework_payload_is_a_late_fallback():
    payload = '<script>window.__STATE__ = {"review": {"publishedDate": "2016-11-04T20:37:27Z"}};</script>'
    page = f"<html><head>{payload}</head><body><p>Text without a date.</p></body></html>"
    assert extract_metadata(parse_html(page)).published == "2016-11-04T20:37:27Z"
    # a visible date element outranks it; JSON-LD scripts are read by their own rule
    dated = page.replace("<p>Text", '<p class="date">3 May 2020</p><p>Text')
    assert extract_metadata(parse_html(dated)).published == "2020-05-03"
    ld = page.replace("<script>", '<script type="application/ld+json">').replace("window.__STATE__ = ", "")
    assert extract_metadata(parse_html(ld)).published != "2016-11-04T20:37:27Z"


@pytest.mark.parametrize(
    "text,iso",
    [
        (
            "2020-01-01T१०:३०:००+०५:३०",
            "2020-01-01T10:30:00+05:30",
        ),  # other scripts' digits in the time: ASCII out
        ("Wed, 04 May 2022 ०२:४१:०० +०२००", "2022-05-04T02:41:00+02:00"),
        ("2020-01-01T25:61:00Z", "2020-01-01"),  # no time of day: the day alone
    ],
)
def test_times_come_out_as_iso_8601(text, iso):
    assert parse_date(text) == iso
