"""A text dump's repeated headline is folded into the title and recorded in ``removed`` as
``title-repeated``, as the HTML path records it (issue 18 item 1: every cut is listed)."""

from __future__ import annotations

import archiver
from archiver.extract import reasons as R
from archiver.extract.textdump import parse_dump

PARA = "First paragraph is here and it is long enough to be a paragraph for sure, yes, and then some."


def test_each_repeat_of_the_title_is_a_cut():
    dump = parse_dump(f"Headline\n\nHeadline\n\nHeadline\n\n{PARA}\n\nSecond paragraph, also prose.")
    assert dump.title == "Headline"
    assert dump.paragraphs == (PARA, "Second paragraph, also prose.")
    assert [(c.text, c.role, c.reason) for c in dump.cuts] == [("Headline", "title", R.TITLE_REPEATED)] * 2


def test_a_title_said_once_is_no_cut():
    dump = parse_dump(f"Headline\n\n{PARA}")
    assert dump.title == "Headline" and dump.cuts == ()


def test_the_repeat_comes_after_chrome_above_the_title_and_before_the_body_cuts():
    dump = parse_dump(f"12\n\nHeadline\n\nHeadline\n\n{PARA}\n\n{PARA}\n\nتابعونا على\n\n34")
    assert [c.reason for c in dump.cuts][:2] == [R.LONE_NUMBER, R.TITLE_REPEATED]
    assert [c.text for c in dump.cuts][1] == "Headline"


def test_the_record_of_a_dump_lists_the_repeat():
    doc = archiver.clean(
        f"Headline\nHeadline\n\n{PARA}\n\n{PARA} Again.", config=archiver.Config(kind="text")
    )
    assert doc.title == "Headline"
    repeats = [r for r in doc.removed if r.reason == R.TITLE_REPEATED]
    assert [(r.text, r.role) for r in repeats] == [("Headline", "title")]
