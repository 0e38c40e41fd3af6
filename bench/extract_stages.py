"""Extract-stage micro-benchmark (not collected by pytest): times parse, metadata, body, blocks
and filters alone over the corpus, so a change to one of them shows without the rest of the
pipeline's noise. Per-text caches are emptied before each timed round, as in throughput.py.

    python bench/extract_stages.py --limit 300 --rounds 3
    python bench/extract_stages.py --limit 300 --profile 25     # + top functions by own time
"""

from __future__ import annotations

import argparse
import cProfile
import gzip
import pstats
import sys
import time
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))

from throughput import cold_text_caches

from archiver.config import DEFAULT
from archiver.decode import decode
from archiver.extract.blocks import build_blocks
from archiver.extract.body import extract_body
from archiver.extract.filters import filter_blocks
from archiver.extract.metadata import extract_metadata
from archiver.extract.parse import looks_like_html, parse_html


def load(limit: int | None) -> list[str]:
    paths = sorted(p for p in CORPUS.glob("*/*/source.html.gz") if "fixtures" not in p.parts[-3])
    texts = [decode(gzip.decompress(p.read_bytes())).text for p in paths[:limit]]
    return [t for t in texts if looks_like_html(t)]


def run(texts: list[str], clock: dict[str, float]) -> None:
    tick = time.perf_counter
    phrases = DEFAULT.chrome_phrases
    for text in texts:
        t0 = tick()
        root = parse_html(text)
        t1 = tick()
        meta = extract_metadata(root, None)
        t2 = tick()
        ex = extract_body(root, phrases, reparse=partial(parse_html, text))
        t3 = tick()
        protos = [p for el in ex.main for p in build_blocks(el)] if ex.status == "ok" else []
        t4 = tick()
        filter_blocks(protos, meta.title, phrases)
        t5 = tick()
        for name, a, b in (
            ("parse", t0, t1),
            ("metadata", t1, t2),
            ("body", t2, t3),
            ("blocks", t3, t4),
            ("filters", t4, t5),
        ):
            clock[name] = clock.get(name, 0.0) + b - a


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--profile", type=int, default=0, help="print this many top functions")
    args = ap.parse_args()
    texts = load(args.limit)
    run(texts[:20], {})
    best: dict[str, float] = {}
    for _ in range(args.rounds):
        cold_text_caches()
        clock: dict[str, float] = {}
        run(texts, clock)
        best = {k: min(v, best.get(k, v)) for k, v in clock.items()}
    n = len(texts)
    print(
        " ".join(f"{k}={1000 * v / n:.3f}" for k, v in best.items()),
        f"extract={1000 * (sum(best.values()) - best['parse']) / n:.3f} ms/page over {n} pages",
    )
    if args.profile:
        prof = cProfile.Profile()
        prof.runcall(run, texts, {})
        pstats.Stats(prof).sort_stats("tottime").print_stats(args.profile)
    return 0


if __name__ == "__main__":
    sys.exit(main())
