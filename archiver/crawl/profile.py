"""Site profiles: the block texts that repeat across a host's pages, and cutting them.

First pass (:func:`archiver.crawl.prints.page_fingerprint`, :func:`build_profiles`): every page
gives its host and its texts, each as its shape (:func:`shape_of`: heading, list item, caption or
other text) and its fold key (:func:`archiver.text.fold.phrase_key`: folded, words only, digits
dropped, so a counter "(3)" vs "(5)", harakat, tatweel and letter variants do not split a text).
A text is counted once per distinct page (its URL: a recapture is not a second page). On a host
with at least ``min_host_pages`` distinct pages, a text found on at least ``min_share`` of them
and on at least ``min_pages`` pages is chrome on that host. An article paragraph quoted on two
pages is on two pages only: kept.

Second pass (:meth:`SiteProfiles.apply`): a post-pass on a finished Document that moves its
blocks whose shape and key are chrome on its host from ``blocks`` to ``removed``, with a role from the block's
shape, ``reason: "site-repeat"`` and ``detail: "<pages>/<host pages>"``. The profile depends only on the set
of pages (counts of distinct URLs), never on their order, worker count or shard split.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from ..extract.reasons import SITE_REPEAT
from ..extract.signoff import is_signoff
from ..model import Block, Document, Removed
from ..text.fold import phrase_key

__all__ = [
    "Fingerprint",
    "HostProfile",
    "ProfileOptions",
    "SiteProfiles",
    "build_profiles",
    "fingerprint",
    "host_of",
    "page_print",
    "shape_of",
]

PROFILE_VERSION = "archiver.site-profile/2"


@dataclass(frozen=True, slots=True)
class ProfileOptions:
    """Thresholds: a host needs ``min_host_pages`` distinct pages for a profile (N = 5); a text is
    chrome there when it is on ``min_share`` of them (30%) and on ``min_pages`` pages (3) at least."""

    min_host_pages: int = 5
    min_share: float = 0.3
    min_pages: int = 3


Key = tuple[str, str]
"""A text as the profile counts it: its shape (:func:`shape_of`) and its fold key."""
_SHAPED = frozenset({"heading", "list_item", "caption"})


@dataclass(frozen=True, slots=True)
class Fingerprint:
    """What the first pass keeps of one page: its host, its page identity and its text keys."""

    host: str
    page: str
    keys: frozenset[Key]


def host_of(url: str | None) -> str | None:
    """The host of ``url``, lower case, without a port or a leading ``www.``/``m.`` (mobile and
    desktop editions of a site share their chrome), or None."""
    if not url:
        return None
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return None
    for prefix in ("www.", "m."):
        host = host.removeprefix(prefix)
    return host or None


def _url(doc: Document) -> str | None:
    return doc.url or doc.metadata.canonical_url or doc.source.url


def shape_of(role: str) -> str:
    """What a block's text is matched with besides its key: ``heading``, ``list_item``, ``caption``
    or ``text`` (every other role). A menu item and a heading of the same words are different texts."""
    return role if role in _SHAPED else "text"


def page_print(url: str | None, keys: Iterable[Key]) -> Fingerprint | None:
    """The first-pass record of the page at ``url`` with text ``keys`` (None without a host)."""
    host = host_of(url)
    if host is None or url is None:
        return None
    parts = urlsplit(url)
    page = host + (parts.path or "/") + (f"?{parts.query}" if parts.query else "")  # scheme, www./m. ignored
    return Fingerprint(host, page, frozenset(keys))


def fingerprint(doc: Document) -> Fingerprint | None:
    """The record of a cleaned ``doc``: its blocks' and its removed texts' keys (the first pass of
    a run reads raw pages instead: :func:`archiver.crawl.prints.page_fingerprint`)."""
    texts = [(b.role, b.text) for b in doc.blocks] + [(r.role, r.text) for r in doc.removed]
    return page_print(_url(doc), {(shape_of(role), key) for role, text in texts if (key := phrase_key(text))})


@dataclass(frozen=True, slots=True)
class HostProfile:
    """The chrome of one host: each repeated key with the number of distinct pages it is on."""

    host: str
    pages: int
    chrome: Mapping[Key, int]
    options: ProfileOptions = field(default_factory=ProfileOptions)

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": PROFILE_VERSION,
            "host": self.host,
            "pages": self.pages,
            "thresholds": dataclasses.asdict(self.options),
            "chrome": [
                {"shape": k[0], "key": k[1], "pages": n}
                for k, n in sorted(self.chrome.items(), key=lambda kv: (-kv[1], kv[0]))
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=1, sort_keys=True) + "\n"

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> HostProfile:
        if d.get("schema") != PROFILE_VERSION or not isinstance(d.get("host"), str):
            raise ValueError("not an archiver site profile")
        opts = ProfileOptions(
            **{
                k: v
                for k, v in (d.get("thresholds") or {}).items()
                if k in ProfileOptions.__dataclass_fields__
            }
        )
        chrome = {(str(e["shape"]), str(e["key"])): int(e["pages"]) for e in d.get("chrome", ())}
        return cls(d["host"], int(d["pages"]), chrome, opts)

    def digest(self) -> str:
        return hashlib.sha256(self.to_json().encode("utf-8")).hexdigest()[:16]


def build_profiles(
    prints: Iterable[Fingerprint | None], options: ProfileOptions = ProfileOptions()
) -> dict[str, HostProfile]:
    """The profile of every host with enough pages (the same set of pages in any order: the same
    profiles). A page seen twice (same URL) counts once, with the union of its keys."""
    pages: dict[str, dict[str, set[str]]] = {}
    for fp in prints:
        if fp is not None:
            pages.setdefault(fp.host, {}).setdefault(fp.page, set()).update(fp.keys)
    out = {}
    for host, by_page in pages.items():
        if len(by_page) < options.min_host_pages:
            continue
        counts: dict[str, int] = {}
        for keys in by_page.values():
            for k in keys:
                counts[k] = counts.get(k, 0) + 1
        floor = max(options.min_pages, options.min_share * len(by_page))
        chrome = {k: n for k, n in counts.items() if n >= floor}
        out[host] = HostProfile(host, len(by_page), chrome, options)
    return dict(sorted(out.items()))


def _role(block: Block) -> str:
    """The role of a repeated block, from its shape: a heading is a widget's title, a list item
    or a short line is navigation, a longer text is boilerplate (disclaimers, subscribe boxes)."""
    if block.role == "heading":
        return "widget"
    if block.role == "list_item" or len(block.text.split()) <= 4:
        return "navigation"
    return "boilerplate"


@dataclass(frozen=True, slots=True)
class SiteProfiles:
    """Profiles by host; :meth:`apply` is the post-pass on one Document."""

    hosts: Mapping[str, HostProfile]

    def apply(self, doc: Document) -> Document:
        """``doc`` with its blocks that are chrome on its host moved to ``removed``."""
        profile = self.hosts.get(host_of(_url(doc)) or "")
        if profile is None or not profile.chrome:
            return doc
        kept, cut = [], []
        title = phrase_key(doc.title or "")
        for block in doc.blocks:
            key = phrase_key(block.text)
            # the page's own title ("Part 3" vs "Part 4") and a sign-off ("(رويترز)", "— AP": the
            # agency's credit of this story, however many of the host's stories share it) stay
            own = key == title or is_signoff(block.text)
            n = None if own else profile.chrome.get((shape_of(block.role), key))
            if n is None:
                kept.append(block)
                continue
            cut.append(
                Removed(
                    block.text,
                    _role(block),
                    SITE_REPEAT,
                    block.lang,
                    block.dir,
                    block.script,
                    detail=f"{n}/{profile.pages}",
                )
            )
        processing = {**doc.processing, "site_profile": f"{profile.host}:{profile.digest()}"}
        if not cut:
            return dataclasses.replace(doc, processing=processing)
        status = doc.status if kept else "no_article"
        return dataclasses.replace(
            doc, blocks=tuple(kept), removed=doc.removed + tuple(cut), processing=processing, status=status
        )
