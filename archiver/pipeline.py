"""The stages in order: decode → parse → metadata → extract → blocks → normalize → langtag → Document."""

from __future__ import annotations

import dataclasses
import hashlib
import re
import unicodedata
from dataclasses import dataclass

from ._version import __version__
from .config import DEFAULT, Config
from .decode import decode, scrub_surrogates
from .errors import InputError
from .extract import reasons
from .extract.blocks import Proto, build_blocks
from .extract.body import extract_body
from .extract.byline import leading_byline
from .extract.filters import filter_blocks
from .extract.links import absolute_links, absolute_metadata, mark_body_links, page_base, page_links
from .extract.metadata import extract_metadata
from .extract.parse import looks_like_html, parse_html, squash
from .extract.textdump import parse_dump
from .lang.assign import tag_page
from .model import Block, Document, Mark, Metadata, RawPage, Removed, Source, document_id
from .text.marks import piece_marks
from .text.normalize import fix_text, normalize_pieces
from .text.searchkey import search_key


@dataclass(frozen=True, slots=True)
class _Cleaned:
    protos: list[Proto]
    cuts: list[tuple[str, str, str]]
    metadata: Metadata
    status: str
    comments: list[Proto]
    dump: bool = False
    extraction: dict[str, str] | None = None  # which extraction path decided (issue 12)
    links: tuple = ()  # every link of the page (issue 14)


@dataclass(frozen=True, slots=True)
class _Normalized:
    """One block's text after the normalize stage: ``raw`` only when a repair changed it."""

    text: str
    raw: str | None
    repairs: tuple[str, ...]
    marks: tuple[Mark, ...]


def _normalize(proto: Proto, dump: bool) -> _Normalized:
    texts = [p[0] for p in proto.pieces]
    raw = "".join(texts)
    keep_nl = proto.role in ("paragraph", "quote", "code", "table")
    if proto.role == "code":
        return _Normalized(raw.strip("\n"), None, (), ())
    norm = normalize_pieces(texts, keep_newlines=keep_nl)
    text = "".join(norm.pieces)
    repairs = norm.repairs
    if dump and text != raw and "whitespace" not in repairs:
        repairs = repairs + ("whitespace",)
    changed = bool(norm.repairs) or (dump and text != raw)
    return _Normalized(
        text, raw if changed else None, repairs, piece_marks(norm.pieces, [p[1] for p in proto.pieces])
    )


def _byline_line(
    kept: list[Proto], cuts: list[tuple[str, str, str]], metadata: Metadata, url: str | None
) -> tuple[list[Proto], list[tuple[str, str, str]], Metadata]:
    """A "حسام فهمي-القاهرة" line (the first block after the headings, or a line cut as a
    dateline) names the author: it goes to ``removed`` with role ``byline`` (issue 13)."""
    at = next((i for i, p in enumerate(kept) if p.role != "heading"), None)
    name = leading_byline(
        (kept[at].role, squash(kept[at].plain())) if at is not None else None, metadata.site_name, url
    )
    if name:
        kept, cuts = (
            kept[:at] + kept[at + 1 :],
            cuts + [(squash(kept[at].plain()), "byline", reasons.BYLINE_NAME_PLACE)],
        )
    else:
        for i, (text, role, _) in enumerate(cuts):
            name = (
                leading_byline(("paragraph", text), metadata.site_name, url) if role == "dateline" else None
            )
            if name:
                cuts = cuts[:i] + [(text, "byline", reasons.BYLINE_NAME_PLACE)] + cuts[i + 1 :]
                break
    if name and not metadata.authors:
        metadata = dataclasses.replace(metadata, authors=(name,))
    return kept, cuts, metadata


def _from_html(text: str, url: str | None, config: Config, captured: str | None = None) -> _Cleaned:
    root = parse_html(text)
    metadata = extract_metadata(root, url, captured)
    base = page_base(root, url, metadata.canonical_url)
    metadata = absolute_metadata(metadata, base, url)
    links = page_links(root, base)
    ex = extract_body(root, config.chrome_phrases, reparse=lambda: parse_html(text))  # read-only until here
    protos = [p for el in ex.main for p in build_blocks(el)] if ex.status == "ok" else []
    protos = absolute_links(protos, base)
    kept, dropped = filter_blocks(protos, metadata.title, config.chrome_phrases)
    cuts = [(c.text, c.role, c.reason) for c in ex.cuts]
    cuts += [(squash(p.plain()), role, reason) for p, role, reason in dropped]
    kept, cuts, metadata = _byline_line(kept, cuts, metadata, url)
    comments = (
        absolute_links(
            [
                p
                for c in ex.cuts
                if c.role == "comments" and c.element is not None
                for p in build_blocks(c.element)
            ],
            base,
        )
        if config.comments
        else []
    )
    how = {"method": ex.method, "changed": ex.changed} if ex.method != "main" else None
    links = mark_body_links(links, kept)
    if ex.status == "ok" and not kept:
        return _Cleaned([], cuts, metadata, "no_article", comments, extraction=how, links=links)
    return _Cleaned(kept, cuts, metadata, ex.status, comments, extraction=how, links=links)


def _from_dump(text: str, config: Config) -> _Cleaned:
    dump = parse_dump(text, config.chrome_phrases)
    protos = [Proto("paragraph", [(p, ())]) for p in dump.paragraphs]
    cuts = [(c.text, c.role, c.reason) for c in dump.cuts]
    status = "ok" if protos else "no_article"
    return _Cleaned(protos, cuts, Metadata(title=dump.title), status, [], dump=True)


def _nonempty(protos: list[Proto], normalized: list[_Normalized]) -> tuple[list[Proto], list[_Normalized]]:
    """Blocks whose text normalizes away (a stray BOM, an empty <pre>) are no blocks."""
    if all(n.text for n in normalized):
        return protos, normalized
    keep = [i for i, n in enumerate(normalized) if n.text]
    return [protos[i] for i in keep], [normalized[i] for i in keep]


def _blocks(protos: list[Proto], normalized: list[_Normalized], tags, runs, prefix: str) -> tuple[Block, ...]:
    out = []
    for n, (proto, norm, tag, block_runs) in enumerate(zip(protos, normalized, tags, runs), 1):
        out.append(
            Block(
                id=f"{prefix}{n}",
                role=proto.role,
                text=norm.text,
                level=proto.level,
                ordered=proto.ordered,
                text_raw=norm.raw,
                lang=tag.lang,
                dir=tag.dir,
                script=tag.script,
                lang_source=tag.source,
                lang_confidence=tag.confidence,
                repairs=norm.repairs,
                runs=block_runs,
                marks=norm.marks,
                cells=proto.cells,
                key=search_key(norm.text, tag.lang),
            )
        )
    return tuple(out)


# Explicit bidi embeddings, overrides and isolates (LRE RLE PDF LRO RLO, LRI RLI FSI PDI): a label
# shown on one line (a title in index.jsonl, `show`, search results) carries its direction in
# fields, never in controls (DESIGN.md §6); a paired RLO…PDF would show its words reversed.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def _label(text: str) -> str:
    """A title, site name or author through the block fixers, with no bidi control left."""
    return _BIDI_CONTROLS.sub("", fix_text(text)[0])


def _repaired_metadata(meta: Metadata) -> Metadata:
    """Title, description, site name and authors through the block fixers (mojibake in
    <title>/og:title, a byline in JSON-LD written through the wrong code page); the labels
    among them lose every bidi control."""
    fixers = {"title": _label, "description": lambda text: fix_text(text)[0], "site_name": _label}
    fixed: dict[str, object] = {
        name: fix(value) for name, fix in fixers.items() if (value := getattr(meta, name))
    }
    if meta.authors:
        fixed["authors"] = tuple(_label(name) for name in meta.authors)
    fixed = {k: v for k, v in fixed.items() if v != getattr(meta, k)}
    return dataclasses.replace(meta, **fixed) if fixed else meta


def _removed(
    cuts: list[tuple[str, str, str]],
    chrome: list[tuple[str, str, str]],
    chrome_tags,
    page_language: str,
    config: Config,
) -> tuple[Removed, ...]:
    """The ``removed`` records: each cut's code and detail (:mod:`.extract.reasons`) and its tags.
    The title's repeats are tagged apart, so that they weigh on no other tag (issue 18)."""
    tagged = dict(zip(map(id, chrome), chrome_tags))
    if len(chrome) < len(cuts):
        titles = [c for c in cuts if id(c) not in tagged]
        again = tag_page(
            [],
            [c[0] for c in titles],
            page_language,
            config.lang_detector,
            config.min_detect_letters,
            config.lang_candidates,
        )
        tagged.update(zip(map(id, titles), again.removed))
    out = []
    for cut in cuts:
        code, detail = reasons.split(cut[2])
        t = tagged[id(cut)]
        out.append(Removed(cut[0], cut[1], code, t.lang, t.dir, t.script, detail))
    return tuple(out)


def _text_of(page: RawPage) -> tuple[str, str | None, str]:
    """The page's text, its encoding and the evidence for it (decode stage)."""
    data = page.data
    if isinstance(data, str):
        if not data.strip():
            raise InputError("empty input")
        # a str read from a file without "utf-8-sig" keeps the file's byte-order mark: not text
        return scrub_surrogates(data).removeprefix("\ufeff"), None, "str"
    decoded = decode(data, page.content_type)
    return decoded.text, decoded.encoding, decoded.evidence


def _comments(cleaned: _Cleaned, page_language: str, config: Config) -> tuple[Block, ...]:
    """The comment section's blocks (``comments=True``), tagged with the page's language as prior."""
    if not cleaned.comments:
        return ()
    cprotos, cnorm = _nonempty(cleaned.comments, [_normalize(p, False) for p in cleaned.comments])
    ctags = tag_page(
        [n.text for n in cnorm],
        [],
        page_language,
        config.lang_detector,
        config.min_detect_letters,
        config.lang_candidates,
    )
    return _blocks(cprotos, cnorm, ctags.blocks, ctags.runs, "c")


def _source(page: RawPage, kind: str, encoding: str | None, evidence: str, sha: str) -> Source:
    """The record's provenance: where the page came from and how it was read."""
    s = page.source
    return Source(
        kind=s.kind if s.kind != "auto" else kind,
        path=s.path,
        url=s.url,
        encoding=encoding,
        encoding_evidence=evidence,
        sha256=sha,
        record_id=s.record_id,
        offset=s.offset,
        line=s.line,
        captured=s.captured,
    )


def process(page: RawPage, config: Config = DEFAULT) -> Document:
    """Run every stage on one page. Raises an :class:`ArchiverError` subclass on bad input."""
    data = page.data
    raw_bytes = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else data
    sha = hashlib.sha256(raw_bytes).hexdigest()
    text, encoding, evidence = _text_of(page)
    kind = config.kind if config.kind != "auto" else ("html" if looks_like_html(text) else "text")
    cleaned = (
        _from_html(text, page.source.url, config, page.source.captured)
        if kind == "html"
        else _from_dump(text, config)
    )
    protos, normalized = _nonempty(cleaned.protos, [_normalize(p, cleaned.dump) for p in cleaned.protos])
    status = "no_article" if cleaned.status == "ok" and not protos else cleaned.status
    chrome = [c for c in cleaned.cuts if c[2] != reasons.TITLE_REPEATED]
    tags = tag_page(
        [n.text for n in normalized],
        [c[0] for c in chrome],
        cleaned.metadata.page_language,
        config.lang_detector,
        config.min_detect_letters,
        config.lang_candidates,
    )
    blocks = _blocks(protos, normalized, tags.blocks, tags.runs, "b")
    metadata = _repaired_metadata(cleaned.metadata)
    if page.last_modified and not metadata.modified:  # the page states none: the HTTP header's
        metadata = dataclasses.replace(metadata, modified=page.last_modified)
    url = page.source.url
    return Document(
        id=document_id(url, sha, page.source),
        status=status,
        url=url,
        title=metadata.title,
        language=tags.language if blocks else "und",
        direction=tags.direction,
        page_language=tags.page_language,
        source=_source(page, kind, encoding, evidence, sha),
        processing={
            "tool": f"archiver {__version__}",
            "config": config.digest(),
            "unicode": unicodedata.unidata_version,
            "kind": kind,
        },
        blocks=blocks,
        removed=_removed(cleaned.cuts, chrome, tags.removed, tags.page_language, config),
        metadata=metadata,
        comments=_comments(cleaned, tags.page_language, config),
        extraction=cleaned.extraction or {},
        links=cleaned.links,
    )
