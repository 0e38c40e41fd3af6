"""Site-disjoint folds for extraction quality (issue 12): ``python bench/quality.py --folds 5``.

Every page of ../shared/corpus (full-text and snippet sources) and ../shared/corpus-extra is
given a *site key* — the publisher's registrable domain, read from ``meta.json`` (``site``,
``url``), else from the page itself (canonical link, og:url, <base>, else the host most of its
absolute links point to), else the page's own name — and each site goes to fold
``sha1(site) mod K``. The split is deterministic and no site spans two folds, so a cue that
helps the folds it was designed on but costs the others shows up as a weak worst fold.

Peers (trafilatura without comments, readability-lxml) are run once per page and cached under
``bench/out/peers/<tool>/<source>/<name>.txt`` (gitignored); archiver is re-run every time and
its per-page scores are written to ``bench/out/folds-archiver.tsv`` so two runs can be diffed.
"""

from __future__ import annotations

import hashlib
import json
import re
import statistics
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from corpus import CORPUS, Page, Score, load_pages, score_page

EXTRA = CORPUS.parent / "corpus-extra"
OUT = Path(__file__).resolve().parent / "out"
PEERS = ("trafilatura-nocomments", "readability")
MAIN_SOURCES = ("arabic", "fundus", "newspaper3k", "newspaper4k", "goose3", "trafilatura")
_SLD = {"co", "com", "org", "net", "gov", "ac", "edu", "ne", "or", "go"}
_HREF = re.compile(rb"""(?:href|src)\s*=\s*["']?https?://([A-Za-z0-9.-]+)""", re.I)
_CANON = re.compile(
    rb"""<link[^>]+rel=["']?canonical["']?[^>]*href=["']?https?://([A-Za-z0-9.-]+)"""
    rb"""|<meta[^>]+og:url["']?[^>]*content=["']?https?://([A-Za-z0-9.-]+)"""
    rb"""|<base[^>]+href=["']?https?://([A-Za-z0-9.-]+)""",
    re.I,
)
_SHARE = (
    "facebook.",
    "twitter.",
    "google",
    "doubleclick",
    "addthis",
    "w3.org",
    "youtube.",
    "gstatic",
    "linkedin.",
    "pinterest.",
    "amazon",
    "yimg.",
    "akamai",
    "cloudfront",
    "wp.com",
)


def registrable(host: str) -> str:
    """The publisher part of a host: the last two labels, three under co.uk-style suffixes."""
    labels = [x for x in host.lower().strip(".").split(".") if x]
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SLD:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


def _host_from_html(html: bytes) -> str | None:
    head = html[:200_000]
    m = _CANON.search(head)
    if m:
        return next(g for g in m.groups() if g).decode("ascii", "replace")
    hosts = Counter(registrable(h.decode("ascii", "replace")) for h in _HREF.findall(head))
    for host, _ in hosts.most_common():
        if host and not any(s in host for s in _SHARE):
            return host
    return None


def site_key(page: Page) -> str:
    """The page's publisher, as defined in the module docstring."""
    site = page.meta.get("site")
    if site:
        return registrable(str(site).split("/")[0])
    url = page.meta.get("url")
    if url and urlsplit(url).hostname:
        return registrable(urlsplit(url).hostname)
    host = _host_from_html(page.html())
    return registrable(host) if host else f"{page.source}/{page.name}"


def fold_of(site: str, k: int) -> int:
    return int(hashlib.sha1(site.encode("utf-8")).hexdigest()[:8], 16) % k


def all_pages() -> list[Page]:
    """Every scored page of both corpora (fixture sources left out)."""
    pages = load_pages(CORPUS, MAIN_SOURCES)
    if EXTRA.exists():
        names = sorted(
            {ln.split("\t")[0] for ln in (EXTRA / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]}
        )
        pages += load_pages(EXTRA, tuple(names))
    return pages


def _cache_path(tool: str, page: Page) -> Path:
    return OUT / "peers" / tool / page.source / f"{page.name}.json"


def peer_output(tool: str, page: Page) -> tuple[str | None, str | None]:
    """(text, error) of a peer on a page, from the cache or computed and cached."""
    path = _cache_path(tool, page)
    if path.exists():
        d = json.loads(path.read_text("utf-8"))
        return d["text"], d["error"]
    from quality import _run  # the same call quality.py makes

    try:
        text, error = _run(tool, page, page.html())[0], None
    except Exception as exc:  # noqa: BLE001 - an exception scores 0
        text, error = None, f"{type(exc).__name__}: {exc}"
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps({"text": text, "error": error}, ensure_ascii=False), "utf-8")
    tmp.replace(path)
    return text, error


@dataclass(frozen=True)
class Row:
    page: Page
    site: str
    fold: int
    scores: dict  # tool -> Score


def evaluate_row(args) -> Row:
    import logging
    import warnings

    page, k, tools = args
    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    site = site_key(page)
    scores = {}
    for tool in tools:
        if tool == "archiver":
            from quality import _archiver

            try:
                text, error = _archiver(page, page.html())[0], None
            except Exception as exc:  # noqa: BLE001
                text, error = None, f"{type(exc).__name__}: {exc}"
        else:
            text, error = peer_output(tool, page)
        scores[tool] = score_page(page, text, error)
    return Row(page, site, fold_of(site, k), scores)


def _f(x) -> str:
    return "–" if x is None else f"{x:.3f}"


def _stats(scores: list[Score]) -> dict:
    fs = [s.f for s in scores if s.f is not None]
    tot = sum(s.total for s in scores)
    return {
        "n": len(scores),
        "mean": statistics.fmean(fs) if fs else None,
        "u05": sum(f < 0.5 for f in fs),
        "u02": sum(f < 0.2 for f in fs),
        "empty": sum(s.empty for s in scores if s.f is not None),
        "acc": sum(s.correct for s in scores) / tot if tot else None,
    }


def report(rows: list[Row], tools: tuple[str, ...], k: int) -> str:
    """Per source, per fold and the worst fold, each tool side by side."""
    head = (
        "| {} | pages | "
        + " | ".join(f"{t} F1 | <0.5 | <0.2" for t in tools)
        + " | snippet acc ("
        + ", ".join(tools)
        + ") |"
    )
    sep = "|---|---:|" + "---:|---:|---:|" * len(tools) + "---|"

    def line(name: str, sel: list[Row]) -> str:
        st = {t: _stats([r.scores[t] for r in sel]) for t in tools}
        n = st[tools[0]]["n"]
        cells = " | ".join(f"{_f(st[t]['mean'])} | {st[t]['u05']} | {st[t]['u02']}" for t in tools)
        acc = ", ".join("–" if st[t]["acc"] is None else f"{100 * st[t]['acc']:.1f}%" for t in tools)
        return f"| {name} | {n} | {cells} | {acc} |"

    sources = list(dict.fromkeys(r.page.source for r in rows))
    out = [head.format("source"), sep] + [line(s, [r for r in rows if r.page.source == s]) for s in sources]
    out.append(line("**all**", rows))
    sites = {f: len({r.site for r in rows if r.fold == f}) for f in range(k)}
    out += ["", head.format("fold (sites)"), sep]
    means = {}
    for f in range(k):
        sel = [r for r in rows if r.fold == f]
        means[f] = _stats([r.scores["archiver"] for r in sel])["mean"] if "archiver" in tools else 0
        out.append(line(f"fold {f} ({sites[f]})", sel))
    worst = min(means, key=lambda f: means[f] if means[f] is not None else 2)
    out.append(line(f"**worst fold: {worst}**", [r for r in rows if r.fold == worst]))
    return "\n".join(out)


def write_scores(rows: list[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = ["page\tsite\tfold\t" + "\t".join(f"{t}_f\t{t}_r" for t in rows[0].scores)]
    for r in rows:
        cells = "\t".join(f"{_f(s.f)}\t{_f(s.r)}" for s in r.scores.values())
        lines.append(f"{r.page.key}\t{r.site}\t{r.fold}\t{cells}")
    path.write_text("\n".join(lines) + "\n", "utf-8")


def _fill(page: Page) -> None:
    import logging
    import warnings

    logging.disable(logging.CRITICAL)
    warnings.simplefilter("ignore")
    for tool in PEERS:
        peer_output(tool, page)
    site_key(page)


if __name__ == "__main__":  # fill the peer cache once: python bench/folds.py [jobs]
    import sys
    from multiprocessing import Pool

    with Pool(int(sys.argv[1]) if len(sys.argv) > 1 else 1) as pool:
        pool.map(_fill, all_pages(), chunksize=8)
