"""The first acceptance test (issue 2): the seed dump cleaned right."""
from __future__ import annotations

import json
import subprocess
import sys

import archiver
from conftest import ROOT, SEED

CHROME = ["التعليقات", "الأكثر قراءة", "أهم المواضيع", "أهم التصنيفات"]


def _seed_paragraphs() -> list[str]:
    lines = [ln.strip() for ln in SEED.read_text("utf-8").splitlines() if ln.strip()]
    start = next(i for i, ln in enumerate(lines) if ln.startswith("The “defeat” of ISIS"))
    end = next(i for i, ln in enumerate(lines) if ln.endswith("keep ISIS alive long into the future."))
    return lines[start:end + 1]


def test_cli_prints_markdown_with_english_front_matter():
    out = subprocess.run([sys.executable, "-m", "archiver", "clean", str(SEED.relative_to(ROOT))],
                         cwd=ROOT, capture_output=True, text=True, check=True).stdout
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
    assert [r["text"] for r in removed] == ["التعليقات (0)", "0", "الأكثر قراءة", "💡 أهم المواضيع", "✨ أهم التصنيفات"]
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
