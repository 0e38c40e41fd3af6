"""Build the optional compiled core (issue 17): every ``archiver/_speedups/_*.pyx`` is cythonized
and compiled against lxml's headers (``lxml.get_include()``: lxml ships libxml2's headers and its
own ``.pxd`` files). Everything else is in ``pyproject.toml``.

The extension is optional: where the C compiler or the Python headers are missing, or
``ARCHIVER_PURE_BUILD=1`` is set, the build warns and installs the package without it, and
``archiver._speedups.pick`` falls back to the pure-Python twins (same results, slower).
"""

from __future__ import annotations

import glob
import os
import sys
from pathlib import Path

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext


class OptionalBuildExt(build_ext):
    """``build_ext`` that warns instead of failing: the twins make the extension optional."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as exc:  # noqa: BLE001 - no compiler, no headers: install the pure package
            _warn(exc)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as exc:  # noqa: BLE001
            _warn(exc)


def _warn(exc: BaseException) -> None:
    print(
        f"warning: archiver's compiled core was not built ({type(exc).__name__}: {exc}); "
        "the pure-Python twins are used instead",
        file=sys.stderr,
    )


def _extensions() -> list[Extension]:
    if os.environ.get("ARCHIVER_PURE_BUILD", "").strip() not in ("", "0"):
        return []
    sources = sorted(glob.glob(os.path.join("archiver", "_speedups", "_*.pyx")))
    if not sources:
        return []
    try:
        import lxml
        from Cython.Build import cythonize
    except ImportError as exc:
        _warn(exc)
        return []
    exts = [
        Extension(f"archiver._speedups.{Path(src).stem}", [src], include_dirs=lxml.get_include())
        for src in sources
    ]
    directives = {"language_level": 3, "boundscheck": False, "wraparound": False, "cdivision": True}
    try:
        return cythonize(exts, compiler_directives=directives, quiet=True)
    except Exception as exc:  # noqa: BLE001
        _warn(exc)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
