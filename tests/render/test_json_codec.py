"""One JSON codec (issue 18 item 4): Document → JSON → Document → JSON is byte-identical, every
field survives the trip (Block.key recomputed; the page's declared lang/dir too), and Markdown and
HTML re-render from the record exactly. Every fixture, with and without comments, and a fixed
sample of the corpus (every page: ``python bench/codec_roundtrip.py``)."""

from __future__ import annotations

import dataclasses
import gzip

import pytest
from conftest import CORPUS
from goldens import cases, clean_case

import archiver
from archiver.render.codec import RecordError, document_from_dict, from_json, to_json
from archiver.render.html import document_page

SAMPLE_STEP = 24  # every 24th corpus page (~35 of 848): the full pass is in bench/


def assert_round_trip(doc: archiver.Document) -> None:
    text = to_json(doc)
    back = from_json(text)
    assert to_json(back) == text
    assert back == doc
    assert all(b.key for b in back.blocks if b.text.strip())
    assert back.to_markdown() == doc.to_markdown()
    assert document_page(back) == document_page(doc)


@pytest.mark.parametrize("case", cases(), ids=lambda c: c.name)
def test_every_fixture_round_trips(case):
    assert_round_trip(clean_case(case))


def test_the_fixtures_hold_declared_languages_and_directions():
    """The round trip above covers Metadata.page_language/page_direction: fixtures declare them."""
    declared = {(d.metadata.page_language, d.metadata.page_direction) for d in map(clean_case, cases())}
    assert {("ar", "rtl"), ("en", "ltr")} <= declared


def test_the_pages_declared_language_and_direction_are_in_the_record():
    doc = archiver.clean(
        '<html lang="ar-EG" dir="rtl"><body><article><h1>T</h1><p>'
        + "A paragraph of the article text. " * 8
        + "</p></article></body></html>"
    )
    record = doc.to_dict()
    assert (record["declared_language"], record["declared_direction"]) == ("ar", "rtl")
    assert record["page_language"] == "ar" and record["language"] == "en"
    back = from_json(to_json(doc)).metadata
    assert (back.page_language, back.page_direction) == ("ar", "rtl")


def test_a_page_that_declares_nothing_writes_no_declared_fields():
    doc = archiver.clean(
        "<html><body><article><h1>T</h1><p>" + "Plain words here. " * 8 + "</p></article></body></html>"
    )
    assert doc.metadata.page_language is None and doc.metadata.page_direction is None
    record = doc.to_dict()
    assert "declared_language" not in record and "declared_direction" not in record
    assert_round_trip(doc)


def test_comments_round_trip():
    page = (
        "<html lang=en><body><article><h1>Title</h1><p>"
        + "A paragraph of the article text. " * 8
        + "</p></article><section id=comments><div class=comment><p>"
        + "A reader wrote this comment. " * 4
        + "</p></div></section></body></html>"
    )
    doc = archiver.clean(page, config=archiver.Config(comments=True))
    assert doc.comments
    assert_round_trip(doc)


def _corpus_sample() -> list:
    return sorted(CORPUS.glob("*/*/source.html.gz"))[::SAMPLE_STEP]


@pytest.mark.skipif(not CORPUS.is_dir(), reason="no shared corpus on this machine")
@pytest.mark.parametrize("path", _corpus_sample(), ids=lambda p: p.parent.name)
def test_corpus_sample_round_trips(path):
    assert_round_trip(archiver.clean(gzip.decompress(path.read_bytes())))


def test_markdown_and_html_differ_if_key_fields_were_dropped():
    """The test above can fail: a reader that lost a block's marks would re-render differently."""
    doc = archiver.clean(
        "<html><body><article><h1>T</h1><p>Some <b>bold</b> words and "
        + "more plain words here. " * 8
        + "</p></article></body></html>"
    )
    assert any(b.marks for b in doc.blocks)
    lossy = dataclasses.replace(doc, blocks=tuple(dataclasses.replace(b, marks=()) for b in doc.blocks))
    assert lossy.to_markdown() != doc.to_markdown()


@pytest.mark.parametrize(
    "value",
    [
        [],
        "x",
        None,
        {"id": "a"},
        {"id": "a", "blocks": [{"id": "b1"}]},
        {"id": "a", "blocks": "nope"},
        {"id": "a", "source": 5},
    ],
)
def test_not_a_record_is_a_record_error(value):
    with pytest.raises(RecordError):
        document_from_dict(value)


def test_invalid_json_is_a_record_error():
    with pytest.raises(RecordError):
        from_json("[" * 100_000)
    with pytest.raises(RecordError):
        from_json(b"\xff")
