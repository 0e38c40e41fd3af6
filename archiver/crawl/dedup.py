"""Exact and near-duplicate groups of documents (syndicated copies, recaptures of one page).

Two steps, both over the words of the folded search key (:mod:`archiver.crawl.shingles`):

1. **exact**: documents whose folded words are identical (SHA-256 of them) form one class;
2. **near**: one MinHash signature per class (datasketch, ``num_perm`` permutations from a fixed
   seed, over 3-word shingles), banded LSH (datasketch's optimal bands and rows for the
   threshold) proposes candidate pairs, and a pair joins when its estimated Jaccard similarity is
   at least ``threshold``; groups are the connected components.

Deterministic: classes are sorted by their digest before banding, candidate pairs are visited
in a fixed order, and the result does not depend on the order of the input. Memory: one
``num_perm``×uint32 signature per distinct text (512 bytes at 128) and one band at a time.
Nothing is ever deleted: a group only names its members and which is the earliest capture.
"""

from __future__ import annotations

from collections.abc import Iterable
from itertools import pairwise

import numpy as np
from datasketch import MinHash, MinHashLSH

from .groups import DedupItem, DedupOptions, Group, Member
from .shingles import folded_words, shingle_hashes, text_digest

__all__ = ["DedupItem", "DedupOptions", "Group", "Member", "group_documents"]

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


class _Classes:
    """Documents by exact class (digest), with one signature per class that is long enough, kept
    as rows of one growing uint32 matrix (no per-document array objects)."""

    def __init__(self, options: DedupOptions) -> None:
        self.options, self.sign = options, _Signer(options)
        self.index: dict[bytes, int] = {}  # digest -> class number
        self.members: list[list[tuple[str, str]]] = []  # class -> [(order key, id)]
        self.row: dict[int, int] = {}  # class -> signature row
        self.matrix = np.zeros((1024, options.num_perm), dtype=np.uint32)

    def add(self, item: DedupItem) -> None:
        words = folded_words(item.text, item.lang)
        if not words:
            return
        digest = text_digest(words)
        cls = self.index.get(digest)
        if cls is not None:
            self.members[cls].append((_order_key(item), item.id))
            return
        cls = self.index[digest] = len(self.members)
        self.members.append([(_order_key(item), item.id)])
        if len(words) >= self.options.min_words:
            if len(self.row) == len(self.matrix):
                self.matrix = np.concatenate([self.matrix, np.zeros_like(self.matrix)])
            self.matrix[len(self.row)] = self.sign(shingle_hashes(words, self.options.shingle))
            self.row[cls] = len(self.row)

    def signature(self, cls: int) -> np.ndarray | None:
        row = self.row.get(cls)
        return None if row is None else self.matrix[row]


def _order_key(item: DedupItem) -> str:
    return ("0" + item.order if item.order else "1") + "\x00" + item.id


class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, i: int, j: int) -> None:
        a, b = self.find(i), self.find(j)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def _bucket_pairs(bucket: np.ndarray) -> Iterable[tuple[int, int]]:
    if len(bucket) <= _BIG_BUCKET:
        return ((int(a), int(b)) for k, a in enumerate(bucket) for b in bucket[k + 1 :])
    return ((int(bucket[0]), int(b)) for b in bucket[1:])  # plus each with its predecessor below


def _near_pairs(sigs: np.ndarray, options: DedupOptions) -> _Union:
    """Union of the signature rows whose estimated Jaccard reaches the threshold."""
    union = _Union(len(sigs))
    if len(sigs) < 2:
        return union
    lsh = MinHashLSH(threshold=options.threshold, num_perm=options.num_perm)
    for band in range(lsh.b):
        chunk = np.ascontiguousarray(sigs[:, band * lsh.r : (band + 1) * lsh.r])
        keys = chunk.view(np.dtype((np.void, chunk.dtype.itemsize * lsh.r))).ravel()
        _, inverse = np.unique(keys, return_inverse=True)
        order = np.argsort(inverse, kind="stable")
        cuts = np.flatnonzero(np.diff(inverse[order])) + 1
        for bucket in np.split(order, cuts):
            if len(bucket) < 2:
                continue
            pairs = list(_bucket_pairs(bucket))
            if len(bucket) > _BIG_BUCKET:
                pairs += [(int(a), int(b)) for a, b in pairwise(bucket[1:])]
            for i, j in pairs:
                if union.find(i) != union.find(j) and _jaccard(sigs[i], sigs[j]) >= options.threshold:
                    union.join(i, j)
    return union


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def _group(numbers: list[int], classes: _Classes) -> Group:
    """One group from its classes: members in capture order, Jaccard against the earliest."""
    rows = sorted((key, doc_id, cls) for cls in numbers for key, doc_id in classes.members[cls])
    first = rows[0][2]
    base = classes.signature(first)
    members = []
    for _, doc_id, cls in rows:
        exact = cls == first
        sig = classes.signature(cls)
        similar = 1.0 if exact else (_jaccard(base, sig) if base is not None and sig is not None else 0.0)
        members.append(Member(doc_id, round(similar, 4), exact))
    return Group(rows[0][1], tuple(members))


def group_documents(items: Iterable[DedupItem], options: DedupOptions = DedupOptions()) -> list[Group]:
    """The duplicate groups (two or more members) among ``items``, sorted by group id.

    Streams ``items`` once; keeps one signature per distinct long-enough text.
    """
    classes = _Classes(options)
    for item in items:
        classes.add(item)
    by_digest = sorted(classes.index.items())  # input order must not matter: classes by digest
    signed = [cls for _, cls in by_digest if cls in classes.row]
    sigs = classes.matrix[[classes.row[c] for c in signed]] if signed else classes.matrix[:0]
    classes.matrix = sigs  # the rows in digest order; the old buffer goes
    classes.row = {c: k for k, c in enumerate(signed)}
    union = _near_pairs(sigs, options)
    components: dict[int, list[int]] = {}
    for k, cls in enumerate(signed):
        components.setdefault(union.find(k), []).append(cls)
    singles = [
        [cls] for _, cls in by_digest if cls not in classes.row
    ]  # too short to sign: exact copies only
    groups = [
        _group(cs, classes)
        for cs in [*components.values(), *singles]
        if sum(len(classes.members[c]) for c in cs) > 1
    ]
    return sorted(groups, key=lambda g: g.id)
