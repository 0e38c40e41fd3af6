"""JSON Lines feeds (Scrapy and similar): one page per line, read line by line, in bounded memory.

The page is taken from ``jsonl_html_key`` and its URL from ``jsonl_url_key``. A line that is
not a JSON object, or has no page text, becomes a failure with its line number; blank lines are
not inputs. ``.jsonl.gz`` is inflated through :mod:`.inflate`, a piece at a time.

Lines are never read whole before their length is known: a line longer than :func:`line_cap`
(twice ``max_page_bytes``: JSON escapes quotes, line ends and, under ``ensure_ascii``, non-ASCII
text) is one failure and is skipped to its end in bounded steps, so a 1 GiB line (a gzip bomb, or
junk with no newline) costs no more memory than the cap. Damaged gzip data is one failure where it
is, and reading goes on at the next gzip member.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import IO

from ..decode import scrub_surrogates
from ..model import RawPage, Source
from .base import SourceOptions, Task, failed, member_key
from .inflate import Damaged, file_pieces, gzip_members

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def is_jsonl(path: str) -> bool:
    """True for file names read as JSON Lines."""
    return path.lower().endswith(SUFFIXES)


def line_cap(limit: int) -> int:
    """The longest JSON line read for a page limit of ``limit`` bytes (0: no limit)."""
    return 2 * limit + (1 << 16) if limit else 0


class TooLong:
    """A line longer than the cap, skipped (its length in bytes, when known)."""

    def __init__(self, length: int) -> None:
        self.length = length


def split_lines(pieces: Iterator[bytes | Damaged], cap: int) -> Iterator[bytearray | TooLong | Damaged]:
    """Lines of a byte stream (without their newline), each at most ``cap`` bytes (0: any);
    a longer line is a :class:`TooLong`; a :class:`Damaged` marker passes through, ending the line
    it cuts (its fragment is dropped with it)."""
    buf, over = bytearray(), -1  # over >= 0: inside an over-long line, that many bytes dropped
    for piece in pieces:
        if isinstance(piece, Damaged):
            if over >= 0:
                yield TooLong(over)
            buf, over = bytearray(), -1
            yield piece
            continue
        start = 0
        while (nl := piece.find(b"\n", start)) >= 0:
            if over >= 0:
                yield TooLong(over + nl - start)
                over = -1
            elif cap and len(buf) + nl - start > cap:
                yield TooLong(len(buf) + nl - start)
                buf.clear()
            else:
                buf += piece[start:nl]
                line, buf = buf, bytearray()  # handed over, not copied: a line may be 40 MB
                yield line
            start = nl + 1
        if over >= 0:
            over += len(piece) - start
        elif cap and len(buf) + len(piece) - start > cap:
            over = len(buf) + len(piece) - start
            buf.clear()
        else:
            buf += piece[start:]
    if over >= 0:
        yield TooLong(over)
    elif buf:
        yield buf


def line_task(path: str, number: int, raw: bytes | bytearray, options: SourceOptions) -> Task | None:
    """The task for one line (None for a blank line)."""
    key = member_key(path, ":", number)
    if not raw.strip():
        return None
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return failed(key, "read", f"malformed JSON line: {str(exc)[:120]}")
    except RecursionError:
        return failed(key, "read", "malformed JSON line: nested too deeply")
    if not isinstance(record, dict):
        return failed(key, "read", "JSON line is not an object")
    html = record.get(options.jsonl_html_key)
    if not isinstance(html, str) or not html.strip():
        return failed(key, "read", f"no page text under key {options.jsonl_html_key[:60]!r}")
    url = record.get(options.jsonl_url_key)
    url = scrub_surrogates(url) if isinstance(url, str) and url else None  # "\ud800" is valid JSON
    source = Source(kind="jsonl", path=path, url=url, line=number)
    return Task(key, page=RawPage(html, source))


def _pieces(fh: IO[bytes], path: str) -> Iterator[bytes | Damaged]:
    return gzip_members(fh) if path.lower().endswith(".gz") else file_pieces(fh)


def _item_task(
    path: str, number: int, item: bytearray | TooLong | Damaged, options: SourceOptions
) -> Task | None:
    if isinstance(item, TooLong):
        return failed(
            member_key(path, ":", number),
            "read",
            f"JSON line of {item.length:,} bytes, over the limit of "
            f"{line_cap(options.max_page_bytes):,} (--max-page-bytes)",
        )
    if isinstance(item, Damaged):
        return failed(
            member_key(path, ":", number), "read", f"{item.reason}; reading goes on at the next gzip member"
        )
    return line_task(path, number, item, options)


def iter_jsonl(path: str, options: SourceOptions = SourceOptions()) -> Iterator[Task]:
    """Stream the tasks of one JSONL file."""
    number = 0
    try:
        with open(path, "rb") as fh:
            for number, item in enumerate(
                split_lines(_pieces(fh, path), line_cap(options.max_page_bytes)), 1
            ):
                task = _item_task(path, number, item, options)
                if task is not None:
                    yield task
    except FileNotFoundError:
        yield failed(path, "read", "no such file")
    except PermissionError:
        yield failed(path, "read", "permission denied")
    except OSError as exc:
        yield failed(
            member_key(path, ":", number + 1),
            "read",
            f"unreadable after line {number}: {exc.strerror or exc}",
        )
