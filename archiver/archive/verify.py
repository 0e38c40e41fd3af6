"""``archiver verify``: is a bag (or a plain export directory) intact and self-consistent?

For a bag, five layers, each reported file by file:

1. fixity: the SHA-256 and SHA-512 payload manifests and tag manifests are there, and the tag
   manifests cover ``bagit.txt``, ``bag-info.txt`` and the payload manifests (``bag``); every listed
   file is present with the recorded hashes (``changed``/``missing``), no file is unlisted
   (``extra``), Payload-Oxum; no ``fetch.txt`` (the payload is all in the bag) and no symlink
   anywhere (a bag holds regular files; a link is never read through);
2. the data package: every file is a resource whose ``bytes`` and ``hash`` match (``package``);
3. the records: every ``json/<id>.json`` validates against the bag's JSON Schema (``schema``),
   and every line of ``documents.jsonl`` names its id's files, which exist (``documents``);
4. the derived files: Markdown, the HTML reading copy, ``documents.jsonl``, README.md and the
   schema made again from ``json/`` and compared (``render``; see archive/rerender.py), so a
   forgery that recomputed every manifest is still caught;
5. ``archive.sqlite``, when there is one: the index the payload gives (``index``; archive/indexcheck.py).

A plain export directory gets the record checks (its ``index.jsonl`` outputs and JSON records),
its Markdown against its records, and its index.
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import bagit
from referencing.exceptions import Unresolvable

from ..api import schema as packaged_schema
from ..render.codec import RecordError, document_from_dict
from . import datapackage
from .bag import ALGORITHMS, DOCUMENTS, is_bag, utf8
from .indexcheck import check_index
from .records import Entry, ExportError, is_document_id, is_regular, read_entries, read_jsonl, read_regular
from .report import Problem
from .rerender import check_derived

TAG_FILES_ALLOWED = {
    "bagit.txt",
    "bag-info.txt",
    "archive.sqlite",
    "archive.sqlite-wal",
    "archive.sqlite-shm",
    "archive.sqlite-journal",
}  # the search index lives beside data/
MAX_SCHEMA_ERRORS = 5


@dataclass(frozen=True, slots=True)
class VerifyReport:
    """The result: ``problems`` is empty when everything checked out."""

    path: Path
    bag: bool
    problems: tuple[Problem, ...]
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        """True when no problem was found."""
        return not self.problems

    def lines(self) -> list[str]:
        """The report: one line per problem, then a summary line."""
        what = ", ".join(f"{v} {k.removesuffix('s') if v == 1 else k}" for k, v in self.counts.items())
        n = len(self.problems)
        verdict = "OK" if self.ok else f"{n} problem" + ("s" if n != 1 else "")
        kind = "bag" if self.bag else "export"
        summary = f"archiver: verify {kind} {self.path}: {verdict}" + (f" ({what})" if what else "")
        return [p.line() for p in self.problems] + [summary]


def _hashes(path: Path, algs: Iterable[str]) -> dict[str, str]:
    hashers = {alg: hashlib.new(alg) for alg in algs}
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            for h in hashers.values():
                h.update(chunk)
    return {alg: h.hexdigest() for alg, h in hashers.items()}


def _posix(rel: str) -> str:
    return rel.replace(os.sep, "/")


def _fixity(root: Path, bag: bagit.Bag) -> Iterator[Problem]:
    for rel, expected in sorted(bag.entries.items()):
        path = root / rel
        if not is_regular(path):
            if not os.path.lexists(path):  # a symlink is reported by _links, never read through
                yield Problem("missing", _posix(rel), "listed in the manifest but absent")
            continue
        actual = _hashes(path, expected)
        for alg in sorted(expected):
            if actual[alg] != expected[alg].lower():
                yield Problem(
                    "changed", _posix(rel), f"{alg} {actual[alg]} on disk, {expected[alg]} in the manifest"
                )


def _walk(root: Path) -> Iterator[tuple[str, os.stat_result]]:
    """(POSIX relative path, lstat) of everything under ``root`` but directories, links not followed."""
    for top, dirs, files in os.walk(root):
        for name in sorted(dirs + files):
            path = os.path.join(top, name)
            st = os.lstat(path)
            if not stat.S_ISDIR(st.st_mode):
                yield Path(path).relative_to(root).as_posix(), st


def _links(root: Path) -> Iterator[Problem]:
    for rel, st in _walk(root):
        if not stat.S_ISREG(st.st_mode):
            what = "a symlink" if stat.S_ISLNK(st.st_mode) else "not a regular file"
            yield Problem("bag", rel, f"{what}: a bag holds regular files only (not read through)")


def _tag_manifests(root: Path, bag: bagit.Bag) -> Iterator[Problem]:
    """The manifests of both algorithms must be there, and the tag manifests must cover the tag files."""
    for alg in ALGORITHMS:
        for name in (f"manifest-{alg}.txt", f"tagmanifest-{alg}.txt"):
            if not is_regular(root / name):
                yield Problem(
                    "bag",
                    name,
                    "missing: the bag's tag files cannot be checked without it"
                    if name.startswith("tag")
                    else "missing",
                )
    if (root / "fetch.txt").exists() or (root / "fetch.txt").is_symlink():
        yield Problem(
            "bag",
            "fetch.txt",
            "present: files to fetch from elsewhere; an archiver bag holds its whole payload",
        )
    covered = ["bagit.txt", "bag-info.txt", *sorted(p.name for p in root.glob("manifest-*.txt"))]
    for name in covered:
        have = bag.entries.get(name, {})
        for alg in ALGORITHMS:
            if alg not in have and is_regular(root / f"tagmanifest-{alg}.txt"):
                yield Problem("bag", name, f"not listed in tagmanifest-{alg}.txt")


def _extras(root: Path, bag: bagit.Bag) -> Iterator[Problem]:
    listed = {_posix(k) for k in bag.entries}
    for rel, st in _walk(root):
        if not stat.S_ISREG(st.st_mode) or rel in listed:
            continue
        top = "/" not in rel
        if top and (rel in TAG_FILES_ALLOWED or rel.startswith(("manifest-", "tagmanifest-"))):
            continue
        yield Problem(
            "extra", rel, "not in any manifest" if not top else "unexpected file beside the payload"
        )


def _oxum(root: Path, bag: bagit.Bag) -> Iterator[Problem]:
    oxum = bag.info.get("Payload-Oxum")
    if not oxum:
        yield Problem("bag", "bag-info.txt", "no Payload-Oxum")
        return
    files = [st for _, st in _walk(root / "data")]
    actual = f"{sum(st.st_size for st in files)}.{len(files)}"
    if actual != oxum:
        yield Problem("bag", "bag-info.txt", f"Payload-Oxum {oxum}, payload has {actual} (bytes.files)")


def _validator(schema_path: Path | None) -> Any:
    """A validator for the bag's own schema file, or the packaged schema (None, or unreadable)."""
    import jsonschema

    try:
        schema = json.loads(schema_path.read_text("utf-8")) if schema_path else packaged_schema()
        jsonschema.Draft202012Validator.check_schema(schema)
    except (OSError, ValueError, RecursionError, jsonschema.SchemaError):
        schema = packaged_schema()  # fixity reports the damaged file; the records still get checked
    return jsonschema.Draft202012Validator(schema)


def check_record(path: Path, rel: str, validator: Any) -> list[Problem]:
    """Problems of one JSON record file against the schema."""
    try:
        record = json.loads(read_regular(path).decode("utf-8"))
    except FileNotFoundError:
        return [Problem("missing", rel, "record file absent")]
    except (OSError, ValueError, RecursionError) as exc:
        return [Problem("schema", rel, f"not valid JSON ({exc})")]
    try:
        errors = sorted(validator.iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
    except Unresolvable as exc:  # a $ref of a damaged schema file
        return [Problem("schema", rel, f"the schema cannot be applied ({exc.__class__.__name__})")]
    out = [
        Problem("schema", rel, f"/{'/'.join(map(str, e.absolute_path))}: {e.message}")
        for e in errors[:MAX_SCHEMA_ERRORS]
    ]
    if len(errors) > MAX_SCHEMA_ERRORS:
        out.append(Problem("schema", rel, f"… and {len(errors) - MAX_SCHEMA_ERRORS} more schema errors"))
    if isinstance(record, dict) and record.get("id") != Path(rel).stem:
        shown = json.dumps(record.get("id"), ensure_ascii=False)[:60]
        out.append(Problem("documents", rel, f"record id {shown} is not the id its file is named by"))
    return out


def _document_line(line: str) -> tuple[str, list[str]] | str:
    """(id, files) of one ``documents.jsonl`` line, or why it is not a document line."""
    try:
        doc = json.loads(line)
        doc_id, files = doc["id"], [doc[k] for k in ("json", "html", "markdown") if doc.get(k)]
    except (ValueError, KeyError, TypeError, RecursionError):
        return "not a document line"
    if not is_document_id(doc_id):
        return f"id {json.dumps(doc_id, ensure_ascii=False)[:60]} is not a document id (16 hex digits)"
    own = {f"json/{doc_id}.json", f"html/{doc_id}.html", f"markdown/{doc_id}.md"}
    if doc.get("json") != f"json/{doc_id}.json" or not all(f in own for f in files):
        return f"names files other than its id's own ({', '.join(sorted(own))})"
    return doc_id, files


def _documents(data: Path) -> Iterator[Problem]:
    rel = f"data/{DOCUMENTS}"
    try:
        lines = read_regular(data / DOCUMENTS).decode("utf-8").splitlines()
    except FileNotFoundError:
        yield Problem("missing", rel, "no documents list")
        return
    except (OSError, ValueError) as exc:
        yield Problem("documents", rel, f"unreadable ({exc.__class__.__name__})")
        return
    ids = set()
    for n, line in enumerate(lines, 1):
        parsed = _document_line(line)
        if isinstance(parsed, str):
            yield Problem("documents", f"{rel}:{n}", parsed)
            continue
        ids.add(parsed[0])
        for f in parsed[1]:
            if not is_regular(data / f):
                yield Problem("documents", f"{rel}:{n}", f"names {f}, which is absent")
    for path in sorted((data / "json").glob("*.json")):
        if path.stem not in ids:
            yield Problem("documents", f"data/json/{path.name}", f"record not listed in {DOCUMENTS}")


def _records(data: Path) -> tuple[list[Problem], int]:
    validator = _validator(data / datapackage.SCHEMA_FILE)
    problems: list[Problem] = []
    paths = sorted((data / "json").glob("*.json"))
    for path in paths:
        problems.extend(check_record(path, f"data/json/{path.name}", validator))
    return problems, len(paths)


def _one_line(exc: BaseException) -> str:
    return " ".join(str(exc).split()) or exc.__class__.__name__


def verify_bag(root: Path) -> VerifyReport:
    """Check fixity, the data package and the records of the bag at ``root``."""
    try:
        bag = bagit.Bag(str(root))
    except (bagit.BagError, OSError, ValueError) as exc:  # ValueError: a tag file that is not UTF-8
        return VerifyReport(
            root, True, (Problem("bag", str(root), f"not a readable bag ({_one_line(exc)})"),)
        )
    problems = [
        *_tag_manifests(root, bag),
        *_links(root),
        *_fixity(root, bag),
        *_extras(root, bag),
        *_oxum(root, bag),
    ]
    data = root / "data"
    problems += datapackage.check_package(data)
    records, n = _records(data)
    problems += records
    problems += _documents(data)
    problems += check_derived(data, {k: v for k, v in bag.info.items() if isinstance(v, str)})  # once each
    problems += check_index(root)
    counts = {"files": len(bag.entries), "records": n}
    return VerifyReport(root, True, tuple(dict.fromkeys(problems)), counts)


def _export_markdown(root: Path, entry: Entry) -> list[Problem]:
    """The export's ``<id>.md`` against the Markdown of its ``<id>.json``."""
    try:
        doc = document_from_dict(json.loads(read_regular(root / entry.json_path).decode("utf-8")))
        have = read_regular(root / entry.md_path)
    except (OSError, ValueError, RecursionError, RecordError):
        return []  # absent or unreadable: reported by the other checks
    if have == utf8(doc.to_markdown()):
        return []
    return [Problem("render", entry.md_path, f"is not the Markdown of {entry.json_path}")]


def verify_export(root: Path) -> VerifyReport:
    """Check an export directory that is not a bag: its listed files, every record's schema, its
    Markdown against its records and its search index."""
    try:
        entries, refused = read_entries(root)
        bad = sum(1 for _ in read_jsonl(root / "errors.jsonl"))
    except ExportError as exc:
        return VerifyReport(root, False, (Problem("export", str(root), str(exc)),))
    validator = _validator(None)
    problems = [Problem("export", line.split(": ", 1)[0], line.split(": ", 1)[-1]) for line in refused]
    for entry in entries:
        if entry.md_path and not is_regular(root / entry.md_path):
            problems.append(Problem("missing", entry.md_path, "listed in index.jsonl but absent"))
        if entry.json_path:
            found = check_record(root / entry.json_path, entry.json_path, validator)
            problems += found
            if entry.md_path and not found:
                problems += _export_markdown(root, entry)
    if not refused:
        problems += check_index(root)
    return VerifyReport(root, False, tuple(problems), {"records": len(entries), "failures": bad})


def verify(path: str | os.PathLike[str]) -> VerifyReport:
    """Verify a bag or an export directory; see the module docstring for what is checked."""
    root = Path(path)
    return verify_bag(root) if is_bag(root) else verify_export(root)
