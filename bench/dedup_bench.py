"""Near-duplicate groups (``archiver dedup``): precision and recall on a labelled set built from
corpus pages, and time and peak memory for 100,000 synthetic documents.

Labelled set: every corpus article with ground truth (``expected.txt``) of at least 80 words
(sources arabic, fundus, newspaper4k) becomes three pages, each rebuilt as HTML and cleaned by the
real pipeline: the article under the chrome of one site, the same article under the chrome of
another site (syndication), and a recapture under the first site's chrome with small edits (about
2% of the words replaced, one sentence added at the end, a different "most read" list). Chrome
lines are the hand-picked visible chrome of the corpus (``without.json`` of arabic and
trafilatura pages), grouped into fake sites. Positives: pairs of pages of the same article;
negatives: every other pair (different articles, many of one site and one chrome). Pairs of
distinct corpus articles that are themselves near-identical (true word-shingle Jaccard >= 0.5)
are left out of the scoring and counted.

    PYTHONPATH=. python bench/dedup_bench.py            # prints a Markdown section
    PYTHONPATH=. python bench/dedup_bench.py --scale 100000
"""

from __future__ import annotations

import argparse
import html
import itertools
import json
import random
import resource
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import CORPUS, load_pages

import archiver
from archiver.crawl.dedup import group_documents
from archiver.crawl.groups import DedupItem
from archiver.crawl.shingles import folded_words, shingle_hashes

SOURCES = ("arabic", "fundus", "newspaper4k")
MIN_WORDS = 80


def chrome_sites(n_sites: int = 12, per_site: int = 10) -> list[list[str]]:
    """Fake sites, each a fixed list of real chrome lines from the corpus."""
    lines = sorted(
        {
            s
            for src in ("arabic", "trafilatura")
            for p in (CORPUS / src).iterdir()
            if (p / "without.json").is_file()
            for s in json.loads((p / "without.json").read_text("utf-8"))
            if 3 <= len(s) <= 120
        }
    )
    rng = random.Random(7)
    return [rng.sample(lines, per_site) for _ in range(n_sites)]


def page_html(title: str, paragraphs: list[str], chrome: list[str], most_read: list[str], lang: str) -> str:
    esc = html.escape
    nav = "".join(f'<li><a href="/s/{i}">{esc(c)}</a></li>' for i, c in enumerate(chrome[:5]))
    side = "".join(f'<li><a href="/a/{i}">{esc(t)}</a></li>' for i, t in enumerate(most_read))
    foot = "".join(f"<p>{esc(c)}</p>" for c in chrome[5:])
    body = "".join(f"<p>{esc(p)}</p>" for p in paragraphs)
    return (
        f'<!DOCTYPE html><html lang="{lang}"><head><meta charset="utf-8"><title>{esc(title)}</title></head>'
        f"<body><nav><ul>{nav}</ul></nav><article><h1>{esc(title)}</h1>{body}</article>"
        f"<aside><h3>{esc(chrome[0])}</h3><ul>{side}</ul></aside><footer>{foot}</footer></body></html>"
    )


def _edit(paragraphs: list[str], rng: random.Random) -> list[str]:
    out = []
    for p in paragraphs:
        words = p.split()
        for _ in range(max(0, len(words) // 50)):
            words[rng.randrange(len(words))] = rng.choice(("update", "تحديث", "edited", "2021"))
        out.append(" ".join(words))
    return out + ["Updated with new information. تم تحديث هذا الخبر."]


def labelled_set() -> tuple[list[DedupItem], dict[str, int], list[str]]:
    """The cleaned pages as dedup items, each page's article number, and the article texts."""
    sites = chrome_sites()
    pages = [p for p in load_pages(CORPUS, SOURCES) if p.expected and len(p.expected.split()) >= MIN_WORDS]
    items, article, texts = [], {}, []
    titles = [p.meta.get("title") or p.name for p in pages]
    for n, page in enumerate(pages):
        rng = random.Random(n)
        paras = [ln for ln in page.expected.splitlines() if ln.strip()]
        lang = page.meta.get("lang") or "en"
        x, y = rng.sample(range(len(sites)), 2)
        read = lambda k, n=n: [titles[(n + k + j) % len(titles)] for j in range(1, 6)]
        variants = [
            (sites[x], paras, read(0)),
            (sites[y], paras, read(7)),
            (sites[x], _edit(paras, rng), read(13)),
        ]
        texts.append(" ".join(paras))
        for v, (chrome, body, most) in enumerate(variants):
            doc = archiver.clean(
                page_html(titles[n], body, chrome, most, lang), url=f"https://site{v}.test/{n}"
            )
            doc_id = f"{n:04d}-{v}"
            items.append(DedupItem(doc_id, doc.text, doc.language, f"2020-01-0{v + 1}"))
            article[doc_id] = n
    return items, article, texts


def _jaccard(a: set[int], b: set[int]) -> float:
    return len(a & b) / len(a | b) if a | b else 0.0


def ambiguous_articles(texts: list[str]) -> set[frozenset[int]]:
    """Pairs of distinct corpus articles whose texts are near-identical (true Jaccard >= 0.5)."""
    shingles = [set(shingle_hashes(folded_words(t))) for t in texts]
    return {
        frozenset((i, j))
        for i, j in itertools.combinations(range(len(texts)), 2)
        if _jaccard(shingles[i], shingles[j]) >= 0.5
    }


def quality() -> str:
    t0 = time.process_time()
    items, article, texts = labelled_set()
    t_build = time.process_time() - t0
    same = ambiguous_articles(texts)
    t1 = time.process_time()
    groups = group_documents(items)
    t_group = time.process_time() - t1
    predicted = {frozenset((a.id, b.id)) for g in groups for a, b in itertools.combinations(g.members, 2)}
    ids = sorted(article)
    tp = fp = fn = skipped = 0
    for a, b in itertools.combinations(ids, 2):
        pa, pb = article[a], article[b]
        if pa != pb and frozenset((pa, pb)) in same:
            skipped += 1
            continue
        hit = frozenset((a, b)) in predicted
        if pa == pb:
            tp, fn = tp + hit, fn + (not hit)
        else:
            fp += hit
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    missed = sorted(
        {
            article[a]
            for a, b in itertools.combinations(ids, 2)
            if article[a] == article[b] and frozenset((a, b)) not in predicted
        }
    )
    negatives = len(ids) * (len(ids) - 1) // 2 - tp - fn - skipped
    return (
        f"Labelled set: {len(texts)} corpus articles ({', '.join(SOURCES)}; >= {MIN_WORDS} words) "
        f"x 3 cleaned pages = {len(items)} documents; {tp + fn} positive pairs, {negatives} "
        f"negative pairs ({skipped} pairs of distinct but near-identical corpus articles left out).\n\n"
        f"| precision | recall | TP | FP | FN | groups | articles with a missed pair |\n"
        f"|---:|---:|---:|---:|---:|---:|---:|\n"
        f"| {precision:.4f} | {recall:.4f} | {tp} | {fp} | {fn} | {len(groups)} | {len(missed)} |\n\n"
        f"CPU: building and cleaning the pages {t_build:.1f} s, grouping {t_group:.2f} s."
    )


def synthetic(n: int, seed: int = 3) -> itertools.Iterator[DedupItem]:
    """``n`` documents of 250 words drawn from a 50,000-word Zipf-like vocabulary; every tenth is
    followed by an edited copy (generated lazily: the input never sits in memory)."""
    rng = random.Random(seed)
    vocab = [
        "".join(rng.choice("ابتثجحخدذرزسشصضطظعغفقكلمنهوي") for _ in range(rng.randint(2, 8)))
        for _ in range(50_000)
    ]
    weights = list(itertools.accumulate(1 / (r + 1) for r in range(len(vocab))))
    made = 0
    while made < n:
        words = rng.choices(vocab, cum_weights=weights, k=250)
        yield DedupItem(f"s{made:07d}", " ".join(words), "ar", "")
        made += 1
        if made % 10 == 1 and made < n:
            copy = words[:]
            for _ in range(5):
                copy[rng.randrange(len(copy))] = rng.choice(vocab)
            yield DedupItem(f"s{made:07d}", " ".join(copy), "ar", "")
            made += 1


def scale(n: int) -> str:
    rss0 = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    t0 = time.process_time()
    groups = group_documents(synthetic(n))
    seconds = time.process_time() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return (
        f"{n:,} synthetic documents (250 words, one in ten followed by a 5-word-edited copy): "
        f"{len(groups):,} groups in {seconds:.1f} s CPU on one core; peak RSS {rss / 1024:.0f} MiB "
        f"({rss0 / 1024:.0f} MiB before grouping; documents generated lazily)."
    )


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scale", type=int, default=100_000, help="synthetic documents (0: skip)")
    ap.add_argument("--no-quality", action="store_true")
    args = ap.parse_args()
    if not args.no_quality:
        print(quality())
    if args.scale:
        print()
        print(scale(args.scale))


if __name__ == "__main__":
    main()
