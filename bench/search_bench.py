"""Search benchmark (issue 6): index build rate and query time at 100,000 documents.

    python bench/search_bench.py [--docs 100000] [--pages 400] [--queries 300] [--work DIR] [--keep]

1. Cleans up to ``--pages`` corpus pages (../shared/corpus: every Arabic page first, then the
   others in manifest order) with the real pipeline.
2. Generates ``--docs`` JSON records from them, written as an export directory (``<id>.json`` +
   ``index.jsonl``): document i is a cleaned page chosen with a seeded random generator, with a
   new id and each block kept with probability 0.9 (so no two documents are alike). The
   vocabulary, the document sizes and the Arabic/English mix are the corpus's own.
3. Times ``archiver.archive.index.build_index`` on the directory (reading every record, computing
   the folded, stemmed terms, FTS5 inserts, the final optimize) → documents per second of wall
   time, and per CPU-second (this process and its workers), with the machine's load average:
   on a shared machine the wall rate depends on what else runs. Also reported: which record
   reader ran (msgspec, from the ``fast``/``bench`` extras, or stdlib json) and the peak RSS of
   this process (it also holds the cleaned corpus pages and the pipeline, so it is an upper bound).
4. Times ``archiver.archive.search.search`` (limit 10, snippets included) for ``--queries``
   queries of one or two words drawn from the records, a third of them written with extra
   harakat/tatweel or an attached و/ال → median, 95th percentile.
5. Times a second ``build_index`` run (nothing new: the incremental path).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import random
import re
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver import clean
from archiver.archive import recordterms
from archiver.archive.index import build_index
from archiver.archive.search import search

CORPUS = ROOT.parent / "shared" / "corpus"
_AR_WORD = re.compile("[\u0621-\u064a]{4,}")
_EN_WORD = re.compile(r"\b[a-zA-Z]{5,}\b")


def corpus_records(limit: int) -> list[dict]:
    """Clean corpus pages into JSON records (documents with at least one block)."""
    rows = [ln.split("\t") for ln in (CORPUS / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]]
    rows.sort(key=lambda r: r[0] != "arabic")
    records = []
    for source, name, *_ in rows:
        if len(records) >= limit or source.endswith("fixtures"):
            continue
        path = CORPUS / source / name / "source.html.gz"
        try:
            doc = clean(gzip.decompress(path.read_bytes()), url=f"https://corpus.invalid/{source}/{name}")
        except Exception:  # noqa: BLE001 - a page the pipeline rejects is simply not used
            continue
        if doc.blocks:
            records.append(doc.to_dict())
    return records


def generate(out: Path, records: list[dict], n: int, seed: int = 6) -> None:
    """Write ``n`` synthetic records (mixtures of three corpus records) as an export directory."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "index.jsonl", "w", encoding="utf-8") as index:
        for i in range(n):
            doc = dict(rng.choice(records))
            doc["id"] = f"{i:016x}"
            doc["blocks"] = [b for b in doc["blocks"] if rng.random() < 0.9] or doc["blocks"][:1]
            name = f"{doc['id']}.json"
            (out / name).write_text(json.dumps(doc, ensure_ascii=False), "utf-8")
            index.write(
                json.dumps(
                    {
                        "id": doc["id"],
                        "source": f"gen/{i}",
                        "title": doc["title"],
                        "language": doc["language"],
                        "status": "ok",
                        "outputs": [name],
                    }
                )
                + "\n"
            )


def variant(word: str, rng: random.Random) -> str:
    """The same word as a writer might spell it: harakat, tatweel, or an attached particle."""
    if not _AR_WORD.fullmatch(word):
        return word.upper() if rng.random() < 0.5 else word
    choice = rng.randrange(3)
    if choice == 0:
        return "".join(c + ("\u064e" if k % 2 == 0 else "") for k, c in enumerate(word))
    if choice == 1:
        return word[:2] + "\u0640\u0640" + word[2:]
    return "و" + word if not word.startswith("ال") else "وال" + word[2:]


def queries(records: list[dict], n: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    out = []
    while len(out) < n:
        text = " ".join(b["text"] for b in rng.choice(records)["blocks"])
        words = _AR_WORD.findall(text) or _EN_WORD.findall(text)
        if not words:
            continue
        picked = rng.sample(words, min(len(words), rng.choice((1, 2))))
        if len(out) % 3 == 0:
            picked = [variant(w, rng) for w in picked]
        out.append(" ".join(picked))
    return out


def _cpu() -> float:
    """CPU seconds used by this process and its reaped children (index workers)."""
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def run(args: argparse.Namespace) -> dict:
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="search-bench-"))
    t0 = time.perf_counter()
    records = corpus_records(args.pages)
    arabic = sum(1 for r in records if r["language"] == "ar")
    print(
        f"cleaned {len(records)} corpus pages ({arabic} Arabic) in {time.perf_counter() - t0:.1f}s",
        file=sys.stderr,
    )
    out = work / "export"
    t0 = time.perf_counter()
    generate(out, records, args.docs)
    print(f"generated {args.docs} records in {time.perf_counter() - t0:.1f}s", file=sys.stderr)
    load_before = os.getloadavg()[0]
    cpu0 = _cpu()
    summary = build_index(out, workers=args.workers)
    cpu = _cpu() - cpu0
    rate = summary.added / summary.seconds
    words = sum(len(b["text"].split()) for r in records for b in r["blocks"]) / len(records)
    print(f"index: {summary.added} docs in {summary.seconds:.1f}s = {rate:.0f} docs/s", file=sys.stderr)
    again = build_index(out)
    qs = queries(records, args.queries)
    for q in qs[:5]:
        search(out, q)  # warm-up (page cache, connection)
    times, hits = [], 0
    for q in qs:
        t = time.perf_counter()
        found = search(out, q, limit=10)
        times.append((time.perf_counter() - t) * 1000)
        hits += bool(found)
    times.sort()
    result = {
        "documents": summary.added,
        "corpus_pages": len(records),
        "arabic_pages": arabic,
        "mean_words_per_page": round(words),
        "index_seconds": round(summary.seconds, 2),
        "docs_per_second": round(rate),
        "index_cpu_seconds": round(cpu, 2),
        "docs_per_cpu_second": round(summary.added / cpu),
        "max_rss_mb_main_process": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "record_reader": "msgspec" if recordterms._DECODER is not None else "json",
        "workers": args.workers if args.workers is not None else os.cpu_count(),
        "load_average_1min_before_index": round(load_before, 2),
        "cpus": os.cpu_count(),
        "reindex_nothing_new_seconds": round(again.seconds, 2),
        "db_mb": round((out / "archive.sqlite").stat().st_size / 2**20, 1),
        "queries": len(qs),
        "queries_with_hits": hits,
        "query_ms_median": round(statistics.median(times), 2),
        "query_ms_p95": round(times[int(len(times) * 0.95) - 1], 2),
        "query_ms_max": round(times[-1], 2),
    }
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return result


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--docs", type=int, default=100_000)
    p.add_argument("--pages", type=int, default=400, help="corpus pages to clean as the material")
    p.add_argument("--queries", type=int, default=300)
    p.add_argument("--work", help="working directory (default: a temporary one)")
    p.add_argument("--workers", type=int, default=None, help="index worker processes (default: cores)")
    p.add_argument("--keep", action="store_true", help="keep the generated export and index")
    print(json.dumps(run(p.parse_args()), indent=2))


if __name__ == "__main__":
    main()
