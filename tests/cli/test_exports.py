"""The committed exports/ is the export of seeds/: regenerate it and compare byte for byte."""

from __future__ import annotations

import subprocess
import sys

from conftest import ROOT

VOLATILE = {"run.json"}  # counters and timings of the run itself, not part of the export's content


def test_exports_match_a_fresh_run(tmp_path):
    out = tmp_path / "exports"
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "clean", "seeds", "-o", str(out), "-q"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    committed = sorted(p.name for p in (ROOT / "exports").iterdir() if p.name not in VOLATILE)
    fresh = sorted(p.name for p in out.iterdir() if p.name not in VOLATILE)
    assert committed == fresh
    for name in committed:
        assert (ROOT / "exports" / name).read_bytes() == (out / name).read_bytes(), (
            f"exports/{name} differs: regenerate with `rm -rf exports && archiver clean seeds -o exports`"
        )
