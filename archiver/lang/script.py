"""The script pass: which writing system each letter belongs to. Exact and fast."""
from __future__ import annotations

import re

ARAB = "[\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06ff\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
HEBR = "[\u05d0-\u05ea\u05ef-\u05f2\ufb1d-\ufb4f]"
LATN = "[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
_PATTERNS = {"Arab": re.compile(ARAB), "Hebr": re.compile(HEBR), "Latn": re.compile(LATN)}
_LETTER = re.compile(r"[^\W\d_]")
_CHAR_SCRIPT = re.compile(f"({ARAB})|({HEBR})|({LATN})|([^\\W\\d_])")
_NAMES = ("Arab", "Hebr", "Latn", "Zzzz")
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"})


def script_counts(text: str) -> dict[str, int]:
    """Letters per script; ``Zzzz`` collects letters of scripts not told apart here."""
    counts: dict[str, int] = {}
    for m in _CHAR_SCRIPT.finditer(text):
        name = _NAMES[m.lastindex - 1]
        counts[name] = counts.get(name, 0) + 1
    return counts


def dominant_script(text: str) -> tuple[str, int]:
    """(script, letter count); ``("Zyyy", 0)`` when the text has no letters."""
    counts = script_counts(text)
    if not counts:
        return "Zyyy", 0
    name = max(sorted(counts), key=counts.__getitem__)
    return name, sum(counts.values())


def char_script(ch: str) -> str | None:
    """The script of one letter, or None for neutrals (digits, punctuation, spaces, symbols)."""
    m = _CHAR_SCRIPT.match(ch)
    return _NAMES[m.lastindex - 1] if m else None


def direction_of(script: str) -> str | None:
    if script in RTL_SCRIPTS:
        return "rtl"
    if script in ("Zyyy", "Zxxx"):
        return None
    return "ltr"
