"""Inputs for the twin tests: every fixture's texts, and generated text (small, seeded)."""

from __future__ import annotations

import importlib
import random
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests"))

from goldens import cases, clean_case, input_of  # noqa: E402

ARABIC = "كتبالمحررفيالعددالسابقعنالاقتصادوالسياسةةىئؤأإآٱپچژگکیٹڈڑںےۓہھ"
HARAKAT = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0670\u06d6"
TATWEEL = "\u0640"
BIDI = "\u200e\u200f\u061c\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200c\u200d\ufeff"
CJK = "中文字漢語日本語のかなカタカナ한국어"
LATIN = "The quick brown fox jumps over lazy dogs Ünïcødé façade naïve ſKİı"
DIGITS = "0123456789٠١٢٣٤٥٦٧٨٩۰۱۲۳"
PUNCT = " \n\t\u00a0.,;:!?()[]{}\"'«»“”‘’،؛؟-_/@#`$&+*%="
WORDS = [
    "http://",
    "https://",
    "ftp://",
    "www.",
    "example.com",
    "news.co.uk",
    "site.ae/page",
    "a@b.cd",
    "@handle",
    "#tag",
    "`code`",
    "print()",
    "os.path.join(a)",
    "snake_case",
    "10km",
    "5G",
    "1080p",
    "COVID-19",
    "iPhone",
    "15",
    "U.S.",
    "(AAPL)",
]


def compiled_or_skip(name: str) -> types.ModuleType:
    """The compiled module ``_<name>`` even under ARCHIVER_PURE=1; skip where it is not built."""
    try:
        return importlib.import_module(f"archiver._speedups._{name}")
    except ImportError:
        pytest.skip(f"archiver._speedups._{name} is not built")


def twin(name: str) -> types.ModuleType:
    return importlib.import_module(f"archiver._speedups.{name}")


def random_unicode(rnd: random.Random, length: int) -> str:
    """Random code points of any plane, surrogates left out."""
    out = []
    while len(out) < length:
        cp = rnd.choice((rnd.randrange(0x80), rnd.randrange(0x3000), rnd.randrange(0x110000)))
        if not 0xD800 <= cp < 0xE000:
            out.append(chr(cp))
    return "".join(out)


def generated(n: int = 3000, seed: int = 17) -> list[str]:
    """Mixed Arabic/Latin/CJK text with harakat, tatweel, bidi controls, digits, punctuation,
    web addresses and code; random Unicode; empty strings."""
    rnd = random.Random(seed)
    pools = (ARABIC, HARAKAT, TATWEEL, BIDI, CJK, LATIN, DIGITS, PUNCT)
    out = ["", " ", "\n", TATWEEL, HARAKAT, BIDI]
    for k in range(n):
        if k % 7 == 0:
            out.append(random_unicode(rnd, rnd.randrange(40)))
            continue
        parts = []
        for _ in range(rnd.randrange(1, 25)):
            if rnd.random() < 0.25:
                parts.append(rnd.choice(WORDS))
            else:
                pool = rnd.choice(pools)
                parts.append("".join(rnd.choice(pool) for _ in range(rnd.randrange(1, 9))))
        out.append(rnd.choice(("", " ")).join(parts))
    return out


def fixture_texts() -> list[str]:
    """Every fixture's input text, its lines, and the text of each block and removed piece."""
    out: list[str] = []
    for case in cases():
        raw = input_of(case).read_bytes().decode("utf-8", "replace")
        out.append(raw)
        out.extend(raw.splitlines())
        doc = clean_case(case)
        out.extend(b.text for b in doc.blocks)
        out.extend(r.text for r in doc.removed)
    return out


def fixture_roots() -> list[tuple[str, object]]:
    """(case name, parsed root) of every fixture's HTML input."""
    from archiver.decode import decode
    from archiver.extract.parse import parse_html

    roots = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm"):
            if (case / name).is_file():
                roots.append((case.name, parse_html(decode((case / name).read_bytes()).text)))
    assert roots, "no fixture inputs found"
    return roots


def fixture_bodies() -> list[object]:
    """Every fixture input's <body> (or root) as the extract stage measures it: skipped tags gone."""
    from lxml import etree

    from archiver.decode import decode
    from archiver.extract.blocks import SKIP_TAGS
    from archiver.extract.parse import parse_html

    out = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm", "input.txt"):
            if (case / name).is_file():
                root = parse_html(decode((case / name).read_bytes()).text)
                body = root.find("body")
                body = body if body is not None else root
                etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
                out.append(body)
    assert out
    return out


def generated_roots(markup, xml: str, seeds: int = 60) -> list[tuple[str, object]]:
    """Fixture roots, then ``markup(rng)`` pages parsed as the pipeline parses them and with
    comments kept, for ``seeds`` seeds, then one XML tree (no HTML parser) of ``xml``."""
    import lxml.html
    from lxml import etree

    from archiver.extract.parse import parse_html

    out = fixture_roots()
    comments = lxml.html.HTMLParser(remove_comments=False)
    for seed in range(seeds):
        rng = random.Random(seed)
        out.append((f"markup-{seed}", parse_html(markup(rng))))
        out.append((f"comments-{seed}", lxml.html.document_fromstring(markup(rng), parser=comments)))
    out.append(("xml", etree.fromstring(xml)))
    return out
