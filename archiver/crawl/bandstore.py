"""The on-disk side of duplicate grouping: documents, signatures and LSH band keys in a temporary
SQLite database, grouped by sorting there (issue 15: memory flat in the number of documents).

:class:`BandStore` holds, per exact class (the digest of the folded words), its signature (or
none: too short to sign), and per document its class, capture-order key and id. Classes are then
numbered in digest order (:meth:`BandStore.number`), every signed class writes one row per band
(:meth:`BandStore.write_bands`), and :meth:`BandStore.buckets` gives each band's buckets of two or
more classes by one ``ORDER BY`` (SQLite sorts in bounded memory, spilling to temporary files).
Python holds one batch of rows, one bucket, a small cache of signatures and one ``int`` array
entry per class (the union-find of :mod:`archiver.crawl.dedup`).
"""

from __future__ import annotations

import sqlite3
import tempfile
from collections import OrderedDict
from collections.abc import Callable, Iterator
from pathlib import Path

import numpy as np

__all__ = ["BandStore"]

_BATCH = 512  # rows written at a time
_CACHE = 256  # signatures kept in memory (the first member of a big bucket is read again and again)

_SCHEMA = """
PRAGMA journal_mode = OFF;
PRAGMA synchronous = OFF;
PRAGMA temp_store = FILE;
PRAGMA cache_size = -8192;
CREATE TABLE classes (digest BLOB PRIMARY KEY, sig BLOB) WITHOUT ROWID;
CREATE TABLE docs (digest BLOB NOT NULL, ord TEXT NOT NULL, id TEXT NOT NULL);
CREATE TABLE numbered (k INTEGER PRIMARY KEY, digest BLOB NOT NULL, sig BLOB);
CREATE TABLE bands (band INTEGER NOT NULL, key BLOB NOT NULL, k INTEGER NOT NULL);
CREATE TABLE placed (root INTEGER NOT NULL, ord TEXT NOT NULL, id TEXT NOT NULL, k INTEGER NOT NULL);
CREATE TABLE out (gid TEXT NOT NULL, members TEXT NOT NULL);
"""


class BandStore:
    """A temporary SQLite database (deleted on :meth:`close`) in ``workdir`` or the system's."""

    def __init__(self, workdir: str | None = None) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="archiver-dedup-", dir=workdir)
        self.db = sqlite3.connect(Path(self._dir.name) / "groups.sqlite", isolation_level=None)
        self.db.executescript(_SCHEMA)
        self.db.execute("BEGIN")
        self._classes: dict[bytes, bytes | None] = {}  # the batch not yet written
        self._docs: list[tuple[bytes, str, str]] = []
        self._cache: OrderedDict[int, np.ndarray | None] = OrderedDict()
        self.classes = 0

    def close(self) -> None:
        self.db.close()
        self._dir.cleanup()

    def __enter__(self) -> BandStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- documents and classes ------------------------------------------------------------
    def known(self, digest: bytes) -> bool:
        """Whether the class ``digest`` was added before."""
        if digest in self._classes:
            return True
        return self.db.execute("SELECT 1 FROM classes WHERE digest = ?", (digest,)).fetchone() is not None

    def add_class(self, digest: bytes, sig: np.ndarray | None) -> None:
        self._classes[digest] = None if sig is None else sig.astype("<u4").tobytes()
        if len(self._classes) >= _BATCH:
            self._flush()

    def add_doc(self, digest: bytes, order: str, doc_id: str) -> None:
        self._docs.append((digest, order, doc_id))
        if len(self._docs) >= _BATCH:
            self._flush()

    def _flush(self) -> None:
        self.db.executemany("INSERT INTO classes VALUES (?, ?)", self._classes.items())
        self.db.executemany("INSERT INTO docs VALUES (?, ?, ?)", self._docs)
        self._classes.clear()
        self._docs.clear()

    # -- numbering, bands, buckets ----------------------------------------------------------
    def number(self) -> int:
        """Number the classes 0, 1, ... in digest order (the order the grouping is defined in)."""
        self._flush()
        self.db.execute(
            "INSERT INTO numbered (k, digest, sig) SELECT NULL, digest, sig FROM classes ORDER BY digest"
        )
        self.db.execute("UPDATE numbered SET k = k - 1")  # rowids start at 1
        self.classes = self.db.execute("SELECT count(*) FROM numbered").fetchone()[0]
        return self.classes

    def signed(self) -> Iterator[tuple[int, bytes]]:
        """Every signed class number with its signature bytes, in number order."""
        yield from self.db.execute("SELECT k, sig FROM numbered WHERE sig IS NOT NULL ORDER BY k")

    def write_bands(self, bands: int, rows: int) -> None:
        """One row per band of every signed class: the band's ``rows`` values as its key."""
        width = 4 * rows
        batch: list[tuple[int, bytes, int]] = []
        for k, sig in self.signed():
            batch.extend((b, sig[b * width : (b + 1) * width], k) for b in range(bands))
            if len(batch) >= _BATCH * bands:
                self.db.executemany("INSERT INTO bands VALUES (?, ?, ?)", batch)
                batch.clear()
        self.db.executemany("INSERT INTO bands VALUES (?, ?, ?)", batch)

    def buckets(self) -> Iterator[list[int]]:
        """The buckets of two or more classes, each its class numbers ascending."""
        current: tuple[int, bytes] | None = None
        bucket: list[int] = []
        for band, key, k in self.db.execute("SELECT band, key, k FROM bands ORDER BY band, key, k"):
            if (band, key) != current:
                if len(bucket) > 1:
                    yield bucket
                current, bucket = (band, key), []
            bucket.append(k)
        if len(bucket) > 1:
            yield bucket

    def signature(self, k: int) -> np.ndarray | None:
        """Class ``k``'s signature (None: too short to sign), through a small cache."""
        if k in self._cache:
            self._cache.move_to_end(k)
            return self._cache[k]
        row = self.db.execute("SELECT sig FROM numbered WHERE k = ?", (k,)).fetchone()
        sig = None if row is None or row[0] is None else np.frombuffer(row[0], dtype="<u4")
        self._cache[k] = sig
        if len(self._cache) > _CACHE:
            self._cache.popitem(last=False)
        return sig

    # -- placing documents in their groups ---------------------------------------------------
    def place(self, root_of: Callable[[int], int]) -> Iterator[list[tuple[str, str, int]]]:
        """The documents of each group of two or more, as ``(order key, id, class)`` sorted, the
        groups by their root class (``root_of``: a class number's root)."""
        batch: list[tuple[int, str, str, int]] = []
        rows = self.db.execute("SELECT n.k, d.ord, d.id FROM docs d JOIN numbered n ON n.digest = d.digest")
        for k, order, doc_id in rows:
            batch.append((root_of(k), order, doc_id, k))
            if len(batch) >= _BATCH:
                self.db.executemany("INSERT INTO placed VALUES (?, ?, ?, ?)", batch)
                batch.clear()
        self.db.executemany("INSERT INTO placed VALUES (?, ?, ?, ?)", batch)
        current, group = None, []
        for root, order, doc_id, k in self.db.execute("SELECT * FROM placed ORDER BY root, ord, id, k"):
            if root != current:
                if len(group) > 1:
                    yield group
                current, group = root, []
            group.append((order, doc_id, k))
        if len(group) > 1:
            yield group

    def keep(self, gid: str, members: str) -> None:
        """Keep one finished group (its id and its members as text) for :meth:`kept`."""
        self.db.execute("INSERT INTO out VALUES (?, ?)", (gid, members))

    def kept(self) -> Iterator[tuple[str, str]]:
        """The kept groups, sorted by id."""
        yield from self.db.execute("SELECT gid, members FROM out ORDER BY gid, members")
