"""Issue 14 item 3: every exported file gets the mode a plain write gives under the user's umask
(the temporary-file-then-rename writes gave 0600: an archive others could not read)."""

from __future__ import annotations

import os
import stat
import subprocess
import sys

import pytest
from batchkit import page
from conftest import ROOT


@pytest.mark.parametrize("umask", [0o022, 0o002, 0o077])
def test_exported_files_follow_the_umask(tmp_path, umask):
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.html").write_text(page(1), "utf-8")
    (src / "empty.html").write_bytes(b"")
    out = tmp_path / "out"
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "clean", str(src), "-o", str(out), "-q", "--parallel", "0"],
        cwd=ROOT,
        capture_output=True,
        preexec_fn=lambda: os.umask(umask),
    )
    assert r.returncode == 1, r.stderr
    modes = {p.name: stat.S_IMODE(p.stat().st_mode) for p in out.iterdir()}
    assert len(modes) == 5 and {"index.jsonl", "errors.jsonl", "run.json"} <= set(modes)
    assert set(modes.values()) == {0o666 & ~umask}, {k: oct(v) for k, v in modes.items()}
