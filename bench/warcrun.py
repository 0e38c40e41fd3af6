"""WARC runs of bench/throughput.py: `archiver clean X.warc.gz -o DIR -q --parallel N` in a child,
its peak RSS per process (psutil, sampled every 50 ms), wall and CPU time, and the 1 -> 2 worker
speed-up with the CPU/wall ratio beside it: on a shared machine the wall figure alone says nothing
(2 workers that got both cores show CPU/wall near 2; near 1 means the other load took a core)."""

from __future__ import annotations

import io
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_warc(path: Path, pages: list[tuple[str, bytes]], count: int, distinct: bool = False) -> None:
    """``count`` response records cycling through ``pages``. ``distinct``: every paragraph of the
    n-th record ends with " n" — no block text repeats, so per-text caches fill as on a real crawl
    of new pages instead of hitting on the corpus's texts again."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for n in range(count):
            name, data = pages[n % len(pages)]
            if distinct:
                data = data.replace(b"</p>", b" %d</p>" % n)
            http = StatusAndHeaders(
                "200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1"
            )
            rec = writer.create_warc_record(
                f"https://bench.invalid/{n}/{name}", "response", payload=io.BytesIO(data), http_headers=http
            )
            writer.write_record(rec)


def _sample(main, peaks: dict[int, int]) -> int:
    """Record every process's RSS in ``peaks``; return the largest worker's RSS now."""
    import psutil

    now = 0
    try:
        for p in [main] + main.children(recursive=True):
            rss = p.memory_info().rss
            peaks[p.pid] = max(peaks.get(p.pid, 0), rss)
            now = max(now, rss) if p.pid != main.pid else now
    except psutil.Error:
        pass
    return now


def _lines(path: Path) -> int:
    return path.read_bytes().count(b"\n") if path.exists() else 0


def run_clean(warc: Path, out: Path, workers: int, env: dict | None = None) -> dict:
    import psutil

    shutil.rmtree(out, ignore_errors=True)
    cmd = [
        sys.executable,
        "-m",
        "archiver",
        "clean",
        str(warc),
        "-o",
        str(out),
        "-q",
        "--parallel",
        str(workers),
    ]
    load = os.getloadavg()[0]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env)
    main = psutil.Process(proc.pid)
    peaks: dict[int, int] = {}
    trace: list[tuple[float, int]] = []  # (elapsed, largest worker RSS now)
    while proc.poll() is None:
        trace.append((time.perf_counter() - t0, _sample(main, peaks)))
        time.sleep(0.05)
    seconds = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)  # main + workers (waited for), all CPU seconds
    cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
    workers_rss = [v for k, v in peaks.items() if k != proc.pid]
    docs = sum(_lines(out / name) for name in ("index.jsonl", "errors.jsonl"))
    return {
        "seconds": seconds,
        "docs": docs,
        "main_mb": peaks.get(proc.pid, 0) / 2**20,
        "worker_mb": max(workers_rss, default=0) / 2**20,
        "code": proc.returncode,
        "cpu": cpu,
        "load": load,
        "trace": [
            max((r for t, r in trace if t <= q * seconds), default=0) / 2**20 for q in (0.25, 0.5, 0.75, 1.0)
        ],
    }


def warc_table(
    pages, sizes: list[int], tmp: Path, repeat: int = 1, distinct: bool = False, env: dict | None = None
) -> list[str]:
    """The Markdown rows of the WARC runs: 1 and 2 workers on the first size, 2 on the others."""
    tmp.mkdir(parents=True, exist_ok=True)
    rows = [
        "| WARC pages | workers | wall s | CPU s (all processes) | CPU/wall | docs/s | CPU ms/doc | "
        "load avg before | peak RSS main MB | peak RSS per worker MB |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    first: dict[int, dict] = {}
    traces: dict = {}
    for size in sizes:
        warc = tmp / f"bench-{size}{'-distinct' if distinct else ''}.warc.gz"
        if not warc.exists():
            build_warc(warc, pages, size, distinct)
        for workers in (1, 2) if size == sizes[0] else (2,):
            tries = [
                run_clean(warc, tmp / f"out-{size}-{workers}", workers, env)
                for _ in range(repeat if size == sizes[0] else 1)
            ]
            r = min(tries, key=lambda t: t["seconds"])  # best of the tries: least disturbed by other load
            if size == sizes[0]:
                first[workers] = r
            traces[(size, workers)] = r["trace"]
            rows.append(
                f"| {size} | {workers} | {r['seconds']:.1f} | {r['cpu']:.1f} | "
                f"{r['cpu'] / r['seconds']:.2f} | {r['docs'] / r['seconds']:.1f} | "
                f"{1000 * r['cpu'] / max(r['docs'], 1):.1f} | {r['load']:.1f} | "
                f"{r['main_mb']:.0f} | {r['worker_mb']:.0f} |"
            )
    rows += ["", "Peak worker RSS so far at 25 / 50 / 75 / 100 % of each run's time (MB):", ""]
    rows += [
        f"- {size} pages, {workers} worker(s): " + " / ".join(f"{v:.0f}" for v in trace)
        for (size, workers), trace in traces.items()
    ]
    if 1 in first and 2 in first:
        one, two = first[1], first[2]
        rows += [
            "",
            f"Speed-up from 1 to 2 workers ({sizes[0]} pages, best of {repeat} run(s) each): "
            f"**{one['seconds'] / two['seconds']:.2f}×** by wall time, with CPU/wall "
            f"{one['cpu'] / one['seconds']:.2f} (1 worker) and {two['cpu'] / two['seconds']:.2f} "
            f"(2 workers); CPU per document {1000 * one['cpu'] / one['docs']:.1f} → "
            f"{1000 * two['cpu'] / two['docs']:.1f} ms. "
            "The work is the same (CPU per document), so the wall speed-up is the ratio of the two "
            "CPU/wall figures: the cores the machine gave each run. A 2-worker CPU/wall well under 2 means "
            "other load held a core, not that the workers do not scale.",
        ]
    return rows
