"""The reading copy an archivist can cite (issue 14 item 8): a header with URL, canonical URL,
capture date, site, authors and dates (readable, in the document's language, ISO in ``<time>``),
links to the record's JSON and Markdown; labels in the document's language and direction;
per-script font stacks; an index naming the organisation with counts per language and site."""

from __future__ import annotations

import dataclasses
import re

import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page
from test_html_reading_copy import Tags

import archiver
from archiver.archive.bag import BagOptions, make_bag
from archiver.archive.verify import verify_bag
from archiver.render.html import CSS, Row, document_page, index_pages
from archiver.render.labels import LABELS, MONTHS, labels_for, readable_date


def _doc(paragraphs, lang, title, **meta):
    src = page(title, paragraphs, lang=lang, date="2024-03-05T10:30:00+03:00", site="Portal News")
    doc = archiver.clean(src, url="https://example.org/news/1")
    md = dataclasses.replace(
        doc.metadata,
        canonical_url="https://example.org/canonical/1",
        authors=meta.get("authors", ()),
        modified="2024-03-06",
    )
    return dataclasses.replace(
        doc, metadata=md, source=dataclasses.replace(doc.source, captured="2024-03-07T08:00:00Z")
    )


@pytest.fixture(scope="module")
def arabic():
    return _doc([FILLER_AR, FILLER_AR], "ar", "تقرير عن الشركات والتقنية", authors=("محمد علي",))


@pytest.fixture(scope="module")
def english():
    return _doc([FILLER_EN, FILLER_EN], "en", "A report on companies", authors=("Jane Roe",))


def _header(out: str) -> str:
    m = re.search(r"<header\b.*?</header>", out, re.S)
    assert m, "no <header> in the reading copy"
    return m.group(0)


def test_header_cites_url_canonical_capture_and_record_files(arabic):
    assert arabic.language == "ar" and arabic.direction == "rtl"
    head = _header(document_page(arabic))
    tags = Tags(head).tags
    hrefs = [a["href"] for t, a in tags if t == "a"]
    assert hrefs == [
        "https://example.org/news/1",
        "https://example.org/canonical/1",
        f"../json/{arabic.id}.json",
        f"../markdown/{arabic.id}.md",
    ]
    times = [a["datetime"] for t, a in tags if t == "time"]
    assert times == ["2024-03-05T10:30:00+03:00", "2024-03-06", "2024-03-07T08:00:00Z"]
    text = "".join(Tags(head).text)
    assert "محمد علي" in text and "Portal News" in text
    no_md = document_page(arabic, markdown=False)
    assert f"../markdown/{arabic.id}.md" not in no_md and f"../json/{arabic.id}.json" in no_md


def test_labels_and_dates_in_the_documents_language_and_direction(arabic, english):
    ar_head, en_head = _header(document_page(arabic)), _header(document_page(english))
    assert Tags(ar_head).tags[0] == ("header", {"class": "cite", "lang": "ar", "dir": "rtl"})
    assert Tags(en_head).tags[0] == ("header", {"class": "cite", "lang": "en", "dir": "ltr"})
    for key in ("url", "canonical", "captured", "site", "authors", "published", "modified", "record"):
        assert f"<dt>{LABELS['ar'][key]}</dt>" in ar_head and f"<dt>{LABELS['en'][key]}</dt>" in en_head
    assert ">5 مارس 2024، 10:30 (UTC+03:00)</time>" in ar_head and ">6 مارس 2024</time>" in ar_head
    assert ">5 March 2024, 10:30 (UTC+03:00)</time>" in en_head
    assert ">7 March 2024, 08:00 (UTC)</time>" in en_head
    assert "Published" not in ar_head and "March" not in ar_head
    assert "time { white-space: nowrap; }" in CSS


def test_unknown_language_falls_back_to_english_and_says_so(english):
    de = dataclasses.replace(english, language="de")
    assert labels_for("de") == ("en", "ltr", LABELS["en"])
    assert Tags(_header(document_page(de))).tags[0][1]["lang"] == "en"
    assert labels_for("fa-IR")[:2] == ("fa", "rtl") and labels_for("ur")[:2] == ("ur", "rtl")


@pytest.mark.parametrize(
    "value, lang, want",
    [
        ("2024-12-31", "fr", "31 décembre 2024"),
        ("2024-01", "ur", f"{MONTHS['ur'][0]} 2024"),
        ("2024-02-29T23:59", "fa", f"29 {MONTHS['fa'][1]} 2024، 23:59"),
        ("yesterday", "en", "yesterday"),
        ("2024-13-01", "ar", "2024-13-01"),
    ],
)
def test_readable_dates(value, lang, want):
    assert readable_date(value, lang) == want


def test_latin_text_does_not_take_an_arabic_font_first():
    body = re.search(r"^body \{ font-family: ([^;]+);", CSS, re.M).group(1)
    assert "Arabic" not in body.split(",")[0]
    ltr = re.search(r"\[dir=ltr\][^{]*\{\s*font-family: ([^;]+);", CSS).group(1)
    rtl = re.search(r"\[dir=rtl\][^{]*\{\s*font-family: ([^;]+);", CSS).group(1)
    assert "Arabic" not in ltr.split(",")[0] and "Arabic" in rtl.split(",")[0]
    assert CSS.index("[dir=ltr]") > CSS.index("[dir=rtl]")  # an ltr run in an rtl block: Latin wins


def test_index_names_the_organisation_and_counts_languages_and_sites():
    rows = [
        Row("a", "2024-01-02", "ar", "Site A", "a.html", "rtl"),
        Row("b", "", "ar", "Site B", "b.html", "rtl"),
        Row("c", "2023-05-06", "en", "Site A", "c.html", "ltr"),
    ]
    pages = index_pages(rows, organisation="Example <Archive>")
    for name, out in pages.items():
        assert "Source organisation: <strong" in out and "Example &lt;Archive&gt;" in out, name
        counts = re.search(r"Documents per language</h2>(.*?)</ul>", out, re.S).group(1)
        assert re.findall(r">(\w+)</span>: (\d+)", counts) == [("ar", "2"), ("en", "1")]
        sites = re.search(r"Documents per site</h2>(.*?)</ul>", out, re.S).group(1)
        assert re.findall(r">([\w ]+)</span>: (\d+)", sites) == [("Site A", "2"), ("Site B", "1")]
    assert '<time datetime="2024-01-02">2 January 2024</time>' in pages["index.html"]
    assert "Source organisation" not in index_pages(rows)["index.html"]


def test_bag_pages_carry_the_organisation_and_verify_rederives_them(tmp_path):
    out = tmp_path / "export"
    out.mkdir()
    (doc,) = export(out, [page("تقرير عن الشركات", [FILLER_AR, FILLER_AR])])
    make_bag(out, BagOptions(source_organization="Example Archive"))
    index = (out / "data" / "html" / "index.html").read_text("utf-8")
    assert "Example Archive" in index
    reading = (out / "data" / "html" / f"{doc.id}.html").read_text("utf-8")
    assert f'href="../json/{doc.id}.json"' in reading and (out / "data" / "json" / f"{doc.id}.json").is_file()
    assert f'href="../markdown/{doc.id}.md"' in reading
    assert (out / "data" / "markdown" / f"{doc.id}.md").is_file()
    assert verify_bag(out).problems == ()


def test_a_hostile_canonical_url_is_shown_but_never_a_link(english):
    md = dataclasses.replace(english.metadata, canonical_url="javascript:alert(1)")
    head = _header(document_page(dataclasses.replace(english, metadata=md)))
    hrefs = [a["href"] for t, a in Tags(head).tags if t == "a"]
    assert not any(h.lower().startswith("javascript") for h in hrefs) and "javascript:alert(1)" in head
