"""Named cut reasons (issue 18, item 1): ``removed[].reason`` is always a code of
``archiver/extract/reasons.py``, the run-time detail is its own field, the schema's enum and the
README's table are the registry, and a repeat of the title is on record."""

from __future__ import annotations

import dataclasses
import gzip
import json
import re

import pytest
from conftest import ROOT

import archiver
from archiver.extract import reasons
from archiver.model import Removed
from archiver.render.codec import document_dict

CORPUS = ROOT.parent / "shared" / "corpus"
_ARTICLE = "<p>" + "The council met on Tuesday and voted on the new budget for the coming year. " * 4 + "</p>"


def _check(removed) -> list[str]:
    """What is wrong with a document's removed records: unregistered codes, a detail on a code
    that carries none, a colon-built reason left in."""
    bad = []
    for r in removed:
        code = reasons.REGISTRY.get(r.reason)
        if code is None:
            bad.append(f"unregistered {r.reason!r}")
        elif r.detail is not None and not code.detail:
            bad.append(f"{r.reason} carries a detail {r.detail!r}")
        elif r.detail == "":
            bad.append(f"{r.reason} with an empty detail")
    return bad


def test_registry_codes_are_unique_named_and_described():
    codes = [r.code for r in reasons.REGISTRY.values()]
    assert len(codes) == len(set(codes)) and set(codes) == reasons.CODES
    for r in reasons.REGISTRY.values():
        assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", r.code), r.code
        assert r.stage and r.meaning and "|" not in r.meaning + r.detail
    assert reasons.REGISTRY["site-repeat"].detail == "<pages>/<host pages>"  # for the crawl post-pass


def test_split_gives_code_and_detail_and_refuses_an_unregistered_reason():
    assert reasons.split("class-token:nav") == ("class-token", "nav")
    assert reasons.split("outside-article:class-token:nav") == ("outside-article", "class-token:nav")
    assert reasons.split("teaser-list") == ("teaser-list", None)
    assert reasons.split(reasons.tagged(reasons.SITE_REPEAT, "12/40")) == ("site-repeat", "12/40")
    with pytest.raises(ValueError, match="unregistered"):
        reasons.split("made-up:x")


def test_schema_enum_is_the_registry():
    props = archiver.schema()["properties"]["removed"]["items"]["properties"]
    assert props["reason"]["enum"] == list(reasons.REGISTRY)
    assert (
        "detail" in props and "detail" not in archiver.schema()["properties"]["removed"]["items"]["required"]
    )


def test_readme_table_is_the_registry():
    text = (ROOT / "README.md").read_text("utf-8")
    m = re.search(r"<!-- reasons:start[^\n]*-->\n(.*?)<!-- reasons:end -->", text, re.S)
    assert m, "README.md lost its reasons table markers"
    assert m.group(1) == reasons.markdown_table()


def test_detail_is_written_after_reason_only_when_present():
    doc = archiver.clean(
        f"<html><body><nav class='menu'><a href='/'>Home</a> <a href='/w'>World</a></nav>"
        f"<article>{_ARTICLE}</article></body></html>"
    )
    d = document_dict(doc)
    tag = next(r for r in d["removed"] if r["reason"] == "tag")
    assert (
        list(tag) == ["text", "role", "reason", "detail", "lang", "dir", "script"] and tag["detail"] == "nav"
    )
    plain = document_dict(
        dataclasses.replace(doc, removed=(Removed("x", "ad", "teaser-list", "en", "ltr", "Latn"),))
    )
    assert list(plain["removed"][0]) == ["text", "role", "reason", "lang", "dir", "script"]


def test_a_repeat_of_the_title_is_recorded():
    html = (
        f"<html><head><title>Budget vote delayed again</title></head><body><article>"
        f"<h2>Budget vote delayed again</h2>{_ARTICLE}</article></body></html>"
    )
    doc = archiver.clean(html)
    assert "Budget vote delayed again" not in doc.text
    assert [(r.text, r.role, r.reason) for r in doc.removed if r.reason == "title-repeated"] == [
        ("Budget vote delayed again", "title", "title-repeated")
    ]


@pytest.mark.parametrize("case", sorted(p.name for p in (ROOT / "fixtures").iterdir() if p.is_dir()))
def test_every_fixture_reason_is_registered(case):
    golden = json.loads((ROOT / "fixtures" / case / "expected.json").read_text("utf-8"))
    removed = [Removed(r["text"], r["role"], r["reason"], detail=r.get("detail")) for r in golden["removed"]]
    assert not _check(removed)
    folder = ROOT / "fixtures" / case
    source = next(folder.glob("input.*"))
    assert not _check(archiver.clean_file(source).removed)


@pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason="../shared/corpus is absent")
def test_every_reason_on_a_corpus_sample_is_registered():
    pages = sorted(CORPUS.glob("*/*/source.html.gz"))[::17]  # a fixed sample: every 17th page
    assert len(pages) >= 40
    bad = {}
    for path in pages:
        doc = archiver.clean(gzip.decompress(path.read_bytes()), config=archiver.Config(comments=True))
        if problems := _check(doc.removed):
            bad[str(path.parent.relative_to(CORPUS))] = problems
    assert not bad
