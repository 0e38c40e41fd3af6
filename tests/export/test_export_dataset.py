"""``archiver export DIR --format jsonl|parquet``: one row per document, in shards, with a schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page

ROOT = Path(__file__).resolve().parents[2]


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archiver", *args], cwd=ROOT, capture_output=True, text=True)


PAGES = [
    page("خبر أول", [FILLER_AR, "فقرة ثانية من الخبر الأول"], date="2020-01-01", site="الموقع"),
    page("Second story", [FILLER_EN], lang="en", date="2020-01-02"),
    page("خبر ثالث", ["<h2>عنوان فرعي</h2>", FILLER_AR + " " + FILLER_AR]),
    page("خبر رابع", ["نص قصير للخبر الرابع " * 5]),
]


def _rows(dataset: Path) -> list[dict]:
    manifest = json.loads((dataset / "dataset.json").read_text())
    rows = []
    for shard in manifest["shards"]:
        rows += [json.loads(x) for x in (dataset / shard["path"]).read_text("utf-8").splitlines()]
    return rows


def test_jsonl_rows_follow_the_schema_in_shards(tmp_path: Path) -> None:
    docs = export(tmp_path, PAGES)
    result = _run("export", str(tmp_path), "--shard-size", "3")
    assert result.returncode == 0, result.stderr
    dataset = tmp_path / "dataset"
    manifest = json.loads((dataset / "dataset.json").read_text())
    assert [s["rows"] for s in manifest["shards"]] == [3, 1] and manifest["rows"] == 4
    schema = json.loads((dataset / "dataset.schema.json").read_text())
    rows = _rows(dataset)
    for r in rows:
        jsonschema.validate(r, schema)
    assert [r["id"] for r in rows] == sorted(d.id for d in docs)
    first = next(r for r in rows if r["title"] == "خبر أول")
    assert first["site"] == "example.org" and first["site_name"] == "الموقع" and first["language"] == "ar"
    assert first["text"] == FILLER_AR + "\n\nفقرة ثانية من الخبر الأول"
    assert [(b["role"], b["lang"], b["dir"]) for b in first["blocks"]][:1] == [("paragraph", "ar", "rtl")]
    assert first["duplicate_group"] is None and first["duplicate_of"] is None


def test_same_bytes_whatever_the_cleaning_order(tmp_path: Path) -> None:
    outs = []
    for name, pages in (("a", PAGES), ("b", PAGES[::-1])):
        export(tmp_path / name, pages)
        assert _run("export", str(tmp_path / name), "-o", str(tmp_path / f"{name}-ds")).returncode == 0
        outs.append(sorted((p.name, p.read_bytes()) for p in (tmp_path / f"{name}-ds").iterdir()))
    assert outs[0] == outs[1]


def test_rerun_replaces_only_a_dataset(tmp_path: Path) -> None:
    export(tmp_path, PAGES)
    (tmp_path / "keep").mkdir()
    (tmp_path / "keep" / "notes.txt").write_text("mine")
    result = _run("export", str(tmp_path), "-o", str(tmp_path / "keep"))
    assert result.returncode == 1 and "not a dataset export" in result.stderr
    assert (tmp_path / "keep" / "notes.txt").read_text() == "mine"
    assert _run("export", str(tmp_path), "--shard-size", "1").returncode == 0
    assert _run("export", str(tmp_path), "--shard-size", "10").returncode == 0
    assert sorted(p.name for p in (tmp_path / "dataset").iterdir()) == [
        "dataset.json",
        "dataset.schema.json",
        "part-00000.jsonl",
    ]


def test_parquet_rows_equal_jsonl_rows(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    export(tmp_path, PAGES)
    assert _run("export", str(tmp_path), "-o", str(tmp_path / "j")).returncode == 0
    result = _run(
        "export", str(tmp_path), "--format", "parquet", "--shard-size", "2", "-o", str(tmp_path / "p")
    )
    assert result.returncode == 0, result.stderr
    manifest = json.loads((tmp_path / "p" / "dataset.json").read_text())
    assert [s["path"] for s in manifest["shards"]] == ["part-00000.parquet", "part-00001.parquet"]
    rows = [r for s in manifest["shards"] for r in pq.read_table(tmp_path / "p" / s["path"]).to_pylist()]
    assert rows == _rows(tmp_path / "j")


def test_duplicate_group_column(tmp_path: Path) -> None:
    pytest.importorskip("datasketch")
    docs = export(tmp_path, [PAGES[0], PAGES[0].replace("خبر أول", "خبر أول منقول"), PAGES[1]])
    assert _run("dedup", str(tmp_path)).returncode == 0
    assert _run("export", str(tmp_path)).returncode == 0
    rows = {r["id"]: r for r in _rows(tmp_path / "dataset")}
    a, b = sorted((docs[0].id, docs[1].id))
    assert rows[a]["duplicate_group"] == rows[b]["duplicate_group"] == a
    assert rows[b]["duplicate_of"] == a and rows[a]["duplicate_of"] is None
    assert rows[docs[2].id]["duplicate_group"] is None
