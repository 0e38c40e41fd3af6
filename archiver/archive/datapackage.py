"""The Frictionless Data Package descriptor of a bag's payload (``data/datapackage.json``).

Written by the project (no frictionless dependency): every payload file except the descriptor
itself is a resource with ``name``, ``path`` (POSIX, relative to ``data/``), ``format``,
``mediatype``, ``encoding``, ``bytes`` and ``hash`` (``sha256:<hex>``, the Data Package v1 form).
JSON records also name the JSON Schema they follow. :func:`check_package` re-reads the files.
"""

from __future__ import annotations

import hashlib
import json
import re
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from .report import Problem

DESCRIPTOR = "datapackage.json"
SCHEMA_FILE = "document.schema.json"
_FORMATS = {
    ".md": ("md", "text/markdown"),
    ".json": ("json", "application/json"),
    ".jsonl": ("jsonl", "application/x-ndjson"),
    ".html": ("html", "text/html"),
}
_NAME = re.compile(r"[^a-z0-9._-]+")


def file_sha256(path: Path) -> str:
    """The SHA-256 of a file, read in 1 MiB chunks."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def resource_name(rel: str) -> str:
    """A Data Package resource name (lower case ``a-z0-9._-``) for a payload path."""
    return _NAME.sub("-", rel.lower()).strip("-") or "resource"


def resource(root: Path, rel: str) -> dict[str, Any]:
    """The resource entry of payload file ``root/rel``."""
    path = root / rel
    fmt, media = _FORMATS.get(path.suffix, (path.suffix.lstrip(".") or "bin", "application/octet-stream"))
    entry: dict[str, Any] = {
        "name": resource_name(rel),
        "path": rel,
        "format": fmt,
        "mediatype": media,
        "encoding": "utf-8",
        "bytes": path.stat().st_size,
        "hash": f"sha256:{file_sha256(path)}",
    }
    if rel.startswith("json/") and fmt == "json":
        entry["jsonschema"] = SCHEMA_FILE
    return entry


def _regular(path: Path) -> bool:
    try:
        return stat.S_ISREG(path.lstat().st_mode)
    except OSError:
        return False


def payload_files(root: Path) -> list[str]:
    """Every regular file under ``root`` (POSIX relative paths, sorted), the descriptor excepted;
    a symlink is not followed (``verify`` reports it)."""
    files = (p.relative_to(root).as_posix() for p in root.rglob("*") if _regular(p))
    return sorted(f for f in files if f != DESCRIPTOR)


def write_descriptor(root: Path, meta: dict[str, Any]) -> dict[str, Any]:
    """Describe every file under ``root`` and write ``root/datapackage.json``; return the descriptor."""
    descriptor = {
        "profile": "data-package",
        **meta,
        "resources": [resource(root, rel) for rel in payload_files(root)],
    }
    (root / DESCRIPTOR).write_text(json.dumps(descriptor, ensure_ascii=False, indent=2) + "\n", "utf-8")
    return descriptor


def _check_resource(root: Path, entry: Any, index: int) -> Iterable[Problem]:
    if not isinstance(entry, dict) or not isinstance(entry.get("path"), str):
        yield Problem("package", DESCRIPTOR, f"resource {index} has no path")
        return
    rel = entry["path"]
    path = root / rel
    if rel.startswith("/") or ".." in Path(rel).parts:
        yield Problem("package", rel, "resource path leaves the payload")
        return
    if not _regular(path):
        yield Problem(
            "missing", f"data/{rel}", "listed in datapackage.json but absent (or not a regular file)"
        )
        return
    size = path.stat().st_size
    if entry.get("bytes") != size:
        yield Problem(
            "package", f"data/{rel}", f"bytes {entry.get('bytes')} in datapackage.json, {size} on disk"
        )
    expected = str(entry.get("hash", ""))
    actual = f"sha256:{file_sha256(path)}"
    if expected != actual:
        yield Problem(
            "package", f"data/{rel}", f"hash {expected or '(none)'} in datapackage.json, {actual} on disk"
        )
    for key in ("name", "format"):
        if not entry.get(key):
            yield Problem("package", f"data/{rel}", f"resource has no {key}")


def check_package(root: Path) -> list[Problem]:
    """Problems between ``root/datapackage.json`` and the files under ``root``."""
    try:
        descriptor = json.loads((root / DESCRIPTOR).read_text("utf-8"))
    except FileNotFoundError:
        return [Problem("missing", f"data/{DESCRIPTOR}", "no data package descriptor")]
    except (OSError, ValueError, RecursionError) as exc:
        return [Problem("package", f"data/{DESCRIPTOR}", f"not valid JSON ({exc})")]
    resources = descriptor.get("resources") if isinstance(descriptor, dict) else None
    if not isinstance(resources, list):
        return [Problem("package", f"data/{DESCRIPTOR}", "no resources list")]
    problems: list[Problem] = []
    listed: set[str] = set()
    names: set[str] = set()
    for i, entry in enumerate(resources):
        problems.extend(_check_resource(root, entry, i))
        if isinstance(entry, dict):
            listed.add(str(entry.get("path")))
            name = str(entry.get("name"))
            if name in names:
                problems.append(Problem("package", f"data/{entry.get('path')}", f"duplicate name {name}"))
            names.add(name)
    for rel in payload_files(root):
        if rel not in listed:
            problems.append(Problem("extra", f"data/{rel}", "not listed in datapackage.json"))
    return problems
