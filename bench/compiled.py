"""Would compiling archiver's Python help? (issue 5; not collected by pytest)

    pip install cython            # not a dependency of archiver: this benchmark alone uses it
    python bench/compiled.py [--limit N] [--rounds R]

Copies the package to a temporary directory, compiles the pipeline's hot modules there with
Cython, unchanged (extract/, lang/, text/, the JSON/inline/Markdown renderers, pipeline, decode),
and times the full pipeline on the corpus pages twice, in two fresh processes: once on this
checkout's pure-Python modules, once on the compiled copy — with lxml's parse-only time in each
run as the floor. Each run also prints a digest of every page's JSON and Markdown, so the two
runs are shown to produce the same outputs.

Two settings keep the compiled copy equal to the source: ``annotation_typing=False`` (Cython
would otherwise enforce ``list[...]`` hints strictly where the code passes a tuple), and
``lang/detect.py`` stays Python (Cython 3.3 mis-binds ``@staticmethod`` over ``@lru_cache``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
HOT = [
    "extract/*.py",
    "lang/*.py",
    "text/*.py",
    "render/jsonout.py",
    "render/codec.py",
    "render/inline.py",
    "render/markdown.py",
    "pipeline.py",
    "decode.py",
]
KEEP_PYTHON = ("__init__.py", "detect.py")
SETUP = """\
import glob
from setuptools import setup
from Cython.Build import cythonize
mods = sorted({m for pat in %r for m in glob.glob("archiver/" + pat) if not m.endswith(%r)})
setup(name="archiver-compiled-bench", packages=[], py_modules=[],
      ext_modules=cythonize(mods, language_level=3, quiet=True,
                            compiler_directives={"annotation_typing": False}),
      script_args=["build_ext", "--inplace", "-j", "2"])
"""


def build(tmp: Path) -> Path:
    """A compiled copy of the package under ``tmp``; returns the directory to put on sys.path."""
    shutil.copytree(ROOT / "archiver", tmp / "archiver", ignore=shutil.ignore_patterns("__pycache__"))
    (tmp / "setup_bench.py").write_text(SETUP % (HOT, KEEP_PYTHON))
    done = subprocess.run([sys.executable, "setup_bench.py"], cwd=tmp, capture_output=True, text=True)
    if done.returncode:
        sys.exit(f"Cython build failed (pip install cython; a C compiler is needed):\n{done.stderr[-2000:]}")
    return tmp


def time_here(package_root: Path, limit: int | None, rounds: int) -> dict:
    """In this process: ms/page of parse-only and of the full pipeline, and the outputs' digest."""
    sys.path.insert(0, str(ROOT / "bench"))
    from throughput import cold_text_caches, load_pages, time_tool  # puts ROOT on sys.path

    sys.path.insert(0, str(package_root))  # ... so the package to time goes before it

    import lxml.html

    import archiver
    from archiver.model import RawPage, Source
    from archiver.pipeline import process

    pages = load_pages(limit)
    digest = hashlib.sha256()

    def full(data: bytes) -> None:
        doc = process(RawPage(data, Source(kind="auto")))
        md, js = doc.to_markdown(), doc.to_json()
        if collect:
            digest.update(md.encode() + js.encode())

    collect = True
    for _, data in pages:
        try:
            full(data)
        except Exception as exc:  # noqa: BLE001 - the error's type is part of the outputs
            digest.update(type(exc).__name__.encode())
    collect = False
    cold_text_caches()
    parse_s, _ = time_tool(lxml.html.document_fromstring, pages, rounds)
    full_s, errors = time_tool(full, pages, rounds)
    compiled = sum(1 for p in Path(archiver.__file__).parent.rglob("*.so"))
    return {
        "pages": len(pages),
        "parse": 1000 * parse_s / len(pages),
        "full": 1000 * full_s / len(pages),
        "errors": errors,
        "digest": digest.hexdigest()[:16],
        "compiled modules": compiled,
    }


def run(path: Path, limit: int | None, rounds: int) -> dict:
    cmd = [sys.executable, __file__, "--child", "--rounds", str(rounds)] + (
        ["--limit", str(limit)] if limit else []
    )
    out = subprocess.run(cmd, cwd=path, capture_output=True, text=True, check=True)
    return json.loads(out.stdout.splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--limit", type=int)
    ap.add_argument("--rounds", type=int, default=2)
    ap.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(time_here(Path.cwd(), args.limit, args.rounds)))
        return 0
    with tempfile.TemporaryDirectory(prefix="archiver-cy-") as tmp:
        t0 = time.perf_counter()
        compiled_root = build(Path(tmp))
        built = time.perf_counter() - t0
        rows = {
            "pure Python (this checkout)": run(ROOT, args.limit, args.rounds),
            "Cython-compiled copy": run(compiled_root, args.limit, args.rounds),
        }
    print(f"Cython build of the hot modules: {built:.0f} s\n")
    print(
        "| build | compiled modules | pages | parse-only ms/page | full pipeline ms/page "
        "| × parse-only | errors | outputs digest |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---|")
    for name, r in rows.items():
        print(
            f"| {name} | {r['compiled modules']} | {r['pages']} | {r['parse']:.2f} | {r['full']:.2f} | "
            f"{r['full'] / r['parse']:.1f}× | {r['errors']} | `{r['digest']}` |"
        )
    pure, comp = rows.values()
    same = "identical" if pure["digest"] == comp["digest"] else "DIFFERENT"
    print(f"\nSpeed-up from compiling: {pure['full'] / comp['full']:.2f}×; outputs {same}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
