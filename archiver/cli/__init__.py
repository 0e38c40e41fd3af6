"""Command line: a thin argparse layer over the public API. Subcommands register themselves:
``clean`` and ``merge`` (:mod:`.clean`), ``show`` (:mod:`.show`), ``bag``, ``verify``, ``index`` and
``search`` (:mod:`.archive`), ``dedup``, ``export`` and ``profile`` (:mod:`.crawl`); one set of exit
statuses (:mod:`.exits`)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from .._version import __version__
from .archive import ARCHIVE_COMMANDS
from .clean import add_clean, add_merge
from .crawl import CRAWL_COMMANDS
from .exits import EXIT_OK, EXIT_USAGE
from .show import add_show

COMMANDS = [add_clean, add_merge, add_show, *ARCHIVE_COMMANDS, *CRAWL_COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="archiver", description="Clean scraped web pages into archival records."
    )
    parser.add_argument("--version", action="version", version=f"archiver {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for add in COMMANDS:
        add(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:
        return int(exc.code or 0)
    if not getattr(args, "func", None):
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    if getattr(args, "format", "unset") is None:
        args.format = ("md",) if args.output is None else ("md", "json")
    try:
        code = args.func(args)
        sys.stdout.flush()
    except BrokenPipeError:
        return _closed_pipe()
    return code


def _closed_pipe() -> int:
    """The reader of our stdout went away (``archiver show … | head``): stop quietly with status 0,
    as ``git log | head`` does. stdout now points at /dev/null so the interpreter's own flush at
    exit does not fail again."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, sys.stdout.fileno())
    os.close(devnull)
    return EXIT_OK
