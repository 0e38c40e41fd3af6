"""One tool of bench/throughput.py in a process of its own, driven over pipes (not collected by pytest).

    python bench/peers.py TOOL [--limit N] [--no-fixtures]   # bench/throughput.py starts these

Each tool runs in its own process so that ``time.process_time`` counts its CPU time alone, and so
that "archiver compiled" and "archiver pure" (``ARCHIVER_PURE=1`` in the child's environment, read
when archiver is imported) run side by side. ``ARCHIVER_BENCH_TREE=DIR`` puts another checkout's
archiver first on ``sys.path`` (a baseline to compare with in the same run).

Protocol, one line each way: the child prints a JSON line describing itself (``{"skip": why}``
when the tool cannot run, then exits); then for every line ``i`` read from stdin it cleans the
i-th corpus page (read and decompressed outside the timed part) and answers
``"<cpu ms> <second-opinion cpu ms> <error 0/1>"``; ``R`` empties the per-text caches (a new round
over pages it has seen) and answers ``ok``; end of input ends it.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
TOOLS = (
    "archiver compiled",
    "archiver pure",
    "lxml parse-only",
    "trafilatura defaults",
    "trafilatura fast=True",
    "resiliparse main content",
    "readability-lxml",
)
WARM_UP = 20


def page_paths(limit: int | None = None, fixtures: bool = True) -> list[Path]:
    """The corpus pages in a fixed order (``fixtures=False`` leaves out the *-fixtures sources)."""
    paths = sorted(CORPUS.glob("*/*/source.html.gz"))
    if not fixtures:
        paths = [p for p in paths if "fixtures" not in p.parts[-3]]
    return paths[:limit] if limit else paths


def cold_text_caches() -> None:
    """Forget archiver's per-text caches (language detection, dominant script, chrome phrases,
    JSON-LD) so that a pass over pages already seen costs what a first pass costs. Caches keyed by
    markup (class tokens) are kept. A cache that this checkout does not have is skipped."""
    import importlib

    for module, name in (
        ("archiver.lang.detect", "LangdetectDetector.detect"),
        ("archiver.lang.detect", "LangdetectDetector._fast"),
        ("archiver.lang.script", "dominant_script"),
        ("archiver.text.fold", "phrase_key"),
        ("archiver.extract.cues", "_phrase_cue"),
        ("archiver.extract.metadata", "_loads"),
    ):
        try:
            obj = importlib.import_module(module)
            for part in name.split("."):
                obj = getattr(obj, part)
            obj.cache_clear()
        except (ImportError, AttributeError):
            pass


def _archiver(spent: list[float]):
    import archiver

    here = Path(archiver.__file__).resolve().parent
    if (here / "_speedups").is_dir():  # an older checkout has none (an editable install would lend main's)
        import archiver._speedups as speedups
    else:
        speedups = None

    try:  # the second opinion's own time, inside the page's (issue 12: at most 15% of it)
        import archiver.extract.body as body

        for name in ("second_opinion", "reconcile"):
            setattr(body, name, _timed(getattr(body, name), spent))
        second = True
    except (ImportError, AttributeError):
        second = False

    def run(data: bytes) -> None:
        doc = archiver.clean(data)
        doc.to_markdown()
        doc.to_json()

    modules = getattr(speedups, "MODULES", ())
    built = [m for m in modules if speedups.compiled(m) is not None]
    info = {
        "version": getattr(archiver, "__version__", "?"),
        "speedups_enabled": bool(getattr(archiver, "speedups_enabled", lambda: False)()),
        "compiled": built,
        "primitives": list(modules),
        "pure_env": os.environ.get("ARCHIVER_PURE", ""),
        "second_opinion": second,
        "tree": str(here.parent),
    }
    return run, info


def _timed(fn, spent: list[float]):
    def wrapper(*a, **k):
        t = time.process_time()
        try:
            return fn(*a, **k)
        finally:
            spent[0] += time.process_time() - t

    return wrapper


def make(tool: str, spent: list[float]):
    """The callable that handles one page's bytes for ``tool``, and what to say about it."""
    from importlib.metadata import version

    if tool.startswith("archiver"):
        return _archiver(spent)
    if tool == "lxml parse-only":
        import lxml.html

        return lxml.html.document_fromstring, {"version": version("lxml")}
    if tool.startswith("trafilatura"):
        import trafilatura

        fast = tool.endswith("fast=True")
        return (lambda data: trafilatura.extract(data, fast=fast)), {"version": version("trafilatura")}
    if tool == "resiliparse main content":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import detect_encoding
        from resiliparse.parse.html import HTMLTree

        def run(data: bytes) -> str:
            tree = HTMLTree.parse_from_bytes(data, detect_encoding(data))
            return extract_plain_text(tree, main_content=True)

        return run, {"version": version("resiliparse")}
    if tool == "readability-lxml":
        from readability import Document

        return (lambda data: Document(data).summary()), {"version": version("readability-lxml")}
    raise SystemExit(f"unknown tool {tool!r}: one of {', '.join(TOOLS)}")


def _call(fn, data: bytes) -> int:
    try:
        fn(data)
    except Exception:  # noqa: BLE001 - a failing page still costs its time
        return 1
    return 0


def serve(tool: str, paths: list[Path]) -> int:
    out = os.fdopen(os.dup(1), "w", buffering=1)  # the answers; anything a library prints goes to stderr
    os.dup2(2, 1)
    sys.stdout = sys.stderr
    spent = [0.0]
    try:
        fn, info = make(tool, spent)
    except ImportError as exc:
        print(json.dumps({"skip": f"not installed ({exc.name}): pip install -e '.[bench]'"}), file=out)
        return 0
    for path in paths[:WARM_UP]:
        _call(fn, gzip.decompress(path.read_bytes()))
    cold_text_caches()
    print(json.dumps(info), file=out)
    for line in sys.stdin:
        cmd = line.strip()
        if cmd == "R":
            cold_text_caches()
            print("ok", file=out)
            continue
        data = gzip.decompress(paths[int(cmd)].read_bytes())
        spent[0] = 0.0
        start = time.process_time()
        error = _call(fn, data)
        ms = 1000 * (time.process_time() - start)
        print(f"{ms:.4f} {1000 * spent[0]:.4f} {error}", file=out)
    return 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("tool", choices=TOOLS)
    ap.add_argument("--limit", type=int)
    ap.add_argument("--no-fixtures", action="store_true")
    args = ap.parse_args()
    tree = os.environ.get("ARCHIVER_BENCH_TREE")
    sys.path.insert(0, tree or str(ROOT))
    return serve(args.tool, page_paths(args.limit, not args.no_fixtures))


if __name__ == "__main__":
    sys.exit(main())
