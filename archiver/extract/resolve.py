"""A page's base URL parsed once, and relative targets joined against it exactly as
:func:`urllib.parse.urljoin` joins them (issue 17: a page has a hundred targets, and ``urljoin``
parses the base again for each).

:func:`join` takes the common relative forms itself — a path (``/od/page``, ``b.html``,
``../up``), a query (``?p=2``) or a fragment — written the way the one URL sanitizer writes them:
nothing :func:`urllib.parse.urlsplit` would strip or drop first, no network-path reference
(``//host``), no scheme, no ``;params`` in the path. Everything else goes to ``urljoin``.
The steps below are ``urljoin``'s own, with the base's parts read once
(``tests/extract/test_resolve.py`` compares the two on a labelled table and generated inputs).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urljoin, urlparse, uses_netloc, uses_relative

# path (no scheme colon in its first segment, no params), query, fragment; no leading C0 control
# or space, no tab or newline (urlsplit strips or drops them), no "//" authority
_RELATIVE = re.compile(
    r"(?![\x00-\x20]|//)([^:/?#;\t\n\r]*(?:/[^?#;\t\n\r]*)?)(?:\?([^#\t\n\r]*))?(?:#([^\t\n\r]*))?"
)


class Base:
    """The parts of a base URL as ``urljoin`` reads them, parsed once."""

    __slots__ = ("dirs", "fast", "netloc", "params", "path", "query", "scheme", "url")

    def __init__(self, url: str) -> None:
        self.url = url
        try:
            scheme, netloc, path, params, query, _ = urlparse(url)
        except ValueError:  # urljoin raises it for every target: it is asked each time
            scheme = netloc = path = params = query = ""
        self.scheme, self.netloc, self.path, self.params, self.query = scheme, netloc, path, params, query
        dirs = path.split("/")
        if dirs[-1] != "":  # the last segment is no directory: not part of a relative resolution
            del dirs[-1]
        self.dirs = dirs
        self.fast = bool(netloc) and scheme in uses_relative and scheme in uses_netloc


@lru_cache(maxsize=16)
def base_of(url: str) -> Base:
    """:class:`Base` of ``url``, kept for the last few pages' bases."""
    return Base(url)


def join(base: Base, href: str) -> str:
    """``urljoin(base.url, href)``, the same string (and the same ValueError)."""
    m = _RELATIVE.fullmatch(href) if base.fast and href else None
    if m is None:
        return urljoin(base.url, href)
    path, query, fragment = m.group(1), m.group(2) or "", m.group(3) or ""
    params = ""
    if not path:
        path, params = base.path, base.params
        query = query or base.query
    elif path[0] != "/" or "/." in path:  # "/a/b" with no dot segment resolves to itself
        path = _resolved(base.dirs, path)
    if params:
        path = f"{path};{params}"
    if path and path[0] != "/":
        path = "/" + path
    url = f"{base.scheme}://{base.netloc}{path}"
    if query:
        url = f"{url}?{query}"
    return f"{url}#{fragment}" if fragment else url


def _resolved(dirs: list[str], path: str) -> str:
    """``path`` resolved against the base's directories (RFC 3986 dot segments), as urljoin does."""
    if path[0] == "/":
        segments = path.split("/")
    else:
        segments = dirs + path.split("/")
        segments[1:-1] = filter(None, segments[1:-1])  # no redundant slashes on joining again
    out: list[str] = []
    for seg in segments:
        if seg == "..":
            if out:
                out.pop()
        elif seg != ".":
            out.append(seg)
    if segments[-1] in (".", ".."):  # a last relative directory keeps its trailing "/"
        out.append("")
    return "/".join(out) or "/"
