from __future__ import annotations

import gzip

from batchkit import page, write_jsonl

from archiver.sources.base import SourceOptions
from archiver.sources.jsonl import iter_jsonl


def test_pages_urls_and_line_numbers(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(
        path,
        [
            {"html": page(1), "url": "https://e.org/1"},
            "",
            {"html": page(2)},
            '{"html": "<p>broken',
            ["not", "an", "object"],
            {"url": "https://e.org/none"},
        ],
    )
    tasks = list(iter_jsonl(str(path)))
    assert [t.key for t in tasks] == [f"{path}/:{n}" for n in (1, 3, 4, 5, 6)]
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


def test_a_line_nested_too_deeply_fails_alone(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, ["[" * 100_000 + "]" * 100_000, {"html": page(1)}])
    bad, good = iter_jsonl(str(path))
    assert bad.key == f"{path}/:1" and "nested too deeply" in bad.failure.reason
    assert good.page is not None and good.key == f"{path}/:2"


def test_a_lone_surrogate_in_the_url_is_scrubbed(tmp_path):
    path = tmp_path / "feed.jsonl"
    write_jsonl(path, ['{"html": "<p>x</p>", "url": "https://e.org/\\udcff"}'])
    (task,) = iter_jsonl(str(path))
    assert task.page.source.url == "https://e.org/\ufffd"


def test_a_corrupt_gzip_member_ends_the_file_with_one_failure(tmp_path):
    data = "".join(f'{{"html": "<p>{"x" * 50}{n}{"y" * 20}</p>"}}\n' for n in range(400)).encode()
    raw = bytearray(gzip.compress(data))
    for i in range(len(raw) // 2, len(raw) // 2 + 30):
        raw[i] ^= 0x55  # zlib.error (not an OSError) from the middle of the stream
    path = tmp_path / "feed.jsonl.gz"
    path.write_bytes(bytes(raw))
    tasks = list(iter_jsonl(str(path)))
    assert all(t.page is not None for t in tasks[:-1]) and len(tasks) < 400
    assert tasks[-1].failure is not None and tasks[-1].key == f"{path}/:{len(tasks)}"
