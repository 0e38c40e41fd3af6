"""The JSON codec's round trip on every corpus page (tests/render/test_json_codec.py runs a sample).

    python bench/codec_roundtrip.py [--jobs 2]

For each page, with default options and with ``comments=True``: Document → JSON → Document → JSON
must be byte-identical, the Document read back must equal the one written (every field), and
Markdown and the HTML reading copy must re-render identically.
Prints the pages that fail; exit 1 if any. Not collected by pytest.
"""

from __future__ import annotations

import argparse
import gzip
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def _problem(data: bytes, comments: bool) -> str | None:
    from archiver import Config, clean
    from archiver.render.codec import from_json, to_json
    from archiver.render.html import document_page

    doc = clean(data, config=Config(comments=comments))
    text = to_json(doc)
    back = from_json(text)
    checks = {
        "json": to_json(back) == text,
        "fields": back == doc,
        "markdown": back.to_markdown() == doc.to_markdown(),
        "html": document_page(back) == document_page(doc),
    }
    bad = [k for k, ok in checks.items() if not ok]
    return ",".join(bad) or None


def check(path: Path) -> str | None:
    data = gzip.decompress(path.read_bytes())
    bad = [f"{'comments' if c else 'default'}:{p}" for c in (False, True) if (p := _problem(data, c))]
    return f"{path.parent.relative_to(CORPUS)}\t{' '.join(bad)}" if bad else None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--jobs", type=int, default=2)
    args = ap.parse_args()
    paths = sorted(CORPUS.glob("*/*/source.html.gz"))
    with Pool(args.jobs) as pool:
        failed = [line for line in pool.map(check, paths, chunksize=8) if line]
    print(f"{len(paths)} pages, {len(failed)} fail the round trip", *failed, sep="\n")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
