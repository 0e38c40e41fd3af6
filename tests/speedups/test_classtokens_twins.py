"""The compiled class/id tokenizer gives what its pure twin gives (issue 17): the same parts,
tokens and joined pairs for every class/id value of every fixture page and for generated values
in every case, separator, script and whitespace spelling."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from twinkit import compiled_or_skip, twin

from archiver.decode import decode
from archiver.extract import cues
from archiver.extract.parse import parse_html

ROOT = Path(__file__).resolve().parents[2]
PURE = twin("classtokens")
WORDS = [
    "has",
    "no",
    "nav",
    "Side",
    "bar",
    "open",
    "A",
    "b",
    "x1",
    "Comments18",
    "live",
    "mostRead",
    "İstanbul",
    "ΑΣ",
    "Σ",
    "تعليقات",
    "ǅ",
    "ß",
    "",
    "ﬁ",
    "K",
    "aB",
    "ABC",
    "q",
]
SEPS = ["-", "_", ":", ".", "/", "--", "", "", "", "\u00a0", "\u200b", "[", "&"]
SPACES = [" ", "  ", "\t", "\n", "\x1c", "\u3000", "\u2028", "\x85"]


def _values() -> list[str]:
    out = ["", " ", "a", "-", "aB-cD", "A-B", "fooBarΣ", "ΑΣ.Β", "has-sidebar", "sidebar-open", "v-a--d"]
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm", "input.txt"):
            if (case / name).is_file():
                root = parse_html(decode((case / name).read_bytes()).text)
                out += [v for el in root.iter() for k, v in el.items() if k in ("class", "id")]
    rng = random.Random(11)
    for _ in range(20_000):
        names = [
            "".join(rng.choice(WORDS) + rng.choice(SEPS) for _ in range(rng.randrange(1, 5)))
            for _ in range(rng.randrange(1, 4))
        ]
        out.append(rng.choice(["", " "]) + rng.choice(SPACES).join(names) + rng.choice(["", " "]))
    return out


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("classtokens")


def test_tokens_and_pairs_are_the_twins(fast):
    values = _values()
    assert len(values) > 20_000
    skipping = [(cues._NEGATED_PREFIX, cues._STATE_SUFFIX), ((), frozenset()), (("a", "nav"), {"bar", "b"})]
    for value in values:
        for negated, state in skipping:
            assert fast.tokens_and_pairs(value, negated, state) == PURE.tokens_and_pairs(
                value, negated, state
            ), repr(value)
        for name in value.split():
            assert fast.class_parts(name) == PURE.class_parts(name), repr(name)


def test_the_cues_use_the_picked_module():
    from archiver._speedups import pick

    assert cues._split is pick("classtokens").tokens_and_pairs
    assert cues._tokens_and_pairs("news-letter has-nav liveBlog") == (
        ("news", "letter", "live", "blog"),
        ("newsletter", "liveblog"),
    )
