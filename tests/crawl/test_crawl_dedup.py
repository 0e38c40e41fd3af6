"""Exact and near-duplicate groups (archiver.crawl.dedup) and ``archiver dedup DIR``."""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("datasketch")

from archivekit import export, page

from archiver.crawl.dedup import group_documents
from archiver.crawl.duplicates import duplicate_map
from archiver.crawl.groups import DedupItem

ROOT = Path(__file__).resolve().parents[2]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def _words(rng: random.Random, n: int) -> list[str]:
    return ["".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(n)]


def _article(seed: int, n: int = 120) -> str:
    return " ".join(_words(random.Random(seed), n))


def _vocalized(text: str) -> str:
    """The same text with a fatha after every first letter and tatweel in long words."""
    return " ".join(w[0] + "\u064e" + w[1:] if len(w) < 6 else w[:2] + "\u0640" + w[2:] for w in text.split())


def _edited(text: str, seed: int, edits: int = 3) -> str:
    rng, words = random.Random(seed), text.split()
    for _ in range(edits):
        words[rng.randrange(len(words))] = "تعديل"
    return " ".join(words)


def _corpus() -> list[DedupItem]:
    a, b, c = _article(1), _article(2), _article(3)
    return [
        DedupItem("a-first", a, "ar", "2020-01-01T10:00:00Z"),
        DedupItem("a-vocalized", _vocalized(a), "ar", "2020-01-02T10:00:00Z"),  # exact once folded
        DedupItem("a-recapture", _edited(a, 7), "ar", "2020-01-03T10:00:00Z"),  # a few words changed
        DedupItem("a-syndicated", " ".join(_words(random.Random(9), 15)) + " " + a, "ar", ""),  # other chrome
        DedupItem("b", b, "ar", "2020-01-01T09:00:00Z"),  # other articles
        DedupItem("c", c, "ar", "2020-01-01T08:00:00Z"),
        DedupItem("c-short", "خبر عاجل", "ar", ""),  # too short to sign
        DedupItem("c-short-2", "خبرٌ عاجلٌ", "ar", ""),  # its exact copy
    ]


def test_groups_exact_near_and_negatives() -> None:
    groups = {g.id: g for g in group_documents(_corpus())}
    assert set(groups) == {"a-first", "c-short"}  # b and c stay alone
    members = {m.id: m for m in groups["a-first"].members}
    assert list(members) == ["a-first", "a-vocalized", "a-recapture", "a-syndicated"]  # capture order
    assert members["a-vocalized"].exact and members["a-vocalized"].jaccard == 1.0
    assert not members["a-recapture"].exact and 0.5 <= members["a-recapture"].jaccard < 1.0
    assert 0.5 <= members["a-syndicated"].jaccard < 1.0
    assert [m.id for m in groups["c-short"].members] == ["c-short", "c-short-2"]


def test_same_groups_in_any_order() -> None:
    items = _corpus()
    first = [g.to_dict() for g in group_documents(items)]
    for seed in range(3):
        shuffled = items[:]
        random.Random(seed).shuffle(shuffled)
        assert [g.to_dict() for g in group_documents(shuffled)] == first


def test_different_articles_are_not_grouped() -> None:
    items = [DedupItem(f"d{i}", _article(100 + i), "ar") for i in range(40)]
    assert group_documents(items) == []


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archiver", *args], cwd=ROOT, capture_output=True, text=True)


def test_dedup_command_writes_groups_and_keeps_records(tmp_path: Path) -> None:
    a, b = _article(11), _article(12)
    pages = [
        page("خبر", [a], date="2020-01-01"),
        page("خبر منقول", [_edited(a, 3)], date="2020-02-01"),
        page("خبر آخر", [b], date="2020-01-05"),
    ]
    outs = []
    for name, order in (("one", pages), ("two", pages[::-1])):
        out = tmp_path / name
        out.mkdir()
        docs = export(out, order)
        before = sorted((p.name, p.read_bytes()) for p in out.glob("*.json"))
        result = _run("dedup", str(out))
        assert result.returncode == 0, result.stderr
        assert "1 groups, 1 later copies" in result.stderr
        assert sorted((p.name, p.read_bytes()) for p in out.glob("*.json")) == before  # nothing rewritten
        outs.append((out / "duplicates.jsonl").read_bytes())
    assert outs[0] == outs[1]  # the same bytes whatever the input order
    (line,) = [json.loads(x) for x in outs[0].decode().splitlines()]
    by_date = {d.metadata.published[:7]: d.id for d in docs}
    assert line["earliest"] == by_date["2020-01"] and line["size"] == 2
    dups = duplicate_map(tmp_path / "one")
    assert dups[by_date["2020-02"]].duplicate_of == by_date["2020-01"]
    assert dups[by_date["2020-01"]].duplicate_of is None and dups[by_date["2020-01"]].copies == 2


def test_dedup_command_rejects_a_directory_that_is_no_export(tmp_path: Path) -> None:
    result = _run("dedup", str(tmp_path))
    assert result.returncode == 1 and "not an export directory" in result.stderr
