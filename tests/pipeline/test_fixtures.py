"""Golden tests over fixtures/: byte-identical outputs, schema-valid JSON, and each case's own
must-contain / must-not-contain / status / language expectations (case.json)."""

from __future__ import annotations

import json

import pytest
from goldens import cases, clean_case, spec

CASES = cases()
IDS = [c.name for c in CASES]


@pytest.fixture(scope="module")
def cleaned():
    return {c.name: clean_case(c) for c in CASES}


def test_there_are_enough_fixtures():
    assert len(CASES) >= 12


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_expectations(case, cleaned):
    s = spec(case)
    doc = cleaned[case.name]
    assert doc.status == s.get("status", "ok")
    text = doc.text
    for needle in s.get("must_contain", []):
        assert needle in text, f"missing article text: {needle!r}"
    for needle in s.get("must_not_contain", []):
        assert needle not in text, f"chrome leaked into the article: {needle!r}"
        assert needle not in doc.to_markdown().split("\n---\n", 1)[-1], f"chrome in Markdown: {needle!r}"
    if s.get("status", "ok") == "ok":
        assert doc.language == s["language"]
        if s.get("title"):
            assert doc.title == s["title"]
    if s.get("page_language"):
        assert doc.page_language == s["page_language"]


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_goldens_byte_identical(case, cleaned, validate):
    doc = cleaned[case.name]
    validate(json.loads(doc.to_json()))
    assert (case / "expected.json").read_text("utf-8") == doc.to_json(), (
        "run: python tests/goldens.py " + case.name
    )
    assert (case / "expected.md").read_text("utf-8") == doc.to_markdown(), (
        "run: python tests/goldens.py " + case.name
    )


def test_portal_encodings_give_the_same_article(cleaned):
    variants = [n for n in cleaned if n.startswith("portal_en_oped_")]
    assert len(variants) >= 3
    texts = {n: cleaned[n].text for n in variants}
    assert len(set(texts.values())) == 1, {n: len(t) for n, t in texts.items()}
