"""Whitespace squashing: compiled and pure twin give the same strings (issue 17)."""

from __future__ import annotations

import random
import sys

import pytest
from twinkit import compiled_or_skip, fixture_texts, generated, random_unicode, twin

PURE = twin("squash")
# every whitespace str.split knows (Py_UNICODE_ISSPACE), NBSP among them, NUL, and near misses
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
ODD = SPACES + "\x00\u200b\u200c\u2060\ufeff\x1b" + "aé ك中😀"


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("squash")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rnd = random.Random(29)
    odd = ["".join(rnd.choice(ODD) for _ in range(rnd.randrange(14))) for _ in range(20000)]
    return fixture_texts() + generated() + odd + [random_unicode(rnd, 60) for _ in range(2000)]


def test_squash_on_every_fixture_and_generated_text(fast, texts):
    for text in texts:
        assert fast.squash(text) == PURE.squash(text), repr(text)


def test_every_code_point_alone_and_between_words(fast):
    """Each code point as a text, after a word, and between two words with spaces around it."""
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        for text in (ch, "a" + ch, ch + "b", f"a {ch}  b", ch * 3):
            assert fast.squash(text) == PURE.squash(text), hex(cp)


def test_no_text_is_no_str(fast):
    with pytest.raises(TypeError):
        fast.squash(None)
    with pytest.raises((TypeError, AttributeError)):
        PURE.squash(None)
