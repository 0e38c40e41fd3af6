"""The one bounded inflating reader: every byte the sources inflate goes through here.

``.gz`` files (``.html.gz``, ``.txt.gz``, ``.jsonl.gz``) and the HTTP Content-Encodings of WARC
records (gzip, deflate, br, zstd) are inflated a bounded piece at a time, and the *output* is
counted: past ``limit`` bytes (``--max-page-bytes``) reading stops with :class:`TooLarge`, so a
1 KB bomb that inflates to 1 GiB never takes more than about ``limit`` bytes of memory. Brotli and
Zstandard need the ``brotli`` and ``zstandard`` packages (the ``compress`` extra); without them
such a record is an :class:`~archiver.errors.InputError` saying so.
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Callable, Iterable, Iterator
from typing import IO, Any

from ..errors import InputError

PIECE = 1 << 20  # the most output one step of a decompressor may produce
_GZIP_MAGIC = b"\x1f\x8b"


class TooLarge(InputError):
    """The input inflates past the page size limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(f"inflates past {limit:,} bytes (--max-page-bytes)")
        self.limit = limit


def _zlib_pieces(pieces: Iterable[bytes], wbits: int, members: bool) -> Iterator[bytes]:
    """Inflate a zlib/gzip/raw-deflate stream, each output piece at most :data:`PIECE` bytes.
    ``members``: a gzip stream may hold several members one after another (RFC 1952); NUL padding
    after the last is allowed, any other byte there is damage (``zlib.error``)."""
    d = zlib.decompressobj(wbits)
    for data in pieces:
        while data:
            if d.eof:
                if not members:
                    return
                data = data.lstrip(b"\0")
                if not data:
                    break
                if not data.startswith(_GZIP_MAGIC[: len(data)]):
                    raise zlib.error("bytes after the end of the gzip data")
                d = zlib.decompressobj(wbits)
            out = d.decompress(data, PIECE)
            if out:
                yield out
            data = d.unused_data if d.eof else d.unconsumed_tail
        while not d.eof and (out := d.decompress(b"", PIECE)):
            yield out
    if not d.eof:
        raise EOFError("compressed data ends before its end marker (truncated)")


def _deflate_pieces(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """HTTP ``deflate``: zlib-wrapped as the RFC says, or raw deflate as some servers send."""
    it = iter(pieces)
    first = next(it, b"")
    zlib_header = len(first) >= 2 and first[0] & 0x0F == 8 and (first[0] << 8 | first[1]) % 31 == 0
    yield from _zlib_pieces(_chain(first, it), 15 if zlib_header else -15, False)


def _chain(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _brotli_pieces(pieces: Iterable[bytes]) -> Iterator[bytes]:
    try:
        import brotli
    except ImportError:
        raise InputError("Content-Encoding br needs the 'brotli' package (archiver[compress])") from None
    d = brotli.Decompressor()
    try:
        for data in pieces:
            out = d.process(data, output_buffer_limit=PIECE)
            while True:
                if out:
                    yield out
                if d.can_accept_more_data():
                    break
                out = d.process(b"", output_buffer_limit=PIECE)
        if not d.is_finished():
            raise EOFError("brotli data ends before its end marker (truncated)")
    except brotli.error as exc:
        raise zlib.error(f"brotli: {exc}") from None


class _PieceReader:
    """A file-like view of an iterator of byte pieces (for zstandard's stream reader)."""

    def __init__(self, pieces: Iterable[bytes]) -> None:
        self.it, self.buf = iter(pieces), b""

    def read(self, size: int = -1) -> bytes:
        while len(self.buf) < max(size, 1) and (piece := next(self.it, None)) is not None:
            self.buf += piece
        out, self.buf = (self.buf, b"") if size < 0 else (self.buf[:size], self.buf[size:])
        return out


def _zstd_pieces(pieces: Iterable[bytes]) -> Iterator[bytes]:
    try:
        import zstandard
    except ImportError:
        raise InputError("Content-Encoding zstd needs the 'zstandard' package (archiver[compress])") from None
    reader = zstandard.ZstdDecompressor().stream_reader(
        _PieceReader(pieces), read_size=1 << 16, read_across_frames=True
    )
    try:
        while out := reader.read(PIECE):
            yield out
    except zstandard.ZstdError as exc:
        raise zlib.error(f"zstd: {exc}") from None


def _identity(pieces: Iterable[bytes]) -> Iterator[bytes]:
    for data in pieces:
        for i in range(0, len(data), PIECE):
            yield data[i : i + PIECE]


_DECODERS: dict[str, Callable[[Iterable[bytes]], Iterator[bytes]]] = {
    "gzip": lambda p: _zlib_pieces(p, 31, True),
    "x-gzip": lambda p: _zlib_pieces(p, 31, True),
    "deflate": _deflate_pieces,
    "br": _brotli_pieces,
    "zstd": _zstd_pieces,
    "identity": _identity,
    "": _identity,
}


def gunzip_pieces(pieces: Iterable[bytes]) -> Iterator[bytes]:
    """A gzip stream (one or more members) inflated, a bounded piece at a time.
    Raises ``zlib.error`` for damaged data, ``EOFError`` for a truncated stream."""
    return _zlib_pieces(pieces, 31, True)


def file_pieces(fh: IO[bytes], size: int = PIECE) -> Iterator[bytes]:
    """The bytes of an open file, ``size`` at a time."""
    while data := fh.read(size):
        yield data


def collect(pieces: Iterable[bytes], limit: int) -> bytes:
    """The inflated pieces joined; :class:`TooLarge` as soon as they pass ``limit`` (0: none)."""
    out, total = [], 0
    for piece in pieces:
        total += len(piece)
        if limit and total > limit:
            raise TooLarge(limit)
        out.append(piece)
    return b"".join(out)


def decode_content(data: bytes, encodings: str | None, limit: int) -> bytes:
    """An HTTP body decoded for its ``Content-Encoding`` header (``"gzip"``, ``"br"``,
    ``"deflate, gzip"`` — applied in order, so undone in reverse), at most ``limit`` bytes out.

    Raises :class:`TooLarge`, or :class:`InputError` for an unknown or damaged encoding.
    """
    names = [e.strip().lower() for e in (encodings or "").split(",") if e.strip()]
    pieces: Iterable[bytes] = [data]
    for name in reversed(names):
        decoder = _DECODERS.get(name)
        if decoder is None:
            raise InputError(f"unknown Content-Encoding {name[:40]!r}")
        pieces = decoder(pieces)
    try:
        return collect(pieces, limit)
    except (zlib.error, EOFError) as exc:
        raise InputError(
            f"undecodable payload (Content-Encoding {', '.join(names)[:60]}): {str(exc)[:120]}"
        ) from None


def read_gzip_file(path: str, limit: int) -> bytes:
    """A ``.gz`` file's inflated bytes, at most ``limit`` (``TooLarge`` past it; ``InputError``
    when the file is damaged or truncated)."""
    with open(path, "rb") as fh:
        try:
            return collect(gunzip_pieces(file_pieces(fh)), limit)
        except (zlib.error, EOFError) as exc:
            raise InputError(f"damaged gzip file: {str(exc)[:160]}") from None


def file_pieces_from(fh: IO[bytes], start: int, first: int = 1 << 16) -> Iterator[bytes]:
    """The bytes of an open file from ``start``: a small first read (most records are small),
    then :data:`PIECE` at a time."""
    size, pos = first, start
    while True:
        fh.seek(pos)  # another reader may have moved the file's position meanwhile
        if not (data := fh.read(size)):
            return
        pos += len(data)
        yield data
        size = PIECE


def candidates(
    fh: IO[bytes], start: int, marker: bytes | re.Pattern[bytes], need: int
) -> Iterator[tuple[int, bytes]]:
    """Every offset of ``marker`` (bytes, or a pattern of at most 64 bytes) at or after ``start``
    in an open file, with the ``need`` bytes there (fewer at the end), in one pass of bounded
    reads (a file full of markers costs one read per :data:`PIECE`, not one per marker)."""
    search = marker.search if isinstance(marker, re.Pattern) else None
    width = 64 if search else len(marker)
    buf, base, read_pos = b"", start, start
    while True:
        fh.seek(read_pos)
        data = fh.read(PIECE)
        read_pos += len(data)
        buf += data
        i, pending = 0, -1
        while (j := _find(buf, marker, search, i)) >= 0:
            if len(buf) - j < max(need, width) and data:
                pending = j
                break
            yield base + j, buf[j : j + need]
            i = j + 1
        if not data:
            return
        cut = pending if pending >= 0 else max(i, len(buf) - width + 1)
        base, buf = base + cut, buf[cut:]


def _find(buf: bytes, marker: Any, search: Any, i: int) -> int:
    if search is None:
        return buf.find(marker, i)
    m = search(buf, i)
    return m.start() if m else -1


class Member:
    """The inflated pieces of the gzip member at ``offset`` of an open file (iterate once);
    ``end`` is the offset after it once it has ended. Raises ``zlib.error`` for damaged data,
    ``EOFError`` when the file ends inside it."""

    def __init__(self, fh: IO[bytes], offset: int) -> None:
        self.fh, self.offset = fh, offset
        self.end: int | None = None
        self.broken = None

    def __iter__(self) -> Iterator[bytes]:
        d, pos = zlib.decompressobj(31), self.offset
        for data in file_pieces_from(self.fh, self.offset):
            pos += len(data)
            while data and not d.eof:
                out = d.decompress(data, PIECE)
                data = d.unconsumed_tail
                if out:
                    yield out
            while not d.eof and (out := d.decompress(b"", PIECE)):
                yield out
            if d.eof:
                self.end = pos - len(d.unused_data)
                return
        raise EOFError("the file ends inside a gzip member")


GZIP_MEMBER = b"\x1f\x8b\x08"
# a member header (RFC 1952): magic, deflate, no reserved flag bits, any time, XFL 0/2/4, a known OS
_GZIP_HEADER = re.compile(rb"\x1f\x8b\x08[\x00-\x1f].{4}[\x00\x02\x04][\x00-\x0d\xff]", re.DOTALL)


class Damaged:
    """A marker in :func:`gzip_members`' pieces: the data here was damaged and is skipped."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


def gzip_members(fh: IO[bytes]) -> Iterator[bytes | Damaged]:
    """A gzip file's inflated pieces, member after member; damage (a corrupt or truncated member,
    bytes that are no member) is one :class:`Damaged` marker, and inflating goes on at the next
    member that inflates."""
    size = os.fstat(fh.fileno()).st_size
    pos: int | None = 0
    while pos is not None and pos < size:
        fh.seek(pos)
        if fh.read(3) != GZIP_MEMBER:
            fh.seek(pos)
            if not fh.read(PIECE).strip(b"\0") and fh.tell() >= size:
                return
            yield Damaged("bytes that are no gzip data")
            pos = _next_gzip(fh, pos + 1)
            continue
        member = Member(fh, pos)
        try:
            yield from member
            pos = member.end
        except (zlib.error, EOFError) as exc:
            yield Damaged(
                "truncated gzip data" if isinstance(exc, EOFError) else f"damaged gzip data ({str(exc)[:80]})"
            )
            pos = _next_gzip(fh, pos + 1)


def _next_gzip(fh: IO[bytes], after: int) -> int | None:
    """The first gzip member at or after ``after`` that starts to inflate without an error."""
    return next_member(fh, after, lambda out: bool(out))


def next_member(fh: IO[bytes], after: int, opens: Callable[[bytes], bool]) -> int | None:
    """The first gzip member at or after ``after`` whose first inflated bytes satisfy ``opens``
    (three magic bytes also occur inside compressed data, or in junk, by chance)."""
    for found, head in candidates(fh, after, _GZIP_HEADER, 4096):
        try:
            if opens(zlib.decompressobj(31).decompress(head, 64)):
                return found
        except zlib.error:
            pass
    return None
