"""Issue 14 item 5: the progress bar's total, known before the run without reading an input."""

from __future__ import annotations

import gzip
import io

from batchkit import page, write_jsonl, write_warc

from archiver.run.report import Progress, Summary
from archiver.run.shards import Shard
from archiver.run.total import Clock, plan
from archiver.sources.base import SourceOptions
from archiver.sources.resolve import iter_tasks


def tree(tmp_path):
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    for i in range(4):
        (src / f"p{i}.html").write_text(page(i), "utf-8")
    (src / "sub" / "q.htm").write_text(page(9), "utf-8")
    (src / ".hidden.html").write_text(page(8), "utf-8")
    return src


def positions(inputs, options=SourceOptions(), shard=Shard()):
    p = plan(inputs, options, shard=shard)
    clock = Clock(p)
    marks = [clock.mark(t, shard.owns(t.key)) for t in iter_tasks(inputs, options)]
    return p, marks


def test_files_directories_globs_and_lists_count_documents(tmp_path):
    src = tree(tmp_path)
    p, marks = positions([str(src)])
    assert (p.unit, p.total) == ("doc", 5) and marks == [1, 2, 3, 4, 5]
    assert plan([str(src / "*.html"), str(src / "p1.html")]).total == 4  # a path named twice counts once
    assert plan([str(src)], SourceOptions(include=("*.htm",))).total == 1
    assert (
        plan([], listed=[str(src / "p0.html"), str(src / "missing.html")]).total == 2
    )  # a missing file is an input too
    shards = [plan([str(src)], shard=Shard(i, 3)).total for i in range(3)]
    assert sum(shards) == 5


def test_containers_count_bytes_against_file_sizes(tmp_path):
    src = tree(tmp_path)
    records = [(f"https://e.org/{i}", page(i).encode(), "text/html", 200) for i in range(5)]
    write_warc(tmp_path / "a.warc.gz", records)
    write_jsonl(tmp_path / "f.jsonl", [{"url": f"https://e.org/j{i}", "html": page(i)} for i in range(6)])
    with gzip.open(tmp_path / "g.jsonl.gz", "wb") as fh:
        fh.write((tmp_path / "f.jsonl").read_bytes())
    inputs = [
        str(src / "p0.html"),
        str(tmp_path / "a.warc.gz"),
        str(tmp_path / "f.jsonl"),
        str(tmp_path / "g.jsonl.gz"),
        str(src / "p1.html"),
    ]
    p, marks = positions(inputs)
    sizes = [
        (src / "p0.html").stat().st_size,
        (tmp_path / "a.warc.gz").stat().st_size,
        (tmp_path / "f.jsonl").stat().st_size,
        (tmp_path / "g.jsonl.gz").stat().st_size,
        (src / "p1.html").stat().st_size,
    ]
    assert p.unit == "B" and p.total == sum(sizes)
    assert marks == sorted(marks) and marks[-1] == p.total and len(marks) == 1 + 5 + 6 + 6 + 1
    warc = marks[1:6]
    assert sizes[0] < warc[-1] < sizes[0] + sizes[1]  # records by their offset, inside the file
    jsonl = marks[6:12]  # lines by their share: each step about one line's length
    assert sizes[0] + sizes[1] < jsonl[0] and jsonl[-1] <= sum(sizes[:3])
    assert jsonl[-1] - jsonl[0] > 0.5 * sizes[2] * 5 / 6
    gz = marks[12:18]  # a .gz by the trailer's inflated size: it advances over the compressed bytes
    assert gz[-1] - gz[0] > 0.5 * sizes[3] * 5 / 6 and gz[-1] <= sum(sizes[:4])


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_the_bar_stands_at_each_outcome_and_shows_failures(tmp_path):
    src = tree(tmp_path)
    p = plan([str(src)])
    stream = Terminal()
    bar = Progress(False, stream, plan=p)
    summary = Summary()
    tasks = list(iter_tasks([str(src)]))
    for t in tasks:
        bar.mark(t)
    for n, t in enumerate(tasks[:3]):
        summary.seen += 1
        summary.add("ok" if n else "failed", None if n else "read")
        bar.update(summary, t.key)
    assert (bar.bar.n, bar.bar.total) == (3, 5)
    bar.bar.refresh()
    assert "3/5" in stream.getvalue() and "failed=1" in stream.getvalue()
    bar.finish()
    assert bar.bar.n == 5
    bar.close()
