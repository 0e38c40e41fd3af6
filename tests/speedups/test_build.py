"""The compiled core is chosen at import time and can be turned off (issue 17)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

import archiver
from archiver import _speedups

ROOT = Path(__file__).resolve().parents[2]


def _has_compiler() -> bool:
    cc = (sysconfig.get_config_var("CC") or "cc").split()[0]
    return shutil.which(cc) is not None and Path(sysconfig.get_paths()["include"], "Python.h").exists()


def test_every_primitive_has_a_twin_and_a_source():
    for name in _speedups.MODULES:
        twin = ROOT / "archiver" / "_speedups" / f"{name}.py"
        source = ROOT / "archiver" / "_speedups" / f"_{name}.pyx"
        assert twin.is_file() and source.is_file(), name


def test_every_compiled_source_is_a_registered_primitive():
    """A ``_<name>.pyx`` left out of ``MODULES`` would be built but never counted by
    :func:`archiver.speedups_enabled` (a merge can drop one from the tuple)."""
    sources = sorted(p.stem[1:] for p in (ROOT / "archiver" / "_speedups").glob("_*.pyx"))
    assert sorted(_speedups.MODULES) == sources


@pytest.mark.skipif(_speedups.PURE, reason="ARCHIVER_PURE=1: the twins are in use on purpose")
def test_built_where_a_compiler_is_there():
    if not _has_compiler():
        pytest.skip("no C compiler or Python headers: the pure twins are in use")
    missing = [name for name in _speedups.MODULES if _speedups.compiled(name) is None]
    assert not missing, f"not built (run pip install -e . or python setup.py build_ext --inplace): {missing}"
    assert archiver.speedups_enabled() == bool(_speedups.MODULES)


def test_pure_environment_turns_every_primitive_off():
    code = (
        "import archiver, archiver._speedups as s; "
        "print(archiver.speedups_enabled(), [s.pick(n).__name__ for n in s.MODULES])"
    )
    env = dict(os.environ, ARCHIVER_PURE="1")
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, cwd=ROOT, check=True
    )
    enabled, names = out.stdout.split(" ", 1)
    assert enabled == "False"
    assert "._speedups._" not in names  # every pick is the twin archiver._speedups.<name>
