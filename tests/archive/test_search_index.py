"""The FTS5 index: English behaviour, language filter, incremental indexing, snippets, bags, CLI."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys

import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page
from conftest import ROOT

from archiver.archive.index import INDEX_FILE, build_index
from archiver.archive.records import ExportError
from archiver.archive.search import search

EN = [
    page(
        "Parliament elections",
        [f"{FILLER_EN} The elections were held in three cities on Sunday.", FILLER_EN],
        lang="en",
    ),
    page(
        "A city waits",
        [f"{FILLER_EN} The city council elected a new mayor after a long night.", FILLER_EN],
        lang="en",
    ),
    page(
        "Harbour news",
        [f"{FILLER_EN} Fishing boats returned to the harbour before the storm.", FILLER_EN],
        lang="en",
    ),
]
AR = page("الانتخابات البرلمانية", [f"{FILLER_AR} جرت الانتخابات في ثلاث مدن يوم الأحد.", FILLER_AR])


@pytest.fixture()
def archive(tmp_path):
    docs = export(tmp_path, EN + [AR])
    assert all(d.blocks for d in docs)
    build_index(tmp_path)
    return tmp_path, docs


def ids(hits):
    return [h.id for h in hits]


def test_english_plural_singular_and_case(archive):
    out, docs = archive
    assert ids(search(out, "Parliaments")) == [docs[0].id]  # title "Parliament"
    assert ids(search(out, "councils")) == [docs[1].id]  # "council"
    assert set(ids(search(out, "election"))) == {docs[0].id, docs[1].id}  # "elections", "elected": stem elect
    assert set(ids(search(out, "CITY"))) == {docs[0].id, docs[1].id}  # "cities", "city"
    assert ids(search(out, "elected mayor")) == [docs[1].id]
    assert ids(search(out, "boat harbours")) == [docs[2].id]
    assert search(out, "volcano") == [] and search(out, "harbour volcano") == []


def test_title_ranks_first_and_limit(archive):
    out, docs = archive
    hits = search(out, "city")
    assert hits[0].id == docs[1].id  # in its title
    assert len(search(out, "city", limit=1)) == 1


def test_language_filter(archive):
    out, docs = archive
    assert ids(search(out, "الانتخابات", lang="ar")) == [docs[3].id]
    assert search(out, "الانتخابات", lang="en") == []
    assert set(ids(search(out, "residents", lang="en"))) == {d.id for d in docs[:3]}


def test_snippet_is_original_text_with_highlight(archive):
    out, docs = archive
    (hit,) = search(out, "انتخابات", lang="ar")
    assert hit.title == "الانتخابات البرلمانية" and hit.path == f"{docs[3].id}.md"
    assert "[الانتخابات]" in hit.marked() and "جرت" in hit.snippet
    for a, b in hit.highlights:
        assert hit.snippet[a:b] == "الانتخابات"
    (en,) = search(out, "storm")
    assert en.marked("<", ">").count("<storm>") == 1


def test_reindex_adds_only_new_documents(archive):
    out, docs = archive
    before = sqlite3.connect(out / INDEX_FILE).execute("SELECT rowid, id FROM docs").fetchall()
    again = build_index(out)
    assert (again.added, again.skipped, again.rebuilt) == (0, 4, False)
    new = export(
        out,
        [
            page(
                "Storm warning",
                [f"{FILLER_EN} A storm warning was issued for the coast.", FILLER_EN],
                lang="en",
            )
        ],
    )
    third = build_index(out)
    assert (third.added, third.skipped, third.total, third.rebuilt) == (1, 4, 5, False)
    after = sqlite3.connect(out / INDEX_FILE).execute("SELECT rowid, id FROM docs").fetchall()
    assert after[:4] == before and after[4][1] == new[0].id  # old rows untouched
    assert set(ids(search(out, "storm"))) == {docs[2].id, new[0].id}


def test_changed_record_rebuilds(archive):
    out, docs = archive
    path = out / f"{docs[2].id}.json"
    record = json.loads(path.read_text("utf-8"))
    record["blocks"][0]["text"] = "Volcano ash closed the airport. " + record["blocks"][0]["text"]
    path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    os.utime(path, ns=(1, 1))
    summary = build_index(out)
    assert summary.rebuilt and summary.total == 4
    assert ids(search(out, "volcano")) == [docs[2].id]


def test_search_without_index_says_what_to_do(tmp_path):
    export(tmp_path, EN[:1])
    with pytest.raises(ExportError, match="archiver index"):
        search(tmp_path, "election")


def test_cli_index_and_search(archive):
    out, docs = archive
    (out / INDEX_FILE).unlink()
    run = lambda *a: subprocess.run(
        [sys.executable, "-m", "archiver", *map(str, a)],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    r = run("index", out)
    assert r.returncode == 0 and "4 added" in r.stderr
    r = run("search", out, "الانتخابات", "--lang", "ar", "--limit", "3")
    assert r.returncode == 0, r.stderr
    assert (
        "الانتخابات البرلمانية" in r.stdout and f"{docs[3].id}.md" in r.stdout and "[الانتخابات]" in r.stdout
    )
    r = run("search", out, "volcano")
    assert r.returncode == 1 and "no match" in r.stderr
    r = run("search", out, "city", "--json")
    lines = [json.loads(x) for x in r.stdout.splitlines()]
    assert [x["id"] for x in lines][:1] == [docs[1].id] and lines[0]["highlights"]


def test_worker_processes_give_the_same_index(tmp_path):
    from archiver.archive.index import CHUNK

    base = tmp_path / "base"
    base.mkdir()
    (doc,) = export(base, EN[:1])
    record = json.loads((base / f"{doc.id}.json").read_text("utf-8"))
    n = 4 * CHUNK + 7  # large enough for the process pool
    for name in ("inline", "pool"):
        out = tmp_path / name
        out.mkdir()
        with open(out / "index.jsonl", "w", encoding="utf-8") as index:
            for i in range(n):
                rec = dict(record, id=f"{i:016x}")
                rec["blocks"] = [
                    dict(record["blocks"][0], text=f"marker{i:04d} " + record["blocks"][0]["text"])
                ]
                (out / f"{i:016x}.json").write_text(json.dumps(rec), "utf-8")
                index.write(
                    json.dumps({"id": rec["id"], "source": f"s{i}", "outputs": [f"{i:016x}.json"]}) + "\n"
                )
    build_index(tmp_path / "inline", workers=0)
    build_index(tmp_path / "pool", workers=2)
    rows = [
        sqlite3.connect(tmp_path / name / INDEX_FILE)
        .execute("SELECT rowid, id, title FROM docs ORDER BY rowid")
        .fetchall()
        for name in ("inline", "pool")
    ]
    assert rows[0] == rows[1] and len(rows[0]) == n
    for i in (0, 333, n - 1):
        assert ids(search(tmp_path / "pool", f"marker{i:04d}")) == [f"{i:016x}"]


def test_unreadable_record_is_skipped_and_counted(archive):
    out, docs = archive
    (out / INDEX_FILE).unlink()
    (out / f"{docs[0].id}.json").write_text("{broken", "utf-8")
    summary = build_index(out)
    assert (summary.added, summary.unreadable, summary.total) == (3, 1, 3)
    assert "1 unreadable" in summary.line()


def test_cli_search_prints_no_terminal_codes_from_page_text(tmp_path):
    """Text holding ESC sequences (an export written before C0 controls were dropped, or edited by
    hand) is shown with the control characters made visible: printed raw they would clear or
    retitle the user's terminal."""
    docs = export(
        tmp_path,
        [page("Harbour news", [f"{FILLER_EN} Boats returned before the storm.", FILLER_EN], lang="en")],
    )
    path = tmp_path / f"{docs[0].id}.json"
    record = json.loads(path.read_text("utf-8"))
    record["title"] = "Harbour \x1b]0;pwned\x07 news"
    record["blocks"][0]["text"] = record["blocks"][0]["text"].replace("Boats", "Boats \x1b[2J")
    path.write_text(json.dumps(record, ensure_ascii=False), "utf-8")
    build_index(tmp_path)
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "search", str(tmp_path), "boats"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 0, r.stderr
    assert "\x1b" not in r.stdout and "\x07" not in r.stdout
    assert "Harbour \u241b]0;pwned\u2407 news" in r.stdout and "\u241b[2J" in r.stdout
