"""ruff holds the house style (issue 18 item 7): the tree stays formatted, and lint findings only
go down. The ceiling is the count left after the tree was first formatted and auto-fixed
(2026-12-04: 105 findings — 57 long strings/comments, 9 B008, 9 SIM105, …; `ruff check . --statistics`); lower
it when you fix some, never raise it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CEILING = 105

# next to this interpreter first: a venv run without activation has no venv bin on PATH
ruff = shutil.which("ruff", path=os.path.dirname(sys.executable)) or shutil.which(
    "ruff"
)  # pinned in the test extra: formatting differs between ruff releases
pytestmark = pytest.mark.skipif(ruff is None, reason="ruff is in the test extra: pip install -e '.[test]'")


def test_the_tree_is_formatted():
    r = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_lint_findings_do_not_grow():
    r = subprocess.run(
        [ruff, "check", ".", "--output-format", "concise", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    findings = [line for line in r.stdout.splitlines() if line.count(":") >= 3]
    assert len(findings) <= CEILING, "\n".join(findings[:40])
