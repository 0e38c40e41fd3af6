"""Nothing is lost silently (issue 12): over every page of ../shared/corpus, each token of the
page's visible text is in a block, in ``removed`` or in the title — also on no_article pages.

Visible text: the body's text after the invisible elements (script, style, ...) and bare ruby
readings are dropped, as the pipeline drops them. A token counts as found when it occurs in the
output's tokens or inside the output's text (a word split by markup, "<b>I</b>niciar", is one
word in a block), in the page's text as decoded or as the text fixers repair it (mojibake).
"""

from __future__ import annotations

import gzip
import re
import unicodedata
from pathlib import Path

import pytest
from lxml import etree

from archiver import clean
from archiver.decode import decode
from archiver.extract.blocks import SKIP_TAGS
from archiver.extract.parse import drop_bare_readings, parse_html
from archiver.text.normalize import fix_text

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"
_TOKEN = re.compile(r"[^\W_]+")


def _tokens(text: str) -> set[str]:
    return set(_TOKEN.findall(unicodedata.normalize("NFKC", text).casefold()))


def _visible(html: bytes) -> list[str]:
    root = parse_html(decode(html).text)
    body = root.find("body") if root.find("body") is not None else root
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    drop_bare_readings(body)
    return [t for t in body.itertext() if t.strip()]


def lost_tokens(html: bytes, url: str | None = None) -> set[str]:
    """Tokens of the page's visible text found in neither blocks, removed nor the title."""
    doc = clean(html, url=url)
    texts = [b.text for b in doc.blocks] + [b.text_raw or "" for b in doc.blocks]
    texts += [r.text for r in doc.removed] + [doc.title or ""]
    have = set().union(*(_tokens(t) for t in texts))
    blob = " ".join(unicodedata.normalize("NFKC", t).casefold() for t in texts)
    lost: set[str] = set()
    for piece in _visible(html):
        for variant in (piece, fix_text(piece)[0]):
            miss = {t for t in _tokens(variant) - have if t not in blob}
            if not miss:
                break
        else:
            lost |= miss
    return lost


def _pages():
    manifest = CORPUS / "MANIFEST.tsv"
    if not manifest.exists():
        return []
    rows = [line.split("\t")[:2] for line in manifest.read_text("utf-8").splitlines()[1:]]
    return [(s, n) for s, n in rows if not s.endswith("-fixtures")]


@pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason="../shared/corpus is absent")
def test_every_visible_token_of_every_corpus_page_is_kept_or_removed():
    import json

    bad = {}
    for source, name in _pages():
        d = CORPUS / source / name
        meta = json.loads((d / "meta.json").read_text("utf-8")) if (d / "meta.json").exists() else {}
        lost = lost_tokens(gzip.decompress((d / "source.html.gz").read_bytes()), meta.get("url"))
        if lost:
            bad[f"{source}/{name}"] = sorted(lost)[:6]
    assert not bad, f"{len(bad)} pages lose visible text: {dict(list(bad.items())[:8])}"


def test_text_written_straight_into_body_is_recorded():
    prose = "".join(
        f"<p>The minister said the plan would continue, and results would show, {i}.</p>" * 3
        for i in range(4)
    )
    html = f"<html><body>Warning: headers already sent in line 12<div>{prose}</div>tail words</body></html>"
    assert not lost_tokens(html.encode())
