from __future__ import annotations

import io
import os
import signal

from archiver.sources.base import SourceOptions
from archiver.sources.files import expand_paths
from archiver.sources.lists import read_list, stdin_task
from archiver.sources.resolve import iter_tasks


def make_tree(root):
    (root / "a" / "b").mkdir(parents=True)
    (root / ".hidden").mkdir()
    for rel in ("x.html", "a/y.htm", "a/b/z.html", "a/notes.txt", ".hidden/h.html", "a/.dot.html"):
        (root / rel).write_text("<p>x</p>", "utf-8")


def rel(paths, root):
    return [os.path.relpath(p, root) for p in paths]


def test_directory_walk_is_sorted_recursive_and_skips_hidden(tmp_path):
    make_tree(tmp_path)
    got = rel(expand_paths([str(tmp_path)]), tmp_path)
    assert got == ["x.html", "a/notes.txt", "a/y.htm", "a/b/z.html"]


def test_include_and_exclude_globs(tmp_path):
    make_tree(tmp_path)
    got = rel(expand_paths([str(tmp_path)], include=["*.html", "*.htm"], exclude=["a/b/*"]), tmp_path)
    names = {os.path.basename(p) for p in got}
    assert names == {"x.html", "y.htm"}


def test_globs_are_expanded_by_the_tool_and_unmatched_globs_reported(tmp_path):
    make_tree(tmp_path)
    got = list(expand_paths([str(tmp_path / "**" / "*.html")]))
    assert {os.path.basename(p) for p in got} == {"x.html", "z.html"}
    assert got == sorted(got)
    missing = str(tmp_path / "nothing*.html")
    assert list(expand_paths([missing])) == [missing]


def test_input_list_skips_blanks_and_comments(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_text("# inputs\n a.html \n\nb.html\n", "utf-8")
    assert list(read_list(str(listing))) == ["a.html", "b.html"]
    assert list(read_list("-", io.BytesIO(b"c.html\n"))) == ["c.html"]


def test_stdin_is_one_page_with_key_dash():
    task = stdin_task(io.BytesIO(b"<html><p>hello</p></html>"))
    assert task.key == "-" and task.page is not None and task.page.data.startswith(b"<html>")


def test_a_path_named_twice_is_read_once_and_order_is_kept(tmp_path):
    make_tree(tmp_path)
    x = str(tmp_path / "x.html")
    keys = [t.key for t in iter_tasks([x, str(tmp_path / "a"), x], SourceOptions(), listed=[x])]
    assert keys[0] == x and keys.count(x) == 1
    assert len(keys) == len(set(keys)) == 4


def test_file_tasks_are_read_by_the_worker(tmp_path):
    make_tree(tmp_path)
    (task,) = iter_tasks([str(tmp_path / "x.html")])
    assert task.path == task.key and task.page is None and task.failure is None


def test_input_list_with_bom_and_crlf_and_an_unreadable_list_fails_at_once(tmp_path):
    listing = tmp_path / "list.txt"
    listing.write_bytes(b"\xef\xbb\xbfa.html\r\n# c\r\n\r\nb.html")
    assert list(read_list(str(listing))) == ["a.html", "b.html"]
    for bad in (tmp_path / "none.txt", tmp_path):  # raised by the call, before any input is read
        try:
            read_list(str(bad))
        except OSError:
            continue
        raise AssertionError(f"{bad}: no OSError")


def _hung(signum, frame):
    raise AssertionError("a FIFO was opened")


def test_fifos_sockets_and_devices_are_failures_never_opened(tmp_path):
    import socket

    os.mkfifo(tmp_path / "fifo.html")
    os.mkfifo(tmp_path / "fifo.jsonl")
    os.mkfifo(tmp_path / "fifo.warc.gz")
    sock = socket.socket(socket.AF_UNIX)
    sock.bind(str(tmp_path / "sock.html"))
    signal.signal(signal.SIGALRM, _hung)  # opening a FIFO blocks: fail, not hang, if one is opened
    signal.setitimer(signal.ITIMER_REAL, 5)
    try:
        tasks = list(iter_tasks([str(tmp_path), "/dev/zero"]))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
        sock.close()
    assert [os.path.basename(t.key) for t in tasks] == [
        "fifo.html",
        "fifo.jsonl",
        "fifo.warc.gz",
        "sock.html",
        "zero",
    ]
    assert all(t.failure is not None and t.failure.reason.startswith("not a regular file") for t in tasks)


def test_a_directory_that_cannot_be_listed_is_a_failure_not_a_silent_gap(tmp_path, monkeypatch):
    # Permission bits do not stop root (which CI may be), so the refusal is the OS call's own.
    make_tree(tmp_path)
    locked = {str(tmp_path / "a" / "b"), str(tmp_path / "gone")}
    (tmp_path / "gone").mkdir()
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) in locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    tasks = list(iter_tasks([str(tmp_path)]))
    got = [(os.path.relpath(t.key, tmp_path), t.failure.reason if t.failure else None) for t in tasks]
    assert got == [
        ("x.html", None),
        ("a/notes.txt", None),
        ("a/y.htm", None),
        ("a/b", "directory cannot be listed: Permission denied"),
        ("gone", "directory cannot be listed: Permission denied"),
    ]
    named = list(iter_tasks([str(tmp_path / "gone")]))  # named directly: one failure, not "no inputs"
    assert [(t.key, t.failure.reason) for t in named] == [
        (str(tmp_path / "gone"), "directory cannot be listed: Permission denied")
    ]
