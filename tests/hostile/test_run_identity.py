"""Item 4 of issue 16: one document per input, whatever the order, --parallel or shard split.

Identical bytes at two paths are two documents (each record names its own path); a file whose
name looks like a feed line is not that line; the export tree is byte-identical across runs.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from batchkit import lines, page, tree_bytes, write_jsonl
from conftest import ROOT

from archiver.model import Source, document_id


def clean(*args):
    # --include "*": the file named like a line has no page extension, so the default selection skips it
    return subprocess.run(
        [sys.executable, "-m", "archiver", "clean", *map(str, args), "-q", "--include", "*"],
        cwd=ROOT,
        capture_output=True,
    )


def corpus(tmp_path: Path) -> Path:
    """Two directories holding the same page under the same name, a feed, a file named like a line."""
    src = tmp_path / "in"
    for d in ("a", "b"):
        (src / d).mkdir(parents=True)
        (src / d / "same.html").write_text(page(1), "utf-8")
    for i in range(2, 8):
        (src / "a" / f"p{i}.html").write_text(page(i), "utf-8")
    write_jsonl(src / "feed.jsonl", [{"url": "https://example.org/9", "html": page(9)}] * 2)
    (src / "feed.jsonl:1").write_text(page(9), "utf-8")
    return src


def test_identical_bytes_at_two_paths_are_two_documents(tmp_path):
    src = corpus(tmp_path)
    out = tmp_path / "out"
    r = clean(
        src, "-o", out, "--parallel", "2", "--include", "*"
    )  # every file: "feed.jsonl:1" is no page name
    assert r.returncode == 0, r.stderr
    index = lines(out / "index.jsonl")
    keys = [rec["source"] for rec in index]
    assert len(keys) == len(set(keys)) == 11, keys  # 8 files + 2 feed lines + the file named like a line
    assert len({rec["id"] for rec in index}) == len(index)
    for rec in index:  # each document file holds its own input's path
        source = json.loads((out / f"{rec['id']}.json").read_text("utf-8"))["source"]
        assert rec["source"].startswith(source["path"])


def test_a_file_named_like_a_feed_line_is_not_that_line(tmp_path):
    src = corpus(tmp_path)
    out = tmp_path / "out"
    assert clean(src / "feed.jsonl", src / "feed.jsonl:1", "-o", out).returncode == 0
    assert clean(src / "feed.jsonl", src / "feed.jsonl:1", "-o", out).returncode == 0  # rerun: resumes
    keys = [rec["source"] for rec in lines(out / "index.jsonl")]
    assert len(keys) == len(set(keys)) == 3, keys


def test_any_order_parallel_and_shard_split_give_the_same_tree(tmp_path):
    src = corpus(tmp_path)
    names = sorted(str(p.relative_to(src)) for p in src.iterdir())
    one, two = tmp_path / "one", tmp_path / "two"
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "clean", *names, "-o", one, "-q", "--parallel", "0"],
        cwd=src,
        capture_output=True,
    )
    assert r.returncode == 0, r.stderr
    for shard in ("0", "1"):  # reversed order, two workers, two shards merged
        r = subprocess.run(
            [
                sys.executable,
                "-m",
                "archiver",
                "clean",
                *reversed(names),
                "-o",
                tmp_path / f"s{shard}",
                "-q",
                "--parallel",
                "2",
                "--shard-index",
                shard,
                "--num-shards",
                "2",
            ],
            cwd=src,
            capture_output=True,
        )
        assert r.returncode == 0, r.stderr
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "merge", two, tmp_path / "s1", tmp_path / "s0", "-q"],
        cwd=ROOT,
        capture_output=True,
    )
    assert r.returncode == 0, r.stderr
    assert tree_bytes(one) == tree_bytes(two)


def test_the_id_does_not_depend_on_how_the_root_is_spelled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    spellings = ["in/a/x.html", "./in/a/x.html", "in//a/x.html", str(tmp_path / "in" / "a" / "x.html")]
    ids = {document_id(None, "0" * 64, Source(kind="html", path=p)) for p in spellings}
    assert len(ids) == 1
    assert document_id(None, "0" * 64, Source(kind="html", path="in/b/x.html")) not in ids
    # a library call without a path keeps its content-based id
    assert document_id("https://x.org/", "0" * 64) == document_id(
        "https://x.org/", "0" * 64, Source(kind="auto")
    )
    lines_ = {document_id(None, "0" * 64, Source(kind="jsonl", path="f.jsonl", line=n)) for n in (1, 2)}
    assert len(lines_) == 2
