"""Reading an export directory back: its index lines, its JSON records, and records as Documents.

An export directory is what ``archiver clean … -o DIR`` writes: ``<id>.md``, ``<id>.json``,
``index.jsonl`` (one line per exported input), ``errors.jsonl`` and ``run.json``. A bag made from
it keeps the same records under ``data/json/`` and ``data/markdown/``.

What is read back is not trusted to stay inside the directory (DESIGN.md §7): a document id must
be 16 lowercase hex digits (what ``document_id`` makes), an index line's outputs must be that
id's own ``<id>.json``/``<id>.md``, and files are opened without following a symlink
(:func:`read_regular`), so a planted link or an id such as ``../../x`` never reads or writes
outside the export. A line that breaks this is refused with its line number and the reason.
"""

from __future__ import annotations

import json
import os
import re
import stat
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ExportError

INDEX, ERRORS, RUN = "index.jsonl", "errors.jsonl", "run.json"
_DOC_ID = re.compile(r"[0-9a-f]{16}")
_O_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


@dataclass(frozen=True, slots=True)
class Entry:
    """One exported document: its id, status and where its files are (relative to the root)."""

    id: str
    source: str
    status: str
    json_path: str | None
    md_path: str | None


def is_document_id(value: object) -> bool:
    """Whether ``value`` is a document id: exactly 16 lowercase hex digits."""
    return isinstance(value, str) and _DOC_ID.fullmatch(value) is not None


def read_regular(path: Path) -> bytes:
    """The bytes of the regular file at ``path``; never through a symlink (``O_NOFOLLOW``, then
    an ``fstat`` of what was opened). Raises OSError (FileNotFoundError when absent)."""
    fd = os.open(path, os.O_RDONLY | _O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path}: not a regular file")
        with os.fdopen(fd, "rb", closefd=False) as fh:
            return fh.read()
    finally:
        os.close(fd)


def is_regular(path: Path) -> bool:
    """Whether ``path`` itself (not what a symlink points to) is a regular file."""
    try:
        return stat.S_ISREG(os.lstat(path).st_mode)
    except (OSError, ValueError):
        return False


def numbered_lines(path: Path) -> Iterator[tuple[int, dict[str, Any]]]:
    """(line number, object) of each JSON object line of a JSONL file (absent file: nothing);
    raises ExportError when ``path`` is a symlink or not a regular file."""
    try:
        raw = read_regular(path).decode("utf-8", "replace")
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ExportError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except (ValueError, RecursionError):
            continue
        if isinstance(record, dict):
            yield n, record


def read_jsonl(path: Path) -> Iterator[dict[str, Any]]:
    """The JSON objects of a JSONL file, one per complete line (absent file: nothing).

    Raises ExportError when ``path`` is a symlink or not a regular file."""
    for _, record in numbered_lines(path):
        yield record


def _entry(rec: dict[str, Any]) -> Entry | str:
    """The entry of one index line, or why it is refused."""
    doc_id = rec.get("id")
    if not is_document_id(doc_id):
        return f"id {json.dumps(doc_id, ensure_ascii=False)[:60]} is not a document id (16 hex digits)"
    outputs = rec.get("outputs", [])
    if not isinstance(outputs, list):
        return "outputs is not a list"
    own = {f"{doc_id}.json", f"{doc_id}.md"}
    strange = [o for o in outputs if o not in own]
    if strange:
        return f"output {json.dumps(strange[0], ensure_ascii=False)[:60]} is not {doc_id}.json or {doc_id}.md"
    return Entry(
        doc_id,
        str(rec.get("source", "")),
        str(rec.get("status", "ok")),
        f"{doc_id}.json" if f"{doc_id}.json" in outputs else None,
        f"{doc_id}.md" if f"{doc_id}.md" in outputs else None,
    )


def read_entries(root: Path) -> tuple[list[Entry], list[str]]:
    """The documents ``index.jsonl`` lists, in its order, one per id, and one line per refused
    index line (``index.jsonl:N: reason``)."""
    if not is_regular(root / INDEX):
        raise ExportError(f"{root}: not an export directory (no {INDEX}, or not a regular file)")
    seen: set[str] = set()
    out, refused = [], []
    for n, rec in numbered_lines(root / INDEX):
        entry = _entry(rec)
        if isinstance(entry, str):
            refused.append(f"{INDEX}:{n}: {entry}")
        elif entry.id not in seen:
            seen.add(entry.id)
            out.append(entry)
    return out, refused


def export_entries(root: Path) -> list[Entry]:
    """The documents ``index.jsonl`` lists; raises ExportError if any line is refused."""
    entries, refused = read_entries(root)
    if refused:
        more = f" (and {len(refused) - 1} more)" if len(refused) > 1 else ""
        raise ExportError(f"{root / refused[0]}{more}")
    return entries


def parse_record(data: bytes, path: Path) -> dict[str, Any]:
    """The JSON document record in ``data`` (read from ``path``, named in errors)."""
    try:
        record = json.loads(data.decode("utf-8"))
    except (ValueError, RecursionError) as exc:
        raise ExportError(f"{path}: not a readable JSON record ({exc.__class__.__name__})") from None
    if not isinstance(record, dict) or "blocks" not in record:
        raise ExportError(f"{path}: not an archiver document record")
    return record


def load_record(path: Path) -> dict[str, Any]:
    """A JSON document record from a file the user named (``archiver show FILE``: a link is
    followed there; records found inside an export are read with :func:`read_regular`)."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ExportError(f"{path}: not a readable JSON record ({exc.__class__.__name__})") from None
    return parse_record(data, path)
