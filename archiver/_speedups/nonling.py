"""Where the non-linguistic spans of a text are (``archiver.lang.nonling``): the pure-Python twin.

:func:`spans` is ``[m.span() for m in pattern.finditer(text)]``, the matches ``pattern.sub``
replaces, with a test that skips the scan where no alternative can match: every alternative
of ``lang.nonling._SPANS`` needs one of ``/ @ # ` _ ( .`` or a digit. The compiled twin
(``_nonling.pyx``) finds the same spans with one pass over the characters.
"""

from __future__ import annotations

import re

_NEEDS = "/@#`_(."


def spans(text: str, pattern: re.Pattern[str]) -> list[tuple[int, int]]:
    """(start, end) of every match of ``pattern`` in ``text``, left to right, as ``finditer``."""
    if not any(c in text for c in _NEEDS) and not any(c.isdigit() for c in text):
        return []
    return [m.span() for m in pattern.finditer(text)]
