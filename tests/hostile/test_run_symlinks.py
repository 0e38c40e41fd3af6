"""Item 7 of issue 16 (run and merge): a symbolic link planted in ``-o`` is never followed.

index.jsonl, errors.jsonl, run.json and <id>.md/.json that link outside (or dangle) are refused
or replaced, never written through; ``merge`` copies regular files only.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from batchkit import lines, page
from conftest import ROOT


def archiver(*args):
    return subprocess.run([sys.executable, "-m", "archiver", *map(str, args)], cwd=ROOT, capture_output=True)


def pages(tmp_path: Path) -> Path:
    src = tmp_path / "in"
    src.mkdir()
    for i in range(3):
        (src / f"p{i}.html").write_text(page(i), "utf-8")
    (src / "empty.html").write_bytes(b"")
    return src


def outside_tree(tmp_path: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in (tmp_path / "outside").iterdir()}


@pytest.fixture()
def outside(tmp_path):
    d = tmp_path / "outside"
    d.mkdir()
    (d / "victim.txt").write_text("line one\nline two\n", "utf-8")
    return d


@pytest.mark.parametrize("name", ["index.jsonl", "errors.jsonl"])
@pytest.mark.parametrize("dangling", [False, True])
def test_a_planted_index_or_errors_link_is_refused(tmp_path, outside, name, dangling):
    src, out = pages(tmp_path), tmp_path / "out"
    out.mkdir()
    target = outside / ("absent.jsonl" if dangling else "victim.txt")
    (out / name).symlink_to(target)
    before = outside_tree(tmp_path)
    r = archiver("clean", src, "-o", out, "-q", "--parallel", "0")
    assert r.returncode == 2, r.stderr
    err = r.stderr.decode()
    assert "Traceback" not in err and err.startswith("archiver: error:") and "symbolic link" in err, err
    assert len(err.strip().splitlines()) == 1
    assert outside_tree(tmp_path) == before and (out / name).is_symlink()


def test_planted_document_and_run_json_links_are_replaced_not_followed(tmp_path, outside):
    src, out = pages(tmp_path), tmp_path / "out"
    assert archiver("clean", src, "-o", tmp_path / "first", "-q", "--parallel", "0").returncode == 1
    ids = [rec["id"] for rec in lines(tmp_path / "first" / "index.jsonl")]
    out.mkdir()
    for n, doc_id in enumerate(ids):  # the attacker knows the ids: they are deterministic
        (out / f"{doc_id}.md").symlink_to(outside / "victim.txt")
        (out / f"{doc_id}.json").symlink_to(outside / f"dangling{n}.json")
    (out / "run.json").symlink_to(outside / "run.json")
    before = outside_tree(tmp_path)
    r = archiver("clean", src, "-o", out, "-q", "--parallel", "2")
    assert r.returncode == 1, r.stderr
    assert outside_tree(tmp_path) == before
    for p in out.iterdir():
        assert not p.is_symlink() and p.is_file(), p
    assert json.loads((out / "run.json").read_text("utf-8"))["counters"]["exported"] == 3


def test_merge_copies_regular_files_only(tmp_path, outside):
    src = pages(tmp_path)
    shard = tmp_path / "shard"
    assert archiver("clean", src, "-o", shard, "-q", "--parallel", "0").returncode == 1
    index = lines(shard / "index.jsonl")
    linked = shard / index[0]["outputs"][1]
    linked.unlink()
    linked.symlink_to(outside / "victim.txt")
    escaping = dict(
        index[1], outputs=["../outside/victim.txt"], source="forged"
    )  # a name that leaves the shard
    with open(shard / "index.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(escaping) + "\n")
    out = tmp_path / "merged"
    r = archiver("merge", out, shard)
    assert r.returncode == 1, r.stderr
    err = r.stderr.decode()
    assert "Traceback" not in err and "symbolic link" in err and "../outside/victim.txt" in err, err
    assert not any(p.is_symlink() for p in out.iterdir())
    assert not (out / linked.name).exists()
    assert {p.name for p in out.iterdir() if p.suffix in (".md", ".json")} == {
        n for rec in index for n in rec["outputs"]
    } - {linked.name}
    assert (outside / "victim.txt").read_text("utf-8") == "line one\nline two\n"
