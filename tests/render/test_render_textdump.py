"""Text dumps: the edge trim (one pass, one cut; it was quadratic in the number of short lines,
issue 16) against the definition it replaced, on generated dumps."""

from __future__ import annotations

import random

from archiver.extract.textdump import DumpCut, _edge_cue, _headline_like, _trim, parse_dump


def _reference_trim(lines, body_script, phrases, from_end):
    order = list(range(len(lines) - 1, -1, -1)) if from_end else list(range(len(lines)))
    cues, span = {}, []
    for i in order:
        cue = _edge_cue(lines[i], body_script, phrases)
        if cue is None and not _headline_like(lines[i]):
            break
        if cue is not None:
            cues[i] = cue
        span.append(i)
    if not cues:
        return []
    far = max(span.index(i) for i in cues)
    taken = sorted(span[: far + 1])
    cuts, widget = [], None
    for i in taken:
        if i in cues:
            widget = cues[i]
            cuts.append(DumpCut(lines[i], *cues[i]))
        else:
            role = widget[0] if widget else "chrome"
            cuts.append(DumpCut(lines[i], role, f"widget-item:{role}"))
    for i in sorted(taken, reverse=True):
        del lines[i]
    return cuts


LINES = [
    "12",
    "(3)",
    "Most read",
    "الأكثر قراءة",
    "short headline here",
    "أهم الأخبار اليوم",
    "💡 Tips",
    "A long sentence of the article that ends with a full stop and goes on for a while.",
    "Another paragraph, longer than a headline, with more than fourteen words in it so it is prose.",
]


def test_trim_equals_the_reference_on_generated_lines():
    rng = random.Random(16)
    for _ in range(2000):
        lines = [rng.choice(LINES) for _ in range(rng.randint(0, 12))]
        for from_end in (False, True):
            mine, theirs = list(lines), list(lines)
            got = _trim(mine, "Latn", ("Most read",), from_end)
            want = _reference_trim(theirs, "Latn", ("Most read",), from_end)
            assert (got, mine) == (want, theirs), lines


def test_repeated_title_lines_all_go():
    text = "The title\n" * 50 + "\nA paragraph of the article that is a sentence.\n"
    dump = parse_dump(text)
    assert dump.title == "The title"
    assert dump.paragraphs == ("A paragraph of the article that is a sentence.",)
