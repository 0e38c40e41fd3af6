"""What ``archiver verify`` finds: one :class:`Problem` per thing wrong, with the file it is in."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True, order=True)
class Problem:
    """One thing wrong. ``kind``: ``changed``, ``missing``, ``extra``, ``schema``, ``package``, ``bag``…"""

    kind: str
    path: str
    detail: str

    def line(self) -> str:
        """One line for a report: ``kind: path: detail``."""
        return f"{self.kind}: {self.path}: {self.detail}"
