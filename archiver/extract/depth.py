"""A depth bound for markup nested deeper than the HTML parser goes: the text is kept.

libxml2 stops parsing at 2048 levels of nesting (with ``huge_tree``) and everything after the
cut would be lost. A page that deep (thousands of unclosed ``<b>``, ``<span>`` or ``<div>``) is
re-read with the tags beyond :data:`MAX_DEPTH` open elements left out, as browsers do (Chromium
attaches elements past 512 levels to the element at that depth): their text stays where it was,
only the structure beyond the bound goes. The nesting count is conservative (implied end tags
are not inferred), so the bound holds for the tree the parser builds.
"""

from __future__ import annotations

import re

MAX_DEPTH = 512
_VOID = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
        "keygen",
        "command",
        "basefont",
        "frame",
        "isindex",
    }
)
# raw-text elements and comments are copied whole; then any start or end tag
_TOKEN = re.compile(
    r"<!--.*?(?:-->|$)|<(script|style|textarea|title|xmp)\b[^>]*>.*?(?:</\1\s*>|$)"
    r"|<(/?)([A-Za-z][^\s/>]*)([^>]*)>",
    re.DOTALL | re.IGNORECASE,
)


def bound_depth(text: str, limit: int = MAX_DEPTH) -> str:
    """``text`` with every tag that would open an element past ``limit`` levels left out (and the
    end tag that closes it); all text and all other tags as they were."""
    out: list[str] = []
    stack: list[str] = []
    dropped: dict[str, int] = {}
    pos = 0
    for m in _TOKEN.finditer(text):
        name = (m.group(3) or "").lower()
        if not name:
            continue  # a comment or raw-text element: copied with the text around it
        out.append(text[pos : m.start()])
        pos = m.end()
        if m.group(2):  # an end tag
            if name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name) :]
            elif dropped.get(name):
                dropped[name] -= 1
                continue
            out.append(m.group())
        elif name in _VOID or m.group(4).rstrip().endswith("/"):
            out.append(m.group())
        elif len(stack) >= limit:
            dropped[name] = dropped.get(name, 0) + 1
        else:
            stack.append(name)
            out.append(m.group())
    out.append(text[pos:])
    return "".join(out)
