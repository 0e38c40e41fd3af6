"""The filters' quick tests before a regular expression search never turn a match away
(issue 17, speed): ``_credit_mark`` holds for every text ``_CREDIT_TAIL`` finds something in."""

from __future__ import annotations

import random

from archiver.extract.filters import _CREDIT_TAIL, _credit_mark

LABELS = [
    "photo",
    "Foto",
    "PHOTOS",
    "bild",
    "Image",
    "credit",
    "crédit",
    "zdjęcie",
    "fot.",
    "©",
    "(c)",
    "(C)",
]
PARTS = LABELS + [
    ":",
    "：",
    " ",
    "  ",
    "AFP",
    "dpa",
    "وكالة",
    ".",
    ")",
    "]",
    "\u00a0",
    "x",
    "Getty Images",
    "/",
]


def test_credit_mark_is_needed_by_every_credit_tail():
    rng = random.Random(7)
    matched = 0
    for _ in range(40000):
        text = "".join(rng.choice(PARTS) for _ in range(rng.randrange(1, 9)))
        if _CREDIT_TAIL.search(text):
            matched += 1
            assert _credit_mark(text), text
    assert matched > 1000


def test_no_mark_no_credit():
    for text in ["Photo by the agency", "credit where it is due", "a quiet line", ""]:
        assert not _credit_mark(text) and not _CREDIT_TAIL.search(text)
