"""Item 10 of issue 16 (SIGTERM/SIGHUP): treated like Ctrl-C. The workers stop without
tracebacks, one line says what happened, run.json is written with balanced counters, and the
rerun resumes to the directory an uninterrupted run gives."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchkit import lines, page, tree_bytes
from conftest import ROOT

from archiver.run.batch import RunOptions, Stopped, run_batch, stop_on_signals
from archiver.run.report import Progress
from archiver.run.worker import Job
from archiver.sources.resolve import iter_tasks

PROSE = "A sentence of the article that goes on for a while, with words enough to read as prose. "


def pages(tmp_path: Path, count: int = 60) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(count):
        (src / f"p{i:02d}.html").write_text(page(i, extra=PROSE * 200 + str(i)), "utf-8")
    (src / "empty.html").write_bytes(b"")
    return src


def clean(src: Path, out: Path, parallel: str) -> list[str]:
    return [sys.executable, "-m", "archiver", "clean", str(src), "-o", str(out), "--parallel", parallel]


def _signalled_run(cmd: list[str], index: Path, signum: int) -> tuple[subprocess.Popen, bytes]:
    """Start ``cmd``, send ``signum`` once its first page is in ``index``; its stderr."""
    proc = subprocess.Popen(
        cmd, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )
    deadline = time.monotonic() + 60
    while not lines(index) and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.02)
    proc.send_signal(signum)
    _, err = proc.communicate(timeout=30)
    return proc, err


@pytest.mark.parametrize(
    "signum,parallel", [(signal.SIGTERM, "2"), (signal.SIGHUP, "2"), (signal.SIGTERM, "0")]
)
def test_a_signal_mid_run_stops_cleanly_and_the_rerun_resumes(tmp_path, signum, parallel):
    src = pages(tmp_path)
    ref = tmp_path / "ref"
    assert subprocess.run(clean(src, ref, parallel) + ["-q"], cwd=ROOT, capture_output=True).returncode == 1
    for attempt in range(3):  # on a loaded machine the 60 pages may all be done before the signal lands
        out = tmp_path / f"out{attempt}"
        proc, err = _signalled_run(clean(src, out, parallel), out / "index.jsonl", signum)
        # 1 (or the signal's own death after the batch): the run had ended before the signal came
        if proc.returncode not in (1, -signum) or not (out / "run.json").is_file():
            break
        assert "stopped" not in json.loads((out / "run.json").read_text("utf-8"))
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
    assert c["seen"] <= 61  # 61: the signal landed while the run wound down, which must hold too
    assert c["exported"] + c["no_article"] == len(lines(out / "index.jsonl"))
    r = subprocess.run(clean(src, out, parallel) + ["-q"], cwd=ROOT, capture_output=True)
    assert r.returncode == 1, r.stderr
    assert tree_bytes(out) == tree_bytes(ref)


class _SignalOnClose(Progress):
    """A progress bar that sends this process ``signum`` while the run winds down."""

    def __init__(self, signum: int) -> None:
        super().__init__(quiet=True)
        self.signum = signum

    def close(self) -> None:
        os.kill(os.getpid(), self.signum)
        super().close()


@pytest.mark.parametrize("parallel", [0, 2])
def test_a_signal_while_the_run_winds_down_still_writes_run_json(tmp_path, parallel):
    """A signal that lands after the last page, while the workers stop, is noted and raised once
    ``run.json`` is written: before, it cut the wind-down short and the file was missing."""
    src = pages(tmp_path, count=4)
    out = tmp_path / "out"
    with pytest.raises(Stopped) as stopped, stop_on_signals():
        run_batch(
            iter_tasks([str(src)]),
            Job(str(out)),
            RunOptions(parallel=parallel),
            _SignalOnClose(signal.SIGTERM),
        )
    assert stopped.value.signum == signal.SIGTERM
    run = json.loads((out / "run.json").read_text("utf-8"))
    assert run["stopped"] == "SIGTERM"
    assert run["counters"]["seen"] == 5 == len(lines(out / "index.jsonl")) + len(lines(out / "errors.jsonl"))


def test_a_signal_in_the_site_boilerplate_first_pass_stops_with_its_line(tmp_path, monkeypatch, capsys):
    """The first pass (site boilerplate, on for -o runs of 5 pages or more) runs before the batch:
    a signal there ends with the same line and status as one in the batch, not the default death."""
    from archiver import cli
    from archiver.cli import crawl

    real = crawl.first_pass

    def signalled(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGTERM)
        return real(*args, **kwargs)

    monkeypatch.setattr(crawl, "first_pass", signalled)
    src = pages(tmp_path, count=6)
    code = cli.main(["clean", str(src), "-o", str(tmp_path / "out"), "--parallel", "0", "-q"])
    assert code == 128 + signal.SIGTERM
    assert capsys.readouterr().err.strip().splitlines()[-1] == (
        "archiver: stopped by SIGTERM; run the same command again to resume"
    )
