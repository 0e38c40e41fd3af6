"""The exit statuses of every subcommand (one set, as ``git`` and ``grep`` use them), and the two
ways a subcommand ends: an error line, or the one-line summary of work done."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from typing import Protocol

EXIT_OK = 0  # done; also "nothing to do" when the command had nothing to do by design
EXIT_FAILED = 1  # ran, but some input failed or nothing matched (search, verify, show)
EXIT_USAGE = 2  # the command line or its inputs were wrong; nothing was done
EXIT_WRITE_FAILED = 74  # sysexits EX_IOERR: the disk is full, read-only or not ours; rerun to resume
EXIT_INTERRUPTED = 130  # Ctrl-C (128 + SIGINT); a rerun resumes


class Summary(Protocol):
    """What a subcommand's work returns: its one-line summary for stderr."""

    def line(self) -> str: ...


def error(message: str, code: int = EXIT_FAILED) -> int:
    """Print ``archiver: error: message`` on stderr; return ``code``."""
    print(f"archiver: error: {message}", file=sys.stderr)
    return code


def summarized(
    work: Callable[[], Summary], quiet: bool, errors: tuple[type[BaseException], ...] = (OSError,)
) -> int:
    """Run ``work``; one of ``errors`` becomes an error line (exit 1), else its summary goes to
    stderr unless ``quiet`` (exit 0)."""
    try:
        summary = work()
    except errors as exc:
        return error(str(exc))
    if not quiet:
        print(summary.line(), file=sys.stderr)
    return EXIT_OK


def add_quiet(p: argparse.ArgumentParser) -> None:
    """``-q/--quiet``: no summary on stderr."""
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
