"""WARC and WARC.gz (and ARC through warcio): HTML responses become pages, streaming.

warcio is the default reader; FastWARC (the ``fast`` extra) is used when installed, with
``auto_decode="all"`` so chunked and gzip/br payloads arrive decoded. Only ``response`` records
are pages: a non-HTML or non-2xx response is skipped and counted; request, metadata and warcinfo
records are not inputs. A record whose payload cannot be decoded (a broken Content-Encoding) is a
failure and the file reads on. A record that cannot be parsed is a failure with its offset, and
reading resumes at the next record start (the next gzip member that opens a record, or the next
"WARC/1." line). A record whose payload is shorter than declared (a truncated file) is a failure
with its offset; the good records before it are kept.
FastWARC may stop early at a record it cannot take: warcio reads on from its last record.
Each page keeps its provenance: WARC file, record id, offset, capture date and target URL.
"""
from __future__ import annotations

import os
from typing import Any, Iterator

from ..model import RawPage, Source
from .base import SourceOptions, Task, failed, member_key, too_large

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
    return Task(member_key(path, "#", offset), page=RawPage(data, source, headers.get("content_type")))


def _status(text: Any) -> int:
    """The HTTP status as a number; -1 (never a page) for a status line that is not one."""
    try:
        return int(text or 0)
    except (TypeError, ValueError):
        return -1


def _warcio_task(rec: Any, offset_of: Any, path: str, limit: int = 0) -> Task | None:
    """The task of one warcio record (None for a record that is not an input). A payload that
    cannot be decoded (a broken Content-Encoding) fails this record only; one declared larger
    than ``limit`` is not read into memory."""
    _check_format(rec.format, path)
    if rec.rec_type != "response":
        return None
    ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
    skip = _classify(ctype, _status(rec.http_headers.get_statuscode()) if rec.http_headers else None)
    data, problem = b"", None
    if not skip and not (problem := too_large(rec.length or 0, limit)):
        try:
            data = rec.content_stream().read()
        except Exception as exc:  # noqa: BLE001 - whatever the decoder says, it is this payload's fault
            problem = f"undecodable payload: {type(exc).__name__}: {exc}"
    while rec.raw_stream.read(1 << 20):  # the rest (a skipped video, a page over the limit) a block
        pass                             # at a time, never held whole
    key = member_key(path, "#", offset_of())
    if rec.raw_stream.limit > 0:
        return failed(key, "read", f"truncated WARC record ({rec.raw_stream.limit} bytes missing)")
    if problem or skip:
        return failed(key, "read", problem) if problem else Task(key, skip=skip)
    return _page(path, offset_of(), data, {
        "url": rec.rec_headers.get_header("WARC-Target-URI") or rec.rec_headers.get_header("uri"),  # uri: ARC
        "id": rec.rec_headers.get_header("WARC-Record-ID"),
        "date": rec.rec_headers.get_header("WARC-Date"), "content_type": ctype})


def _warcio_records(fh: Any, path: str, limit: int = 0) -> Iterator[Task]:
    """warcio's tasks from ``fh``'s position to the end. A record it cannot parse is one failure
    at its offset, and reading goes on at the next record start found after it; a truncated
    record, or bytes after the last record, end the file as one failure with that offset."""
    from warcio.archiveiterator import ArchiveIterator

    size = os.fstat(fh.fileno()).st_size
    start: int | None = fh.tell()
    while start is not None:
        fh.seek(start)
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                task = _warcio_task(rec, it.get_record_offset, path, limit)
                if task is not None:
                    yield task
                    if task.failure is not None and task.failure.reason.startswith("truncated"):
                        return
        except Exception as exc:  # noqa: BLE001 - whatever the parser says, it is this record's fault
            reason = " ".join(f"unparseable WARC record: {type(exc).__name__}: {exc}".split())
            yield failed(member_key(path, "#", it.offset), "read", reason)
            start = _next_record(fh, it.offset + 1, path)
            continue
        if it.offset < size:
            yield failed(member_key(path, "#", it.offset), "read",
                         f"truncated or unparseable WARC data ({size - it.offset} bytes at the end)")
        return


_GZIP_MEMBER = b"\x1f\x8b\x08"
_PLAIN_RECORD = b"\r\n\r\nWARC/1."


def _next_record(fh: Any, after: int, path: str) -> int | None:
    """The offset of the first record start at or after ``after``: in a .warc.gz a gzip member
    whose text begins "WARC/" (every record is its own member), in a plain .warc a "WARC/1."
    version line after a record's closing blank lines; None when there is none."""
    gz = path.lower().endswith(".gz")
    marker = _GZIP_MEMBER if gz else _PLAIN_RECORD
    pos = after
    while True:
        fh.seek(pos)
        chunk = fh.read(1 << 20)
        if len(chunk) < len(marker):
            return None
        i = chunk.find(marker)
        while i >= 0:
            if not gz:
                return pos + i + 4
            if _opens_record(fh, pos + i):
                return pos + i
            i = chunk.find(marker, i + 1)
        pos += len(chunk) - len(marker) + 1


def _opens_record(fh: Any, offset: int) -> bool:
    """Whether a gzip member starting at ``offset`` decompresses to a WARC record's first line
    (three magic bytes also occur inside compressed data by chance)."""
    import zlib

    fh.seek(offset)
    try:
        return zlib.decompressobj(31).decompress(fh.read(1 << 16), 8).startswith(b"WARC/")
    except zlib.error:
        return False


def _fastwarc_records(fh: Any, path: str, limit: int = 0) -> Iterator[Task]:
    from fastwarc.warc import ArchiveIterator, WarcRecordType

    for rec in ArchiveIterator(fh, record_types=WarcRecordType.response, auto_decode="all"):
        offset = rec.stream_pos
        http = rec.http_headers
        ctype = http.get("Content-Type") if http is not None else None
        skip = _classify(ctype, http.status_code if http is not None else None)
        if skip:
            rec.reader.consume()
            yield Task(member_key(path, "#", offset), skip=skip)
            continue
        declared = rec.content_length
        if reason := too_large(declared, limit):
            rec.reader.consume()
            yield failed(member_key(path, "#", offset), "read", reason)
            continue
        data = rec.reader.read()
        encoded = http.get("Content-Encoding") or http.get("Transfer-Encoding")
        if not encoded and len(data) < declared:
            yield failed(member_key(path, "#", offset), "read", f"truncated WARC record ({declared - len(data)} bytes missing)")
            return
        yield _page(path, offset, data, {"url": rec.headers.get("WARC-Target-URI"), "id": rec.record_id,
                                         "date": rec.headers.get("WARC-Date"), "content_type": ctype})


def _check_format(fmt: str | None, path: str) -> None:
    if not (fmt or "").startswith("warc") and not _is_arc(path):
        raise ValueError("not a WARC file")


def _is_arc(path: str) -> bool:
    return path.lower().endswith((".arc", ".arc.gz"))


def _fast_until(path: str, limit: int) -> Iterator[Task]:
    """FastWARC's tasks but the last, then the offset to go on from (int). FastWARC may stop early
    without a word (at a payload it cannot decode) or at a damaged record: warcio reads on from the
    last record it gave, so no record after it is lost and the damage is reported where it is."""
    held: Task | None = None
    with open(path, "rb") as fh:
        try:
            for task in _fastwarc_records(fh, path, limit):
                if held is not None:
                    yield held
                held = task
        except Exception:  # noqa: BLE001 - warcio reads on from the last record and says what is wrong
            pass
    return int(held.key.rsplit("#", 1)[1]) if held is not None else 0


def _records(path: str, options: SourceOptions) -> Iterator[Task]:
    """The tasks of one WARC: FastWARC's (not for ARC, which it cannot read) up to its last record,
    then warcio's from there to the end; or warcio's alone."""
    start = 0
    if backend(options.warc_backend) == "fastwarc" and not _is_arc(path):
        start = yield from _fast_until(path, options.max_page_bytes)
    with open(path, "rb") as fh:
        fh.seek(start)
        yield from _warcio_records(fh, path, options.max_page_bytes)


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
        yield failed(member_key(path, "#", "error"), "read", reason)
