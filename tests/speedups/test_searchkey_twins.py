"""The search key's folding pass: compiled and pure twin give the same keys (issue 17)."""

from __future__ import annotations

import random
import sys
import unicodedata

import pytest
from twinkit import compiled_or_skip, fixture_texts, generated, random_unicode, twin

from archiver.text.searchkey import _CONTROLS, _FOLD_DEFAULT, _FOLD_URDU

PURE = twin("searchkey")


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("searchkey")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    rnd = random.Random(13)
    spaces = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000"
    odd = [
        "".join(rnd.choice(spaces + "aé ك\u0640\u064b\u200f") for _ in range(rnd.randrange(12)))
        for _ in range(2000)
    ]
    return fixture_texts() + generated() + odd + [random_unicode(rnd, 50) for _ in range(500)]


@pytest.mark.parametrize("table", [_FOLD_DEFAULT, _FOLD_URDU], ids=["default", "urdu"])
def test_fold_key_on_every_fixture_and_generated_text(fast, texts, table):
    for text in texts:
        text = unicodedata.normalize("NFKC", text)
        assert fast.fold_key(text, _CONTROLS, table) == PURE.fold_key(text, _CONTROLS, table), text


def test_any_translation_table(fast, texts):
    """Tables that delete, map to code points, to several characters and to whitespace."""
    rnd = random.Random(5)
    for _ in range(20):
        table: list = list(range(0x700))
        for cp in rnd.sample(range(0x700), 300):
            table[cp] = rnd.choice((None, rnd.randrange(0x110000), "", " ", "ab", "\t x\u3000", "ß"))
        for text in texts[::7]:
            assert fast.fold_key(text, _CONTROLS, table) == PURE.fold_key(text, _CONTROLS, table), text


def test_casefold_neither_makes_nor_changes_a_control():
    """Why case-folding before dropping the controls gives what dropping them first gives."""
    wrong = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        folded = ch.casefold()
        if (_CONTROLS.fullmatch(ch) and folded != ch) or (
            not _CONTROLS.fullmatch(ch) and _CONTROLS.search(folded)
        ):
            wrong.append(hex(cp))
    assert not wrong


def test_the_controls_must_be_a_plain_class(fast):
    import re

    with pytest.raises(ValueError):
        fast.fold_key("x", re.compile("[^a]"), _FOLD_DEFAULT)
    assert fast.fold_key("A\u200fB", _CONTROLS, _FOLD_DEFAULT) == "ab"
