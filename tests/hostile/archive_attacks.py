"""Helpers for the hostile archive tests: a small export and bag made by the real ``archiver clean``
and ``archiver bag``, and a snapshot of a directory tree to prove nothing was written outside."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from archivekit import FILLER_AR, FILLER_EN, page
from conftest import ROOT

PAGES = {
    "ar.html": page("عنوان الخبر", [f"{FILLER_AR} نص الخبر عن الميناء.", FILLER_AR], date="2021-04-05"),
    "en.html": page(
        "Harbour news",
        [f"{FILLER_EN} Boats came back to the harbour.", FILLER_EN],
        lang="en",
        date="2021-04-06",
    ),
}


def cli(*args: object) -> subprocess.CompletedProcess:
    """``archiver ARGS`` in a child process (the worktree's code), output as text."""
    return subprocess.run(
        [sys.executable, "-m", "archiver", *map(str, args)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=120,
    )


def make_export(where: Path) -> Path:
    """``archiver clean`` of two small pages into ``where/export``; returns the export directory."""
    pages = where / "pages"
    pages.mkdir(parents=True)
    for name, html in PAGES.items():
        (pages / name).write_text(html, "utf-8")
    out = where / "export"
    done = cli("clean", pages, "-o", out, "--format", "md,json", "-q")
    assert done.returncode == 0, done.stderr
    return out


def make_bag(where: Path) -> Path:
    """A bag made by ``archiver bag`` from :func:`make_export`; returns the bag directory."""
    export = make_export(where)
    done = cli("bag", export, "-o", where / "bag", "-q")
    assert done.returncode == 0, done.stderr
    return where / "bag"


def copy_tree(src: Path, dst: Path) -> Path:
    shutil.copytree(src, dst, symlinks=True)
    return dst


def snapshot(root: Path) -> dict[str, tuple[int, int, int]]:
    """Every path under ``root`` (links not followed) with its mode, size and mtime."""
    out = {}
    for top, dirs, files in os.walk(root):
        for name in dirs + files:
            path = os.path.join(top, name)
            st = os.lstat(path)
            out[os.path.relpath(path, root)] = (st.st_mode, st.st_size, st.st_mtime_ns)
    return out


def changed_outside(before: dict, after: dict, *inside: str) -> list[str]:
    """Paths created, changed or removed between two snapshots, except under the ``inside`` prefixes."""
    keys = set(before) | set(after)
    diff = [k for k in keys if before.get(k) != after.get(k)]
    return sorted(k for k in diff if not any(k == p or k.startswith(p + os.sep) for p in inside))
