"""Item 9 of issue 16: a full disk or a read-only ``-o`` is a clear one-line error, not a
traceback; no torn half line at the end of index.jsonl/errors.jsonl; run.json is written on the
way out; the rerun resumes to the same directory an uninterrupted run gives."""

from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from batchkit import page, tree_bytes
from conftest import ROOT

from archiver.run import output
from archiver.run.batch import RunOptions, run_batch
from archiver.run.output import WriteFailure
from archiver.run.worker import Job
from archiver.sources.resolve import iter_tasks

INLINE = RunOptions(parallel=0, quiet=True)


def pages(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"p{i}.html").write_text(page(i), "utf-8")
    (src / "empty1.html").write_bytes(b"")
    (src / "empty2.html").write_bytes(b"")
    return src


def run(src: Path, out: Path):
    return run_batch(iter_tasks([str(src)]), Job(str(out), timeout=0), INLINE)


def whole_lines(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert not raw or raw.endswith(b"\n"), f"torn last line in {path.name}: {raw[-40:]!r}"
    return [json.loads(line) for line in raw.splitlines()]


def balanced(out: Path) -> dict:
    c = json.loads((out / "run.json").read_text("utf-8"))["counters"]
    assert c["seen"] == c["skipped_done"] + c["exported"] + c["no_article"] + sum(c["failed"].values()), c
    return c


@pytest.fixture()
def reference(tmp_path):
    src = pages(tmp_path)
    run(src, tmp_path / "ref")
    return src, tree_bytes(tmp_path / "ref")


@pytest.mark.parametrize("nth", [2, 5])  # errors.jsonl (the empty pages come first), index.jsonl
def test_disk_full_while_appending_a_line_leaves_no_torn_line(tmp_path, monkeypatch, reference, nth):
    src, ref = reference
    real_write, calls = os.write, []

    def full(fd, data):
        calls.append(len(data))
        if len(calls) == nth:
            real_write(fd, data[: len(data) // 2])  # half a line reaches the disk, then it is full
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(fd, data)

    monkeypatch.setattr(output.os, "write", full)
    out = tmp_path / "out"
    with pytest.raises(WriteFailure, match="No space left on device"):
        run(src, out)
    monkeypatch.setattr(output.os, "write", real_write)
    whole_lines(out / "index.jsonl"), whole_lines(out / "errors.jsonl")
    assert balanced(out)["seen"] == nth - 1
    run(src, out)  # the rerun resumes
    assert tree_bytes(out) == ref


def test_disk_full_while_writing_a_document_stops_the_run(tmp_path, monkeypatch, reference):
    src, ref = reference
    real, calls = output.atomic_write, []

    def full(path, data, sync=True):
        calls.append(path)
        if len(calls) == 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real(path, data, sync)

    monkeypatch.setattr(output, "atomic_write", full)
    out = tmp_path / "out"
    with pytest.raises(WriteFailure, match="No space left on device"):
        run(src, out)
    monkeypatch.setattr(output, "atomic_write", real)
    errors = whole_lines(out / "errors.jsonl")  # the disk's fault is no input's error record
    assert [e["stage"] for e in errors] == ["read", "read"]
    assert balanced(out)["exported"] == 2
    run(src, out)
    assert tree_bytes(out) == ref


INJECT = textwrap.dedent("""
    import errno, os, sys
    from archiver.run import output
    real = os.open
    def refuse(path, flags, *a, **k):
        if flags & (os.O_WRONLY | os.O_RDWR):
            raise OSError(errno.{code}, os.strerror(errno.{code}), str(path))
        return real(path, flags, *a, **k)
    output.os.open = refuse
    from archiver.cli import main
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.parametrize("code", ["EROFS", "ENOSPC", "EACCES"])
def test_the_command_says_it_in_one_line_and_exits_non_zero(tmp_path, code):
    src = pages(tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    r = subprocess.run(
        [
            sys.executable,
            "-c",
            INJECT.format(code=code),
            "clean",
            str(src),
            "-o",
            str(out),
            "-q",
            "--parallel",
            "0",
        ],
        cwd=ROOT,
        capture_output=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    err = r.stderr.decode()
    assert r.returncode not in (0, 1) and "Traceback" not in err, err
    assert len(err.strip().splitlines()) == 1 and err.startswith("archiver: error:"), err
    assert os.strerror(getattr(errno, code)) in err


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only (0555) directory anyway")
def test_an_existing_read_only_output_directory(tmp_path):
    src = pages(tmp_path)
    out = tmp_path / "out"
    run(src, out)
    (src / "new.html").write_text(page(9), "utf-8")
    os.chmod(out, 0o555)
    try:
        r = subprocess.run(
            [sys.executable, "-m", "archiver", "clean", str(src), "-o", str(out), "-q"],
            cwd=ROOT,
            capture_output=True,
        )
    finally:
        os.chmod(out, 0o755)
    err = r.stderr.decode()
    assert r.returncode not in (0, 1) and "Traceback" not in err and err.startswith("archiver: error:"), err
