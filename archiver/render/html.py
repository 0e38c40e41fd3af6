"""The HTML reading copy (DESIGN.md §6): one self-contained page per document plus an index.

Every page has ``<html lang dir>``, ``lang``/``dir`` on every block (and on inline runs, through
:func:`archiver.render.inline.render_inline`), ``text-align: start``, inline CSS only, no scripts,
no remote resources (a Content-Security-Policy forbids both), and every string from a page escaped.
Link targets pass :func:`archiver.render.urls.safe_url`. Output is deterministic.

The index is sortable (by date, title, language, site) and filterable by language without
JavaScript: every (language, order) pair is a pre-rendered page, linked from each other.
"""

from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from ..model import Block, Document, Removed
from .inline import first_strong_dir, render_inline
from .labels import labels_for, readable_date
from .urls import safe_url

CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"
CSS = """\
:root { color-scheme: light; }
body { font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif;
  line-height: 1.6; max-width: 46rem; margin: 2rem auto; padding: 0 1rem; \
color: #1b1b1b; background: #fdfdfb; }
h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre, td, th, dd, dt { text-align: start; }
blockquote { border-inline-start: 3px solid #bbb; margin-inline: 0; padding-inline-start: 1rem; color: #444; }
pre { white-space: pre-wrap; background: #f3f3f0; padding: .5rem; }
table { border-collapse: collapse; } td, th { border: 1px solid #ccc; padding: .2rem .4rem; }
.meta { color: #555; font-size: .9rem; } .meta dt { font-weight: bold; } \
.meta dd { margin-inline-start: 1rem; }
.caption { color: #555; font-size: .9rem; }
details { margin-top: 2rem; color: #555; font-size: .9rem; }
nav a { margin-inline-end: .8rem; } nav .current { font-weight: bold; }
.cite { border-block: 1px solid #ddd; padding-block: .4rem; margin-block: 1rem; }
.meta dd { overflow-wrap: anywhere; } time { white-space: nowrap; }
.counts { display: inline-block; vertical-align: top; margin-inline-end: 2rem; }
[dir=rtl], :lang(ar), :lang(fa), :lang(ur), :lang(ps), :lang(ckb), :lang(und-Arab) {
  font-family: "Noto Naskh Arabic", "Noto Sans Arabic", "Amiri", "DejaVu Sans", sans-serif; }
:lang(ur) { font-family: "Noto Nastaliq Urdu", "Noto Naskh Arabic", "Noto Sans Arabic", "DejaVu Sans",
  sans-serif; }
[dir=ltr], :lang(en), :lang(fr), :lang(und-Latn), :lang(zxx) {
  font-family: "Noto Sans", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
"""
_FILE_SAFE = re.compile(r"[^A-Za-z0-9-]")
_HEAD_TAGS = {1: "h2", 2: "h2", 3: "h3", 4: "h4", 5: "h5", 6: "h6"}


def esc(text: object) -> str:
    """Escape any page string for HTML text and attribute values."""
    return html.escape("" if text is None else str(text), quote=True)


def _attrs(lang: str, direction: str) -> str:
    return f' lang="{esc(lang)}" dir="{esc(direction if direction in ("ltr", "rtl") else "auto")}"'


def page_shell(title: str, lang: str, direction: str, body: str) -> str:
    """A complete page: doctype, CSP, inline CSS, ``<html lang dir>``."""
    return (
        f'<!DOCTYPE html>\n<html{_attrs(lang, direction)}>\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="referrer" content="no-referrer">\n'
        f"<title>{esc(title)}</title>\n<style>\n{CSS}</style>\n</head>\n<body>\n{body}</body>\n</html>\n"
    )


def _inline(block: Block) -> str:
    return render_inline(block, html_mode=True)


def _table(block: Block, attrs: str) -> str:
    if not block.cells:
        return f"<p{attrs}>{_inline(block)}</p>"
    rows = "".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>\n" for row in block.cells)
    return f"<table{attrs}>\n{rows}</table>"


def render_block(block: Block) -> str:
    """One block as HTML with its own ``lang`` and ``dir``."""
    attrs = _attrs(block.lang, block.dir)
    role = block.role
    if role == "heading":
        tag = _HEAD_TAGS.get(block.level or 2, "h2")
        return f"<{tag}{attrs}>{_inline(block)}</{tag}>"
    if role == "list_item":
        return f"<li{attrs}>{_inline(block)}</li>"
    if role == "quote":
        return f"<blockquote{attrs}><p>{_inline(block)}</p></blockquote>"
    if role == "code":
        return f"<pre{attrs}><code>{esc(block.text)}</code></pre>"
    if role == "table":
        return _table(block, attrs)
    if role == "caption":
        return f'<p class="caption"{attrs}>{_inline(block)}</p>'
    return f"<p{attrs}>{_inline(block)}</p>"


def render_blocks(blocks: Iterable[Block]) -> str:
    """Blocks in order; consecutive list items are grouped into ``<ul>``/``<ol>``."""
    out: list[str] = []
    open_list: str | None = None
    for block in blocks:
        want = ("ol" if block.ordered else "ul") if block.role == "list_item" else None
        if open_list and want != open_list:
            out.append(f"</{open_list}>")
            open_list = None
        if want and not open_list:
            out.append(f"<{want}>")
            open_list = want
        out.append(render_block(block))
    if open_list:
        out.append(f"</{open_list}>")
    return "\n".join(out) + ("\n" if out else "")


def text_attrs(text: str, doc_lang: str, doc_dir: str) -> str:
    """``lang``/``dir`` for a metadata string: the document's, unless its script says otherwise."""
    strong = first_strong_dir(text)
    if strong is None or strong == doc_dir:
        return _attrs(doc_lang, doc_dir)
    return _attrs("und-Arab" if strong == "rtl" else "und-Latn", strong)


def _time(value: str, lang: str) -> str:
    return f'<time datetime="{esc(value)}">{esc(readable_date(value, lang))}</time>'


def _link(url: str) -> str:
    href = safe_url(url)
    return f'<a href="{esc(href)}">{esc(url)}</a>' if href else esc(url)


def _record_links(doc: Document, markdown: bool) -> str:
    links = [f'<a href="../json/{esc(doc.id)}.json" type="application/json">JSON</a>']
    if markdown:
        links.append(f'<a href="../markdown/{esc(doc.id)}.md" type="text/markdown">Markdown</a>')
    return " · ".join(links)


def _header(doc: Document, markdown: bool) -> str:
    """The citation header: where the page was and when, who wrote it, and the record's files;
    labels in the document's language (English when the table has none) and direction."""
    md = doc.metadata
    lang, direction, words = labels_for(doc.language)
    canonical = md.canonical_url if md.canonical_url and md.canonical_url != doc.url else None
    comma = "، " if direction == "rtl" else ", "
    texts = [("site", md.site_name), ("authors", comma.join(md.authors))]
    dates = [("published", md.published), ("modified", md.modified), ("captured", doc.source.captured)]
    codes = [("language", doc.language), ("page_language", doc.page_language), ("sha256", doc.source.sha256)]
    rows = [
        f"<dt>{esc(words[k])}</dt><dd{text_attrs(v, lang, direction)}>{esc(v)}</dd>\n" for k, v in texts if v
    ]
    rows += [f"<dt>{esc(words[k])}</dt><dd>{_time(v, lang)}</dd>\n" for k, v in dates if v]
    rows += [
        f'<dt>{esc(words[k])}</dt><dd dir="ltr" translate="no">{_link(v)}</dd>\n'
        for k, v in (("url", doc.url), ("canonical", canonical))
        if v
    ]
    rows.append(
        f'<dt>{esc(words["record"])}</dt><dd dir="ltr" translate="no">{_record_links(doc, markdown)}</dd>\n'
    )
    rows += [f'<dt>{esc(words[k])}</dt><dd dir="ltr" translate="no">{esc(v)}</dd>\n' for k, v in codes if v]
    return (
        f'<header class="cite"{_attrs(lang, direction)}>\n<dl class="meta">\n{"".join(rows)}</dl>\n'
        "</header>\n"
    )


def _removed(items: tuple[Removed, ...], language: str | None) -> str:
    """The cuts, under a heading in the document's language; each cut's code stays as recorded."""
    if not items:
        return ""
    lang, direction, words = labels_for(language)
    lis = "".join(
        f"<li{_attrs(r.lang, r.dir)}>{esc(r.text)} "
        f'<small lang="en" dir="ltr">({esc(r.role)}: {esc(r.reason)})</small></li>\n'
        for r in items
    )
    return (
        f"<details{_attrs(lang, direction)}><summary>{esc(words['removed'])} ({len(items)})</summary>\n"
        f"<ul>\n{lis}</ul>\n</details>\n"
    )


def document_page(doc: Document, index_href: str = "index.html", markdown: bool = True) -> str:
    """The reading copy of one document (in a bag's ``html/``; ``markdown``: whether the bag holds
    ``markdown/<id>.md``, linked from the header beside ``json/<id>.json``)."""
    title = doc.title or doc.id
    lang, direction, words = labels_for(doc.language)
    parts = [
        f'<nav{_attrs(lang, direction)}><a href="{esc(index_href)}">{esc(words["back"])}</a></nav>\n',
        f"<article{_attrs(doc.language, doc.direction)}>\n",
        f"<h1{text_attrs(title, doc.language, doc.direction)}>{esc(title)}</h1>\n",
        _header(doc, markdown),
        render_blocks(doc.blocks),
    ]
    if doc.comments:
        parts.append(
            f"<section{_attrs(lang, direction)}><h2>{esc(words['comments'])}</h2>\n"
            f"<div{_attrs(doc.language, doc.direction)}>"
            f"\n{render_blocks(doc.comments)}</div></section>\n"
        )
    parts.append("</article>\n")
    parts.append(_removed(doc.removed, doc.language))
    return page_shell(title, doc.language, doc.direction, "".join(parts))


@dataclass(frozen=True, slots=True)
class Row:
    """One line of the index: what a reader sorts and filters by, and the page it links to."""

    title: str
    published: str
    language: str
    site: str
    href: str
    direction: str = "auto"


SORTS = {"title": "Title", "date": "Date", "language": "Language", "site": "Site"}  # column order


def _sort_key(order: str):
    if order == "date":
        return lambda r: ("" if r.published else "~", _neg(r.published), r.title, r.href)
    field = {"title": "title", "language": "language", "site": "site"}[order]
    return lambda r: (
        getattr(r, field).casefold() or "\uffff",
        "" if r.published else "~",
        _neg(r.published),
        r.href,
    )


def _neg(text: str) -> str:
    """A string that sorts in reverse of ``text`` (newest date first)."""
    return "".join(chr(0x10FFFF - ord(c)) for c in text)


PAGE_ROWS = 500


def index_name(lang: str | None, order: str, page: int = 1) -> str:
    """The file name of an index page: language filter (None: all), order, page number (from 1)."""
    suffix = f"-p{page}" if page > 1 else ""
    if lang is None and order == "date":
        return f"index{suffix}.html"
    safe = _FILE_SAFE.sub("_", lang) if lang else "all"
    return f"index-{safe}-{order}{suffix}.html"


def _nav(langs: list[str], lang: str | None, order: str) -> str:
    def link(target_lang: str | None, target_order: str, label: str, current: bool) -> str:
        cls = ' class="current" aria-current="page"' if current else ""
        return f'<a href="{esc(index_name(target_lang, target_order))}"{cls}>{esc(label)}</a>'

    filters = [link(None, order, "All languages", lang is None)]
    filters += [link(code, order, code, code == lang) for code in langs]
    sorts = [link(lang, key, f"by {label.lower()}", key == order) for key, label in SORTS.items()]
    return (
        f'<nav lang="en" dir="ltr">Language: {" ".join(filters)}</nav>\n'
        f'<nav lang="en" dir="ltr">Sort: {" ".join(sorts)}</nav>\n'
    )


def _pager(lang: str | None, order: str, page: int, pages: int) -> str:
    if pages <= 1:
        return ""
    links = [
        f'<a href="{esc(index_name(lang, order, n))}"'
        + (' class="current" aria-current="page"' if n == page else "")
        + f">{n}</a>"
        for n in range(1, pages + 1)
    ]
    return f'<nav lang="en" dir="ltr">Page: {" ".join(links)}</nav>\n'


def _row(r: Row) -> str:
    return (
        f"<tr><td{text_attrs(r.title, r.language, r.direction)}>"
        f'<a href="{esc(r.href)}">{esc(r.title)}</a></td>'
        f'<td dir="ltr">{_time(r.published, "en") if r.published else ""}</td>'
        f'<td dir="ltr">{esc(r.language)}</td>'
        f"<td{text_attrs(r.site, r.language, r.direction)}>{esc(r.site)}</td></tr>\n"
    )


@dataclass(frozen=True, slots=True)
class Listing:
    """Which index page: its language filter (None: all), order, page number and page count."""

    lang: str | None
    order: str
    page: int = 1
    pages: int = 1


def _counts(caption: str, counts: Counter[str], attrs) -> str:
    items = "".join(
        f"<li><span{attrs(k)}>{esc(k or '(none)')}</span>: {n}</li>\n"
        for k, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    )
    return f'<section class="counts"><h2>{esc(caption)}</h2>\n<ul>\n{items}</ul>\n</section>\n'


def archive_summary(rows: Iterable[Row], organisation: str | None = None) -> str:
    """The head of every index page: the source organisation, documents per language and per site."""
    rows = list(rows)
    org = (
        f'<p lang="en" dir="ltr">Source organisation: <strong{text_attrs(organisation, "en", "ltr")}>'
        f"{esc(organisation)}</strong></p>\n"
        if organisation
        else ""
    )
    langs = _counts("Documents per language", Counter(r.language for r in rows), lambda k: ' dir="ltr"')
    sites = _counts(
        "Documents per site", Counter(r.site for r in rows), lambda k: text_attrs(k, "en", "ltr") if k else ""
    )
    return f'{org}<div class="summary" lang="en" dir="ltr">\n{langs}{sites}</div>\n'


def index_page(shown: list[Row], langs: list[str], at: Listing, total: int, summary: str = "") -> str:
    """One index page holding ``shown`` (already filtered, sorted and cut to this page), under
    ``summary`` (:func:`archive_summary`)."""
    head = "".join(
        f'<th><a href="{esc(index_name(at.lang, key))}">{label}</a></th>' for key, label in SORTS.items()
    )
    title = f"Archive: {total} documents" + (f" in {at.lang}" if at.lang else "")
    if at.pages > 1:
        title += f" (page {at.page} of {at.pages})"
    pager = _pager(at.lang, at.order, at.page, at.pages)
    body = (
        f'<h1 lang="en" dir="ltr">{esc(title)}</h1>\n{summary}{_nav(langs, at.lang, at.order)}{pager}'
        f'<table lang="en" dir="ltr">\n<thead><tr>{head}</tr></thead>\n<tbody>\n'
        + "".join(_row(r) for r in shown)
        + f"</tbody>\n</table>\n{pager}"
    )
    return page_shell(title, "en", "ltr", body)


def index_pages(
    rows: Iterable[Row], page_rows: int = PAGE_ROWS, organisation: str | None = None
) -> dict[str, str]:
    """Every index page by file name: all and each language, in every order, ``page_rows`` a page;
    each names ``organisation`` (a bag's Source-Organization) and counts documents per language and site."""
    rows = list(rows)
    summary = archive_summary(rows, organisation)
    langs = sorted({r.language for r in rows})
    pages = {}
    for lang in [None, *langs]:
        for order in SORTS:
            shown = sorted((r for r in rows if lang is None or r.language == lang), key=_sort_key(order))
            count = max(1, -(-len(shown) // page_rows))
            for n in range(1, count + 1):
                part = shown[(n - 1) * page_rows : n * page_rows]
                at = Listing(lang, order, n, count)
                pages[index_name(lang, order, n)] = index_page(part, langs, at, len(shown), summary)
    return pages


def row_for(doc: Document, href: str) -> Row:
    """The index row of a document whose page is at ``href``."""
    return Row(
        doc.title or doc.id,
        doc.metadata.published or "",
        doc.language,
        doc.metadata.site_name or "",
        href,
        doc.direction,
    )


__all__ = [
    "CSP",
    "Row",
    "archive_summary",
    "document_page",
    "esc",
    "index_name",
    "index_pages",
    "render_block",
    "row_for",
]
