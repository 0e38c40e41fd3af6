"""Loading and scoring the evaluation corpus (../shared/corpus), exactly as its README says.

- Tokens: NFKC, then casefold; a token is a maximal run of Unicode letters, marks and digits;
  Han, kana and Thai count one token per character.
- Per page: bag-of-tokens precision, recall and F1 with multiplicity against ``expected.txt``;
  an exception or an empty output scores 0.
- Snippets: whitespace-normalised substring test; accuracy = (with-strings found + without-strings
  absent) / all strings; a "leak" is a without-string found.

Shared by ``bench/quality.py`` and ``tests/pipeline/test_quality_gate.py`` so the gate and the benchmark
score the same way.
"""

from __future__ import annotations

import datetime as _dt
import gzip
import json
import re
import statistics
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

try:  # the `regex` module knows Unicode scripts; the fallback below uses categories only
    import regex as _re

    _TOKEN = _re.compile(
        r"[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]"
        r"|[[\p{L}\p{M}\p{Nd}]--[\p{Han}\p{Hiragana}\p{Katakana}\p{Thai}]]+",
        _re.V1,
    )
except ImportError:  # pragma: no cover - exercised only without the bench extra
    _TOKEN = None

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
DEFAULT_SOURCES = ("arabic", "fundus", "newspaper3k", "newspaper4k", "goose3", "trafilatura")
FULL_TEXT = ("arabic", "fundus", "newspaper3k", "newspaper4k")


@dataclass(frozen=True)
class Page:
    """One corpus page and its ground truth."""

    source: str
    name: str
    path: Path
    meta: dict
    expected: str | None
    with_: tuple[str, ...] = ()
    without: tuple[str, ...] = ()

    @property
    def key(self) -> str:
        return f"{self.source}/{self.name}"

    @property
    def url(self) -> str | None:
        return self.meta.get("url")

    def html(self) -> bytes:
        return gzip.decompress((self.path / "source.html.gz").read_bytes())


def _json(path: Path, default):
    return json.loads(path.read_text("utf-8")) if path.exists() else default


def load_page(root: Path, source: str, name: str) -> Page:
    """Read one page's ground truth (the HTML itself is read lazily by :meth:`Page.html`)."""
    d = root / source / name
    exp = d / "expected.txt"
    return Page(
        source,
        name,
        d,
        _json(d / "meta.json", {}),
        exp.read_text("utf-8") if exp.exists() else None,
        tuple(_json(d / "with.json", [])),
        tuple(_json(d / "without.json", [])),
    )


def load_pages(
    root: Path = CORPUS, sources=DEFAULT_SOURCES, limit: int | None = None, names: tuple[str, ...] = ()
) -> list[Page]:
    """Pages listed in MANIFEST.tsv, by source, in manifest order (``limit`` per source)."""
    per: dict[str, list[str]] = {}
    for line in (root / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]:
        source, name = line.split("\t")[:2]
        if source in sources and (not names or name in names or f"{source}/{name}" in names):
            per.setdefault(source, []).append(name)
    pages = []
    for source in sources:
        for name in per.get(source, [])[:limit]:
            pages.append(load_page(root, source, name))
    return pages


def _fallback_tokens(text: str) -> list[str]:
    out, cur = [], []
    for ch in text:
        cat = unicodedata.category(ch)
        cjk = (
            "CJK" in unicodedata.name(ch, "")
            or "HIRAGANA" in unicodedata.name(ch, "")
            or "KATAKANA" in unicodedata.name(ch, "")
            or "THAI" in unicodedata.name(ch, "")
        )
        if cjk:
            if cur:
                out.append("".join(cur))
                cur = []
            out.append(ch)
        elif cat[0] in "LM" or cat == "Nd":
            cur.append(ch)
        elif cur:
            out.append("".join(cur))
            cur = []
    if cur:
        out.append("".join(cur))
    return out


def tokens(text: str) -> list[str]:
    """The README's tokens: NFKC, casefold, maximal letter/mark/digit runs; CJK/Thai per char."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return _TOKEN.findall(text) if _TOKEN is not None else _fallback_tokens(text)


def prf(output: str, expected: str) -> tuple[float, float, float]:
    """Bag-of-tokens precision, recall, F1 with multiplicity; empty output scores 0."""
    got, want = Counter(tokens(output)), Counter(tokens(expected))
    common = sum((got & want).values())
    if not common:
        return 0.0, 0.0, 0.0
    p = common / sum(got.values())
    r = common / sum(want.values())
    return p, r, 2 * p * r / (p + r)


def _ws(text: str) -> str:
    return " ".join(text.split())


def snippets(output: str, with_: tuple[str, ...], without: tuple[str, ...]) -> tuple[int, int, int]:
    """(correct, total, leaks): with-strings found plus without-strings absent, of all strings."""
    out = _ws(output)
    found = sum(1 for s in with_ if _ws(s) in out)
    leaks = sum(1 for s in without if _ws(s) and _ws(s) in out)
    return found + len(without) - leaks, len(with_) + len(without), leaks


@dataclass
class Score:
    """One tool's result on one page."""

    page: str
    source: str
    p: float | None = None
    r: float | None = None
    f: float | None = None
    correct: int = 0
    total: int = 0
    leaks: int = 0
    empty: bool = False
    error: str | None = None
    seconds: float = 0.0
    meta: dict = field(default_factory=dict)


def score_page(page: Page, output: str | None, error: str | None = None) -> Score:
    """Score one output against the page's ground truth (None or an error scores as empty)."""
    text = output or ""
    s = Score(page.key, page.source, empty=not text.strip(), error=error)
    if page.expected is not None:
        s.p, s.r, s.f = prf(text, page.expected)
    if page.with_ or page.without:
        s.correct, s.total, s.leaks = snippets(text, page.with_, page.without)
    return s


def summarize(scores: list[Score]) -> dict:
    """Mean/median P, R, F1; snippet accuracy; leak and empty counts over a list of scores."""
    fs = [s for s in scores if s.f is not None]
    out: dict = {"pages": len(scores), "empty": sum(s.empty for s in scores)}
    for name in ("p", "r", "f"):
        vals = [getattr(s, name) for s in fs]
        out[f"mean_{name}"] = statistics.fmean(vals) if vals else None
        out[f"median_{name}"] = statistics.median(vals) if vals else None
    total = sum(s.total for s in scores)
    out["snippet_acc"] = sum(s.correct for s in scores) / total if total else None
    out["leaks"] = sum(s.leaks for s in scores)
    out["leak_pages"] = sum(1 for s in scores if s.leaks)
    out["snippet_pages"] = sum(1 for s in scores if s.total)
    return out


def _names(value: str) -> set[str]:
    if isinstance(value, (list, tuple)):
        value = ", ".join(str(v) for v in value)
    parts = re.split(r"\s*(?:,|;|\band\b|&|،| و)\s*", value.casefold())
    return {" ".join(p.split()) for p in parts if p.strip()}


_TYPO = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2013": "-",
        "\u2014": "-",
        "\u00ad": None,
    }
)


def _typo_fold(text: str) -> str:
    """A title up to typography: NFC, case, curly vs straight quotes, dashes, soft hyphens,
    whitespace. Reported beside the exact score, never instead of it."""
    return _ws(unicodedata.normalize("NFC", text).translate(_TYPO).casefold())


_TRUTH_DAY = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})(?!\d)")


def _truth_day(value: str) -> str:
    """A ground-truth day as YYYY-MM-DD. A few trafilatura-source values are not ISO
    ("2022-29-11", "2022-11-1", "2022-01.26"): year first, then month and day, swapped when the
    month would be over 12. Anything else is compared as written."""
    m = _TRUTH_DAY.match(value)
    if not m:
        return value[:10]
    y, a, b = int(m.group(1)), int(m.group(2)), int(m.group(3))
    mo, d = (b, a) if a > 12 >= b else (a, b)
    return f"{y:04d}-{mo:02d}-{d:02d}"


_STAMP = re.compile(r"(\d{4}-\d{2}-\d{2})T(\d{2}):(\d{2})(?::\d{2})?(?:\.\d+)?(Z|[+-]00:?00)?$")


def local_days(stamp: str) -> set[str]:
    """The calendar days ``stamp`` can be in the page's own time zone.

    A date, or a date-time with a non-UTC offset, is already in the page's zone: one day. A
    date-time in UTC ("Z", "+00:00") or with no offset does not say the page's zone, so every
    day it falls on in a real zone (UTC-12 to UTC+14) counts: the day before or after when the
    time is near midnight.
    """
    m = _STAMP.match(stamp)
    if not m:
        return {stamp[:10]}
    base = _dt.datetime.fromisoformat(f"{m.group(1)}T{m.group(2)}:{m.group(3)}")
    return {(base + _dt.timedelta(hours=h)).date().isoformat() for h in (-12, 0, 14)}


def meta_checks(page: Page, title: str | None, authors: str | None, published: str | None) -> dict:
    """Per field, True/False when the page's meta.json has a ground truth, absent otherwise.

    title: exact after whitespace normalisation (NFC) (``title_folded``: up to case and quote/dash
    typography, :func:`_typo_fold`); published: the same calendar day in the
    page's own time zone (:func:`local_days`; ``published_strict``: the same first ten characters);
    authors: the same set of names (split on commas, "and", "&"), case-insensitive.
    """
    out = {}
    want = page.meta.get("title")
    if want:
        out["title"] = _ws(unicodedata.normalize("NFC", title or "")) == _ws(
            unicodedata.normalize("NFC", want)
        )
        out["title_folded"] = _typo_fold(title or "") == _typo_fold(want)
    want = page.meta.get("published")
    if want:
        want = _truth_day(str(want))
        out["published_strict"] = bool(published) and published[:10] == want
        out["published"] = bool(published) and want in local_days(published)
    want = page.meta.get("byline")
    if want:
        out["authors"] = bool(authors) and _names(authors) == _names(want)
    return out
