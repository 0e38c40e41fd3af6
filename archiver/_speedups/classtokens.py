"""The tokens of a class/id value, pure Python (the twin of ``_classtokens.pyx``, issue 17).

Facts only: how a class/id value splits into lower-cased tokens (on "-", "_", ":", ".", "/" and
camelCase) and which neighbouring parts of one name are written together ("news-letter" also
reads "newsletter"). Which names are skipped (a negating prefix, a state suffix) is passed in by
:mod:`archiver.extract.cues`, which decides what the tokens mean.
"""

from __future__ import annotations

import re
from collections.abc import Container
from itertools import pairwise

_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT = re.compile(r"[\s\-_:./]+")
_SEPARATORS = str.maketrans("-_:./", "     ")


def class_parts(cls: str) -> list[str]:
    """The lower-cased parts of one class name (no whitespace in it): split on "-", "_", ":",
    ".", "/" and camelCase, as ``[p.lower() for p in _SPLIT.split(_CAMEL.sub("-", cls)) if p]``."""
    if not cls.isascii():
        return [p.lower() for p in _SPLIT.split(_CAMEL.sub("-", cls)) if p]
    # ASCII (most names) without regexes. Exact: ASCII lower-casing maps A-Z alone, one character
    # each, so lowering before the split is lowering every part; the camelCase split can only act
    # where lowering changed something; and with no whitespace in ``cls`` (nor in the "-" the
    # camelCase split inserts), spaces put for the separators then ``str.split()`` are the
    # separator runs split with the empty parts dropped.
    low = cls.lower()
    if low != cls:
        low = _CAMEL.sub("-", cls).lower()
    return low.translate(_SEPARATORS).split()


def tokens_and_pairs(
    value: str, negated: Container[str], state: Container[str]
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tokens of a class/id value (its names' ``class_parts``, in order), and neighbouring
    parts of one name joined, both of two letters or more; a name whose first part is in
    ``negated``, or whose last of several parts is in ``state``, is skipped for both."""
    toks: list[str] = []
    pairs: list[str] = []
    for cls in value.split():
        parts = class_parts(cls)
        if parts and (parts[0] in negated or (len(parts) > 1 and parts[-1] in state)):
            continue
        toks.extend(parts)
        if len(parts) > 1:  # single letters are abbreviations ("v-a--d"), not halves of a word
            pairs.extend(a + b for a, b in pairwise(parts) if len(a) > 1 and len(b) > 1)
    return tuple(toks), tuple(pairs)
