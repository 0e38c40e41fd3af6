"""Duplicate grouping in flat memory: documents, signatures and band keys in a temporary database,
grouped by sorting there (issue 15, archiver.crawl.bandstore)."""

from __future__ import annotations

import random
import tracemalloc
from pathlib import Path

import pytest

pytest.importorskip("datasketch")

from archiver.crawl.dedup import group_documents
from archiver.crawl.groups import DedupItem

LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _items(n: int, seed: int = 1) -> list[DedupItem]:
    """``n`` documents of 40 words; every fifth is followed by a copy with one word changed."""
    rng = random.Random(seed)
    vocab = ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(3000)]
    out: list[DedupItem] = []
    while len(out) < n:
        words = rng.choices(vocab, k=40)
        out.append(DedupItem(f"d{len(out):06d}", " ".join(words), "ar", ""))
        if len(out) % 5 == 1:
            words[38] = "تعديل"
            out.append(DedupItem(f"d{len(out):06d}c", " ".join(words), "ar", ""))
    return out


def _peak(items: list[DedupItem]) -> int:
    tracemalloc.start()
    try:
        groups = group_documents(iter(items))
        assert len(groups) == sum(i.id.endswith("c") for i in items)  # every copy found
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_memory_does_not_grow_with_the_number_of_documents() -> None:
    small, large = _items(1000), _items(4000)
    _peak(small)  # warm caches (module-level tables, permutations)
    a, b = _peak(small), _peak(large)
    assert b < 1.25 * a, (a, b)  # four times the documents, about the same memory


def test_a_big_bucket_and_exact_copies_group_as_before(tmp_path: Path) -> None:
    from archiver.crawl.dedup import iter_groups

    base = _items(1)[0].text.split()
    rng = random.Random(2)
    items = []
    for c in range(45):  # one bucket of more than 32: each joined with the first or its predecessor
        words = base[:]
        words[rng.randrange(len(words))] = f"كلمة{c}"
        items.append(DedupItem(f"big{c:02d}", " ".join(words), "ar", f"2020-02-{c % 28 + 1:02d}"))
    items += [DedupItem(f"short{i}", "خبر عاجل", "ar", "") for i in range(3)]
    items += _items(60, seed=9)
    rng.shuffle(items)
    groups = list(iter_groups(items, workdir=str(tmp_path)))
    assert [g.id for g in groups] == sorted(g.id for g in groups)
    big = next(g for g in groups if g.id.startswith("big"))
    assert len(big.members) == 45 and big.earliest == "big00"  # 2020-02-01, the id breaks the tie
    assert [m.id for m in big.members][:2] == ["big00", "big28"]
    assert all(m.exact for m in next(g for g in groups if g.id == "short0").members)
    assert len(groups) == 2 + sum(i.id.endswith("c") for i in items)
    assert not list(tmp_path.iterdir())  # the temporary database is gone
