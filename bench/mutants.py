"""Mutation run (issue 18 item 6; not collected by pytest, not part of CI).

Applies one-line mutants, one at a time, to a copy of the tree and runs the test suite on each:
a mutant the suite still passes on "survives" — a plausible bug no test would notice. The
mutants are the five the issue names (a flipped link-density comparison, the itemprop=articleBody
bonus removed, a Persian/Urdu gate condition, a resume truncation off by one, the heading-level
clamp 6 -> 5) plus a few of the same kind in extract/, lang/, render/ and run/resume.py.
mutmut and cosmic-ray mutate every operator of a module and need hours for a suite of this
size on two cores; a named list runs in minutes and each survivor says what it means.

    python bench/mutants.py                    # every mutant, full suite (-x), ~1-3 min each
    python bench/mutants.py --only heading-clamp articlebody-bonus
    python bench/mutants.py --tests tests/render/test_render_markdown.py   # a faster, partial verdict

Each mutant's ``old`` text must occur exactly once in its file (checked before anything runs),
so a refactor that moves the line makes the run fail loudly instead of testing nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
COPY = ("archiver", "tests", "fixtures", "seeds", "exports", "pyproject.toml", "README.md")


@dataclass(frozen=True)
class Mutant:
    name: str
    path: str
    old: str
    new: str
    meaning: str


MUTANTS = (
    Mutant(
        "link-density-flip",
        "archiver/extract/body.py",
        "return self.st.text.get(el, 0) >= 200 and self.st.link_density(el) < 0.3",
        "return self.st.text.get(el, 0) >= 200 and self.st.link_density(el) > 0.3",
        "a prose-rich element with an ambiguous chrome token is looked into only when link-heavy",
    ),
    Mutant(
        "articlebody-bonus",
        "archiver/extract/scoring.py",
        'if (el.get("itemprop") or "").lower() == "articlebody":\n        weight += 30',
        'if (el.get("itemprop") or "").lower() == "articlebody":\n        weight += 0',
        "itemprop=articleBody no longer adds weight to a candidate",
    ),
    Mutant(
        "persian-gate",
        "archiver/lang/gate.py",
        "return urdu >= 2 or (perso == 0 and letters >= 20)",
        "return urdu >= 2 or (perso == 0 and letters >= 2)",
        "on a Persian page, a short Arabic-script run without Persian letters is sent to the detector",
    ),
    Mutant(
        "resume-truncate",
        "archiver/run/resume.py",
        "return pos - step + cut + 1",
        "return pos - step + cut",
        "a torn last line is cut together with the newline before it",
    ),
    Mutant(
        "heading-clamp",
        "archiver/render/markdown.py",
        'return "#" * min(max(block.level or 2, 1), 6) + " " + text',
        'return "#" * min(max(block.level or 2, 1), 5) + " " + text',
        "an <h6> is written as ##### in Markdown",
    ),
    Mutant(
        "urdu-gate",
        "archiver/lang/gate.py",
        "return urdu == 0 and letters >= 20",
        "return urdu == 0 and letters >= 200",
        "on an Urdu page, an Arabic run without Urdu letters is almost never sent to the detector",
    ),
    Mutant(
        "scoring-density",
        "archiver/extract/scoring.py",
        "value = (points + weight) * (1 - st.link_density(el))",
        "value = (points + weight)",
        "link density no longer damps a candidate's score",
    ),
    Mutant(
        "heading-terminal-clamp",
        "archiver/render/terminal.py",
        'text = "#" * min(int(block.get("level") or 2), 6) + " " + text',
        'text = "#" * min(int(block.get("level") or 2), 5) + " " + text',
        "the terminal display shows an <h6> as a level-5 heading",
    ),
)


def check(mutants: tuple[Mutant, ...]) -> None:
    for m in mutants:
        count = (ROOT / m.path).read_text("utf-8").count(m.old)
        if count != 1:
            raise SystemExit(
                f"mutant {m.name}: its line occurs {count} times in {m.path}; update bench/mutants.py"
            )


def copy_tree(dest: Path, root: Path = ROOT) -> None:
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache", "*.so")
    for name in COPY:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=ignore)
        elif src.exists():
            shutil.copy2(src, dest / name)


def run_one(mutant: Mutant, snapshot: Path, tests: list[str], timeout: float) -> tuple[str, float]:
    with tempfile.TemporaryDirectory(prefix=f"mutant-{mutant.name}-") as tmp:
        work = Path(tmp)
        copy_tree(work, snapshot)
        target = work / mutant.path
        target.write_text(target.read_text("utf-8").replace(mutant.old, mutant.new), "utf-8")
        cmd = [sys.executable, "-m", "pytest", "-x", "-q", "-p", "no:cacheprovider", *tests]
        env = {**os.environ, "PYTHONPATH": str(work)}
        t0 = time.perf_counter()
        try:
            r = subprocess.run(cmd, cwd=work, env=env, capture_output=True, text=True, timeout=timeout)
        except subprocess.TimeoutExpired:
            return "timeout", time.perf_counter() - t0
        verdict = {0: "survived", 1: "killed"}.get(r.returncode, f"error {r.returncode}")
        return verdict, time.perf_counter() - t0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", nargs="+", metavar="NAME", help="run these mutants only")
    ap.add_argument(
        "--tests", nargs="+", default=[], metavar="PATH", help="pytest targets (default: the suite)"
    )
    ap.add_argument("--timeout", type=float, default=1200.0, help="seconds per mutant")
    args = ap.parse_args()
    chosen = tuple(m for m in MUTANTS if not args.only or m.name in args.only)
    check(chosen)
    print("| mutant | file | verdict | seconds | what it breaks |\n|---|---|---|---|---|")
    survivors = 0
    with tempfile.TemporaryDirectory(prefix="mutants-snapshot-") as snap:
        copy_tree(Path(snap))  # one snapshot: edits to the tree during the run change nothing
        for m in chosen:
            verdict, secs = run_one(m, Path(snap), args.tests, args.timeout)
            survivors += verdict == "survived"
            print(f"| {m.name} | {m.path} | {verdict} | {secs:.0f} | {m.meaning} |", flush=True)
    print(f"\n{survivors} of {len(chosen)} mutants survived")
    return 0


if __name__ == "__main__":
    sys.exit(main())
