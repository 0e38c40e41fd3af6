"""Blocks from the article subtree: headings, paragraphs, list items, quotes, tables, captions,
code — with inline bold, italics, code and links kept as pieces for Markdown."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from lxml import etree

from ..render.urls import safe_url
from .parse import squash

BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "aside",
        "blockquote",
        "details",
        "dialog",
        "dd",
        "div",
        "dl",
        "dt",
        "fieldset",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hgroup",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "table",
        "ul",
        "tr",
        "td",
        "th",
        "tbody",
        "thead",
        "tfoot",
        "center",
        "summary",
        "caption",
    }
)
SKIP_TAGS = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "iframe",
        "button",
        "input",
        "select",
        "textarea",
        "object",
        "embed",
        "video",
        "audio",
        "canvas",
        "map",
        "head",
        "title",
        "meta",
        "link",
        "img",
        "picture",
    }
)
_MARK_TAGS = {
    "b": "strong",
    "strong": "strong",
    "i": "em",
    "em": "em",
    "cite": "em",
    "code": "code",
    "kbd": "code",
    "tt": "code",
    "samp": "code",
}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}

Piece = tuple[str, tuple[tuple[str, str | None], ...]]
# An element's walk: yields the children to walk next, as (kind, element, marks); see _Builder.run.
Walk = Iterator[tuple[str, etree._Element, tuple]]


@dataclass(slots=True)
class Proto:
    """A block before normalization: inline pieces, each with its active marks."""

    role: str
    pieces: list[Piece] = field(default_factory=list)
    level: int | None = None
    ordered: bool | None = None
    cells: tuple[tuple[str, ...], ...] = ()
    source: etree._Element | None = None

    def plain(self) -> str:
        return "".join(p[0] for p in self.pieces)


_BLANK = " \t\u00a0"


def _ends_with_break(pieces: list[Piece]) -> bool:
    """Whether the last piece that is not spaces alone ends with a <br>'s line break (a source
    line break is a space by then: :meth:`_Builder.add_text`; a no-break space alone between two
    <br> is the old spacer of an empty line)."""
    for text, _ in reversed(pieces):
        if text.strip(_BLANK):
            return text.rstrip(_BLANK).endswith("\n")
    return False


def _is_link(href: str | None) -> bool:
    """An <a> whose text counts as a link (link-dense blocks are chrome): an href that is not an
    in-page fragment or a script as written. The mark keeps the target only where :func:`safe_url`
    lets it be written (a ``tel:`` or ``JaVaScRiPt:`` link is a link without a target)."""
    return bool(href) and not href.startswith(("javascript:", "#"))


def _is_layout_table(table: etree._Element) -> bool:
    """Tables used for page layout hold paragraphs or other tables; data tables don't."""
    for el in table.iter("table", "p", "div", "ul", "ol", "h1", "h2", "h3"):
        if el is not table and el.tag in ("table", "p", "ul", "ol", "h1", "h2", "h3"):
            return True
        if el.tag == "div" and len(squash(" ".join(el.itertext()))) > 300:
            return True
    return False


is_layout_table = _is_layout_table


def _table(el: etree._Element) -> Proto | None:
    rows = []
    for tr in el.iter("tr"):
        cells = tuple(
            squash(" ".join(td.itertext())) for td in tr if isinstance(td.tag, str) and td.tag in ("td", "th")
        )
        if any(cells):
            rows.append(cells)
    if not rows:
        return None
    width = max(len(r) for r in rows)
    rows = [r + ("",) * (width - len(r)) for r in rows]
    text = "\n".join("\t".join(r) for r in rows)
    return Proto("table", [(text, ())], cells=tuple(rows), source=el)


_SOURCE_BREAKS = re.compile(r"[ \t]*[\r\n]+[ \t]*")


class _Builder:
    def __init__(self) -> None:
        self.blocks: list[Proto] = []
        self.current: Proto | None = None
        self.list_depth = 0
        self.quote_depth = 0

    def flush(self) -> None:
        if self.current is not None and self.current.plain().strip():
            self.blocks.append(self.current)
        self.current = None

    def add_text(self, text: str | None, marks: tuple, el: etree._Element, hard: bool = False) -> None:
        """Append a text piece. Line breaks in the HTML source are whitespace like any other
        (pretty-printed markup breaks lines around links); only <br> (``hard``) is a line break."""
        if not text:
            return
        if not hard and ("\n" in text or "\r" in text):
            text = _SOURCE_BREAKS.sub(" ", text)
        if self.current is None:
            if not text.strip():
                return
            self.current = Proto("quote" if self.quote_depth else "paragraph", source=el)
        self.current.pieces.append((text, marks))

    def hard_break(self, marks: tuple, el: etree._Element) -> None:
        """A <br>: a line break inside the block. Two or more in a row (spaces between) end a
        paragraph or quote, and what follows is the next one; in a heading, list item or caption
        they are one line break (no empty line in it). A <br> before any text of the block
        breaks no line (spaces before it are a spacer line, no text). Blank pieces are dropped
        as they are met, so a run of thousands of <br> costs no more than one each."""
        current = self.current
        if current is None or not _ends_with_break(current.pieces):
            if current is not None and not any(text.strip(_BLANK) for text, _ in current.pieces):
                current.pieces.clear()
                return
            self.add_text("\n", marks, el, hard=True)
            return
        while current.pieces and not current.pieces[-1][0].strip(_BLANK):
            current.pieces.pop()  # the spaces after the last break
        if current.role in ("paragraph", "quote"):
            text, piece_marks = current.pieces.pop()  # the paragraph ends with its text, not a break
            if text.rstrip(_BLANK)[:-1]:
                current.pieces.append((text.rstrip(_BLANK)[:-1], piece_marks))
            self.flush()

    def run(self, root: etree._Element) -> None:
        """Walk ``root`` without recursion: each element's walk is a generator that yields the
        children it wants walked (``("inline", el, marks)`` or ``("block", el, ())``), run from a
        stack of generators, so a page nesting thousands of elements cannot exhaust Python's stack."""
        stack = [self.block(root)]
        while stack:
            try:
                kind, el, marks = next(stack[-1])
            except StopIteration:
                stack.pop()
                continue
            stack.append(self.inline(el, marks) if kind == "inline" else self.block(el))

    def inline(self, el: etree._Element, marks: tuple) -> Walk:
        """Walk an inline element's content; a nested block element ends the current block."""
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in SKIP_TAGS or not tag:
            return
        if tag == "br":
            self.hard_break(marks, el)
            return
        if tag in BLOCK_TAGS:
            yield from self.block(el)
            return
        own = marks
        if tag in _MARK_TAGS:
            own = marks + ((_MARK_TAGS[tag], None),)
        elif tag == "a" and _is_link(el.get("href")):
            own = marks + (("link", safe_url(el.get("href"))),)
        self.add_text(el.text, own, el)
        for child in el:
            yield "inline", child, own
            self.add_text(child.tail, own, el)

    def _leaf(
        self, el: etree._Element, role: str, level: int | None = None, ordered: bool | None = None
    ) -> Walk:
        self.flush()
        self.current = Proto(role, level=level, ordered=ordered, source=el)
        self.add_text(el.text, (), el)
        for child in el:
            yield "inline", child, ()
            self.add_text(child.tail, (), el)
        self.flush()

    def block(self, el: etree._Element) -> Walk:
        tag = el.tag
        if tag in SKIP_TAGS or tag == "hr":
            self.flush()
            return
        if tag in _HEADINGS:
            yield from self._leaf(el, "heading", _HEADINGS[tag])
        elif tag == "p":
            yield from self._leaf(el, "quote" if self.quote_depth else "paragraph")
        elif tag == "pre":
            self.flush()
            self.blocks.append(Proto("code", [("".join(el.itertext()), ())], source=el))
        elif tag in ("figcaption", "caption"):
            yield from self._leaf(el, "caption")
        elif tag == "table" and not _is_layout_table(el):
            self.flush()
            for caption in el.findall("caption"):  # a data table's title or credit: its own block
                yield from self._leaf(caption, "caption")
            proto = _table(el)
            if proto:
                self.blocks.append(proto)
        elif tag == "li" and not any(
            isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol") for c in el
        ):
            parent = el.getparent()
            yield from self._leaf(
                el, "list_item", max(self.list_depth, 1), parent is not None and parent.tag == "ol"
            )
        else:
            yield from self.container(el)

    def container(self, el: etree._Element) -> Walk:
        tag = el.tag
        nested = tag in ("ul", "ol")
        quoted = tag == "blockquote"
        self.flush()
        self.list_depth += nested
        self.quote_depth += quoted
        if tag == "li":
            parent = el.getparent()
            self.current = Proto(
                "list_item",
                level=max(self.list_depth, 1),
                ordered=parent is not None and parent.tag == "ol",
                source=el,
            )
        self.add_text(el.text, (), el)
        for child in el:
            if (
                isinstance(child.tag, str)
                and child.tag == "br"
                and self.current is not None
                and self.current.pieces
                and self.current.pieces[-1][0] == "\n"
            ):
                self.current.pieces.pop()
                self.flush()
            else:
                yield "inline", child, ()
            self.add_text(child.tail, (), el)
        self.flush()
        self.list_depth -= nested
        self.quote_depth -= quoted


def build_blocks(root: etree._Element) -> list[Proto]:
    """All blocks under ``root`` in document order."""
    builder = _Builder()
    builder.run(root)
    builder.flush()
    return builder.blocks
