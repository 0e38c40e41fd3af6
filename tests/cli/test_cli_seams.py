"""One CLI vocabulary: aliases, URLs for inputs, help everywhere, exit statuses, closed pipes (issue 14)."""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from archiver.archive.report import Problem
from archiver.archive.verify import VerifyReport
from archiver.cli import build_parser

PAGE = (
    "<html lang='en'><head><title>Council story</title></head><body><article><h1>Council story</h1>"
    "<p>"
    + "The council met on Monday to decide, after a long debate, what to do next. " * 6
    + "</p></article></body></html>"
)


def run(*args: object, stdout=subprocess.PIPE) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archiver", *map(str, args)],
        cwd=ROOT,
        stdout=stdout,
        stderr=subprocess.PIPE,
        text=True,
    )


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("site")
    (root / "news").mkdir()
    (root / "news" / "a b.html").write_text(PAGE, "utf-8")
    (root / "index.html").write_text(PAGE.replace("Monday", "Tuesday"), "utf-8")
    return root


@pytest.fixture(scope="module")
def indexed(site, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("out")
    assert run("clean", site, "-o", out, "-q", "--parallel", "0").returncode == 0
    assert run("index", out, "-q", "--parallel", "0").returncode == 0
    return out


def _records(out: Path) -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(out.glob("*.json")) if p.name != "run.json"]


def _subparsers(parser: argparse.ArgumentParser):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            yield from action.choices.items()


def test_every_option_of_every_command_has_help():
    missing = [
        f"{name} {action.dest}"
        for name, sub in _subparsers(build_parser())
        for action in sub._actions
        if not isinstance(action, argparse._HelpAction) and not (action.help or "").strip()
    ]
    assert missing == []


def test_search_takes_a_query_of_several_words(indexed):
    split = run("search", indexed, "council", "tuesday")
    quoted = run("search", indexed, "council tuesday")
    assert split.returncode == 0, split.stderr
    assert split.stdout == quoted.stdout and split.stdout.count("Council story") == 1


def test_parallel_and_workers_are_one_option_everywhere(site, tmp_path):
    for command in ("clean", "index"):
        sub = dict(_subparsers(build_parser()))[command]
        spellings = {s for a in sub._actions if a.dest == "parallel" for s in a.option_strings}
        assert {"--parallel", "--workers"} <= spellings, command
    assert run("clean", site, "-o", tmp_path, "-q", "--workers", "0").returncode == 0
    assert run("index", tmp_path, "-q", "--workers", "0").returncode == 0


def test_format_markdown_is_md(site):
    page = site / "index.html"
    assert run("clean", page, "--format", "markdown").stdout == run("clean", page, "--format", "md").stdout
    assert run("clean", page, "--format", "markdown,json").returncode == 0


def test_trafilatura_spellings(site, tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text(f"{site / 'index.html'}\n", "utf-8")
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("clean", "--input-dir", site, "--output-dir", a, "-q", "--parallel", "0").returncode == 0
    assert len(_records(a)) == 2
    assert run("clean", "-i", listing, "-o", b, "-q", "--parallel", "0").returncode == 0
    assert len(_records(b)) == 1


def test_url_names_the_one_input(site):
    r = run("clean", "-u", "https://example.org/n/1", site / "index.html", "--format", "json")
    assert r.returncode == 0, r.stderr
    assert json.loads(r.stdout)["url"] == "https://example.org/n/1"
    several = run("clean", "--url", "https://example.org/n/1", site, "-o", site.parent / "never")
    assert several.returncode == 2 and "--base-url" in several.stderr
    assert run("clean", "--url", "ftp://x", site / "index.html").returncode == 2


def test_base_url_gives_each_file_base_plus_its_relative_path(site, tmp_path):
    r = run("clean", site, "--base-url", "https://example.org/root", "-o", tmp_path, "-q", "--parallel", "0")
    assert r.returncode == 0, r.stderr
    assert sorted(rec["url"] for rec in _records(tmp_path)) == [
        "https://example.org/root/index.html",
        "https://example.org/root/news/a%20b.html",
    ]


def test_nothing_to_clean_exits_the_same_with_or_without_output(tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    plain, exported = run("clean", empty), run("clean", empty, "-o", tmp_path / "o1")
    assert plain.returncode == exported.returncode == 2
    assert plain.stderr == exported.stderr == "archiver: error: no input page found\n"
    assert not (tmp_path / "o1").exists()


def test_verify_summary_counts_in_words():
    one = VerifyReport(Path("x"), False, (Problem("missing", "a.json", "gone"),), {})
    assert one.lines() == ["missing: a.json: gone", "archiver: verify export x: 1 problem"]
    ok = VerifyReport(Path("x"), True, (), {"files": 1, "records": 2})
    assert ok.lines()[-1] == "archiver: verify bag x: OK (1 file, 2 records)"


def _with_closed_stdout(*args: object) -> subprocess.CompletedProcess:
    read, write = os.pipe()
    os.close(read)  # the pager has gone: every write to stdout is EPIPE
    try:
        return run(*args, stdout=write)
    finally:
        os.close(write)


@pytest.mark.parametrize("command", ["show", "search", "show-list"])
def test_a_closed_pipe_ends_quietly_with_status_0(indexed, command):
    args = {
        "show": ("show", indexed, "--id", _records(indexed)[0]["id"]),
        "search": ("search", indexed, "council"),
        "show-list": ("show", indexed, "--list"),
    }[command]
    r = _with_closed_stdout(*args)
    assert r.stderr == "" and r.returncode == 0
