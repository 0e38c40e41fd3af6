"""Deterministic shards: input ``key`` belongs to shard ``sha256(key) mod N``.

The hash is of the input's identity as the sources name it (the path as given, plus ``#offset``
for a WARC record or ``:line`` for a JSONL line), so every machine that names the inputs the same
way computes the same split, whatever its Python, platform or input order.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Shard:
    """Shard ``index`` of ``count`` (0-based)."""

    index: int = 0
    count: int = 1

    def __post_init__(self) -> None:
        if self.count < 1 or not 0 <= self.index < self.count:
            raise ValueError(f"shard index {self.index} is not in 0..{self.count - 1}")

    def owns(self, key: str) -> bool:
        """True when the input named ``key`` is this shard's to clean."""
        return self.count == 1 or shard_of(key, self.count) == self.index


def shard_of(key: str, count: int) -> int:
    """The shard (0..count-1) of the input named ``key``."""
    digest = hashlib.sha256(key.encode("utf-8", errors="surrogateescape")).digest()
    return int.from_bytes(digest[:8], "big") % count
