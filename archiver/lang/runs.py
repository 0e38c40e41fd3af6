"""Inline runs: spans of another script inside a block, with neutrals attached by bidi-like rules.

A run is its letters, the neutrals between letters of its own script, neutrals attached to its
end without a space (``COVID-19``, ``U.S``), and a pair of brackets or quotes enclosing it. Sentence
punctuation at its end stays with the block, as do spaces and the block's own punctuation (، ؛ ؟).
"""

from __future__ import annotations

import re

from .script import char_script, direction_of, has_other_script, letter_runs

_PAIRS = {"(": ")", "[": "]", "{": "}", "“": "”", "‘": "’", "«": "»", '"': '"', "'": "'", "‹": "›"}
_OPENERS = frozenset(_PAIRS)
_CLOSERS = frozenset(_PAIRS.values())
_ARABIC_PUNCT = frozenset("،؛؟۔")
_SENTENCE_END = ".,;:!?…"
# Brackets that open and close with different characters (straight quotes and ’ double as
# apostrophes, so they are paired only when they enclose a whole run, in :func:`_attach`).
_BRACKETS = {"(": ")", "[": "]", "{": "}", "“": "”", "«": "»", "‹": "›"}
_OPENER_OF = {closer: opener for opener, closer in _BRACKETS.items()}
_BRACKET = re.compile("[][(){}“”«»‹›]")


# European digits after a left-to-right run join it (UAX #9 W7: "iPhone 15", "Windows 11").
_TRAILING_DIGITS = re.compile(r"(?:[ \u00a0]+[0-9]+(?:[.,:/\-][0-9]+)*)+")


def _attach(text: str, start: int, end: int, limit: int, ltr: bool = False) -> tuple[int, int]:
    """Extend a run by attached neutrals and enclosing pairs, never past ``limit``."""
    if ltr:
        m = _TRAILING_DIGITS.match(text, end, limit)
        if m and (m.end() == limit or not text[m.end()].isalnum()):
            end = m.end()
    j = end
    while (
        j < limit
        and not text[j].isspace()
        and char_script(text[j]) is None
        and text[j] not in _ARABIC_PUNCT
        and text[j] not in _OPENERS
        and text[j] not in _CLOSERS
    ):
        j += 1
    while j > end and text[j - 1] in _SENTENCE_END:
        j -= 1
    end = j
    if _BRACKET.search(text, start, end):
        start, end = _balance(text, start, end, limit)
    while start > 0 and text[start - 1] in _OPENERS:
        closer = _PAIRS[text[start - 1]]
        k = end
        while k < limit and text[k] in _SENTENCE_END:
            k += 1
        if k < limit and text[k] == closer:
            start, end = start - 1, k + 1
        else:
            break
    return start, end


def _unpaired(span: str) -> tuple[list[str], list[str]]:
    """(closers whose opener is not in ``span``, in order; closers its openers await, innermost last)."""
    stray: list[str] = []
    awaited: list[str] = []
    for ch in _BRACKET.findall(span):
        if ch in _BRACKETS:
            awaited.append(_BRACKETS[ch])
        elif awaited and awaited[-1] == ch:
            awaited.pop()
        else:
            stray.append(ch)
    return stray, awaited


def _balance(text: str, start: int, end: int, limit: int) -> tuple[int, int]:
    """Grow a run over the brackets that pair with one inside it ("Apple (AAPL)", "{AFP}"), so a
    run never holds half a pair (DESIGN.md §5: paired brackets together)."""
    stray, awaited = _unpaired(text[start:end])
    while awaited and end < limit and text[end] == awaited[-1]:
        awaited.pop()
        end += 1
    for closer in stray:
        if start == 0 or text[start - 1] != _OPENER_OF[closer]:
            break
        start -= 1
    return start, end


def foreign_spans(text: str, block_script: str) -> list[tuple[int, int, str]]:
    """(start, end, script) for every span whose script differs from the block's."""
    if not has_other_script(text, block_script):
        return []
    runs = letter_runs(text)
    spans: list[tuple[int, int, str]] = []
    for n, (start, end, script) in enumerate(runs):
        if script == block_script or script == "Zzzz":
            continue
        limit = runs[n + 1][0] if n + 1 < len(runs) else len(text)
        floor = spans[-1][1] if spans else 0
        s, e = _attach(text, start, end, limit, ltr=direction_of(script) == "ltr")
        spans.append((max(s, floor), e, script))
    return spans
