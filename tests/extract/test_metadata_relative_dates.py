"""Relative and Hijri dates, resolved against the capture time and never the run's clock (issue 13)."""

from __future__ import annotations

import json

import pytest

from archiver.config import Config
from archiver.extract.relative_dates import capture_time, resolve
from archiver.model import RawPage, Source
from archiver.pipeline import process
from archiver.render.codec import document_dict

CAPTURED = "2020-05-10T12:34:56Z"


# (text, resolved against CAPTURED, source): read off a calendar by hand
@pytest.mark.parametrize(
    "text,date,source",
    [
        ("منذ ساعتين", "2020-05-10T10:34:56Z", "relative:capture"),
        ("منذ 3 ساعات", "2020-05-10T09:34:56Z", "relative:capture"),
        ("منذ ٥ دقائق", "2020-05-10T12:29:56Z", "relative:capture"),
        ("منذ ساعة", "2020-05-10T11:34:56Z", "relative:capture"),
        ("نشر قبل يومين", "2020-05-08", "relative:capture"),
        ("منذ أسبوع", "2020-05-03", "relative:capture"),
        ("2 hours ago", "2020-05-10T10:34:56Z", "relative:capture"),
        ("an hour ago", "2020-05-10T11:34:56Z", "relative:capture"),
        ("3 days ago", "2020-05-07", "relative:capture"),
        ("أمس", "2020-05-09", "relative:capture"),
        ("Yesterday", "2020-05-09", "relative:capture"),
        ("الجمعة 15 رمضان 1441 هـ", "2020-05-08", "hijri"),  # Ramadan 1441 began on 24 April 2020
        ("١ شوال ١٤٤١هـ", "2020-05-24", "hijri"),  # Eid al-Fitr 2020
        ("10 ذو الحجة 1440", "2019-08-11", "hijri"),  # Eid al-Adha 2019
        ("15 رمضان", "2020-05-08", "relative:capture"),  # no year: the Hijri year of the capture
        ("1 شوال", "2019-06-04", "relative:capture"),  # Shawwal 1441 is after the capture: 1440's
    ],
)
def test_resolved_against_the_capture_time(text, date, source):
    assert resolve(text, capture_time(CAPTURED)) == (date, source)


@pytest.mark.parametrize("text", ["منذ ساعتين", "2 hours ago", "أمس", "yesterday", "15 رمضان"])
def test_without_a_capture_time_it_stays_unresolved(text):
    assert resolve(text, None) is None


@pytest.mark.parametrize("text", ["مصر اليوم", "رمضان كريم", "Hours of fun", "منذ زمن بعيد", "ago"])
def test_no_date_no_answer(text):
    assert resolve(text, capture_time(CAPTURED)) is None


PAGE = """<html lang="ar"><head><title>خبر</title></head><body><article>
<h1>افتتاح مستشفى جديد في المدينة</h1><span class="post-date">{date}</span>
<p>أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة الأسبوع المقبل بحضور عدد من المسؤولين والمواطنين.</p>
<p>وقال المتحدث باسم الوزارة إن المشروع سيخدم آلاف المواطنين في المنطقة الشرقية خلال السنوات المقبلة.</p>
</article></body></html>"""


@pytest.mark.parametrize(
    "date,captured,published,source",
    [
        ("منذ ساعتين", CAPTURED, "2020-05-10T10:34:56Z", "relative:capture"),
        ("منذ ساعتين", None, None, None),
        ("الجمعة 15 رمضان 1441 هـ", None, "2020-05-08", "hijri"),
        ("10 مايو 2020", CAPTURED, "2020-05-10", None),  # a written date needs no resolving
    ],
)
def test_the_record_says_how_published_was_found(date, captured, published, source, validate):
    page = RawPage(PAGE.format(date=date).encode("utf-8"), Source(kind="warc", captured=captured))
    record = json.loads(json.dumps(document_dict(process(page, Config()))))
    validate(record)
    assert record["published"] == published
    assert record.get("published_source") == source
