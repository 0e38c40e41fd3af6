"""Command line: a thin argparse layer over the public API. Subcommands register themselves."""
from __future__ import annotations

import argparse
import sys
from typing import Sequence

from ._version import __version__
from .run.command import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE, add_clean, add_merge  # noqa: F401
from .render.show import add_show
from .archive.commands import ARCHIVE_COMMANDS
from .crawl.commands import CRAWL_COMMANDS


COMMANDS = [add_clean, add_merge, add_show, *ARCHIVE_COMMANDS, *CRAWL_COMMANDS]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="archiver", description="Clean scraped web pages into archival records.")
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
    return args.func(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
