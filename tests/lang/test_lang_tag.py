"""Page-level tagging (DESIGN.md §5): priors, zxx/und, article vs page language, inline runs."""

from __future__ import annotations

import pytest

from archiver.lang import assign
from archiver.lang.assign import tag_page
from archiver.lang.gate import may_differ
from archiver.lang.runs import foreign_spans

EN = [
    "The committee approved the budget for next year after a long and heated debate in the chamber.",
    "Opposition members said the plan would cut spending on schools and hospitals across the country.",
    "The finance minister replied that the deficit had to be reduced before interest rates rose again.",
    "A final vote is expected next week, when the upper house returns from its summer recess.",
]
AR_CHROME = ["الأكثر قراءة", "التعليقات (0)", "أهم الموضوعات في الموقع اليوم", "اشترك في النشرة البريدية"]
FA = [
    "دانشجویان دانشگاه تهران برای اعتراض به افزایش شهریه در مقابل ساختمان اصلی تجمع کردند.",
    "بسیاری از کارشناسان معتقدند که تورم در ماه‌های آینده به‌تدریج کاهش خواهد یافت.",
]


def test_english_oped_on_an_arabic_portal_keeps_the_two_languages_apart():
    tags = tag_page(EN, AR_CHROME, "ar")
    assert {t.lang for t in tags.blocks} == {"en"}
    assert (tags.language, tags.direction) == ("en", "ltr")
    assert (tags.page_language, tags.removed[0].lang, tags.removed[0].dir) == ("ar", "ar", "rtl")
    counter = tags.removed[1]
    assert (counter.lang, counter.dir) == ("ar", "rtl")  # "التعليقات (0)" has letters: Arabic


def test_without_html_lang_the_chrome_still_tells_the_page_language():
    tags = tag_page(EN, AR_CHROME + ["(0)"], None)
    assert tags.page_language == "ar" and tags.language == "en"
    assert (tags.removed[-1].lang, tags.removed[-1].dir) == ("zxx", "rtl")


@pytest.mark.parametrize(
    "text,page,lang,source",
    [
        ("(0)", EN, "zxx", "script"),
        ("https://example.com/a/b", EN, "zxx", "script"),  # DESIGN §5: a URL is no language
        ("news@example.org", EN, "zxx", "script"),
        ("https://example.com/a/b and more", EN, "en", "page-prior"),
        ("12:30 — 25/10/2024", EN, "zxx", "script"),
        ("Most read", EN, "en", "page-prior"),
        ("Most read", [], "und-Latn", "script"),
        ("شكرا", [], "ar", "script"),  # issue 13: short Arabic script with no prior is Arabic
        ("للتسجيل يرجى زيارة https://example.com/x .", [], "ar", "script"),  # the URL has no vote
        ("الأكثر قراءة", [], "ar", "script"),
        ("پربازدیدترین‌ها", [], "fa", "script"),  # short: its letters say Persian
        ("تازہ ترین خبریں", [], "ur", "script"),
        ("آخرین خبرها", [], "fa", "script"),
        ("اخبار جهان", FA, "fa", "page-prior"),
    ],
    ids=lambda v: v if isinstance(v, str) and v.isascii() else None,
)
def test_short_blocks(text, page, lang, source):
    tags = tag_page(page + [text], [], None)
    got = tags.blocks[-1]
    assert (got.lang, got.source) == (lang, source)


def test_a_persian_block_among_arabic_ones_gets_its_own_detection():
    ar = [
        "قررت المحكمة تأجيل النظر في القضية إلى الشهر المقبل بسبب غياب الشهود عن الجلسة.",
        "وقال المحامي إن موكله بريء وإن الأدلة المقدمة لا تثبت أي تهمة على الإطلاق.",
    ]
    tags = tag_page(ar + [FA[0]], [], None)
    assert [t.lang for t in tags.blocks] == ["ar", "ar", "fa"]


class Counting:
    name = "counting"

    def __init__(self) -> None:
        self.calls = 0

    def detect(self, text: str, script: str):
        self.calls += 1
        return "en", 0.99


def test_the_script_pass_settles_consistent_blocks_with_one_pooled_call(monkeypatch):
    det = Counting()
    monkeypatch.setattr(assign, "get_detector", lambda name, *candidates: det)
    tags = tag_page(EN * 3, ["Share this", "Most read today on the site"], None)
    assert det.calls == 1
    assert {t.lang for t in tags.blocks} == {"en"} and {t.source for t in tags.blocks} == {"pooled"}


@pytest.mark.parametrize(
    "text,script,page,expected",
    [
        ("The committee approved the budget for next year", "Latn", "en", False),
        ("Le gouvernement a annoncé de nouvelles mesures pour les familles", "Latn", "en", True),
        (
            "Der Ausschuss hat den Haushalt für das nächste Jahr und die Jahre danach gebilligt",
            "Latn",
            "en",
            True,
        ),
        ("قررت المحكمة تأجيل النظر في القضية", "Arab", "ar", False),
        ("دانشجویان دانشگاه تهران تجمع کردند", "Arab", "ar", True),
        ("کراچی میں شدید بارش کے باعث سڑکیں ڈوب گئیں", "Arab", "fa", True),
        ("قررت المحكمة تأجيل النظر في القضية", "Arab", "fa", True),
    ],
)
def test_gate(text, script, page, expected):
    from archiver.lang.script import dominant_script

    assert may_differ(text, script, page, dominant_script(text)[1]) is expected


@pytest.mark.parametrize(
    "text,block_script,spans",
    [
        ("قالت شركة Apple إن", "Arab", ["Apple"]),
        ("أطلقت iPhone 15 الجديد", "Arab", ["iPhone 15"]),
        ("بلغ مؤشر GDP 2020 نسبة", "Arab", ["GDP 2020"]),
        ("نشرت (The Times) تقريرا", "Arab", ["(The Times)"]),
        ("قال: «We will not give up»، ثم غادر", "Arab", ["«We will not give up»"]),
        ("ارتفع سهم Apple.", "Arab", ["Apple"]),
        ("زار U.S. وفدا", "Arab", ["U.S"]),
        ("He said مرحبا بكم to everyone", "Latn", ["مرحبا بكم"]),
        ("ارتفعت الأسعار بنسبة 25% خلال الشهر", "Arab", []),
    ],
)
def test_inline_run_boundaries(text, block_script, spans):
    assert [text[s:e] for s, e, _ in foreign_spans(text, block_script)] == spans


def test_runs_are_emitted_only_where_they_differ():
    text = "قال الرئيس التنفيذي لشركة Apple إن المبيعات ارتفعت كثيرا هذا العام في الأسواق"
    tags = tag_page([text], [], None)
    assert [(text[r.start : r.end], r.lang, r.dir) for r in tags.runs[0]] == [("Apple", "en", "ltr")]
    plain = "قال الرئيس التنفيذي إن المبيعات ارتفعت كثيرا هذا العام في الأسواق العالمية"
    assert tag_page([plain], [], None).runs == ((),)


@pytest.mark.parametrize(
    "text,block_script,spans",
    [
        ("ارتفع سهم Apple (AAPL) أمس", "Arab", ["Apple (AAPL)"]),
        ("ارتفع سهم Apple [AAPL]، أمس", "Arab", ["Apple [AAPL]"]),
        ("نقلت (Reuters (AFP)) الخبر", "Arab", ["(Reuters (AFP))"]),
        ("نقلت {AFP} ‹x› الخبر", "Arab", ["{AFP} ‹x›"]),
        ("He met الأمين العام (للأمم المتحدة) today", "Latn", ["الأمين العام (للأمم المتحدة)"]),
    ],
)
def test_a_run_holds_both_halves_of_a_bracket_pair_inside_it(text, block_script, spans):
    """DESIGN.md §5: paired brackets stay together — a run that opens one inside it closes it."""
    assert [text[s:e] for s, e, _ in foreign_spans(text, block_script)] == spans


@pytest.mark.parametrize("word,script", [("ܫܠܡܐ ܥܠܡܐ", "Syrc"), ("ދިވެހި ބަސް", "Thaa"), ("ߒߞߏ ߞߊ߲", "Nkoo")])
def test_other_right_to_left_scripts_are_right_to_left(word, script):
    """Syriac, Thaana and N'Ko are in RTL_SCRIPTS: a block of them is rtl, a run of them in an
    English block is an rtl run (they were counted as undetermined ``Zzzz``, tagged ltr, no run)."""
    block = " ".join([word] * 8)
    tag = tag_page([block], [], None).blocks[0]
    assert (tag.script, tag.dir, tag.lang) == (script, "rtl", f"und-{script}")
    text = f"{EN[0]} {word} {EN[1]}"
    tags = tag_page([text] + EN[2:], [], None)
    assert [(text[r.start : r.end], r.dir, r.script) for r in tags.runs[0]] == [(word, "rtl", script)]
