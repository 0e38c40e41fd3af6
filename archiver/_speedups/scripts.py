"""Letters per script and runs of one script (``archiver.lang.script``, ``lang.runs``): the
pure-Python twin.

The scripts' character classes are the stage's (``lang/script.py`` passes them to :func:`load`
once); :func:`script_counts` counts letters per script with C-level regex scans, and
:func:`letter_runs` walks the characters. The compiled twin (``_scripts.pyx``) reads the same
classes into a table and does both in one pass over the characters.
"""

from __future__ import annotations

import re

_NAMES = ("Arab", "Hebr", "Latn", "Zzzz")
_OTHER_RTL = ("Syrc", "Thaa", "Nkoo")
_CHAR_NAMES = ("Arab", "Hebr", "Latn", "Syrc", "Thaa", "Nkoo", "Zzzz")
_LETTER = r"[^\W\d_]"

# Counting letters without a match object per word: ASCII letters (all Latin, and the only ASCII
# letters) are counted by deleting every other byte of the UTF-8 form (non-ASCII characters
# encode to bytes >= 0x80, deleted too); the script patterns then scan only the non-ASCII rest.
_NOT_ASCII_LETTER = bytes(b for b in range(256) if not chr(b).isascii() or not chr(b).isalpha())
_ASCII_RUN = re.compile("[\x00-\x7f]+")

_counters: tuple[tuple[str, re.Pattern[str]], ...] = ()
_rtl_other: tuple[tuple[str, re.Pattern[str]], ...] = ()
_char_script = re.compile("(?!)")


def load(classes: dict[str, str]) -> None:
    """Take the character class (``"[...]"``) of each script: Arab, Hebr, Latn, Syrc, Thaa, Nkoo."""
    global _counters, _rtl_other, _char_script
    arab, hebr, latn = classes["Arab"], classes["Hebr"], classes["Latn"]
    other = f"[^\\W\\d_{arab[1:-1]}{hebr[1:-1]}{latn[1:-1]}]"  # a letter of none of the three
    _counters = tuple((name, re.compile(p + "+")) for name, p in zip(_NAMES, (arab, hebr, latn, other)))
    _rtl_other = tuple((name, re.compile(classes[name] + "+")) for name in _OTHER_RTL)
    alternatives = "|".join(f"({classes[name]})" for name in _CHAR_NAMES[:-1])
    _char_script = re.compile(f"{alternatives}|({_LETTER})")


def script_counts(text: str) -> dict[str, int]:
    """Letters per script; ``Zzzz`` collects letters of scripts not told apart here."""
    ascii_letters = len(text.encode("utf-8", "surrogatepass").translate(None, _NOT_ASCII_LETTER))
    if text.isascii():
        return {"Latn": ascii_letters} if ascii_letters else {}
    wide = _ASCII_RUN.sub("", text)
    counts: dict[str, int] = {}
    for name, pattern in _counters:  # C-level scans over runs: no match object per letter
        n = sum(map(len, pattern.findall(wide))) + (ascii_letters if name == "Latn" else 0)
        if n:
            counts[name] = n
    return _split_other(wide, counts) if "Zzzz" in counts else counts


def _split_other(wide: str, counts: dict[str, int]) -> dict[str, int]:
    """Move the letters of the other right-to-left scripts out of ``Zzzz``."""
    for name, pattern in _rtl_other:
        n = sum(map(len, pattern.findall(wide)))
        if n:
            counts[name] = n
            counts["Zzzz"] -= n
    if not counts["Zzzz"]:
        del counts["Zzzz"]
    return counts


def char_script(ch: str) -> str | None:
    """The script of one letter, or None for neutrals (digits, punctuation, spaces, symbols)."""
    m = _char_script.match(ch)
    return _CHAR_NAMES[m.lastindex - 1] if m else None


def letter_runs(text: str) -> list[tuple[int, int, str]]:
    """Maximal spans whose letters share one script (neutrals between same-script letters included)."""
    runs: list[tuple[int, int, str]] = []
    for i, ch in enumerate(text):
        script = char_script(ch)
        if script is None:
            continue
        if runs and runs[-1][2] == script:
            runs[-1] = (runs[-1][0], i + 1, script)
        else:
            runs.append((i, i + 1, script))
    return runs
