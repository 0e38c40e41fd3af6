"""The non-linguistic spans: compiled scan and pure twin find the same spans (issue 17)."""

from __future__ import annotations

import random
import re
import sys

import pytest
from twinkit import WORDS, compiled_or_skip, fixture_texts, generated, twin

from archiver.lang.nonling import _SPANS, blank

PURE = twin("nonling")


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("nonling")


def _same(fast, texts: list[str]) -> None:
    for text in texts:
        assert (
            fast.spans(text, _SPANS) == PURE.spans(text, _SPANS) == [m.span() for m in _SPANS.finditer(text)]
        ), text


def test_the_compiled_scan_is_written_for_the_stage_pattern(fast):
    """Its conditions are derived from lang/nonling._SPANS: a changed pattern must update them."""
    assert fast.written_for(_SPANS)
    assert not fast.written_for(re.compile(_SPANS.pattern + "|x", _SPANS.flags))


def test_every_fixture(fast):
    _same(fast, fixture_texts())


def test_generated_text(fast):
    _same(fast, generated())


def test_dense_triggers(fast):
    """Short strings made of the very characters the alternatives start and end on."""
    rnd = random.Random(3)
    alphabet = list("aAzhHfFwW_$.,+-@#`()/: \n&09") + [
        "\u0130",
        "\u0131",
        "\u017f",
        "\u212a",
        "ك",
        "١",
        "é",
        "中",
    ]
    alphabet += WORDS
    _same(fast, ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(30))) for _ in range(20000)])


def test_long_runs_stay_linear(fast):
    """Hostile runs ("a-a-a-…", "a.a.a.…", "1,1,1,…") give finditer's spans (and no quadratic rescans)."""
    texts = [
        "a-" * 5000,
        "a." * 5000 + "com",
        "1," * 5000 + "k",
        "a_" * 5000,
        "x" * 10000 + "(",
        "b" * 10000 + "@c.de",
    ]
    _same(fast, texts)


def test_a_changed_pattern_falls_back_to_finditer(fast):
    other = re.compile(r"\d+|x")
    assert fast.spans("a1x22", other) == [(1, 2), (2, 3), (3, 5)]


def test_blank_keeps_offsets():
    text = "اقرأ المزيد على www.example.com أو راسلنا a@b.cd #وسم"
    out = blank(text)
    assert len(out) == len(text) and "example" not in out and "a@b" not in out and "#" not in out


@pytest.mark.parametrize(
    "cls, test",
    [
        (r"\w", lambda ch: ch.isalnum() or ch == "_"),
        (r"\d", str.isdecimal),
        ("(?i:[A-Za-z])", lambda ch: (ch.isascii() and ch.isalpha()) or ch in "\u0130\u0131\u017f\u212a"),
    ],
)
def test_character_classes_the_scan_assumes(cls, test):
    """``_nonling.pyx`` reads \\w as isalnum() or "_", \\d as isdecimal(), [A-Za-z] under
    IGNORECASE as ASCII letters and four more: true of every code point."""
    pattern = re.compile(cls)
    wrong = [
        hex(cp)
        for cp in range(sys.maxunicode + 1)
        if not 0xD800 <= cp < 0xE000 and bool(pattern.fullmatch(chr(cp))) != bool(test(chr(cp)))
    ]
    assert not wrong
