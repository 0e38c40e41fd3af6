"""Block filters inside the article: repeated template lines, counters, datelines, headline,
chrome boxes under a chrome heading, and the short-line keyword cue."""
from __future__ import annotations

from archiver.extract.blocks import Proto
from archiver.extract.filters import filter_blocks


def _p(text: str, role: str = "paragraph", level: int | None = None) -> Proto:
    return Proto(role, [(text, ())], level=level)


PROSE = "The council approved the budget on Tuesday, after a long debate about schools and roads."


def _cut(protos, title=None):
    kept, cut = filter_blocks(protos, title)
    return [p.plain() for p in kept], {p.plain(): (role, reason) for p, role, reason in cut}


def test_repeated_short_lines_are_template_furniture():
    kept, cut = _cut([_p("Article content"), _p(PROSE), _p("Article content"), _p(PROSE + " Again."),
                      _p("Article content")])
    assert "Article content" not in kept and cut["Article content"][1] == "repeated-line"


def test_counters_and_arabic_datelines_are_cut():
    kept, cut = _cut([_p(PROSE), _p("330 قراءة"), _p("الإثنين 2018.5.28 09:57 مساء بتوقيت أبوظبي"),
                      _p("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً")])
    assert kept == [PROSE]
    assert cut["330 قراءة"][1] == "counter"
    assert {v[1] for v in cut.values()} >= {"date-only"}


def test_a_sentence_with_a_date_is_kept():
    text = "On 5 June 2021 the council met and voted, after a long debate, to close the road."
    kept, _ = _cut([_p(text)])
    assert kept == [text]


def test_headline_h1_is_recorded_not_kept():
    kept, cut = _cut([_p("A different headline", "heading", 1), _p(PROSE)], title="The headline")
    assert kept == [PROSE] and cut["A different headline"] == ("title", "headline-h1")


def test_items_under_a_chrome_heading_go_with_it():
    kept, cut = _cut([_p(PROSE), _p("مواضيع ذات صلة", "heading", 3), _p("عنوان خبر آخر", "list_item", 1),
                      _p("خبر ثالث قصير", "paragraph")])
    assert kept == [PROSE]
    assert cut["عنوان خبر آخر"][1].startswith("under-heading")


def test_credit_and_reading_time_lines():
    kept, cut = _cut([_p(PROSE), _p("Foto: Jane Doe/Agency"), _p("5 min read"), _p("Lesezeit: 4 Minuten")])
    assert kept == [PROSE] and cut["Foto: Jane Doe/Agency"][0] == "caption"
