"""What the library entry points accept, checked before any stage runs.

``clean`` takes a page as ``str`` or ``bytes`` (``bytearray`` too), or as the tree a scraper already
holds: a BeautifulSoup document or tag, or an lxml element or tree, serialized back to HTML here.
Anything else, and any option of the wrong type or value, is an :class:`InputError` with a one-line
reason, raised before the pipeline runs (so ``clean(123)`` does not fail as a bare ``TypeError``
deep in a stage, and ``kind="markdown"`` is never written into a record).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from .config import Config
from .errors import InputError

KINDS = ("auto", "html", "text")
LANG_DETECTORS = ("langdetect", "lingua")


def _type_name(value: object) -> str:
    return type(value).__name__


def _from_bs4(source: Any) -> str | None:
    """A BeautifulSoup document or tag as HTML text; None for anything that is not bs4's."""
    if not type(source).__module__.startswith("bs4"):
        return None
    from bs4.element import Tag

    return str(source) if isinstance(source, Tag) else None


def _from_lxml(source: Any) -> str | None:
    """An lxml element or element tree as HTML text; None for anything that is not lxml's."""
    if not type(source).__module__.startswith("lxml"):
        return None
    from lxml import etree

    if isinstance(source, etree._ElementTree):
        return etree.tostring(source, encoding="unicode", method="html", doctype=source.docinfo.doctype)
    if isinstance(source, etree._Element):
        return etree.tostring(source, encoding="unicode", method="html")
    return None


def page_data(source: object) -> bytes | str:
    """The page as ``str`` or ``bytes``: a tree is serialized, anything else is refused."""
    if isinstance(source, (str, bytes)):
        return source
    if isinstance(source, bytearray):
        return bytes(source)
    for convert in (_from_bs4, _from_lxml):
        if (text := convert(source)) is not None:
            return text
    raise InputError(
        f"cannot clean a value of type {_type_name(source)}: pass str, bytes, "
        "a BeautifulSoup object or an lxml element"
    )


def check_options(url: object, kind: object, config: object) -> None:
    """Refuse a ``url``, ``kind`` or ``config`` of the wrong type or value (one-line reasons)."""
    if url is not None and not isinstance(url, str):
        raise InputError(f"url must be a str, not {_type_name(url)}")
    if kind is not None and kind not in KINDS:
        raise InputError(f"kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if config is None:
        return
    if not isinstance(config, Config):
        raise InputError(f"config must be an archiver.Config, not {_type_name(config)}")
    if config.kind not in KINDS:
        raise InputError(f"config.kind must be one of {', '.join(KINDS)}, not {config.kind!r}")
    if config.lang_detector not in LANG_DETECTORS:
        raise InputError(
            f"config.lang_detector must be one of {', '.join(LANG_DETECTORS)}, not {config.lang_detector!r}"
        )


@dataclass(frozen=True, slots=True)
class HttpFacts:
    """What a page's HTTP response headers say: the Content-Type (its charset is decoding evidence),
    the response's Date (when the page was captured) and Last-Modified (a fallback for ``modified``)."""

    content_type: str | None = None
    date: str | None = None
    last_modified: str | None = None


def http_facts(headers: object) -> HttpFacts:
    """The facts of a ``{name: value}`` mapping of HTTP headers (names in any case); dates as ISO 8601."""
    if headers is None:
        return HttpFacts()
    if not isinstance(headers, Mapping):
        raise InputError(f"headers must be a mapping of names to values, not {_type_name(headers)}")
    found: dict[str, str] = {}
    for name, value in headers.items():
        if not isinstance(name, str) or not isinstance(value, str):
            raise InputError("headers must map str names to str values")
        found[name.strip().lower()] = value.strip()
    from .extract.dates import parse_date  # the dates the metadata stage reads, read the same way

    return HttpFacts(
        content_type=found.get("content-type") or None,
        date=parse_date(found.get("date")),
        last_modified=parse_date(found.get("last-modified")),
    )
