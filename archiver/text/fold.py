"""Folding for matching and search keys (DESIGN.md §4, right-hand column). Never stored as text."""

from __future__ import annotations

import re
from functools import lru_cache

from .searchkey import search_key

_WORD = re.compile(r"\w+")  # the words left when every non-word run becomes a space, then split()
# ASCII: \w is [A-Za-z0-9_]; every other character becomes a space (str.translate's ASCII path).
_ASCII_WORDS = "".join(ch if ch.isalnum() or ch == "_" else " " for ch in map(chr, range(128)))


def fold(text: str) -> str:
    """The search key without a language (:func:`archiver.text.searchkey.search_key`): NFKC,
    case-fold, marks/tatweel/controls dropped, Arabic letter variants and digits folded,
    ZWNJ/ZWJ joined, NBSP and whitespace runs collapsed to one space."""
    return search_key(text, None)


@lru_cache(maxsize=8192)
def phrase_key(text: str) -> str:
    """``fold`` and keep only word characters (digits dropped): the chrome-lexicon match key."""
    if text.isascii():  # fold is lower case then; its single spaces are non-word characters too
        words = text.lower().translate(_ASCII_WORDS).split()
    else:
        words = _WORD.findall(fold(text))
    return " ".join([w for w in words if not w.isdigit()])
