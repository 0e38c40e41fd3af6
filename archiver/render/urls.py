"""The one URL sanitizer (DESIGN.md §7): every link and image URL written into Markdown, HTML or
JSON passes :func:`safe_url`.

1. Stripped as a browser strips it: leading and trailing spaces and C0 controls, and every tab,
   newline and carriage return inside (``java\\tscript:`` is ``javascript:`` to a browser).
2. The scheme, case-folded, must be one of :data:`SCHEMES`; a URL with no scheme (relative, a
   path, a query or a fragment) is kept. Anything else (``javascript:``, ``vbscript:``,
   ``data:``, ``file:``) gives None: the link text stays, the link goes.
3. Every character that is not URL-safe is percent-encoded (UTF-8): spaces and all other Unicode
   whitespace, controls, bidi and other format characters, ``"<>\\^`{|}``, brackets, a ``%`` that
   starts no escape, and in a relative reference's first segment an ``&`` that would read as a
   character reference (Markdown renderers decode them; elsewhere in a URL a decoded reference
   cannot make a scheme, and ``&amp;`` reads as ``&`` as it did). Other non-ASCII letters
   stay as they are (an Arabic path is readable; renderers encode it in their own output).
4. A relative reference whose first segment holds a colon (which is no valid scheme, such as
   ``\ufffdjavascript:…``) has it percent-encoded (RFC 3986 §4.2), so no reader takes it for one.
5. Parentheses stay where they pair up (``…/Mercury_(planet)`` is a working CommonMark link
   destination as written); an unpaired one, or one nested deeper than :data:`MAX_PAREN_DEPTH`,
   is percent-encoded.

The result is idempotent (``safe_url(safe_url(u)) == safe_url(u)``), holds no character that can
open or close HTML markup or a Markdown destination, and is the same URL to a server.
"""

from __future__ import annotations

import re
import unicodedata

SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
MAX_PAREN_DEPTH = 8
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_EDGE = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped at both ends
_INSIDE = re.compile("[\t\n\r]")
# ASCII kept as written: RFC 3986 unreserved and reserved characters except the brackets ('%',
# '&' and parentheses are decided on their own below).
_ASCII_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$'*+,;=")
_FIRST_SEGMENT = re.compile(r"[^/?#]*")
_HEX = frozenset("0123456789abcdefABCDEF")
_ENTITY = re.compile(
    r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)"
)  # "&amp;", "&#58;": decoded by renderers


def safe_url(url: str | None) -> str | None:
    """``url`` as it may be written into an output, or None when it may not be a link target."""
    if not url:
        return None
    url = _INSIDE.sub("", url.strip(_EDGE))
    if not url:
        return None
    m = _SCHEME.match(url)
    if m and m.group(1).casefold() not in SCHEMES:
        return None
    head = 0
    if m is None:  # a relative reference: a colon in its first segment would read as a scheme
        head = _FIRST_SEGMENT.match(url).end()
        url = url[:head].replace(":", "%3A") + url[head:]
        head = _FIRST_SEGMENT.match(url).end()
    return _encode(url, head)


def _encode(url: str, head: int) -> str:
    """Percent-encode what is not URL-safe; ``head``: the length of a relative reference's first
    segment, where a character reference ("javascript&#58;…") would decode to a scheme."""
    parens = _paired_parens(url)
    entity = {m.start() for m in _ENTITY.finditer(url) if m.start() < head}
    out: list[str] = []
    for i, ch in enumerate(url):
        if (
            ch in _ASCII_SAFE
            or (ch in "()" and i in parens)
            or (
                ch == "%" and url[i + 1 : i + 2] in _HEX and url[i + 2 : i + 3] in _HEX and url[i + 1 : i + 3]
            )
            or (ch == "&" and i not in entity)
            or (ord(ch) > 0x7F and _visible(ch))
        ):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


def _visible(ch: str) -> bool:
    """A non-ASCII character that is neither whitespace, a control, a format character (bidi
    controls, zero-width characters), a surrogate, a private-use character nor unassigned."""
    return unicodedata.category(ch)[0] not in "ZC"


def _paired_parens(url: str) -> set[int]:
    """Positions of the parentheses that pair up, at most :data:`MAX_PAREN_DEPTH` deep."""
    paired: set[int] = set()
    open_at: list[int] = []
    for i, ch in enumerate(url):
        if ch == "(":
            open_at.append(i)
        elif ch == ")" and open_at:
            start = open_at.pop()
            if len(open_at) < MAX_PAREN_DEPTH:
                paired.update((start, i))
    return paired
