"""CPU time per page of the full pipeline: compiled core, its pure twins, and the code before
(issue 17; not collected by pytest).

    python setup.py build_ext --inplace         # the compiled core of this checkout
    python bench/walk_speed.py [--base REV] [--limit N] [--rounds R]

Three child processes hold the same corpus pages (../shared/corpus, the fixture sources left
out): this checkout with its compiled modules, this checkout with ``ARCHIVER_PURE=1``, and
``REV`` (default: the merge base with ``main``, the code before this branch) exported to a
temporary directory. After a warm-up, the parent asks each child in turn for one page (decode,
parse, extract, normalize, tag, Markdown and JSON) and the child answers with the
``time.process_time`` it took, and the part of it spent in the extract stage's entry points
(``extract_metadata`` and ``extract_body``, as ``pipeline`` calls them): the three are
interleaved page by page, one busy at a time, so a shared machine's load falls on all of them
alike. Prints mean and median ms per page and the ratios (``before / variant``).
"""

from __future__ import annotations

import argparse
import gzip
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


def _pages(limit: int | None) -> list[bytes]:
    paths = sorted(p for p in CORPUS.glob("*/*/source.html.gz") if "fixtures" not in p.parts[-3])
    return [gzip.decompress(p.read_bytes()) for p in paths[:limit]]


def child(limit: int | None) -> None:
    """Serve pages by index on stdin; answer each with its CPU seconds on stdout."""
    import archiver
    import archiver.pipeline as pipeline
    from archiver.model import RawPage, Source
    from archiver.pipeline import process

    pages = _pages(limit)
    spent = [0.0]  # CPU seconds inside the extract stage's two entry points

    def timed(fn):
        def run(*args, **kwargs):
            t0 = time.process_time()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[0] += time.process_time() - t0

        return run

    pipeline.extract_body = timed(pipeline.extract_body)
    pipeline.extract_metadata = timed(pipeline.extract_metadata)

    def run(data: bytes) -> None:
        doc = process(RawPage(data, Source(kind="auto")))
        doc.to_markdown()
        doc.to_json()

    for data in pages[:30]:  # warm-up: imports, caches, lazy tables
        run(data)
    print(f"ready {archiver.speedups_enabled()} {archiver.__file__}", flush=True)
    for line in sys.stdin:
        data = pages[int(line)]
        spent[0] = 0.0
        t0 = time.process_time()
        run(data)
        print(f"{time.process_time() - t0:.9f} {spent[0]:.9f}", flush=True)


def _export(rev: str, into: Path) -> Path:
    """The package at ``rev``, written under ``into`` (git archive: no checkout is touched)."""
    tar = subprocess.run(
        ["git", "-C", str(ROOT), "archive", rev, "archiver"], capture_output=True, check=True
    )
    with tarfile.open(fileobj=BytesIO(tar.stdout)) as t:
        t.extractall(into, filter="data")
    return into


def _start(path: Path, pure: bool, limit: int | None) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=str(path), ARCHIVER_PURE="1" if pure else "0")
    cmd = [sys.executable, str(Path(__file__).resolve()), "--child"]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.Popen(cmd, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=path)
    print(f"  {proc.stdout.readline().strip()}", file=sys.stderr)
    return proc


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--base", help="git revision of the code before (default: merge base with main)")
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=1)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        child(args.limit)
        return 0
    base = (
        args.base
        or subprocess.run(
            ["git", "-C", str(ROOT), "merge-base", "HEAD", "main"], capture_output=True, text=True, check=True
        ).stdout.strip()
    )
    n = len(_pages(args.limit))
    with tempfile.TemporaryDirectory() as tmp:
        variants = {
            "compiled": _start(ROOT, False, args.limit),
            "pure (ARCHIVER_PURE=1)": _start(ROOT, True, args.limit),
            f"before ({base[:7]})": _start(_export(base, Path(tmp)), True, args.limit),
        }
        times: dict[str, list[float]] = {name: [] for name in variants}
        stage: dict[str, list[float]] = {name: [] for name in variants}
        for r in range(args.rounds):
            for i in range(n):
                names = list(variants)
                for name in names[i % 3 :] + names[: i % 3]:  # rotate who goes first
                    proc = variants[name]
                    proc.stdin.write(f"{i}\n")
                    proc.stdin.flush()
                    total, extract = proc.stdout.readline().split()
                    times[name].append(float(total))
                    stage[name].append(float(extract))
            print(f"  round {r + 1}/{args.rounds} done", file=sys.stderr)
        for proc in variants.values():
            proc.stdin.close()
            proc.wait()
    last = list(variants)[2]
    before, before_stage = statistics.fmean(times[last]), statistics.fmean(stage[last])
    print(f"{n} pages x {args.rounds} round(s), CPU time per page (time.process_time), interleaved\n")
    print("| variant | pipeline mean ms/page | median | vs before | extract stage mean ms/page | vs before |")
    print("|---|---|---|---|---|---|")
    for name, ts in times.items():
        mean, median, ex = statistics.fmean(ts), statistics.median(ts), statistics.fmean(stage[name])
        print(
            f"| {name} | {mean * 1e3:.2f} | {median * 1e3:.2f} | {before / mean:.2f}x "
            f"| {ex * 1e3:.2f} | {before_stage / ex:.2f}x |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
