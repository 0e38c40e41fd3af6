"""The inline segmentation (one sweep over sorted boundaries, issue 17) against the semantics it
replaced: every mark and run checked for every piece between boundaries, on generated blocks."""

from __future__ import annotations

import random
from itertools import pairwise

from archiver.model import Block, Mark, Run
from archiver.render.inline import _merge, _segments, render_inline

KINDS = ("strong", "em", "code", "link")


def _reference(block: Block) -> list[tuple[str, tuple, object]]:
    """The old definition: a mark is active on [a, b) when it covers it; the run is the first that does."""
    points = {0, len(block.text)}
    for item in (*block.marks, *block.runs):
        points.update((item.start, item.end))
    pts = sorted(p for p in points if 0 <= p <= len(block.text))
    out = []
    for a, b in pairwise(pts):
        marks = tuple(m for m in block.marks if m.start <= a and b <= m.end)
        run = next((r for r in block.runs if r.start <= a and b <= r.end), None)
        out.append((block.text[a:b], marks, run))
    return out


def _reference_merge(segments):
    merged = []
    for seg in segments:
        if merged and merged[-1][1] == seg[1] and merged[-1][2] is seg[2]:
            merged[-1] = (merged[-1][0] + seg[0], seg[1], seg[2])
        else:
            merged.append(seg)
    return merged


def _random_block(rng: random.Random) -> Block:
    text = "".join(rng.choice("ab كل\n*_[") for _ in range(rng.randint(0, 40)))
    n = len(text)

    def span() -> tuple[int, int]:
        # mostly in range, sometimes empty, reversed or out of range (a JSON record read back)
        a, b = rng.randint(-2, n + 2), rng.randint(-2, n + 2)
        return (a, b) if rng.random() < 0.1 else (min(a, b), max(a, b))

    marks = tuple(
        Mark(*span(), rng.choice(KINDS), rng.choice((None, "http://x/", "/y")))
        for _ in range(rng.randint(0, 6))
    )
    runs = tuple(
        Run(*span(), rng.choice(("en", "ar")), rng.choice(("ltr", "rtl")), "Latn")
        for _ in range(rng.randint(0, 4))
    )
    return Block(id="b1", role="paragraph", text=text, lang="ar", dir="rtl", marks=marks, runs=runs)


def test_segments_equal_the_reference_on_generated_blocks():
    rng = random.Random(17)
    for _ in range(3000):
        block = _random_block(rng)
        want = _reference(block)
        assert [(block.text[a:b], marks, run) for a, b, marks, run in _segments(block)] == want, block
        assert list(_merge(block)) == _reference_merge(want), block


def test_busy_block_segments_equal_the_reference():
    """A bold-heavy paragraph (a mark every other word) and alternating runs, as in issue 17."""
    words = [f"word{i}" if i % 2 else "كلمة" for i in range(600)]
    text = " ".join(words)
    marks, runs, pos = [], [], 0
    for i, w in enumerate(words):
        if i % 3 == 0:
            marks.append(Mark(pos, pos + len(w), "strong"))
        if i % 2:
            runs.append(Run(pos, pos + len(w), "en", "ltr", "Latn"))
        pos += len(w) + 1
    marks.append(Mark(0, len(text), "em"))
    block = Block(
        id="b1",
        role="paragraph",
        text=text,
        lang="ar",
        dir="rtl",
        marks=tuple(sorted(marks, key=lambda m: (m.start, -m.end))),
        runs=tuple(runs),
    )
    want = _reference(block)
    assert [(text[a:b], marks, run) for a, b, marks, run in _segments(block)] == want
    assert list(_merge(block)) == _reference_merge(want)
    assert render_inline(block).count("<span") == len(runs)
