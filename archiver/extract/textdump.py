"""Plain-text scrape dumps: title, paragraphs, and chrome lines trimmed from the edges.

A dump is what a scraper saved as text: often the headline (sometimes twice), the paragraphs,
and the page's widgets flattened into short lines at the end (or the start). Paragraphs are
kept verbatim and in order; only edge lines that carry a chrome cue are removed.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..lang.script import dominant_script
from .cues import phrase_cue

_COUNTER = re.compile(r"^\W*\d+\W*$")
_SENTENCE_END = tuple(".!?؟…\"”’»)")


@dataclass(frozen=True, slots=True)
class DumpLine:
    text: str
    role: str = "paragraph"


@dataclass(frozen=True, slots=True)
class DumpCut:
    text: str
    role: str
    reason: str


@dataclass(frozen=True, slots=True)
class Dump:
    title: str | None
    paragraphs: tuple[str, ...]
    cuts: tuple[DumpCut, ...]


def _paragraphs(text: str) -> list[str]:
    """Blank-line separated groups; hard-wrapped groups are joined, otherwise one line = one block."""
    out: list[str] = []
    for group in re.split(r"\n\s*\n", text.replace("\r\n", "\n").replace("\r", "\n")):
        lines = [ln.strip() for ln in group.split("\n") if ln.strip()]
        if len(lines) > 2 and all(55 <= len(ln) <= 100 for ln in lines[:-1]) \
                and not any(ln.endswith(_SENTENCE_END) for ln in lines[:-1]):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _leads_with_symbol(line: str) -> bool:
    first = line.lstrip()[:1]
    return bool(first) and unicodedata.category(first) in ("So", "Sk", "Cn") and len(line) < 60


def _edge_cue(line: str, body_script: str, phrases: tuple[str, ...]) -> tuple[str, str] | None:
    """The cue that makes an edge line chrome, or None."""
    cue = phrase_cue(line, phrases)
    if cue:
        return cue
    if _COUNTER.match(line):
        return "counter", "lone-number"
    if _leads_with_symbol(line):
        return "widget-title", "emoji-led-short-line"
    script, letters = dominant_script(line)
    if letters and script != body_script and len(line.split()) <= 5 and not line.endswith(_SENTENCE_END):
        return "chrome", "short-line-other-script"
    return None


def _is_title(line: str) -> bool:
    return len(line) <= 200 and not line.endswith((".", "。", "؛", ":"))


def parse_dump(text: str, phrases: tuple[str, ...] = ()) -> Dump:
    lines = _paragraphs(text)
    title = None
    if lines and _is_title(lines[0]):
        title = lines[0]
        lines = lines[1:]
        while lines and lines[0] == title:
            lines = lines[1:]
    body_script = dominant_script(" ".join(ln for ln in lines if len(ln) > 80))[0]
    head_cuts: list[DumpCut] = []
    while lines:
        cue = _edge_cue(lines[0], body_script, phrases)
        if not cue:
            break
        head_cuts.append(DumpCut(lines.pop(0), *cue))
    tail_cuts: list[DumpCut] = []
    while lines:
        cue = _edge_cue(lines[-1], body_script, phrases)
        if not cue:
            break
        tail_cuts.insert(0, DumpCut(lines.pop(), *cue))
    return Dump(title, tuple(lines), tuple(head_cuts + tail_cuts))
