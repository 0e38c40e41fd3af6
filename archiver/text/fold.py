"""Folding for matching and search keys (DESIGN.md §4, right-hand column). Never stored as text."""
from __future__ import annotations

import re

from .searchkey import search_key

_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """The search key without a language (:func:`archiver.text.searchkey.search_key`): NFKC,
    case-fold, marks/tatweel/controls dropped, Arabic letter variants and digits folded,
    ZWNJ/ZWJ joined, NBSP and whitespace runs collapsed to one space."""
    return search_key(text, None)


def phrase_key(text: str) -> str:
    """``fold`` and keep only word characters (digits dropped): the chrome-lexicon match key."""
    words = _NON_WORD.sub(" ", fold(text)).split()
    return " ".join(w for w in words if not w.isdigit())
