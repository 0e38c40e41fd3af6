from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, SEED

GOOD = (
    "<html lang='en'><head><title>Good page</title></head><body><article><h1>Good page headline</h1>"
    + "<p>"
    + "A sentence of real article prose, long enough to count. " * 8
    + "</p></article></body></html>"
)


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archiver", *args], cwd=cwd, capture_output=True, text=True)


def test_version():
    r = run("--version")
    assert r.returncode == 0 and r.stdout.startswith("archiver ")


def test_usage_errors_exit_2():
    assert run().returncode == 2
    assert run("clean").returncode == 2
    assert run("clean", "a", "b").returncode == 2  # several inputs need -o
    assert run("clean", str(SEED), "--format", "pdf").returncode == 2


def test_json_to_stdout():
    r = run("clean", str(SEED), "--format", "json")
    assert r.returncode == 0
    assert json.loads(r.stdout)["language"] == "en"


def test_bad_inputs_are_reported_and_others_still_export(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "good.html").write_text(GOOD, "utf-8")
    (src / "empty.html").write_bytes(b"")
    (src / "binary.htm").write_bytes(b"\x00\x01\x02\x03" * 100)
    unreadable = src / "locked.html"
    unreadable.write_text(GOOD, "utf-8")
    unreadable.chmod(0)
    out = tmp_path / "out"
    r = run("clean", str(src), str(tmp_path / "missing.html"), "-o", str(out))
    assert r.returncode == 1
    index = [json.loads(ln) for ln in (out / "index.jsonl").read_text("utf-8").splitlines()]
    errors = [json.loads(ln) for ln in (out / "errors.jsonl").read_text("utf-8").splitlines()]
    assert [Path(i["source"]).name for i in index] == ["good.html"] + (
        ["locked.html"] if os.geteuid() == 0 else []
    )
    reasons = {Path(e["source"]).name: e["reason"] for e in errors}
    assert "empty" in reasons["empty.html"] and "binary" in reasons["binary.htm"]
    assert "no such file" in reasons["missing.html"]
    if os.geteuid() != 0:
        assert "permission denied" in reasons["locked.html"]
    for e in errors:
        assert e["stage"] and "\n" not in e["reason"]
    for line in r.stderr.splitlines():
        assert line.startswith("archiver")
    doc = index[0]
    assert {"id", "source", "title", "language", "status", "outputs"} <= set(doc)
    for name in doc["outputs"]:
        assert (out / name).is_file()


def test_export_is_byte_identical_across_runs(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    assert run("clean", "seeds", "fixtures", "-o", str(a), "-q").returncode == 0
    assert run("clean", "seeds", "fixtures", "-o", str(b), "-q").returncode == 0
    names = sorted(p.name for p in a.iterdir() if p.name != "run.json")
    assert names == sorted(p.name for p in b.iterdir() if p.name != "run.json")
    for name in names:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.mark.parametrize("fmt", ["md", "json", "md,json"])
def test_formats(tmp_path, fmt):
    out = tmp_path / "o"
    assert run("clean", str(SEED), "-o", str(out), "--format", fmt, "-q").returncode == 0
    exts = sorted(p.suffix for p in out.glob("*.*") if p.suffix in (".md", ".json") and p.stem != "run")
    assert exts == sorted("." + f for f in fmt.split(","))


def test_verbose_lists_each_export_and_quiet_prints_nothing(tmp_path):
    loud = run("clean", str(SEED), "-o", str(tmp_path / "a"), "-v")
    assert loud.returncode == 0
    assert any(SEED.name in ln and " ok en " in ln for ln in loud.stderr.splitlines())
    quiet = run("clean", str(SEED), "-o", str(tmp_path / "b"), "-q")
    assert quiet.returncode == 0 and quiet.stderr == ""


def test_one_page_to_stdout_keeps_the_time_limit(tmp_path):
    big = tmp_path / "big.html"
    para = "<p>" + "The council met on Monday to decide, after a long debate, what to do next. " * 20 + "</p>"
    big.write_text("<html><body><article>" + para * 400 + "</article></body></html>", "utf-8")
    slow = run("clean", str(big), "--timeout", "0.01")
    assert slow.returncode == 1 and "timed out after 0.01 s" in slow.stderr and not slow.stdout
    assert run("clean", str(big), "--timeout", "0").returncode == 0
