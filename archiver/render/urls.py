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

SCHEMES = frozenset({"http", "https", "mailto", "ftp"})
MAX_PAREN_DEPTH = 8
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_EDGE = "".join(chr(c) for c in range(0x21))  # C0 controls and space, stripped at both ends
_INSIDE = re.compile("[\t\n\r]")
_FIRST_SEGMENT = re.compile(r"[^/?#]*")
_ENTITY = re.compile(
    r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)"
)  # "&amp;", "&#58;": decoded by renderers


def safe_url(url: str | None) -> str | None:
    """``url`` as it may be written into an output, or None when it may not be a link target."""
    if not url:
        return None
    url = url.strip(_EDGE)
    if "\t" in url or "\n" in url or "\r" in url:
        url = _INSIDE.sub("", url)
    if not url:
        return None
    m = _SCHEME.match(url)
    if m and m.group(1).casefold() not in SCHEMES:
        return None
    head = 0
    if m is None:  # a relative reference: a colon in its first segment would read as a scheme
        head = _FIRST_SEGMENT.match(url).end()
        if ":" in url[:head]:
            url = url[:head].replace(":", "%3A") + url[head:]
            head = _FIRST_SEGMENT.match(url).end()
    if PLAIN.fullmatch(url) and (url.isascii() or url.isprintable()) and "&" not in url[:head]:
        return url  # nothing to encode: the common case, decided by one regex
    return _encode(url, head)


# ASCII kept as written: RFC 3986 unreserved and reserved characters except the brackets ('%',
# '&' and parentheses are decided on their own). A URL made only of that, escapes that are one,
# '&' outside a relative reference's first segment and visible non-ASCII characters is returned
# as it is. A non-ASCII character is visible when its Unicode category is neither Z* nor C*:
# exactly what ``str.isprintable`` says of it (tests/render/test_urls_encoder.py checks).
# Written unrolled, runs of kept characters between escapes (``(?:kept|%XX|non-ASCII)*`` is the same
# language; sre scans a run of one character class in one step instead of one alternation a character).
_KEPT = r"[A-Za-z0-9\-._~:/?#@!$'*+,;=&\x80-\U0010ffff]*"
PLAIN = re.compile(rf"{_KEPT}(?:%[0-9A-Fa-f]{{2}}{_KEPT})*")
# What _encode must look at: a '%' that starts no escape, '&' and each parenthesis, a run of
# ASCII that is never kept, a run of non-ASCII characters.
_SPECIAL = re.compile(
    r"(%)(?![0-9A-Fa-f]{2})|([&()])|([^A-Za-z0-9\-._~:/?#@!$'*+,;=%&()\x80-\U0010ffff]+)|([^\x00-\x7f]+)"
)
_NONE: frozenset[int] = frozenset()


def _escape(text: str) -> str:
    """``text`` percent-encoded as UTF-8, every character of it."""
    return "".join(f"%{b:02X}" for b in text.encode("utf-8", "surrogatepass"))


def _encode(url: str, head: int) -> str:
    """Percent-encode what is not URL-safe; ``head``: the length of a relative reference's first
    segment, where a character reference ("javascript&#58;…") would decode to a scheme."""
    parens = _paired_parens(url) if "(" in url or ")" in url else _NONE
    entity = {m.start() for m in _ENTITY.finditer(url) if m.start() < head} if "&" in url[:head] else _NONE

    def one(m: re.Match) -> str:
        percent, single, never, wide = m.groups()
        if single == "&":
            return "%26" if m.start() in entity else "&"
        if single:
            return single if m.start() in parens else _escape(single)
        if wide:
            return wide if wide.isprintable() else "".join(c if c.isprintable() else _escape(c) for c in wide)
        return _escape(percent or never)

    return _SPECIAL.sub(one, url)


def _paired_parens(url: str) -> set[int]:
    """Positions of the parentheses that pair up, at most :data:`MAX_PAREN_DEPTH` deep."""
    paired: set[int] = set()
    open_at: list[int] = []
    for m in _PARENS.finditer(url):
        i = m.start()
        if m.group() == "(":
            open_at.append(i)
        elif open_at:
            start = open_at.pop()
            if len(open_at) < MAX_PAREN_DEPTH:
                paired.update((start, i))
    return paired


_PARENS = re.compile("[()]")
