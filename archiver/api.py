"""The library entry points: ``clean`` and ``clean_file``."""

from __future__ import annotations

import dataclasses
import json
import os
from collections.abc import Mapping
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .config import DEFAULT, Config
from .errors import InputError
from .inputs import check_options, http_facts, page_data
from .model import Document, RawPage, Source
from .sources.files import not_regular

if TYPE_CHECKING:
    from bs4.element import Tag
    from lxml.etree import _Element, _ElementTree


def clean(
    source: str | bytes | bytearray | Tag | _Element | _ElementTree,
    *,
    url: str | None = None,
    kind: str | None = None,
    headers: Mapping[str, str] | None = None,
    config: Config | None = None,
) -> Document:
    """Clean one page: HTML bytes, HTML text, a plain-text scrape dump, or a parsed tree (a
    BeautifulSoup document or tag, an lxml element or tree), which is serialized back to HTML.

    ``url`` is the page's address (links are read against it, and it goes into the record's id).
    ``kind="html"`` or ``"text"`` forces the reading; by default it is detected.
    ``headers`` are the page's HTTP response headers as a scraper kept them: the Content-Type
    charset decodes bytes, Date is the capture time, Last-Modified stands in for a page that
    states no modification date.
    Raises :class:`archiver.InputError` for an argument of the wrong type or value, and
    :class:`archiver.ArchiverError` (or a subclass) when the input cannot be cleaned.
    """
    data = page_data(source)
    return _process(data, Source(kind="auto", url=url), kind, headers, config)


def _process(data: bytes | str, source: Source, kind: object, headers: object, config: object) -> Document:
    check_options(source.url, kind, config)
    config = config or DEFAULT
    if kind is not None:
        config = config.with_(kind=kind)
    facts = http_facts(headers)
    if facts.date:
        source = dataclasses.replace(source, captured=facts.date)
    from .pipeline import process  # the stages (lxml, extract, lang) load on first use

    return process(RawPage(data, source, facts.content_type, facts.last_modified), config)


def read_file(path: str | os.PathLike[str]) -> bytes:
    """Read an input file, turning OS errors into one-line :class:`InputError` reasons."""
    p = Path(path)
    try:
        if p.is_dir():
            raise InputError("is a directory")
        if reason := not_regular(os.fspath(p)):
            raise InputError(reason)
        return p.read_bytes()
    except FileNotFoundError:
        raise InputError("no such file") from None
    except PermissionError:
        raise InputError("permission denied") from None
    except OSError as exc:
        raise InputError(f"unreadable ({exc.strerror or exc})") from None


def clean_file(
    path: str | os.PathLike[str],
    *,
    url: str | None = None,
    kind: str | None = None,
    headers: Mapping[str, str] | None = None,
    config: Config | None = None,
) -> Document:
    """Clean the page stored at ``path`` (the path is kept as given in the record's provenance).
    The options are :func:`clean`'s."""
    if not isinstance(path, (str, os.PathLike)):
        raise InputError(f"path must be a str or os.PathLike, not {type(path).__name__}")
    check_options(url, kind, config)
    data = read_file(path)
    return _process(data, Source(kind="auto", path=os.fspath(path), url=url), kind, headers, config)


def schema() -> dict[str, Any]:
    """The JSON Schema every document record validates against."""
    text = resources.files("archiver.render").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)
