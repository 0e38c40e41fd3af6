"""The cheap first pass of site boilerplate: one page's host, identity and block-text keys, read
without cleaning it (issue 15).

The profile needs, per page, the fold keys (:func:`archiver.text.fold.phrase_key`) of every text
that could end as a block of the cleaned page. Cleaning the page to learn them costs a full clean
(extraction, both opinions, normalization, language tagging); :func:`page_fingerprint` only
decodes the page, parses it once with lxml and walks the tree once: each run of text between
block-level boundaries (the block builder's tags, :data:`archiver.extract.blocks.BLOCK_TAGS`) is
one text, and so is each ``<br>``-separated line of it. Skipped elements (scripts, styles, forms'
controls, media: :data:`~archiver.extract.blocks.SKIP_TAGS`) give no text. A plain-text dump
gives its lines and its blank-line separated groups. The keys are a superset of the kept blocks'
keys: the navigation, rails and footers the page-level cleaner cut count too, which is what
"repeated across the host" means (a chrome text cut on most pages and leaked on a few is still
repeated). A key is counted once per distinct page.

The page's address is the command line's (``--url``, ``--base-url``, the WARC record's), else the
page's ``<link rel=canonical>``, else its ``og:url``, as the cleaned Document states it.
"""

from __future__ import annotations

from collections.abc import Iterator

from lxml import etree

from ..config import Config
from ..decode import decode, scrub_surrogates
from ..errors import InputError
from ..extract.blocks import BLOCK_TAGS, SKIP_TAGS
from ..extract.parse import looks_like_html, parse_html, squash
from ..model import RawPage
from ..render.urls import safe_url
from ..text.fold import phrase_key
from .profile import Fingerprint, page_print

__all__ = ["block_texts", "dump_texts", "page_fingerprint", "page_text"]


def page_text(page: RawPage) -> str:
    """The page's text, decoded as the clean decodes it (raises :class:`InputError` when empty)."""
    data = page.data
    if isinstance(data, str):
        if not data.strip():
            raise InputError("empty input")
        return scrub_surrogates(data).removeprefix("\ufeff")
    return decode(data, page.content_type).text


_SHAPES = {"h1": "heading", "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading"}
_SHAPES |= {"h6": "heading", "li": "list_item", "figcaption": "caption", "caption": "caption"}


def _run_texts(shape: str, pieces: list[str]) -> Iterator[tuple[str, str]]:
    """One run of text between block boundaries: the whole run and, when ``<br>`` broke it, each line."""
    text = "".join(pieces)
    yield shape, text
    if "\n" in text:
        for line in text.split("\n"):
            yield shape, line


def block_texts(root: etree._Element) -> Iterator[tuple[str, str]]:
    """The texts of the page's block runs in document order, each with its shape (the innermost
    block element around it: :func:`archiver.crawl.profile.shape_of`); not squashed (the key folds
    spaces). Spaces before a run's first text are dropped, so blank runs between blocks cost nothing."""
    body = root.find("body")
    walker = etree.iterwalk(body if body is not None else root, events=("start", "end"))
    pieces: list[str] = []
    shapes = ["text"]
    for event, el in walker:
        tag = el.tag if isinstance(el.tag, str) else None
        if event == "start":
            if tag is None or tag in SKIP_TAGS:
                walker.skip_subtree()
                continue
            if tag in BLOCK_TAGS:
                if pieces:
                    yield from _run_texts(shapes[-1], pieces)
                    pieces = []
                shapes.append(_SHAPES.get(tag, "text"))
            if tag == "br":
                if pieces:
                    pieces.append("\n")
            elif (text := el.text) and (pieces or not text.isspace()):
                pieces.append(text)
            continue
        if tag in BLOCK_TAGS:
            if pieces:
                yield from _run_texts(shapes[-1], pieces)
                pieces = []
            shapes.pop()
        if (tail := el.tail) and (pieces or not tail.isspace()):
            pieces.append(tail)
    if pieces:
        yield from _run_texts(shapes[-1], pieces)


def dump_texts(text: str) -> Iterator[tuple[str, str]]:
    """A text dump's lines and blank-line separated groups (the dump reader's blocks are one or the other)."""
    for group in text.replace("\r\n", "\n").replace("\r", "\n").split("\n\n"):
        yield from _run_texts("text", [group])


def _canonical(root: etree._Element) -> str | None:
    """The page's own address as its metadata states it: ``<link rel=canonical>``, else ``og:url``."""
    link = next(
        (
            el.get("href").strip()
            for el in root.iter("link")
            if (el.get("rel") or "").lower() == "canonical" and el.get("href")
        ),
        None,
    )
    og = None
    for meta in root.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        if key and key.strip().lower() == "og:url" and (meta.get("content") or "").strip():
            og = squash(meta.get("content"))
            break
    return safe_url(link) or safe_url(og)


def page_fingerprint(page: RawPage, config: Config) -> Fingerprint | None:
    """The first-pass record of one raw page (None when no address is known, so no host)."""
    text = page_text(page)
    kind = config.kind if config.kind != "auto" else ("html" if looks_like_html(text) else "text")
    if kind == "html":
        root = parse_html(text)
        url = page.source.url or _canonical(root)
        texts = block_texts(root)
    else:
        url, texts = page.source.url, dump_texts(text)
    if not url:
        return None
    return page_print(url, {(shape, key) for shape, text in texts if (key := phrase_key(text))})
