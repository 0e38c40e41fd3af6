"""The search key's folding pass (``archiver.text.searchkey``): the pure-Python twin.

:func:`fold_key` is what ``search_key`` does to a non-ASCII text after NFKC: drop the format
controls, case-fold, translate (marks dropped, letter variants and digits folded), and collapse
whitespace to single spaces. The compiled twin (``_searchkey.pyx``) case-folds first and does
the other three steps in one pass over the characters (``casefold`` neither makes nor changes
a control: ``tests/speedups`` checks this on every code point).
"""

from __future__ import annotations

import re


def fold_key(text: str, controls: re.Pattern[str], table: list) -> str:
    """``text`` (NFKC already) without ``controls``, case-folded, translated by ``table``, and
    its whitespace runs collapsed to one space (ends stripped)."""
    return " ".join(controls.sub("", text).casefold().translate(table).split())
