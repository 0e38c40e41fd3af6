"""``archiver show FILE|DIR``: print a cleaned document readably in a terminal (display only)."""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path
from typing import Any

from ..archive.records import ExportError
from ..archive.records import load_record as read_record
from ..errors import ArchiverError
from ..render.terminal import TerminalOptions, render_terminal, shown, wants_bidi
from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE


class ShowError(ArchiverError):
    """A record that cannot be found or read; the message is one line for stderr."""


def _read(path: Path) -> dict[str, Any]:
    try:
        return read_record(path)
    except ExportError as exc:
        raise ShowError(str(exc)) from None


def _is_record(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(200)
    except OSError:
        return False
    return b'"schema": "archiver.document/' in head


def _records(directory: Path) -> list[Path]:
    """The document records of an export directory (run summaries and other JSON left out)."""
    return sorted(p for p in directory.glob("*.json") if not p.name.startswith(".") and _is_record(p))


def load_record(target: Path, doc_id: str | None = None) -> dict[str, Any]:
    """The record at ``target``: a ``<id>.json`` file, or a document of an export directory
    (``doc_id`` picks it; without one the directory must hold exactly one document)."""
    if target.is_file():
        return _read(target)
    if not target.is_dir():
        raise ShowError(f"{target}: no such file or directory")
    if doc_id is not None:
        path = target / f"{doc_id}.json"
        if not path.is_file():
            raise ShowError(f"{target}: no document with id {doc_id!r}")
        return _read(path)
    paths = _records(target)
    if len(paths) == 1:
        return _read(paths[0])
    if not paths:
        raise ShowError(f"{target}: no document records (<id>.json) here")
    raise ShowError(f"{target}: {len(paths)} documents; choose one with --id (see --list)")


def list_records(directory: Path) -> str:
    """One line per document of an export directory: id, language, title."""
    lines = []
    for path in _records(directory):
        try:
            rec = _read(path)
        except ShowError:
            continue
        lines.append(f"{rec.get('id', path.stem)}\t{rec.get('language', 'und')}\t{rec.get('title') or ''}")
    return shown("\n".join(lines)) + ("\n" if lines else "")


def cmd_show(args: argparse.Namespace) -> int:
    target = Path(args.target)
    if args.list:
        if not target.is_dir():
            print(f"archiver: error: --list needs an export directory, not {target}", file=sys.stderr)
            return EXIT_USAGE
        sys.stdout.write(list_records(target))
        return EXIT_OK
    try:
        record = load_record(target, args.id)
    except ShowError as exc:
        print(f"archiver: error: {exc}", file=sys.stderr)
        return EXIT_FAILED
    width = args.width or shutil.get_terminal_size((80, 24)).columns
    opts = TerminalOptions(width=width, bidi=wants_bidi(args.bidi, sys.stdout))
    sys.stdout.write(render_terminal(record, opts))
    return EXIT_OK


def add_show(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver show``."""
    p = sub.add_parser(
        "show",
        help="print a cleaned document readably in a terminal",
        description="Show a JSON record (DIR/<id>.json from 'archiver clean -o DIR') or a "
        "document of an export directory. Display only: nothing is written.",
    )
    p.add_argument("target", metavar="FILE|DIR", help="a <id>.json record or an export directory")
    p.add_argument("--id", help="the document to show from an export directory")
    p.add_argument("--list", action="store_true", help="list the documents of an export directory")
    p.add_argument(
        "--bidi",
        choices=("auto", "on", "off"),
        default="auto",
        help="shape and reorder right-to-left lines for terminals without bidi support "
        "(auto: on for such a terminal; ARCHIVER_BIDI=on|off overrides)",
    )
    p.add_argument("--width", type=int, default=None, help="columns (default: the terminal's width)")
    p.set_defaults(func=cmd_show)
