"""Output fingerprints of every corpus page, to prove a speed change changes no byte.

    python bench/fingerprint.py > /tmp/before.tsv          # on the old tree
    python bench/fingerprint.py --compare /tmp/before.tsv  # on the new tree: lists pages that differ

Each line: page key, then the SHA-256 of ``to_json() + to_markdown()`` with default options and
with ``comments=True`` (or the exception's type when the pipeline raised). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def _digest(data: bytes, url: str | None, comments: bool) -> str:
    from archiver import Config, clean

    try:
        doc = clean(data, url=url, config=Config(comments=comments))
    except Exception as exc:  # noqa: BLE001 - the fingerprint of a failure is its type
        return f"error:{type(exc).__name__}"
    return hashlib.sha256((doc.to_json() + doc.to_markdown()).encode("utf-8")).hexdigest()[:16]


def fingerprint(path: Path) -> str:
    data = gzip.decompress(path.read_bytes())
    key = str(path.parent.relative_to(CORPUS))
    return "\t".join((key, _digest(data, None, False), _digest(data, None, True)))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--compare", type=Path, help="a previous output; print the pages that differ")
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*/*/source.html.gz"))
    with Pool(args.jobs) as pool:
        lines = pool.map(fingerprint, paths, chunksize=8)
    if not args.compare:
        print("\n".join(lines))
        return 0
    old = dict(line.split("\t", 1) for line in args.compare.read_text("utf-8").splitlines())
    diff = [
        line.split("\t", 1)[0] for line in lines if old.get(line.split("\t", 1)[0]) != line.split("\t", 1)[1]
    ]
    print(f"{len(lines)} pages, {len(diff)} differ", *diff, sep="\n")
    return 1 if diff else 0


if __name__ == "__main__":
    sys.exit(main())
