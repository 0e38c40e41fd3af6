"""The normalize stage: run the fixers over a block's inline pieces, log what changed,
then collapse whitespace across the pieces (NBSP kept)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from .fixers import C0, FIXERS, idle_fixers

_SPACE = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")
_NEWLINE = re.compile(r"(\n)")
_NEWLINE_SPACES = re.compile(r" *\n *")
_ODD_SPACE = re.compile("[\t\n\r\f\v\u2028\u2029]")  # the _SPACE characters but " "


def _collapse_spaces(text: str) -> str:
    """``_SPACE.sub(" ", text)``, skipped when its only runs are single spaces (it would change nothing)."""
    return _SPACE.sub(" ", text) if "  " in text or _ODD_SPACE.search(text) else text


@dataclass(frozen=True, slots=True)
class Normalized:
    pieces: tuple[str, ...]
    repairs: tuple[str, ...]


def fix_text(text: str) -> tuple[str, tuple[str, ...]]:
    """Run every fixer in order on one string; return the text and the names of those that changed it."""
    if text.isascii() and (text.isprintable() or not C0.search(text)):
        return (
            text,
            (),
        )  # every fixer but c0-controls repairs non-ASCII damage only (tests/speedups/test_fast_paths.py)
    repairs: list[str] = []
    idle = idle_fixers(text)  # true of the input text only: cleared once a fixer changes it
    for name, fixer in FIXERS:
        if name in idle:
            continue
        fixed = fixer(text)
        if fixed != text:
            if name != "nfc":
                repairs.append(name)
            text, idle = fixed, frozenset()
    return text, tuple(repairs)


def collapse(pieces: Sequence[str], keep_newlines: bool = False) -> tuple[str, ...]:
    """Collapse whitespace runs to one space across piece boundaries; strip the block's ends."""
    out: list[str] = []
    pending_space = False
    started = False
    search_odd, sub_space = _ODD_SPACE.search, _SPACE.sub
    for piece in pieces:
        if piece == "\n":  # a lone line-break piece (<br>) is kept even without keep_newlines
            text = piece
        elif keep_newlines and "\n" in piece:
            text = "".join(t if t == "\n" else _collapse_spaces(t) for t in _NEWLINE.split(piece))
            text = _NEWLINE_SPACES.sub("\n", text)
        elif "  " in piece or search_odd(piece):  # no newline to keep: _collapse_spaces inline
            text = sub_space(" ", piece)
        else:
            text = piece
        if not started:
            text = text.lstrip(" \n")
        elif pending_space and text.startswith(" "):
            text = text[1:]
        if text:
            started = True
            pending_space = text.endswith((" ", "\n"))
        out.append(text)
    # strip the tail
    for i in range(len(out) - 1, -1, -1):
        stripped = out[i].rstrip(" \n")
        out[i] = stripped
        if stripped:
            break
    return tuple(out)


def normalize_pieces(pieces: Sequence[str], keep_newlines: bool = False) -> Normalized:
    """Fix each piece, then collapse whitespace; repairs are the union, in fixer order."""
    joined = "".join(pieces)
    if joined.isascii() and (joined.isprintable() or not C0.search(joined)):
        # every piece is ASCII without a C0 control: each is its own fix (fix_text's first case)
        return Normalized(collapse(pieces, keep_newlines), ())
    fixed: list[str] = []
    seen: dict[str, None] = {}
    for piece in pieces:
        text, repairs = fix_text(piece)
        fixed.append(text)
        if repairs:
            seen.update(dict.fromkeys(repairs))
    return Normalized(collapse(fixed, keep_newlines), tuple(seen))
