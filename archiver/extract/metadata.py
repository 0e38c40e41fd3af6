"""Page metadata from <title>, <meta>, Open Graph, JSON-LD and the visible headline/byline."""

from __future__ import annotations

import html
import json
import re
from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

from lxml import etree

from ..decode import scrub_surrogates
from ..model import Metadata
from ..render.urls import safe_url
from .authors import byline_authors, split_names
from .byline import fuller_name, menu_labels, not_authors, person_values, site_keys, text_byline
from .headline import headline
from .pagedates import _ARTICLE_TYPES, _dates, _relative_date, _types
from .parse import squash, text_of

_PRIMARY_LANG = re.compile(r"[a-z]{2,3}")  # an ISO 639 code; "x-klingon", "<meta" or "e n" are not
_RTL_LANGS = {"ar", "fa", "ur", "he", "ps", "ckb", "sd", "yi", "dv", "ug"}


def _meta(root: etree._Element) -> dict[str, str]:
    """First value of each <meta name|property|itemprop> key, lower-cased keys."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        get = el.get
        key = get("property") or get("name") or get("itemprop")
        value = get("content")
        if key and value and value.strip():
            key = key.strip().lower()
            if key not in found:  # squashed once, for the first
                found[key] = squash(value)
    return found


@lru_cache(maxsize=8)
def _loads(text: str) -> Any:
    """``json.loads``, kept for the last few scripts: metadata and body extraction both read a
    page's JSON-LD (the objects are shared: nothing may change them)."""
    return json.loads(text)


def _jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = _loads(el.text)
        except (ValueError, RecursionError):  # not JSON, or nested deeper than the parser goes
            continue
        stack = [data]
        while stack:
            item = stack.pop(0)
            if isinstance(item, list):
                stack.extend(item)
            elif isinstance(item, dict):
                if "@graph" in item:
                    stack.extend(item["@graph"] if isinstance(item["@graph"], list) else [item["@graph"]])
                yield item


class _Replay:
    """An iterator's items, made once on demand and replayed to every later loop: one page's
    JSON-LD is parsed once for its article, dates and modification date."""

    def __init__(self, items: Iterator[dict[str, Any]]) -> None:
        self._items = items
        self._seen: list[dict[str, Any]] = []

    def __iter__(self) -> Iterator[dict[str, Any]]:
        seen, i = self._seen, 0
        while True:
            if i == len(seen):
                item = next(self._items, None)
                if item is None:
                    return
                seen.append(item)
            yield seen[i]
            i += 1


def jsonld_article(root: etree._Element) -> dict[str, Any]:
    """The page's JSON-LD article object, or an empty dict."""
    return _article(_jsonld_objects(root))


def _article(objects: Iterable[dict[str, Any]]) -> dict[str, Any]:
    for obj in objects:
        if _types(obj) & _ARTICLE_TYPES and (obj.get("headline") or obj.get("articleBody")):
            return obj
    return {}


def _names(value: Any) -> list[str]:
    """Names (or a headline) from a JSON-LD value: a string, a {"name": ...} object or a list.
    Some CMSs write HTML entities into their JSON ("Redacci&oacute;n"): decoded, as a browser would
    decode the same text in the page. A lone surrogate escape ("\\ud800") is broken text: U+FFFD."""
    if isinstance(value, str):
        value = scrub_surrogates(html.unescape(value) if "&" in value else value)
        return [squash(value)] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


_LINKISH = re.compile(r"://|^www\.|^[\w-]+(?:\.[\w-]+)+/")  # "https://…", "www.…", "facebook.com/name"


def _not_a_link(value: str) -> str:
    """``article:author`` holds a name or, as Open Graph intends, a profile URL: only a name counts."""
    return "" if _LINKISH.search(value.strip()) else value


def _page_lang(root: etree._Element, meta: dict[str, str]) -> tuple[str | None, str | None]:
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    body = root.find("body")
    if not lang and body is not None:
        lang = body.get("lang")
    lang = lang or meta.get("content-language") or meta.get("og:locale")
    # "en_US" -> "en"; a Content-Language list ("de, at, ch") gives its first
    lang = lang.replace("_", "-").split(",")[0].split("-")[0].lower().strip() if lang else None
    lang = lang if lang and _PRIMARY_LANG.fullmatch(lang) else None
    direction = (root.get("dir") or (body.get("dir") if body is not None else None) or "").lower() or None
    if direction not in ("rtl", "ltr"):
        direction = ("rtl" if lang in _RTL_LANGS else "ltr") if lang else None
    return lang or None, direction


def _authors(
    root: etree._Element,
    meta: dict[str, str],
    ld: dict[str, Any],
    sites: list[str | None],
    urls: list[str | None],
) -> list[str]:
    """Names from JSON-LD persons, ``<meta name=author>``, ``article:author``, the marked byline,
    then a byline written as text; a source whose values are the site's names, menu labels or a
    dateline gives way to the next (:mod:`.byline`). The site's keys and the menu labels are
    read once a source gives names (most pages' first sources give none)."""
    keys: tuple[frozenset[str], frozenset[str]] | None = None
    labels: frozenset[str] = frozenset()
    sources = (
        lambda: _names(person_values(ld.get("author"))),
        lambda: [meta.get("author", "")],
        lambda: [_not_a_link(meta.get("article:author", ""))],
        lambda: None,
        lambda: [text_byline(root) or ""],
    )
    for n, raw in enumerate(sources):
        values = raw()
        names = byline_authors(root) if values is None else split_names(values)
        if not names:
            continue  # ``not_authors`` of no names is none
        if keys is None:
            title = root.find(".//title")
            keys = site_keys(sites, urls, text_of(title) if title is not None else None)
            labels = menu_labels(root)
        names = not_authors(names, values or [], keys, labels)
        if names:  # JSON-LD may hold a first name only ("Todd"): the page may show it in full
            return [fuller_name(root, name) for name in names] if n == 0 else names
    return []


def extract_metadata(root: etree._Element, url: str | None = None, captured: str | None = None) -> Metadata:
    """Gather metadata; every field is optional and absent values stay None. ``captured`` is the
    capture time of the page (a WARC record's date), the reference for relative dates."""
    meta = _meta(root)
    objects = _Replay(_jsonld_objects(root))
    ld = _article(objects)
    publisher = ld.get("publisher")
    site = (
        meta.get("og:site_name")
        or (_names(publisher)[0] if _names(publisher) else None)
        or meta.get("application-name")
    )
    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href").strip()
            break
    authors = _authors(
        root,
        meta,
        ld,
        [site, _names(publisher)[0] if _names(publisher) else None, meta.get("application-name")],
        [url, canonical, meta.get("og:url")],
    )
    published, modified = _dates(root, meta, ld, url, objects)
    published_source = None
    if not published:
        published, published_source = _relative_date(root, captured) or (None, None)
    lang, direction = _page_lang(root, meta)
    keywords = meta.get("keywords") or meta.get("news_keywords") or ""
    image = safe_url(meta.get("og:image")) or safe_url(meta.get("twitter:image"))
    return Metadata(
        title=headline(root, meta, _names(ld.get("headline")), site),
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        published=published,
        modified=modified,
        site_name=site,
        published_source=published_source,
        canonical_url=safe_url(canonical) or safe_url(meta.get("og:url")),
        description=meta.get("description") or meta.get("og:description"),
        image=image,
        tags=tuple(dict.fromkeys(t.strip() for t in re.split(r"[,،]", keywords) if t.strip())),
        page_language=lang,
        page_direction=direction,
    )
