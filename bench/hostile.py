"""Hostile inputs at full size through ``archiver clean`` (issue 16; not collected by pytest).

    python bench/hostile.py                         # every attack, prints a Markdown table
    python bench/hostile.py --write-results         # ... and puts it in bench/RESULTS.md
    python bench/hostile.py --only jsonl_line_bomb --scale 0.25

Each attack is a named function in ``ATTACKS`` that builds its files (in a temporary directory,
never committed) and returns the runs to make: the attack (``tests/hostile/source_attacks.py``,
the same builders the tests use at small size) and the extra CLI options of each run. Every run is
``archiver clean ... -o OUT`` in a child process; the table gives its wall and CPU time, the peak
RSS of the largest process (main or worker: ``getrusage(RUSAGE_CHILDREN)`` in a wrapper process)
and whether the promise held (one line per input, the good records exported, short reasons).
Add an attack by writing a function ``(directory, scale) -> list[Run]`` and listing it.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests" / "hostile"))

import source_attacks as sa

GiB = 1 << 30
HEADING = "## Hostile inputs: sources (issue 16)"


@dataclass(frozen=True)
class Run:
    label: str
    attack: sa.Attack
    extra: tuple[str, ...] = ()


def _sub(d: Path, name: str) -> Path:
    (d / name).mkdir()
    return d / name


def _both_backends(d: Path, make: Callable[[Path, str], sa.Attack]) -> list[Run]:
    """One run per WARC backend, each on its own files (a build writes fresh record ids)."""
    return [
        Run(f"--warc-backend {b}", make(_sub(d, b), b), ("--parallel", "0")) for b in ("warcio", "fastwarc")
    ]


def jsonl_line_bomb(d: Path, scale: float) -> list[Run]:
    """A 1 MB .jsonl.gz whose first line inflates to 1 GiB, then a good line."""
    attack = sa.jsonl_line_bomb(d, int(GiB * scale))
    return [Run(f"--parallel {p}", attack, ("--parallel", p)) for p in ("0", "2")]


def warc_gzip_bomb(d: Path, scale: float) -> list[Run]:
    """A .warc.gz record with Content-Encoding gzip inflating to 1 GiB, then a good record."""
    return _both_backends(d, lambda s, b: sa.content_encoding_bomb(s, int(GiB * scale), b, "gzip"))


def warc_other_bombs(d: Path, scale: float) -> list[Run]:
    """The same with Content-Encoding deflate, br and zstd (warcio backend)."""
    return [
        Run(
            f"Content-Encoding {e}",
            sa.content_encoding_bomb(_sub(d, e), int(GiB * scale), "warcio", e),
            ("--parallel", "0"),
        )
        for e in ("deflate", "br", "zstd")
    ]


def html_gz_bomb(d: Path, scale: float) -> list[Run]:
    """A folder holding a .html.gz page that inflates to 1 GiB and a good one (read in the worker)."""
    attack = sa.html_gz_bomb(d, int(GiB * scale))
    return [Run(f"--parallel {p}", attack, ("--parallel", p)) for p in ("0", "2")]


def huge_first_line(d: Path, scale: float) -> list[Run]:
    """100 MiB of junk with no line end before the first record of a plain WARC."""
    return _both_backends(d, lambda s, b: sa.huge_first_line(s, int(100 * sa.MiB * scale), b))


def junk_in_gzip_member(d: Path, scale: float) -> list[Run]:
    """100 MiB of junk inside a record's gzip member, after the record."""
    return _both_backends(d, lambda s, b: sa.junk_in_gzip_member(s, int(100 * sa.MiB * scale), b))


def junk_between_plain_records(d: Path, scale: float) -> list[Run]:
    """100 MiB of junk (no newline) between two plain WARC records."""
    return _both_backends(d, lambda s, b: sa.junk_between_plain_records(s, int(100 * sa.MiB * scale), b))


def record_start_flood(d: Path, scale: float) -> list[Run]:
    """100 MiB of "WARC/1.0" lines (would-be record starts, none complete) between two records."""
    return _both_backends(d, lambda s, b: sa.record_start_flood(s, int(100 * sa.MiB * scale), b))


def gzip_magic_flood(d: Path, scale: float) -> list[Run]:
    """100 MiB of gzip member magic bytes between two members of a .warc.gz."""
    return _both_backends(d, lambda s, b: sa.gzip_magic_flood(s, int(100 * sa.MiB * scale), b))


def attribute_page(d: Path, scale: float) -> list[Run]:
    """A page whose <div> has 50k attributes (about 800 KB), cleaned with --timeout 5."""
    n = int(50_000 * scale)
    attrs = " ".join(f'data-a{i}="v{i}"' for i in range(n))
    path = d / "attributes.html"
    path.write_text(
        f"<html><body><div {attrs}><p>{'Some prose of an article. ' * 20}</p></div></body></html>"
    )
    attack = sa.Attack([str(path)], [("attributes.html", "any")])
    return [
        Run(f"--timeout 5 --parallel {p}", attack, ("--timeout", "5", "--parallel", p))
        for p in ("0", "1", "2")
    ]


ATTACKS: dict[str, Callable[[Path, float], list[Run]]] = {
    f.__name__: f
    for f in (
        jsonl_line_bomb,
        warc_gzip_bomb,
        warc_other_bombs,
        html_gz_bomb,
        huge_first_line,
        junk_in_gzip_member,
        junk_between_plain_records,
        record_start_flood,
        gzip_magic_flood,
        attribute_page,
    )
}


def _verdict(run: Run, result: sa.Result) -> str:
    if run.attack.expect and run.attack.expect[0][1] == "any":
        lines = len(result.index) + len(result.errors)
        what = (
            result.errors[0]["stage"]
            if result.errors
            else (result.index[0]["status"] if result.index else "-")
        )
        return f"{'yes' if lines == 1 and result.run else 'NO'} ({what})"
    problems = sa.check(run.attack, result)
    return "yes" if not problems else "NO: " + "; ".join(problems)[:120]


def _human(size: int) -> str:
    return f"{size / sa.MiB:,.1f} MiB" if size >= sa.MiB else f"{size / 1024:,.1f} KiB"


def _size(path: Path) -> int:
    """Bytes of an input file, or of every file under an input directory."""
    return (
        sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
        if path.is_dir()
        else path.stat().st_size
    )


def measure(names: list[str], scale: float) -> list[str]:
    rows = [
        "| attack | run | input size | wall s | CPU s | peak RSS MB "
        "| one line per input, good ones exported |",
        "|---|---|---|---|---|---|---|",
    ]
    for name in names:
        with tempfile.TemporaryDirectory(prefix="hostile-") as tmp:
            d = Path(tmp)
            runs = ATTACKS[name](d, scale)
            for i, run in enumerate(runs):
                size = _size(Path(run.attack.args[0]))
                out = d / f"out{i}"
                result = sa.run_attack(run.attack, out, *run.extra)
                rows.append(
                    f"| {name} | {run.label} | {_human(size)} | {result.wall:.1f} | {result.cpu:.1f} | "
                    f"{result.rss_mb:.0f} | {_verdict(run, result)} |"
                )
                print(rows[-1], file=sys.stderr)
                shutil.rmtree(out, ignore_errors=True)
    return rows


def report(names: list[str], scale: float, argv: list[str]) -> str:
    lines = [
        HEADING,
        "",
        f"Run {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {os.cpu_count()} cores (shared with other work), "
        f"Python {sys.version.split()[0]}, default `--max-page-bytes` (20 MiB), command: "
        f"`python bench/hostile.py {' '.join(argv)}`. Each run is `archiver clean INPUT -o OUT` in a child "
        "process; peak RSS is the largest process of the run (main or worker). Bombs inflate to 1 GiB, "
        "junk is 100 MiB. Wall time runs far above CPU time where other work loaded the machine: compare "
        "CPU s. Before the bounded readers (issue 16, on the code before them): the 1 GiB `.jsonl.gz` line "
        "took 3.2 GB RSS, the 2.4 KB `.warc.gz` gzip bomb 2.1 GB (both backends), 100 MiB of junk gave a "
        "100 MB line in errors.jsonl and 1 GiB of it 7.4 GB RSS.",
        "",
    ]
    return "\n".join(lines + measure(names, scale)) + "\n"


def write_results(text: str) -> None:
    path = ROOT / "bench" / "RESULTS.md"
    old = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    start = old.find(HEADING)
    if start >= 0:
        nxt = old.find("\n## ", start + len(HEADING))
        old = old[:start] + old[nxt + 1 :] if nxt >= 0 else old[:start]
    path.write_text(old.rstrip("\n") + "\n\n" + text.rstrip("\n") + "\n", "utf-8")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", choices=sorted(ATTACKS), help="run only these attacks")
    ap.add_argument("--scale", type=float, default=1.0, help="size factor (1: 1 GiB bombs, 100 MiB junk)")
    ap.add_argument("--write-results", action="store_true", help="replace this section of bench/RESULTS.md")
    args = ap.parse_args()
    text = report(args.only or list(ATTACKS), args.scale, sys.argv[1:])
    print(text)
    if args.write_results:
        write_results(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
