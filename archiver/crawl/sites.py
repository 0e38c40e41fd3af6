"""Site boilerplate in batch runs (the options are in :mod:`archiver.cli.crawl`): ``clean`` of N
pages or more (on by default; ``--no-site-boilerplate``), ``clean --site-profile DIR`` and
``archiver profile INPUT... -o DIR`` (see :mod:`archiver.crawl.profile` for what is cut and why).

The first pass reads *all* the inputs (every shard's too: the profile must not depend on the
split) before cleaning, each one decoded and parsed but not cleaned
(:func:`archiver.crawl.prints.page_fingerprint`), writes ``OUT/site-profiles/<host>.json`` and
cleans with them. ``--site-profile DIR`` skips the first pass and uses profiles written before
(by ``archiver profile`` or an earlier ``clean``): the way to share one first pass between shards
or machines. Off: no first pass, no post-pass, no cost.
"""

from __future__ import annotations

import hashlib
import itertools
import json
import os
import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..config import Config
from ..model import RawPage, Source
from ..sources.base import Task
from ..sources.files import read_page
from .prints import page_fingerprint
from .profile import Fingerprint, HostProfile, SiteProfiles

__all__ = ["PROFILES_DIR", "first_pass", "load_profiles", "write_profiles"]

PROFILES_DIR = "site-profiles"
_SAFE_HOST = re.compile(r"[a-z0-9][a-z0-9.-]{0,200}")


def _print_task(task: Task, config: Config, timeout: float) -> Fingerprint | None:
    """The cheap fingerprint of one input (:func:`page_fingerprint`: read, decoded and parsed, not
    cleaned); an input that cannot be read or parsed, or runs past ``timeout``, gives none (its
    clean fails the same way, and a failed page has no blocks to cut)."""
    from ..run.worker import DocumentTimeout, time_limit

    if task.failure is not None:
        return None
    try:
        with time_limit(timeout):
            page = task.page
            if page is None:
                data = read_page(task.path or task.key, task.limit)
                page = RawPage(data, Source(kind="auto", path=task.path or task.key, url=task.url))
            return page_fingerprint(page, config)
    except DocumentTimeout:
        return None
    except Exception:  # noqa: BLE001 - as the clean: a bad page never stops the run
        return None


def _pass(batch: list[Task], config: Config, timeout: float) -> list[Fingerprint | None]:
    return [_print_task(t, config, timeout) for t in batch]


def first_pass(
    tasks: Iterable[Task], config: Config, parallel: int = 0, timeout: float = 60.0
) -> Iterator[Fingerprint | None]:
    """The fingerprint of every input (any order: :func:`build_profiles` does not depend on it),
    read in this process or in ``parallel`` processes, a bounded window of inputs at a time."""
    todo = (t for t in tasks if not t.skip)
    if parallel <= 0:
        yield from (_print_task(t, config, timeout) for t in todo)
        return
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    work = partial(_pass, config=config, timeout=timeout)
    with ProcessPoolExecutor(max_workers=parallel) as pool:
        while window := list(itertools.islice(todo, 16 * parallel)):
            chunks = [window[i : i + 4] for i in range(0, len(window), 4)]
            for prints in pool.map(work, chunks):
                yield from prints


def _file_name(host: str) -> str:
    if _SAFE_HOST.fullmatch(host) and ".." not in host:
        return f"{host}.json"
    return f"host-{hashlib.sha256(host.encode('utf-8')).hexdigest()[:16]}.json"


def write_profiles(out: Path, profiles: SiteProfiles) -> Path:
    """Write one ``<host>.json`` per profile into ``out/site-profiles`` (other profiles there go;
    no folder is made for no profile)."""
    folder = out / PROFILES_DIR
    if not profiles.hosts and not folder.is_dir():
        return folder  # nothing to write, nothing stale to remove
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
