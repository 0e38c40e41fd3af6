from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from batchkit import lines, page, write_jsonl, write_warc
from conftest import ROOT


def archiver(*args, stdin: bytes | None = None):
    return subprocess.run(
        [sys.executable, "-m", "archiver", *map(str, args)], cwd=ROOT, input=stdin, capture_output=True
    )


def counters(out):
    return json.loads((out / "run.json").read_text("utf-8"))["counters"]


def balanced(c):
    return c["seen"] == c["skipped_done"] + c["exported"] + c["no_article"] + sum(c["failed"].values())


def test_warc_with_truncated_tail_jsonl_with_bad_line_and_unreadable_file(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    recs = [(f"https://e.org/{i}", page(i).encode(), "text/html", 200) for i in range(4)]
    recs.insert(2, ("https://e.org/img.png", b"\x89PNG", "image/png", 200))
    write_warc(src / "crawl.warc.gz", recs)
    data = (src / "crawl.warc.gz").read_bytes()
    (src / "crawl.warc.gz").write_bytes(data[:-60])
    write_jsonl(
        src / "feed.jsonl", [{"html": page(10), "url": "https://e.org/10"}, "{oops", {"html": page(11)}]
    )
    (src / "page.html").write_text(page(20), "utf-8")
    os.symlink(src / "gone.html", src / "dangling.html")
    out = tmp_path / "out"
    r = archiver("clean", src, "-o", out, "--parallel", "2")
    assert r.returncode == 1
    c = counters(out)
    assert balanced(c) and c["skipped_records"] == {"not_html": 1}
    assert (c["seen"], c["exported"], c["failed"]) == (3 + 1 + 3 + 1 + 1, 6, {"read": 3})
    errors = {e["source"].removeprefix(f"{src}/"): e for e in lines(out / "errors.jsonl")}
    assert set(errors) >= {"feed.jsonl/:2", "dangling.html"}
    assert any(k.startswith("crawl.warc.gz/#") for k in errors)
    docs = [json.loads((out / i["outputs"][1]).read_text("utf-8")) for i in lines(out / "index.jsonl")]
    warc = [d["source"] for d in docs if d["source"]["kind"] == "warc"]
    assert len(warc) == 3 and all(s["record_id"] and s["captured"] and s["offset"] >= 0 for s in warc)
    jl = [d["source"] for d in docs if d["source"]["kind"] == "jsonl"]
    assert [s["line"] for s in jl] == [1, 3] and jl[0]["url"] == "https://e.org/10"
    summary = r.stderr.decode().strip().splitlines()[-1]
    assert summary.startswith("archiver: 9 seen, 6 exported") and "1 non-page records skipped" in summary


def test_validates_against_the_schema(tmp_path, validate):
    write_warc(tmp_path / "a.warc", [("https://e.org/1", page(1).encode(), "text/html", 200)], gz=False)
    out = tmp_path / "out"
    assert archiver("clean", tmp_path / "a.warc", "-o", out, "--format", "json", "-q").returncode == 0
    (rec,) = lines(out / "index.jsonl")
    validate(json.loads((out / rec["outputs"][0]).read_text("utf-8")))


def test_stdin_input_list_and_globs(tmp_path):
    for i in range(3):
        (tmp_path / f"g{i}.html").write_text(page(i), "utf-8")
    r = archiver("clean", "-", "--format", "json", stdin=page(7).encode())
    assert r.returncode == 0 and json.loads(r.stdout)["title"] == "Story number 7"
    listing = tmp_path / "list.txt"
    listing.write_text(f"{tmp_path / 'g0.html'}\n# comment\n{tmp_path / 'g2.html'}\n", "utf-8")
    out = tmp_path / "o1"
    assert archiver("clean", "--input-list", listing, "-o", out, "-q").returncode == 0
    assert [i["source"][-7:] for i in lines(out / "index.jsonl")] == ["g0.html", "g2.html"]
    out = tmp_path / "o2"
    assert archiver("clean", tmp_path / "g*.html", "-o", out, "-q", "--parallel", "0").returncode == 0
    assert len(lines(out / "index.jsonl")) == 3
    assert archiver("clean", "--input-list", listing, "-").returncode == 2  # several inputs, no -o


def test_jsonl_keys_from_the_command_line(tmp_path):
    write_jsonl(tmp_path / "f.jsonl", [{"body": page(1), "link": "https://e.org/x"}])
    r = archiver(
        "clean",
        tmp_path / "f.jsonl",
        "--jsonl-html-key",
        "body",
        "--jsonl-url-key",
        "link",
        "--format",
        "json",
    )
    assert r.returncode == 0 and json.loads(r.stdout)["url"] == "https://e.org/x"


def test_quiet_and_no_progress_bar_when_not_a_terminal(tmp_path):
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    r = archiver("clean", tmp_path / "a.html", "-o", tmp_path / "o", "--parallel", "1")
    lines_ = r.stderr.decode().splitlines()
    assert len(lines_) == 1 and lines_[0].startswith("archiver: 1 seen, 1 exported")
    r = archiver("clean", tmp_path / "a.html", "-o", tmp_path / "o2", "-q")
    assert r.stderr == b""


def test_progress_bar_on_a_terminal_only(tmp_path):
    import fcntl
    import pty
    import struct
    import termios

    for i in range(3):
        (tmp_path / f"a{i}.html").write_text(page(i), "utf-8")
    for quiet, expect_bar in ((False, True), (True, False)):
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))
        args = [
            "clean",
            str(tmp_path),
            "-o",
            str(tmp_path / f"o{quiet}"),
            "--parallel",
            "1",
            "--include",
            "*.html",
        ]
        proc = subprocess.Popen(
            [sys.executable, "-m", "archiver", *args, *(["-q"] if quiet else [])],
            cwd=ROOT,
            stderr=slave,
            stdout=subprocess.DEVNULL,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 4096)
            except OSError:
                break
            if not data:
                break
            chunks.append(data)
        proc.wait()
        os.close(master)
        text = b"".join(chunks).decode("utf-8", "replace")
        assert ("3/3" in text and "failed=0" in text) == expect_bar, text
        assert ("3 seen" in text) == (not quiet)


def test_an_unreadable_input_list_or_an_output_that_is_a_file_is_a_usage_error(tmp_path):
    (tmp_path / "a.html").write_text(page(1), "utf-8")
    for args in (
        ["--input-list", tmp_path / "none.txt", "-o", tmp_path / "o"],
        ["--input-list", tmp_path, "-o", tmp_path / "o"],
        [tmp_path / "a.html", "-o", tmp_path / "a.html"],
    ):
        r = archiver("clean", *args, "-q")
        assert (
            r.returncode == 2 and b"Traceback" not in r.stderr and r.stderr.startswith(b"archiver: error:")
        ), r.stderr
    assert not (tmp_path / "o").exists()


def test_the_same_page_captured_twice_is_two_documents_whatever_the_worker_order(tmp_path):
    """Two WARC captures (or two feed lines) of the same URL with the same bytes used to share one
    document id: one file, holding the provenance of whichever worker wrote last."""
    from batchkit import tree_bytes

    same = ("https://example.org/1", page(1).encode(), "text/html", 200)
    write_warc(
        tmp_path / "a.warc.gz", [same, same, ("https://example.org/2", page(2).encode(), "text/html", 200)]
    )
    write_jsonl(tmp_path / "feed.jsonl", [{"url": "https://example.org/9", "html": page(9)}] * 2)
    trees = []
    for workers in ("0", "2"):
        out = tmp_path / f"out{workers}"
        r = archiver(
            "clean", tmp_path / "a.warc.gz", tmp_path / "feed.jsonl", "-o", out, "-q", "--parallel", workers
        )
        assert r.returncode == 0, r.stderr
        index = lines(out / "index.jsonl")
        assert len(index) == 5 and len({rec["id"] for rec in index}) == 5
        for rec in index:  # each document file holds its own input's provenance
            source = json.loads((out / f"{rec['id']}.json").read_text("utf-8"))["source"]
            where = (
                f"{source['path']}/#{source['offset']}"
                if source["kind"] == "warc"
                else f"{source['path']}/:{source['line']}"
            )
            assert where == rec["source"]
        trees.append(tree_bytes(out))
    assert trees[0] == trees[1]


def test_pages_over_the_size_limit_are_error_records_and_the_rest_exports(tmp_path):
    """A page larger than --max-page-bytes is never parsed (an lxml tree takes several times its
    page's size): one error record each, whatever the input kind and the WARC reader."""
    big = page(1, extra="Filler words of a very long page. " * 400)  # ~14 KB
    small = page(2)
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "big.html").write_text(big, "utf-8")
    (tmp_path / "in" / "small.html").write_text(small, "utf-8")
    write_warc(
        tmp_path / "a.warc.gz",
        [
            ("https://e.org/big", big.encode(), "text/html", 200),
            ("https://e.org/small", small.encode(), "text/html", 200),
        ],
    )
    write_jsonl(
        tmp_path / "feed.jsonl",
        [{"url": "https://e.org/j1", "html": big}, {"url": "https://e.org/j2", "html": small}],
    )
    for backend in ("warcio", "fastwarc"):
        out = tmp_path / f"out-{backend}"
        r = archiver(
            "clean",
            tmp_path / "in",
            tmp_path / "a.warc.gz",
            tmp_path / "feed.jsonl",
            "-o",
            out,
            "-q",
            "--parallel",
            "0",
            "--max-page-bytes",
            "8000",
            "--warc-backend",
            backend,
        )
        assert r.returncode == 1, r.stderr
        errors = lines(out / "errors.jsonl")
        assert len(errors) == 3 and all(e["reason"].startswith("page too large") for e in errors)
        assert sorted(Path(e["source"].split("/#")[0].split("/:")[0]).name for e in errors) == [
            "a.warc.gz",
            "big.html",
            "feed.jsonl",
        ]
        assert len(lines(out / "index.jsonl")) == 3 and balanced(counters(out))
    r = archiver(
        "clean", tmp_path / "in", "-o", tmp_path / "nolimit", "-q", "--parallel", "0", "--max-page-bytes", "0"
    )
    assert r.returncode == 0 and len(lines(tmp_path / "nolimit" / "index.jsonl")) == 2
