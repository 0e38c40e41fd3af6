"""How the index is built (issue 6 speed work): the fast record reader gives exactly what the
stdlib reader gives, a rebuild is atomic, and a new index file is compact and complete."""

from __future__ import annotations

import json
import os
import sqlite3

import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page

from archiver.archive import index as ix
from archiver.archive import recordterms
from archiver.archive.search import search

PAGES = [
    page(
        "Parliament elections",
        [f"{FILLER_EN} The elections were held in three cities.", FILLER_EN],
        lang="en",
    ),
    page("الانتخابات البرلمانية", [f"{FILLER_AR} جرت الانتخابات في ثلاث مدن يوم الأحد.", FILLER_AR]),
    page("مقال مختلط", [f"{FILLER_AR} قال الوزير إن GDP growth reached three percent هذا العام.", FILLER_EN]),
]


def _stdlib(monkeypatch):
    monkeypatch.setattr(recordterms, "_DECODER", None)


def _outcome(path):
    try:
        return ix.read_fields(path)
    except (OSError, ValueError) as exc:
        return type(exc).__name__


ODD_RECORDS = {
    "duplicate-keys.json": (
        '{"title": "first", "title": "Second title", "blocks": [{"text": "a b", "text": "cities"}]}'
    ),
    "numbers.json": '{"title": "t", "published": 2024, "site_name": 7, "blocks": [{"text": "harbours"}]}',
    "null-lang.json": (
        '{"title": null, "language": "ar", "blocks": [{"text": "الكتاب", "lang": null}, {"lang": "en"}]}'
    ),
    "surrogate.json": '{"title": "x\\ud800y", "blocks": [{"text": "storm \\ud83d\\ude00 boats"}]}',
    "array.json": '[{"title": "not an object"}]',
    "broken.json": '{"title": ',
}


def test_fast_reader_matches_stdlib_reader(tmp_path, monkeypatch):
    pytest.importorskip("msgspec")
    docs = export(tmp_path, PAGES)
    paths = [tmp_path / f"{d.id}.json" for d in docs]
    for name, text in ODD_RECORDS.items():
        (tmp_path / name).write_text(text, "utf-8")
        paths.append(tmp_path / name)
    (tmp_path / "bom.json").write_bytes(b"\xef\xbb\xbf" + paths[0].read_bytes())
    (tmp_path / "latin1.json").write_bytes('{"title": "café"}'.encode("latin-1"))
    paths += [tmp_path / "bom.json", tmp_path / "latin1.json"]
    assert recordterms._DECODER is not None
    fast = [_outcome(p) for p in paths]
    _stdlib(monkeypatch)
    slow = [_outcome(p) for p in paths]
    assert fast == slow
    assert all(isinstance(x, tuple) for x in fast[: len(docs)]) and fast[len(docs)][0] == "Second title"
    assert fast[-4:] == ["ValueError", "JSONDecodeError", "JSONDecodeError", "UnicodeDecodeError"]


def _vocab(db):
    conn = sqlite3.connect(db)
    try:
        conn.execute("CREATE VIRTUAL TABLE temp.v USING fts5vocab(main, fts, instance)")
        return (
            conn.execute("SELECT * FROM v ORDER BY term, doc, col, offset").fetchall(),
            conn.execute(
                "SELECT rowid, id, json_path, md_path, title, language, published, site FROM docs "
                "ORDER BY rowid"
            ).fetchall(),
        )
    finally:
        conn.close()


def test_fast_and_stdlib_readers_build_the_same_index(tmp_path, monkeypatch):
    pytest.importorskip("msgspec")
    built = []
    for name in ("fast", "stdlib"):
        out = tmp_path / name
        out.mkdir()
        if name == "stdlib":
            _stdlib(monkeypatch)
        export(out, PAGES)
        ix.build_index(out, workers=0)
        built.append(_vocab(out / ix.INDEX_FILE))
    assert built[0] == built[1] and len(built[0][0]) > 50


def test_new_index_is_compact_and_leaves_no_scratch_files(tmp_path, monkeypatch):
    monkeypatch.setattr(ix, "HASH_BYTES", 1024)  # many small segments, merged by the final optimize
    export(
        tmp_path,
        [page(f"Report {i}", [f"{FILLER_EN} Item{i} " * 20, FILLER_AR], lang="en") for i in range(30)],
    )
    before = set(os.listdir(tmp_path))
    summary = ix.build_index(tmp_path)
    assert set(os.listdir(tmp_path)) - before == {ix.INDEX_FILE} and summary.added == 30
    conn = sqlite3.connect(tmp_path / ix.INDEX_FILE)
    assert conn.execute("PRAGMA freelist_count").fetchone()[0] == 0
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("INSERT INTO fts(fts, rank) VALUES('integrity-check', 0)") is not None
    conn.close()


def test_interrupted_rebuild_keeps_the_old_index(tmp_path, monkeypatch):
    docs = export(tmp_path, PAGES)
    ix.build_index(tmp_path)
    old = [h.id for h in search(tmp_path, "elections")]
    assert old == [docs[0].id]
    path = tmp_path / f"{docs[0].id}.json"
    record = json.loads(path.read_text("utf-8"))
    record["blocks"][0]["text"] = "Volcano ash closed the airport."
    path.write_text(json.dumps(record), "utf-8")
    os.utime(path, ns=(1, 1))  # changed: the next run rebuilds

    def fail(conn, rows):
        raise KeyboardInterrupt

    monkeypatch.setattr(ix, "_insert", fail)
    with pytest.raises(KeyboardInterrupt):
        ix.build_index(tmp_path)
    assert [h.id for h in search(tmp_path, "elections")] == old and search(tmp_path, "volcano") == []
    assert not [n for n in os.listdir(tmp_path) if n.endswith(".tmp")]
    monkeypatch.undo()
    summary = ix.build_index(tmp_path)
    assert summary.rebuilt and [h.id for h in search(tmp_path, "volcano")] == [docs[0].id]


def test_incremental_addition_keeps_rows_and_settings(tmp_path):
    docs = export(tmp_path, PAGES[:2])
    ix.build_index(tmp_path)
    new = export(tmp_path, PAGES[2:])
    summary = ix.build_index(tmp_path)
    assert (summary.added, summary.skipped, summary.rebuilt) == (1, 2, False)
    conn = sqlite3.connect(tmp_path / ix.INDEX_FILE)
    assert [r[0] for r in conn.execute("SELECT id FROM docs ORDER BY rowid")] == [d.id for d in docs + new]
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert [h.id for h in search(tmp_path, "GDP")] == [new[0].id]


def test_a_killed_builds_scratch_file_is_cleaned_up(tmp_path):
    import subprocess
    import sys

    export(tmp_path, [page(f"Report {i}", [f"{FILLER_EN} Item{i}", FILLER_AR], lang="en") for i in range(3)])
    dead = subprocess.run(
        [sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True
    )
    stale = tmp_path / f".{ix.INDEX_FILE}.{dead.stdout.strip()}.tmp"
    stale.write_bytes(b"half a database")
    ix.build_index(tmp_path)
    assert not stale.exists() and (tmp_path / ix.INDEX_FILE).is_file()
