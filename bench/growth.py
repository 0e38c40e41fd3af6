"""Growth of CPU time with input size on pathological shapes (issues 16 and 17): nothing may be
quadratic in parse, extract, tag or render.

    python bench/growth.py                 # 100 KB, 300 KB, 1 MB; a Markdown table on stdout
    python bench/growth.py --sizes 50000,100000 --repeat 1

Each shape is generated at each size; each stage is timed with ``time.process_time`` (CPU time of
this process, the best of ``--repeat`` runs) and the growth exponent is the least-squares slope of
log(time) over log(size): 1.0 is linear, 2.0 quadratic (target ≤ 1.2). Stages: ``clean`` (decode,
parse, extract, tag), ``markdown``, ``json``, ``html`` (the reading copy), and ``bag`` (make_bag of
an export holding the one document). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import gc
import math
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver import clean
from archiver.archive.bag import BagOptions, make_bag
from archiver.render.html import document_page


def _page(body: str) -> str:
    return (
        "<!DOCTYPE html><html><head><title>T</title></head>"
        f"<body><article><h1>T</h1>{body}</article></body></html>"
    )


def mixed(size: int) -> tuple[str, str]:
    """One paragraph of alternating Latin and Arabic words (an inline run per word)."""
    words = ["word" if i % 2 else "كلمة" for i in range(size // 5)]
    return _page(f"<p>{' '.join(words)}</p>"), "html"


def marks(size: int) -> tuple[str, str]:
    """Eight bold-heavy paragraphs: a <b> every other word (thousands of marks per block)."""
    pieces = [f"<b>bold{i}</b> plain{i} " for i in range(size // 20)]
    return _page("".join(f"<p>{''.join(pieces[k::8])}</p>" for k in range(8))), "html"


def links(size: int) -> tuple[str, str]:
    """Eight paragraphs of links, each to its own URL, with bold and italics inside some."""
    pieces = [f'<a href="http://example.org/p_({i})">link <i>{i}</i></a> text ' for i in range(size // 60)]
    return _page("".join(f"<p>{''.join(pieces[k::8])}</p>" for k in range(8))), "html"


def dump(size: int) -> tuple[str, str]:
    """A text dump: one paragraph, then many short lines (counters and headline-like items)."""
    lines = [f"{i}" if i % 2 else f"short line {i}" for i in range(size // 10)]
    lead = "A first paragraph that is a sentence long enough for the body script to be found in it, and more."
    return "Title of the dump\n\n" + lead + "\n" + "\n".join(lines) + "\n", "text"


SHAPES: dict[str, Callable[[int], tuple[str, str]]] = {
    "mixed": mixed,
    "marks": marks,
    "links": links,
    "dump": dump,
}


def _cpu(fn: Callable[[], object], repeat: int) -> tuple[float, object]:
    best, value = math.inf, None
    for _ in range(repeat):
        gc.collect()  # each run starts from the same heap: no collection owed by an earlier one
        t = time.process_time()
        value = fn()
        best = min(best, time.process_time() - t)
    return best, value


def _bag_time(data: str, kind: str, repeat: int) -> float:
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp, "in." + ("html" if kind == "html" else "txt"))
        src.write_text(data, "utf-8")
        export = Path(tmp, "out")
        subprocess.run(
            [sys.executable, "-m", "archiver", "clean", str(src), "-o", str(export), "-q", "--parallel", "0"],
            check=True,
            cwd=ROOT,
        )
        best = math.inf
        for n in range(repeat):
            target = Path(tmp, f"bag{n}")
            gc.collect()
            t = time.process_time()
            make_bag(export, BagOptions(output=target))
            best = min(best, time.process_time() - t)
            shutil.rmtree(target)
        return best


def measure(shape: str, size: int, repeat: int) -> dict[str, float]:
    data, kind = SHAPES[shape](size)
    times: dict[str, float] = {}
    times["clean"], doc = _cpu(lambda: clean(data, kind=kind), repeat)
    times["markdown"], _ = _cpu(doc.to_markdown, repeat)
    times["json"], _ = _cpu(doc.to_json, repeat)
    times["html"], _ = _cpu(lambda: document_page(doc), repeat)
    times["bag"] = _bag_time(data, kind, repeat)
    return times


def exponent(sizes: list[int], times: list[float]) -> float:
    """Least-squares slope of log(time) over log(size)."""
    xs = [math.log(s) for s in sizes]
    ys = [math.log(max(t, 1e-4)) for t in times]
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys)) / sum((x - mx) ** 2 for x in xs)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="100000,300000,1000000", help="input sizes in characters")
    ap.add_argument("--shapes", default=",".join(SHAPES))
    ap.add_argument("--repeat", type=int, default=3, help="best of N CPU times per stage")
    args = ap.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    print("| shape | stage | " + " | ".join(f"{s // 1000} KB (s)" for s in sizes) + " | exponent |")
    print("|---|---|" + "---|" * len(sizes) + "---|")
    worst = 0.0
    for shape in args.shapes.split(","):
        rows = [measure(shape, size, args.repeat) for size in sizes]
        for stage in rows[0]:
            times = [r[stage] for r in rows]
            exp = exponent(sizes, times) if times[-1] >= 0.05 else float("nan")  # too fast to tell
            if exp == exp:
                worst = max(worst, exp)
            cells = " | ".join(f"{t:.3f}" for t in times)
            print(f"| {shape} | {stage} | {cells} | {'—' if exp != exp else f'{exp:.2f}'} |", flush=True)
    print(f"\nworst exponent: {worst:.2f} (target ≤ 1.2)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
