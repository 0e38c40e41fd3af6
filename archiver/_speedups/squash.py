"""Whitespace squashing, pure Python (the twin of ``_squash.pyx``, issue 17).

:func:`squash` is what every stage calls on a text before comparing or measuring it: runs of
whitespace (every character ``str.split`` splits on, but not the no-break space) become one
space and the ends are stripped; a NUL becomes a no-break space. The compiled twin gives the
same strings (``tests/speedups/test_squash_twins.py``).
"""

from __future__ import annotations

import re

_WS = re.compile(r"\s+")


def squash(text: str) -> str:
    """Collapse whitespace runs (but not NBSP) to one space and strip the ends."""
    if "\u00a0" not in text and "\x00" not in text:
        return " ".join(text.split())  # same whitespace set as \s (Py_UNICODE_ISSPACE), much faster
    return _WS.sub(" ", text.replace("\u00a0", "\x00")).strip().replace("\x00", "\u00a0")
