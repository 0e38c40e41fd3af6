"""ruff holds the house style (issue 18 item 7): the tree stays formatted and lint-clean. A rule
that is wrong for one line is silenced on that line with ``# noqa: CODE`` and the reason; a rule
wrong for the whole tree is ignored in pyproject.toml with the reason."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# next to this interpreter first: a venv run without activation has no venv bin on PATH
ruff = shutil.which("ruff", path=os.path.dirname(sys.executable)) or shutil.which(
    "ruff"
)  # pinned in the test extra: formatting differs between ruff releases
pytestmark = pytest.mark.skipif(ruff is None, reason="ruff is in the test extra: pip install -e '.[test]'")


def test_the_tree_is_formatted():
    r = subprocess.run([ruff, "format", "--check", "."], cwd=ROOT, capture_output=True, text=True)
    assert r.returncode == 0, r.stdout + r.stderr


def test_the_tree_is_lint_clean():
    r = subprocess.run(
        [ruff, "check", ".", "--output-format", "concise", "--no-cache"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    findings = [line for line in r.stdout.splitlines() if line.count(":") >= 3]
    assert r.returncode == 0 and not findings, "\n".join(findings[:40]) or r.stdout + r.stderr
