"""Site boilerplate (``clean --site-boilerplate``) on the Arabic crawl: quality with and without it.

Each scored page of ../shared/corpus/arabic is cleaned together with the pages of its site in
../shared/crawl/arabic (351 pages of the same 16 sites; 17 of them are scored pages themselves,
counted once by URL): a site profile is built from their fingerprints
(:func:`archiver.crawl.profile.build_profiles`, default thresholds), then the page's Document goes
through the post-pass. The fingerprints are the ones `clean` makes in its first pass
(:func:`archiver.crawl.prints.page_fingerprint`: decoded and parsed, not cleaned), and the first
pass's CPU time is reported as a share of the cleaning's. Scores as the corpus README says
(bag-of-tokens F1 against expected.txt, without.json leaks), beside trafilatura's plain-text
extract. Then the whole crawl: status counts with and without, and what the profiles cut per site.

    PYTHONPATH=. python bench/boilerplate_bench.py            # prints a Markdown section
"""

from __future__ import annotations

import gzip
import logging
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from corpus import CORPUS, load_pages, score_page

from archiver.config import DEFAULT
from archiver.crawl.prints import page_fingerprint
from archiver.crawl.profile import SiteProfiles, build_profiles, host_of
from archiver.model import RawPage, Source
from archiver.pipeline import process

CRAWL = CORPUS.parent / "crawl" / "arabic"


def _page(data: bytes, url: str | None, path: str) -> RawPage:
    return RawPage(data, Source(kind="auto", url=url, path=path))


def _clean(page: RawPage):
    try:
        return process(page, DEFAULT)
    except Exception as exc:  # noqa: BLE001 - a crash is a result here
        return exc


def _print(page: RawPage):
    try:
        return page_fingerprint(page, DEFAULT)
    except Exception:  # noqa: BLE001 - as the first pass: no fingerprint
        return None


def crawl_pages() -> list[tuple[str, RawPage]]:
    """(site, raw page) for every crawl page, in MANIFEST order."""
    out = []
    for line in (CRAWL / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]:
        site, name, url, _ = line.split("\t")
        d = CRAWL / site.replace("/", "_") / name
        out.append((site, _page(gzip.decompress((d / "source.html.gz").read_bytes()), url, str(d))))
    return out


def _trafilatura(html: bytes, url: str | None) -> str | None:
    try:
        import trafilatura
    except ImportError:
        return None
    return trafilatura.extract(html.decode("utf-8", "replace"), url=url) or ""


def scored(prints: list[tuple[str, object]]) -> list[dict]:
    """Per scored page: F1 and leaks without and with its site's profile, and trafilatura's."""
    by_site = defaultdict(list)
    for site, fp in prints:
        by_site[site].append(fp)
    rows = []
    for page in load_pages(CORPUS, ("arabic",)):
        html = page.html()
        raw = _page(html, page.url, str(page.path))
        doc = _clean(raw)
        site = page.meta.get("site")
        profiles = SiteProfiles(build_profiles([*by_site.get(site, []), _print(raw)]))
        after = profiles.apply(doc)
        base, cut = score_page(page, doc.text), score_page(page, after.text)
        traf = _trafilatura(html, page.url)
        ts = score_page(page, traf) if traf is not None else None
        host = host_of(page.url) or ""
        rows.append(
            {
                "page": page.name,
                "site": site,
                "host_pages": profiles.hosts[host].pages if host in profiles.hosts else 0,
                "cut": len(doc.blocks) - len(after.blocks),
                "f_off": base.f,
                "f_on": cut.f,
                "leaks_off": base.leaks,
                "leaks_on": cut.leaks,
                "f_traf": ts.f if ts else None,
                "leaks_traf": ts.leaks if ts else None,
            }
        )
    return rows


def whole_crawl(
    crawl: list[tuple[str, object]], prints: list[tuple[str, object]]
) -> tuple[Counter, Counter, dict]:
    docs = [(site, d) for site, d in crawl if not isinstance(d, Exception)]
    t0 = time.process_time()
    profiles = SiteProfiles(build_profiles(fp for _, fp in prints))
    failed = len(crawl) - len(docs)
    before, after, cuts = Counter(d.status for _, d in docs), Counter(), defaultdict(Counter)
    before["failed"] = after["failed"] = failed
    for site, d in docs:
        a = profiles.apply(d)
        after[a.status] += 1
        for r in a.removed[len(d.removed) :]:
            cuts[site][r.role] += 1
    return before, after, {"profiles": profiles, "cuts": cuts, "cpu": time.process_time() - t0}


def _f(x) -> str:
    return "—" if x is None else f"{x:.3f}"


def report() -> str:
    logging.disable(logging.CRITICAL)
    pages = crawl_pages()
    t0 = time.process_time()
    crawl = [(site, _clean(p)) for site, p in pages]
    t_clean = time.process_time() - t0
    t0 = time.process_time()
    prints = [(site, _print(p)) for site, p in pages]
    t_first = time.process_time() - t0
    rows = scored(prints)
    lines = [
        "| page | site | host pages | blocks cut | F1 off | F1 on | leaks off | leaks on "
        "| trafilatura F1 | trafilatura leaks |",
        "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['page']} | {r['site']} | {r['host_pages']} | {r['cut']} "
            f"| {_f(r['f_off'])} | {_f(r['f_on'])} "
            f"| {r['leaks_off']} | {r['leaks_on']} | {_f(r['f_traf'])} | {r['leaks_traf']} |"
        )
    mean = lambda k: statistics.fmean(r[k] for r in rows if r[k] is not None)
    worse = sum(1 for r in rows if r["f_on"] < r["f_off"] - 1e-9)
    lines += [
        "",
        f"Mean F1: off {mean('f_off'):.4f}, on {mean('f_on'):.4f}, trafilatura {mean('f_traf'):.4f}; "
        f"leaks: off {sum(r['leaks_off'] for r in rows)}, on {sum(r['leaks_on'] for r in rows)}, "
        f"trafilatura {sum(r['leaks_traf'] or 0 for r in rows)}; "
        f"pages whose F1 is lower with profiles: {worse}.",
    ]
    before, after, info = whole_crawl(crawl, prints)
    lines += [
        "",
        f"Whole crawl ({len(crawl)} pages): status without {dict(sorted(before.items()))}, "
        f"with {dict(sorted(after.items()))}; {len(info['profiles'].hosts)} hosts with a profile "
        f"(N = 5 pages), {sum(len(p.chrome) for p in info['profiles'].hosts.values())} repeated texts. "
        f"CPU: cleaning {t_clean:.2f} s; first pass (decode, parse, block-text keys) {t_first:.2f} s "
        f"= {t_first / t_clean:.1%} of the cleaning; profiles + post-pass {info['cpu']:.2f} s.",
        "",
        "| site | blocks cut by role |",
        "|---|---|",
    ]
    for site, roles in sorted(info["cuts"].items()):
        lines.append(f"| {site} | {', '.join(f'{k} {v}' for k, v in sorted(roles.items()))} |")
    return "\n".join(lines)


if __name__ == "__main__":
    print(report())
