"""The labelled case table of issue 4: (original, damage, expected repairs, expected tags).

Each row holds the text as the author wrote it and a named damage that produces what a scraper
may actually hand us (``none`` for text that must come out untouched). The test damages the
original, runs the normalize stage, and checks the text comes back exactly, with exactly the
expected repairs logged, then tags the result as a one-block page and checks the language,
direction and inline runs. The damages are made with independent tools (codecs, python-bidi's
reference algorithm, arabic-reshaper), not with the repair code.
"""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from archiver.lang.assign import tag_page
from archiver.text.normalize import fix_text

RLO, PDF, LRE = "\u202e", "\u202c", "\u202a"


def _reshape(text: str) -> str:
    """Presentation forms as arabic-reshaper makes them (harakat kept: a lossless reshaping)."""
    from arabic_reshaper import ArabicReshaper

    return ArabicReshaper(configuration={"delete_harakat": False}).reshape(text)


def _visual(text: str) -> str:
    """Reshape into presentation forms, then lay out for display: how legacy pages stored Arabic."""
    from bidi.algorithm import get_display

    return get_display(_reshape(text), base_dir="R")


DAMAGES = {
    "none": lambda s: s,
    "cp1256": lambda s: s.encode("utf-8").decode("cp1256"),
    "double-utf8": lambda s: _cp1252(_cp1252(s).encode("utf-8").decode("utf-8")),
    "cp1252": lambda s: _cp1252(s),
    "iso-8859-6": lambda s: "".join(_iso(b) for b in s.encode("utf-8")),
    "visual": _visual,
    "reshaped": lambda s: _reshape(s),
    "lone-rlo": lambda s: RLO + s,
    "stray-pdf": lambda s: s + PDF,
    "lone-lre": lambda s: s[:5] + LRE + s[5:],
    "bom": lambda s: "\ufeff" + s,
    "c1": lambda s: s.replace("’", "\x92"),
    "c0": lambda s: (
        s.replace(" ", " \x1b", 1).replace(" ", "\x07 ", 1) + "\x7f"
    ),  # ESC, BEL, DEL from a bad scrape
}


def _cp1252(text: str) -> str:
    """UTF-8 bytes read as windows-1252 (ftfy's sloppy codec: undefined bytes pass through)."""
    import ftfy.bad_codecs  # noqa: F401  (registers "sloppy-windows-1252")

    return text.encode("utf-8").decode("sloppy-windows-1252")


def _iso(byte: int) -> str:
    try:
        return bytes([byte]).decode("iso8859_6")
    except UnicodeDecodeError:
        return chr(byte)  # undefined bytes pass through, as lenient decoders do


@dataclass(frozen=True)
class Case:
    name: str
    original: str
    damage: str
    repairs: tuple[str, ...]
    lang: str
    dir: str
    runs: tuple[tuple[str, str, str], ...] = ()  # (run text, lang, dir)
    page_lang: str | None = None


CASES = [
    Case(
        "arabic sentence that begins with a Latin word",
        "GDP ارتفع الناتج المحلي الإجمالي في مصر بنسبة كبيرة خلال العام الماضي",
        "none",
        (),
        "ar",
        "rtl",
        (("GDP", "en", "ltr"),),
    ),
    Case(
        "25% after Arabic", "ارتفعت الأسعار بنسبة 25% خلال الشهر الماضي في العاصمة", "none", (), "ar", "rtl"
    ),
    Case(
        "Persian with ZWNJ survives",
        "می‌خواهم به خانه بروم و کتاب‌ها را بخوانم، این کتاب‌ها تازه‌اند.",
        "none",
        (),
        "fa",
        "rtl",
    ),
    Case("ﷺ survives", "قال النبي محمد ﷺ إن الدين النصيحة لله ولرسوله", "none", (), "ar", "rtl"),
    Case(
        "English curly quotes and dashes survive",
        "“It’s a fair deal — mostly,” she said; the 1990s–2000s were ‘different’.",
        "none",
        (),
        "en",
        "ltr",
    ),
    Case(
        "tatweel, harakat and NBSP survive",
        "العـــربية لُغَةٌ جَمِيلَةٌ\u00a0جداً يتحدثها الملايين",
        "none",
        (),
        "ar",
        "rtl",
    ),
    Case(
        "Arabic title with an English brand name",
        "سامسونج تكشف عن Galaxy S24 في حفل كبير بالعاصمة",
        "none",
        (),
        "ar",
        "rtl",
        (("Galaxy S24", "en", "ltr"),),
        "ar",
    ),
    Case(
        "visual-order line with brackets and numbers",
        "قال (رئيس) البنك إن النمو بلغ 25% في عام 2020 مقابل 3.5 سابقا.",
        "visual",
        ("visual-order", "presentation-forms"),
        "ar",
        "rtl",
    ),
    Case(
        "visual-order line with Latin inside",
        "أعلنت شركة Apple عن جهاز iPhone 15 [الجديد] بسعر 999 دولارا.",
        "visual",
        ("visual-order", "presentation-forms"),
        "ar",
        "rtl",
        (("Apple", "en", "ltr"), ("iPhone 15", "en", "ltr")),
    ),
    Case(
        "reshaped (presentation forms) in logical order",
        "الأخبار العاجلة من العاصمة اليوم",
        "reshaped",
        ("presentation-forms",),
        "ar",
        "rtl",
    ),
    Case(
        "double-encoded UTF-8",
        "Café owners say the “new rules” are unfair to small businesses",
        "double-utf8",
        ("mojibake:latin",),
        "en",
        "ltr",
    ),
    Case(
        "UTF-8 Arabic read as windows-1252",
        "النص العربي الكامل للمقال المنشور اليوم",
        "cp1252",
        ("mojibake:latin",),
        "ar",
        "rtl",
    ),
    Case(
        "windows-1256 mojibake",
        "النص العربي الكامل للمقال المنشور اليوم في الصحيفة",
        "cp1256",
        ("mojibake:cp1256",),
        "ar",
        "rtl",
    ),
    Case(
        "ISO-8859-6 mojibake",
        "قالت الحكومة إن الاقتصاد ينمو بسرعة، وفق التقرير",
        "iso-8859-6",
        ("mojibake:iso-8859-6",),
        "ar",
        "rtl",
    ),
    Case(
        "a lone RLO",
        "The committee approved the budget for next year",
        "lone-rlo",
        ("bidi-override:RLO",),
        "en",
        "ltr",
    ),
    Case(
        "a stray PDF",
        "وافقت اللجنة على ميزانية العام المقبل بالإجماع",
        "stray-pdf",
        ("bidi-controls",),
        "ar",
        "rtl",
    ),
    Case(
        "an unclosed LRE",
        "وافقت اللجنة على ميزانية العام المقبل بالإجماع",
        "lone-lre",
        ("bidi-controls",),
        "ar",
        "rtl",
    ),
    Case(
        "a stray BOM", "Ministers met in the capital on Tuesday morning", "bom", ("stray-bom",), "en", "ltr"
    ),
    Case(
        "C1 control for a cp1252 apostrophe",
        "The minister’s statement was read aloud in parliament",
        "c1",
        ("c1-controls",),
        "en",
        "ltr",
    ),
    Case(
        "C0 controls a terminal would act on",
        "The minister’s statement was read aloud in parliament",
        "c0",
        ("c0-controls",),
        "en",
        "ltr",
    ),
    Case(
        "C0 controls in Arabic text",
        "وافقت اللجنة على ميزانية العام المقبل بالإجماع",
        "c0",
        ("c0-controls",),
        "ar",
        "rtl",
    ),
    Case("Urdu", "پاکستان کی حکومت نے نئے بجٹ کا اعلان کیا ہے", "none", (), "ur", "rtl"),
    Case(
        "French",
        "Le gouvernement a annoncé de nouvelles mesures économiques hier soir.",
        "none",
        (),
        "fr",
        "ltr",
    ),
    Case("a comment counter is not language", "(0)", "none", (), "zxx", "rtl", (), "ar"),
]


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_repair_round_trips(case: Case) -> None:
    damaged = DAMAGES[case.damage](case.original)
    if case.damage != "none":
        assert damaged != case.original, "the damage must change the text"
    fixed, repairs = fix_text(damaged)
    assert fixed == case.original
    assert repairs == case.repairs


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_tags(case: Case) -> None:
    tags = tag_page([case.original], [], case.page_lang)
    tag = tags.blocks[0]
    assert (tag.lang, tag.dir) == (case.lang, case.dir)
    got = tuple((case.original[r.start : r.end], r.lang, r.dir) for r in tags.runs[0])
    assert got == case.runs


def test_repairs_through_the_pipeline_keep_text_raw():
    from archiver.model import RawPage, Source
    from archiver.pipeline import process

    visual = CASES[7].original
    cp1256 = CASES[12].original
    paragraphs = [
        DAMAGES["visual"](visual),
        DAMAGES["cp1256"](cp1256),
        "نص عربي سليم لا يحتاج إلى أي إصلاح على الإطلاق في هذه الفقرة الطويلة نسبيا.",
    ]
    page = (
        '<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>t</title></head><body><article>'
        + "".join(f"<p>{p}</p>" for p in paragraphs)
        + "</article></body></html>"
    )
    doc = process(RawPage(page.encode("utf-8"), Source(kind="html")))
    by_text = {b.text: b for b in doc.blocks}
    assert by_text[visual].text_raw == paragraphs[0]
    assert by_text[visual].repairs == ("visual-order", "presentation-forms")
    assert by_text[cp1256].text_raw == paragraphs[1] and by_text[cp1256].repairs == ("mojibake:cp1256",)
    clean = by_text[paragraphs[2]]
    assert clean.text_raw is None and clean.repairs == ()


def test_arabic_page_title_with_an_english_brand_name_end_to_end():
    from archiver.model import RawPage, Source
    from archiver.pipeline import process

    title = "سامسونج تكشف عن Galaxy S24 في حفل كبير بالعاصمة"
    sub = "ما الجديد في Galaxy S24 هذا العام"
    body = (
        "أعلنت الشركة الكورية عن هاتفها الجديد خلال حفل أقيم مساء أمس بحضور عدد كبير من الصحفيين "
        "والمهتمين بالتقنية، وقالت إن الهاتف سيطرح في الأسواق العربية الشهر المقبل بأسعار تنافسية."
    )
    page = (
        f'<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>{title}</title></head><body>'
        f"<article><h1>{title}</h1><p>{body}</p><h2>{sub}</h2><p>{body}</p></article></body></html>"
    )
    doc = process(RawPage(page.encode("utf-8"), Source(kind="html")))
    assert doc.title == title and (doc.language, doc.direction) == ("ar", "rtl")
    heading = next(b for b in doc.blocks if b.role == "heading")
    assert (heading.text, heading.lang, heading.dir, heading.repairs) == (sub, "ar", "rtl", ())
    assert [(heading.text[r.start : r.end], r.lang, r.dir) for r in heading.runs] == [
        ("Galaxy S24", "en", "ltr")
    ]
    md = doc.to_markdown()
    assert f'title: "{title}"' in md  # the title is stored as written, JSON-quoted in the front matter
    assert '## ما الجديد في <span dir="ltr" lang="en">Galaxy S24</span> هذا العام' in md
