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
        return "".join([p[0] for p in self.pieces])  # a list: join reads it once, no generator


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
        current = self.current
        self.current = None
        if current is not None:
            for text, _ in current.pieces:  # plain().strip(), without a generator per block
                if text.strip():
                    self.blocks.append(current)
                    return

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
        children it wants walked (``("inline", el, marks)``), run from a stack of generators, so
        a page nesting thousands of elements cannot exhaust Python's stack. An element with
        nothing to walk under it is done at once (:meth:`inline` and :meth:`block` return None),
        in the order its generator would have run."""
        first = self.block(root)
        stack = [first] if first is not None else []
        while stack:
            try:
                _, el, marks = next(stack[-1])
            except StopIteration:
                stack.pop()
                continue
            walk = self.inline(el, marks)
            if walk is not None:
                stack.append(walk)

    def inline(self, el: etree._Element, marks: tuple) -> Walk | None:
        """Walk an inline element's content; a nested block element ends the current block."""
        tag = el.tag
        if tag.__class__ is not str or tag in SKIP_TAGS or not tag:
            return None
        if tag == "br":
            self.hard_break(marks, el)
            return None
        if tag in BLOCK_TAGS:
            return self.block(el)
        own = marks
        if tag in _MARK_TAGS:
            own = marks + ((_MARK_TAGS[tag], None),)
        elif tag == "a" and _is_link(href := el.get("href")):
            own = marks + (("link", safe_url(href)),)
        self.add_text(el.text, own, el)
        if not len(el):
            return None
        return self._children(el, own)

    def _children(self, el: etree._Element, marks: tuple, flush: bool = False) -> Walk:
        """``el``'s children to walk, each child's tail added after it; then a flush if asked."""
        for child in el:
            yield "inline", child, marks
            if tail := child.tail:  # most are None: no call
                self.add_text(tail, marks, el)
        if flush:
            self.flush()

    def _leaf(
        self, el: etree._Element, role: str, level: int | None = None, ordered: bool | None = None
    ) -> Walk | None:
        self.flush()
        self.current = Proto(role, level=level, ordered=ordered, source=el)
        self.add_text(el.text, (), el)
        if not len(el):
            self.flush()
            return None
        return self._children(el, (), flush=True)

    def block(self, el: etree._Element) -> Walk | None:
        """A block element's walk, or None when it is done at once (no children to walk)."""
        tag = el.tag
        if tag in SKIP_TAGS or tag == "hr":
            self.flush()
            return None
        if tag in _HEADINGS:
            return self._leaf(el, "heading", _HEADINGS[tag])
        if tag == "p":
            return self._leaf(el, "quote" if self.quote_depth else "paragraph")
        if tag == "pre":
            self.flush()
            self.blocks.append(Proto("code", [("".join(el.itertext()), ())], source=el))
            return None
        if tag in ("figcaption", "caption"):
            return self._leaf(el, "caption")
        if tag == "table" and not _is_layout_table(el):
            return self._data_table(el)
        if tag == "li" and not any(isinstance(c.tag, str) and c.tag in ("p", "div", "ul", "ol") for c in el):
            parent = el.getparent()
            return self._leaf(
                el, "list_item", max(self.list_depth, 1), parent is not None and parent.tag == "ol"
            )
        return self.container(el)

    def _data_table(self, el: etree._Element) -> Walk:
        self.flush()
        for caption in el.findall("caption"):  # a data table's title or credit: its own block
            walk = self._leaf(caption, "caption")
            if walk is not None:
                yield from walk
        proto = _table(el)
        if proto:
            self.blocks.append(proto)

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
                child.tag == "br"  # a comment's tag is a function: never equal
                and self.current is not None
                and self.current.pieces
                and self.current.pieces[-1][0] == "\n"
            ):
                self.current.pieces.pop()
                self.flush()
            else:
                yield "inline", child, ()
            if tail := child.tail:
                self.add_text(tail, (), el)
        self.flush()
        self.list_depth -= nested
        self.quote_depth -= quoted


def build_blocks(root: etree._Element) -> list[Proto]:
    """All blocks under ``root`` in document order."""
    builder = _Builder()
    builder.run(root)
    builder.flush()
    return builder.blocks
