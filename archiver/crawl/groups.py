"""The records of duplicate grouping (no heavy imports: the CLI registers ``dedup`` with them)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .shingles import SHINGLE_WORDS

__all__ = ["DedupItem", "DedupOptions", "Group", "Member"]


@dataclass(frozen=True, slots=True)
class DedupOptions:
    """``threshold``: estimated Jaccard for a near-duplicate; ``min_words``: a shorter text is
    grouped only with exact copies (too few shingles for an estimate)."""

    threshold: float = 0.6
    num_perm: int = 128
    seed: int = 1
    shingle: int = SHINGLE_WORDS
    min_words: int = 10


@dataclass(frozen=True, slots=True)
class DedupItem:
    """One document to group. ``order``: when it was captured (ISO date-time; the capture date
    or, failing that, the publication date; "" when unknown, which sorts last)."""

    id: str
    text: str
    lang: str | None = None
    order: str = ""


@dataclass(frozen=True, slots=True)
class Member:
    """A group member: its estimated Jaccard similarity to the earliest member, and whether its
    folded text is identical to it."""

    id: str
    jaccard: float
    exact: bool


@dataclass(frozen=True, slots=True)
class Group:
    """A duplicate group; ``id`` is the id of its earliest member (stable across runs)."""

    id: str
    members: tuple[Member, ...]

    @property
    def earliest(self) -> str:
        return self.members[0].id

    def to_dict(self) -> dict[str, Any]:
        return {
            "group": self.id,
            "size": len(self.members),
            "earliest": self.earliest,
            "jaccard_min": min(m.jaccard for m in self.members),
            "members": [{"id": m.id, "jaccard": m.jaccard, "exact": m.exact} for m in self.members],
        }
