"""``archiver verify``: is a bag (or a plain export directory) intact and self-consistent?

For a bag, three layers, each reported file by file:

1. fixity: every file in the payload and tag manifests is present and has the recorded SHA-256
   and SHA-512 (``changed``/``missing``), no payload file is unlisted (``extra``), Payload-Oxum;
2. the data package: every file is a resource whose ``bytes`` and ``hash`` match (``package``);
3. the records: every ``json/<id>.json`` validates against the bag's JSON Schema (``schema``),
   and every line of ``documents.jsonl`` names files that exist (``documents``).

A plain export directory gets the record checks (its ``index.jsonl`` outputs and JSON records).
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Iterator

import bagit
from referencing.exceptions import Unresolvable

from ..api import schema as packaged_schema
from . import datapackage
from .bag import DOCUMENTS, is_bag
from .records import ExportError, export_entries, read_jsonl
from .report import Problem

TAG_FILES_ALLOWED = {"bagit.txt", "bag-info.txt", "fetch.txt", "archive.sqlite", "archive.sqlite-wal",
                     "archive.sqlite-shm", "archive.sqlite-journal"}  # the search index lives beside data/
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
        if not path.is_file():
            yield Problem("missing", _posix(rel), "listed in the manifest but absent")
            continue
        actual = _hashes(path, expected)
        for alg in sorted(expected):
            if actual[alg] != expected[alg].lower():
                yield Problem("changed", _posix(rel), f"{alg} {actual[alg]} on disk, {expected[alg]} in the manifest")


def _extras(root: Path, bag: bagit.Bag) -> Iterator[Problem]:
    listed = {_posix(k) for k in bag.entries}
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root).as_posix()
        if not path.is_file() or rel in listed:
            continue
        top = "/" not in rel
        if top and (rel in TAG_FILES_ALLOWED or rel.startswith(("manifest-", "tagmanifest-"))):
            continue
        yield Problem("extra", rel, "not in any manifest" if not top else "unexpected file beside the payload")


def _oxum(root: Path, bag: bagit.Bag) -> Iterator[Problem]:
    oxum = bag.info.get("Payload-Oxum")
    if not oxum:
        yield Problem("bag", "bag-info.txt", "no Payload-Oxum")
        return
    files = [p for p in (root / "data").rglob("*") if p.is_file()]
    actual = f"{sum(p.stat().st_size for p in files)}.{len(files)}"
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
        record = json.loads(path.read_text("utf-8"))
    except FileNotFoundError:
        return [Problem("missing", rel, "record file absent")]
    except (OSError, ValueError, RecursionError) as exc:
        return [Problem("schema", rel, f"not valid JSON ({exc})")]
    try:
        errors = sorted(validator.iter_errors(record), key=lambda e: [str(p) for p in e.absolute_path])
    except Unresolvable as exc:  # a $ref of a damaged schema file
        return [Problem("schema", rel, f"the schema cannot be applied ({exc.__class__.__name__})")]
    out = [Problem("schema", rel, f"/{'/'.join(map(str, e.absolute_path))}: {e.message}")
           for e in errors[:MAX_SCHEMA_ERRORS]]
    if len(errors) > MAX_SCHEMA_ERRORS:
        out.append(Problem("schema", rel, f"… and {len(errors) - MAX_SCHEMA_ERRORS} more schema errors"))
    return out


def _documents(data: Path) -> Iterator[Problem]:
    rel = f"data/{DOCUMENTS}"
    if not (data / DOCUMENTS).is_file():
        yield Problem("missing", rel, "no documents list")
        return
    try:
        lines = (data / DOCUMENTS).read_text("utf-8").splitlines()
    except (OSError, ValueError) as exc:
        yield Problem("documents", rel, f"unreadable ({exc.__class__.__name__})")
        return
    ids = set()
    for n, line in enumerate(lines, 1):
        try:
            doc = json.loads(line)
            ids.add(doc["id"])
            files = [doc[k] for k in ("json", "html", "markdown") if doc.get(k)]
        except (ValueError, KeyError, TypeError, RecursionError):
            yield Problem("documents", f"{rel}:{n}", "not a document line")
            continue
        if not all(isinstance(f, str) and _inside(f) for f in files):
            yield Problem("documents", f"{rel}:{n}", "names a file that is not a payload path")
            continue
        for f in files:
            if not (data / f).is_file():
                yield Problem("documents", f"{rel}:{n}", f"names {f}, which is absent")
    for path in sorted((data / "json").glob("*.json")):
        if path.stem not in ids:
            yield Problem("documents", f"data/json/{path.name}", f"record not listed in {DOCUMENTS}")


def _inside(rel: str) -> bool:
    """Whether ``rel`` is a relative path that stays inside its folder."""
    return not rel.startswith(("/", "\\")) and ".." not in Path(rel).parts


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
        return VerifyReport(root, True, (Problem("bag", str(root), f"not a readable bag ({_one_line(exc)})"),))
    problems = [*_fixity(root, bag), *_extras(root, bag), *_oxum(root, bag)]
    data = root / "data"
    problems += datapackage.check_package(data)
    records, n = _records(data)
    problems += records
    problems += _documents(data)
    counts = {"files": len(bag.entries), "records": n}
    return VerifyReport(root, True, tuple(dict.fromkeys(problems)), counts)


def verify_export(root: Path) -> VerifyReport:
    """Check an export directory that is not a bag: its listed files and every record's schema."""
    try:
        entries = export_entries(root)
    except ExportError as exc:
        return VerifyReport(root, False, (Problem("export", str(root), str(exc)),))
    validator = _validator(None)
    problems: list[Problem] = []
    for entry in entries:
        if entry.md_path and not (root / entry.md_path).is_file():
            problems.append(Problem("missing", entry.md_path, "listed in index.jsonl but absent"))
        if entry.json_path:
            problems += check_record(root / entry.json_path, entry.json_path, validator)
    bad = sum(1 for _ in read_jsonl(root / "errors.jsonl"))
    return VerifyReport(root, False, tuple(problems), {"records": len(entries), "failures": bad})


def verify(path: str | os.PathLike[str]) -> VerifyReport:
    """Verify a bag or an export directory; see the module docstring for what is checked."""
    root = Path(path)
    return verify_bag(root) if is_bag(root) else verify_export(root)
