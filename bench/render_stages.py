"""CPU time of the render, language and normalize stages alone (issue 17; not collected by pytest).

    python bench/render_stages.py [--limit N] [--rounds R] [--digest]
    ARCHIVER_PURE=1 python bench/render_stages.py --digest

Runs the pipeline once over the corpus pages, recording what reaches ``tag_page`` and
``_normalize`` and keeping the Documents; then times each stage alone on those inputs
(``to_json``, ``to_markdown``, ``tag_page``, ``_normalize``) with ``time.process_time`` and cold
text caches, the least of R passes, in ms per page. ``--digest`` prints a hash of each stage's
outputs (bench/fingerprint.py is the full proof that no byte changed).
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

from stages import record
from throughput import cold_text_caches, load_pages


def _documents(pages) -> list:
    from archiver import clean

    docs = []
    for _, data in pages:
        with contextlib.suppress(Exception):  # a failing page has no document to render
            docs.append(clean(data))
    return docs


def timed(fn, calls, rounds: int) -> tuple[float, list]:
    """Least CPU seconds of ``rounds`` passes of ``fn`` over ``calls``, and the last outputs."""
    best, out = float("inf"), []
    for _ in range(rounds):
        cold_text_caches()
        t0 = time.process_time()
        out = [fn(*a) for a in calls]
        best = min(best, time.process_time() - t0)
    return best, out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--digest", action="store_true")
    args = ap.parse_args()
    import archiver
    from archiver.config import Config
    from archiver.lang.assign import tag_page
    from archiver.pipeline import _normalize
    from archiver.render.codec import to_json
    from archiver.render.markdown import to_markdown

    pages = load_pages(args.limit)
    tags, norms, _, _ = record(pages, Config())
    docs = [(d,) for d in _documents(pages)]
    n = len(pages)
    print(f"{n} pages, compiled={archiver.speedups_enabled()}")
    for label, fn, calls in (
        ("to_json", to_json, docs),
        ("to_markdown", to_markdown, docs),
        ("tag_page", tag_page, tags),
        ("_normalize", _normalize, norms),
    ):
        seconds, out = timed(fn, calls, args.rounds)
        digest = hashlib.sha256(repr(out).encode("utf-8")).hexdigest()[:16] if args.digest else ""
        print(f"{label:12s} {len(calls):6d} calls  {1000 * seconds / n:.3f} ms/page  {digest}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
