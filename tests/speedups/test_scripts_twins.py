"""Letters per script and runs of one script: compiled and pure twin agree (issue 17)."""

from __future__ import annotations

import random
import re
import sys

import pytest
from twinkit import compiled_or_skip, fixture_texts, generated, random_unicode, twin

from archiver.lang.script import _COUNTERS, CLASSES

PURE = twin("scripts")
PURE.load(CLASSES)


@pytest.fixture(scope="module")
def fast():
    module = compiled_or_skip("scripts")
    module.load(CLASSES)
    return module


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rnd = random.Random(9)
    blocks = "".join(chr(cp) for cp in range(0x0590, 0x0900)) + "".join(
        chr(cp) for cp in range(0xFB1D, 0xFF00)
    )
    near = ["".join(rnd.choice(blocks) for _ in range(rnd.randrange(20))) for _ in range(3000)]
    return fixture_texts() + generated() + near + [random_unicode(rnd, 60) for _ in range(500)]


def _reference_counts(text: str) -> dict[str, int]:
    """The four scans on the whole text, then the other right-to-left scripts out of Zzzz."""
    counts = {name: sum(map(len, pattern.findall(text))) for name, pattern in _COUNTERS}
    if counts["Zzzz"]:
        for name in ("Syrc", "Thaa", "Nkoo"):
            n = sum(map(len, re.findall(CLASSES[name] + "+", text)))
            if n:
                counts[name] = n
                counts["Zzzz"] -= n
    return {k: v for k, v in counts.items() if v}


def test_script_counts(fast, texts):
    for text in texts:
        got = fast.script_counts(text)
        assert got == PURE.script_counts(text) == _reference_counts(text), text
        assert list(got) == list(PURE.script_counts(text))  # the same order of keys too


def test_letter_runs(fast, texts):
    for text in texts:
        assert fast.letter_runs(text) == PURE.letter_runs(text), text


def test_every_code_point_has_the_same_script(fast):
    chars = [chr(cp) for cp in range(sys.maxunicode + 1) if not 0xD800 <= cp < 0xE000]
    assert [fast.letter_runs(ch) for ch in chars] == [PURE.letter_runs(ch) for ch in chars]


def test_load_takes_only_plain_classes(fast):
    with pytest.raises(ValueError):
        fast.load(dict(CLASSES, Arab="[^a]"))
    with pytest.raises(ValueError):
        fast.load(dict(CLASSES, Arab="[\U00010000-\U00010010]"))
    fast.load(CLASSES)  # a refused table leaves the loaded one in place
    assert fast.script_counts("كتب") == {"Arab": 3}
