"""Throughput benchmark (issues 5, 12 and 17; not collected by pytest).

    python bench/throughput.py                      # everything, prints a Markdown report
    python bench/throughput.py --write-results      # ... and puts it in bench/RESULTS.md
    python bench/throughput.py --skip-warc --limit 200 --tools "archiver compiled,lxml parse-only"
    python bench/throughput.py --baseline /tmp/old  # adds an older checkout's archiver, pure and compiled

1. One run, interleaved page by page: every tool runs in a child process of its own
   (bench/peers.py), all driven round-robin over pipes — page i goes to each tool in turn (the
   order rotates with i) before page i+1 goes to any — and each child measures the page with
   ``time.process_time`` in its own process, so on a machine shared with other work each tool
   pays for its own CPU only and every tool sees the same load over time. Tools: archiver
   compiled and archiver pure (``ARCHIVER_PURE=1``; clean + Markdown + JSON), lxml parse-only
   (the floor), trafilatura's defaults and ``fast=True``, resiliparse's main-content extraction,
   readability-lxml. Each child first runs 20 pages untimed, then empties archiver's per-text
   caches. ``--rounds R``: per page the least of R passes (caches emptied before each pass).
2. The second opinion's share (issue 12: at most 15% of the pipeline's time): inside the same
   archiver children, the CPU time of ``second_opinion`` and ``reconcile`` per page.
3. Where archiver's time goes: cProfile (CPU timer) over the first pages, cumulative time per stage.
4. WARCs built from the corpus pages (in /tmp, never committed) cleaned by ``archiver clean``:
   peak RSS per process and the 1 -> 2 worker speed-up with the CPU/wall ratio (bench/warcrun.py).

Works whether or not archiver's compiled modules are built (``archiver.speedups_enabled()``; the
report says which ran). Needs the ``bench`` extra: pip install -e '.[bench]'.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import gzip
import json
import os
import pstats
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from peers import CORPUS, TOOLS, cold_text_caches, page_paths  # cold_text_caches: bench/stages.py uses it

HEAD = "## Throughput: one run, interleaved page by page (issues 17 and 12)"
STAGES = [
    ("decode", "decode.py", "decode"),
    ("parse", "parse.py", "parse_html"),
    ("metadata", "metadata.py", "extract_metadata"),
    ("page links", "links.py", "page_links"),
    ("extract body", "body.py", "extract_body"),
    ("↳ second opinion", "second.py", "second_opinion"),
    ("↳ reconcile", "reconcile.py", "reconcile"),
    ("blocks", "blocks.py", "build_blocks"),
    ("filters", "filters.py", "filter_blocks"),
    ("normalize", "pipeline.py", "_normalize"),
    ("langtag", "assign.py", "tag_page"),
    ("markdown", "markdown.py", "to_markdown"),
    ("json", "codec.py", "to_json"),
]


def load_pages(limit: int | None = None, fixtures: bool = False) -> list[tuple[str, bytes]]:
    """(key, bytes) of the corpus pages (bench/stages.py and bench/compiled.py use this too)."""
    return [
        (str(p.parent.relative_to(CORPUS)), gzip.decompress(p.read_bytes()))
        for p in page_paths(limit, fixtures)
    ]


def time_tool(fn, pages: list[tuple[str, bytes]], rounds: int) -> tuple[float, int]:
    """Best wall seconds of ``rounds`` passes of ``fn`` over ``pages`` in this process, and errors."""
    for _, data in pages[:20]:
        with contextlib.suppress(Exception):  # a failing page still costs its time
            fn(data)
    best, errors = float("inf"), 0
    for _ in range(rounds):
        errors = 0
        cold_text_caches()
        t0 = time.perf_counter()
        for _, data in pages:
            try:
                fn(data)
            except Exception:  # noqa: BLE001
                errors += 1
        best = min(best, time.perf_counter() - t0)
    return best, errors


class Child:
    """One tool's process (bench/peers.py) and its pipes."""

    def __init__(self, label: str, tool: str, args: argparse.Namespace, env: dict[str, str]):
        self.label, self.err = label, tempfile.TemporaryFile()  # noqa: SIM115 - lives as the child does
        cmd = [sys.executable, str(ROOT / "bench" / "peers.py"), tool]
        cmd += (["--limit", str(args.limit)] if args.limit else []) + (
            [] if args.fixtures else ["--no-fixtures"]
        )
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=self.err, text=True
        )
        self.info = json.loads(self._line())

    def _line(self) -> str:
        line = self.proc.stdout.readline()
        if not line:
            self.err.seek(0)
            sys.exit(f"{self.label}: the child stopped:\n{self.err.read().decode(errors='replace')[-3000:]}")
        return line

    def ask(self, command: str) -> str:
        self.proc.stdin.write(command + "\n")
        self.proc.stdin.flush()
        return self._line()

    def close(self) -> None:
        self.proc.stdin.close()
        self.proc.wait()


def children(args: argparse.Namespace) -> list[Child]:
    base = {k: v for k, v in os.environ.items() if k not in ("ARCHIVER_PURE", "ARCHIVER_BENCH_TREE")}
    wanted = [t.strip() for t in args.tools.split(",")] if args.tools else list(TOOLS)
    plan = [(t, t, {"ARCHIVER_PURE": "1"} if t == "archiver pure" else {}) for t in wanted]
    if args.baseline:
        tree = str(Path(args.baseline).resolve())
        plan.append(
            ("archiver baseline, pure", "archiver pure", {"ARCHIVER_PURE": "1", "ARCHIVER_BENCH_TREE": tree})
        )
        # compiled too where that tree has its extension built (`what ran` says which it used)
        plan.append(("archiver baseline, compiled", "archiver compiled", {"ARCHIVER_BENCH_TREE": tree}))
    out = []
    for label, tool, extra in plan:
        child = Child(label, tool, args, base | extra)
        if "skip" in child.info:
            print(f"{label}: skipped, {child.info['skip']}", file=sys.stderr)
            child.close()
        else:
            out.append(child)
    return out


def interleave(kids: list[Child], pages: int, rounds: int) -> dict[str, list[tuple[float, float, int]]]:
    """Per tool, per page: (CPU ms, second-opinion CPU ms, error) of the round that cost least."""
    best: dict[str, list] = {c.label: [(float("inf"), 0.0, 0)] * pages for c in kids}
    for r in range(rounds):
        if r:
            for c in kids:
                c.ask("R")
        for i in range(pages):
            k = i % len(kids)
            for c in kids[k:] + kids[:k]:
                ms, second, error = c.ask(str(i)).split()
                if float(ms) < best[c.label][i][0]:
                    best[c.label][i] = (float(ms), float(second), int(error))
            if (i + 1) % 100 == 0:
                print(f"round {r + 1}/{rounds}: {i + 1}/{pages} pages", file=sys.stderr)
    return best


def _describe(c: Child) -> str:
    info = c.info
    if "primitives" not in info:
        return info.get("version", "")
    built = ", ".join(info["compiled"]) or "none"
    what = "compiled" if info["speedups_enabled"] else "pure twins"
    note = (
        f"{info['version']}; ran the {what} (compiled in use: {built}; primitives: {len(info['primitives'])})"
    )
    return note + (f"; tree {info['tree']}" if "baseline" in c.label else "")


def speed_lines(kids: list[Child], best: dict[str, list]) -> list[str]:
    mean = {k: statistics.fmean(t for t, _, _ in v) for k, v in best.items()}
    median = {k: statistics.median(t for t, _, _ in v) for k, v in best.items()}
    me = "archiver compiled" if "archiver compiled" in best else next(iter(best))
    rows = [
        f"| tool | mean ms/page | median ms/page | p90 ms/page | errors | mean ÷ {me} | what ran |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for c in kids:
        v = best[c.label]
        p90 = statistics.quantiles([t for t, _, _ in v], n=10)[-1] if len(v) > 1 else v[0][0]
        rows.append(
            f"| {c.label} | {mean[c.label]:.2f} | {median[c.label]:.2f} | {p90:.2f} | "
            f"{sum(e for _, _, e in v)} | {mean[c.label] / mean[me]:.2f}× | {_describe(c)} |"
        )
    rows.append("")

    def ratio(a: str, b: str, what: str, target: str = "") -> None:
        if a in best and b in best:
            rows.append(
                f"- {what}: **{mean[a] / mean[b]:.2f}×** by means, "
                f"{median[a] / median[b]:.2f}× by medians{target}"
            )

    ratio("trafilatura defaults", me, f"{me} faster than trafilatura defaults", " (target ≥ 4×, aim 5×)")
    ratio(me, "lxml parse-only", f"{me} ÷ lxml parse-only", " (target ≤ 4×, aim 3×)")
    ratio("trafilatura fast=True", me, f"{me} faster than trafilatura fast=True")
    ratio("resiliparse main content", me, f"{me} faster than resiliparse main content")
    ratio("readability-lxml", me, f"{me} faster than readability-lxml")
    ratio("archiver pure", me, f"archiver pure ÷ {me} (what the compiled modules save)")
    ratio(
        "archiver baseline, pure",
        "archiver pure",
        "baseline ÷ archiver pure (target ≥ 1: the twin not slower)",
    )
    ratio("archiver baseline, compiled", me, f"baseline compiled ÷ {me} (what the change saves)")
    return rows


def second_lines(best: dict[str, list]) -> list[str]:
    rows = []
    for label, v in best.items():
        if not label.startswith("archiver"):
            continue
        total, second = sum(t for t, _, _ in v), sum(s for _, s, _ in v)
        if not second:
            rows.append(f"- {label}: no second opinion timed (this checkout has none)")
            continue
        per_page = statistics.median(s / t for t, s, _ in v if t > 0)
        rows.append(
            f"- {label}: second opinion + reconcile **{100 * second / total:.1f}%** of the pipeline's CPU "
            f"time ({second / len(v):.2f} of {total / len(v):.2f} ms/page; "
            f"median page {100 * per_page:.1f}%; target ≤ 15%)"
        )
    return rows


def profile(pages, timer=time.process_time) -> list[str]:
    import archiver

    for _, data in pages[:20]:  # first calls load language profiles and compile patterns: not per page
        with contextlib.suppress(Exception):
            archiver.clean(data).to_json()
    cold_text_caches()
    prof = cProfile.Profile(timer)
    prof.enable()
    for _, data in pages:
        try:
            doc = archiver.clean(data)
            doc.to_markdown()
            doc.to_json()
        except Exception:  # noqa: BLE001
            pass
    prof.disable()
    stats = pstats.Stats(prof)
    total = sum(v[2] for v in stats.stats.values())
    rows = ["| stage | cumulative CPU s | share |", "|---|---:|---:|"]
    for label, fname, func in STAGES:
        ct = sum(v[3] for (f, _, fn), v in stats.stats.items() if f.endswith(fname) and fn == func)
        rows.append(f"| {label} | {ct:.2f} | {100 * ct / total:.0f}% |")
    rows += ["", f"Top functions by own time (profiled run, total {total:.1f} s CPU):", ""]
    rows += ["| function | calls | own s | cumulative s |", "|---|---:|---:|---:|"]
    for (f, line, fn), (_, nc, tt, ct, _) in sorted(stats.stats.items(), key=lambda kv: -kv[1][2])[:12]:
        where = f"{Path(f).parent.name}/{Path(f).name}:{line}" if f != "~" else "builtin"
        rows.append(f"| `{fn}` ({where}) | {nc} | {tt:.2f} | {ct:.2f} |")
    return rows


def write_results(report: str, path: Path = ROOT / "bench" / "RESULTS.md") -> None:
    """Put ``report`` (which starts with HEAD) in place of the section of the same heading, or
    before the older issue-5 throughput section, or at the end."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    report = report.rstrip("\n") + "\n\n"
    start = text.find(HEAD)
    if start >= 0:
        nxt = text.find("\n## ", start + len(HEAD))
        text = text[:start] + report + (text[nxt + 1 :] if nxt >= 0 else "")
    elif (old := text.find("## Throughput (issue 5)")) >= 0:
        text = text[:old] + report + text[old:]
    else:
        text = text.rstrip("\n") + "\n\n" + report
    path.write_text(text.rstrip("\n") + "\n", "utf-8")


def _args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int, help="use only the first N corpus pages")
    ap.add_argument(
        "--fixtures", action=argparse.BooleanOptionalAction, default=True, help="the *-fixtures sources too"
    )
    ap.add_argument("--rounds", type=int, default=1, help="passes; per page the least is kept")
    ap.add_argument("--tools", help=f"comma-separated subset of: {', '.join(TOOLS)}")
    ap.add_argument(
        "--baseline", help="another checkout's root: its archiver runs pure and compiled beside this one"
    )
    ap.add_argument("--profile-pages", type=int, default=200, help="pages of the cProfile pass (0: skip)")
    ap.add_argument("--sizes", default="1000", help="WARC sizes (the first runs with 1 and 2 workers)")
    ap.add_argument(
        "--repeat", type=int, default=1, help="runs of the first WARC size per worker count (best kept)"
    )
    ap.add_argument("--distinct", action="store_true", help="WARC pages with distinct paragraph texts")
    ap.add_argument("--skip-warc", action="store_true")
    ap.add_argument("--skip-speed", action="store_true", help="skip the interleaved table")
    ap.add_argument("--tmp", default="/tmp/archiver-bench")
    ap.add_argument("--write-results", action="store_true")
    return ap.parse_args()


def main() -> int:
    args = _args()
    from warcrun import warc_table

    n = len(page_paths(args.limit, args.fixtures))
    load = os.getloadavg()
    lines = [
        HEAD,
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores "
        f"(load average {load[0]:.1f} at the start), Python {sys.version.split()[0]}, "
        f"{n} pages of ../shared/corpus, command: "
        f"`python bench/throughput.py {' '.join(sys.argv[1:])}`.",
    ]
    if not args.skip_speed:
        kids = children(args)
        best = interleave(kids, n, args.rounds)
        for c in kids:
            c.close()
        lines += [
            "",
            f"### CPU time per page, every tool in its own process, interleaved ({args.rounds} round(s))",
            "",
        ]
        lines += speed_lines(kids, best)
        lines.append(f"- load average at the end: {os.getloadavg()[0]:.1f} (compare rows as ratios only)")
        lines += ["", "### The second opinion's share (issue 12), same run", ""] + second_lines(best)
    if args.profile_pages:
        pages = load_pages(args.profile_pages, args.fixtures)
        import archiver

        what = "compiled modules" if archiver.speedups_enabled() else "pure twins"
        lines += ["", f"### Where the time goes (cProfile, {len(pages)} pages, {what}, this process)", ""]
        lines += profile(pages)
    if not args.skip_warc:
        sizes = [int(s) for s in args.sizes.split(",")]
        lines += ["", "### WARC runs: `archiver clean X.warc.gz -o DIR -q --parallel N`", ""]
        lines += [
            "Records cycle through the corpus pages with distinct URLs; peak RSS sampled every 50 ms.",
            "",
        ]
        lines += warc_table(
            load_pages(args.limit, args.fixtures), sizes, Path(args.tmp), args.repeat, args.distinct
        )
    report = "\n".join(lines) + "\n"
    print(report)
    if args.write_results:
        write_results(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
