"""Block-level cleaning inside the chosen article: the title repeated as a heading, link-dense
lines, chrome-phrase lines ("Read more: ..."), and stand-alone bylines and datelines at the top."""
from __future__ import annotations

import re

from .blocks import Proto
from .cues import phrase_cue, tokens
from .dates import parse_date
from .parse import squash

_BYLINE = re.compile(r"^(by|بقلم|كتب|كتبت|كتبه|تأليف|الكاتب|المحرر|مراسل|نوشته|par)\b\s*[:：]?", re.IGNORECASE)
_META_TOKENS = frozenset({"author", "byline", "date", "time", "meta", "dateline", "published",
                          "timestamp", "posted", "credit", "credits", "source"})


def _link_share(proto: Proto) -> float:
    total = sum(len(t.strip()) for t, _ in proto.pieces)
    linked = sum(len(t.strip()) for t, marks in proto.pieces if any(k == "link" for k, _ in marks))
    return linked / total if total else 0.0


def _meta_cue(proto: Proto) -> bool:
    el = proto.source
    for _ in range(3):
        if el is None:
            return False
        if set(tokens(f"{el.get('class', '')} {el.get('id', '')}")) & _META_TOKENS or el.tag == "time":
            return True
        el = el.getparent()
    return False


def block_cue(proto: Proto, index: int, title: str | None, phrases: tuple[str, ...]) -> tuple[str, str] | None:
    """(role, reason) when a block is chrome or metadata rather than article text; else None."""
    text = squash(proto.plain())
    if proto.role == "table" or proto.role == "code":
        return None
    if title and index < 4 and squash(title) == text:
        return "title", "title-repeated"
    cue = phrase_cue(text, phrases) if len(text) < 200 else None
    if cue:
        return cue
    if len(text) < 200 and _link_share(proto) > 0.6:
        return "links", "link-density"
    if index < 6 and len(text) < 100:
        if _BYLINE.match(text):
            return "byline", "byline-lead"
        if _meta_cue(proto):
            return "byline", "meta-class"
        if parse_date(text) and len(text) < 60:
            return "dateline", "date-only"
    return None


def filter_blocks(protos: list[Proto], title: str | None, phrases: tuple[str, ...] = ()
                  ) -> tuple[list[Proto], list[tuple[Proto, str, str]]]:
    kept: list[Proto] = []
    cut: list[tuple[Proto, str, str]] = []
    for i, proto in enumerate(protos):
        cue = block_cue(proto, i, title, phrases)
        if cue is None:
            kept.append(proto)
        elif cue[0] != "title":
            cut.append((proto, *cue))
    return kept, cut
