"""CPU time per page of the compiled primitives against their pure twins and today's code
(issue 17; not collected by pytest).

    python setup.py build_ext --inplace                    # build the compiled twins first
    python bench/speedups_bench.py [--limit N] [--rounds R] [--base COMMIT]

Two measurements on the corpus pages (``../shared/corpus``), CPU time (``time.process_time``),
every per-text cache emptied before each timed page (a crawl meets new text):

1. *interleaved*: in one process, page by page, the full pipeline (clean + Markdown + JSON)
   once with the compiled primitives and once with their pure twins (the stages' picked
   modules swapped in place, the order alternating from page to page), so both see the same
   load; with the time inside the language stage (``tag_page``) summed separately.
2. *processes*: ``--rounds`` rounds of three fresh processes — this tree built, this tree with
   ``ARCHIVER_PURE=1``, and today's code (``git archive --base``, pure Python) — each timing
   every page once; the best round of each is reported. This is where "the pure twin is not
   slower than today's code" is read.
"""

from __future__ import annotations

import argparse
import gzip
import importlib
import json
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"


def load_pages(limit: int | None) -> list[bytes]:
    paths = sorted(p for p in CORPUS.glob("*/*/source.html.gz") if "fixtures" not in p.parts[-3])
    pages = [gzip.decompress(p.read_bytes()) for p in paths]
    return pages[:limit] if limit else pages


def cold_caches() -> None:
    """Empty archiver's per-text caches (those that exist in the tree being timed)."""
    names = [
        ("archiver.lang.detect", "LangdetectDetector.detect"),
        ("archiver.lang.detect", "LangdetectDetector._fast"),
        ("archiver.lang.script", "dominant_script"),
        ("archiver.text.fold", "phrase_key"),
        ("archiver.extract.cues", "_phrase_cue"),
        ("archiver.extract.metadata", "_loads"),
    ]
    for module, path in names:
        obj = sys.modules.get(module)
        for part in path.split("."):
            obj = getattr(obj, part, None)
        if obj is not None and hasattr(obj, "cache_clear"):
            obj.cache_clear()


def _full(data: bytes) -> None:
    from archiver import clean

    doc = clean(data)
    doc.to_markdown()
    doc.to_json()


def _swap(kind: str) -> None:
    """Point the stages at the compiled primitives (``kind="compiled"``) or at their twins."""
    from archiver import _speedups
    from archiver.lang import ldfast, nonling, script

    def get(name: str):  # type: ignore[no-untyped-def]
        module = _speedups.compiled(name) if kind == "compiled" else None
        return module or importlib.import_module(f"archiver._speedups.{name}")

    nonling._spans = get("nonling").spans
    ldfast._ngram = get("ngram")
    script._scripts = get("scripts")
    script._scripts.load(script.CLASSES)


def interleaved(pages: list[bytes]) -> dict:
    """ms/page of both builds, page by page in one process, and of their language stage."""
    import archiver.lang.assign as assign
    import archiver.pipeline as pipeline

    lang = [0.0]
    tag_page = assign.tag_page

    def timed_tag_page(*args, **kwargs):  # type: ignore[no-untyped-def]
        t = time.process_time()
        try:
            return tag_page(*args, **kwargs)
        finally:
            lang[0] += time.process_time() - t

    pipeline.tag_page = timed_tag_page
    for data in pages[:20]:  # warm-up: imports, profiles, class-token caches
        _full(data)
    total = {"compiled": 0.0, "pure": 0.0}
    langs = {"compiled": 0.0, "pure": 0.0}
    for n, data in enumerate(pages):
        for kind in ("compiled", "pure") if n % 2 else ("pure", "compiled"):
            _swap(kind)
            cold_caches()
            lang[0] = 0.0
            t = time.process_time()
            _full(data)
            total[kind] += time.process_time() - t
            langs[kind] += lang[0]
    pipeline.tag_page = tag_page
    _swap("compiled")
    k = 1000 / len(pages)
    return {kind: (total[kind] * k, langs[kind] * k) for kind in total}


def child(limit: int | None) -> None:
    """One process's CPU ms/page over every page, caches cold before each page."""
    pages = load_pages(limit)
    for data in pages[:20]:
        _full(data)
    spent = 0.0
    for data in pages:
        cold_caches()
        t = time.process_time()
        _full(data)
        spent += time.process_time() - t
    print(json.dumps({"ms": 1000 * spent / len(pages)}))


def _checkout(commit: str, into: Path) -> Path:
    data = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(data)) as tar:
        tar.extractall(into, filter="data")
    return into


def processes(limit: int | None, rounds: int, base: str) -> dict[str, list[float]]:
    with tempfile.TemporaryDirectory(prefix="archiver-base-") as tmp:
        base_root = _checkout(base, Path(tmp))
        runs = {
            "this tree, compiled": (ROOT, {}),
            "this tree, ARCHIVER_PURE=1": (ROOT, {"ARCHIVER_PURE": "1"}),
            f"today's code ({base})": (base_root, {"ARCHIVER_PURE": "1"}),
        }
        out: dict[str, list[float]] = {name: [] for name in runs}
        for _ in range(rounds):
            for name, (root, env) in runs.items():
                cmd = [sys.executable, str(Path(__file__).resolve()), "--child"]
                cmd += ["--limit", str(limit)] if limit else []
                environ = dict(os.environ, PYTHONPATH=str(root), **env)
                done = subprocess.run(cmd, cwd=root, env=environ, capture_output=True, text=True, check=True)
                out[name].append(json.loads(done.stdout.splitlines()[-1])["ms"])
        return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--base", default="81da496", help="the commit whose code is 'today's code'")
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    sys.path.insert(0, str(Path(os.environ.get("PYTHONPATH", ROOT)).resolve()))
    if args.child:
        child(args.limit)
        return 0
    from archiver import _speedups

    missing = [name for name in _speedups.MODULES if _speedups.compiled(name) is None]
    if missing:
        sys.exit(f"not built (python setup.py build_ext --inplace): {missing}")
    pages = load_pages(args.limit)
    load = os.getloadavg()[0]
    inter = interleaved(pages)
    (c_all, c_lang), (p_all, p_lang) = inter["compiled"], inter["pure"]
    print(
        f"{len(pages)} pages, CPU ms/page, load average {load:.1f} on {os.cpu_count()} cores at the start\n"
    )
    print("Interleaved page by page in one process:\n")
    print("| build | full pipeline | language stage (tag_page) |")
    print("|---|---:|---:|")
    print(f"| compiled primitives | {c_all:.2f} | {c_lang:.2f} |")
    print(f"| pure twins | {p_all:.2f} | {p_lang:.2f} |")
    print(f"| pure / compiled | {p_all / c_all:.3f}× | {p_lang / c_lang:.2f}× |")
    rows = processes(args.limit, args.rounds, args.base)
    print(f"\nFresh processes, best of {args.rounds} rounds (each round runs the three in turn):\n")
    print("| code | best ms/page | median ms/page |")
    print("|---|---:|---:|")
    for name, values in rows.items():
        print(f"| {name} | {min(values):.2f} | {statistics.median(values):.2f} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
