"""Item 10 of issue 16 (SIGTERM/SIGHUP): treated like Ctrl-C. The workers stop without
tracebacks, one line says what happened, run.json is written with balanced counters, and the
rerun resumes to the directory an uninterrupted run gives."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchkit import lines, page, tree_bytes
from conftest import ROOT

PROSE = "A sentence of the article that goes on for a while, with words enough to read as prose. "


def pages(tmp_path: Path, count: int = 40) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(count):
        (src / f"p{i:02d}.html").write_text(page(i, extra=PROSE * 200 + str(i)), "utf-8")
    (src / "empty.html").write_bytes(b"")
    return src


def clean(src: Path, out: Path, parallel: str) -> list[str]:
    return [sys.executable, "-m", "archiver", "clean", str(src), "-o", str(out), "--parallel", parallel]


@pytest.mark.parametrize(
    "signum,parallel", [(signal.SIGTERM, "2"), (signal.SIGHUP, "2"), (signal.SIGTERM, "0")]
)
def test_a_signal_mid_run_stops_cleanly_and_the_rerun_resumes(tmp_path, signum, parallel):
    src = pages(tmp_path)
    ref = tmp_path / "ref"
    assert subprocess.run(clean(src, ref, parallel) + ["-q"], cwd=ROOT, capture_output=True).returncode == 1
    out = tmp_path / "out"
    proc = subprocess.Popen(
        clean(src, out, parallel),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 60
    while len(lines(out / "index.jsonl")) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    err = err.decode()
    assert proc.returncode == 128 + signum, err
    assert "Traceback" not in err and "Error" not in err, err
    name = signal.Signals(signum).name
    assert (
        err.strip().splitlines()[-1] == f"archiver: stopped by {name}; run the same command again to resume"
    )
    run = json.loads((out / "run.json").read_text("utf-8"))
    c = run["counters"]
    assert run["stopped"] == name
    assert c["seen"] == c["skipped_done"] + c["exported"] + c["no_article"] + sum(c["failed"].values())
    assert c["seen"] < 41, "the run was meant to be stopped mid-way"
    assert c["exported"] + c["no_article"] == len(lines(out / "index.jsonl"))
    r = subprocess.run(clean(src, out, parallel) + ["-q"], cwd=ROOT, capture_output=True)
    assert r.returncode == 1, r.stderr
    assert tree_bytes(out) == tree_bytes(ref)
