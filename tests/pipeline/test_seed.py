"""The first acceptance test (issue 2): the seed dump cleaned right."""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT, SEED

import archiver

CHROME = ["التعليقات", "الأكثر قراءة", "أهم المواضيع", "أهم التصنيفات"]


def _seed_paragraphs() -> list[str]:
    lines = [ln.strip() for ln in SEED.read_text("utf-8").splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("The “defeat” of ISIS"))
    end = next(i for i, ln in enumerate(lines) if ln.endswith("keep ISIS alive long into the future."))
    return lines[start : end + 1]


def test_cli_prints_markdown_with_english_front_matter():
    out = subprocess.run(
        [sys.executable, "-m", "archiver", "clean", str(SEED.relative_to(ROOT))],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    front, body = out.split("\n---\n", 1)
    assert 'lang: "en"' in front.splitlines()
    title = "ISIS is not beaten – our devil’s bargain with Iran has ensured it will flourish"
    assert out.count(title) == 1 and f"title: {json.dumps(title, ensure_ascii=False)}" in front
    paragraphs = [p for p in body.strip().split("\n\n")]
    assert paragraphs == _seed_paragraphs()
    assert len(paragraphs) == 17
    for s in CHROME:
        assert s not in out
    assert "0" not in [ln.strip() for ln in out.splitlines()]


def test_json_lists_the_five_chrome_lines(validate):
    doc = archiver.clean_file(SEED)
    record = doc.to_dict()
    validate(record)
    assert record["page_language"] == "ar" and record["language"] == "en"
    removed = record["removed"]
    assert (removed[0]["text"], removed[0]["reason"]) == (record["title"], "title-repeated")
    removed = removed[1:]  # the headline's repeat, then the chrome
    assert [r["text"] for r in removed] == [
        "التعليقات (0)",
        "0",
        "الأكثر قراءة",
        "💡 أهم المواضيع",
        "✨ أهم التصنيفات",
    ]
    for r in removed:
        assert r["reason"]
        if r["text"] == "0":
            assert r["lang"] == "zxx"
        else:
            assert (r["lang"], r["dir"]) == ("ar", "rtl")
    assert all(b["lang"] == "en" and b["dir"] == "ltr" for b in record["blocks"])


def test_reproducible_bytes():
    a = archiver.clean_file(SEED)
    b = archiver.clean_file(SEED)
    assert a.to_json() == b.to_json() and a.to_markdown() == b.to_markdown()


def _dump_variant(text: str) -> str:
    """The seed with its chrome lines moved above the headline (a scraper that flattened the
    portal's widgets before the article)."""
    lines = text.splitlines()
    chrome = [
        ln
        for ln in lines
        if ln.strip() in {"التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع", "✨ أهم التصنيفات"}
    ]
    rest = [ln for ln in lines if ln not in chrome]
    return "\n".join(chrome + [""] + rest)


def test_chrome_above_the_headline_is_removed_and_the_headline_stays_the_title():
    doc = archiver.clean(_dump_variant(SEED.read_text("utf-8")))
    assert doc.title == "ISIS is not beaten – our devil’s bargain with Iran has ensured it will flourish"
    assert [b.text for b in doc.blocks] == _seed_paragraphs()
    assert [r.text for r in doc.removed] == [
        "التعليقات (0)",
        "0",
        "الأكثر قراءة",
        "💡 أهم المواضيع",
        "✨ أهم التصنيفات",
        doc.title,  # the headline's repeat, below the chrome as in the dump
    ]
    assert doc.removed[-1].reason == "title-repeated"


def test_seed_read_as_str_with_its_byte_order_mark_is_the_seed():
    """A file read without "utf-8-sig" keeps U+FEFF before the headline: the repeated headline
    must still be dropped as a repeat, not kept as a paragraph."""
    plain = archiver.clean(SEED.read_text("utf-8"))
    with_bom = archiver.clean("\ufeff" + SEED.read_text("utf-8"))
    assert with_bom.title == plain.title
    assert [b.text for b in with_bom.blocks] == [b.text for b in plain.blocks] == _seed_paragraphs()


def test_a_dump_that_names_html_tags_in_its_prose_is_still_a_dump():
    paragraphs = [
        "In HTML the <p> tag opens a paragraph and </p> closes it, as every manual says.",
        "The <div> and <span> tags are generic containers with no meaning of their own.",
    ]
    doc = archiver.clean("Notes on markup\n\n" + "\n\n".join(paragraphs))
    assert doc.processing["kind"] == "text"
    assert (doc.title, [b.text for b in doc.blocks]) == ("Notes on markup", paragraphs)
    fragment = archiver.clean("<p>" + paragraphs[0] + "</p>\n<p>" + paragraphs[1] + "</p>")
    assert fragment.processing["kind"] == "html"


def test_a_short_paragraph_led_by_an_emoji_is_a_sentence_not_a_widget_title():
    text = SEED.read_text("utf-8")
    start = text.index("The “defeat” of ISIS")
    lead = "🔴 The Islamic State has claimed the attack."
    doc = archiver.clean(text[:start] + lead + "\n\n" + text[start:])
    assert [b.text for b in doc.blocks] == [lead] + _seed_paragraphs()
    assert lead not in [r.text for r in doc.removed]
