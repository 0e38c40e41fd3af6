"""Inline rendering of one block: text + marks (bold, italics, code, links) + runs (other
language/direction) to Markdown or HTML. Runs become ``<span dir lang>``; nothing else is
injected (no RLM/LRM, no <bdi>, never reshaped text)."""

from __future__ import annotations

import html
import re
from bisect import bisect_left, insort
from collections.abc import Iterator
from dataclasses import replace
from itertools import pairwise

from ..model import Block
from .urls import safe_url

_MD_SPECIAL = re.compile(r"([\\`*_\[\]])")
_MD_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)")  # "&amp;" would show "&"
# What opens a block at the start of a line of a block's text (a line after a <br> too): an ordered
# list marker (escaped at its delimiter: "1\\." shows "1."), a heading, a list marker; and (``line``,
# only at true line starts) a thematic break, setext underline, ~~~ fence or table delimiter row.
_MD_LINE_START = re.compile(
    r"^(?P<lead>\s*)(?:(?P<num>\d+)(?P<delim>[.)])(?=\s|$)|(?P<mark>#{1,6}|[>+\-=])(?=\s|$)"
    r"|(?P<line>(?:-[ \t]*){3,}$|[-=]+[ \t]*$|~{3,}|[|:-](?=[|: \t-]*-)[|: \t-]*$))",
    re.MULTILINE,
)
_BACKTICK_RUN = re.compile("`+")
_WRAP = {"strong": ("**", "**"), "em": ("*", "*"), "code": ("`", "`")}
_HTML_WRAP = {"strong": ("<strong>", "</strong>"), "em": ("<em>", "</em>"), "code": ("<code>", "</code>")}


# Every character that :func:`escape_inline` changes or reads (``_MD_SPECIAL``, ``&``, ``<``, ``>``);
# and what can follow the leading spaces of a line that ``_MD_LINE_START`` escapes (or a decimal digit).
_INLINE_SPECIAL = re.compile(r"[\\`*_\[\]&<>]")
_OPENERS = frozenset("#>+-=~|:")


def escape_inline(text: str) -> str:
    """Text as literal Markdown inside a line: no emphasis, code, link, raw HTML, character reference."""
    if not _INLINE_SPECIAL.search(text):
        return text  # most text: nothing to escape, one scan instead of four
    text = _MD_SPECIAL.sub(r"\\\1", _MD_ENTITY.sub("&amp;", text))
    return text.replace("<", "&lt;").replace(">", "&gt;")


def escape_md(text: str, line_start: bool = True) -> str:
    """Text as literal Markdown: :func:`escape_inline`, and no line of it opens a block.
    ``line_start``: ``text`` begins a line (not a piece after a mark or a run)."""
    if "\n" not in text and not _INLINE_SPECIAL.search(text):
        # one line with nothing to escape inline: only its start can open a block, and only
        # with an opener or a digit after the leading spaces (``\s`` is ``str.isspace``)
        head = text.lstrip()[:1]
        if not head or (head not in _OPENERS and not head.isdecimal()):
            return text
    return _MD_LINE_START.sub(lambda m: _escape_opener(m, line_start), escape_inline(text))


def _escape_opener(m: re.Match[str], line_start: bool) -> str:
    if m.group("num"):
        return m.group("lead") + m.group("num") + "\\" + m.group("delim")
    after_break = m.start() > 0 or "\n" in m.group("lead")
    if m.group("line") and (after_break or (line_start and not m.group("line").startswith("="))):
        return m.group("lead") + "\\" + m.group("line")  # "===" underlines only a line above it
    return m.group("lead") + "\\" + m.group("mark") if m.group("mark") else m.group()


def _segments(block: Block) -> Iterator[tuple[int, int, tuple, object]]:
    """(start, end, active marks, active run) for each piece between boundaries: a mark is active on a
    piece inside its span (marks in the block's order), the run is the first that covers it.

    One sweep over the sorted boundaries (O(n log n) for n marks and runs; checking every mark
    and run for every piece grew with the square of a busy block: issue 17)."""
    size = len(block.text)
    opens: dict[int, list[int]] = {}
    closes: dict[int, list[int]] = {}
    spans = [*block.marks, *block.runs]
    for k, item in enumerate(spans):
        start, end = max(item.start, 0), min(item.end, size)
        if item.start <= size and item.end >= 0 and start < end:
            opens.setdefault(start, []).append(k)
            closes.setdefault(end, []).append(k)
    points = sorted({0, size, *(p for item in spans for p in (item.start, item.end) if 0 <= p <= size)})
    n_marks = len(block.marks)
    active: list[int] = []  # indices into ``spans``, ascending: marks first, then runs
    marks: tuple = ()
    run = None
    for a, b in pairwise(points):
        ending, starting = closes.get(a), opens.get(a)
        if ending or starting:  # the active set changes only here
            for k in ending or ():
                active.pop(bisect_left(active, k))
            for k in starting or ():
                insort(active, k)
            cut = bisect_left(active, n_marks)
            marks = tuple(spans[k] for k in active[:cut])
            run = spans[active[cut]] if cut < len(active) else None
        yield a, b, marks, run


def _wrap_marks(text: str, marks: tuple, html_mode: bool, esc, mid) -> str:  # type: ignore[no-untyped-def]
    """``mid`` escapes the core, which the mark's opening ``*``/``[`` keeps off the line start."""
    lead = text[: len(text) - len(text.lstrip())]
    trail = text[len(text.rstrip()) :]
    code = not html_mode and any(m.kind == "code" for m in marks)
    core = _code_span(text.strip()) if code else mid(text.strip())
    if not core:
        return esc(text)
    for m in marks:
        if m.kind == "link" or (code and m.kind == "code"):
            continue
        a, b = (_HTML_WRAP if html_mode else _WRAP)[m.kind]
        core = f"{a}{core}{b}"
    link = next((m for m in marks if m.kind == "link"), None)
    href = safe_url(link.href) if link is not None else None
    if href is not None:  # a link whose target may not be written keeps its text
        if html_mode:
            core = f'<a href="{html.escape(href, quote=True)}">{core}</a>'
        else:
            core = f"[{core}]({href})"
    return esc(lead) + core + esc(trail)


def _code_span(text: str) -> str:
    """``text`` as a Markdown code span, written as it is: backslash escapes do not work inside
    one ("my\\_var" would show its backslash), so the fence is one backtick longer than any run of
    backticks inside, with a space inside it where the text begins or ends with a backtick."""
    if not text:
        return ""
    text = text.replace("\n", " ")
    fence = "`" * (1 + max((len(m) for m in _BACKTICK_RUN.findall(text)), default=0))
    pad = " " if text[0] == "`" or text[-1] == "`" else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def differing_attrs(lang: str, direction: str, parent_lang: str | None, parent_dir: str | None) -> str:
    """`` dir="…" lang="…"`` holding only what differs from the parent (DESIGN.md §6)."""
    out = ""
    if direction in ("ltr", "rtl") and direction != parent_dir:
        out += f' dir="{direction}"'
    if lang != parent_lang:
        out += f' lang="{html.escape(lang, quote=True)}"'
    return out


def render_inline(block: Block, html_mode: bool = False) -> str:
    """The block's inline content as Markdown (default) or HTML."""
    esc = (lambda s: html.escape(s, quote=False)) if html_mode else escape_md
    if any(m.kind == "link" and safe_url(m.href) is None for m in block.marks):
        # a link whose target may not be written keeps its text, as if it were no link
        block = replace(block, marks=tuple(m for m in block.marks if m.kind != "link" or safe_url(m.href)))
    if not block.marks and not block.runs:
        # most blocks: the whole text is one segment with no marks and no run (an empty text
        # has none, and escapes to "" too), so the loop below would emit esc(text) alone
        return esc(block.text).replace("\n", "<br>\n" if html_mode else "\\\n")
    return _render_segments(block, html_mode, esc)


def _render_segments(block: Block, html_mode: bool, esc) -> str:  # type: ignore[no-untyped-def]
    """``render_inline`` in general: segment by segment, runs wrapped, marks applied."""
    parts: list[str] = []
    current_run = None
    buffer: list[str] = []
    opening: dict[tuple[str, str], str] = {}  # a run's <span …> by (lang, dir)

    def flush() -> None:
        if not buffer:
            return
        if current_run is None:
            parts.extend(buffer)
        else:
            key = (current_run.lang, current_run.dir)
            tag = opening.get(key)
            if tag is None:
                tag = opening[key] = f"<span{differing_attrs(*key, block.lang, block.dir)}>"
            parts.append(tag)
            parts.extend(buffer)
            parts.append("</span>")
        buffer.clear()

    mid = esc if html_mode else (lambda s: escape_md(s, line_start=False))
    pos = 0
    for text, marks, run in _merge(block):
        if run is not current_run:
            flush()
            current_run = run
        here = esc if pos == 0 or block.text[pos - 1] == "\n" else mid
        buffer.append(_wrap_marks(text, marks, html_mode, here, mid) if marks else here(text))
        pos += len(text)
    flush()
    out = "".join(parts)
    return out.replace("\n", "<br>\n" if html_mode else "\\\n")


def _merge(block: Block) -> Iterator[tuple[str, tuple, object]]:
    """(text, marks, run) of the block's pieces, neighbours with the same marks and run joined so
    a link is not split into two (each text sliced once from the block's). A generator: no list
    of a busy block's pieces outlives its piece (fewer objects for the collector to walk)."""
    start = end = 0
    marks: tuple = ()
    run = None
    for a, b, seg_marks, seg_run in _segments(block):
        if a and (seg_marks is marks or seg_marks == marks) and seg_run is run:
            end = b
            continue
        if end > start:
            yield block.text[start:end], marks, run
        start, end, marks, run = a, b, seg_marks, seg_run
    if end > start:
        yield block.text[start:end], marks, run


_RTL_LETTERS = "\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc"
_LTR_LETTERS = "A-Za-z\u00c0-\u024f\u0370-\u03ff\u0400-\u04ff\u1e00-\u1eff"
_STRONG_RTL = re.compile(f"[{_RTL_LETTERS}]")
_STRONG_LTR = re.compile(f"[{_LTR_LETTERS}]")
_STRONG = re.compile(f"[{_RTL_LETTERS}{_LTR_LETTERS}]")  # the two classes are disjoint


def first_strong_dir(text: str) -> str | None:
    """The direction a renderer would guess from the first strong character (one scan to it,
    not one scan per direction: an Arabic text with no Latin letter was read to its end)."""
    m = _STRONG.search(text)
    if m is None:
        return None
    return "rtl" if _STRONG_RTL.match(m.group()) else "ltr"
