"""Turn an export directory into a BagIt bag (RFC 8493, SHA-512 + SHA-256) that describes itself.

Payload (``data/``): ``README.md``, ``datapackage.json``, ``document.schema.json``,
``documents.jsonl`` (one line per document), ``markdown/<id>.md``, ``json/<id>.json``,
``html/<id>.html`` + ``html/index*.html`` (the reading copy), ``errors.jsonl``, ``run.json``.
The bag is assembled in a temporary sibling directory and moved into place at the end, so an
interrupted run leaves the export as it was. Same export + options → byte-identical payload and
manifests (``Bagging-Date`` comes from ``run.json`` when it has one).
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from collections import Counter
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import bagit

from .._version import __version__
from ..model import Document
from ..render.codec import RecordError, document_from_dict
from ..render.html import document_page, index_pages, row_for
from . import datapackage
from .records import ERRORS, RUN, Entry, ExportError, export_entries, parse_record, read_regular

ALGORITHMS = ("sha256", "sha512")
DOCUMENTS = "documents.jsonl"


def utf8(text: str) -> bytes:
    """``text`` as the export writes it (a lone surrogate as its ``\\udcXX`` escape, as run/output.py)."""
    return text.encode("utf-8", errors="backslashreplace")


class BagError(ExportError):
    """An export that cannot be bagged; the message is one line."""

    stage = "bag"


@dataclass(frozen=True, slots=True)
class BagOptions:
    """``output``: where the bag goes (None: replace the export in place)."""

    output: Path | None = None
    source_organization: str | None = None


@dataclass(frozen=True, slots=True)
class BagSummary:
    """What went into a bag."""

    path: Path
    documents: int
    failures: int
    languages: dict[str, int]

    def line(self) -> str:
        langs = ", ".join(f"{k} {v}" for k, v in sorted(self.languages.items())) or "none"
        return f"archiver: bag {self.path}: {self.documents} documents ({langs}), {self.failures} failures"


def is_bag(path: Path) -> bool:
    """Whether ``path`` is a bag (has ``bagit.txt``)."""
    return (path / "bagit.txt").is_file()


def schema_bytes() -> bytes:
    from importlib import resources

    return resources.files("archiver.render").joinpath(datapackage.SCHEMA_FILE).read_bytes()


def document_line(entry: Entry, record: dict[str, Any], has_md: bool) -> dict[str, Any]:
    return {
        "id": entry.id,
        "source": entry.source,
        "status": record.get("status", entry.status),
        "title": record.get("title"),
        "language": record.get("language"),
        "direction": record.get("direction"),
        "page_language": record.get("page_language"),
        "published": record.get("published"),
        "site_name": record.get("site_name"),
        "url": record.get("url"),
        "source_sha256": (record.get("source") or {}).get("sha256"),
        "markdown": f"markdown/{entry.id}.md" if has_md else None,
        "json": f"json/{entry.id}.json",
        "html": f"html/{entry.id}.html",
    }


def _read(export: Path, name: str) -> bytes | None:
    """The bytes of ``export/name`` (None when absent); a symlink or other non-regular file is
    refused, never followed: its target may be anywhere."""
    try:
        return read_regular(export / name)
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise BagError(f"{export / name}: not a regular file ({exc.strerror or exc}); not copied") from None


def _copy_document(export: Path, payload: Path, entry: Entry) -> tuple[Document, dict[str, Any]]:
    data = _read(export, entry.json_path) if entry.json_path else None
    if data is None:
        raise BagError(f"{export}: document {entry.id} has no JSON record (clean with --format md,json)")
    record = parse_record(data, export / entry.json_path)
    if record.get("id") != entry.id:
        raise BagError(
            f"{export / entry.json_path}: record id {str(record.get('id'))[:40]!r} is not "
            f"the id of its index line"
        )
    try:
        doc = document_from_dict(record)
    except RecordError as exc:
        raise BagError(f"{export / entry.json_path}: {exc}") from None
    (payload / "json" / f"{entry.id}.json").write_bytes(data)
    md = _read(export, entry.md_path) if entry.md_path else None
    if md is not None:
        (payload / "markdown" / f"{entry.id}.md").write_bytes(md)
    return doc, document_line(entry, record, md is not None)


def _copy_documents(
    export: Path, payload: Path, entries: list[Entry], organisation: str | None = None
) -> list[dict[str, Any]]:
    """Copy records into ``markdown/`` and ``json/``, render ``html/``; return documents.jsonl lines.
    (``verify`` derives every file but the records again and compares: archive/rerender.py.)"""
    lines, rows = [], []
    for sub in ("markdown", "json", "html"):
        (payload / sub).mkdir(parents=True)
    for entry in entries:
        doc, line = _copy_document(export, payload, entry)
        has_md = line["markdown"] is not None
        (payload / "html" / f"{entry.id}.html").write_bytes(utf8(document_page(doc, markdown=has_md)))
        rows.append(row_for(doc, f"{entry.id}.html"))
        lines.append(line)
    for name, page in index_pages(rows, organisation=organisation).items():
        (payload / "html" / name).write_bytes(utf8(page))
    return lines


def bag_readme(lines: list[dict[str, Any]], failures: int, options: BagOptions) -> str:
    langs = Counter(str(d.get("language")) for d in lines)
    lang_list = "\n".join(f"- `{k}`: {v}" for k, v in sorted(langs.items())) or "- (none)"
    org = f"Source organisation: {options.source_organization}.\n\n" if options.source_organization else ""
    return f"""# Archive export

Cleaned, language-tagged archival records of scraped web pages, made by archiver {__version__}.
{org}{len(lines)} documents; {failures} inputs could not be exported (see `errors.jsonl`).

Languages of the documents:

{lang_list}

## Contents (this `data/` folder)

- `documents.jsonl`: one line per document: id, title, language, date, site, URL and its files.
- `json/<id>.json`: the full record of each document; it follows `document.schema.json` (JSON Schema 2020-12).
- `markdown/<id>.md`: the same text for people, with YAML front matter.
- `html/index.html`: the reading copy; open it in any browser (no scripts, no network).
- `errors.jsonl`: inputs that failed, with the stage and the reason; `run.json`: how the run went.
- `datapackage.json`: a Frictionless Data Package listing every file with its size and SHA-256.

## How to verify it

The folder above `data/` is a BagIt bag (RFC 8493) with SHA-512 and SHA-256 manifests.

    archiver verify BAG_DIR        # fixity, the data package and every record against the schema
    bagit.py --validate BAG_DIR    # fixity only, with the reference BagIt tool
"""


def _bag_info(
    export: Path, lines: list[dict[str, Any]], failures: int, options: BagOptions
) -> dict[str, str]:
    info = {
        "Bag-Software-Agent": f"archiver {__version__} (bagit.py {bagit.VERSION})",
        "Document-Count": str(len(lines)),
        "Failure-Count": str(failures),
        "External-Description": "Cleaned, language-tagged archival records of web pages (archiver export)",
        "Bagging-Date": _bagging_date(export),
    }
    if options.source_organization:
        info["Source-Organization"] = options.source_organization
    return info


def _bagging_date(export: Path) -> str:
    """The run's start date from ``run.json`` (deterministic), else today."""
    try:
        started = json.loads(read_regular(export / RUN).decode("utf-8"))["timings"]["started"]
        return date.fromisoformat(str(started)[:10]).isoformat()
    except (OSError, ValueError, KeyError, TypeError):
        return date.today().isoformat()


def _build_payload(export: Path, payload: Path, options: BagOptions) -> tuple[list[dict[str, Any]], int]:
    entries = export_entries(export)
    lines = _copy_documents(export, payload, entries, options.source_organization)
    from ..crawl.duplicates import mark_duplicates  # duplicate_of + duplicates.jsonl (issue 15)

    mark_duplicates(export, payload, lines)
    body = "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in lines)
    (payload / DOCUMENTS).write_text(body, "utf-8")
    (payload / ERRORS).write_bytes(_read(export, ERRORS) or b"")
    failures = sum(1 for ln in (payload / ERRORS).read_text("utf-8", "replace").splitlines() if ln.strip())
    if (run := _read(export, RUN)) is not None:
        (payload / RUN).write_bytes(run)
    (payload / datapackage.SCHEMA_FILE).write_bytes(schema_bytes())
    (payload / "README.md").write_bytes(utf8(bag_readme(lines, failures, options)))
    meta = {
        "name": "archiver-export",
        "title": "archiver export",
        "description": f"{len(lines)} cleaned documents, {failures} failures",
        "x-archiver": {"tool": f"archiver {__version__}", "documents": len(lines), "failures": failures},
    }
    datapackage.write_descriptor(payload, meta)
    return lines, failures


def make_bag(export: Path, options: BagOptions = BagOptions()) -> BagSummary:
    """Bag the export directory ``export`` (in place, or into ``options.output``)."""
    export = Path(export).resolve()
    if is_bag(export):
        raise BagError(f"{export}: already a bag")
    target = Path(options.output).resolve() if options.output else export
    if options.output and target.exists() and any(target.iterdir()):
        raise BagError(f"{target}: exists and is not empty")
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{target.name}.bag-", dir=target.parent))
    try:
        os.chmod(staging, export.stat().st_mode & 0o7777)
        lines, failures = _build_payload(export, staging, options)
        bagit.make_bag(
            str(staging), _bag_info(export, lines, failures, options), processes=1, checksums=list(ALGORITHMS)
        )
        _move_into_place(staging, target, replace=options.output is None)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    langs = Counter(str(d.get("language")) for d in lines)
    return BagSummary(target, len(lines), failures, dict(langs))


def _move_into_place(staging: Path, target: Path, replace: bool) -> None:
    if not replace:
        if target.exists():
            target.rmdir()
        staging.rename(target)
        return
    old = target.with_name(f".{target.name}.old-{staging.name.rsplit('-', 1)[-1]}")
    target.rename(old)
    staging.rename(target)
    shutil.rmtree(old)
