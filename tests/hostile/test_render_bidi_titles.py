"""Bidi controls in titles (issue 16 item 10): embeddings, overrides and isolates (U+202A–202E,
U+2066–2069) never reach a title, a site name or an author, so index.jsonl, `show` and `search`
never print them; the article text keeps its own repairs (logged on the block)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from archiver import clean

ROOT = Path(__file__).resolve().parents[2]
CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
PROSE = "<p>A paragraph of the article about gardens that is long enough to read as prose, with words.</p>"


def _page(title: str) -> str:
    return (
        f'<html><head><title>{title}</title><meta property="og:title" content="{title}">'
        '<meta name="author" content="Ali \u202eHasan\u202c">'
        '<meta property="og:site_name" content="The \u2067Site">'
        f"</head><body><article><h1>{title}</h1>{PROSE * 4}</article></body></html>"
    )


TITLES = [
    "Gardens \u202eof\u202c the city",
    "\u202eGardens of the city",
    "Gardens \u2066of\u2069 the \u202bcity\u202c",
    "\u202dGardens\u202c \u2068of the city\u2069\u202a",
]


@pytest.mark.parametrize("title", TITLES)
def test_title_site_name_and_authors_hold_no_bidi_control(title):
    doc = clean(_page(title))
    assert doc.title == "Gardens of the city"
    labels = [doc.title, doc.metadata.title, doc.metadata.site_name, *doc.metadata.authors]
    assert all(label and not any(c in label for c in CONTROLS) for label in labels), labels
    assert doc.metadata.authors == ("Ali Hasan",) and doc.metadata.site_name == "The Site"


def test_text_dump_title_holds_no_bidi_control():
    doc = clean(
        "Gardens \u202eof\u202c the city\n\n" + "A paragraph of the dump about gardens, long enough. " * 3,
        kind="text",
    )
    assert doc.title == "Gardens of the city"


def test_index_show_and_search_print_no_bidi_control(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n, title in enumerate(TITLES):
        (src / f"p{n}.html").write_text(_page(title).replace("gardens", f"gardens number{n}"), "utf-8")
    out = tmp_path / "out"
    run = lambda *args: subprocess.run(
        [sys.executable, "-m", "archiver", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
    )
    assert run("clean", str(src), "-o", str(out), "-q", "--parallel", "0").returncode == 0
    index = (out / "index.jsonl").read_text("utf-8")
    assert len(index.splitlines()) == len(TITLES)
    printed = [index]
    for line in index.splitlines():
        printed.append(run("show", str(out), "--id", json.loads(line)["id"], "--bidi", "off").stdout)
    assert run("index", str(out)).returncode == 0
    found = run("search", str(out), "gardens")
    assert found.returncode == 0 and "Gardens" in found.stdout
    printed.append(found.stdout)
    printed.append(run("search", "--json", str(out), "gardens").stdout)
    for text in printed:
        assert "Gardens" in text and not any(c in text for c in CONTROLS)
    for text in printed[1:-2]:
        assert "Ali Hasan" in text or "Gardens of the city" in text
