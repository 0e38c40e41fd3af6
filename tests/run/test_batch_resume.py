from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batchkit import corpus_pages, input_dir, lines, page, tree_bytes
from conftest import CORPUS, ROOT

from archiver.run.batch import RunOptions, run_batch
from archiver.run.worker import Job
from archiver.sources.resolve import iter_tasks


def clean_cmd(src, out, *extra):
    return [sys.executable, "-m", "archiver", "clean", str(src), "-o", str(out), "-q", *extra]


def children(pid):
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def alive(pid):
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


def every_input_once(src, out):
    inputs = sorted(str(p) for p in src.iterdir() if not p.name.startswith("."))
    index = [r["source"] for r in lines(out / "index.jsonl")]
    errors = [r["source"] for r in lines(out / "errors.jsonl")]
    assert len(index) == len(set(index)), "index.jsonl holds an input twice"
    assert sorted(index + errors) == inputs, "every input exactly once in index ∪ errors"


@pytest.mark.skipif(
    not CORPUS.is_dir(), reason="../shared/corpus is absent (the kill test reads 60 real pages)"
)
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc to find the workers")
def test_kill_9_mid_run_then_rerun_equals_an_uninterrupted_run(tmp_path):
    src = tmp_path / "pages"
    src.mkdir()
    pages = corpus_pages(58)
    assert len(pages) >= 40
    for n, data in enumerate(pages):
        (src / f"{n:03d}.html").write_bytes(data)
    (src / "empty.html").write_bytes(b"")
    (src / "binary.html").write_bytes(b"\x00\x01" * 500)
    clean, killed = tmp_path / "clean", tmp_path / "killed"
    assert subprocess.run(clean_cmd(src, clean, "--parallel", "2"), cwd=ROOT).returncode == 1

    proc = subprocess.Popen(clean_cmd(src, killed, "--parallel", "2"), cwd=ROOT)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and len(lines(killed / "index.jsonl")) < 12:
        time.sleep(0.02)
    workers = children(proc.pid)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    done_before = len(lines(killed / "index.jsonl"))
    assert 12 <= done_before < len(pages), "the kill must land mid-run"
    assert len(workers) == 2
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and any(alive(pid) for pid in workers):
        time.sleep(0.05)
    assert not any(alive(pid) for pid in workers), "orphaned workers must exit when their parent dies"

    assert subprocess.run(clean_cmd(src, killed, "--parallel", "2"), cwd=ROOT).returncode == 1
    run = json.loads((killed / "run.json").read_text("utf-8"))
    assert run["counters"]["skipped_done"] >= done_before and run["resumed"] is True
    assert tree_bytes(killed) == tree_bytes(clean)
    every_input_once(src, killed)
    every_input_once(src, clean)


def test_rerun_skips_done_retries_errors_and_force_redoes_all(tmp_path):
    src = input_dir(tmp_path, 5, "late.html")
    out = tmp_path / "out"
    first = run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0))
    assert (first.exported, first.failures) == (5, 1)
    (src / "late.html").write_text(page(99), "utf-8")  # the failed input is fixed
    second = run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0))
    assert (second.seen, second.skipped_done, second.exported, second.failures) == (6, 5, 1, 0)
    assert second.seen == second.skipped_done + second.exported + second.no_article + second.failures
    names = [os.path.basename(r["source"]) for r in lines(out / "index.jsonl")]
    assert names == sorted(names) == ["late.html", "p0.html", "p1.html", "p2.html", "p3.html", "p4.html"]
    assert lines(out / "errors.jsonl") == []
    third = run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0, force=True))
    assert (third.skipped_done, third.exported) == (0, 6)
    assert len(lines(out / "index.jsonl")) == 6


def test_a_torn_last_line_and_stale_temp_files_are_recovered(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(4):
        (src / f"p{i}.html").write_text(page(i), "utf-8")
    ref, out = tmp_path / "ref", tmp_path / "out"
    run_batch(iter_tasks([str(src)]), Job(str(ref)), RunOptions(parallel=0))
    run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0))
    index = (out / "index.jsonl").read_bytes().splitlines(keepends=True)
    (out / "index.jsonl").write_bytes(index[1] + index[3] + index[0][:25])  # out of order, torn
    (out / ".abc.json.123.tmp").write_bytes(b"half")
    summary = run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0))
    assert (summary.skipped_done, summary.exported) == (2, 2)
    assert tree_bytes(out) == tree_bytes(ref)


def test_file_names_that_are_not_utf8_are_exported_and_resumed(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for n, name in enumerate((b"\xff\xfe.html", b"ok.html")):
        (Path(os.fsdecode(bytes(src))) / os.fsdecode(name)).write_text(page(n), "utf-8")
    (src / os.fsdecode(b"bad\xe9.html")).write_bytes(b"")  # an error record with the odd name
    ref, out = tmp_path / "ref", tmp_path / "out"
    run_batch(iter_tasks([str(src)]), Job(str(ref)), RunOptions(parallel=0))
    keys = [r["source"] for r in lines(ref / "index.jsonl")] + [
        r["source"] for r in lines(ref / "errors.jsonl")
    ]
    assert sorted(keys) == sorted(
        str(p) for p in src.iterdir()
    )  # read back as the same (surrogate-escaped) names
    run_batch(iter_tasks([str(src / "ok.html")]), Job(str(out)), RunOptions(parallel=0))
    summary = run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0))
    assert (summary.seen, summary.skipped_done, summary.exported, summary.failures) == (3, 1, 1, 1)
    assert tree_bytes(out) == tree_bytes(ref)
    again = run_batch(iter_tasks([str(src)]), Job(str(out)), RunOptions(parallel=0))
    assert again.skipped_done == 2 and tree_bytes(out) == tree_bytes(ref)
