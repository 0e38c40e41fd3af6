"""CPU-time share of the second opinion and its reconciliation in the whole pipeline (issue 12).

    python bench/second_cost.py [--limit N] [--rounds R]

Runs ``archiver.clean`` over the first N pages of each source of ../shared/corpus, R rounds, in
one process, timing with ``time.process_time`` the whole call and, inside it, the calls of
``second_opinion``, ``reconcile`` and the headline step ``_lead`` (wrapped in place). The ratio
is what the target reads (at most 15% of the pipeline's time).
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import CORPUS, DEFAULT_SOURCES, load_pages


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--limit", type=int, default=40)
    ap.add_argument("--rounds", type=int, default=2)
    args = ap.parse_args(argv)
    import archiver.extract.body as body
    from archiver import clean

    spent = [0.0]

    def timed(fn):
        def wrapper(*a, **k):
            t = time.process_time()
            try:
                return fn(*a, **k)
            finally:
                spent[0] += time.process_time() - t

        return wrapper

    body.second_opinion = timed(body.second_opinion)
    body.reconcile = timed(body.reconcile)
    body._lead = timed(body._lead)  # the headline and the run it heads (headed.py) are part of it
    pages = [(p, p.html()) for p in load_pages(CORPUS, DEFAULT_SOURCES, args.limit)]
    for p, html in pages[:20]:  # warm-up
        clean(html, url=p.url)
    spent[0] = 0.0
    start = time.process_time()
    for _ in range(args.rounds):
        for p, html in pages:
            clean(html, url=p.url)
    total = time.process_time() - start
    print(
        f"{len(pages)} pages x {args.rounds}: "
        f"pipeline {1000 * total / (len(pages) * args.rounds):.2f} ms/page CPU, "
        f"second opinion + reconcile {100 * spent[0] / total:.1f}% of it"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
