"""Bytes to text, with the evidence for the chosen encoding.

Order of evidence (the WHATWG order, then statistics): byte-order mark, the HTTP
``Content-Type`` charset, a ``<meta>`` charset in the first 4 KiB, strict UTF-8,
then charset-normalizer restricted to what a web page plausibly uses. Arabic
single-byte pages are the classic trap: chardet-style guessers read windows-1256
as Hebrew, so Arabic candidates are checked by letter statistics first.
"""
from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE
)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_:.\-]+)", re.IGNORECASE)
# WHATWG: these labels mean windows-1252; ISO-8859-6 pages are in practice windows-1256.
_ALIASES = {"iso-8859-1": "cp1252", "latin1": "cp1252", "latin-1": "cp1252",
            "us-ascii": "cp1252", "ascii": "cp1252", "iso-8859-6": "cp1256",
            "iso8859-6": "cp1256", "arabic": "cp1256", "utf8": "utf-8",
            "x-user-defined": "cp1252", "unicode": "utf-16-le", "utf-16": "utf-16-le"}
# Python codecs that are no page encoding (no browser reads a page in them) but decode bytes all the
# same: the escape codecs turn the text "\\ud800" into a lone surrogate, UTF-7 is banned by HTML.
_NOT_PAGE_ENCODINGS = frozenset({"unicode-escape", "raw-unicode-escape", "idna", "punycode", "utf-7",
                                 "undefined", "charmap"})
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ARABIC_LETTERS = re.compile(r"[\u0621-\u064A]")
_LETTERS = re.compile(r"[^\W\d_]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    evidence: str


def scrub_surrogates(text: str) -> str:
    """Text given as ``str`` may hold UTF-16 surrogates (a JSON or JavaScript string decoded by
    hand): a pair becomes its character, a lone one U+FFFD, as a decoder does with broken bytes."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _normalize_label(label: str) -> str | None:
    label = label.strip().lower()
    label = _ALIASES.get(label, label)
    try:
        name = codecs.lookup(label).name
    except LookupError:
        return None
    return None if name in _NOT_PAGE_ENCODINGS else name


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))  # C-speed count of those bytes
    return controls / len(head) > 0.02


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):  # UnicodeError: codecs such as "undefined" refuse any bytes
        return None


def _declared_utf16(encoding: str, data: bytes) -> str:
    """A page that says UTF-16 but has no BOM is almost always ASCII-compatible."""
    return "utf-8" if encoding.startswith("utf-16") and b"\x00" not in data[:512] else encoding


def _arabic_share(text: str) -> float:
    letters = len(_LETTERS.findall(text))
    return len(_ARABIC_LETTERS.findall(text)) / letters if letters else 0.0


def _statistical(data: bytes) -> Decoded:
    """No declaration and not UTF-8: single-byte Arabic first, then charset-normalizer."""
    arabic = _try(data, "cp1256")
    if arabic is not None and _arabic_share(arabic) > 0.3:
        return Decoded(arabic, "cp1256", "statistics:arabic-letters")
    from charset_normalizer import from_bytes

    best = from_bytes(data[:200_000]).best()
    name = _normalize_label(best.encoding) if best is not None else None  # None: no page encoding
    if name:
        text = _try(data, name)
        if text is not None:
            return Decoded(text, name, "statistics:charset-normalizer")
    text = _try(data, "cp1252")
    if text is not None:
        return Decoded(text, "cp1252", "fallback:windows-1252")
    raise DecodeError("no encoding decodes these bytes")


def decode(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode raw page bytes; raise :class:`InputError` for empty or binary input."""
    if not data or not data.strip():
        raise InputError("empty input")
    found = _bom(data)
    if found:
        name, size = found
        text = _try(data[size:], name)
        if text is None:
            raise DecodeError(f"byte-order mark says {name} but the bytes are not {name}")
        return Decoded(text, name.replace("-le", "").replace("-be", "") if name.startswith("utf-16") else name, "bom")
    if _looks_binary(data):
        raise InputError("binary data, not a web page or text")
    if content_type:
        m = _HEADER.search(content_type)
        name = _normalize_label(m.group(1)) if m else None
        text = _try(data, _declared_utf16(name, data)) if name else None
        if text is not None:
            return Decoded(text, _declared_utf16(name, data), "http-header")
    m = _META.search(data[:4096])
    if m:
        name = _normalize_label(m.group(1).decode("ascii", "replace"))
        if name:
            name = _declared_utf16(name, data)
            text = _try(data, name)
            if text is not None:
                return Decoded(text, name, "meta")
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8-valid")
    return _statistical(data)
