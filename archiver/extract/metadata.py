"""Page metadata from <title>, <meta>, Open Graph, JSON-LD and the visible headline/byline."""
from __future__ import annotations

import json
import re
from typing import Any, Iterator

from lxml import etree

from ..model import Metadata
from .dates import parse_date
from .parse import squash, text_of

_SEPARATORS = re.compile(r"\s+[|\-–—:»«·•]\s+|\s+::\s+")
_RTL_LANGS = {"ar", "fa", "ur", "he", "ps", "ckb", "sd", "yi", "dv", "ug"}
_ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle",
                  "analysisnewsarticle", "opinionnewsarticle", "webpage", "report", "scholarlyarticle"}


def _meta(root: etree._Element) -> dict[str, str]:
    """First value of each <meta name|property|itemprop> key, lower-cased keys."""
    found: dict[str, str] = {}
    for el in root.iter("meta"):
        key = el.get("property") or el.get("name") or el.get("itemprop")
        value = el.get("content")
        if key and value and value.strip():
            found.setdefault(key.strip().lower(), squash(value))
    return found


def _jsonld_objects(root: etree._Element) -> Iterator[dict[str, Any]]:
    for el in root.iter("script"):
        if (el.get("type") or "").lower() != "application/ld+json" or not el.text:
            continue
        try:
            data = json.loads(el.text)
        except ValueError:
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


def _types(obj: dict[str, Any]) -> set[str]:
    t = obj.get("@type", [])
    return {str(x).lower() for x in (t if isinstance(t, list) else [t])}


def jsonld_article(root: etree._Element) -> dict[str, Any]:
    """The page's JSON-LD article object, or an empty dict."""
    for obj in _jsonld_objects(root):
        if _types(obj) & _ARTICLE_TYPES and (obj.get("headline") or obj.get("articleBody")):
            return obj
    return {}


def _names(value: Any) -> list[str]:
    if isinstance(value, str):
        return [squash(value)] if value.strip() else []
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for v in value for n in _names(v)]
    return []


def _strip_site(title: str, site: str | None, headline: str | None) -> str:
    """Drop a site name glued to a <title> ("Headline | Site")."""
    if headline and headline in title:
        return headline
    parts = _SEPARATORS.split(title)
    if len(parts) > 1:
        if site:
            kept = [p for p in parts if p.strip().lower() != site.strip().lower()]
            if kept and len(kept) < len(parts):
                return " - ".join(kept) if len(kept) > 1 else kept[0]
        return max(parts, key=len)
    return title


def _h1(root: etree._Element) -> str | None:
    for el in root.iter("h1"):
        text = text_of(el)
        if len(text) >= 8:
            return text
    return None


def _title(root: etree._Element, meta: dict[str, str], ld: dict[str, Any], site: str | None) -> str | None:
    h1 = _h1(root)
    candidates = [meta.get("og:title"), meta.get("twitter:title"), _names(ld.get("headline")) and _names(ld.get("headline"))[0]]
    title_el = root.find(".//title")
    raw_title = text_of(title_el) if title_el is not None else None
    if h1:
        for c in candidates + [raw_title]:
            if c and (h1 in c or c in h1):
                return h1
    for c in candidates:
        if c:
            return _strip_site(c, site, h1)
    if h1:
        return h1
    return _strip_site(raw_title, site, None) if raw_title else None


def _byline_authors(root: etree._Element) -> list[str]:
    for el in root.iter():
        if not isinstance(el.tag, str):
            continue
        cls = f"{el.get('class', '')} {el.get('rel', '')} {el.get('itemprop', '')}".lower()
        if "author" in cls or "byline" in cls:
            text = re.sub(r"^(by|بقلم|كتب|كتبت|الكاتب|المؤلف)\s*[:：]?\s*", "", text_of(el), flags=re.I)
            if 2 < len(text) < 80:
                return [text]
    return []


def _dates(root: etree._Element, meta: dict[str, str], ld: dict[str, Any]) -> tuple[str | None, str | None]:
    pub_keys = ("article:published_time", "og:published_time", "datepublished", "pubdate",
                "publishdate", "date", "dc.date", "dc.date.issued", "sailthru.date", "parsely-pub-date")
    published = parse_date(ld.get("datePublished") if isinstance(ld.get("datePublished"), str) else None)
    for key in pub_keys:
        published = published or parse_date(meta.get(key))
    if not published:
        for el in root.iter("time"):
            published = parse_date(el.get("datetime")) or parse_date(text_of(el))
            if published:
                break
    modified = parse_date(ld.get("dateModified") if isinstance(ld.get("dateModified"), str) else None)
    modified = modified or parse_date(meta.get("article:modified_time")) or parse_date(meta.get("og:updated_time"))
    return published, modified


def _page_lang(root: etree._Element, meta: dict[str, str]) -> tuple[str | None, str | None]:
    lang = root.get("lang") or root.get("{http://www.w3.org/XML/1998/namespace}lang")
    body = root.find("body")
    if not lang and body is not None:
        lang = body.get("lang")
    lang = lang or meta.get("content-language") or meta.get("og:locale")
    lang = lang.replace("_", "-").split("-")[0].lower().strip() if lang else None
    direction = (root.get("dir") or (body.get("dir") if body is not None else None) or "").lower() or None
    if direction not in ("rtl", "ltr"):
        direction = ("rtl" if lang in _RTL_LANGS else "ltr") if lang else None
    return lang or None, direction


def extract_metadata(root: etree._Element, url: str | None = None) -> Metadata:
    """Gather metadata; every field is optional and absent values stay None."""
    meta = _meta(root)
    ld = jsonld_article(root)
    publisher = ld.get("publisher")
    site = meta.get("og:site_name") or (_names(publisher)[0] if _names(publisher) else None) or meta.get("application-name")
    canonical = None
    for link in root.iter("link"):
        if (link.get("rel") or "").lower() == "canonical" and link.get("href"):
            canonical = link.get("href").strip()
            break
    authors = _names(ld.get("author")) or ([meta["author"]] if meta.get("author") else []) or _byline_authors(root)
    published, modified = _dates(root, meta, ld)
    lang, direction = _page_lang(root, meta)
    keywords = meta.get("keywords") or meta.get("news_keywords") or ""
    image = meta.get("og:image") or meta.get("twitter:image")
    return Metadata(
        title=_title(root, meta, ld, site),
        authors=tuple(dict.fromkeys(a for a in authors if a)),
        published=published, modified=modified, site_name=site,
        canonical_url=canonical or meta.get("og:url"),
        description=meta.get("description") or meta.get("og:description"),
        image=image,
        tags=tuple(dict.fromkeys(t.strip() for t in re.split(r"[,،]", keywords) if t.strip())),
        page_language=lang, page_direction=direction,
    )
