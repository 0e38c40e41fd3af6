"""Command line: a thin argparse layer over the public API. Subcommands register themselves."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Sequence

from ._version import __version__
from .config import Config
from .run.batch import clean_one, run_batch
from .run.output import FORMATS, render
from .sources.files import expand

EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE = 0, 1, 2


def _formats(value: str) -> tuple[str, ...]:
    items = tuple(dict.fromkeys(v.strip() for v in value.split(",") if v.strip()))
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise argparse.ArgumentTypeError(f"unknown format {','.join(bad) or value!r}; choose from {','.join(FORMATS)}")
    return items


def _phrases(path: str) -> tuple[str, ...]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read chrome phrases {path}: {exc.strerror}") from None
    return tuple(ln.strip("\n") for ln in lines if ln.strip() and not ln.startswith("#"))


def _config(args: argparse.Namespace) -> Config:
    return Config(kind=args.kind, comments=args.comments, chrome_phrases=args.chrome_phrases or (),
                  lang_detector=args.lang_detector)


def cmd_clean(args: argparse.Namespace) -> int:
    config = _config(args)
    refs = list(expand(args.inputs, args.include or (), args.exclude or ()))
    if args.output is None:
        if len(refs) != 1:
            print("archiver: error: several inputs need -o DIR", file=sys.stderr)
            return EXIT_USAGE
        result = clean_one(refs[0], config)
        if hasattr(result, "stage"):
            print(f"archiver: error: {result.source}: {result.reason}", file=sys.stderr)
            return EXIT_SOME_FAILED
        for fmt in args.format:
            sys.stdout.write(render(result, fmt))
        return EXIT_OK
    report = (lambda s: None) if args.quiet else (lambda s: print(s, file=sys.stderr))
    summary = run_batch(refs, Path(args.output), args.format, config, report)
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    return EXIT_SOME_FAILED if summary.failures else EXIT_OK


def add_clean(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clean", help="clean pages into Markdown and JSON records",
                       description="Clean files or directories (recursive). One input and no -o: "
                                   "Markdown on stdout. With -o DIR: <id>.md/<id>.json, index.jsonl, errors.jsonl.")
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="file or directory")
    p.add_argument("-o", "--output", metavar="DIR", help="export directory")
    p.add_argument("--format", type=_formats, default=None, help="comma list of md,json (default: md to stdout, md,json to DIR)")
    p.add_argument("--kind", choices=("auto", "html", "text"), default="auto", help="force HTML or plain-text reading")
    p.add_argument("--include", action="append", metavar="GLOB", help="only files matching (in directories)")
    p.add_argument("--exclude", action="append", metavar="GLOB", help="skip files matching (in directories)")
    p.add_argument("--comments", action="store_true", help="keep comments as a separate, labelled section")
    p.add_argument("--chrome-phrases", type=_phrases, metavar="FILE",
                   help="extra chrome phrases, one per line (optionally 'role<TAB>phrase')")
    p.add_argument("--lang-detector", choices=("langdetect", "lingua"), default="langdetect")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more detail on stderr")
    p.set_defaults(func=cmd_clean)


COMMANDS = [add_clean]


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
