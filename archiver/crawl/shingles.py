"""Word shingles of the folded search key, hashed to 32-bit integers (the MinHash input).

The text is folded by :func:`archiver.text.searchkey.search_key` first, so harakat, tatweel,
alef/hamza variants, ى/ي, ة/ه, digit styles and presentation forms never make two copies of an
Arabic article look different. Hashes are CRC-32 of the UTF-8 shingle: fixed, no seed, the same
on every machine and in every process (Python's ``hash`` is salted per process).
"""

from __future__ import annotations

import hashlib
import re
import zlib

from ..text.searchkey import search_key

__all__ = ["SHINGLE_WORDS", "folded_words", "shingle_hashes", "text_digest"]

SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")


def folded_words(text: str, lang: str | None = None) -> list[str]:
    """The words of the folded search key of ``text`` (punctuation dropped)."""
    return _WORD.findall(search_key(text, lang))


def text_digest(words: list[str]) -> bytes:
    """The exact-duplicate key: the first 16 bytes of the SHA-256 of the folded words joined by
    single spaces (128 bits: no collision in any crawl)."""
    return hashlib.sha256(" ".join(words).encode("utf-8")).digest()[:16]


def shingle_hashes(words: list[str], size: int = SHINGLE_WORDS) -> list[int]:
    """The distinct CRC-32 hashes of the ``size``-word shingles, sorted (a text shorter than
    ``size`` words is one shingle of all its words; no words: none)."""
    if not words:
        return []
    if len(words) <= size:
        return [zlib.crc32(" ".join(words).encode("utf-8"))]
    return sorted(
        {zlib.crc32(" ".join(words[i : i + size]).encode("utf-8")) for i in range(len(words) - size + 1)}
    )
