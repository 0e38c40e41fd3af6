"""Saved-page folders: only pages are read, sidecars are skipped and counted, ``.html.gz`` pages
are read through the bounded gzip reader (issue 14 item 1, issue 16 item 2)."""

from __future__ import annotations

import gzip
import json

import pytest
from source_attacks import MiB, check, html_gz_bomb, page, run_attack


@pytest.mark.parametrize("parallel", ["0", "2"])
def test_an_html_gz_bomb_is_one_failure_and_memory_stays_bounded(tmp_path, parallel):
    attack = html_gz_bomb(tmp_path, 200 * MiB)
    result = run_attack(attack, tmp_path / "out", "--parallel", parallel)
    assert check(attack, result) == []
    assert "inflates past 20,971,520 bytes" in result.errors[0]["reason"]
    assert result.rss_mb < 150, f"peak RSS {result.rss_mb:.0f} MB"


def test_a_scraper_folder_exports_its_pages_and_counts_its_sidecars(tmp_path):
    src = tmp_path / "scrape"
    for n in range(3):
        d = src / f"item{n}"
        d.mkdir(parents=True)
        (d / "source.html.gz").write_bytes(gzip.compress(page(n)))
        (d / "meta.json").write_text(json.dumps({"url": f"https://e.org/{n}", "title": "x"}))
        (d / "expected.txt").write_text(
            f"Story {n}\n\n" + "A plain text dump of the story, long enough. " * 8
        )
    (src / "style.css").write_text("body { color: red }")
    (src / "rows.csv").write_text("a,b\n1,2\n")
    (src / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(100))
    (src / "index").write_bytes(page(9))  # no extension, sniffed as HTML
    (src / "dump.txt.gz").write_bytes(
        gzip.compress(b"Story dump\n\n" + b"A gzipped text dump, long enough to read. " * 8)
    )
    (src / "NOTES").write_text("not a page")  # no extension, not HTML
    from source_attacks import Attack

    result = run_attack(Attack([str(src)], []), tmp_path / "out", "--parallel", "0")
    sources = sorted(r["source"].removeprefix(str(src) + "/") for r in result.index)
    assert sources == ["dump.txt.gz", "index"] + [
        f"item{n}/{f}" for n in range(3) for f in ("expected.txt", "source.html.gz")
    ]
    assert result.errors == [] and result.run["counters"]["skipped_files"] == 3 + 4
    titles = [r["title"] for r in result.index if r["source"].endswith(".gz")]
    assert titles[0] == "Story dump" and all(t.startswith("Story number") for t in titles[1:])


def test_include_overrides_the_default_choice(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    (src / "page.html").write_bytes(page(1))
    (src / "page.dat").write_bytes(page(2))
    from source_attacks import Attack

    result = run_attack(Attack([str(src), "--include", "*.dat"], []), tmp_path / "out", "--parallel", "0")
    assert [r["source"].rsplit("/", 1)[1] for r in result.index] == ["page.dat"]
    assert result.run["counters"]["skipped_files"] == 1


def test_a_fifo_without_extension_in_a_folder_is_not_opened_to_sniff_it(tmp_path):
    import os
    import signal

    src = tmp_path / "in"
    src.mkdir()
    os.mkfifo(src / "pipe")
    (src / "page.html").write_bytes(page(1))
    from archiver.sources.resolve import iter_tasks

    signal.alarm(20)  # opening the FIFO would block forever
    try:
        tasks = list(iter_tasks([str(src)]))
    finally:
        signal.alarm(0)
    assert [(os.path.basename(t.key), t.failure is not None) for t in tasks] == [
        ("page.html", False),
        ("pipe", True),
    ]
