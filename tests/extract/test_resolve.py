"""``resolve.join`` is ``urllib.parse.urljoin``: the same string on a labelled table of the forms it
takes itself and those it hands on, and on generated bases and targets (raw and sanitized)."""

from __future__ import annotations

import gzip
import random
import re
from pathlib import Path
from urllib.parse import urljoin

import pytest

from archiver.extract.resolve import Base, join
from archiver.render.urls import safe_url

CORPUS = Path(__file__).resolve().parents[2].parent / "shared" / "corpus"

# (label, base, target): each a form join takes itself or one it must hand to urljoin
CASES = [
    ("absolute path", "https://x.example/a/b.html", "/c/d.html"),
    ("absolute path, base without path", "https://x.example", "/c"),
    ("root", "https://x.example/a/b", "/"),
    ("path with a doubled slash", "https://x.example/a/b", "/c//d"),
    ("path with a dot segment", "https://x.example/a/b", "/c/./d"),
    ("path with a parent segment", "https://x.example/a/b", "/c/../d"),
    ("parent above the root", "https://x.example/a", "/../../d"),
    ("last segment a dot", "https://x.example/a/b", "/c/."),
    ("last segment a parent", "https://x.example/a/b", "c/.."),
    ("dot-named file", "https://x.example/a/b", "/c/.hidden"),
    ("relative file", "https://x.example/a/b.html", "c.html"),
    ("relative, base a directory", "https://x.example/a/", "c.html"),
    ("relative, base without path", "https://x.example", "c.html"),
    ("relative up", "https://x.example/a/b/c", "../d"),
    ("relative up past the root", "https://x.example/a", "../../d"),
    ("relative dot", "https://x.example/a/b", "./"),
    ("relative dot only", "https://x.example/a/b", "."),
    ("relative parent only", "https://x.example/a/b/", ".."),
    ("relative with empty segments", "https://x.example/a//b/", "c//d/"),
    ("query only", "https://x.example/a/b?x=1", "?p=2"),
    ("empty query", "https://x.example/a/b?x=1", "?"),
    ("empty query and fragment", "https://x.example/a/b?x=1", "?#"),
    ("fragment only", "https://x.example/a/b?x=1#f", "#g"),
    ("path, query and fragment", "https://x.example/a/", "c?d=1#e"),
    ("'#' before '?'", "https://x.example/a/", "c#d?e"),
    ("two '?'", "https://x.example/a/", "c?d?e"),
    ("colon after a slash", "https://x.example/a/", "c/d:e"),
    ("colon in the query", "https://x.example/a/", "c?d:e"),
    ("base with params", "https://x.example/a;p?q", "?r"),
    ("base with params, fragment", "https://x.example/a;p?q", "#r"),
    ("base with params, path", "https://x.example/a;p/b;q", "c"),
    ("base with query, relative path", "https://x.example/a?q", "b"),
    ("base with a port and user", "http://u:p@x.example:81/a", "b"),
    ("upper-case base scheme", "HTTPS://X.example/a", "b"),
    ("non-ASCII path", "https://x.example/a/", "مصر/c"),
    ("non-ASCII host", "https://مصر.example/a/", "/c"),
    ("percent escapes", "https://x.example/a/", "%20c%2F"),
    ("handed on: network path", "https://x.example/a", "//y.example/b"),
    ("handed on: scheme", "https://x.example/a", "http://y.example/b"),
    ("handed on: other scheme", "https://x.example/a", "mailto:a@b.example"),
    ("handed on: colon in the first segment", "https://x.example/a", "c:d"),
    ("handed on: digit before the colon", "https://x.example/a", "1c:d"),
    ("handed on: params", "https://x.example/a/", "c;p"),
    ("params char in the query", "https://x.example/a/", "c?d;e"),
    ("handed on: leading space", "https://x.example/a/", " c"),
    ("handed on: leading control", "https://x.example/a/", "\x01c"),
    ("handed on: tab inside", "https://x.example/a/", "c\td"),
    ("handed on: newline in the fragment", "https://x.example/a/", "c#d\ne"),
    ("handed on: base without host", "https:/a/b", "c"),
    ("handed on: base of another scheme", "mailto:a@b.example", "c"),
    ("ftp base", "ftp://x.example/a/", "c"),
    ("handed on: bad IPv6 base", "https://[x/a", "c"),
    ("handed on: empty target", "https://x.example/a", ""),
]


def _joined(base: str, href: str) -> str | type:
    try:
        return urljoin(base, href)
    except ValueError:
        return ValueError


def _join(base: str, href: str) -> str | type:
    try:
        return join(Base(base), href)
    except ValueError:
        return ValueError


@pytest.mark.parametrize(("label", "base", "href"), CASES, ids=[c[0] for c in CASES])
def test_join_is_urljoin_on_the_table(label, base, href):
    assert _join(base, href) == _joined(base, href)


def test_the_table_takes_the_fast_forms_itself():
    """Most rows are decided by join's own steps (the rest by urljoin): none may be dead code."""
    from archiver.extract import resolve

    taken = [c for c in CASES if Base(c[1]).fast and c[2] and resolve._RELATIVE.fullmatch(c[2])]
    assert len(taken) >= 30
    assert not any(c[0].startswith("handed on") for c in taken)


SCHEMES = ["http", "https", "HTTP", "ftp", "mailto", ""]
HOSTS = ["x.example", "x.example:8080", "u@x.example", "", "[::1]", "[bad", "مصر.example"]
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
    "..",
    ".",
    " ",
    "\t",
    ":",
    "%2",
    "مصر",
    "&",
]


def _piece_string(rng: random.Random, k: int) -> str:
    return "".join(rng.choice(PIECES) for _ in range(rng.randint(0, k)))


def _bases(rng: random.Random, n: int) -> list[str]:
    return [f"{rng.choice(SCHEMES)}://{rng.choice(HOSTS)}{_piece_string(rng, 5)}" for _ in range(n)]


@pytest.mark.parametrize("seed", range(4))
def test_join_is_urljoin_on_generated_inputs(seed):
    rng = random.Random(seed)
    bases = _bases(rng, 40) + ["https://x.example/a/b/c.html", "http://x.example"]
    for _ in range(3000):
        href = _piece_string(rng, 9)
        base = rng.choice(bases)
        for target in (href, safe_url(href) or ""):
            assert _join(base, target) == _joined(base, target), (base, target)


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not here")
def test_join_is_urljoin_on_corpus_hrefs():
    hrefs = set()
    for path in sorted(CORPUS.glob("*/*/source.html.gz"))[::5]:
        text = gzip.decompress(path.read_bytes()).decode("utf-8", "replace")
        hrefs.update(re.findall(r"""href\s*=\s*["']([^"']*)""", text))
    assert len(hrefs) > 1000
    bases = ["https://x.example/a/b.html", "http://x.example/a/", "https://x.example"]
    for href in sorted(hrefs):
        for base in bases:
            for target in (href, safe_url(href) or ""):
                assert _join(base, target) == _joined(base, target), (base, target)
