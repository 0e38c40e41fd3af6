"""Compiled twins of the per-page hot primitives (issue 17), chosen at import time.

Each primitive lives twice, with the same functions and the same results:

- ``archiver/_speedups/<name>.py``: the pure-Python twin, always importable;
- ``archiver/_speedups/_<name>.pyx``: the Cython module, built by ``setup.py`` when a C compiler
  and the Python headers are there (``pip install .`` still succeeds without them).

A stage asks for a primitive with :func:`pick` and calls what it gets; the compiled module
returns facts (weights, tokens, spans), never decisions, so a cue is changed in one place, the
Python stage. ``ARCHIVER_PURE=1`` in the environment (read at import time) makes every
:func:`pick` return the twin, so the suite and ``bench/fingerprint.py`` can prove both give
the same bytes. ``tests/speedups/`` runs both on every fixture and on generated inputs.
"""

from __future__ import annotations

import importlib
import os
import types

#: The primitives that have a compiled module; :func:`speedups_enabled` is true when all load.
MODULES: tuple[str, ...] = (
    "anchors",
    "attrs",
    "classtokens",
    "cueattrs",
    "gate",
    "jsonout",
    "menus",
    "ngram",
    "nonling",
    "opinion",
    "pieces",
    "points",
    "prose",
    "scripts",
    "searchkey",
    "squash",
    "titles",
    "walk",
)

PURE = os.environ.get("ARCHIVER_PURE", "").strip() not in ("", "0")


def compiled(name: str) -> types.ModuleType | None:
    """The compiled module ``_<name>``, or None when ``ARCHIVER_PURE`` is set or it is not built."""
    if PURE:
        return None
    try:
        return importlib.import_module(f"{__name__}._{name}")
    except ImportError:
        return None


def pick(name: str) -> types.ModuleType:
    """The compiled module of primitive ``name`` when it is built and allowed, else its twin."""
    return compiled(name) or importlib.import_module(f"{__name__}.{name}")


def speedups_enabled() -> bool:
    """True when every compiled primitive is built and in use (not ``ARCHIVER_PURE=1``)."""
    return bool(MODULES) and all(compiled(name) is not None for name in MODULES)
