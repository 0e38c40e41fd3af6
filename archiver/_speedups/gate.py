"""The Latin gate's words (``archiver.lang.gate``): the pure-Python twin.

:func:`words` gives how many tokens (:data:`TOKEN`: runs of letters, ``[^\\W\\d_]+``) a
case-folded text has, and those of them that are keys of ``known`` (the function words), in
order. The compiled twin (``_gate.pyx``) reads the characters once and makes a string only of
a token short enough to be a key.
"""

from __future__ import annotations

import re

TOKEN = re.compile(r"[^\W\d_]+")

# Where every letter is ASCII, the tokens are the runs of a-z: non-ASCII characters become "?"
# (ASCII encoding), then every non-letter a space (str.translate's ASCII table path), then split().
_ASCII_SPACES = "".join(chr(c) if chr(c).isalpha() else " " for c in range(128))
_WIDE_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def tokens(folded: str) -> list[str]:
    """``TOKEN.findall(folded)``, faster where the text has no letters beyond ASCII."""
    if folded.isascii() or not _WIDE_LETTER.search(folded):
        return folded.encode("ascii", "replace").decode("ascii").translate(_ASCII_SPACES).split()
    return TOKEN.findall(folded)


def words(folded: str, known: dict[str, object], longest: int) -> tuple[int, list[str]]:
    """(number of tokens of ``folded``, its tokens that are keys of ``known``, in order);
    ``longest``: no key is longer (the compiled twin looks up no longer token)."""
    found = tokens(folded)
    return len(found), list(filter(known.__contains__, found))
