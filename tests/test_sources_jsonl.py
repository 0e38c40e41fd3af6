from __future__ import annotations

import gzip

from archiver.sources.base import SourceOptions
from archiver.sources.jsonl import iter_jsonl
from batchkit import page, write_jsonl


def test_pages_urls_and_line_numbers(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, [{"html": page(1), "url": "https://e.org/1"}, "", {"html": page(2)},
                       '{"html": "<p>broken', ["not", "an", "object"], {"url": "https://e.org/none"}])
    tasks = list(iter_jsonl(str(path)))
    assert [t.key for t in tasks] == [f"{path}:{n}" for n in (1, 3, 4, 5, 6)]
    first, second = tasks[0].page, tasks[1].page
    assert first.source.kind == "jsonl" and first.source.line == 1 and first.source.url == "https://e.org/1"
    assert second.source.url is None and second.source.line == 3
    reasons = [t.failure.reason for t in tasks[2:]]
    assert "malformed JSON" in reasons[0] and "not an object" in reasons[1] and "'html'" in reasons[2]
    assert all(t.failure.source == t.key for t in tasks[2:])


def test_configurable_keys_and_gzip(tmp_path):
    path = tmp_path / "feed.jsonl.gz"
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write('{"body": "<p>x</p>", "link": "https://e.org/x"}\n')
    (task,) = iter_jsonl(str(path), SourceOptions(jsonl_html_key="body", jsonl_url_key="link"))
    assert task.page.data == "<p>x</p>" and task.page.source.url == "https://e.org/x"


def test_missing_file(tmp_path):
    (task,) = iter_jsonl(str(tmp_path / "none.jsonl"))
    assert task.failure.reason == "no such file"
