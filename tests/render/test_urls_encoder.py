"""The regex-driven URL encoder gives exactly what the per-character one gave (its reference copy is
kept here), on generated hostile and ordinary URLs and on every link target of corpus pages."""

from __future__ import annotations

import gzip
import random
import re
import sys
import unicodedata
from pathlib import Path

import pytest

from archiver.render import urls
from archiver.render.urls import safe_url

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

# The sanitizer as it was before the regex fast path and encoder (render/urls.py at 81da496).
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_EDGE = "".join(chr(c) for c in range(0x21))
_INSIDE = re.compile("[\t\n\r]")
_ASCII_SAFE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#@!$'*+,;=")
_FIRST_SEGMENT = re.compile(r"[^/?#]*")
_HEX = frozenset("0123456789abcdefABCDEF")
_ENTITY = re.compile(r"&(?=[A-Za-z][A-Za-z0-9]*;|#[0-9]+;|#[xX][0-9A-Fa-f]+;)")


def reference_safe_url(url: str | None) -> str | None:
    if not url:
        return None
    url = _INSIDE.sub("", url.strip(_EDGE))
    if not url:
        return None
    m = _SCHEME.match(url)
    if m and m.group(1).casefold() not in urls.SCHEMES:
        return None
    head = 0
    if m is None:
        head = _FIRST_SEGMENT.match(url).end()
        url = url[:head].replace(":", "%3A") + url[head:]
        head = _FIRST_SEGMENT.match(url).end()
    return reference_encode(url, head)


def reference_encode(url: str, head: int) -> str:
    parens = _reference_parens(url)
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
            or (ord(ch) > 0x7F and unicodedata.category(ch)[0] not in "ZC")
        ):
            out.append(ch)
        else:
            out.append("".join(f"%{b:02X}" for b in ch.encode("utf-8", "surrogatepass")))
    return "".join(out)


def _reference_parens(url: str) -> set[int]:
    paired: set[int] = set()
    open_at: list[int] = []
    for i, ch in enumerate(url):
        if ch == "(":
            open_at.append(i)
        elif ch == ")" and open_at:
            start = open_at.pop()
            if len(open_at) < urls.MAX_PAREN_DEPTH:
                paired.update((start, i))
    return paired


# Generated URLs: a start that decides the scheme or the first segment, then pieces that are kept,
# decided one by one, or always encoded.
STARTS = [
    "http://x.example/",
    "HTTPS://X.example/a/",
    "mailto:a@x.example?subject=",
    "ftp://f.example/",
    "//cdn.example/",
    "/",
    "./",
    "?",
    "#",
    "",
    "javascript:",
    " \tjava\nscript:",
    "data:",
    "a:b/",
    "\ufffdjavascript:",
    "\x00\x01 ",
]
PIECES = [
    *"abcXYZ019-._~:/?#@!$'*+,;=",
    "%",
    "%4",
    "%41",
    "%zz",
    "%%41",
    "&",
    "&amp;",
    "&#58;",
    "&#x3A;",
    "&#",
    "(",
    ")",
    "()",
    "(((",
    ")))",
    "(((((((((((",
    ")))))))))))",
    "Mercury_(planet)",
    *' \t\n\r\x00\x1f\x7f"<>\\^`{|}[]',
    "مصر",
    "خبر 1",
    "é",
    "ß",
    "日本",
    "\U0001f600",
    "\u202e",
    "\u200b",
    "\u00a0",
    "\u2028",
    "\u3000",
    "\ue000",
    "\u0378",
    "\ufeff",
    "\ud800",
    "\udfff",
]


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        start = rng.choice(STARTS)
        body = "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 24)))
        tail = rng.choice(["", " ", "\n", "\x00", "/x"])
        out.append(start + body + tail)
    return out


def _ordinary(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    words = ["news", "2024", "world", "article", "مصر", "الأخبار", "Mercury_(planet)", "a-b", "x_y", "%D9%85"]
    out = []
    for _ in range(n):
        path = "/".join(rng.choice(words) for _ in range(rng.randint(0, 5)))
        query = "&".join(f"{rng.choice(words)}={rng.randint(0, 99)}" for _ in range(rng.randint(0, 3)))
        url = rng.choice(["https://www.example.org/", "http://ar.example.net/", "/", "", "../"]) + path
        out.append(url + ("?" + query if query else "") + rng.choice(["", "#top", "#"]))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_safe_url_equals_the_per_character_reference_on_generated_urls(seed):
    for url in _generated(3000, seed) + _ordinary(1000, seed):
        assert safe_url(url) == reference_safe_url(url), repr(url)


@pytest.mark.parametrize("seed", range(2))
def test_encoder_equals_the_reference_for_any_first_segment_length(seed):
    rng = random.Random(100 + seed)
    for url in _generated(2000, seed):
        head = rng.randint(0, len(url))
        assert urls._encode(url, head) == reference_encode(url, head), (url, head)


def test_isprintable_is_visible_for_every_non_ascii_character():
    for code in range(0x80, sys.maxunicode + 1):
        ch = chr(code)
        assert ch.isprintable() == (unicodedata.category(ch)[0] not in "ZC"), hex(code)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_safe_url_equals_the_reference_on_corpus_link_targets():
    hrefs = set()
    for path in sorted(CORPUS.glob("*/*/source.html.gz"))[::8]:
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        hrefs.update(re.findall(r"""(?:href|src)\s*=\s*["']([^"']*)""", text))
    assert len(hrefs) > 1000
    for href in sorted(hrefs):
        assert safe_url(href) == reference_safe_url(href), repr(href)
