"""WARC and WARC.gz (and ARC through warcio): HTML responses become pages, streaming.

:mod:`.warcframe` frames the file first (record boundaries, damage, resynchronisation, bounded
memory); each framed record is then parsed by a backend — warcio, or FastWARC (the ``fast``
extra) when installed — for its WARC and HTTP headers and its raw payload. Neither backend
decodes the payload: chunked transfer coding is undone here and the Content-Encoding (gzip,
deflate, br, zstd) through the bounded reader of :mod:`.inflate`, so a bomb stops at
``max_page_bytes`` of output and is one failure.

Only ``response`` records are pages: a non-HTML or non-2xx response is skipped and counted;
request, metadata and warcinfo records are not inputs. Every damaged span (junk between or
inside records, a truncated or corrupt gzip member, a bad header block) is one failure keyed by
where it starts, with a short reason that never quotes the bytes; the good records after it are
read. Keys are ``path/#offset`` (the record's, or its gzip member's, byte offset), and
``path/#offset+inner`` for a record or damage inside a member after its first record.
Each page keeps its provenance: WARC file, record id, offset, capture date and target URL.
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from typing import Any

from ..errors import InputError
from ..model import RawPage, Source
from .base import SourceOptions, Task, failed, member_key, too_large
from .inflate import decode_content
from .warcframe import Damage, Frame, gzip_frames, is_gzip, plain_frames

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


def _page(key: str, path: str, offset: int, data: bytes, headers: dict[str, Any]) -> Task:
    source = Source(
        kind="warc",
        path=path,
        url=headers.get("url"),
        record_id=headers.get("id"),
        offset=offset,
        captured=headers.get("date"),
    )
    return Task(key, page=RawPage(data, source, headers.get("content_type")))


def _status(text: Any) -> int:
    """The HTTP status as a number; -1 (never a page) for a status line that is not one."""
    try:
        return int(text or 0)
    except (TypeError, ValueError):
        return -1


def _parse_warcio(data: bytes) -> dict[str, Any]:
    """One framed record's headers and raw (undecoded) payload, through warcio."""
    from warcio.archiveiterator import ArchiveIterator

    rec = next(iter(ArchiveIterator(io.BytesIO(data), no_record_parse=False)))
    http, warc = rec.http_headers, rec.rec_headers
    get = http.get_header if http is not None else (lambda name: None)
    return {
        "status": _status(http.get_statuscode()) if http is not None else None,
        "content_type": get("Content-Type"),
        "encoding": get("Content-Encoding"),
        "transfer": get("Transfer-Encoding"),
        "payload": rec.raw_stream.read(),
        "url": warc.get_header("WARC-Target-URI"),
        "id": warc.get_header("WARC-Record-ID"),
        "date": warc.get_header("WARC-Date"),
    }


def _parse_fastwarc(data: bytes) -> dict[str, Any]:
    """One framed record's headers and raw (undecoded) payload, through FastWARC."""
    from fastwarc.warc import ArchiveIterator

    rec = next(iter(ArchiveIterator(io.BytesIO(data), auto_decode="none", parse_http=True)), None)
    if rec is None:
        raise ValueError("FastWARC found no record")
    http = rec.http_headers
    get = http.get if http is not None else (lambda name: None)
    status = (http.status_code if http.status_code is not None else -1) if http is not None else None
    return {
        "status": status,
        "content_type": get("Content-Type"),
        "encoding": get("Content-Encoding"),
        "transfer": get("Transfer-Encoding"),
        "payload": rec.reader.read(),
        "url": rec.headers.get("WARC-Target-URI"),
        "id": rec.record_id,
        "date": rec.headers.get("WARC-Date"),
    }


def dechunk(data: bytes) -> bytes:
    """An HTTP/1.1 chunked body joined (ValueError when it is not one)."""
    out, pos = [], 0
    while True:
        eol = data.find(b"\r\n", pos, pos + 1024)
        if eol < 0:
            raise ValueError("bad chunk size line")
        size = int(data[pos:eol].split(b";")[0].strip() or b"x", 16)
        if size == 0:
            return b"".join(out)
        out.append(data[eol + 2 : eol + 2 + size])
        if len(out[-1]) < size:
            raise ValueError("chunk shorter than its size")
        pos = eol + 2 + size + 2


def _payload(rec: dict[str, Any], limit: int) -> bytes:
    """The record's page bytes: transfer coding undone, then the Content-Encoding, bounded."""
    data = rec["payload"]
    if "chunked" in (rec["transfer"] or "").lower():
        try:
            data = dechunk(data)
        except ValueError as exc:
            raise InputError(f"undecodable payload (chunked): {exc}") from None
    return decode_content(data, rec["encoding"], limit) if rec["encoding"] else data


def _key(path: str, offset: int, inner: int = 0) -> str:
    return member_key(path, "#", offset if not inner else f"{offset}+{inner}")


def _frame_task(fr: Frame, path: str, parse: Any, limit: int) -> Task | None:
    """The task of one framed record (None for a record that is not an input)."""
    if fr.headers.get("warc-type") != "response":
        return None
    key = _key(path, fr.offset, fr.inner)
    try:
        rec = parse(fr.data)
    except Exception as exc:  # noqa: BLE001 - whatever the parser says, it is this record's fault
        return failed(key, "read", f"unparseable WARC record: {type(exc).__name__}: {str(exc)[:160]}")
    if skip := _classify(rec["content_type"], rec["status"]):
        return Task(key, skip=skip)
    if not fr.complete or too_large(fr.length, limit):
        return failed(key, "read", too_large(fr.length, limit) or "page too large")
    try:
        data = _payload(rec, limit)
    except InputError as exc:
        return failed(key, "read", str(exc))
    return _page(key, path, fr.offset, data, rec)


def _framed(path: str, options: SourceOptions) -> Iterator[Task]:
    parse = _parse_fastwarc if backend(options.warc_backend) == "fastwarc" else _parse_warcio
    limit = options.max_page_bytes
    with open(path, "rb") as fh:
        frames = gzip_frames(fh, limit) if is_gzip(fh) else plain_frames(fh, limit)
        for fr in frames:
            if isinstance(fr, Damage):
                yield failed(_key(path, fr.offset, fr.inner), "read", fr.reason)
            elif (task := _frame_task(fr, path, parse, limit)) is not None:
                yield task


def _arc_records(path: str, limit: int) -> Iterator[Task]:
    """An ARC file through warcio (the framer knows WARC only); damage ends the file as one failure."""
    from warcio.archiveiterator import ArchiveIterator

    with open(path, "rb") as fh:
        it = ArchiveIterator(fh, arc2warc=True)
        for rec in it:
            if rec.rec_type != "response":
                continue
            ctype = rec.http_headers.get_header("Content-Type") if rec.http_headers else None
            key = _key(path, it.get_record_offset())
            if skip := _classify(
                ctype, _status(rec.http_headers.get_statuscode()) if rec.http_headers else None
            ):
                yield Task(key, skip=skip)
            elif reason := too_large(rec.length or 0, limit):
                yield failed(key, "read", reason)
            else:
                yield _page(
                    key,
                    path,
                    it.get_record_offset(),
                    rec.content_stream().read(limit + 1 if limit else -1),
                    {
                        "url": rec.rec_headers.get_header("WARC-Target-URI")
                        or rec.rec_headers.get_header("uri"),
                        "id": rec.rec_headers.get_header("WARC-Record-ID"),
                        "date": rec.rec_headers.get_header("WARC-Date"),
                        "content_type": ctype,
                    },
                )
            while rec.raw_stream.read(1 << 20):
                pass


def _is_arc(path: str) -> bool:
    return path.lower().endswith((".arc", ".arc.gz"))


def iter_warc(path: str, options: SourceOptions = SourceOptions()) -> Iterator[Task]:
    """Stream the tasks of one WARC file; holds at most one record (within the size limit) at a time."""
    last = "the start"
    try:
        records = _arc_records(path, options.max_page_bytes) if _is_arc(path) else _framed(path, options)
        for task in records:
            last = task.key
            yield task
    except FileNotFoundError:
        yield failed(path, "read", "no such file")
    except PermissionError:
        yield failed(path, "read", "permission denied")
    except Exception as exc:  # noqa: BLE001 - a damaged archive ends with one error, not a crash
        reason = f"unreadable WARC after {last}: {type(exc).__name__}: {str(exc)[:160]}"
        yield failed(member_key(path, "#", "error"), "read", reason)
