"""Item 5 of issue 16: ``--timeout`` bounds parse, extract and render in every --parallel mode.

lxml's parser is C: a signal cannot stop it, so a page of many attributes ran far past the limit
with ``--parallel 0``; rendering ran outside the timer in every mode.
"""

from __future__ import annotations

import subprocess
import sys
import time

import pytest
from batchkit import lines, page
from conftest import ROOT

from archiver.run import worker
from archiver.run.worker import Job, work
from archiver.sources.base import Task

TIMEOUT = 1.0


def slow_page(attributes: int = 80_000) -> str:
    """One element with many attributes: libxml2's parser takes quadratic time on it (≈15 s here)."""
    attrs = " ".join(f'a{i}="v"' for i in range(attributes))
    return page(1).replace("<article>", f"<article><div {attrs}>x</div>")


def timed(*args) -> tuple[float, subprocess.CompletedProcess]:
    t0 = time.monotonic()
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "clean", *map(str, args), "-q"], cwd=ROOT, capture_output=True
    )
    return time.monotonic() - t0, r


@pytest.mark.parametrize("parallel", ["0", "1"])
def test_a_page_stuck_in_the_parser_is_one_timeout_record_within_the_limit(tmp_path, parallel):
    src = tmp_path / "in"
    src.mkdir()
    (src / "ok.html").write_text(page(2), "utf-8")
    base, r = timed(src, "-o", tmp_path / "base", "--parallel", parallel, "--timeout", TIMEOUT)
    assert r.returncode == 0, r.stderr  # start-up and one small page: what the slow page adds is measured
    (src / "slow.html").write_text(slow_page(), "utf-8")
    out = tmp_path / "out"
    wall, r = timed(src, "-o", out, "--parallel", parallel, "--timeout", TIMEOUT)
    assert r.returncode == 1, r.stderr
    errors = lines(out / "errors.jsonl")
    assert [(e["source"], e["stage"]) for e in errors] == [(str(src / "slow.html"), "timeout")]
    assert [e["source"] for e in lines(out / "index.jsonl")] == [str(src / "ok.html")]
    assert wall - base <= TIMEOUT + 2 + 1.5, f"{wall - base:.1f} s for one page at --timeout {TIMEOUT}"


def test_rendering_is_inside_the_time_limit(tmp_path, monkeypatch):
    """A renderer that runs long (quadratic on some page shape) is cut by the same timer."""

    def slow_render(doc, fmt):
        time.sleep(5)
        return ""

    monkeypatch.setattr(worker, "render", slow_render)
    (tmp_path / "p.html").write_text(page(3), "utf-8")
    t0 = time.monotonic()
    outcome = work(
        Task(str(tmp_path / "p.html"), path=str(tmp_path / "p.html")), Job(str(tmp_path / "out"), timeout=0.5)
    )
    assert time.monotonic() - t0 < 3
    assert outcome.status == "failed" and outcome.record["stage"] == "timeout"
    assert not list((tmp_path / "out").glob("*.md")) if (tmp_path / "out").exists() else True
