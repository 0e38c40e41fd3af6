"""Where a page states its dates (the metadata stage): JSON-LD, publish meta tags, a visible
<time> or dateline, a date in a script or the URL, and relative or Hijri dates read against the
capture time. Parsing a date string is :mod:`.dates`; choosing among these is ``_dates``."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from lxml import etree

from .._speedups import pick
from .cues import token_tuple
from .dates import parse_date
from .parse import text_of
from .relative_dates import capture_time, resolve

_attrs = pick("attrs")  # the attribute walk, compiled or pure (archiver/_speedups/attrs.py)
_pieces = pick("pieces")  # the short text pieces of a tree, compiled or pure

_DATE_TOKENS = frozenset(
    {
        "date",
        "time",
        "published",
        "pubdate",
        "posted",
        "timestamp",
        "datum",
        "fecha",
        "data",
        "dateline",
        "entry-date",
        "postdate",
        "publishdate",
        "tarikh",
        "taarikh",
        "waqt",
        "datepublished",
        "created",
        "meta",
        "byline",
        "info",
        "postmeta",
    }
)
_URL_DATE = re.compile(
    r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|[^\d]|$)|/((?:19|20)\d{2})(\d{2})(\d{2})/"
)

_ARTICLE_TYPES = {
    "newsarticle",
    "article",
    "blogposting",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "webpage",
    "report",
    "scholarlyarticle",
}


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


# Elements that may be marked as dates: their class/id/itemprop, lower-cased, holds a date token
# (each token of a value is a piece of it, lower-cased: a value without one has none of them).
_DATE_ATTRS = ("class", "id", "itemprop")
_MAY_BE_DATE = re.compile("|".join(sorted(map(re.escape, _DATE_TOKENS))))


def _visible_date(root: etree._Element) -> str | None:
    """A date in a short element whose class/id/itemprop says date, time or post meta."""
    body = root.find("body")
    if body is None:
        return None
    for el in _attrs.marked(body, _DATE_ATTRS, ("script", "style"), _MAY_BE_DATE):  # in document order
        attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        if not attrs.strip() or _DATE_TOKENS.isdisjoint(token_tuple(attrs)):
            continue
        for value in (el.get("datetime"), el.get("content"), el.get("title")):
            found = parse_date(value)
            if found:
                return found
        text = text_of(el)
        if len(text) <= 120:
            found = parse_date(text)
            if found:
                return found
    return None


def _first_text_date(root: etree._Element) -> str | None:
    """Last resort: the first short visible text piece that is a date (a dateline under the
    headline, "Posted on 6. Mai 2014")."""
    body = root.find("body")
    if body is None:
        return None
    for piece in _pieces.pieces(body, ("script", "style", "noscript", "template"), 6, 80):
        found = parse_date(piece)
        if found:
            return found
    return None


# A publish date in a script's data (not JSON-LD): the state blobs of app frameworks and shop
# platforms ("publishedDate", "published_at", "datePublished" in a Next.js or Shopify payload).
_SCRIPT_DATE = re.compile(
    r'"(?:datePublished|publishedDate|published_at|publishDate|publish_date|'
    r'firstPublished|pubDate)"\s*:\s*"([^"]{8,40})"'
)


def _script_date(root: etree._Element) -> str | None:
    """The first publish date a non-JSON-LD script states by name."""
    for script in root.iter("script"):
        if (script.get("type") or "").lower() == "application/ld+json" or not script.text:
            continue
        for m in _SCRIPT_DATE.finditer(script.text):
            found = parse_date(m.group(1))
            if found:
                return found
    return None


def _url_date(url: str | None) -> str | None:
    """/2019/10/18/ or /20191018/ in the URL path: how many CMSs file their articles."""
    m = _URL_DATE.search(url or "")
    if not m:
        return None
    y, mo, d = (m.group(1), m.group(2), m.group(3)) if m.group(1) else (m.group(4), m.group(5), m.group(6))
    return parse_date(f"{y}-{int(mo):02d}-{int(d):02d}")


def _ld_date(objects: Iterable[dict[str, Any]], ld: dict[str, Any], key: str) -> str | None:
    """``key`` of the JSON-LD article, else of the first article or web-page object that has it
    (WordPress SEO plugins put the dates on a ``WebPage`` node with no headline)."""
    value = ld.get(key)
    if isinstance(value, str):
        return value
    for obj in objects:
        value = obj.get(key)
        if isinstance(value, str) and _types(obj) & _ARTICLE_TYPES:
            return value
    return None


_PUBLISH_KEY = re.compile(r"publish|pubdate|public(?:ation)?[_-]?date")
_NOT_PUBLISH = re.compile(r"modif|updat|expir|edit")


def _publish_meta(meta: dict[str, str]) -> str | None:
    """Any other <meta> whose name says publish date or time ("shareaholic:article_published_time",
    "cXenseParse:recs:publishtime"): analytics and share plugins name it in their own namespace."""
    for key, value in meta.items():
        if _PUBLISH_KEY.search(key) and not _NOT_PUBLISH.search(key):
            found = parse_date(value)
            if found:
                return found
    return None


def _relative_date(root: etree._Element, captured: str | None) -> tuple[str, str] | None:
    """A relative ("منذ ساعتين", "2 hours ago") or Hijri date in a ``<time>`` element or an
    element whose class/id/itemprop says date, resolved against the capture time."""
    body = root.find("body")
    when = capture_time(captured)
    for el in _date_candidates(body) if body is not None else ():
        if el.tag != "time":
            attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
            if not attrs.strip() or _DATE_TOKENS.isdisjoint(token_tuple(attrs)):
                continue
        found = resolve(text_of(el), when)
        if found:
            return found
    return None


def _date_candidates(body: etree._Element) -> list[etree._Element]:
    """``<time>`` elements and those whose class/id/itemprop may hold a date token, in document
    order (a superset of the date-marked elements: the caller checks the tokens)."""
    marked = _attrs.marked(body, _DATE_ATTRS, ("script", "style"), _MAY_BE_DATE)
    times = list(body.iter("time"))
    if not times:
        return marked
    wanted = set(marked).union(times)
    return [el for el in body.iter() if el in wanted]


def _dates(
    root: etree._Element,
    meta: dict[str, str],
    ld: dict[str, Any],
    url: str | None,
    objects: Iterable[dict[str, Any]],
) -> tuple[str | None, str | None]:
    pub_keys = (
        "article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "date",
        "dc.date",
        "dc.date.issued",
        "sailthru.date",
        "parsely-pub-date",
    )
    published = parse_date(_ld_date(objects, ld, "datePublished"))
    for key in pub_keys:
        published = published or parse_date(meta.get(key))
    if not published:
        for el in root.iter("time"):
            published = parse_date(el.get("datetime")) or parse_date(text_of(el))
            if published:
                break
    published = (
        published
        or _visible_date(root)
        or _publish_meta(meta)
        or _url_date(url)
        or _script_date(root)
        or _first_text_date(root)
    )
    modified = parse_date(_ld_date(objects, ld, "dateModified"))
    modified = (
        modified or parse_date(meta.get("article:modified_time")) or parse_date(meta.get("og:updated_time"))
    )
    return published, modified
