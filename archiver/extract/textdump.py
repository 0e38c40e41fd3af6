"""Plain-text scrape dumps: title, paragraphs, and chrome lines trimmed from the edges.

A dump is what a scraper saved as text: often the headline (sometimes twice), the paragraphs,
and the page's widgets flattened into short lines at the end (or the start). Paragraphs are
kept verbatim and in order; only edge lines that carry a chrome cue are removed, and the
headline's repeats (each a ``title-repeated`` cut, as in HTML).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from ..lang.script import dominant_script
from . import reasons as R
from .cues import phrase_cue

_COUNTER = re.compile(r"^\W*\d+\W*$")
_SENTENCE_END = tuple('.!?؟…"”’»)')


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
        if (
            len(lines) > 2
            and all(55 <= len(ln) <= 100 for ln in lines[:-1])
            and not any(ln.endswith(_SENTENCE_END) for ln in lines[:-1])
        ):
            out.append(" ".join(lines))
        else:
            out.extend(lines)
    return out


def _leads_with_symbol(line: str) -> bool:
    """A widget title ("💡 أهم المواضيع"): short, led by a symbol, and not a sentence."""
    first = line.lstrip()[:1]
    return (
        bool(first)
        and unicodedata.category(first) in ("So", "Sk", "Cn")
        and len(line) < 60
        and not line.endswith(_SENTENCE_END)
    )


def _edge_cue(line: str, body_script: str, phrases: tuple[str, ...]) -> tuple[str, str] | None:
    """The cue that makes an edge line chrome, or None."""
    cue = phrase_cue(line, phrases)
    if cue:
        return cue
    if _COUNTER.match(line):
        return "counter", R.LONE_NUMBER
    if _leads_with_symbol(line):
        return "widget-title", R.EMOJI_LED
    script, letters = dominant_script(line)
    if letters and script != body_script and len(line.split()) <= 5 and not line.endswith(_SENTENCE_END):
        return "chrome", R.OTHER_SCRIPT
    return None


def _is_title(line: str) -> bool:
    return len(line) <= 200 and not line.endswith((".", "。", "؛", ":"))


def _headline_like(line: str) -> bool:
    """A widget item: a short line that is not a sentence (teaser headlines under a widget title)."""
    return len(line.split()) <= 14 and not line.endswith(_SENTENCE_END)


def _trim(lines: list[str], body_script: str, phrases: tuple[str, ...], from_end: bool) -> list[DumpCut]:
    """Cut the chrome run at one edge: cue lines, and headline-like lines once a cue has been seen
    between them and the edge (items of a "most read" or "read also" widget)."""
    order = range(len(lines) - 1, -1, -1) if from_end else range(len(lines))
    cues: dict[int, tuple[str, str]] = {}
    span: list[int] = []
    far = -1  # where in ``span`` the cue farthest from the edge is
    for i in order:
        cue = _edge_cue(lines[i], body_script, phrases)
        if cue is None and not _headline_like(lines[i]):
            break
        if cue is not None:
            cues[i] = cue
            far = len(span)
        span.append(i)
    if not cues:
        return []
    # The chrome starts at the cue farthest from the edge; items beyond it are kept as article.
    taken = sorted(span[: far + 1])
    cuts = []
    widget = None
    for i in taken:
        if i in cues:
            widget = cues[i]
            cuts.append(DumpCut(lines[i], *cues[i]))
        else:
            role = widget[0] if widget else "chrome"
            cuts.append(DumpCut(lines[i], role, f"{R.WIDGET_ITEM}:{role}"))
    # the lines taken are one run at one edge: cut it off in one step
    if from_end:
        del lines[taken[0] :]
    else:
        del lines[: taken[-1] + 1]
    return cuts


def _body_script(lines: list[str]) -> str:
    return dominant_script(" ".join(ln for ln in lines if len(ln) > 80))[0]


def _chrome_above_title(line: str, phrases: tuple[str, ...]) -> bool:
    """The first line is chrome, not the title: a chrome phrase or a lone counter. (A short line
    in another script or one led by a symbol may well be the headline: those cues wait.)"""
    return phrase_cue(line, phrases) is not None or bool(_COUNTER.match(line))


def parse_dump(text: str, phrases: tuple[str, ...] = ()) -> Dump:
    lines = _paragraphs(text)
    above: list[DumpCut] = []
    if lines and _chrome_above_title(lines[0], phrases):  # widgets flattened above the headline
        above = _trim(lines, _body_script(lines), phrases, from_end=False)
    title = None
    repeats: list[DumpCut] = []
    if lines and _is_title(lines[0]):
        title = lines[0]
        n = 1
        while n < len(lines) and lines[n] == title:
            n += 1
        repeats = [DumpCut(title, "title", R.TITLE_REPEATED)] * (n - 1)
        lines = lines[n:]
    body_script = _body_script(lines)
    after = [] if above else _trim(lines, body_script, phrases, from_end=False)
    tail_cuts = _trim(lines, body_script, phrases, from_end=True)
    return Dump(title, tuple(lines), tuple(above + repeats + after + tail_cuts))
