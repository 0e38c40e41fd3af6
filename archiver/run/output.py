"""Export directory layout and atomic writes: a temporary file in the same directory, then rename.

No write follows a symbolic link: a file is written to a new temporary name (``O_EXCL``) and
renamed over its path (a rename replaces a link planted there, it never writes through it); the
appended logs are opened with ``O_NOFOLLOW`` and must be regular files (:class:`UnsafeOutput`).

Files are created with mode 0666 less the umask, as a plain ``open(path, "w")`` would: an
archive other users can read where the user's umask allows it (``mkstemp`` gave 0600).
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import re
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from ..errors import ArchiverError
from ..model import Document

FORMATS = ("md", "json")
DOCUMENT_FILE = re.compile(r"[0-9a-f]{16}\.(?:" + "|".join(FORMATS) + ")")


class UnsafeOutput(OSError, ArchiverError):
    """An output path that is a symbolic link or not a regular file: never opened through."""

    stage = "write"


class WriteFailure(ArchiverError):
    """Writing into the export failed (disk full, read-only, no permission): the run stops, and
    what is written is whole lines and whole files, so the same command resumes it."""

    stage = "write"

    def __init__(self, where: Path | str, exc: OSError | str) -> None:
        reason = exc if isinstance(exc, str) else (exc.strerror or str(exc))
        super().__init__(f"cannot write {where}: {reason}")
        self.errno = None if isinstance(exc, str) else exc.errno


def check_regular(path: Path) -> None:
    """Raise :class:`UnsafeOutput` when ``path`` exists and is a link or not a regular file."""
    try:
        st = os.lstat(path)
    except FileNotFoundError:
        return
    if stat.S_ISLNK(st.st_mode):
        raise UnsafeOutput(errno.ELOOP, f"{path} is a symbolic link; refusing to follow it")
    if not stat.S_ISREG(st.st_mode):
        raise UnsafeOutput(errno.EINVAL, f"{path} is not a regular file")


def open_regular(path: Path, flags: int) -> int:
    """``os.open`` that never follows a link and never opens a FIFO or device (it could block)."""
    try:
        fd = os.open(path, flags | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC, 0o666)
    except OSError as exc:
        if exc.errno in (errno.ELOOP, errno.ENXIO):
            check_regular(path)
        raise
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        raise UnsafeOutput(errno.EINVAL, f"{path} is not a regular file")
    return fd


def utf8(text: str) -> bytes:
    """``text`` as UTF-8; a lone surrogate (a non-UTF-8 file name kept by ``surrogateescape``) is
    written as its escape ``\\udcXX``, which inside a JSON string reads back as the same path."""
    return text.encode("utf-8", errors="backslashreplace")


def atomic_write(path: Path, data: str | bytes, sync: bool = True) -> None:
    """Write ``data`` so that ``path`` is either absent, the old file, or the complete new file.

    ``sync`` also flushes it to the disk before the rename (survives a power cut, not only a crash)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = utf8(data) if isinstance(data, str) else data
    fd, tmp = _temp_file(path)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(raw)
            fh.flush()
            if sync:
                os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _temp_file(path: Path) -> tuple[int, Path]:
    """A new file beside ``path`` (``.<name>.<random>.tmp``), created as a plain write would be."""
    while True:
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(6)}.tmp")
        try:
            return os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o666), tmp
        except FileExistsError:
            continue


def append_line(path: Path, record: dict[str, Any], sync: bool = True) -> None:
    """Append one JSON line, flushed. A write cut short (a full disk) is truncated back to where
    the line began, so the file never ends in half a line, and raises :class:`WriteFailure`."""
    path.parent.mkdir(parents=True, exist_ok=True)
    line = utf8(json.dumps(record, ensure_ascii=False, sort_keys=False) + "\n")
    try:
        fd = open_regular(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
    except UnsafeOutput:
        raise
    except OSError as exc:
        raise WriteFailure(path, exc) from None
    try:
        start = os.fstat(fd).st_size
        try:
            view = memoryview(line)
            while view:
                view = view[os.write(fd, view) :]
            if sync:
                os.fsync(fd)
        except OSError as exc:
            with contextlib.suppress(OSError):
                os.ftruncate(fd, start)
            raise WriteFailure(path, exc) from None
    finally:
        os.close(fd)


def render(doc: Document, fmt: str) -> str:
    if fmt == "md":
        return doc.to_markdown()
    if fmt == "json":
        return doc.to_json()
    raise ValueError(f"unknown format {fmt!r} (md, json)")


def write_document(doc: Document, out_dir: Path, formats: Iterable[str], sync: bool = True) -> list[str]:
    """Write ``<id>.<fmt>`` for each format; return the file names written."""
    return write_rendered(doc.id, {fmt: render(doc, fmt) for fmt in formats}, out_dir, sync)


def write_rendered(doc_id: str, texts: dict[str, str], out_dir: Path, sync: bool = True) -> list[str]:
    """Write ``<doc_id>.<fmt>`` for each ``{fmt: text}``; return the file names written."""
    names = []
    for fmt, text in texts.items():
        name = f"{doc_id}.{fmt}"
        atomic_write(out_dir / name, text, sync)
        names.append(name)
    return names


def index_record(doc: Document, source: str, outputs: list[str]) -> dict[str, Any]:
    return {
        "id": doc.id,
        "source": source,
        "title": doc.title,
        "language": doc.language,
        "status": doc.status,
        "outputs": outputs,
    }
