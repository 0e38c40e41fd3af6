"""``archiver show``: terminal display of a record; shaping and reordering only when asked."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from conftest import ROOT

from archiver.cli import main
from archiver.render.terminal import (
    TerminalOptions,
    display_width,
    render_terminal,
    visual_line,
    wants_bidi,
    wrap,
)

AR_PAGE = ROOT / "fixtures" / "ar_article_inline_en" / "input.html"
EN_PAGE = ROOT / "fixtures" / "portal_en_oped_utf8" / "input.html"
PRESENTATION = range(0xFB50, 0xFEFF)


@pytest.fixture(scope="module")
def export(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("export")
    assert main(["clean", str(AR_PAGE), str(EN_PAGE), "-o", str(out), "-q"]) == 0
    return out


def _records(export: Path) -> dict[str, dict]:
    recs = [json.loads(p.read_text("utf-8")) for p in export.glob("*.json") if p.name != "run.json"]
    return {r["language"]: r for r in recs if "blocks" in r}


def _run(capsys, argv: list[str]) -> tuple[int, str, str]:
    code = main(argv)
    out, err = capsys.readouterr()
    return code, out, err


def test_show_a_record_with_bidi_off_prints_logical_text(export, capsys):
    rec = _records(export)["ar"]
    code, out, _ = _run(capsys, ["show", str(export / f"{rec['id']}.json"), "--bidi=off", "--width", "60"])
    assert code == 0
    head = out.split("\n=")[0]
    assert head.replace("\n", " ") == rec["title"]  # the title, wrapped to the width
    assert "[ar]" in out and "[en]" not in out.split("\n\n", 1)[0]
    words = rec["blocks"][1]["text"].split()
    assert " ".join(words[:3]) in out  # logical order, unshaped
    assert not any(ord(ch) in PRESENTATION for ch in out)


def test_show_with_bidi_on_shapes_and_reorders_line_by_line(export, capsys):
    rec = _records(export)["ar"]
    code, out, _ = _run(capsys, ["show", str(export / f"{rec['id']}.json"), "--bidi=on", "--width", "60"])
    assert code == 0
    assert any(ord(ch) in PRESENTATION for ch in out)
    body = out.split("\n\n", 1)[1]
    assert all(display_width(line) <= 60 for line in body.splitlines())
    # the record on disk is untouched: still logical, unshaped text
    stored = json.loads((export / f"{rec['id']}.json").read_text("utf-8"))
    assert not any(ord(ch) in PRESENTATION for b in stored["blocks"] for ch in b["text"])


def test_an_export_directory_needs_an_id_when_it_holds_several(export, capsys):
    code, _, err = _run(capsys, ["show", str(export)])
    assert code == 1 and "--id" in err
    code, out, _ = _run(capsys, ["show", str(export), "--list"])
    ids = [line.split("\t")[0] for line in out.splitlines()]
    assert code == 0 and len(ids) == 2
    en = _records(export)["en"]
    code, out, _ = _run(capsys, ["show", str(export), "--id", en["id"], "--bidi=off"])
    assert code == 0 and out.startswith(en["title"])
    code, _, err = _run(capsys, ["show", str(export), "--id", "nope"])
    assert code == 1 and "nope" in err


def test_a_directory_with_one_document_shows_it(tmp_path, capsys):
    assert main(["clean", str(EN_PAGE), "-o", str(tmp_path), "-q"]) == 0
    code, out, _ = _run(capsys, ["show", str(tmp_path), "--bidi=off"])
    assert code == 0 and "[en]" in out


def test_missing_and_bad_files_fail_with_one_line(tmp_path, capsys):
    bad = tmp_path / "x.json"
    bad.write_text("{not json", "utf-8")
    for target in (tmp_path / "absent.json", bad):
        code, _, err = _run(capsys, ["show", str(target)])
        assert code == 1 and err.count("\n") == 1


@pytest.mark.parametrize(
    "mode,env,tty,expected",
    [
        ("on", {}, False, True),
        ("off", {}, True, False),
        ("auto", {"ARCHIVER_BIDI": "on"}, False, True),
        ("auto", {"ARCHIVER_BIDI": "off"}, True, False),
        ("auto", {}, False, False),
        ("auto", {"TERM": "xterm-256color"}, True, True),
        ("auto", {"VTE_VERSION": "7200"}, True, False),
        ("auto", {"KONSOLE_VERSION": "230800"}, True, False),
    ],
)
def test_auto_bidi_decides_from_terminal_and_env(mode, env, tty, expected):
    class Stream(io.StringIO):
        def isatty(self) -> bool:
            return tty

    assert wants_bidi(mode, Stream(), env) is expected


def test_wrap_first_then_shape_each_line():
    text = "قال المدير إن الشركة ستفتح فرعا جديدا في المدينة خلال العام المقبل"
    lines = wrap(text, 20)
    assert len(lines) > 1 and " ".join(lines) == text
    shaped = [visual_line(line, rtl=True) for line in lines]
    # each shaped line holds the same letters as its logical line (reordering stays within the line)
    import unicodedata

    for logical, shown in zip(lines, shaped):
        assert shown != logical
        assert sorted(unicodedata.normalize("NFKC", shown).replace(" ", "")) == sorted(
            logical.replace(" ", "")
        )


def test_brackets_are_mirrored_and_latin_kept_in_display():
    shown = visual_line("قال (المدير) إن Apple ربحت", rtl=True)
    assert "Apple" in shown
    assert shown.index("(") < shown.index(")")


def test_render_terminal_labels_every_block():
    rec = {
        "title": "T",
        "language": "en",
        "direction": "ltr",
        "page_language": "ar",
        "blocks": [
            {"role": "heading", "level": 2, "text": "Head", "lang": "en", "dir": "ltr"},
            {"role": "paragraph", "text": "مرحبا بكم", "lang": "ar", "dir": "rtl"},
            {"role": "paragraph", "text": "(0)", "lang": "zxx", "dir": "ltr"},
        ],
    }
    out = render_terminal(rec, TerminalOptions(width=40, bidi=False))
    assert "[en]  ## Head" in out and "[ar]  مرحبا بكم" in out and "[zxx] (0)" in out


def test_show_makes_control_characters_visible_instead_of_acting_on_them():
    record = {
        "title": "Title \x1b]0;pwned\x07",
        "url": "https://example.org/\x9b31m",
        "language": "en",
        "direction": "ltr",
        "blocks": [
            {
                "role": "paragraph",
                "text": "Text\x1b[2J here\tand\x7f",
                "lang": "en",
                "dir": "ltr",
                "script": "Latn",
            }
        ],
    }
    out = render_terminal(record, TerminalOptions(width=60))
    assert not any(ch in out for ch in "\x1b\x07\x9b\x7f")
    assert (
        "Title \u241b]0;pwned\u2407" in out and "\ufffd31m" in out and "\u241b[2J" in out and "\u2421" in out
    )
