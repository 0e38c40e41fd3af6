from __future__ import annotations

import subprocess
import sys

import pytest
from batchkit import input_dir, lines, page, tree_bytes
from conftest import ROOT

from archiver.run.batch import RunOptions, run_batch
from archiver.run.merge import merge
from archiver.run.shards import Shard, shard_of
from archiver.run.worker import Job
from archiver.sources.resolve import iter_tasks


def test_shards_split_every_key_exactly_once_and_stably():
    keys = [f"dir/page{i}.html" for i in range(300)] + [f"a.warc.gz#{i * 977}" for i in range(100)]
    owners = [[k for k in keys if Shard(i, 4).owns(k)] for i in range(4)]
    assert sorted(k for part in owners for k in part) == sorted(keys)
    assert all(40 < len(part) < 160 for part in owners)  # roughly even
    assert shard_of("dir/page7.html", 4) == shard_of("dir/page7.html", 4)
    assert Shard(0, 1).owns("anything")
    with pytest.raises(ValueError):
        Shard(3, 3)


def test_sharded_runs_merged_equal_one_run(tmp_path):
    src = input_dir(tmp_path, 15, "bad.html", name="p{i:02d}.html")
    whole = tmp_path / "whole"
    run_batch(iter_tasks([str(src)]), Job(str(whole)), RunOptions(parallel=0))
    shard_dirs = []
    for i in range(3):
        d = tmp_path / f"shard{i}"
        s = run_batch(iter_tasks([str(src)]), Job(str(d)), RunOptions(parallel=0, shard=Shard(i, 3)))
        assert s.seen == len([k for k in map(str, sorted(src.iterdir())) if shard_of(k, 3) == i])
        shard_dirs.append(d)
    merged = tmp_path / "merged"
    summary = merge(merged, shard_dirs)
    assert (summary.documents, summary.errors) == (15, 1)
    a, b = tree_bytes(whole), tree_bytes(merged)
    assert set(a) == set(b)
    for name in a:
        if name.endswith(".jsonl"):
            assert sorted(a[name].splitlines()) == sorted(b[name].splitlines())
        else:
            assert a[name] == b[name], name
    again = merge(merged, shard_dirs)  # merging again changes nothing
    assert again.files == 0 and tree_bytes(merged) == b


def test_merge_keeps_an_export_over_an_error_for_the_same_input(tmp_path):
    one, two, out = tmp_path / "one", tmp_path / "two", tmp_path / "out"
    one.mkdir()
    two.mkdir()
    (one / "errors.jsonl").write_text(
        '{"source": "x.html", "stage": "read", "reason": "no such file"}\n', "utf-8"
    )
    (two / "index.jsonl").write_text('{"id": "1", "source": "x.html", "outputs": []}\n', "utf-8")
    merge(out, [one, two])
    assert [r["source"] for r in lines(out / "index.jsonl")] == ["x.html"]
    assert lines(out / "errors.jsonl") == []


def test_cli_shards_and_merge(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i in range(6):
        (src / f"p{i}.html").write_text(page(i), "utf-8")
    for i in range(2):
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "archiver",
                "clean",
                str(src),
                "-o",
                str(tmp_path / f"s{i}"),
                "--shard-index",
                str(i),
                "--num-shards",
                "2",
                "-q",
                "--parallel",
                "1",
            ],
            cwd=ROOT,
        )
        assert r.returncode == 0
    r = subprocess.run(
        [
            sys.executable,
            "-m",
            "archiver",
            "merge",
            str(tmp_path / "all"),
            str(tmp_path / "s0"),
            str(tmp_path / "s1"),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0 and "6 documents" in r.stderr
    assert len(lines(tmp_path / "all" / "index.jsonl")) == 6
    bad = subprocess.run(
        [
            sys.executable,
            "-m",
            "archiver",
            "clean",
            str(src),
            "-o",
            str(tmp_path / "x"),
            "--shard-index",
            "2",
            "--num-shards",
            "2",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "shard" in bad.stderr
