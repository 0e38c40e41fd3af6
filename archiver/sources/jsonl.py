"""JSON Lines feeds (Scrapy and similar): one page per line, read line by line.

The page is taken from ``jsonl_html_key`` and its URL from ``jsonl_url_key``. A line that is
not a JSON object, or has no page text, becomes a failure with its line number; blank lines are
not inputs. ``.jsonl.gz`` is read through gzip.
"""
from __future__ import annotations

import gzip
import json
import zlib
from typing import IO, Iterator

from ..decode import scrub_surrogates
from ..model import RawPage, Source
from .base import SourceOptions, Task, failed, member_key

SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson", ".ndjson.gz")


def is_jsonl(path: str) -> bool:
    """True for file names read as JSON Lines."""
    return path.lower().endswith(SUFFIXES)


def _open(path: str) -> IO[bytes]:
    return gzip.open(path, "rb") if path.lower().endswith(".gz") else open(path, "rb")


def line_task(path: str, number: int, raw: bytes, options: SourceOptions) -> Task | None:
    """The task for one line (None for a blank line)."""
    key = member_key(path, ":", number)
    if not raw.strip():
        return None
    try:
        record = json.loads(raw)
    except (ValueError, UnicodeDecodeError) as exc:
        return failed(key, "read", f"malformed JSON line: {exc}")
    except RecursionError:
        return failed(key, "read", "malformed JSON line: nested too deeply")
    if not isinstance(record, dict):
        return failed(key, "read", "JSON line is not an object")
    html = record.get(options.jsonl_html_key)
    if not isinstance(html, str) or not html.strip():
        return failed(key, "read", f"no page text under key {options.jsonl_html_key!r}")
    url = record.get(options.jsonl_url_key)
    url = scrub_surrogates(url) if isinstance(url, str) and url else None  # "\ud800" is valid JSON
    source = Source(kind="jsonl", path=path, url=url, line=number)
    return Task(key, page=RawPage(html, source))


def iter_jsonl(path: str, options: SourceOptions = SourceOptions()) -> Iterator[Task]:
    """Stream the tasks of one JSONL file."""
    number = 0
    try:
        with _open(path) as fh:
            for number, raw in enumerate(fh, 1):
                task = line_task(path, number, raw, options)
                if task is not None:
                    yield task
    except FileNotFoundError:
        yield failed(path, "read", "no such file")
    except PermissionError:
        yield failed(path, "read", "permission denied")
    except (OSError, EOFError, zlib.error) as exc:
        yield failed(member_key(path, ":", number + 1), "read", f"unreadable after line {number}: {exc}")
