"""Terminal display of a cleaned document (DESIGN.md §3, "terminal display"): display only.

A document record (the JSON dict ``archiver clean`` writes) becomes readable lines: the title,
a few metadata lines, then each block with its language label. Lines are wrapped to the
terminal width first; then, when ``bidi`` is on, each line holding right-to-left text is shaped
with arabic-reshaper and laid out with python-bidi, one line at a time, and right-to-left blocks
are right-aligned. That is for terminals that draw characters left to right without a bidi
algorithm of their own. Nothing here is ever stored: records keep logical, unshaped text.
"""

from __future__ import annotations

import os
import re
import sys
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, TextIO

_RTL_CHAR = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
# Control characters that a terminal would act on (ESC starts an escape sequence that can move the
# cursor, retitle the window or rewrite what was printed): shown as their control pictures
# (U+2400 block, DEL as U+2421), C1 controls as U+FFFD. One character for one, so offsets hold.
_TERMINAL_CONTROLS = {
    **{c: 0x2400 + c for c in range(32) if c not in (9, 10)},
    0x7F: 0x2421,
    **{c: 0xFFFD for c in range(0x80, 0xA0)},
}
# Format controls that reorder the text around them (embeddings, overrides, isolates, U+202A-202E,
# U+2066-2069): displayed, 'invoice<U+202E>fdp.exe' reads 'invoiceexe.pdf'. Shown as their code
# point (as less does). Not one character for one: applied after any offsets are used.
_REORDERING = {c: f"<U+{c:04X}>" for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))}
_ZERO_WIDTH = frozenset(
    "\u200b\u200c\u200d\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\ufeff"
)


@dataclass(frozen=True, slots=True)
class TerminalOptions:
    """How to lay out the text: total width in columns and whether to shape and reorder."""

    width: int = 80
    bidi: bool = False


def wants_bidi(mode: str, stream: TextIO | None = None, env: Mapping[str, str] | None = None) -> bool:
    """Decide ``--bidi=auto|on|off``.

    ``auto``: the environment override ``ARCHIVER_BIDI=on|off`` wins; otherwise on for a terminal
    that is not known to run a bidi algorithm itself (VTE ≥ 0.58, Konsole, mlterm do), off when
    the output is not a terminal (a pipe or file gets the logical text).
    """
    if mode in ("on", "off"):
        return mode == "on"
    env = os.environ if env is None else env
    override = env.get("ARCHIVER_BIDI", "").strip().lower()
    if override in ("on", "off"):
        return override == "on"
    stream = sys.stdout if stream is None else stream
    if not (hasattr(stream, "isatty") and stream.isatty()):
        return False
    vte = env.get("VTE_VERSION", "")
    native = (
        (vte.isdigit() and int(vte) >= 5800)
        or "KONSOLE_VERSION" in env
        or env.get("TERM", "").startswith("mlterm")
    )
    return not native


def printable(text: str) -> str:
    """``text`` safe to write to a terminal: its control characters (but tab and newline) made
    visible instead of acted on. Display only, like everything here."""
    return text.translate(_TERMINAL_CONTROLS)


def visible(text: str) -> str:
    """``text`` with the bidi controls that reorder it named (``<U+202E>``) instead of acted on.
    Display only; LRM/RLM/ALM and ZWJ/ZWNJ, which only mark direction or join letters, stay."""
    return text.translate(_REORDERING)


def shown(text: str) -> str:
    """``text`` safe and honest on a terminal: :func:`printable`, then :func:`visible`."""
    return visible(printable(text))


def display_width(text: str) -> int:
    """Columns a string takes: combining marks and format controls take none, wide CJK two."""
    width = 0
    for ch in text:
        if ch in _ZERO_WIDTH or unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def wrap(text: str, width: int) -> list[str]:
    """Greedy word wrap by display width; a word longer than the width stands on its own line."""
    lines: list[str] = []
    for paragraph in text.split("\n"):
        line, used = "", 0
        for word in paragraph.split():
            w = display_width(word)
            if line and used + 1 + w > width:
                lines.append(line)
                line, used = "", 0
            line, used = (f"{line} {word}", used + 1 + w) if line else (word, w)
        lines.append(line)
    return lines


def visual_line(line: str, rtl: bool) -> str:
    """Shape one logical line (arabic-reshaper) and lay it out left to right.

    The levels come from python-bidi's maintained ``get_display`` (the Rust unicode-bidi crate:
    isolates, bracket pairs); it does not mirror brackets (rule L4), so reordering and mirroring
    are done by :func:`archiver.text.bidi_repair.display` on those levels (its docstring says why).
    """
    if not _RTL_CHAR.search(line):
        return line
    import arabic_reshaper

    from ..text.bidi_repair import display

    return display(arabic_reshaper.reshape(line), "R" if rtl else "L")


def _label(block: Mapping[str, Any]) -> str:
    return f"[{block.get('lang', 'und')}]"


def _block_lines(block: Mapping[str, Any], opts: TerminalOptions, gutter: int) -> list[str]:
    role, text = block.get("role", "paragraph"), block.get("text", "")
    if role == "heading":
        text = "#" * min(int(block.get("level") or 2), 6) + " " + text
    elif role == "list_item":
        text = "• " + text
    elif role == "quote":
        text = "│ " + text
    width = max(opts.width - gutter, 10)
    rtl = block.get("dir") == "rtl"
    lines = wrap(text, width) if role not in ("code", "table") else text.split("\n")
    out = []
    for n, line in enumerate(lines):
        if opts.bidi:
            line = visual_line(line, rtl)
            if rtl:
                line = " " * max(width - display_width(line), 0) + line
        prefix = _label(block) if n == 0 else ""
        out.append(prefix.ljust(gutter) + line)
    return out


def _named_controls(record: Mapping[str, Any]) -> dict[str, Any]:
    """The strings a display shows, with their reordering controls named (before any bidi layout)."""
    out = {k: visible(v) if isinstance(v, str) else v for k, v in record.items()}
    if isinstance(record.get("authors"), list):
        out["authors"] = [visible(a) if isinstance(a, str) else a for a in record["authors"]]
    out["blocks"] = [
        {**b, "text": visible(b["text"])} if isinstance(b, dict) and isinstance(b.get("text"), str) else b
        for b in record.get("blocks", [])
    ]
    return out


def render_terminal(record: Mapping[str, Any], opts: TerminalOptions = TerminalOptions()) -> str:
    """The document record as terminal text (display only: shaped and reordered when ``opts.bidi``)."""
    record = _named_controls(record)
    gutter = max([len(_label(b)) for b in record.get("blocks", [])] + [5]) + 1
    rtl_doc = record.get("direction") == "rtl"
    lines = wrap(record.get("title") or "(untitled)", opts.width)
    head = [visual_line(line, rtl_doc) for line in lines] if opts.bidi else lines
    out = head + ["=" * min(max(display_width(line) for line in head), opts.width)]
    meta = [
        ("url", record.get("url")),
        ("published", record.get("published")),
        ("authors", ", ".join(record.get("authors") or []) or None),
        ("site", record.get("site_name")),
        (
            "language",
            f"{record.get('language')} ({record.get('direction')}), page {record.get('page_language')}",
        ),
        ("id", record.get("id")),
    ]
    out += [f"{k}: {visual_line(v, False) if opts.bidi else v}" for k, v in meta if v]
    if record.get("status", "ok") != "ok":
        out.append(f"status: {record.get('status')}")
    for block in record.get("blocks", []):
        out.append("")
        out.extend(_block_lines(block, opts, gutter))
    return printable("\n".join(out)) + "\n"
