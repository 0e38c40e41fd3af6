"""What the cheapest conceivable pipeline costs on the corpus pages (issue 5; not collected by pytest).

    python bench/floor.py [--limit N] [--rounds R]

Times, per page and against lxml's parse-only time on the same pages in the same run: one Python
walk over every element (reading each tag and class: the least any cue-based extractor does),
the page's text gathered once (``itertext``), language detection of that text alone (one
langdetect call per page, where archiver tags every block and inline run), and archiver's full
pipeline. It shows how much of the "within 3x of parse-only" budget a pure-Python design spends
before deciding anything.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def _load(limit: int | None) -> list[bytes]:
    paths = sorted(p for p in CORPUS.glob("*/*/source.html.gz") if "fixtures" not in p.parts[-3])
    pages = [gzip.decompress(p.read_bytes()) for p in paths]
    return pages[:limit] if limit else pages


def _walk(root) -> int:
    n = 0
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("class"):
            n += 1
    return n


def main() -> int:
    import lxml.html
    from langdetect import DetectorFactory, detect
    from langdetect.lang_detect_exception import LangDetectException

    from archiver.model import RawPage, Source
    from archiver.pipeline import process

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args()
    pages = _load(args.limit)
    roots = [lxml.html.document_fromstring(p) for p in pages]
    texts = [" ".join(" ".join(r.itertext()).split())[:20000] for r in roots]
    DetectorFactory.seed = 0

    def lang(t: str) -> None:
        with contextlib.suppress(LangDetectException):
            detect(t)

    def full(data: bytes) -> None:
        doc = process(RawPage(data, Source(kind="auto")))
        doc.to_markdown()
        doc.to_json()

    rows = {
        "lxml parse-only": (pages, lxml.html.document_fromstring),
        "one Python walk over the elements": (roots, _walk),
        "the page's text gathered once (itertext)": (roots, lambda r: " ".join(r.itertext())),
        "langdetect once on the page's text": (texts, lang),
        "archiver full pipeline": (pages, full),
    }
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        for name, (items, fn) in rows.items():
            t0 = time.perf_counter()
            for item in items:
                fn(item)
            best[name] = min(best.get(name, 1e9), time.perf_counter() - t0)
    n = len(pages)
    parse = best["lxml parse-only"]
    print(f"{n} pages, best of {args.rounds} rounds\n")
    print("| step | ms/page | × parse-only |\n|---|---:|---:|")
    for name, secs in best.items():
        print(f"| {name} | {1000 * secs / n:.2f} | {secs / parse:.2f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
