"""``verify``'s check of the files a bag derives from its records: derived again and compared.

Fixity only proves that the files are the ones the manifests list; whoever rewrites a file can
rewrite the manifests too. But in a bag every file but ``json/`` (and ``errors.jsonl``, ``run.json``)
is derived from the JSON records by archiver itself: ``markdown/<id>.md``, ``html/<id>.html`` and the
``html/index*.html`` pages, ``documents.jsonl`` (but each line's ``source``), ``README.md`` and
``document.schema.json``. So each is made again here from ``json/`` with the faithful reader
(:mod:`archiver.render.codec`) and compared byte for byte: an HTML page given a ``<script>`` and its
CSP removed, a Markdown file that says something its record does not, a forged title in
``documents.jsonl``: each is a ``render`` problem even when every manifest was recomputed.

The renderers are this version's: a bag made by another archiver version may differ for that
reason alone, and the problem line then names both versions.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

from .._version import __version__
from ..model import Document
from ..render.codec import RecordError, document_from_dict
from ..render.html import document_page, index_pages, row_for
from .bag import BagOptions, bag_readme, document_line, schema_bytes, utf8
from .records import ERRORS, Entry, ExportError, is_document_id, numbered_lines, parse_record, read_regular
from .report import Problem

DOCUMENTS = "documents.jsonl"


def _first_difference(have: bytes, want: bytes) -> str:
    a, b = have.split(b"\n"), want.split(b"\n")
    line = next((i for i, (x, y) in enumerate(zip(a, b), 1) if x != y), min(len(a), len(b)) + 1)
    return f"first difference at line {line}"


def _compare(rel: str, have: bytes | None, want: bytes, what: str, note: str) -> Iterator[Problem]:
    if have is None:
        yield Problem("render", rel, f"absent, but {what} gives it{note}")
    elif have != want:
        yield Problem("render", rel, f"is not what {what} gives ({_first_difference(have, want)}){note}")


def _read(path: Path) -> bytes | None:
    try:
        return read_regular(path)
    except OSError:
        return None


def _version_note(agent: str | None) -> str:
    made = (agent or "").split(" (", 1)[0]
    ours = f"archiver {__version__}"
    return "" if made == ours else f"; the bag was made by {made or 'an unknown tool'}, this is {ours}"


def _document(data: Path, doc_id: str) -> tuple[Document, dict[str, Any]] | None:
    raw = _read(data / "json" / f"{doc_id}.json")
    if raw is None:
        return None
    try:
        record = parse_record(raw, data / "json" / f"{doc_id}.json")
        return document_from_dict(record), record
    except (ExportError, RecordError):
        return None  # the schema check reports it


def _lines(data: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        return [(n, line) for n, line in numbered_lines(data / DOCUMENTS) if is_document_id(line.get("id"))]
    except ExportError:
        return []  # the documents check reports it


def _one(
    data: Path, n: int, line: dict[str, Any], note: str, duplicate_of: dict[str, str | None] | None = None
) -> tuple[list[Problem], Any]:
    """Problems of one document's derived files, and its row of the HTML index (None if unreadable)."""
    doc_id = line["id"]
    read = _document(data, doc_id)
    if read is None:
        return [], None
    doc, record = read
    problems = []
    md = _read(data / "markdown" / f"{doc_id}.md")
    if line.get("markdown") or md is not None:
        problems += _compare(
            f"data/markdown/{doc_id}.md",
            md,
            utf8(doc.to_markdown()),
            f"the Markdown of json/{doc_id}.json",
            note,
        )
    problems += _compare(
        f"data/html/{doc_id}.html",
        _read(data / "html" / f"{doc_id}.html"),
        utf8(document_page(doc, markdown=md is not None)),
        f"the reading copy of json/{doc_id}.json",
        note,
    )
    entry = Entry(doc_id, str(line.get("source", "")), str(record.get("status", "ok")), None, None)
    want = document_line(entry, record, md is not None)
    if duplicate_of is not None:  # a bag made after archiver dedup (issue 15)
        want["duplicate_of"] = duplicate_of.get(doc_id)
    wrong = [k for k in sorted(set(want) | set(line)) if k != "source" and want.get(k) != line.get(k)]
    if wrong:
        problems.append(
            Problem(
                "render", f"data/{DOCUMENTS}:{n}", f"{', '.join(wrong)} not as json/{doc_id}.json gives{note}"
            )
        )
    return problems, row_for(doc, f"{doc_id}.html")


def _unexpected(data: Path, sub: str, expected: set[str]) -> Iterator[Problem]:
    folder = data / sub
    if folder.is_dir():
        for path in sorted(folder.iterdir()):
            if path.name not in expected:
                yield Problem("render", f"data/{sub}/{path.name}", "not a file this bag's records give")


def check_derived(data: Path, info: dict[str, str]) -> list[Problem]:
    """Problems of the files derived from the records of the bag payload ``data``."""
    note = _version_note(info.get("Bag-Software-Agent"))
    lines = _lines(data)
    problems: list[Problem] = []
    rows = []
    from ..crawl.duplicates import payload_duplicate_of

    duplicate_of = payload_duplicate_of(data)
    for n, line in lines:
        found, row = _one(data, n, line, note, duplicate_of)
        problems += found
        if row is not None:
            rows.append(row)
    org = info.get("Source-Organization")
    pages = {name: utf8(page) for name, page in index_pages(rows, organisation=org).items()}
    for name, page in pages.items():
        problems += _compare(
            f"data/html/{name}", _read(data / "html" / name), page, "the records' index", note
        )
    ids = {line["id"] for _, line in lines}
    problems += _unexpected(data, "html", set(pages) | {f"{i}.html" for i in ids})
    problems += _unexpected(data, "markdown", {f"{i}.md" for i in ids})
    problems += _compare(
        "data/document.schema.json",
        _read(data / "document.schema.json"),
        schema_bytes(),
        "the packaged schema",
        note,
    )
    errors = (_read(data / ERRORS) or b"").decode("utf-8", "replace")
    failures = sum(1 for ln in errors.splitlines() if ln.strip())
    readme = bag_readme([line for _, line in lines], failures, BagOptions(source_organization=org))
    problems += _compare("data/README.md", _read(data / "README.md"), utf8(readme), "the records", note)
    return problems
