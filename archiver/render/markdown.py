"""Archival Markdown (DESIGN.md §6): YAML front matter with JSON-quoted values, then the blocks.

Blocks whose language or direction differs from the document are wrapped in
``<div dir lang>`` with blank lines inside (Markdown stays live); a paragraph whose first
strong character disagrees with its direction becomes an explicit ``<p dir lang>``.
"""

from __future__ import annotations

import json
import re

from ..model import Block, Document
from .inline import differing_attrs, escape_inline, first_strong_dir, render_inline

# Left raw by json.dumps but not YAML: DEL, C1 controls (U+0085 NEL is a YAML line break, folded
# to a space), the non-characters U+FFFE/U+FFFF; and U+2028/2029/FEFF, line breaks or a BOM to
# some readers; and "<", ">", which a Markdown renderer that shows the front matter as text would
# read as raw HTML (a title "<script>…"). Written as JSON \\u escapes, which YAML double-quoted
# strings read the same.
_YAML_UNSAFE = re.compile("[<>\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]")
_BACKTICKS = re.compile("`+")
_CLOSING_HASHES = re.compile(r"(^|[ \t])(#+[ \t]*)$")


def _yaml(value: object) -> str:
    """A JSON-quoted value that a YAML parser reads back as exactly ``value``."""
    return _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m.group()):04x}", json.dumps(value, ensure_ascii=False))


def front_matter(doc: Document) -> str:
    md = doc.metadata
    fields: list[tuple[str, object]] = [
        ("title", doc.title),
        ("url", doc.url),
        ("canonical_url", md.canonical_url),
        ("lang", doc.language),
        ("dir", doc.direction),
        ("page_lang", doc.page_language),
        ("status", doc.status),
        ("authors", list(md.authors)),
        ("published", md.published),
        ("modified", md.modified),
        ("site_name", md.site_name),
        ("description", md.description),
        ("id", doc.id),
        ("source_sha256", doc.source.sha256),
    ]
    lines = ["---"]
    for key, value in fields:
        if value is None or value == []:
            continue
        lines.append(f"{key}: {_yaml(value)}")
    lines.append("---")
    return "\n".join(lines)


def _table(block: Block) -> str:
    rows = [list(r) for r in block.cells] or [[block.text]]
    width = max(len(r) for r in rows)  # renderers drop a cell past the header's count: pad every row
    rows = [r + [""] * (width - len(r)) for r in rows]
    cell = lambda s: escape_inline(s.replace("\n", " ")).replace("|", "\\|")
    out = ["| " + " | ".join(cell(c) for c in rows[0]) + " |", "|" + "---|" * width]
    out += ["| " + " | ".join(cell(c) for c in r) + " |" for r in rows[1:]]
    return "\n".join(out)


def render_block(block: Block) -> str:
    if block.role == "table":
        return _table(block)
    if block.role == "code":
        fence = "`" * max(3, 1 + max((len(m) for m in _BACKTICKS.findall(block.text)), default=0))
        return f"{fence}\n{block.text}\n{fence}"
    if block.role in ("paragraph", "quote", "caption") and block.dir in ("ltr", "rtl"):
        strong = first_strong_dir(block.text)
        if strong and strong != block.dir:
            inner = f'<p dir="{block.dir}" lang="{block.lang}">{render_inline(block, html_mode=True)}</p>'
            return "> " + inner.replace("\n", "\n> ") if block.role == "quote" else inner
    text = render_inline(block)
    if block.role == "heading":
        text = _CLOSING_HASHES.sub(r"\1\\\2", text.replace("\\\n", " "))  # not a closing sequence
        return "#" * min(max(block.level or 2, 1), 6) + " " + text
    if block.role == "list_item":
        indent = "    " * ((block.level or 1) - 1)
        marker = "1." if block.ordered else "-"
        return indent + marker + " " + text.replace("\\\n", "\\\n" + indent + "  ")
    if block.role == "quote":
        return "> " + text.replace("\\\n", "\\\n> ")
    if block.role == "caption":
        return f"*{text}*" if text and not text.startswith("*") else text
    return text


def render_blocks(blocks: tuple[Block, ...], lang: str, direction: str) -> str:
    chunks: list[str] = []
    group: list[str] = []
    group_key: tuple[str, str] | None = None

    def close() -> None:
        if group_key is None:
            return
        attrs = differing_attrs(group_key[0], group_key[1], lang, direction)
        chunks.append(f"<div{attrs}>\n\n" + _join(group) + "\n\n</div>")

    for block in blocks:
        key = (block.lang, block.dir if block.dir != "auto" else direction)
        differs = block.lang not in (lang, "zxx") or key[1] != direction
        text = render_block(block)
        if differs:
            if group_key != key:
                close()
                group, group_key = [], key
            group.append((block, text))
            continue
        close()
        group, group_key = [], None
        chunks.append(_join([(block, text)]))
    close()
    return "\n\n".join(c for c in chunks if c)


def _join(items: list) -> str:
    """Consecutive list items stay one list; everything else is separated by a blank line."""
    out = ""
    prev = None
    for block, text in items:
        if out:
            out += "\n" if prev is not None and prev.role == block.role == "list_item" else "\n\n"
        out += text
        prev = block
    return out


def to_markdown(doc: Document) -> str:
    parts = [front_matter(doc)]
    if doc.status != "ok":
        parts.append(
            "*No article: this page holds no article text (a listing, index, login or error page).*"
            if doc.status == "no_article"
            else f"*Status: {doc.status}.*"
        )
    body = render_blocks(doc.blocks, doc.language, doc.direction)
    if body:
        parts.append(body)
    if doc.comments:
        parts.append("## Comments\n\n" + render_blocks(doc.comments, doc.language, doc.direction))
    return "\n\n".join(parts) + "\n"
