"""The Latin gate's words: compiled twin, pure twin and the token regex agree (issue 17)."""

from __future__ import annotations

import random
import sys

import pytest
from twinkit import compiled_or_skip, fixture_texts, generated, random_unicode, twin

from archiver.lang import gate

PURE = twin("gate")
KNOWN, LONGEST = gate._LANGS_OF, gate._LONGEST


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("gate")


def _reference(folded: str, known: dict) -> tuple[int, list[str]]:
    tokens = PURE.TOKEN.findall(folded)
    return len(tokens), [t for t in tokens if t in known]


def test_a_letter_is_what_the_token_class_matches(fast):
    """Each code point alone, and between letters (one token, or two)."""
    wrong = []
    for cp in range(sys.maxunicode + 1):
        ch = chr(cp)
        for text in (ch, "de" + ch + "la"):
            if fast.words(text, KNOWN, LONGEST) != _reference(text, KNOWN):
                wrong.append(hex(cp))
    assert not wrong[:20]


def test_fixture_and_generated_texts(fast):
    rnd = random.Random(29)
    texts = fixture_texts() + generated() + [random_unicode(rnd, 60) for _ in range(500)]
    texts += ["don’t “quote” — it’s the", "ﬁne ſ K für", "a_b1c2 de\u00a0la", "naïve é è", "x\u0301y"]
    for text in texts:
        folded = text.casefold()
        want = _reference(folded, KNOWN)
        assert fast.words(folded, KNOWN, LONGEST) == PURE.words(folded, KNOWN, LONGEST) == want, text


def test_other_word_lists_and_lengths(fast):
    """Keys of any length (``longest`` is the longest key's)."""
    rnd = random.Random(31)
    texts = generated(800, 3)
    for _ in range(30):
        known = dict.fromkeys((t[:n] for t in rnd.sample(texts, 40) for n in (1, 3, 9)), ())
        longest = max(map(len, known))
        for text in texts[::4]:
            folded = text.casefold()
            want = _reference(folded, known)
            assert fast.words(folded, known, longest) == PURE.words(folded, known, longest) == want
