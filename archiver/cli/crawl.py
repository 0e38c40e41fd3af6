"""The crawl subcommands (issue 15): ``dedup``, ``export``, ``profile``, and ``clean``'s
``--site-boilerplate`` / ``--site-profile`` options. The work is in :mod:`archiver.crawl` and
:mod:`archiver.export`; heavy libraries (numpy, datasketch, pyarrow) load only when used."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

from ..archive.records import ExportError
from ..config import Config
from ..crawl.groups import DedupOptions
from ..crawl.profile import ProfileOptions, SiteProfiles, build_profiles
from ..crawl.sites import first_pass, load_profiles, write_profiles
from ..export.dataset import FORMATS, DatasetOptions
from ..sources.base import Task
from .exits import EXIT_OK, EXIT_USAGE, add_quiet, summarized
from .exits import error as _error

SITE_PAGES = ProfileOptions().min_host_pages
"""N: a batch run of fewer pages runs no first pass (no host can have a profile)."""


def add_site_options(p: argparse.ArgumentParser) -> None:
    """``clean``'s site-boilerplate options."""
    p.add_argument(
        "--site-boilerplate",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="text repeated on many pages of a host is cut as chrome, from a first pass over all "
        f"inputs (profiles written to OUT/site-profiles/). Default: on for a run with -o DIR of at "
        f"least N = {SITE_PAGES} pages not read from standard input, for hosts with N pages or more; "
        "--no-site-boilerplate: page at a time",
    )
    p.add_argument(
        "--site-profile", metavar="DIR", help="cut with site profiles written before (no first pass)"
    )


def _reads_stdin(args: argparse.Namespace) -> bool:
    return "-" in (args.inputs or ()) or "-" in (getattr(args, "input_dir", None) or ())


def site_profiles_for(
    args: argparse.Namespace, make_tasks: Callable[[], Iterable[Task]], config: Config, pages: int
) -> SiteProfiles | None:
    """The profiles ``clean``'s options ask for (None: none), written to ``-o`` DIR. ``pages``:
    how many pages the run has, counted up to N. Raises ValueError for a profile directory that
    cannot be read, or ``--site-boilerplate`` on standard input."""
    wanted = getattr(args, "site_boilerplate", None)
    if getattr(args, "site_profile", None):
        profiles = load_profiles(args.site_profile)
    elif wanted or (wanted is None and pages >= SITE_PAGES and not _reads_stdin(args)):
        if _reads_stdin(args):
            raise ValueError(
                "--site-boilerplate reads the inputs twice, standard input only once: "
                "run `archiver profile` first and clean with --site-profile DIR"
            )
        prints = first_pass(make_tasks(), config, args.parallel, args.timeout)
        profiles = SiteProfiles(build_profiles(prints, ProfileOptions()))
    else:
        return None
    if args.output is not None:
        write_profiles(Path(args.output), profiles)
    return profiles if profiles.hosts else None


def cmd_profile(args: argparse.Namespace) -> int:
    """Run ``archiver profile``."""
    from ..sources.resolve import iter_tasks
    from .clean import _config, _inputs, _sources
    from .urls import with_urls

    try:
        sources, listed = _sources(args)
        inputs = _inputs(args)
        tasks = with_urls(iter_tasks(inputs, sources, listed), args.url, args.base_url, inputs)
    except (ValueError, OSError) as exc:
        return _error(str(exc), EXIT_USAGE)
    options = ProfileOptions(min_host_pages=args.min_host_pages, min_share=args.min_share)
    profiles = SiteProfiles(
        build_profiles(first_pass(tasks, _config(args), args.parallel, args.timeout), options)
    )
    try:
        folder = write_profiles(Path(args.output), profiles)
    except OSError as exc:
        return _error(f"cannot write {exc.filename or args.output}: {exc.strerror or exc}")
    if not args.quiet:
        cut = sum(len(p.chrome) for p in profiles.hosts.values())
        print(
            f"archiver: profile {folder}: {len(profiles.hosts)} hosts, {cut} repeated texts", file=sys.stderr
        )
    return EXIT_OK


def add_profile(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver profile``."""
    from .clean import _input_args

    p = sub.add_parser(
        "profile",
        help="learn site boilerplate from a crawl (DIR/site-profiles/<host>.json)",
        description="Read every input once (decoded and parsed, not cleaned) and write, per host, "
        "the texts that repeat on a large share of its pages; then `archiver clean ... "
        "--site-profile DIR` cuts them.",
    )
    _input_args(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="where site-profiles/ goes")
    p.add_argument(
        "--kind", choices=("auto", "html", "text"), default="auto", help="force HTML or plain-text reading"
    )
    p.add_argument("--comments", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--chrome-phrases", default=None, help=argparse.SUPPRESS)
    p.add_argument(
        "--lang-detector",
        choices=("langdetect", "lingua"),
        default="langdetect",
        help="language detector (as clean; tags do not change the texts counted)",
    )
    defaults = ProfileOptions()
    p.add_argument(
        "--min-host-pages",
        type=int,
        default=defaults.min_host_pages,
        metavar="N",
        help=f"hosts with fewer distinct pages get no profile (default {defaults.min_host_pages})",
    )
    p.add_argument(
        "--min-share",
        type=float,
        default=defaults.min_share,
        metavar="F",
        help=f"share of a host's pages a text must be on (default {defaults.min_share})",
    )
    p.add_argument("--parallel", type=int, default=os.cpu_count() or 1, metavar="N", help="worker processes")
    p.add_argument(
        "--timeout", type=float, default=60.0, metavar="SECONDS", help="per-page limit (default 60)"
    )
    add_quiet(p)
    p.set_defaults(func=cmd_profile, lang_candidates=None)  # tags only: the texts it counts do not change


def _threshold(value: str) -> float:
    x = float(value)
    if not 0.0 < x <= 1.0:
        raise argparse.ArgumentTypeError("must be in (0, 1]")
    return x


def cmd_dedup(args: argparse.Namespace) -> int:
    """Run ``archiver dedup``."""
    from ..crawl.duplicates import dedup_export

    options = DedupOptions(threshold=args.threshold)
    return summarized(lambda: dedup_export(args.dir, options), args.quiet, (ExportError, OSError))


def add_dedup(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver dedup``."""
    p = sub.add_parser(
        "dedup",
        help="group exact and near-duplicate documents (DIR/duplicates.jsonl)",
        description="Group the documents of an export directory or bag: exact copies of the "
        "folded text, then near-duplicates by MinHash/LSH over 3-word shingles of the "
        "folded search key. Writes DIR/duplicates.jsonl; deletes nothing.",
    )
    p.add_argument("dir", type=Path, metavar="DIR", help="export directory or bag")
    p.add_argument(
        "--threshold",
        type=_threshold,
        default=DedupOptions().threshold,
        metavar="J",
        help=f"estimated Jaccard similarity for a near-duplicate (default {DedupOptions().threshold})",
    )
    add_quiet(p)
    p.set_defaults(func=cmd_dedup)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be 1 or more")
    return n


def cmd_export(args: argparse.Namespace) -> int:
    """Run ``archiver export``."""
    from ..export.dataset import export_dataset

    options = DatasetOptions(args.format, args.shard_size, Path(args.output) if args.output else None)
    return summarized(lambda: export_dataset(args.dir, options), args.quiet, (ExportError, OSError))


def add_export(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver export``."""
    p = sub.add_parser(
        "export",
        help="write a dataset (JSONL or Parquet shards) of an export directory",
        description="One row per document (id, url, site, language, page_language, title, "
        "published, text, blocks with their tags, duplicate group), sorted by id, in "
        "shards of --shard-size rows, with dataset.schema.json and dataset.json.",
    )
    p.add_argument("dir", type=Path, metavar="DIR", help="export directory or bag")
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="shard format (parquet needs pyarrow)")
    p.add_argument(
        "--shard-size",
        type=_positive,
        default=DatasetOptions().shard_size,
        metavar="N",
        help=f"rows per shard (default {DatasetOptions().shard_size:,})",
    )
    p.add_argument("-o", "--output", metavar="DEST", help="dataset directory (default: DIR/dataset)")
    add_quiet(p)
    p.set_defaults(func=cmd_export)


CRAWL_COMMANDS = [add_dedup, add_export, add_profile]
