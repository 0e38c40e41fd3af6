"""Which files of a directory walk or a glob are pages, by default.

The files a person saves from a browser, or a scraper writes: ``.html .htm .xhtml .shtml .php
.asp .aspx``, a name without an extension whose first bytes sniff as HTML, ``.txt`` dumps — each
also gzipped (``.gz``) — and the containers read record by record (``.warc``, ``.arc``,
``.jsonl``, ``.ndjson``, each also ``.gz``). Everything else found in a folder (JSON/CSV
metadata, images, CSS, JS) is a sidecar: skipped and counted, never cleaned as a page.
``--include`` replaces this choice (a file matching an include glob is taken, whatever its kind);
``--exclude`` removes files from either. A file named on the command line is always read.
"""

from __future__ import annotations

import fnmatch
import os
import stat
import zlib
from collections.abc import Sequence

from .jsonl import is_jsonl
from .warc import is_warc

PAGE_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml", ".php", ".asp", ".aspx", ".txt")
SNIFF_BYTES = 4096


def matches(name: str, rel: str, globs: Sequence[str]) -> bool:
    """Whether the file's name or its path relative to the walked directory matches a glob."""
    return any(fnmatch.fnmatch(name, g) or fnmatch.fnmatch(rel, g) for g in globs)


def _stem(name: str) -> str:
    low = name.lower()
    return low[:-3] if low.endswith(".gz") else low


def _head(path: str, gz: bool) -> bytes:
    """The first bytes of a file (inflated for ``.gz``), ``b""`` when it cannot be read."""
    try:
        with open(path, "rb") as fh:
            raw = fh.read(SNIFF_BYTES if not gz else 1 << 16)
        return zlib.decompressobj(31).decompress(raw, SNIFF_BYTES) if gz else raw
    except (OSError, zlib.error):
        return b""


def sniffs_as_html(path: str) -> bool:
    """Whether a file's first bytes look like markup (the test the pipeline uses for ``kind=auto``)."""
    from ..extract.parse import looks_like_html

    head = _head(path, path.lower().endswith(".gz"))
    return bool(head) and looks_like_html(head.decode("utf-8", "replace"))


def is_page(path: str) -> bool:
    """Whether the file at ``path`` is read by default when found in a directory or by a glob."""
    name = os.path.basename(path)
    if is_warc(name) or is_jsonl(name):
        return True
    stem = _stem(name)
    ext = os.path.splitext(stem)[1]
    if ext in PAGE_SUFFIXES:
        return True
    if ext:
        return False
    try:
        regular = stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return True  # reading it says what is wrong
    return sniffs_as_html(path) if regular else True  # a FIFO is never opened here: its error record says why


def chosen(path: str, rel: str, include: Sequence[str], exclude: Sequence[str]) -> bool:
    """Whether a found file is read: the include globs when given, else :func:`is_page`; minus
    the exclude globs."""
    name = os.path.basename(path)
    if exclude and matches(name, rel, exclude):
        return False
    return matches(name, rel, include) if include else is_page(path)
