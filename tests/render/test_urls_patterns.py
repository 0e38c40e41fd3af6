"""The sanitizer's plain-URL pattern and ``links._AS_JOINED``, written for speed (issue 17), accept
exactly what their plain spellings (kept here) accept, on generated strings of every character
class that matters to them."""

from __future__ import annotations

import random
import re

import pytest

from archiver.extract.links import _AS_JOINED, _KEPT
from archiver.render.urls import PLAIN

PLAIN_REFERENCE = re.compile(r"(?:[A-Za-z0-9\-._~:/?#@!$'*+,;=&]|%[0-9A-Fa-f]{2}|[^\x00-\x7f])*")
AS_JOINED_REFERENCE = re.compile(
    r"https?://(?:(?![/?#\[\]])[!-~])+(?:/[^?#;\x00-\x20]*)?(?:\?[^#\x00-\x20]+)?(?:#[^\x00-\x20]+)?"
)
ALPHABET = "".join(chr(c) for c in range(0x80)) + "\x80é\u00a0\u200fمصر\ud800\U0010ffff" + "%%%1F" * 3


def _strings(seed: int, n: int) -> list[str]:
    rng = random.Random(seed)
    heads = ["https://", "http://", "HTTP://", "https:/", ""]
    return [
        rng.choice(heads) + "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(14))) for _ in range(n)
    ]


@pytest.mark.parametrize("seed", range(3))
def test_patterns_accept_what_their_plain_spellings_accept(seed):
    for s in _strings(seed, 30000):
        assert bool(PLAIN.fullmatch(s)) == bool(PLAIN_REFERENCE.fullmatch(s)), s
        assert bool(_AS_JOINED.fullmatch(s)) == bool(AS_JOINED_REFERENCE.fullmatch(s)), s
        both = PLAIN_REFERENCE.fullmatch(s) and AS_JOINED_REFERENCE.fullmatch(s)
        assert bool(_KEPT.fullmatch(s)) == bool(both), s


def test_the_generated_strings_reach_every_outcome():
    strings = _strings(0, 30000)
    assert sum(1 for s in strings if PLAIN_REFERENCE.fullmatch(s)) > 100
    assert sum(1 for s in strings if AS_JOINED_REFERENCE.fullmatch(s)) > 100
    assert sum(1 for s in strings if AS_JOINED_REFERENCE.fullmatch(s) and PLAIN_REFERENCE.fullmatch(s)) > 50
