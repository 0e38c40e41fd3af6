"""Chrome cues: the bilingual phrase lexicon and class/id tokens, both kept as data files.

A cue names the role of a region (navigation, share, related, most-read, comments, ...)
and the reason it fired, so every removal can be audited.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache, lru_cache
from importlib import resources

from lxml import etree

from .._speedups import classtokens, pick
from ..text.fold import phrase_key
from . import reasons as R

_signature = pick("cueattrs").signature  # compiled or pure: the same tuples
_classtokens = pick("classtokens")

STRUCTURE_ROLES = {
    "nav": "navigation",
    "footer": "footer",
    "aside": "sidebar",
    "form": "form",
}
ARIA_ROLES = {
    "navigation": "navigation",
    "banner": "header",
    "contentinfo": "footer",
    "complementary": "sidebar",
    "search": "navigation",
    "dialog": "modal",
    "alertdialog": "modal",
    "menu": "navigation",
    "menubar": "navigation",
}
_CAMEL, _SPLIT = classtokens._CAMEL, classtokens._SPLIT  # how a class name splits (tests read them)
_NEGATED_PREFIX = ("has", "no", "with", "without", "show", "hide")
# State classes ("modal-enabled", "sidebar-open", "comments-closed") describe the page, not the
# element: they are skipped like the negated ones.
_STATE_SUFFIX = frozenset(
    {
        "enabled",
        "disabled",
        "open",
        "opened",
        "closed",
        "active",
        "inactive",
        "visible",
        "ready",
        "loaded",
        "on",
        "off",
    }
)
_KEYWORD_WORDS = 6
# CSS utility classes that hide an element at every screen size (Bootstrap 3/4, Bulma, Tailwind);
# whole class names only: "hidden-xs" hides on phones alone and stays.
_HIDING = frozenset({"hidden", "is-hidden", "d-none", "invisible"})
# ...unless another class shows it again under some condition ("hidden md:block", "hidden
# tablet:flex", "d-none d-lg-flex", "visible-md"): then it is only hidden on some screens. Any
# variant-prefixed class (Tailwind's "name:utility") counts, whatever the breakpoint is called.
_SHOWN_AT = re.compile(r"^(?:[\w\[\]().&>=*-]+:|d-(?:sm|md|lg|xl|xxl)-|visible-)")
# Ambiguous class tokens: "widget" is every block of some page builders, "print" marks printable
# content as often as print buttons. They cut only chrome-shaped elements and never count
# against a candidate's content score.
WEAK_TOKENS = frozenset({"widget", "widgets", "print", "banner", "more", "modal", "popup", "overlay"})
# Attributes whose tokens name a region: id and class, and the labels component frameworks and
# accessible markup carry (aria-labelledby="recommendations-heading", data-component="comments").
_CUE_ATTRS = ("id", "class", "aria-labelledby", "data-component", "data-e2e", "data-testid")
_TOKEN_REASONS = dict(
    zip(
        _CUE_ATTRS, (R.ID_TOKEN, R.CLASS_TOKEN, R.LABEL_TOKEN, R.COMPONENT_TOKEN, R.E2E_TOKEN, R.TESTID_TOKEN)
    )
)
_LEAD = re.compile(r"^(.{2,40}?)\s*[:：\-–—»]")


def _read_tsv(name: str) -> list[tuple[str, str]]:
    text = resources.files("archiver.extract").joinpath("data", name).read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if line.strip() and not line.startswith("#"):
            role, _, value = line.partition("\t")
            rows.append((role.strip(), value.strip()))
    return rows


@cache
def class_tokens() -> dict[str, str]:
    return {token: role for role, token in _read_tsv("class_cues.tsv")}


@lru_cache(maxsize=32)
def phrase_table(extra: tuple[str, ...] = ()) -> dict[str, str]:
    """Folded phrase → role. ``extra`` phrases are "role<TAB>phrase" or a bare phrase (role "chrome")."""
    table = {phrase_key(p): role for role, p in _read_tsv("chrome_phrases.tsv")}
    for item in extra:
        role, sep, phrase = item.partition("\t")
        if not sep:
            role, phrase = "chrome", item
        if phrase_key(phrase):
            table[phrase_key(phrase)] = role.strip() or "chrome"
    table.pop("", None)
    return table


@cache
def keyword_table() -> tuple[tuple[str, str], ...]:
    """(folded keyword, role) pairs, longest first, from ``chrome_keywords.tsv``."""
    rows = {phrase_key(k): role for role, k in _read_tsv("chrome_keywords.tsv") if phrase_key(k)}
    return tuple(sorted(rows.items(), key=lambda kv: (-len(kv[0]), kv[0])))


@cache
def _padded_keywords() -> tuple[tuple[str, str, str], ...]:
    """``keyword_table`` with each keyword padded by spaces once, not per line tested."""
    return tuple((f" {word} ", word, role) for word, role in keyword_table())


def keyword_cue(key: str) -> tuple[str, str] | None:
    """(role, reason) when a short folded line holds a chrome keyword as whole words: anywhere in
    a line of up to four words, or ending a line of up to six ("Comments on the budget were
    harsh" is prose; "أخبار قد تعجبك" and "Show comments" are chrome)."""
    words = len(key.split()) if key else 0
    if not words or words > _KEYWORD_WORDS:
        return None
    padded = f" {key} "
    index = _keywords_by_first_word()
    # a keyword " w ... " inside " key " has its first word between two spaces of it: only the
    # keywords led by one of the line's words can match, tried in table order
    found = [k for w in set(padded.split(" ")) if w in index for k in index[w]]
    if len(found) > 1:
        found.sort()
    for _, spaced, word, role in found:
        if spaced in padded and (words <= 4 or padded.endswith(spaced)):
            return role, f"{R.KEYWORD}:{word}"
    return None


@cache
def _keywords_by_first_word() -> dict[str, tuple[tuple[int, str, str, str], ...]]:
    """``_padded_keywords`` by first word, each with its place in the table."""
    index: dict[str, list[tuple[int, str, str, str]]] = {}
    for place, (spaced, word, role) in enumerate(_padded_keywords()):
        index.setdefault(word.split(" ")[0], []).append((place, spaced, word, role))
    return {w: tuple(rows) for w, rows in index.items()}


def tokens(value: str) -> list[str]:
    """Lower-cased tokens of a class/id value: split on spaces, "-", "_", ":", ".", "/" and
    camelCase; a class starting with a negating prefix ("has-sidebar", "no-comments") is skipped."""
    return list(_tokens(value)) if value else []


def token_tuple(value: str) -> tuple[str, ...]:
    """``tokens`` as a cached tuple, for hot loops that only test membership."""
    return _tokens(value) if value else ()


@lru_cache(maxsize=65536)
def _tokens(value: str) -> tuple[str, ...]:
    return _split(value, _NEGATED_PREFIX, _STATE_SUFFIX)[0]


_class_parts = _classtokens.class_parts  # one class name's lower-cased parts
_split = _classtokens.tokens_and_pairs  # (tokens, joined pairs) of a value, names skipped as told


def _tokens_and_pairs(value: str) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The tokens of a class/id value, and neighbouring parts of one class name written together
    ("news-letter-box" also names a "newsletter", "most_read" a "mostread"), from one split of each
    name; both skip the same names (a negating prefix, or a state suffix after another part)."""
    return _split(value, _NEGATED_PREFIX, _STATE_SUFFIX)


@lru_cache(maxsize=65536)
def _value_cue(attr: str, value: str) -> tuple[str, str] | None:
    """The first chrome token of a class/id value (also read in joined parts and without a
    number glued on). "live-comment", "livecomment-entry": the commentary of a live blog or match
    ticker is written by the newsroom and is the article; only readers' comments are "comments"."""
    table = class_tokens()
    toks, pairs = _split(value, _NEGATED_PREFIX, _STATE_SUFFIX)  # not through _tokens' cache: most
    # values are asked once
    for tok in toks + pairs:
        role = table.get(tok)
        if role is None and tok[-1:].isdigit() and (stem := tok.rstrip("0123456789")):
            role = table.get(stem)  # "comments18", "sidebar2": a numbered instance of the region
            tok = stem if role else tok
        if role and not (role == "comments" and "live" in toks):
            return role, f"{_TOKEN_REASONS[attr]}:{tok}"
    return None


def class_cue(el: etree._Element) -> tuple[str, str] | None:
    """(role, reason) when the element's class, id or region label carries a chrome token."""
    keys = el.keys()  # one call, then lookups only for attributes present (hot: ~1,000×/page)
    return _class_cue(el, keys) if keys else None


def _class_cue(el: etree._Element, keys: list[str]) -> tuple[str, str] | None:
    get = el.get
    for attr in _CUE_ATTRS:
        if attr in keys:
            value = get(attr)
            if value:
                cue = _value_cue(attr, value)
                if cue:
                    return cue
    return None


def structure_cue(el: etree._Element) -> tuple[str, str] | None:
    """(role, reason) from the tag or ARIA role, or hidden state."""
    return _structure_cue(el, el.keys())


def _structure_cue(el: etree._Element, keys: list[str]) -> tuple[str, str] | None:
    if keys and "role" in keys:
        role = (el.get("role") or "").lower()
        if role in ARIA_ROLES:
            return ARIA_ROLES[role], f"{R.ARIA_ROLE}:{role}"
    tag = el.tag
    if tag in STRUCTURE_ROLES:
        return STRUCTURE_ROLES[tag], f"{R.TAG}:{tag}"
    if not keys:
        return None
    style = (el.get("style") or "").replace(" ", "").lower() if "style" in keys else ""
    if (
        "hidden" in keys
        or "display:none" in style
        or ("aria-hidden" in keys and el.get("aria-hidden") == "true")
    ):
        return "hidden", R.HIDDEN
    return None


def _hiding_cue(el: etree._Element, keys: list[str]) -> tuple[str, str] | None:
    """A class name that hides the element at every screen width (a class cue: the relaxed pass,
    which trusts no class names, does not read it)."""
    if "class" not in keys:
        return None
    classes = (el.get("class") or "").split()
    if _HIDING.isdisjoint(classes) or any(_SHOWN_AT.match(c) for c in classes):
        return None
    return "hidden", R.HIDDEN_CLASS


def region_cue(el: etree._Element) -> tuple[str, str] | None:
    """``structure_cue(el)``, a hiding class, or ``class_cue(el)``: the cue that cuts a region.

    Hot (every element of a page): answered once per distinct tag and cue attributes."""
    return _signed_region_cue(_signature(el, SIGNED))


def signature(el: etree._Element) -> tuple:
    """The element's tag and ``SIGNED`` attributes (``archiver._speedups.cueattrs.signature``):
    what every cue of this module and the class weights read of it, as a cache key."""
    return _signature(el, SIGNED)


#: The attributes any cue or class weight reads (``_structure_cue``, ``_hiding_cue``,
#: ``_class_cue`` and :func:`archiver.extract.scoring.class_weight`): an element's tag and these
#: attributes decide what those say of it, so the answers are kept per signature.
SIGNED = frozenset({*_CUE_ATTRS, "role", "style", "hidden", "aria-hidden", "itemprop"})


class Signed:
    """An element as the cues read it, rebuilt from its signature (``cueattrs.signature`` over
    ``SIGNED``): its ``tag``, ``get`` and ``keys`` for those attributes only. The cues give it
    what they give the element: an attribute outside ``SIGNED`` changes no cue's answer."""

    __slots__ = ("attrs", "tag")

    def __init__(self, sig: tuple) -> None:
        self.tag = sig[0]
        self.attrs: dict[str, str] = {}
        for i in range(1, len(sig), 2):
            self.attrs.setdefault(sig[i], sig[i + 1])  # el.get reads the first of a name

    def get(self, name: str, default: str | None = None) -> str | None:
        return self.attrs.get(name, default)

    def keys(self) -> list[str]:
        return list(self.attrs)


# Signatures repeat across a page's elements and a site's pages; a page has about 200.
@lru_cache(maxsize=1 << 15)
def _signed_region_cue(sig: tuple) -> tuple[str, str] | None:
    return _region_cue(Signed(sig))  # type: ignore[arg-type]  # reads tag, get and keys only


def _region_cue(el: etree._Element) -> tuple[str, str] | None:
    keys = el.keys()
    if keys:
        return _structure_cue(el, keys) or _hiding_cue(el, keys) or _class_cue(el, keys)
    tag = el.tag  # no attributes: only the tag can tell
    return (STRUCTURE_ROLES[tag], f"{R.TAG}:{tag}") if tag in STRUCTURE_ROLES else None


def phrase_cue(text: str, extra: Iterable[str] = ()) -> tuple[str, str] | None:
    """(role, reason) when a line or heading is a chrome phrase, whole or as a lead ("Read more: ...")."""
    return _phrase_cue(text, tuple(extra))


# Measured on the corpus, half the lines a page asks about are asked again (by the phrase pass,
# the role guess for a cut, the block filters); a page's lines and a site's chrome fit in here.
@lru_cache(maxsize=2048)
def _phrase_cue(text: str, extra: tuple[str, ...]) -> tuple[str, str] | None:
    table = phrase_table(extra)
    key = phrase_key(text)
    if not key:
        return None
    if key in table:
        return table[key], f"{R.PHRASE}:{key}"
    m = _LEAD.match(text.strip())
    if m:
        lead = phrase_key(m.group(1))
        if lead in table:
            return table[lead], f"{R.PHRASE_LEAD}:{lead}"
    return keyword_cue(key)
