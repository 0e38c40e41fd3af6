"""``archiver index DIR``: build or update ``DIR/archive.sqlite``, an SQLite FTS5 index.

The FTS5 table is contentless (``content=''``): it holds only the stemmed terms of the folded
search key (see :mod:`archiver.archive.terms`) of each document's title and body, already cut
into words and joined by spaces (so FTS5's ``ascii`` tokenizer, which keeps every non-ASCII
character inside a token, splits them exactly there and folds nothing further); the original
text stays in the JSON records, where snippets are cut from. ``docs`` maps each FTS row to the
document id, its files, title, language, date and site, and a stamp (size, mtime) of its record.

Incremental: a document already indexed with the same stamp is skipped, a new one is added; when a
record changed or disappeared the index is rebuilt (a contentless table cannot un-index rows
whose text it no longer has).
"""
from __future__ import annotations

import json
import os
import sqlite3
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable, Iterator

from .bag import DOCUMENTS, is_bag
from .records import ExportError, export_entries, read_jsonl
from .terms import text_terms

INDEX_FILE = "archive.sqlite"
INDEX_VERSION = "archiver.index/1"
BATCH = 5000
CHUNK = 250
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(
  rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, json_path TEXT NOT NULL, md_path TEXT,
  title TEXT, language TEXT, published TEXT, site TEXT, stamp TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, body, content='', tokenize='ascii');
INSERT OR IGNORE INTO meta VALUES('version', '{INDEX_VERSION}');
"""


@dataclass(frozen=True, slots=True)
class Source:
    """One document to index: its id and files (relative to the root) and the record's stamp."""

    id: str
    json_path: str
    md_path: str | None
    stamp: str


@dataclass(frozen=True, slots=True)
class IndexSummary:
    """What one ``index`` run did."""

    path: Path
    added: int
    skipped: int
    total: int
    rebuilt: bool
    seconds: float = 0.0
    unreadable: int = 0

    def line(self) -> str:
        how = "rebuilt" if self.rebuilt else "updated"
        bad = f", {self.unreadable} unreadable records skipped" if self.unreadable else ""
        return (f"archiver: index {self.path} {how}: {self.added} added, {self.skipped} already indexed{bad}, "
                f"{self.total} documents")


def _stamp(path: Path) -> str:
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def sources(root: Path) -> Iterator[Source]:
    """The documents of an export directory or a bag, in their listed order."""
    if is_bag(root):
        for rec in read_jsonl(root / "data" / DOCUMENTS):
            if isinstance(rec.get("id"), str) and isinstance(rec.get("json"), str):
                rel = f"data/{rec['json']}"
                md = f"data/{rec['markdown']}" if rec.get("markdown") else None
                if (root / rel).is_file():
                    yield Source(rec["id"], rel, md, _stamp(root / rel))
        return
    for entry in export_entries(root):
        if entry.json_path and (root / entry.json_path).is_file():
            yield Source(entry.id, entry.json_path, entry.md_path, _stamp(root / entry.json_path))


def connect(db: Path) -> sqlite3.Connection:
    """Open (creating if needed) an index database."""
    conn = sqlite3.connect(db)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-65536")
    conn.executescript(_SCHEMA)
    version = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0]
    if version != INDEX_VERSION:
        raise ExportError(f"{db}: index version {version}, expected {INDEX_VERSION}; delete it to rebuild")
    return conn


def record_row(record: dict[str, Any]) -> tuple[str, str]:
    """The (title terms, body terms) of one JSON record."""
    lang = record.get("language")
    title = text_terms(record.get("title") or "", lang)
    by_lang: dict[str | None, list[str]] = {}
    for b in record.get("blocks", ()):  # blocks of one language are cut into words in one pass
        by_lang.setdefault(b.get("lang") or lang, []).append(b.get("text", ""))
    body = " ".join(text_terms("\n".join(texts), block_lang) for block_lang, texts in by_lang.items())
    return title, body


Row = tuple  # (id, json_path, md_path, title, language, published, site, stamp, title terms, body terms)


def prepare(root: Path, batch: list[Source]) -> tuple[list[Row], int]:
    """Read each record of ``batch`` and compute its terms (runs in a worker process); return the
    rows and the number of records that could not be read (skipped; ``archiver verify`` says why)."""
    rows = []
    for src in batch:
        try:
            record = json.loads((root / src.json_path).read_text("utf-8"))
            if not isinstance(record, dict):
                raise ValueError("not an object")
        except (OSError, ValueError):
            continue
        rows.append((src.id, src.json_path, src.md_path, record.get("title"), record.get("language"),
                     record.get("published"), record.get("site_name"), src.stamp, *record_row(record)))
    return rows, len(batch) - len(rows)


def _insert(conn: sqlite3.Connection, rows: list[Row]) -> None:
    first = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM docs").fetchone()[0]
    conn.executemany("INSERT INTO docs(rowid, id, json_path, md_path, title, language, published, site, stamp) "
                     "VALUES(?,?,?,?,?,?,?,?,?)", ((first + i, *row[:8]) for i, row in enumerate(rows)))
    conn.executemany("INSERT INTO fts(rowid, title, body) VALUES(?,?,?)",
                     ((first + i, *row[8:]) for i, row in enumerate(rows)))


def _batches(items: Iterable[Source], size: int) -> Iterator[list[Source]]:
    batch: list[Source] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _prepared(root: Path, todo: list[Source], workers: int) -> Iterator[tuple[list[Row], int]]:
    """Prepared rows in order: in this process, or from ``workers`` processes for large jobs."""
    if workers <= 1 or len(todo) < 4 * CHUNK:
        yield from (prepare(root, b) for b in _batches(todo, CHUNK))
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    with ProcessPoolExecutor(max_workers=workers) as pool:
        yield from pool.map(partial(prepare, root), _batches(todo, CHUNK))


def _plan(conn: sqlite3.Connection, found: list[Source]) -> tuple[list[Source], int, bool]:
    """(to add, already indexed, whether to rebuild)."""
    known = dict(conn.execute("SELECT id, stamp FROM docs"))
    ids = {s.id for s in found}
    stale = any(known.get(s.id, s.stamp) != s.stamp for s in found) or any(k not in ids for k in known)
    if stale:
        return found, 0, True
    todo = [s for s in found if s.id not in known]
    return todo, len(found) - len(todo), False


def build_index(path: str | os.PathLike[str], workers: int | None = None) -> IndexSummary:
    """Index the documents of the export or bag at ``path`` into ``path/archive.sqlite``.

    ``workers``: processes that read records and compute terms (default: the machine's cores;
    small jobs run in this process). The result does not depend on it.
    """
    t0 = time.perf_counter()
    root = Path(path)
    found = list(sources(root))
    conn = connect(root / INDEX_FILE)
    try:
        todo, skipped, rebuild = _plan(conn, found)
        with conn:
            if rebuild:
                conn.execute("DELETE FROM docs")
                conn.execute("INSERT INTO fts(fts) VALUES('delete-all')")
        pending: list[Row] = []
        unreadable = 0
        for rows, bad in _prepared(root, todo, (os.cpu_count() or 1) if workers is None else workers):
            pending += rows
            unreadable += bad
            if len(pending) >= BATCH:
                with conn:
                    _insert(conn, pending)
                pending = []
        with conn:
            _insert(conn, pending)
            if rebuild or len(todo) * 10 >= len(found):  # a big addition: merge the b-trees into one
                conn.execute("INSERT INTO fts(fts) VALUES('optimize')")
        total = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        conn.execute("PRAGMA journal_mode=DELETE")  # WAL while building; readers then leave no -wal/-shm
    finally:
        conn.close()
    return IndexSummary(root / INDEX_FILE, len(todo) - unreadable, skipped, total, rebuild,
                        time.perf_counter() - t0, unreadable)
