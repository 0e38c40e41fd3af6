"""The Markdown escapes' fast path (text with nothing to escape is returned at once) gives what the
four substitutions give on every input (issue 17)."""

from __future__ import annotations

import random
import sys

from archiver.render import inline
from archiver.render.inline import escape_inline, escape_md

# Every character the escapes read, each kind of space, decimal digits of other scripts.
_ALPHABET = (
    "ab كت 日 \\`*_[]&<>#+-=~|:.)(;x 1٣۵𝟘 \t\n\r\x0b\x0c\x1c\x1f\x85\xa0\u2000\u2028\u3000"
    "&amp; &#12; &#x1F; ---"
)


def _full_inline(text: str) -> str:
    text = inline._MD_SPECIAL.sub(r"\\\1", inline._MD_ENTITY.sub("&amp;", text))
    return text.replace("<", "&lt;").replace(">", "&gt;")


def _full_md(text: str, line_start: bool) -> str:
    return inline._MD_LINE_START.sub(lambda m: inline._escape_opener(m, line_start), _full_inline(text))


def _texts() -> list[str]:
    rnd = random.Random(23)
    out = ["", " ", "1.", " 2) x", "٣. x", "# x", "  > q", "===", "- - -", "|:-|", "~~~", "a\nb"]
    out += [chr(cp) + tail for cp in range(sys.maxunicode + 1) if chr(cp).isspace() for tail in ("1. a", "-")]
    for _ in range(20000):
        out.append("".join(rnd.choice(_ALPHABET) for _ in range(rnd.randrange(1, 12))))
    return out


def test_escape_inline_is_the_four_substitutions():
    for text in _texts():
        assert escape_inline(text) == _full_inline(text), repr(text)


def test_escape_md_is_the_substitutions_and_line_openers():
    for text in _texts():
        for line_start in (True, False):
            assert escape_md(text, line_start) == _full_md(text, line_start), (repr(text), line_start)


def test_every_decimal_digit_opens_an_ordered_list():
    digits = [chr(cp) for cp in range(sys.maxunicode + 1) if chr(cp).isdecimal()]
    for d in digits:
        assert escape_md(f"{d}. x") == _full_md(f"{d}. x", True) == f"{d}\\. x"
