"""``absolute`` skips urljoin only where urljoin would give the target back unchanged: the result
equals the plain join (its reference copy is kept here) on generated targets, bases and corpus hrefs."""

from __future__ import annotations

import gzip
import random
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from archiver.extract.links import absolute
from archiver.render.urls import safe_url

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
BASES = [
    "https://example.org/a/b.html",
    "http://example.org/a/",
    "https://example.org",
    "HTTPS://Example.org/x?q=1#f",
    "ftp://files.example/",
    "mailto:a@example.org",
    "",
    "https://[::1]/",
]


def reference_absolute(href: str | None, base: str | None) -> str | None:
    if not href or base is None:
        return href
    try:
        joined = urljoin(base, href)
    except ValueError:
        return href
    return safe_url(joined) or href


PARTS = ["http", "https", "HTTP", "Https", "ftp", "mailto"]
HOSTS = ["x.example", "x.example:80", "u@x.example", "", "[::1]", "[bad", "مصر.example", "x.example.", "a%41"]
PIECES = [
    "/",
    "//",
    "a",
    "b.html",
    ";",
    ";p",
    "?",
    "?q=1",
    "#",
    "#f",
    "&",
    "..",
    ".",
    " ",
    "\t",
    "مصر",
    "%20",
    "@",
]


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        head = rng.choice(PARTS) + rng.choice(["://", ":", ":/", ":///"]) + rng.choice(HOSTS)
        out.append(head + "".join(rng.choice(PIECES) for _ in range(rng.randint(0, 8))))
    return out


@pytest.mark.parametrize("seed", range(3))
def test_absolute_equals_the_plain_join_on_generated_targets(seed):
    for href in _generated(2000, seed):
        for target in (href, safe_url(href)):
            for base in BASES + [None]:
                assert absolute(target, base) == reference_absolute(target, base), (target, base)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_absolute_equals_the_plain_join_on_corpus_hrefs():
    hrefs = set()
    for path in sorted(CORPUS.glob("*/*/source.html.gz"))[::6]:
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        hrefs.update(re.findall(r"""href\s*=\s*["']([^"']*)""", text))
    assert len(hrefs) > 1000
    for href in sorted(hrefs):
        for base in BASES[:3]:
            target = safe_url(href)
            assert absolute(target, base) == reference_absolute(target, base), (target, base)
