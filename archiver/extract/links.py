"""Link and image targets made absolute (issue 14): a record is read away from its page — a
Markdown file on disk, a reading copy opened from a bag — where ``](/od/page)`` leads nowhere.

The base is what a browser would use: the page's first ``<base href>`` (itself resolved against
the page's address), else the page's URL, else its canonical URL; only an ``http(s)`` base is a
base. A target that is already absolute (``https:``, ``mailto:``) is kept; an in-page fragment
(``#top``) is no link (:func:`archiver.extract.blocks._is_link`). Every result goes through the one
URL sanitizer again, so joining can never bring back what it refused.
"""

from __future__ import annotations

import dataclasses
import re
from urllib.parse import urljoin, urlsplit

from lxml import etree

from .._speedups import pick
from ..model import Link, Metadata
from ..render.urls import PLAIN, safe_url
from .blocks import Proto
from .resolve import base_of, join

_anchors = pick("anchors")  # the page's <a href> targets and texts, compiled or pure


def _web(url: str | None) -> str | None:
    """``url`` when it is an absolute http(s) URL with a host, else None."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def page_base(root: etree._Element, url: str | None, canonical: str | None) -> str | None:
    """The URL relative targets of the page resolve against (None: no absolute address is known)."""
    context = _web(url) or _web(canonical)
    for el in root.iter("base"):
        href = (el.get("href") or "").strip()
        if href:
            try:
                joined = urljoin(context, href) if context else href
            except ValueError:
                joined = None
            return _web(joined) or context
    return context


# An absolute http(s) URL that urljoin gives back unchanged whatever the base: a lower-case scheme
# (urljoin lower-cases it), an ASCII host without brackets (nothing urlsplit could refuse), no
# control or space (urlsplit drops some), no ';' in the path (urlparse splits it off as params),
# no empty query or fragment (urlunparse drops a bare '?' or '#'). With another scheme than the
# base's, urljoin returns the URL as it is; with the same one, it takes it apart and puts it back.
_AS_JOINED = re.compile(
    r"https?://[\x21\x22\x24-\x2e\x30-\x3e\x40-\x5a\x5c\x5e-\x7e]+"  # printable ASCII but /?#[]
    r"(?:/[^?#;\x00-\x20]*)?(?:\?[^#\x00-\x20]+)?(?:#[^\x00-\x20]+)?"
)

# A target that is both: the sanitizer gives it back as it is (nothing to encode, given its visible
# non-ASCII characters, see :data:`PLAIN`) and it needs no join. One regex scan for most targets.
_KEPT = re.compile(rf"(?={PLAIN.pattern}\Z){_AS_JOINED.pattern}")


def absolute(href: str | None, base: str | None) -> str | None:
    """``href`` resolved against ``base`` (kept as it is without a base or when it cannot be joined)."""
    if not href or base is None:
        return href
    if _AS_JOINED.fullmatch(href):  # most targets of a page: no need to join
        return safe_url(href) or href
    return _joined(href, base)


def _joined(href: str, base: str) -> str:
    try:
        joined = join(base_of(base), href)  # urljoin's result, the base parsed once
    except ValueError:  # an invalid IPv6 literal, say: kept relative rather than guessed
        return href
    return safe_url(joined) or href


def _target(href: str, base: str | None) -> str | None:
    """``absolute(safe_url(href), base)``: a sanitized target is its own sanitized form
    (``safe_url`` is idempotent), so one that needs no join is kept as it is."""
    if _KEPT.fullmatch(href) and (href.isascii() or href.isprintable()):
        return href  # safe_url(href) is href, and no join changes it
    safe = safe_url(href)
    if not safe or base is None or _AS_JOINED.fullmatch(safe):
        return safe
    return _joined(safe, base)


def _piece(piece: tuple, base: str) -> tuple:
    text, marks = piece
    if not any(kind == "link" and href for kind, href in marks):
        return piece
    return text, tuple((kind, absolute(href, base) if kind == "link" else href) for kind, href in marks)


def absolute_links(protos: list[Proto], base: str | None) -> list[Proto]:
    """``protos`` with every link mark's target resolved against ``base`` (the same list without one)."""
    if base is None:
        return protos
    return [_proto(p, base) for p in protos]


def _proto(p: Proto, base: str) -> Proto:
    """``p`` with its link targets resolved; a block with no marks at all (most) as it is."""
    if not any(marks for _, marks in p.pieces):
        return p
    return dataclasses.replace(p, pieces=[_piece(x, base) for x in p.pieces])


def absolute_metadata(meta: Metadata, base: str | None, url: str | None) -> Metadata:
    """The image resolved against ``base`` and the canonical URL against the page's own URL."""
    image = absolute(meta.image, base)
    canonical = absolute(meta.canonical_url, _web(url)) if _web(url) else meta.canonical_url
    if image == meta.image and canonical == meta.canonical_url:
        return meta
    return dataclasses.replace(meta, image=image, canonical_url=canonical)


_NO_TEXT = frozenset({"script", "style", "noscript", "template"})


def page_links(root: etree._Element, base: str | None) -> list[tuple[str, str]]:
    """Every ``<a href>`` of the page in document order as (text, target): the target through the
    sanitizer and made absolute; in-page fragments and refused targets left out. Read before the
    extraction cuts the tree."""
    targets: dict[str, str | None] = {}  # a page links the same target many times: resolve it once
    out = []
    for href, text in _anchors.anchors(root, _NO_TEXT, ("#",)):
        target = targets[href] if href in targets else targets.setdefault(href, _target(href, base))
        if target:
            out.append((text, target))
    return out


def mark_body_links(links: list[tuple[str, str]], kept: list[Proto]) -> tuple[Link, ...]:
    """The page's links as :class:`Link` records, ``in_body`` for those the kept blocks carry
    (matched by target in document order, so a target linked twice counts twice)."""
    left: dict[str, int] = {}
    for p in kept:  # one count per link span: touching pieces under the same link are one link
        before: set[str] = _NO_HREFS
        for _, marks in p.pieces:
            if not marks:  # most pieces: plain text
                before = _NO_HREFS
                continue
            now = {href for kind, href in marks if kind == "link" and href}
            for href in now - before if before else now:
                left[href] = left.get(href, 0) + 1
            before = now
    out = []
    for text, href in links:
        inside = left.get(href, 0) > 0
        if inside:
            left[href] -= 1
        out.append(Link(text, href, inside))
    return tuple(out)


_NO_HREFS: set[str] = set()  # never changed
