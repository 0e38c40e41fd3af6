"""The ``bag``, ``verify``, ``index`` and ``search`` subcommands, and ``clean --bag``."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from pathlib import Path

from ..archive.bag import BagError, BagOptions, make_bag
from ..archive.index import build_index
from ..archive.records import ExportError
from ..archive.search import QueryError, search
from ..archive.verify import verify
from ..render.terminal import printable, shown, visible
from .exits import EXIT_FAILED, EXIT_OK, EXIT_USAGE, add_quiet, summarized
from .exits import error as _error

_BOLD, _RESET = "\x1b[1m", "\x1b[0m"


def _directory(value: str) -> Path:
    path = Path(value)
    if not path.is_dir():
        raise argparse.ArgumentTypeError(f"not a directory: {value}")
    return path


def add_bag_options(p: argparse.ArgumentParser) -> None:
    """The options ``clean`` and ``bag`` share."""
    p.add_argument("--source-organization", metavar="NAME", help="Source-Organization for bag-info.txt")


def add_clean_bag_option(p: argparse.ArgumentParser) -> None:
    """``clean --bag``: make the export directory a BagIt bag when the batch has finished."""
    p.add_argument("--bag", action="store_true", help="make the -o directory a BagIt bag after the run")
    add_bag_options(p)


def bag_after_clean(args: argparse.Namespace) -> int:
    """Run the bag step of ``clean --bag`` (after the batch); an exit status."""
    if not getattr(args, "bag", False):
        return EXIT_OK
    if args.output is None:
        return _error("--bag needs -o DIR", EXIT_USAGE)
    return _bag(Path(args.output), None, args.source_organization, getattr(args, "quiet", False))


def _bag(export: Path, output: Path | None, org: str | None, quiet: bool) -> int:
    options = BagOptions(output=output, source_organization=org)
    return summarized(lambda: make_bag(export, options), quiet, (BagError, ExportError, OSError))


def cmd_bag(args: argparse.Namespace) -> int:
    """Run ``archiver bag``."""
    return _bag(args.dir, Path(args.output) if args.output else None, args.source_organization, args.quiet)


def add_bag(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver bag``."""
    p = sub.add_parser(
        "bag",
        help="make an export directory a BagIt bag with a data package",
        description="Turn an export directory (archiver clean -o DIR) into a BagIt bag "
        "(SHA-512 + SHA-256) whose data/ holds README.md, datapackage.json, the JSON "
        "Schema, documents.jsonl, markdown/, json/, html/, errors.jsonl and run.json.",
    )
    p.add_argument("dir", type=_directory, metavar="DIR", help="export directory")
    p.add_argument("-o", "--output", metavar="BAG", help="write the bag here (default: DIR becomes the bag)")
    add_bag_options(p)
    add_quiet(p)
    p.set_defaults(func=cmd_bag)


def cmd_verify(args: argparse.Namespace) -> int:
    """Run ``archiver verify``: one line per problem on stdout, the verdict on stderr."""
    report = verify(args.dir)
    *problems, verdict = report.lines()
    for line in problems:
        print(line)
    print(verdict, file=sys.stderr)
    return EXIT_OK if report.ok else EXIT_FAILED


def add_verify(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver verify``."""
    p = sub.add_parser(
        "verify",
        help="check a bag's fixity, data package and records",
        description="Check a bag: both tag manifests and every checksum, no missing or extra "
        "file, no fetch.txt or symlink, the data package's sizes and hashes, every "
        "record against the JSON Schema; Markdown, HTML, documents.jsonl and README "
        "derived again from json/ and compared; archive.sqlite against the payload. "
        "An export directory that is not a bag: its records, its Markdown and its "
        "index. Exit 1 if anything is wrong.",
    )
    p.add_argument("dir", type=_directory, metavar="DIR", help="bag or export directory")
    p.set_defaults(func=cmd_verify)


def cmd_index(args: argparse.Namespace) -> int:
    """Run ``archiver index``."""

    def work():
        if args.dedup:  # duplicate groups first: the index takes them from duplicates.jsonl
            from ..crawl.duplicates import dedup_export

            dedup_export(args.dir)
        return build_index(args.dir, workers=args.parallel)

    return summarized(work, args.quiet, (ExportError, OSError))


def add_index(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver index``."""
    p = sub.add_parser(
        "index",
        help="build or update DIR/archive.sqlite (full-text search)",
        description="Index an export directory or bag for search (SQLite FTS5 over the folded, "
        "stemmed search key). Run again after more cleaning: only new documents are added.",
    )
    p.add_argument("dir", type=_directory, metavar="DIR", help="export directory or bag")
    p.add_argument(
        "--parallel",
        "--workers",
        dest="parallel",
        type=int,
        default=None,
        metavar="N",
        help="processes that read records and compute terms (default: the cores; 0: this one)",
    )
    p.add_argument(
        "--dedup",
        action="store_true",
        help="group duplicates first (archiver dedup); search then shows one hit per group",
    )
    add_quiet(p)
    p.set_defaults(func=cmd_index)


def cmd_search(args: argparse.Namespace) -> int:
    """Run ``archiver search``: ranked hits on stdout (or JSON lines with ``--json``)."""
    try:
        hits = search(args.dir, " ".join(args.query), lang=args.lang, limit=args.limit)
    except QueryError as exc:
        return _error(str(exc), EXIT_USAGE)
    except (ExportError, OSError) as exc:
        return _error(str(exc))
    if not hits:
        print(f"archiver: no match for {' '.join(args.query)!r}", file=sys.stderr)
        return EXIT_FAILED
    tty = sys.stdout.isatty()
    for hit in hits:
        if args.json:
            print(json.dumps(hit.to_dict(), ensure_ascii=False))
            continue
        # page text: never terminal codes, never reordered by a bidi control (named after marking,
        # which needs the snippet's offsets)
        safe = dataclasses.replace(hit, snippet=printable(hit.snippet))
        snippet = visible(safe.marked(_BOLD, _RESET) if tty else safe.marked("[", "]"))
        copies = f", {hit.copies} copies" if hit.copies > 1 else ""  # one hit per duplicate group (issue 15)
        print(
            f"{hit.rank}. {shown(hit.title)}\n   {shown(hit.path)}  ({shown(hit.language)}, score "
            f"{hit.score:.2f}{copies})\n   {snippet}\n"
        )
    return EXIT_OK


def add_search(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver search``."""
    p = sub.add_parser(
        "search",
        help="search an indexed archive",
        description="Ranked hits with a highlighted snippet, the title and the path. Arabic "
        "queries ignore diacritics, tatweel, hamza/alef variants, ى/ي, ة/ه, "
        "presentation forms, digit styles and attached و/ف/ب/ك/ل/ال.",
    )
    p.add_argument("dir", type=_directory, metavar="DIR", help="indexed export directory or bag")
    p.add_argument("query", nargs="+", help="words (quoted together or not); every word must match")
    p.add_argument("--lang", metavar="TAG", help="only documents in this language (BCP 47, e.g. ar)")
    p.add_argument("--limit", type=int, default=10, metavar="N", help="at most N hits (default 10)")
    p.add_argument("--json", action="store_true", help="one JSON object per hit")
    p.set_defaults(func=cmd_search)


ARCHIVE_COMMANDS = [add_bag, add_verify, add_index, add_search]
