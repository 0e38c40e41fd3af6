"""Duplicate groups in the search index (one hit per group) and in a bag's documents.jsonl."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("datasketch")

from archivekit import FILLER_AR, export, page

from archiver.archive.search import search

ROOT = Path(__file__).resolve().parents[2]
STORY = (
    "أعلنت وزارة الزراعة اليوم عن خطة جديدة لزراعة القمح في المحافظات الشمالية تشمل توزيع البذور "
    "على المزارعين مجانا وتوفير مياه الري خلال موسم الشتاء المقبل بحسب بيان رسمي صدر صباح الأحد"
)


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archiver", *args], cwd=ROOT, capture_output=True, text=True)


def _export(out: Path) -> list:
    return export(
        out,
        [
            page("القمح", [STORY, FILLER_AR], date="2020-03-01"),
            page("خطة القمح", [STORY.replace("الأحد", "الاثنين"), FILLER_AR], date="2020-03-02"),
            page("القمح في الجنوب", ["القمح " + FILLER_AR * 3], date="2020-03-03"),
        ],
    )


def test_search_shows_one_hit_per_group(tmp_path: Path) -> None:
    docs = _export(tmp_path)
    assert _run("index", str(tmp_path)).returncode == 0
    assert len(search(tmp_path, "القمح")) == 3  # no groups yet: every copy is a hit
    result = _run("index", str(tmp_path), "--dedup")
    assert result.returncode == 0, result.stderr
    hits = search(tmp_path, "القمح")
    assert sorted(h.copies for h in hits) == [1, 2]
    grouped = next(h for h in hits if h.copies == 2)
    assert grouped.id in {docs[0].id, docs[1].id}
    out = _run("search", str(tmp_path), "القمح")
    assert "2 copies" in out.stdout


def test_bag_lines_carry_duplicate_of(tmp_path: Path) -> None:
    docs = _export(tmp_path)
    assert _run("dedup", str(tmp_path)).returncode == 0
    assert _run("bag", str(tmp_path), "-q").returncode == 0
    lines = {
        d["id"]: d for d in map(json.loads, (tmp_path / "data" / "documents.jsonl").read_text().splitlines())
    }
    assert lines[docs[1].id]["duplicate_of"] == docs[0].id
    assert lines[docs[0].id]["duplicate_of"] is None and lines[docs[2].id]["duplicate_of"] is None
    assert (tmp_path / "data" / "duplicates.jsonl").is_file()
    verdict = _run("verify", str(tmp_path))
    assert verdict.returncode == 0, verdict.stdout + verdict.stderr


def test_verify_catches_a_forged_group(tmp_path: Path) -> None:
    import sqlite3

    docs = _export(tmp_path)
    assert _run("index", str(tmp_path), "--dedup").returncode == 0
    assert _run("verify", str(tmp_path)).returncode == 0
    conn = sqlite3.connect(tmp_path / "archive.sqlite")
    with conn:  # the third, unrelated document joins the group: search would hide it
        conn.execute("INSERT INTO dups VALUES(?,?,?)", (docs[2].id, docs[0].id, 3))
    conn.close()
    verdict = _run("verify", str(tmp_path))
    assert verdict.returncode == 1 and "index" in verdict.stdout
