"""search_key: DESIGN.md §4 right-hand column, as a labelled table."""

from __future__ import annotations

import pytest

from archiver.text.searchkey import search_key

CASES = [
    # (input, lang, expected key, why)
    ("الْعَرَبِيَّةُ", "ar", "العربيه", "harakat removed, ة → ه"),
    ("العـــربية", "ar", "العربيه", "tatweel removed"),
    ("أحمد إلى آخر", "ar", "احمد الي اخر", "alef/hamza variants, ى → ي"),
    ("مسئول مؤتمر", "ar", "مسيول موتمر", "hamza carriers folded"),
    ("می\u200cخواهم کتاب", "fa", "ميخواهم كتاب", "ZWNJ joins; Persian ی/ک fold to Arabic letters"),
    ("٢٥٪ و۱۴۰۲", "ar", "25% و1402", "Arabic-Indic and Persian digits, percent sign"),
    ("نعم، لا؛ لماذا؟", "ar", "نعم, لا; لماذا?", "Arabic punctuation folded"),
    ("\u202bنص\u202c \u200fمعلم\u200e", "ar", "نص معلم", "bidi controls and marks stripped"),
    ("\ufeffa\u00a0b  \t c", "en", "a b c", "BOM stripped, NBSP and whitespace runs collapse"),
    ("ﻣﺮﺣﺒﺎ ﻻ", "ar", "مرحبا لا", "presentation forms through NFKC"),
    ("محمد ﷺ", "ar", "محمد صلي الله عليه وسلم", "NFKC on the key only"),
    ("The “GDP” – Straße", "en", "the “gdp” – strasse", "case-fold; quotes and dashes kept"),
    ("پاکستان ہے", "ur", "پاكستان ہے", "Urdu keeps heh goal and yeh barree"),
    ("پاکستان ہے", "ar", "پاكستان هي", "other languages fold them"),
]


@pytest.mark.parametrize("text,lang,expected,why", CASES, ids=[c[3] for c in CASES])
def test_search_key_table(text: str, lang: str, expected: str, why: str) -> None:
    assert search_key(text, lang) == expected


@pytest.mark.parametrize("text,lang,expected,why", CASES, ids=[c[3] for c in CASES])
def test_search_key_is_idempotent(text: str, lang: str, expected: str, why: str) -> None:
    once = search_key(text, lang)
    assert search_key(once, lang) == once


def test_variant_spellings_meet() -> None:
    assert search_key("إسْلَامِيَّة", "ar") == search_key("اسلاميه", "ar")
    assert search_key("یکی", "fa") == search_key("يكي", "ar")


def test_lang_may_be_missing() -> None:
    assert search_key("مرحبا", None) == search_key("مرحبا", "und") == "مرحبا"
