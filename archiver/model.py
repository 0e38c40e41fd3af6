"""Immutable records that flow between stages and out of the pipeline.

Every record is a frozen dataclass with slots. Offsets are code points into the
owning block's ``text``. Rendering lives in :mod:`archiver.render`; the methods
here only delegate so that ``doc.to_json()`` reads naturally.
"""

from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from typing import Any, Literal

SCHEMA_VERSION = "archiver.document/1"

# The closed vocabularies of a record; tests/api/test_model_types.py checks each against the JSON
# Schema's enum.
Status = Literal["ok", "no_article"]
Role = Literal["heading", "paragraph", "list_item", "quote", "table", "caption", "code"]
Direction = Literal["ltr", "rtl", "auto"]
# How a block's language was chosen (archiver/lang/): the page's declared lang ("html"), a detector
# call on the text itself ("detector"), the script or its letters alone ("script"), the page's one
# pooled detection over its texts of that script ("pooled"), the page's prior for the script, the
# language its long blocks showed ("page-prior"), or the shipped per-script default for inline runs
# ("default", lang/tag.py EMBEDDED_DEFAULTS).
LangSource = Literal["html", "detector", "script", "pooled", "page-prior", "default"]
# What a record's block may say: the above, or "prior", read from records of earlier releases
# (which said it for any of the last three); this release never writes it.
RecordLangSource = Literal["html", "detector", "script", "pooled", "page-prior", "default", "prior"]
MarkKind = Literal["strong", "em", "code", "link"]


@dataclass(frozen=True, slots=True)
class Run:
    """An inline span whose language or direction differs from its block."""

    start: int
    end: int
    lang: str
    dir: Direction
    script: str


@dataclass(frozen=True, slots=True)
class Mark:
    """Inline formatting kept for Markdown: ``strong``, ``em``, ``code`` or ``link``."""

    start: int
    end: int
    kind: MarkKind
    href: str | None = None


@dataclass(frozen=True, slots=True)
class Block:
    """One unit of article content (heading, paragraph, list item, ...)."""

    id: str
    role: Role
    text: str
    level: int | None = None
    ordered: bool | None = None
    text_raw: str | None = None
    lang: str = "und"
    dir: Direction = "auto"
    script: str = "Zyyy"
    lang_source: RecordLangSource = "script"
    lang_confidence: float = 0.0
    repairs: tuple[str, ...] = ()
    runs: tuple[Run, ...] = ()
    marks: tuple[Mark, ...] = ()
    cells: tuple[tuple[str, ...], ...] = ()
    key: str = ""


@dataclass(frozen=True, slots=True)
class Removed:
    """A region cut as chrome, kept for the audit trail."""

    text: str
    role: str
    reason: str  # a code of archiver.extract.reasons.REGISTRY
    lang: str = "und"
    dir: Direction = "auto"
    script: str = "Zyyy"
    detail: str | None = None  # the reason's run-time detail: the token, the phrase, the heading


@dataclass(frozen=True, slots=True)
class Link:
    """A link of the page: its text, its target (absolute where the page's address is known) and
    whether it sits inside the extracted article."""

    text: str
    href: str
    in_body: bool


@dataclass(frozen=True, slots=True)
class Source:
    """Where a document came from and how its bytes were read."""

    kind: str
    path: str | None = None
    url: str | None = None
    encoding: str | None = None
    encoding_evidence: str | None = None
    sha256: str | None = None
    record_id: str | None = None
    offset: int | None = None
    line: int | None = None
    captured: str | None = None


@dataclass(frozen=True, slots=True)
class RawPage:
    """One input as read by a source: its bytes (or text) and where it came from; the HTTP
    Content-Type and Last-Modified when the source knew them."""

    data: bytes | str
    source: Source
    content_type: str | None = None
    last_modified: str | None = None


def document_id(url: str | None, sha256: str, source: Source | None = None) -> str:
    """Stable identity of one input: the URL (if any) and the raw bytes' hash; for an input read
    from a path, also which input it is: the path (relative to the current directory, normalized,
    so ``./in/a.html``, ``in//a.html`` and its absolute spelling agree) and, inside a container,
    the JSONL line or the WARC record's offset. Identical bytes at two paths, or two captures in
    one WARC, are two documents, each with its own provenance. Without a path (a library call on
    bytes) the id is the URL and the hash alone, as before."""
    base = f"{url or ''}\n{sha256}"
    if source is None or not source.path:
        return hashlib.sha256(base.encode()).hexdigest()[:16]
    try:
        where = os.path.relpath(os.path.abspath(source.path))
    except ValueError:  # another drive (Windows): no relative spelling
        where = os.path.abspath(source.path)
    member = source.line if source.line is not None else source.offset
    key = json.dumps([base, where.replace(os.sep, "/"), member], ensure_ascii=True)
    return hashlib.sha256(key.encode("utf-8", "surrogateescape")).hexdigest()[:16]


@dataclass(frozen=True, slots=True)
class Metadata:
    """Page metadata gathered before extraction."""

    title: str | None = None
    authors: tuple[str, ...] = ()
    published: str | None = None
    modified: str | None = None
    site_name: str | None = None
    canonical_url: str | None = None
    description: str | None = None
    image: str | None = None
    tags: tuple[str, ...] = ()
    page_language: str | None = None
    page_direction: Direction | None = None
    # How ``published`` was found when it is not a date written as such: "relative:capture" (a
    # relative date resolved against the capture time) or "hijri" (converted); None otherwise.
    published_source: str | None = None


@dataclass(frozen=True, slots=True)
class Document:
    """A cleaned, language-tagged archival record of one page."""

    id: str
    status: Status
    url: str | None
    title: str | None
    language: str
    direction: Direction
    page_language: str
    source: Source
    processing: dict[str, str]
    blocks: tuple[Block, ...] = ()
    removed: tuple[Removed, ...] = ()
    metadata: Metadata = field(default_factory=Metadata)
    comments: tuple[Block, ...] = ()
    extraction: dict[str, str] = field(default_factory=dict)  # {"method", "changed"} when not the cues alone
    links: tuple[Link, ...] = ()  # every link of the page, in document order (issue 14)

    @property
    def text(self) -> str:
        """The article's plain text, one block per paragraph."""
        return "\n\n".join(b.text for b in self.blocks)

    def to_dict(self) -> dict[str, Any]:
        """The record as JSON-ready dicts and lists, in the shape of :func:`archiver.schema`."""
        from .render.codec import document_dict

        return document_dict(self)

    def to_json(self) -> str:
        """The JSON record (schema ``archiver.document/1``): deterministic, UTF-8 text, newline-terminated."""
        from .render.codec import to_json

        return to_json(self)

    def to_markdown(self) -> str:
        """The Markdown reading copy: YAML front matter, then the blocks; other-direction text wrapped
        in ``dir``/``lang`` HTML, never in control characters."""
        from .render.markdown import to_markdown

        return to_markdown(self)


@dataclass(frozen=True, slots=True)
class Failure:
    """An input that could not be exported, with the stage and a one-line reason."""

    source: str
    stage: str
    reason: str

    def to_dict(self) -> dict[str, str]:
        """The failure as it is written to ``errors.jsonl``: source, stage, reason."""
        return {"source": self.source, "stage": self.stage, "reason": self.reason}
