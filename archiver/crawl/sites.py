"""Site boilerplate in batch runs: ``clean --site-boilerplate``, ``clean --site-profile DIR`` and
``archiver profile INPUT... -o DIR`` (see :mod:`archiver.crawl.profile` for what is cut and why).

``--site-boilerplate`` runs a first pass over *all* the inputs (every shard's too: the profile
must not depend on the split) before cleaning, writes ``OUT/site-profiles/<host>.json`` and cleans
with them. ``--site-profile DIR`` skips the first pass and uses profiles written before (by
``archiver profile`` or an earlier ``clean --site-boilerplate``): the way to share one first pass
between shards or machines. Neither option: no first pass, no post-pass, no cost.
"""
from __future__ import annotations

import argparse
import hashlib
import itertools
import json
import os
import re
import sys
from pathlib import Path
from typing import Callable, Iterable, Iterator

from ..config import Config
from ..model import Document
from ..sources.base import Task
from .profile import Fingerprint, HostProfile, ProfileOptions, SiteProfiles, build_profiles, fingerprint

__all__ = ["PROFILES_DIR", "add_profile", "add_site_options", "first_pass", "load_profiles", "site_profiles_for",
           "write_profiles"]

PROFILES_DIR = "site-profiles"
_SAFE_HOST = re.compile(r"[a-z0-9][a-z0-9.-]{0,200}")


def add_site_options(p: argparse.ArgumentParser) -> None:
    """``clean``'s site-boilerplate options."""
    p.add_argument("--site-boilerplate", action="store_true",
                   help="first pass over all inputs: text repeated on many pages of a host is cut as chrome "
                        "(profiles written to OUT/site-profiles/)")
    p.add_argument("--site-profile", metavar="DIR", help="cut with site profiles written before (no first pass)")


def _print_task(task: Task, config: Config, timeout: float) -> Fingerprint | None:
    from ..run.worker import clean_task

    result = clean_task(task, config, timeout)
    return fingerprint(result) if isinstance(result, Document) else None


def _pass(batch: list[Task], config: Config, timeout: float) -> list[Fingerprint | None]:
    return [_print_task(t, config, timeout) for t in batch]


def first_pass(tasks: Iterable[Task], config: Config, parallel: int = 0, timeout: float = 60.0) -> Iterator[Fingerprint | None]:
    """The fingerprint of every input (any order: :func:`build_profiles` does not depend on it),
    cleaned in this process or in ``parallel`` processes, a bounded window of inputs at a time."""
    todo = (t for t in tasks if not t.skip)
    if parallel <= 0:
        yield from (_print_task(t, config, timeout) for t in todo)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    work = partial(_pass, config=config, timeout=timeout)
    with ProcessPoolExecutor(max_workers=parallel) as pool:
        while window := list(itertools.islice(todo, 16 * parallel)):
            chunks = [window[i:i + 4] for i in range(0, len(window), 4)]
            for prints in pool.map(work, chunks):
                yield from prints


def _file_name(host: str) -> str:
    if _SAFE_HOST.fullmatch(host) and ".." not in host:
        return f"{host}.json"
    return f"host-{hashlib.sha256(host.encode('utf-8')).hexdigest()[:16]}.json"


def write_profiles(out: Path, profiles: SiteProfiles) -> Path:
    """Write one ``<host>.json`` per profile into ``out/site-profiles`` (other profiles there go)."""
    folder = out / PROFILES_DIR
    folder.mkdir(parents=True, exist_ok=True)
    names = set()
    for host, profile in profiles.hosts.items():
        name = _file_name(host)
        names.add(name)
        tmp = folder / f".{name}.{os.getpid()}.tmp"
        tmp.write_text(profile.to_json(), "utf-8")
        os.replace(tmp, folder / name)
    for old in folder.glob("*.json"):
        if old.name not in names:
            old.unlink()
    return folder


def load_profiles(path: str | os.PathLike[str]) -> SiteProfiles:
    """The profiles in ``path/site-profiles/`` (an export) or in ``path/`` itself."""
    folder = Path(path)
    if (folder / PROFILES_DIR).is_dir():
        folder = folder / PROFILES_DIR
    if not folder.is_dir():
        raise ValueError(f"no site profiles in {path}")
    hosts = {}
    for file in sorted(folder.glob("*.json")):
        try:
            profile = HostProfile.from_dict(json.loads(file.read_text("utf-8")))
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise ValueError(f"{file}: not a site profile ({exc})") from None
        hosts[profile.host] = profile
    return SiteProfiles(dict(sorted(hosts.items())))


def site_profiles_for(args: argparse.Namespace, make_tasks: Callable[[], Iterable[Task]],
                      config: Config) -> SiteProfiles | None:
    """The profiles ``clean``'s options ask for (None: neither option), written to ``-o`` DIR.
    Raises ValueError for a profile directory that cannot be read."""
    if getattr(args, "site_profile", None):
        profiles = load_profiles(args.site_profile)
    elif getattr(args, "site_boilerplate", False):
        prints = first_pass(make_tasks(), config, args.parallel, args.timeout)
        profiles = SiteProfiles(build_profiles(prints, ProfileOptions()))
    else:
        return None
    if args.output is not None:
        write_profiles(Path(args.output), profiles)
    return profiles


def cmd_profile(args: argparse.Namespace) -> int:
    """Run ``archiver profile``."""
    from ..run.command import _config, _tasks

    try:
        tasks = _tasks(args)
    except (ValueError, OSError) as exc:
        print(f"archiver: error: {exc}", file=sys.stderr)
        return 2
    options = ProfileOptions(min_host_pages=args.min_host_pages, min_share=args.min_share)
    profiles = SiteProfiles(build_profiles(first_pass(tasks, _config(args), args.parallel, args.timeout), options))
    folder = write_profiles(Path(args.output), profiles)
    if not args.quiet:
        cut = sum(len(p.chrome) for p in profiles.hosts.values())
        print(f"archiver: profile {folder}: {len(profiles.hosts)} hosts, {cut} repeated texts", file=sys.stderr)
    return 0


def add_profile(sub: argparse._SubParsersAction) -> None:
    """Register ``archiver profile``."""
    from ..run.command import _input_args

    p = sub.add_parser("profile", help="learn site boilerplate from a crawl (DIR/site-profiles/<host>.json)",
                       description="Clean every input once and write, per host, the texts that repeat on a large "
                                   "share of its pages; then `archiver clean ... --site-profile DIR` cuts them.")
    _input_args(p)
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="where site-profiles/ goes")
    p.add_argument("--kind", choices=("auto", "html", "text"), default="auto", help="force HTML or plain-text reading")
    p.add_argument("--comments", action="store_true", help=argparse.SUPPRESS)
    p.add_argument("--chrome-phrases", default=None, help=argparse.SUPPRESS)
    p.add_argument("--lang-detector", choices=("langdetect", "lingua"), default="langdetect")
    p.add_argument("--min-host-pages", type=int, default=ProfileOptions().min_host_pages, metavar="N",
                   help=f"hosts with fewer distinct pages get no profile (default {ProfileOptions().min_host_pages})")
    p.add_argument("--min-share", type=float, default=ProfileOptions().min_share, metavar="F",
                   help=f"share of a host's pages a text must be on (default {ProfileOptions().min_share})")
    p.add_argument("--parallel", type=int, default=os.cpu_count() or 1, metavar="N", help="worker processes")
    p.add_argument("--timeout", type=float, default=60.0, metavar="SECONDS", help="per-page limit (default 60)")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary on stderr")
    p.set_defaults(func=cmd_profile)
