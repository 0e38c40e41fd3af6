"""The script pass: which writing system each letter belongs to. Exact and fast."""

from __future__ import annotations

import re
from functools import lru_cache

from .._speedups import pick

ARAB = (
    "[\u0620-\u064a\u066e-\u066f\u0671-\u06d3\u06d5\u06ee-\u06ef\u06fa-\u06ff"
    "\u0750-\u077f\u08a0-\u08c9\ufb50-\ufdfb\ufe70-\ufefc]"
)
HEBR = "[\u05d0-\u05ea\u05ef-\u05f2\ufb1d-\ufb4f]"
LATN = "[A-Za-z\u00aa\u00ba\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u1e00-\u1eff]"
# The other right-to-left scripts a news page may quote (letters only): told apart from ``Zzzz``
# so their text gets its direction, and only where ``Zzzz`` letters occur at all.
SYRC = "[\u0710\u0712-\u072f\u074d-\u074f\u0860-\u086a]"
THAA = "[\u0780-\u07a5\u07b1]"
NKOO = "[\u07ca-\u07ea\u07f4\u07f5\u07fa]"
_PATTERNS = {"Arab": re.compile(ARAB), "Hebr": re.compile(HEBR), "Latn": re.compile(LATN)}
_LETTER = re.compile(r"[^\W\d_]")
_CHAR_SCRIPT = re.compile(f"({ARAB})|({HEBR})|({LATN})|({SYRC})|({THAA})|({NKOO})|([^\\W\\d_])")
_NAMES = ("Arab", "Hebr", "Latn", "Zzzz")
_CHAR_NAMES = ("Arab", "Hebr", "Latn", "Syrc", "Thaa", "Nkoo", "Zzzz")
RTL_SCRIPTS = frozenset({"Arab", "Hebr", "Syrc", "Thaa", "Nkoo"})


_OTHER = f"[^\\W\\d_{ARAB[1:-1]}{HEBR[1:-1]}{LATN[1:-1]}]"  # a letter of none of the three
# A letter that is not of the given script: the fast test for "no inline runs here".
_NOT_OF = {name: re.compile(f"(?!{p}){_LETTER.pattern}") for name, p in zip(_NAMES, (ARAB, HEBR, LATN))}
_COUNTERS = tuple((name, re.compile(p + "+")) for name, p in zip(_NAMES, (ARAB, HEBR, LATN, _OTHER)))


_ASCII_RUN = re.compile("[\x00-\x7f]+")
# Letters per script and runs of one script: compiled, or the pure twin (archiver/_speedups),
# both reading the classes above.
CLASSES = {"Arab": ARAB, "Hebr": HEBR, "Latn": LATN, "Syrc": SYRC, "Thaa": THAA, "Nkoo": NKOO}
_scripts = pick("scripts")
_scripts.load(CLASSES)


def script_counts(text: str) -> dict[str, int]:
    """Letters per script; ``Zzzz`` collects letters of scripts not told apart here (``Syrc``,
    ``Thaa``, ``Nkoo`` are told apart where ``Zzzz`` letters occur): what the four scans
    :data:`_COUNTERS` count, ASCII letters as Latin."""
    return _scripts.script_counts(text)


def letter_runs(text: str) -> list[tuple[int, int, str]]:
    """Maximal spans whose letters share one script (neutrals between same-script letters included)."""
    return _scripts.letter_runs(text)


def has_other_script(text: str, script: str) -> bool:
    """True when ``text`` holds a letter of a script other than ``script`` (one regex search)."""
    if script == "Latn":  # ASCII letters are all Latin: only the non-ASCII characters can differ
        if text.isascii():
            return False
        text = _ASCII_RUN.sub("", text)
    pattern = _NOT_OF.get(script)
    return bool((pattern or _LETTER).search(text))


@lru_cache(maxsize=8192)
def dominant_script(text: str) -> tuple[str, int]:
    """(script, letter count); ``("Zyyy", 0)`` when the text has no letters."""
    counts = script_counts(text)
    if not counts:
        return "Zyyy", 0
    if len(counts) == 1:  # most texts: one script, the max and the sum are its count
        return next(iter(counts.items()))
    name = max(sorted(counts), key=counts.__getitem__)
    return name, sum(counts.values())


def char_script(ch: str) -> str | None:
    """The script of one letter, or None for neutrals (digits, punctuation, spaces, symbols)."""
    m = _CHAR_SCRIPT.match(ch)
    return _CHAR_NAMES[m.lastindex - 1] if m else None


def direction_of(script: str) -> str | None:
    if script in RTL_SCRIPTS:
        return "rtl"
    if script in ("Zyyy", "Zxxx"):
        return None
    return "ltr"
