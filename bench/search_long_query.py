"""Query time against query length (issue 16 item 10): a 2,000-word query must answer like a short one.

    python bench/search_long_query.py [--docs 3000]

Builds a synthetic export of ``--docs`` English records over a 16-word vocabulary (every word in
most documents: FTS5's worst case) in a temporary directory, indexes it, and prints the CPU time
of ``search`` for one word, the same word 2,000 times, 2,000 words cycling through the whole
vocabulary, and ``MAX_QUERY_WORDS`` distinct words; and that one more distinct word is refused.
Before the fix, 400 copies of one word took 15 s of CPU on 3,000 documents (growing with
words x documents). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import tempfile
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

WORDS = [
    "the",
    "harbour",
    "boats",
    "came",
    "back",
    "to",
    "city",
    "news",
    "report",
    "region",
    "daily",
    "life",
    "views",
    "residents",
    "weeks",
    "past",
]


def make_export(out: Path, n: int) -> None:
    import archiver

    base = archiver.clean(
        "<html lang=en><body><article><h1>T</h1><p>"
        + "Some words of text. " * 10
        + "</p></article></body></html>"
    ).to_dict()
    rnd = random.Random(0)
    with open(out / "index.jsonl", "w", encoding="utf-8") as idx:
        for i in range(n):
            rec = dict(base, id=f"{i:016x}", title=" ".join(rnd.choices(WORDS, k=5)))
            rec["blocks"] = [dict(base["blocks"][-1], text=" ".join(rnd.choices(WORDS, k=200)), lang="en")]
            (out / f"{i:016x}.json").write_text(json.dumps(rec), "utf-8")
            idx.write(json.dumps({"id": rec["id"], "source": f"s{i}", "outputs": [f"{i:016x}.json"]}) + "\n")


def cpu(fn) -> float:
    t = time.process_time()
    fn()
    return time.process_time() - t


def main() -> int:
    from archiver.archive.index import build_index
    from archiver.archive.search import MAX_QUERY_WORDS, QueryError, search

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=3000)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp)
        make_export(out, args.docs)
        build_index(out, workers=0)
        distinct = " ".join(WORDS + [f"w{i}" for i in range(MAX_QUERY_WORDS - len(WORDS))])
        cases = {
            "1 word": "the",
            "2,000 x 1 word": " ".join(["the"] * 2000),
            "2,000 words, 16 distinct": " ".join((WORDS * 125)[:2000]),
            f"{MAX_QUERY_WORDS} distinct words": distinct,
        }
        base = cpu(lambda: search(out, "the"))
        for name, query in cases.items():
            seconds = cpu(partial(search, out, query))
            print(f"{name:>28}: {seconds * 1000:8.1f} ms CPU ({seconds / base:5.1f}x one word)")
        try:
            search(out, distinct + " extra")
        except QueryError as exc:
            print(f"{MAX_QUERY_WORDS + 1} distinct words: refused: {exc}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
