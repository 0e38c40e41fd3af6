"""WARC record framing, done before any parser sees a byte: where each record starts and ends,
and where damage is, with bounded memory whatever the file holds.

A plain ``.warc`` is framed by its headers: a header block (at most :data:`HEADER_MAX` bytes,
starting ``WARC/``), ``Content-Length`` bytes of block, then the blank line that ends every record.
A ``.warc.gz`` is framed by gzip members (one record per member, as the standard says; a member
holding several records is framed inside too). Anything else is damage: the framer reports the
damaged span once and resynchronises on the next record start (a ``WARC/1.`` line in a plain
file; a gzip member whose text opens a record). Nothing is read line by line, so a 100 MiB "first
line" is skipped in bounded steps, and a member's inflated bytes are only kept up to the record's
size limit (a bomb is inflated a piece at a time and thrown away).
"""

from __future__ import annotations

import os
import re
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO

from .inflate import PIECE, candidates, next_member
from .inflate import Member as _Member
from .inflate import file_pieces_from as _file_pieces

HEADER_MAX = 1 << 16  # a WARC header block longer than this is damage
HEAD_MAX = 1 << 16  # bytes of a record's block read to see its HTTP headers when the rest is skipped
_END = b"\r\n\r\n"
_GZIP_MEMBER = b"\x1f\x8b\x08"
_BLANK = re.compile(rb"[\r\n]*")
_START = b"WARC/1."
_HEAD_LINE = (b"WARC/1.0\r\n", b"WARC/1.1\r\n")


@dataclass(frozen=True, slots=True)
class Frame:
    """One framed record: its position (``offset`` in the file, ``inner`` in a member's inflated
    bytes, 0 for the member's first record), its WARC headers, and its bytes (header block plus the
    whole block, or only its first :data:`HEAD_MAX` bytes when ``complete`` is False)."""

    offset: int
    inner: int
    headers: dict[str, str]
    data: bytes
    length: int
    complete: bool


@dataclass(frozen=True, slots=True)
class Damage:
    """Bytes that are no record: where they start and a short reason (never the bytes themselves).
    ``truncated``: the file ends inside a record."""

    offset: int
    inner: int
    reason: str
    truncated: bool = False


class Window:
    """A forward-only window over byte pieces, with the position of its first byte."""

    def __init__(self, pieces: Iterator[bytes], pos: int = 0) -> None:
        self.it, self.buf, self.pos = pieces, bytearray(), pos

    def _more(self) -> bool:
        piece = next(self.it, None)
        if piece is None:
            return False
        self.buf += piece
        return True

    def ensure(self, n: int) -> bool:
        while len(self.buf) < n:
            if not self._more():
                return False
        return True

    def find(self, marker: bytes, within: int, start: int = 0) -> int:
        """Index of ``marker`` in the next ``within`` bytes (from ``start``), or -1 (reads at most
        ``within`` + a piece)."""
        searched = start
        while True:
            i = self.buf.find(marker, max(start, searched - len(marker) + 1), within)
            if i >= 0:
                return i
            searched = len(self.buf)
            if searched >= within or not self._more():
                return -1

    def take(self, n: int) -> bytes:
        self.ensure(n)
        out = bytes(self.buf[:n])
        del self.buf[:n]
        self.pos += len(out)
        return out

    def skip(self, n: int) -> int:
        """Drop up to ``n`` bytes, a piece at a time; the number dropped."""
        done = 0
        while done < n and (self.buf or self._more()):
            k = min(n - done, len(self.buf))
            del self.buf[:k]
            done += k
        self.pos += done
        return done

    def skip_blank(self) -> None:
        """Drop CR/LF bytes (the blank lines some writers leave between records)."""
        while self.ensure(1):
            blank = _BLANK.match(self.buf).end()  # no copy of the buffer
            self.pos += blank
            del self.buf[:blank]
            if self.buf:
                return

    def skip_to(self, marker: bytes) -> bool:
        """Drop bytes up to the next ``marker`` (True) or to the end (False), a piece at a time."""
        while True:
            i = self.buf.find(marker)
            if i >= 0:
                self.pos += i
                del self.buf[:i]
                return True
            keep = min(len(self.buf), len(marker) - 1)
            self.pos += len(self.buf) - keep
            del self.buf[: len(self.buf) - keep]
            if not self._more():
                return False

    def drain(self) -> None:
        """Read the rest to the end (a damaged member's tail), keeping nothing."""
        while self.buf or self._more():
            self.pos += len(self.buf)
            self.buf.clear()


def parse_headers(block: bytes) -> dict[str, str] | None:
    """A WARC header block as lower-case names to values, or None when it is none."""
    lines = block.decode("utf-8", "replace").split("\r\n")
    if not lines[0].startswith("WARC/"):
        return None
    headers: dict[str, str] = {}
    for line in lines[1:]:
        if not line:
            continue
        name, sep, value = line.partition(":")
        if not sep:
            if line[:1] in " \t" and headers:  # a folded continuation line
                continue
            return None
        headers.setdefault(name.strip().lower(), value.strip())
    return headers


def frame(win: Window, offset: int, limit: int) -> Frame | Damage | None:
    """The record at the window's position (None at the end): its whole bytes when its block is at
    most ``limit`` + :data:`HEAD_MAX` bytes (0: any size), else its head, the rest skipped."""
    win.skip_blank()
    inner = win.pos
    if not win.ensure(1):
        return None
    nxt = win.find(_START, HEADER_MAX, 1)  # a header block never holds another record's start
    i = win.find(_END, HEADER_MAX if nxt < 0 else nxt)
    if i < 0:
        short = nxt < 0 and not win.ensure(HEADER_MAX)
        why = (
            "WARC data ends inside a header block"
            if short and win.buf.startswith(b"WARC/")
            else "bytes that are no WARC record"
        )
        return Damage(offset, inner, why, truncated=short and win.buf.startswith(b"WARC/"))
    headers = parse_headers(bytes(win.buf[:i]))
    if headers is None:
        return Damage(offset, inner, "bytes that are no WARC record (bad header block)")
    length = headers.get("content-length", "")
    if not length.isdigit() or len(length) > 15:
        return Damage(offset, inner, "WARC record without a valid Content-Length")
    size = int(length)
    whole = not limit or size <= limit + HEAD_MAX
    data = win.take(i + 4 + (size if whole else min(size, HEAD_MAX)))
    got = len(data) - i - 4 + (0 if whole else win.skip(size - min(size, HEAD_MAX)))
    if got < size:
        return Damage(offset, inner, f"truncated WARC record ({size - got:,} bytes missing)", truncated=True)
    end = win.take(4)
    if end != _END:
        if len(end) < 4 and _END.startswith(end):
            return Damage(
                offset, inner, "truncated WARC record (its closing blank line is missing)", truncated=True
            )
        return Damage(offset, inner, "WARC record does not end where its Content-Length says")
    return Frame(offset, inner, headers, data, size, whole)


def is_gzip(fh: IO[bytes]) -> bool:
    """Whether the open file starts with a gzip member (whatever its name says)."""
    fh.seek(0)
    head = fh.read(2)
    fh.seek(0)
    return head == _GZIP_MEMBER[:2]


def _skipped(damage: Damage, upto: int | None, size: int) -> Damage:
    """``damage`` with how many bytes it covers in its reason."""
    gone = (size if upto is None else upto) - damage.offset
    tail = " to the end of the file" if upto is None else ""
    return Damage(
        damage.offset, damage.inner, f"{damage.reason}; {gone:,} bytes skipped{tail}", damage.truncated
    )


def plain_frames(fh: IO[bytes], limit: int) -> Iterator[Frame | Damage]:
    """Frames of a plain WARC; a damaged span is one :class:`Damage` (consecutive damage merged)."""
    size = os.fstat(fh.fileno()).st_size
    pos: int | None = 0
    win = Window(_file_pieces(fh, 0), 0)
    while pos is not None:
        item = frame(win, pos, limit)
        if item is None:
            return
        if isinstance(item, Frame):
            yield Frame(item.inner, 0, item.headers, item.data, item.length, item.complete)
            pos = win.pos
            continue
        damage = Damage(item.inner, 0, item.reason, item.truncated)
        pos = _next_plain(fh, damage.offset + 1)
        yield damage if damage.truncated and pos is None else _skipped(damage, pos, size)
        if pos is not None:
            win = Window(_file_pieces(fh, pos), pos)


def _next_plain(fh: IO[bytes], after: int) -> int | None:
    """The start of the first ``WARC/1.x`` line at or after ``after`` that frames as a record."""
    for found, head in candidates(fh, after, _START, len(_HEAD_LINE[0]) + 2):
        if head.startswith(_HEAD_LINE):
            win = Window(_file_pieces(fh, found, 4096), found)
            if isinstance(frame(win, found, 1), Frame):  # limit 1: heads only, a bounded check
                return found
    return None


def gzip_frames(fh: IO[bytes], limit: int) -> Iterator[Frame | Damage]:
    """Frames of a .warc.gz, member by member; a member that cannot be inflated, or bytes that
    are no member, are one :class:`Damage`, and reading goes on at the next member opening a record."""
    size = os.fstat(fh.fileno()).st_size
    pos: int | None = 0
    while pos is not None and pos < size:
        fh.seek(pos)
        if fh.read(3) != _GZIP_MEMBER:
            fh.seek(pos)
            if not fh.read(PIECE).strip(b"\r\n\0") and fh.tell() >= size:
                return  # padding at the end
            nxt = _next_member(fh, pos + 1)
            yield _skipped(Damage(pos, 0, "bytes that are no gzip member"), nxt, size)
            pos = nxt
            continue
        member = _Member(fh, pos)
        yield from _member_frames(member, limit)
        if member.end is not None:
            pos = member.end
            continue
        nxt = _next_member(fh, pos + 1)
        if member.broken is not None:
            yield (
                _skipped(member.broken, nxt, size)
                if nxt is not None or not member.broken.truncated
                else member.broken
            )
        pos = nxt


def _member_frames(member: _Member, limit: int) -> Iterator[Frame | Damage]:
    """The records inside one member (normally one); damage inside it is one :class:`Damage` and
    reading goes on at the next record start inside the member, else at its end. A member that
    cannot be inflated to its end is left in ``member.broken`` (unless that damage was already
    being reported), with ``member.end`` None."""
    win = Window(iter(member), 0)
    start, damage = 0, None
    try:
        while True:
            item = frame(win, member.offset, limit)
            if isinstance(item, Frame) or item is None:
                if damage is not None:
                    yield _within(damage, win.pos if item is None else item.inner)
                    damage = None
                if item is None:
                    return
                yield item
                start = win.pos
                continue
            damage = damage or item
            if win.pos == item.inner:
                win.skip(1)
            if not win.skip_to(_START):
                win.drain()
    except (zlib.error, EOFError) as exc:
        why = (
            "truncated gzip member" if isinstance(exc, EOFError) else f"damaged gzip member ({str(exc)[:80]})"
        )
        if damage is not None:
            why = f"{damage.reason}, then {why}"
        member.broken = Damage(
            member.offset, damage.inner if damage else start, why, isinstance(exc, EOFError)
        )
        member.end = None


def _within(damage: Damage, upto: int) -> Damage:
    """In-member ``damage`` with the inflated bytes it covers in its reason."""
    return Damage(
        damage.offset, damage.inner, f"{damage.reason}; {upto - damage.inner:,} inflated bytes skipped"
    )


def _next_member(fh: IO[bytes], after: int) -> int | None:
    """The offset of the first gzip member at or after ``after`` whose text opens a WARC record."""
    return next_member(fh, after, lambda out: out.startswith(b"WARC/"))
