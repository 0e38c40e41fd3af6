"""Issue 16 item 10, display side: control characters and bidi overrides from page text (or a
forged record) are shown visibly by ``show`` and ``search``, never acted on by the terminal.

U+202E (RIGHT-TO-LEFT OVERRIDE) turns the text after it around: a title 'invoice<RLO>fdp.exe'
displays as 'invoiceexe.pdf'. The record keeps what the page held; the display names the control."""

from __future__ import annotations

import dataclasses
import json

import pytest
from archive_attacks import cli
from archivekit import FILLER_EN, page

import archiver
from archiver.archive.index import build_index
from archiver.run.output import append_line, index_record, write_document

REORDERING = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
TITLE = "Harbour invoice\u202efdp.exe \x1b]0;pwned\x07 \u2067news\u2069"


@pytest.fixture()
def export(tmp_path):
    doc = archiver.clean(page("Harbour news", [f"{FILLER_EN} Boats came back.", FILLER_EN], lang="en"))
    first = dataclasses.replace(
        doc.blocks[0], text=doc.blocks[0].text.replace("Boats", "Boats \u202eyaw\u202c")
    )
    doc = dataclasses.replace(doc, title=TITLE, blocks=(first, *doc.blocks[1:]))
    write_document(doc, tmp_path, ("md", "json"))
    append_line(tmp_path / "index.jsonl", index_record(doc, "page.html", [f"{doc.id}.md", f"{doc.id}.json"]))
    return tmp_path, doc


def _clean(output):
    assert not any(c in output for c in REORDERING + "\x1b\x07"), ascii(output)


def test_search_shows_bidi_controls_and_terminal_codes_visibly(export):
    out, _ = export
    build_index(out)
    done = cli("search", out, "boats")
    assert done.returncode == 0, done.stderr
    _clean(done.stdout)
    assert "invoice<U+202E>fdp.exe" in done.stdout and "<U+2067>news<U+2069>" in done.stdout
    assert "[Boats] <U+202E>yaw<U+202C> came back" in done.stdout
    as_json = cli("search", out, "boats", "--json")
    assert json.loads(as_json.stdout.splitlines()[0])["title"] == TITLE  # data stays what the record holds


@pytest.mark.parametrize("bidi", ["off", "on"])
def test_show_shows_bidi_controls_visibly(export, bidi):
    out, doc = export
    done = cli("show", out / f"{doc.id}.json", f"--bidi={bidi}", "--width", "200")
    assert done.returncode == 0, done.stderr
    _clean(done.stdout)
    assert "<U+202E>" in done.stdout and "<U+2067>" in done.stdout


def test_show_list_shows_titles_visibly(export):
    out, _ = export
    done = cli("show", out, "--list")
    assert done.returncode == 0, done.stderr
    _clean(done.stdout)
    assert "invoice<U+202E>fdp.exe" in done.stdout
