"""Inline marks (strong, em, code, link) carried piece by piece, joined into :class:`Mark` spans."""

from __future__ import annotations

from ..model import Mark


def piece_marks(pieces: tuple[str, ...], marks: list[tuple]) -> tuple[Mark, ...]:
    """The inline marks of normalized pieces as spans: ``marks[i]`` holds the (kind, href) keys active
    on ``pieces[i]``; touching pieces with the same key make one span."""
    if not any(marks):  # no piece carries a mark (plain text): nothing to collect
        return ()
    spans: dict[tuple[str, str | None], list[list[int]]] = {}
    pos = 0
    for text, active in zip(pieces, marks):
        end = pos + len(text)
        for key in active:
            runs = spans.setdefault(key, [])
            if runs and runs[-1][1] == pos:
                runs[-1][1] = end
            else:
                runs.append([pos, end])
        pos = end
    out = [Mark(s, e, kind, href) for (kind, href), runs in spans.items() for s, e in runs if e > s]
    return tuple(sorted(out, key=lambda m: (m.start, -m.end, m.kind)))
