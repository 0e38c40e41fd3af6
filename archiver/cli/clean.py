"""The ``clean`` and ``merge`` subcommands (registered by :mod:`archiver.cli`)."""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Config
from ..model import Failure
from ..run.batch import RunOptions, Stopped, clean_one, run_batch, stop_on_signals
from ..run.merge import merge
from ..run.output import FORMATS, UnsafeOutput, WriteFailure, render
from ..run.report import Progress, Summary
from ..run.shards import Shard
from ..run.total import plan
from ..run.worker import Job
from ..sources.base import MAX_PAGE_BYTES, SourceOptions, Task
from ..sources.resolve import iter_tasks, read_list
from .archive import add_clean_bag_option, bag_after_clean
from .crawl import SITE_PAGES, add_site_options, site_profiles_for
from .exits import EXIT_FAILED, EXIT_INTERRUPTED, EXIT_OK, EXIT_USAGE, EXIT_WRITE_FAILED
from .urls import absolute_url, with_urls

FORMAT_ALIASES = {"markdown": "md"}


def _formats(value: str) -> tuple[str, ...]:
    names = (v.strip().lower() for v in value.split(",") if v.strip())
    items = tuple(dict.fromkeys(FORMAT_ALIASES.get(v, v) for v in names))
    bad = [v for v in items if v not in FORMATS]
    if bad or not items:
        raise argparse.ArgumentTypeError(
            f"unknown format {','.join(bad) or value!r}; choose from {','.join(FORMATS)}"
        )
    return items


def _phrases(path: str) -> tuple[str, ...]:
    try:
        lines = Path(path).read_text("utf-8").splitlines()
    except OSError as exc:
        raise argparse.ArgumentTypeError(f"cannot read chrome phrases {path}: {exc.strerror}") from None
    return tuple(ln.strip("\n") for ln in lines if ln.strip() and not ln.startswith("#"))


def _nonneg(value: str) -> int:
    n = int(value)
    if n < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return n


def _config(args: argparse.Namespace) -> Config:
    return Config(
        kind=args.kind,
        comments=args.comments,
        chrome_phrases=args.chrome_phrases or (),
        lang_detector=args.lang_detector,
        lang_candidates=tuple(args.lang_candidates or ()),
    )


def _sources(args: argparse.Namespace) -> tuple[SourceOptions, list[str]]:
    options = SourceOptions(
        include=tuple(args.include or ()),
        exclude=tuple(args.exclude or ()),
        jsonl_html_key=args.jsonl_html_key,
        jsonl_url_key=args.jsonl_url_key,
        warc_backend=args.warc_backend,
        max_page_bytes=args.max_page_bytes,
    )
    return options, (read_list(args.input_list) if args.input_list else [])


def _inputs(args: argparse.Namespace) -> list[str]:
    return [*args.inputs, *(args.input_dir or ())]


def _pages(tasks: Iterator[Task], wanted: int) -> tuple[list[Task], Iterator[Task]]:
    """The first ``wanted`` tasks that are pages (not skipped records), and all the tasks again."""
    head: list[Task] = []
    pages: list[Task] = []
    for task in tasks:
        head.append(task)
        if not task.skip:
            pages.append(task)
            if len(pages) == wanted:
                break
    return pages, itertools.chain(head, tasks)


def _error(message: str) -> int:
    print(f"archiver: error: {message}", file=sys.stderr)
    return EXIT_USAGE


def _output_problem(path: str) -> str | None:
    """Why ``-o path`` cannot hold an export (it is a file, or cannot be created), or None."""
    try:
        Path(path).mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        return f"cannot use -o {path}: {exc.strerror or exc}"
    return None


def _to_stdout(args: argparse.Namespace, first: list[Task]) -> int:
    if len(first) != 1:
        return _error("several inputs need -o DIR")
    result = clean_one(first[0], _config(args), args.timeout)  # the batch's limit holds here too
    if isinstance(result, Failure):
        print(f"archiver: error: {result.source}: {result.reason}", file=sys.stderr)
        return EXIT_FAILED
    for fmt in args.format:
        sys.stdout.write(render(result, fmt))
    return EXIT_OK


def _run(
    args: argparse.Namespace, tasks: Iterable[Task], job: Job, shard: Shard, planned: tuple
) -> Summary | int:
    """The batch run of ``clean -o``: its summary, or the exit status of a run that stopped (a write
    failure, a signal, Ctrl-C), each with its one line on stderr. ``planned`` is what the progress
    bar's total is counted from (inputs, sources, listed)."""
    options = RunOptions(
        parallel=args.parallel,
        chunk=args.chunk,
        force=args.force,
        shard=shard,
        quiet=args.quiet,
        dask_scheduler=args.dask_scheduler,
    )
    try:
        with stop_on_signals():
            total = plan(*planned, shard) if Progress.shown(args.quiet) else None
            summary = run_batch(tasks, job, options, Progress(args.quiet, verbose=args.verbose, plan=total))
    except UnsafeOutput as exc:
        return _error(f"cannot use -o {args.output}: {exc.strerror}")
    except (WriteFailure, OSError) as exc:
        reason = (
            str(exc)
            if isinstance(exc, WriteFailure)
            else f"cannot write {exc.filename or args.output}: {exc.strerror or exc}"
        )
        print(f"archiver: error: {reason}; stopped, run the same command again to resume", file=sys.stderr)
        return EXIT_WRITE_FAILED
    except Stopped as exc:
        return _stopped(exc)
    except KeyboardInterrupt:
        print("archiver: interrupted; run the same command again to resume", file=sys.stderr)
        return EXIT_INTERRUPTED
    return summary


def _stopped(exc: Stopped) -> int:
    print(f"archiver: stopped by {exc.reason}; run the same command again to resume", file=sys.stderr)
    return 128 + exc.signum


def cmd_clean(args: argparse.Namespace) -> int:
    """Run ``archiver clean``."""
    if not _inputs(args) and not args.input_list:
        return _error("no input (name files, directories, globs, WARC/JSONL files, '-' or --input-list)")
    if args.url and args.base_url:
        return _error("--url names one page's address, --base-url a directory's: give one")
    try:
        shard = Shard(args.shard_index, args.num_shards)
        sources, listed = _sources(args)
        inputs = _inputs(args)
        tasks = with_urls(iter_tasks(inputs, sources, listed), args.url, args.base_url, inputs)
        pages, tasks = _pages(tasks, 2 if args.output is None or args.url else SITE_PAGES)
    except (ValueError, OSError) as exc:
        return _error(str(exc))
    if not pages:  # the same with or without -o: nothing to clean is a usage error, nothing written
        return _error("no input page found")
    if args.url and len(pages) > 1:
        return _error("--url gives one page's address; for a directory use --base-url")
    if args.output is None:
        return _error("--bag needs -o DIR") if getattr(args, "bag", False) else _to_stdout(args, pages)
    if problem := _output_problem(str(args.output)):
        return _error(problem)
    try:  # site boilerplate (issue 15): profiles from a first pass over all inputs, or from a directory
        with stop_on_signals():  # a signal in the first pass stops the run as in the batch
            profiles = site_profiles_for(
                args,
                lambda: with_urls(iter_tasks(inputs, sources, listed), args.url, args.base_url, inputs),
                _config(args),
                len(pages),
            )
    except (ValueError, OSError) as exc:
        return _error(str(exc))
    except Stopped as exc:
        return _stopped(exc)
    summary = _run(
        args,
        tasks,
        Job(str(args.output), tuple(args.format), _config(args), args.timeout, args.fsync, profiles),
        shard,
        (inputs, sources, listed),
    )
    if isinstance(summary, int):  # the run stopped: its exit status
        return summary
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    if getattr(args, "bag", False) and (code := bag_after_clean(args)) != EXIT_OK:
        return code
    return EXIT_FAILED if summary.failures else EXIT_OK


def _input_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "inputs",
        nargs="*",
        metavar="INPUT",
        help="file, directory (recursive), glob, .warc[.gz], .jsonl[.gz], or - for a page on stdin",
    )
    p.add_argument(
        "--input-dir",
        action="append",
        metavar="DIR",
        help="a directory of pages (the same as naming it as an INPUT; may be repeated)",
    )
    p.add_argument(
        "-i",
        "--input-list",
        "--input-file",
        dest="input_list",
        metavar="FILE",
        help="a file listing inputs one a line (- for stdin)",
    )
    p.add_argument(
        "-u",
        "--url",
        type=absolute_url,
        metavar="URL",
        help="the address of the one input page (links are read against it; it enters the id)",
    )
    p.add_argument(
        "--base-url",
        type=absolute_url,
        metavar="URL",
        help="for a directory: each page's address is URL + its path relative to the directory",
    )
    p.add_argument("--include", action="append", metavar="GLOB", help="only files matching (in directories)")
    p.add_argument("--exclude", action="append", metavar="GLOB", help="skip files matching (in directories)")
    p.add_argument("--jsonl-html-key", default="html", metavar="KEY", help="JSONL field with the page (html)")
    p.add_argument("--jsonl-url-key", default="url", metavar="KEY", help="JSONL field with its URL (url)")
    p.add_argument(
        "--warc-backend",
        choices=("auto", "warcio", "fastwarc"),
        default="auto",
        help="WARC reader (auto: FastWARC when installed, else warcio)",
    )
    p.add_argument(
        "--max-page-bytes",
        type=int,
        default=MAX_PAGE_BYTES,
        metavar="N",
        help="a page larger than N bytes is an error record, never parsed "
        f"(default {MAX_PAGE_BYTES:,}: 20 MiB; 0 for no limit)",
    )


def _run_args(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "--parallel",
        "--workers",
        dest="parallel",
        type=_nonneg,
        default=os.cpu_count() or 1,
        metavar="N",
        help="worker processes (default: the machine's cores; 0: one page at a time, "
        "in this process only with --timeout 0)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=60.0,
        metavar="SECONDS",
        help="per-document time limit on reading, cleaning and rendering, in every mode "
        "(a page stuck in the C parser is stopped 1 s later); 0 for none (default 60)",
    )
    p.add_argument(
        "--chunk",
        type=lambda v: max(1, int(v)),
        default=4,
        metavar="N",
        help="documents sent to a worker at a time (default 4)",
    )
    p.add_argument("--force", action="store_true", help="redo every input (default: resume)")
    p.add_argument(
        "--fsync",
        action="store_true",
        help="flush every file to disk as written (survives power loss; slower)",
    )
    p.add_argument("--shard-index", type=int, default=0, metavar="I", help="this machine's shard (0-based)")
    p.add_argument("--num-shards", type=int, default=1, metavar="N", help="number of shards")
    p.add_argument("--dask-scheduler", metavar="ADDRESS", help="run on a Dask cluster (archiver[dask])")


def add_clean(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver clean``."""
    p = sub.add_parser(
        "clean",
        help="clean pages into Markdown and JSON records",
        description="Clean pages. One input and no -o: Markdown on stdout. With -o DIR: "
        "<id>.md/<id>.json, index.jsonl, errors.jsonl, run.json; reruns resume.",
    )
    _input_args(p)
    p.add_argument("-o", "--output", "--output-dir", dest="output", metavar="DIR", help="export directory")
    p.add_argument(
        "--format",
        type=_formats,
        default=None,
        help="comma list of md (or markdown), json (default: md to stdout, md,json to DIR)",
    )
    p.add_argument(
        "--kind", choices=("auto", "html", "text"), default="auto", help="force HTML or plain-text reading"
    )
    p.add_argument("--comments", action="store_true", help="keep comments as a separate, labelled section")
    p.add_argument(
        "--chrome-phrases",
        type=_phrases,
        metavar="FILE",
        help="extra chrome phrases, one per line (optionally 'role<TAB>phrase')",
    )
    p.add_argument(
        "--lang-detector",
        choices=("langdetect", "lingua"),
        default="langdetect",
        help="language detector for runs the script does not settle (lingua: the optional "
        "archiver[lingua] extra; default langdetect)",
    )
    p.add_argument(
        "--lang-candidates",
        type=lambda v: [c.strip() for c in v.split(",") if c.strip()],
        metavar="LIST",
        help="languages the detector chooses among, e.g. ar,fa,ur,en,fr (default: README)",
    )
    _run_args(p)
    add_site_options(p)
    add_clean_bag_option(p)
    p.add_argument("-q", "--quiet", action="store_true", help="no progress or summary on stderr")
    p.add_argument(
        "-v", "--verbose", action="count", default=0, help="one line per exported document on stderr"
    )
    p.set_defaults(func=cmd_clean)


def cmd_merge(args: argparse.Namespace) -> int:
    """Run ``archiver merge``."""
    missing = [d for d in args.shards if not Path(d).is_dir()]
    if missing:
        return _error(f"not a directory: {', '.join(missing)}")
    try:
        summary = merge(Path(args.output), [Path(d) for d in args.shards])
    except OSError as exc:
        return _error(f"cannot merge into {args.output}: {exc.strerror or exc}")
    for reason in summary.skipped:
        print(f"archiver: merge: skipped {reason}", file=sys.stderr)
    if not args.quiet:
        print(summary.line(), file=sys.stderr)
    return EXIT_FAILED if summary.skipped else EXIT_OK


def add_merge(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver merge``."""
    p = sub.add_parser(
        "merge",
        help="join shard export directories into one",
        description="Join the index.jsonl, errors.jsonl and documents of shard directories into OUT.",
    )
    p.add_argument("output", metavar="OUT", help="merged export directory")
    p.add_argument("shards", nargs="+", metavar="SHARD_DIR", help="shard export directories, in order")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_merge)
