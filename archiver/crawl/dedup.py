"""Exact and near-duplicate groups of documents (syndicated copies, recaptures of one page).

Two steps, both over the words of the folded search key (:mod:`archiver.crawl.shingles`):

1. **exact**: documents whose folded words are identical (SHA-256 of them) form one class;
2. **near**: one MinHash signature per class (datasketch, ``num_perm`` permutations from a fixed
   seed, over 3-word shingles), banded LSH (datasketch's optimal bands and rows for the
   threshold) proposes candidate pairs, and a pair joins when its estimated Jaccard similarity is
   at least ``threshold``; groups are the connected components.

Deterministic: classes are numbered by their digest, candidate pairs are those of each band's
buckets in that order, and the result does not depend on the order of the input (a component is
the same whichever order its pairs are met in). Memory is flat: documents, signatures and band
keys go to a temporary SQLite database and are grouped by sorting there
(:mod:`archiver.crawl.bandstore`); Python keeps a batch, a bucket, a few signatures and one
4-byte entry per distinct text. Nothing is ever deleted: a group only names its members and
which is the earliest capture.
"""

from __future__ import annotations

import itertools
import json
from array import array
from collections.abc import Iterable, Iterator

import numpy as np
from datasketch import MinHash, MinHashLSH

from .bandstore import BandStore
from .groups import DedupItem, DedupOptions, Group, Member
from .shingles import folded_words, shingle_hashes, text_digest

__all__ = ["DedupItem", "DedupOptions", "Group", "Member", "group_documents", "iter_groups"]

_BIG_BUCKET = 32  # a bucket larger than this compares each member with its first and previous only


class _Signer:
    """MinHash signatures with one shared set of permutations (built once, from the seed)."""

    def __init__(self, options: DedupOptions) -> None:
        self.options = options
        self.permutations = MinHash(num_perm=options.num_perm, seed=options.seed).permutations

    def __call__(self, hashes: list[int]) -> np.ndarray:
        m = MinHash(
            num_perm=self.options.num_perm,
            seed=self.options.seed,
            hashfunc=int,
            permutations=self.permutations,
            scheme="affine32",
        )
        m.update_batch(hashes)
        return m.hashvalues


def _order_key(item: DedupItem) -> str:
    """Capture order: known dates first, by date (the id breaks ties)."""
    return "0" + item.order if item.order else "1"


def _load(items: Iterable[DedupItem], options: DedupOptions, store: BandStore) -> None:
    """Every document into ``store``: its class, and each new class's signature (long enough)."""
    sign = _Signer(options)
    for item in items:
        words = folded_words(item.text, item.lang)
        if not words:
            continue
        digest = text_digest(words)
        if not store.known(digest):
            long_enough = len(words) >= options.min_words
            store.add_class(digest, sign(shingle_hashes(words, options.shingle)) if long_enough else None)
        store.add_doc(digest, _order_key(item), item.id)


class _Union:
    """Union-find over class numbers, one 4-byte entry each; a root is its component's lowest number."""

    def __init__(self, n: int) -> None:
        self.parent = array("i", range(n))

    def find(self, i: int) -> int:
        parent = self.parent
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _bucket_pairs(bucket: list[int]) -> Iterable[tuple[int, int]]:
    """The candidate pairs of one bucket: all of them, or in a bucket larger than ``_BIG_BUCKET``
    each member with the first and with its predecessor."""
    if len(bucket) <= _BIG_BUCKET:
        return ((a, b) for k, a in enumerate(bucket) for b in bucket[k + 1 :])
    return itertools.chain(((bucket[0], b) for b in bucket[1:]), itertools.pairwise(bucket[1:]))


def _near(store: BandStore, options: DedupOptions) -> _Union:
    """Union of the classes whose estimated Jaccard reaches the threshold in a shared bucket."""
    union = _Union(store.number())
    lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
    store.write_bands(lsh.b, lsh.r)
    for bucket in store.buckets():
        for i, j in _bucket_pairs(bucket):
            if union.find(i) != union.find(j):
                a, b = store.signature(i), store.signature(j)
                if a is not None and b is not None and _jaccard(a, b) >= options.threshold:
                    union.join(i, j)
    return union


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _group(rows: list[tuple[str, str, int]], store: BandStore) -> Group:
    """One group from its documents (order key, id, class), sorted: Jaccard against the earliest."""
    first = rows[0][2]
    base = store.signature(first)
    members = []
    for _, doc_id, cls in rows:
        exact = cls == first
        sig = store.signature(cls)
        similar = 1.0 if exact else (_jaccard(base, sig) if base is not None and sig is not None else 0.0)
        members.append(Member(doc_id, round(similar, 4), exact))
    return Group(rows[0][1], tuple(members))


def iter_groups(
    items: Iterable[DedupItem], options: DedupOptions | None = None, workdir: str | None = None
) -> Iterator[Group]:
    """The duplicate groups (two or more members) among ``items``, sorted by group id, streamed:
    ``items`` are read once into a temporary database in ``workdir`` (default: the system's)."""
    options = options or DedupOptions()
    with BandStore(workdir) as store:
        _load(items, options, store)
        union = _near(store, options)
        for rows in store.place(union.find):
            group = _group(rows, store)
            store.keep(group.id, json.dumps([[m.id, m.jaccard, m.exact] for m in group.members]))
        for gid, members in store.kept():
            yield Group(gid, tuple(Member(m, float(j), bool(e)) for m, j, e in json.loads(members)))


def group_documents(items: Iterable[DedupItem], options: DedupOptions = DedupOptions()) -> list[Group]:
    """The duplicate groups (two or more members) among ``items``, sorted by group id
    (:func:`iter_groups` as a list)."""
    return list(iter_groups(items, options))
