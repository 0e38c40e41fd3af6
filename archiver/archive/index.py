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

Speed (bench/search_bench.py): a new or rebuilt index is written into a temporary file beside
the target with journaling and syncing off, in one transaction, then synced and renamed over
the target, so the build is atomic (a reader sees the old index or the new one; an interrupted
build leaves the old one). FTS5's pending-term buffer (``hashsize``) is raised from 1 MB to
64 MB, so far fewer segments are written and merged before the final ``optimize`` (then
``VACUUM`` drops the pages the merge left free). A record is
read with msgspec (the ``fast`` extra) into just the fields the index uses; a record it rejects,
or a machine without it, goes through ``json`` with the same result.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .bag import DOCUMENTS, is_bag
from .records import ExportError, export_entries, is_document_id, numbered_lines
from .recordterms import Row, read_fields

INDEX_FILE = "archive.sqlite"
INDEX_VERSION = "archiver.index/1"
BATCH = 5000
CHUNK = 250
HASH_BYTES = 64 << 20  # FTS5 pending-term buffer (default 1 MB): fewer, larger segments
_SCHEMA = f"""
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS docs(
  rowid INTEGER PRIMARY KEY, id TEXT UNIQUE NOT NULL, json_path TEXT NOT NULL, md_path TEXT,
  title TEXT, language TEXT, published TEXT, site TEXT, stamp TEXT NOT NULL);
CREATE VIRTUAL TABLE IF NOT EXISTS fts USING fts5(
  title, body, content='', tokenize='ascii');
CREATE TABLE IF NOT EXISTS dups(id TEXT PRIMARY KEY, grp TEXT NOT NULL, copies INTEGER NOT NULL);
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
        return (
            f"archiver: index {self.path} {how}: {self.added} added, {self.skipped} already indexed{bad}, "
            f"{self.total} documents"
        )


def _stamp(path: str) -> str | None:
    """``size:mtime_ns`` of a regular file (one lstat call: a symlink is none), None if there is none."""
    try:
        st = os.lstat(path)
    except (OSError, ValueError):
        return None
    return f"{st.st_size}:{st.st_mtime_ns}" if stat.S_ISREG(st.st_mode) else None


def _bag_source(n: int, rec: dict[str, Any]) -> Source | str:
    """The source of one ``documents.jsonl`` line, or why it is refused (its files must be the id's own)."""
    doc_id = rec.get("id")
    if not is_document_id(doc_id):
        return f"{DOCUMENTS}:{n}: id {json.dumps(doc_id, ensure_ascii=False)[:60]} is not a document id"
    if rec.get("json") != f"json/{doc_id}.json" or rec.get("markdown") not in (None, f"markdown/{doc_id}.md"):
        return f"{DOCUMENTS}:{n}: files other than json/{doc_id}.json and markdown/{doc_id}.md"
    md = f"data/{rec['markdown']}" if rec.get("markdown") else None
    return Source(doc_id, f"data/{rec['json']}", md, "")


def _bag_sources(root: Path) -> Iterator[Source]:
    for n, rec in numbered_lines(root / "data" / DOCUMENTS):
        src = _bag_source(n, rec)
        if isinstance(src, str):
            raise ExportError(f"{root / 'data' / src}; not indexed")
        if (stamp := _stamp(os.path.join(root, src.json_path))) is not None:
            yield Source(src.id, src.json_path, src.md_path, stamp)


def sources(root: Path) -> Iterator[Source]:
    """The documents of an export directory or a bag, in their listed order.

    Raises ExportError for a listed id or file that could lead outside ``root``."""
    if is_bag(root):
        yield from _bag_sources(root)
        return
    for entry in export_entries(root):
        if entry.json_path and (stamp := _stamp(os.path.join(root, entry.json_path))) is not None:
            yield Source(entry.id, entry.json_path, entry.md_path, stamp)


def connect(db: Path, wal: bool = True) -> sqlite3.Connection:
    """Open (creating if needed) an index database (``wal``: in WAL mode, for writing in place)."""
    conn = sqlite3.connect(db)
    if wal:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
    conn.execute("PRAGMA cache_size=-65536")
    conn.executescript(_SCHEMA)
    version = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()[0]
    if version != INDEX_VERSION:
        raise ExportError(f"{db}: index version {version}, expected {INDEX_VERSION}; delete it to rebuild")
    return conn


def prepare(root: Path, batch: list[Source]) -> tuple[list[Row], int]:
    """Read each record of ``batch`` and compute its terms (runs in a worker process); return the
    rows and the number of records that could not be read (skipped; ``archiver verify`` says why)."""
    rows = []
    for src in batch:
        try:
            title, language, published, site, *terms = read_fields(os.path.join(root, src.json_path))
        except (OSError, ValueError):
            continue
        rows.append((src.id, src.json_path, src.md_path, title, language, published, site, src.stamp, *terms))
    return rows, len(batch) - len(rows)


def _insert(conn: sqlite3.Connection, rows: list[Row]) -> None:
    first = conn.execute("SELECT coalesce(max(rowid), 0) + 1 FROM docs").fetchone()[0]
    conn.executemany(
        "INSERT INTO docs(rowid, id, json_path, md_path, title, language, published, site, stamp) "
        "VALUES(?,?,?,?,?,?,?,?,?)",
        ((first + i, *row[:8]) for i, row in enumerate(rows)),
    )
    conn.executemany(
        "INSERT INTO fts(rowid, title, body) VALUES(?,?,?)",
        ((first + i, *row[8:]) for i, row in enumerate(rows)),
    )


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


def _tune(conn: sqlite3.Connection, scratch: bool) -> None:
    """Build settings: a large FTS5 pending-term buffer; no journal or sync for a scratch file."""
    if scratch:  # a temporary file renamed into place only when complete: a crash loses nothing
        conn.execute("PRAGMA journal_mode=OFF")
        conn.execute("PRAGMA synchronous=OFF")
    conn.execute(f"INSERT INTO fts(fts, rank) VALUES('hashsize', {HASH_BYTES})")


def _fill(conn: sqlite3.Connection, root: Path, todo: list[Source], workers: int, optimize: bool) -> int:
    """Insert the rows of ``todo`` in one transaction; return the number of unreadable records."""
    pending: list[Row] = []
    unreadable = 0
    with conn:
        for rows, bad in _prepared(root, todo, workers):
            pending += rows
            unreadable += bad
            if len(pending) >= BATCH:
                _insert(conn, pending)
                pending = []
        _insert(conn, pending)
        if optimize:  # merge the FTS5 segments into one b-tree
            conn.execute("INSERT INTO fts(fts) VALUES('optimize')")
    return unreadable


def _pid_alive(pid: str) -> bool:
    try:
        os.kill(int(pid), 0)
    except (ValueError, ProcessLookupError):
        return False
    except PermissionError:
        return True
    return True


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _build_new(root: Path, db: Path, todo: list[Source], workers: int) -> tuple[int, int]:
    """Write a whole index into a temporary file, then rename it over ``db`` (atomic)."""
    tmp = db.with_name(f".{db.name}.{os.getpid()}.tmp")
    for stale in db.parent.glob(f".{db.name}.*.tmp"):  # left by a build that was killed outright
        if not _pid_alive(stale.name.rsplit(".", 2)[-2]):
            stale.unlink(missing_ok=True)
    tmp.unlink(missing_ok=True)
    try:
        conn = connect(tmp, wal=False)
        try:
            _tune(conn, scratch=True)
            unreadable = _fill(conn, root, todo, workers, optimize=True)
            conn.execute("VACUUM")  # drop the pages the merged segments left free (~12% of the file)
            total = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        finally:
            conn.close()
        _fsync(tmp)
        os.replace(tmp, db)
        _fsync(db.parent)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return unreadable, total


def _build_more(root: Path, db: Path, todo: list[Source], found: int, workers: int) -> tuple[int, int]:
    """Add ``todo`` to the existing index ``db`` in one transaction."""
    conn = connect(db)
    try:
        _tune(conn, scratch=False)
        unreadable = _fill(conn, root, todo, workers, optimize=len(todo) * 10 >= found)  # a big addition
        total = conn.execute("SELECT count(*) FROM docs").fetchone()[0]
        conn.execute("PRAGMA journal_mode=DELETE")  # WAL while building; readers then leave no -wal/-shm
    finally:
        conn.close()
    return unreadable, total


def _store_duplicates(db: Path, root: Path) -> None:
    """Replace the ``dups`` table (document → duplicate group, copies) from ``duplicates.jsonl``."""
    from ..crawl.duplicates import duplicate_map  # archiver dedup's groups (issue 15)

    rows = sorted((doc_id, d.group, d.copies) for doc_id, d in duplicate_map(root).items())
    conn = connect(db, wal=False)
    try:
        with conn:
            conn.execute("DELETE FROM dups")
            conn.executemany("INSERT INTO dups VALUES(?,?,?)", rows)
    finally:
        conn.close()


def build_scratch(root: Path, db: Path) -> None:
    """Index every document of ``root`` into a new file ``db`` in this process (``verify`` compares
    it with the index beside the payload)."""
    _build_new(root, db, list(sources(root)), workers=0)
    _store_duplicates(db, root)


def build_index(path: str | os.PathLike[str], workers: int | None = None) -> IndexSummary:
    """Index the documents of the export or bag at ``path`` into ``path/archive.sqlite``.

    ``workers``: processes that read records and compute terms (default: the machine's cores;
    small jobs run in this process). The result does not depend on it. A new or rebuilt index
    replaces the old file only once complete.
    """
    t0 = time.perf_counter()
    root = Path(path)
    found = list(sources(root))
    db = root / INDEX_FILE
    todo, skipped, rebuild, exists = found, 0, False, db.is_file()
    if exists:
        conn = connect(db, wal=False)
        try:
            todo, skipped, rebuild = _plan(conn, found)
        finally:
            conn.close()
    workers = (os.cpu_count() or 1) if workers is None else workers
    if rebuild or not exists:
        unreadable, total = _build_new(root, db, todo, workers)
    else:
        unreadable, total = _build_more(root, db, todo, len(found), workers)
    _store_duplicates(db, root)
    return IndexSummary(
        db, len(todo) - unreadable, skipped, total, rebuild, time.perf_counter() - t0, unreadable
    )
