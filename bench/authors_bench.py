"""Author accuracy on the `arabic` corpus pages against a hand-read ground truth (issue 13).

    python bench/authors_bench.py [--verbose]

Ground truth: ``bench/data/arabic_authors.tsv`` (each page's own visible byline, read by hand).
A page is right when the set of names given equals the expected set (both empty counts: the page
names no author and none is made up). Reported beside trafilatura's ``bare_extraction`` author
on the same pages (its "; "-separated string split into names).
"""

from __future__ import annotations

import argparse
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.corpus import CORPUS, load_page

TRUTH = ROOT / "bench" / "data" / "arabic_authors.tsv"


def truth() -> dict[str, frozenset[str]]:
    out = {}
    for line in TRUTH.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        name, names = line.split("\t")[:2]
        out[name] = frozenset(n.strip() for n in names.split("|") if n.strip())
    return out


def _norm(names) -> frozenset[str]:
    return frozenset(unicodedata.normalize("NFC", " ".join(n.split())) for n in names if n and n.strip())


def ours(html: bytes, url: str | None) -> frozenset[str]:
    from archiver import clean

    return _norm(clean(html, url=url).metadata.authors)


def trafilatura_authors(html: bytes, url: str | None) -> frozenset[str]:
    import trafilatura

    doc = trafilatura.bare_extraction(html.decode("utf-8", "replace"), url=url, with_metadata=True)
    author = (
        getattr(doc, "author", None)
        if doc is not None and not isinstance(doc, dict)
        else (doc or {}).get("author")
    )
    return _norm((author or "").split(";"))


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="one line per page")
    args = ap.parse_args(argv)
    expected = truth()
    right = {"archiver": 0, "trafilatura": 0}
    for name, want in sorted(expected.items()):
        page = load_page(CORPUS, "arabic", name)
        got = {
            "archiver": ours(page.html(), page.url),
            "trafilatura": trafilatura_authors(page.html(), page.url),
        }
        for tool, names in got.items():
            right[tool] += names == want
        if args.verbose:
            print(
                f"{name}\twant {sorted(want)}\tarchiver {sorted(got['archiver'])}"
                f"\ttrafilatura {sorted(got['trafilatura'])}"
            )
    n = len(expected)
    print("| source | pages | archiver authors right | trafilatura authors right |\n|---|---:|---:|---:|")
    print(
        f"| arabic | {n} | {right['archiver']} ({right['archiver'] / n:.1%}) | "
        f"{right['trafilatura']} ({right['trafilatura'] / n:.1%}) |"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
