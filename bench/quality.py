"""Extraction quality: archiver vs trafilatura (defaults, and include_comments=False) vs
readability-lxml, in one run on ../shared/corpus, scored as the corpus README says.

    pip install -e '.[bench]'
    python bench/quality.py                              # every scored source
    python bench/quality.py --sources arabic --worst 10  # one source, with the worst pages
    python bench/quality.py --results bench/RESULTS.md   # also write the RESULTS section
    python bench/quality.py --title-signals              # which headline signal matches most often

What counts as each tool's output: the article body text only, never the headline (the
ground truth of every scored source leaves the headline out: `arabic` keeps it in meta.json,
fundus and newspaper keep only the body). For archiver that is ``Document.text`` (body blocks);
for trafilatura its plain-text ``extract`` (which includes comments unless told otherwise); for
readability-lxml the text of ``summary()``. Nothing is cached: every run re-extracts every page.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import logging
import sys
import time
import unicodedata
import warnings
from multiprocessing import Pool
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import (
    CORPUS,
    DEFAULT_SOURCES,
    FULL_TEXT,
    Page,
    Score,
    load_pages,
    meta_checks,
    score_page,
    summarize,
)

TOOLS = ("archiver", "trafilatura", "trafilatura-nocomments", "readability")
SECTION = "## Extraction quality (issue 3)"
NOTES = """Reading the numbers:
- Conventions: the `arabic` ground truth leaves out headlines, captions, photo credits, embedded
  posts and stand-alone bylines; archiver does the same on every source (they go to `removed` with
  roles caption / embed / byline / dateline). newspaper3k's ground truth keeps embedded tweets,
  which costs archiver about 0.004 mean F1 there (measured by switching the embed cue off).
- Headline, how it is compared: "exact title" is equality after NFC and whitespace collapsing,
  nothing more; the target is read on it. "title up to case/quotes" also folds case, curly vs
  straight quotes, dashes and soft hyphens; it is shown beside the exact score, never used for
  the target. Case is not folded for the target on purpose: ground-truth titles in capitals
  ("MINISTER-PRESIDENT PRESENTE ...") are CSS text-transform renderings, and archiver stores the
  text the page holds. Most of the remaining misses are editorial: fundus and trafilatura ground
  truth takes the SEO/og title on some sites and the visible h1 on others (kicker in or out, a
  different wording altogether), so no single signal can be right on both. The table "single
  headline signals" above gives, on the same pages, how often each signal alone equals the
  ground truth; archiver's rule (a heading confirmed by og/JSON-LD/<title>, a heading glued to a
  subtitle or site name in <title>, home links, inline CSS and ruby readings left out; mojibake
  repaired like body text) beats the best single signal overall and on fundus and trafilatura,
  ties it on `arabic`, and loses to <title> minus site name on newspaper4k's 18 pages.
- Published day, how it is compared: "published day (page's zone)" is the target's column. A
  date, or a date-time with a non-UTC offset, is compared as that calendar day. A date-time in
  UTC ("Z", "+00:00") or without an offset does not say the page's own zone, so the day it falls
  on anywhere from UTC-12 to UTC+14 counts (the day before or after when the time is near
  midnight). "first 10 chars" is the plain string comparison. Three trafilatura-source values
  are not ISO ("2022-29-11", "2022-11-1", "2022-01.26"); they are read year, month, day (swapped
  when the month is over 12). Both rules apply to every tool alike. The trafilatura source's
  dates come from htmldate, which sometimes reports the modified or a copyright-year date;
  archiver keeps published and modified apart and does not chase those.
- Second pass on the targets (2026-11-24), each a general cue with a test: JSON-LD dates from
  web-page nodes and plugin-namespaced publish <meta> keys; Russian, Ukrainian, Dutch,
  Scandinavian and Turkish month names; pages that open with a long <style> are HTML; headings
  glued to a subtitle or site name in <title>, home-link h1s skipped, inline CSS and ruby
  readings left out of headings, title mojibake repaired; comment-section lead-ins (posting rules
  before an empty comment widget), XFBML (Facebook) embeds, Spot.IM counters, "see also" boxes;
  place/source datelines ("باريس / الأناضول"), image tables and "cap" classes as captions,
  byline regions named by aria-labelledby; bare <rt> readings dropped (kept with <rp>);
  source line breaks inside a paragraph are spaces (only <br> breaks); "widget" weighs -10, not
  -25, on a candidate; the story around the page's headline h1 wins over a next story appended
  below it (infinite scroll). Speed, same machine, same minutes, `python bench/throughput.py
  --limit 100 --rounds 3 --skip-warc --skip-profile`: archiver full pipeline 12.39 ms/page on
  the current tree with archiver/extract and pipeline.py as of commit 031a7ac (before this
  pass), 12.37 ms/page after it (no measurable change).
- Third pass (2026-11-24, session 3), each a general cue with a test: bylines and author boxes
  (class/id tokens author, authors, autor, bio, biography, byline) are cut with role "author" and
  never weigh against a candidate; a gallery or video page keeps its captions when they hold over
  five times the rest of the text; live-blog/match-ticker commentary ("live" + "comment" tokens) is
  article; a short line ending on its credit ("..., photo: Agency", "... © Name") is a caption
  (script-aware length); class names written in parts ("news-letter") or numbered ("comments18")
  name their region; post-metadata boxes (entry-meta) are cut as "meta"; the a class that hides an
  element at every screen width ("hidden", "d-none"; not "hidden md:block") cuts it as hidden
  (fundus 0.958 -> 0.961: sign-in and paywall pitch boxes); the publisher's pitch in an article's
  last lines (subscribe now, download our app, follow us) is cut as "promo"; French "articles
  liés"-style labels. Published date: a date named in a framework/shop payload script
  ("publishedDate", "published_at") is a late fallback, and RFC 2822 dates ("Wed, 04 May 2022
  02:41:00 GMT") keep their time and zone as ISO input does (90.1% -> 90.9%). Authors: HTML entities
  written into JSON-LD strings are decoded; "Veröffentlicht am ... von", "Publié par", "Publicado
  por", "vom" bylines lose their lead (66.0% -> 67.0%). Headline: a heading confirmed by
  og:title/JSON-LD up to typography (quotes, dashes, case) is taken as set on the page; <title>
  confirms only after the stronger signals; with no confirmation the first headline-like <h1> wins
  over a reworded og:title; a kicker element leading the headline element (class kicker, topic,
  label, ...) is not part of the headline, and heading spans run on as a reader sees them (80.2% ->
  84.5% overall: the sources' conventions differ, the visible headline is what a reader saw). Tried
  and dropped: "promotion" as an ad token (a wrapper named so lost a whole article on newspaper3k).
- The one target still not met: exact headline. On 94.3% of the pages some page signal equals the
  ground-truth title exactly ("any of these" column above; headings counted also without a leading
  kicker element); no extractor that keeps the text the page holds can reach 95% here. Remaining
  trafilatura-source snippet misses are mostly design conventions (captions, tweets and reference
  lists stay out of the body; the headline is a document field, not body text) and pages split
  across unrelated containers."""


def _archiver(page: Page, html: bytes):
    from archiver import clean

    doc = clean(html, url=page.url)
    meta = doc.metadata
    return doc.text, (doc.title, ", ".join(meta.authors), meta.published)


def _trafilatura(page: Page, html: bytes, comments: bool = True):
    import trafilatura

    text = trafilatura.extract(html.decode("utf-8", "replace"), url=page.url, include_comments=comments)
    return text, None


def _trafilatura_meta(page: Page, html: bytes):
    from trafilatura.metadata import extract_metadata

    m = extract_metadata(html.decode("utf-8", "replace"), default_url=page.url)
    return (m.title, m.author, m.date) if m is not None else (None, None, None)


def _readability(page: Page, html: bytes):
    import lxml.html
    from readability import Document

    doc = Document(html.decode("utf-8", "replace"))
    summary = doc.summary(html_partial=True)
    root = lxml.html.fromstring(summary) if summary.strip() else None
    text = "\n".join(t.strip() for t in root.itertext() if t.strip()) if root is not None else ""
    return text, None


def _run(tool: str, page: Page, html: bytes):
    if tool == "archiver":
        return _archiver(page, html)
    if tool == "trafilatura":
        return _trafilatura(page, html)
    if tool == "trafilatura-nocomments":
        return _trafilatura(page, html, comments=False)
    return _readability(page, html)


def evaluate(args: tuple[Page, tuple[str, ...]]) -> dict[str, Score]:
    """Every tool on one page: scores, timings and metadata checks."""
    page, tools = args
    logging.disable(logging.CRITICAL)  # readability and trafilatura log every failure
    warnings.simplefilter("ignore")
    html = page.html()
    out: dict[str, Score] = {}
    for tool in tools:
        start = time.perf_counter()
        try:
            text, meta = _run(tool, page, html)
            error = None
        except Exception as exc:  # noqa: BLE001 - any tool's exception scores 0, as the README says
            text, meta, error = None, None, f"{type(exc).__name__}: {exc}"
        seconds = time.perf_counter() - start
        score = score_page(page, text, error)
        score.seconds = seconds
        if tool == "trafilatura":
            try:
                meta = _trafilatura_meta(page, html)
            except Exception:  # noqa: BLE001 - a metadata failure counts as wrong
                meta = (None, None, None)
        if meta is not None:
            score.meta = meta_checks(page, *meta)
        out[tool] = score
    return out


def _fmt(x: float | None, pct: bool = False) -> str:
    if x is None:
        return "–"
    return f"{100 * x:.1f}%" if pct else f"{x:.3f}"


def quality_table(results: list[dict[str, Score]], tools: tuple[str, ...], sources: list[str]) -> str:
    lines = [
        "| source | tool | pages | mean P | mean R | mean F1 | median F1 | snippet acc "
        "| leaks (pages) | empty |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    groups = [(s, [r for r in results if next(iter(r.values())).source == s]) for s in sources]
    groups.append(("**overall**", results))
    for name, rows in groups:
        for tool in tools:
            sm = summarize([r[tool] for r in rows])
            leaks = (
                f"{sm['leaks']} ({sm['leak_pages']}/{sm['snippet_pages']})" if sm["snippet_pages"] else "–"
            )
            lines.append(
                f"| {name} | {tool} | {sm['pages']} | {_fmt(sm['mean_p'])} | {_fmt(sm['mean_r'])} | "
                f"{_fmt(sm['mean_f'])} | {_fmt(sm['median_f'])} | {_fmt(sm['snippet_acc'], True)} | "
                f"{leaks} | {sm['empty']} |"
            )
    return "\n".join(lines)


def _acc(scores: list[Score], field: str) -> str:
    vals = [s.meta[field] for s in scores if field in s.meta]
    return f"{100 * sum(vals) / len(vals):.1f}% ({sum(vals)}/{len(vals)})" if vals else "–"


def meta_table(results: list[dict[str, Score]], sources: list[str]) -> str:
    lines = [
        "| source | tool | exact title | title up to case/quotes | published day (page's zone) "
        "| published day (first 10 chars) | authors |",
        "|---|---|---:|---:|---:|---:|---:|",
    ]
    groups = [(s, [r for r in results if next(iter(r.values())).source == s]) for s in sources]
    groups.append(("**overall**", results))
    groups.append(
        ("**overall w/o goose3**", [r for r in results if next(iter(r.values())).source != "goose3"])
    )
    for name, rows in groups:
        for tool in ("archiver", "trafilatura"):
            scores = [r[tool] for r in rows if tool in r]
            if scores and any(s.meta for s in scores):
                lines.append(
                    f"| {name} | {tool} | {_acc(scores, 'title')} | {_acc(scores, 'title_folded')} | "
                    f"{_acc(scores, 'published')} | {_acc(scores, 'published_strict')} | "
                    f"{_acc(scores, 'authors')} |"
                )
    return "\n".join(lines)


def worst(results: list[dict[str, Score]], n: int) -> str:
    rows = sorted(
        (r["archiver"] for r in results if "archiver" in r),
        key=lambda s: (s.f if s.f is not None else 2, -s.leaks),
    )
    rows = [s for s in rows if (s.f is not None and s.f < 0.95) or s.leaks][:n]
    out = [
        f"{s.page}: P={_fmt(s.p)} R={_fmt(s.r)} F1={_fmt(s.f)} leaks={s.leaks} {s.error or ''}" for s in rows
    ]
    return "\n".join(out)


def speed(results: list[dict[str, Score]], tools: tuple[str, ...]) -> str:
    parts = []
    for tool in tools:
        total = sum(r[tool].seconds for r in results)
        parts.append(f"{tool} {len(results) / total:.1f} pages/s" if total else f"{tool} –")
    return "Extraction-call speed in this run (worker processes, indicative only): " + "; ".join(parts) + "."


def _mean(results, tool: str, source: str | None, key: str):
    rows = [r[tool] for r in results if tool in r and (source is None or r[tool].source == source)]
    return summarize(rows)[key] if rows else None


def _meta_rate(results, field: str, skip: str = "goose3") -> float | None:
    vals = [
        r["archiver"].meta[field]
        for r in results
        if "archiver" in r and field in r["archiver"].meta and r["archiver"].source != skip
    ]
    return sum(vals) / len(vals) if vals else None


def targets(results: list[dict[str, Score]], sources: list[str]) -> str:
    """The issue's targets, each checked on this run: "met" or "NOT met" with the numbers."""
    if not {"archiver", "trafilatura", "trafilatura-nocomments"} <= set(results[0]):
        return ""
    best = lambda src, key: max(
        _mean(results, t, src, key) or 0 for t in ("trafilatura", "trafilatura-nocomments")
    )
    out = []

    def line(ok: bool, text: str) -> None:
        out.append(f"- {'met' if ok else '**NOT met**'}: {text}")

    for src in [s for s in sources if s in FULL_TEXT]:
        a, t = _mean(results, "archiver", src, "mean_f"), best(src, "mean_f")
        line(a >= t, f"{src} mean F1 {a:.3f} vs trafilatura best {t:.3f}")
    a, t = _mean(results, "archiver", None, "mean_f"), best(None, "mean_f")
    line(a >= t + 0.01, f"overall mean F1 {a:.3f} vs trafilatura best {t:.3f} + 0.01")
    if "arabic" in sources:
        a, t = _mean(results, "archiver", "arabic", "mean_f"), best("arabic", "mean_f")
        line(a >= t + 0.03, f"arabic mean F1 {a:.3f} vs trafilatura best {t:.3f} + 0.03")
        rows = [r["archiver"] for r in results if r["archiver"].source == "arabic"]
        clean = sum(1 for s in rows if not s.leaks) / len(rows)
        line(clean >= 0.95, f"arabic pages without leaks {100 * clean:.1f}% (target ≥ 95%)")
    for src in [s for s in sources if s not in FULL_TEXT]:
        a, t = _mean(results, "archiver", src, "snippet_acc"), best(src, "snippet_acc")
        if a is not None:
            line(a >= t, f"{src} snippet accuracy {100 * a:.1f}% vs trafilatura best {100 * t:.1f}%")
    for field, goal, label in (
        ("title", 0.95, "exact headline (w/o goose3)"),
        ("published", 0.90, "published day in the page's own zone"),
    ):
        rate = _meta_rate(results, field)
        if rate is not None:
            strict = _meta_rate(results, "published_strict") if field == "published" else None
            extra = f"; {100 * strict:.1f}% by the first 10 characters" if strict is not None else ""
            line(rate >= goal, f"{label} {100 * rate:.1f}% (target ≥ {100 * goal:.0f}%{extra})")
    return "Targets of issue 3, checked on this run:\n\n" + "\n".join(out)


_SIGNALS = ("og:title", "ld:headline", "first h1", "<title>", "<title> minus site", "any h1/h2")


def title_signals(page: Page) -> tuple[str, dict[str, bool]] | None:
    """Which single headline signal equals the ground-truth title on one page (exact, NFC)."""
    from archiver.extract import headline as h
    from archiver.extract import metadata as m
    from archiver.extract.parse import parse_html

    want = page.meta.get("title")
    if not want:
        return None
    root = parse_html(page.html().decode("utf-8", "replace"))
    meta, ld = m._meta(root), m.jsonld_article(root)
    headings, _ = h._headings(root)
    h1, title = next(root.iter("h1"), None), root.find(".//title")
    raw = m.text_of(title) if title is not None else None
    ld_headline = m._names(ld.get("headline"))
    found = dict(
        zip(
            _SIGNALS,
            (
                meta.get("og:title"),
                ld_headline[0] if ld_headline else None,
                h._seen_text(h1) if h1 is not None else None,
                raw,
                h._from_title_element(raw, headings, meta.get("og:site_name")) if raw else None,
            ),
        )
    )
    norm = lambda t: " ".join(unicodedata.normalize("NFC", t or "").split())
    hits = {k: norm(v) == norm(want) for k, v in found.items()}
    # a heading as seen, or without a leading kicker element (as archiver reads headings)
    hits["any h1/h2"] = norm(want) in {
        norm(f(e)) for e in root.iter("h1", "h2") for f in (h._seen_text, h._heading_text)
    }
    return page.source, hits


def signals_table(pages: list[Page], jobs: int) -> str:
    """Exact-title rate of each single signal, per source (goose3 left out, as for the target)."""
    pages = [p for p in pages if p.source != "goose3"]
    with Pool(jobs) as pool:
        rows = [r for r in pool.map(title_signals, pages, chunksize=4) if r]
    cols = (*_SIGNALS, "any of these")
    rows = [(s, {**d, "any of these": any(d.values())}) for s, d in rows]
    lines = ["| source | pages | " + " | ".join(cols) + " |", "|---|---:|" + "---:|" * len(cols)]
    for src in sorted({s for s, _ in rows}) + [None]:
        sel = [d for s, d in rows if src is None or s == src]
        lines.append(
            f"| {src or '**all**'} | {len(sel)} | "
            + " | ".join(f"{100 * sum(d[k] for d in sel) / len(sel):.1f}%" for k in cols)
            + " |"
        )
    return "\n".join(lines)


def write_section(path: Path, body: str) -> None:
    """Replace (or append) this issue's section of RESULTS.md, leaving other sections alone."""
    text = path.read_text("utf-8") if path.exists() else "# Benchmark results\n"
    start = text.find(SECTION)
    if start == -1:
        text = text.rstrip("\n") + "\n\n" + body + "\n"
    else:
        end = text.find("\n## ", start + len(SECTION))
        text = text[:start] + body + ("\n\n" + text[end + 1 :] if end != -1 else "\n")
    path.write_text(text, "utf-8")


def run_folds(args, sources: list[str] | None) -> int:
    """``--folds K``: every page of both corpora, archiver beside the cached peers, by fold."""
    import folds

    pages = [p for p in folds.all_pages() if sources is None or p.source in sources]
    if args.limit:
        seen: dict[str, int] = {}
        pages = [
            p
            for p in pages
            if seen.setdefault(p.source, 0) < args.limit
            and not seen.__setitem__(p.source, seen[p.source] + 1)
        ]
    tools = ("archiver", *folds.PEERS)
    work = [(p, args.folds, tools) for p in pages]
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            rows = pool.map(folds.evaluate_row, work, chunksize=8)
    else:
        rows = [folds.evaluate_row(w) for w in work]
    folds.write_scores(rows, args.scores or folds.OUT / "folds-archiver.tsv")
    print(folds.report(rows, tools, args.folds))
    return 0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--sources", default=",".join(DEFAULT_SOURCES), help="comma-separated sources")
    ap.add_argument("--limit", type=int, default=None, help="at most N pages per source")
    ap.add_argument("--tools", default=",".join(TOOLS), help="comma-separated: " + ",".join(TOOLS))
    ap.add_argument("--jobs", type=int, default=2, help="worker processes (pages are split across them)")
    ap.add_argument("--worst", type=int, default=0, help="list archiver's N worst pages")
    ap.add_argument("--results", type=Path, default=None, help="write the table into this RESULTS.md")
    ap.add_argument(
        "--folds",
        type=int,
        default=0,
        help="K site-disjoint folds over corpus + corpus-extra, beside cached peers (bench/folds.py)",
    )
    ap.add_argument("--scores", type=Path, default=None, help="--folds: per-page scores TSV (bench/out/)")
    ap.add_argument(
        "--title-signals",
        action="store_true",
        help="only print how often each single headline signal equals the ground truth",
    )
    args = ap.parse_args(argv)
    sources = [s for s in args.sources.split(",") if s]
    tools = tuple(t for t in args.tools.split(",") if t)
    if not args.corpus.exists():
        print(f"corpus not found at {args.corpus}", file=sys.stderr)
        return 2
    if args.folds:
        return run_folds(args, sources if "--sources" in (argv or sys.argv) else None)
    pages = load_pages(args.corpus, tuple(sources), args.limit)
    if args.title_signals:
        print(signals_table(pages, max(1, args.jobs)))
        return 0
    work = [(p, tools) for p in pages]
    if args.jobs > 1:
        with Pool(args.jobs) as pool:
            results = pool.map(evaluate, work, chunksize=4)
    else:
        results = [evaluate(w) for w in work]
    sources = [s for s in sources if any(p.source == s for p in pages)]
    cmd = "python bench/quality.py " + " ".join(argv if argv is not None else sys.argv[1:])
    body = "\n\n".join(
        [
            SECTION,
            f"Command: `{cmd.strip()}` — run {_dt.date.today().isoformat()}, {len(pages)} pages. "
            "Full-text sources (token P/R/F1 vs expected.txt): "
            f"{', '.join(s for s in sources if s in FULL_TEXT)}; "
            "snippet sources: pages with with.json/without.json. Output = body text without the headline "
            "(every source's ground truth excludes it).",
            quality_table(results, tools, sources),
            "Metadata accuracy on pages whose meta.json has the field (goose3 titles are goose3's own "
            "`<title>` text, site name included, so the headline target is read on the row without goose3):",
            meta_table(results, sources),
            "Single headline signals: how often each one alone equals the ground-truth title (exact, "
            "NFC), same pages (`python bench/quality.py --title-signals`):",
            signals_table(pages, max(1, args.jobs)),
            targets(results, sources),
            speed(results, tools),
            NOTES,
        ]
    )
    print(body)
    if args.worst and "archiver" in tools:
        print("\nWorst archiver pages:\n" + worst(results, args.worst))
    if args.results:
        write_section(args.results, body)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
