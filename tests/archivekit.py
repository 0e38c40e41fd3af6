"""Helpers for the archive tests: build a real export directory from small pages."""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import archiver
from archiver.run.output import append_line, index_record, write_document


def page(
    title: str, paragraphs: list[str], lang: str = "ar", date: str | None = None, site: str | None = None
) -> str:
    """A small article page; ``paragraphs`` are escaped unless they start with '<'."""
    direction = "rtl" if lang == "ar" else "ltr"
    body = "\n".join(p if p.startswith("<") else f"<p>{html.escape(p)}</p>" for p in paragraphs)
    meta = ""
    if date:
        meta += f'<meta property="article:published_time" content="{date}">'
    if site:
        meta += f'<meta property="og:site_name" content="{html.escape(site)}">'
    return (
        f'<!DOCTYPE html><html lang="{lang}" dir="{direction}"><head><meta charset="utf-8">'
        f"<title>{html.escape(title)}</title>{meta}</head><body><article><h1>{html.escape(title)}</h1>"
        f"{body}</article></body></html>"
    )


def export(out: Path, pages: list[str], formats=("md", "json")) -> list[archiver.Document]:
    """Clean ``pages`` and write them as ``archiver clean -o out`` does; return the documents."""
    docs = []
    for source in pages:
        digest = hashlib.sha1(source.encode("utf-8")).hexdigest()[:12]
        doc = archiver.clean(source, url=f"https://example.org/{digest}")
        names = write_document(doc, out, formats)
        append_line(out / "index.jsonl", index_record(doc, f"page-{digest}.html", names))
        docs.append(doc)
    (out / "errors.jsonl").touch()
    return docs


FILLER_AR = (
    "يتناول هذا التقرير موضوعات متعددة من الحياة اليومية في المنطقة العربية، "
    "ويعرض آراء المواطنين حول ما يجري من تطورات خلال الأسابيع الماضية."
)
FILLER_EN = (
    "This report looks at several subjects from daily life in the region and gathers the "
    "views of residents on what has happened during the past weeks."
)
