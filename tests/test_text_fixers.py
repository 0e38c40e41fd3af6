"""The fixer registry and the guards that keep genuine text untouched."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from archiver.text import fixers
from archiver.text.bidi_repair import (
    display,
    fix_presentation_forms,
    fix_visual_order,
    looks_visual,
    unpaired_controls,
    unvisual_line,
)
from archiver.text.normalize import fix_text, normalize_pieces

LRE, RLE, PDF, LRO, RLO, LRI, RLI, PDI = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2069"


def test_registry_order_is_fixed_and_documented():
    names = [name for name, _ in fixers.FIXERS]
    assert names == [
        "stray-bom",
        "mojibake:cp1256",
        "mojibake:iso-8859-6",
        "mojibake:latin",
        "c1-controls",
        "c0-controls",
        "bidi-override:RLO",
        "bidi-override:LRO",
        "bidi-controls",
        "visual-order",
        "presentation-forms",
        "nfc",
    ]
    source = Path(fixers.__file__).read_text(encoding="utf-8")
    for name in names:
        assert f'"{name}"' in source


@pytest.mark.parametrize("name,fixer", fixers.FIXERS)
def test_every_fixer_is_pure_and_idempotent_on_clean_text(name, fixer):
    for text in ("", "plain ASCII", "مرحبا بكم", "می‌خواهم", "“quoted” — ok", "ﷺ ﷻ ﷽"):
        assert fixer(text) == text


@pytest.mark.parametrize(
    "text,bad",
    [
        (f"{RLE}نص{PDF}", set()),
        (f"{LRI}abc{PDI}", set()),
        (f"{RLO}abc", {0}),
        (f"abc{PDF}", {3}),
        (f"{LRE}a{RLE}b{PDF}", {0}),
        (f"{RLI}a{LRE}b{PDI}", {2}),  # a PDI closes the embedding opened inside its isolate
        (f"{RLE}a\nb{PDF}", {0, 4}),  # pairs do not cross lines
        (f"{PDI}x", {0}),
    ],
)
def test_unpaired_controls(text, bad):
    assert unpaired_controls(text) == bad


def test_paired_controls_are_kept_and_overrides_flagged_only_when_dropped():
    paired = f"قال {RLO}abc{PDF} ثم"
    assert fix_text(paired) == (paired, ())
    assert fix_text(f"{LRO}abc def") == ("abc def", ("bidi-override:LRO",))


def test_presentation_forms_only_those_ranges():
    assert fix_presentation_forms("ﻣﺮﺣﺒﺎ\u00a0ﷺ ①") == "مرحبا\u00a0ﷺ ①"  # NBSP, ﷺ, ① untouched
    shaped = "ﷲ ﺍﻛﺒﺮ"  # a shaper's ALLAH ligature in reshaped text
    assert fix_presentation_forms(shaped) == "الله اكبر"
    assert fix_presentation_forms("الله ﷲ") == "الله ﷲ"  # an author's ligature in plain text stays
    assert fix_presentation_forms("ﻻَ") == "لَا"  # the lam's vowel goes back before the alef


@pytest.mark.parametrize(
    "logical",
    [
        "قال (رئيس) البنك إن النمو بلغ 25% في عام 2020 مقابل 3.5 سابقا.",
        "أعلنت شركة Apple عن جهاز iPhone 15 [الجديد] بسعر 999 دولارا.",
        "نسبة ٢٥٪ من السكان في المدينة الكبيرة",
    ],
)
def test_display_then_unvisual_round_trips(logical):
    shown = display(logical, "R")
    assert shown != logical
    assert unvisual_line(shown, "R") == logical


def test_an_ltr_block_with_an_arabic_phrase_stored_visually():
    logical = "The minister said «السلام عليكم ورحمة الله وبركاته» in his speech."
    shown = display(logical, "L")
    assert fix_visual_order(shown) == logical


@pytest.mark.parametrize(
    "text",
    [
        "أولا، مثلا، فعلا: ثلاث كلمات تنتهي بلا في نص عربي سليم تماما وفيه الكثير من الكلمات.",
        "ما تصمیم گرفتیم تعطیلات تابستان را در کنار دریای خزر بگذرانیم و بالا برویم.",
        "قیمت طلا و کالا بالا رفت.",
        "پاکستان کی حکومت نے نئے بجٹ کا اعلان کیا ہے۔",
    ],
)
def test_genuine_text_is_not_taken_for_visual_order(text):
    assert not looks_visual(text)
    assert fix_text(text) == (unicodedata.normalize("NFC", text), ())


def test_mojibake_guards_leave_genuine_arabic_alone():
    # ط and ظ and ع are ordinary letters: dense in real text, still never "repaired"
    text = "ظل الطالب يطالع الظواهر الطبيعية في الطقس طوال الظهيرة مع عطاء ظاهر"
    assert fix_text(text) == (text, ())


def test_normalize_pieces_unions_repairs_in_fixer_order():
    norm = normalize_pieces([RLO + "abc ", "\ufeffdef"])
    assert norm.pieces == ("abc ", "def")
    assert norm.repairs == ("bidi-override:RLO", "stray-bom")
