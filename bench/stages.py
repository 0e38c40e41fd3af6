"""Per-stage micro-benchmark of the language and normalize stages (issue 5; not collected by pytest).

    python bench/stages.py [--limit N] [--rounds R] [--digest] [--comments]

Runs the full pipeline once over the corpus pages to record what reaches ``tag_page`` and
``_normalize`` (and the search and phrase keys), then times each stage alone on those inputs with cold
text caches (best of R passes), in ms per page. ``--digest`` prints a hash of the stages'
outputs, a quick check that a change to either stage altered no result (bench/fingerprint.py
is the full proof).
"""

from __future__ import annotations

import argparse
import contextlib
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from throughput import cold_text_caches, load_pages


def record(pages, config) -> tuple[list, list, list, list]:
    """The arguments of every tag_page, _normalize, search_key and phrase_key call of the pipeline."""
    from archiver import pipeline
    from archiver.extract import body, cues
    from archiver.model import Source

    tags, norms, keys, phrases = [], [], [], []
    real_tag, real_norm, real_key = pipeline.tag_page, pipeline._normalize, pipeline.search_key
    real_phrase = cues.phrase_key
    pipeline.tag_page = lambda *a: (tags.append(a), real_tag(*a))[1]
    pipeline._normalize = lambda *a: (norms.append(a), real_norm(*a))[1]
    pipeline.search_key = lambda *a: (keys.append(a), real_key(*a))[1]
    cues.phrase_key = body.phrase_key = lambda *a: (phrases.append(a), real_phrase(*a))[1]
    try:
        for _, data in pages:
            with contextlib.suppress(Exception):  # a failing page is still a page the stages saw
                pipeline.process(pipeline.RawPage(data, Source(kind="auto")), config)
    finally:
        pipeline.tag_page, pipeline._normalize, pipeline.search_key = real_tag, real_norm, real_key
        cues.phrase_key = body.phrase_key = real_phrase
    return tags, norms, keys, phrases


def timed(fn, calls, rounds: int) -> tuple[float, list]:
    best, out = float("inf"), []
    for _ in range(rounds):
        cold_text_caches()
        t0 = time.perf_counter()
        out = [fn(*a) for a in calls]
        best = min(best, time.perf_counter() - t0)
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--digest", action="store_true")
    ap.add_argument("--comments", action="store_true", help="run the pages with comments=True")
    args = ap.parse_args()
    from archiver.config import Config
    from archiver.lang.assign import tag_page
    from archiver.pipeline import _normalize
    from archiver.text.fold import phrase_key
    from archiver.text.searchkey import search_key

    pages = load_pages(args.limit)
    tags, norms, keys, phrases = record(pages, Config(comments=args.comments))
    n = len(pages)
    digest = hashlib.sha256()
    for label, fn, calls in (
        ("langtag", tag_page, tags),
        ("normalize", _normalize, norms),
        ("search_key", search_key, keys),
        ("phrase_key", phrase_key, phrases),
    ):
        seconds, out = timed(fn, calls, args.rounds)
        print(f"{label:10s} {len(calls):6d} calls  {1000 * seconds / n:.3f} ms/page")
        digest.update(repr(out).encode("utf-8"))
    if args.digest:
        print("digest", digest.hexdigest()[:16])
    return 0


if __name__ == "__main__":
    sys.exit(main())
