"""``verify``'s check of ``archive.sqlite``: is the search index the one the payload gives?

The index is not in any manifest (it is rebuilt and updated after bagging), so its bytes cannot
be checked against a hash; its content can. The index the payload gives is built afresh in a
temporary directory with the real builder (:func:`archiver.archive.index.build_scratch`) and the
two are compared: every ``docs`` row (id, files, title, language, date, site) and every term of
the FTS5 table at its position (read through ``fts5vocab``), as a digest. A forged index (other
titles, a row naming a file outside the bag, terms that make a document match what it does not
say) is an ``index`` problem; ``archiver index DIR`` after deleting the file rebuilds it.
Both files are opened read-only with ``trusted_schema`` off, so a forged file runs no SQL of its own.
"""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

from .index import INDEX_FILE, INDEX_VERSION, build_scratch
from .records import ExportError, is_regular
from .report import Problem

_ROWS = "SELECT id, json_path, md_path, title, language, published, site FROM docs ORDER BY id"
_TERMS = (
    "SELECT d.id, v.col, v.offset, v.term FROM temp.vocab v JOIN docs d ON d.rowid = v.doc "
    "ORDER BY d.id, v.col, v.offset, v.term"
)


def open_readonly(db: Path) -> sqlite3.Connection:
    """``db`` opened read-only, with no trust in SQL stored in it (views, triggers)."""
    conn = sqlite3.connect(f"{db.resolve().as_uri()}?mode=ro", uri=True)
    conn.execute("PRAGMA trusted_schema=OFF")
    return conn


def _groups(conn: sqlite3.Connection) -> list[tuple]:
    """The duplicate groups (``archiver dedup``, issue 15) an index holds, by id (none: empty)."""
    if not conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='dups'").fetchone():
        return []
    return conn.execute("SELECT id, grp, copies FROM dups ORDER BY id").fetchall()


def _content(db: Path) -> tuple[str, dict[str, tuple], str]:
    """(version, docs rows by id, digest of every (id, column, offset, term)) of an index file."""
    conn = open_readonly(db)
    try:
        version = conn.execute("SELECT value FROM meta WHERE key='version'").fetchone()
        rows = {r[0]: tuple(r[1:]) for r in conn.execute(_ROWS)}
        for doc_id, group, copies in _groups(conn):  # a forged group would hide documents from search
            rows[doc_id] = rows.get(doc_id, ()) + ("group", group, copies)
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, 'fts', 'instance')")
        digest = hashlib.sha256()
        for row in conn.execute(_TERMS):
            digest.update(repr(row).encode("utf-8", "backslashreplace"))
        return (version[0] if version else ""), rows, digest.hexdigest()
    finally:
        conn.close()


def _differences(have: tuple, want: tuple) -> list[str]:
    (v1, rows1, terms1), (v2, rows2, terms2) = have, want
    out = []
    if v1 != v2:
        out.append(f"version {str(v1)[:40]!r}, not {v2}")
    odd = sorted(set(rows1) ^ set(rows2)) + sorted(i for i in set(rows1) & set(rows2) if rows1[i] != rows2[i])
    if odd:
        example = str(odd[0])[:40]
        out.append(f"{len(odd)} document rows differ (e.g. {example!r})")
    if terms1 != terms2:
        out.append("its terms differ")
    return out


def check_index(root: Path) -> list[Problem]:
    """Problems of ``root/archive.sqlite`` against the payload (none when there is no index)."""
    db = root / INDEX_FILE
    if not db.exists() and not db.is_symlink():
        return []
    fix = f"; delete it and run `archiver index {root}` to rebuild it"
    if not is_regular(db):
        return [Problem("index", INDEX_FILE, f"not a regular file{fix}")]
    with tempfile.TemporaryDirectory(prefix="archiver-verify-") as tmp:
        expected = Path(tmp) / INDEX_FILE
        try:
            build_scratch(root, expected)
        except ExportError as exc:  # the payload's lists are refused: the documents check says why
            return [Problem("index", INDEX_FILE, f"cannot be checked ({exc})")]
        want = _content(expected)
        try:
            have = _content(db)
        except sqlite3.Error as exc:
            return [Problem("index", INDEX_FILE, f"not a readable {INDEX_VERSION} file ({exc}){fix}")]
    diff = _differences(have, want)
    return (
        [Problem("index", INDEX_FILE, f"does not match the payload: {'; '.join(diff)}{fix}")] if diff else []
    )
