"""The library entry points: ``clean`` and ``clean_file``."""
from __future__ import annotations

import json
import os
from importlib import resources
from pathlib import Path
from typing import Any

from .config import DEFAULT, Config
from .errors import InputError
from .model import Document, RawPage, Source
from .sources.files import not_regular


def clean(source: bytes | str, *, url: str | None = None, kind: str | None = None,
          config: Config | None = None) -> Document:
    """Clean one page: HTML bytes, HTML text, or a plain-text scrape dump.

    ``kind="html"`` or ``"text"`` forces the reading; by default it is detected.
    Raises :class:`archiver.ArchiverError` (or a subclass) when the input cannot be cleaned.
    """
    config = config or DEFAULT
    if kind is not None:
        config = config.with_(kind=kind)
    from .pipeline import process  # the stages (lxml, extract, lang) load on first use

    return process(RawPage(source, Source(kind="auto", url=url)), config)


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


def clean_file(path: str | os.PathLike[str], *, url: str | None = None, config: Config | None = None) -> Document:
    """Clean the page stored at ``path`` (the path is kept as given in the record's provenance)."""
    config = config or DEFAULT
    data = read_file(path)
    from .pipeline import process

    return process(RawPage(data, Source(kind="auto", path=os.fspath(path), url=url)), config)


def schema() -> dict[str, Any]:
    """The JSON Schema every document record validates against."""
    text = resources.files("archiver.render").joinpath("document.schema.json").read_text("utf-8")
    return json.loads(text)
