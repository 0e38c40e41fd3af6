"""``safe_url`` is idempotent (``page_links`` keeps a sanitized absolute target as it is, so it relies
on it): sanitizing a sanitized URL gives it back, on generated hostile URLs and corpus targets."""

from __future__ import annotations

import gzip
import random
import re
from pathlib import Path

import pytest

from archiver.render.urls import MAX_PAREN_DEPTH, safe_url

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"
PIECES = [
    "http://",
    "HTTPS://",
    "x.example",
    "/",
    "(",
    ")",
    "%",
    "%2",
    "%41",
    "&",
    "&amp;",
    "&#58;",
    ":",
    "?",
    "#",
    " ",
    "\t",
    "\x01",
    "\u200f",
    "\u00a0",
    "مصر",
    "<",
    '"',
    "[",
    "]",
    "javascript:",
    "\ufffd",
]


def _generated(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = ["(" * (MAX_PAREN_DEPTH + 2) + ")" * (MAX_PAREN_DEPTH + 2), "a(" * 12 + ")b" * 3]
    for _ in range(n):
        out.append("".join(rng.choice(PIECES) for _ in range(rng.randint(0, 14))))
    return out


@pytest.mark.parametrize("seed", range(4))
def test_safe_url_is_idempotent_on_generated_urls(seed):
    for url in _generated(4000, seed):
        once = safe_url(url)
        assert once is None or safe_url(once) == once, url


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_safe_url_is_idempotent_on_corpus_targets():
    hrefs = set()
    for path in sorted(CORPUS.glob("*/*/source.html.gz"))[::4]:
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        hrefs.update(re.findall(r"""href\s*=\s*["']([^"']*)""", text))
    assert len(hrefs) > 1000
    for href in hrefs:
        once = safe_url(href)
        assert once is None or safe_url(once) == once, href
