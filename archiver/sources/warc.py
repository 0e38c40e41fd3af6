"""WARC and WARC.gz (and ARC through warcio): HTML responses become pages, streaming.

warcio is the default reader; FastWARC (the ``fast`` extra) is used when installed, with
``auto_decode="all"`` so chunked and gzip/br payloads arrive decoded. Only ``response`` records
are pages: a non-HTML or non-2xx response is skipped and counted; request, metadata and warcinfo
records are not inputs. A record whose payload is shorter than declared (a truncated file) or
that cannot be parsed becomes a failure with its offset; the good records before it are kept.
Each page keeps its provenance: WARC file, record id, offset, capture date and target URL.
"""
from __future__ import annotations

import os
from typing import Any, Iterator

from ..model import Source
from ..pipeline import RawPage
from .base import SourceOptions, Task, failed

HTML_TYPES = ("text/html", "application/xhtml+xml")
SUFFIXES = (".warc", ".warc.gz", ".arc", ".arc.gz")


def is_warc(path: str) -> bool:
    """True for file names a WARC reader should open."""
    return path.lower().endswith(SUFFIXES)


def backend(name: str = "auto") -> str:
    """The reader to use: ``fastwarc`` when asked for or installed (``auto``), else ``warcio``."""
    if name in ("auto", "fastwarc"):
        try:
            import fastwarc.warc  # noqa: F401
            return "fastwarc"
        except ImportError:
            if name == "fastwarc":
                raise
    return "warcio"


def _classify(content_type: str | None, status: int | None) -> str | None:
    """None when the response is an HTML page to clean, else the reason it is skipped."""
    mime = (content_type or "").split(";")[0].strip().lower()
    if mime not in HTML_TYPES:
        return "not_html"
    if status is not None and not 200 <= status < 300:
        return "status"
    return None


def _page(path: str, offset: int, data: bytes, headers: dict[str, Any]) -> Task:
    source = Source(kind="warc", path=path, url=headers.get("url"), record_id=headers.get("id"),
                    offset=offset, captured=headers.get("date"))
    return Task(f"{path}#{offset}", page=RawPage(data, source, headers.get("content_type")))


def _warcio_records(fh: Any, path: str) -> Iterator[Task]:
    from warcio.archiveiterator import ArchiveIterator

    it = ArchiveIterator(fh)
    for rec in it:
        _check_format(rec.format, path)
        if rec.rec_type != "response":
            continue
        ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
        status = int(rec.http_headers.get_statuscode() or 0) if rec.http_headers else None
        skip = _classify(ctype, status)
        data = b"" if skip else rec.content_stream().read()
        rec.raw_stream.read()
        truncated = rec.raw_stream.limit > 0
        offset = it.get_record_offset()
        if truncated:
            yield failed(f"{path}#{offset}", "read", f"truncated WARC record ({rec.raw_stream.limit} bytes missing)")
            return
        if skip:
            yield Task(f"{path}#{offset}", skip=skip)
            continue
        yield _page(path, offset, data, {
            "url": rec.rec_headers.get_header("WARC-Target-URI"), "id": rec.rec_headers.get_header("WARC-Record-ID"),
            "date": rec.rec_headers.get_header("WARC-Date"), "content_type": ctype})


def _fastwarc_records(fh: Any, path: str) -> Iterator[Task]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, auto_decode="all"):
        offset = rec.stream_pos
        http = rec.http_headers
        ctype = http.get("Content-Type") if http is not None else None
        skip = _classify(ctype, http.status_code if http is not None else None)
        if skip:
            rec.reader.consume()
            yield Task(f"{path}#{offset}", skip=skip)
            continue
        declared = rec.content_length
        data = rec.reader.read()
        encoded = http.get("Content-Encoding") or http.get("Transfer-Encoding")
        if not encoded and len(data) < declared:
            yield failed(f"{path}#{offset}", "read", f"truncated WARC record ({declared - len(data)} bytes missing)")
            return
        yield _page(path, offset, data, {"url": rec.headers.get("WARC-Target-URI"), "id": rec.record_id,
                                         "date": rec.headers.get("WARC-Date"), "content_type": ctype})


def _check_format(fmt: str | None, path: str) -> None:
    if not (fmt or "").startswith("warc") and not path.lower().endswith((".arc", ".arc.gz")):
        raise ValueError("not a WARC file")


def tail_problem(path: str, start: int) -> tuple[int, str] | None:
    """Re-read from the last good record's ``start`` to the end of the file with warcio; return
    ``(offset, reason)`` of a truncated or unparseable record there, or None when the file ends cleanly."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        size = os.fstat(fh.fileno()).st_size
        fh.seek(start)
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                _check_format(rec.format, path)
                rec.raw_stream.read()
                if rec.raw_stream.limit > 0:
                    return it.get_record_offset(), f"truncated WARC record ({rec.raw_stream.limit} bytes missing)"
        except Exception as exc:  # noqa: BLE001 - whatever the parser says, it is this record's fault
            return it.offset, f"unparseable WARC record: {type(exc).__name__}: {exc}".splitlines()[0]
        end = it.offset
    return (end, f"truncated or unparseable WARC data ({size - end} bytes at the end)") if end < size else None


def _records(path: str, options: SourceOptions) -> Iterator[Task]:
    """The reader's tasks, then (if the file does not end cleanly) a failure for its tail; the last
    task is held back so a record the reader misread at the tail is reported once, as the failure."""
    reader = _fastwarc_records if backend(options.warc_backend) == "fastwarc" else _warcio_records
    held: Task | None = None
    error: Exception | None = None
    with open(path, "rb") as fh:
        try:
            for task in reader(fh, path):
                if task.failure is not None:
                    yield from (t for t in (held, task) if t is not None)
                    return
                if held is not None:
                    yield held
                held = task
        except Exception as exc:  # noqa: BLE001 - the tail check below says where and why
            error = exc
    start = int(held.key.rsplit("#", 1)[1]) if held is not None else 0
    problem = tail_problem(path, start)
    if problem is None and error is not None:
        problem = start, f"unparseable WARC: {type(error).__name__}: {error}".splitlines()[0]
    if problem and held is not None and problem[0] == start:
        held = None
    if held is not None:
        yield held
    if problem:
        yield failed(f"{path}#{problem[0]}", "read", problem[1])


def iter_warc(path: str, options: SourceOptions = SourceOptions()) -> Iterator[Task]:
    """Stream the tasks of one WARC file; never holds more than two records in memory."""
    last = "the start"
    try:
        for task in _records(path, options):
            last = task.key
            yield task
    except FileNotFoundError:
        yield failed(path, "read", "no such file")
    except PermissionError:
        yield failed(path, "read", "permission denied")
    except Exception as exc:  # noqa: BLE001 - a damaged archive ends with one error, not a crash
        reason = f"unreadable WARC after {last}: {type(exc).__name__}: {exc}"
        yield failed(f"{path}#error", "read", reason)
