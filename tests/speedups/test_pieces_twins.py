"""The compiled text-piece walk gives what its pure twin gives (issue 17): the same ``.text`` and
``.tail`` pieces in the same order on every fixture page, on generated HTML pages (comments,
PIs, entities, CDATA-free runs of text, skipped tags) and on subtrees and non-HTML trees."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree
from twinkit import compiled_or_skip, generated_roots

from archiver._speedups import pieces as twin

ROOT = Path(__file__).resolve().parents[2]
TEXTS = [
    None,
    "",
    " ",
    "word",
    " two  words ",
    "\u00a0nb\u00a0",
    "6. Mai 2014",
    "كلمة، منذ ساعتين",
    "漢字",
    "\n\t",
]
TAGS = ["div", "a", "span", "script", "style", "noscript", "template", "p", "time", "b"]
ARGS = [(("script", "style", "noscript", "template"), 6, 80), ((), 0, 1000), (frozenset({"p", "b"}), 1, 4)]


def _markup(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 100)):
        tag = rng.choice(TAGS)
        out.append(f"<{tag}>{rng.choice(TEXTS) or ''}")
        if rng.random() < 0.5:
            out.append(f"</{tag}>{rng.choice(TEXTS) or ''}")
        if rng.random() < 0.15:
            out.append(
                f"<!-- c -->{rng.choice(TEXTS) or ''}&unknown; &amp; <?pi x?>{rng.choice(TEXTS) or ''}"
            )
    return "<html><body>" + "".join(out) + "</body></html>"


def _cases() -> list[tuple[str, etree._Element]]:
    return generated_roots(_markup, "<r>some text<b>bold words</b>a tail<![CDATA[cdata text]]></r>")


CASES = _cases()


@pytest.mark.parametrize(("name", "root"), CASES, ids=[c[0] for c in CASES])
def test_pieces_are_the_twins(name, root):
    fast = compiled_or_skip("pieces")
    for el in [root, *list(root.iter("div", "p", "body"))[:8]]:  # subtrees as roots (with tails) too
        for args in ARGS:
            assert fast.pieces(el, *args) == twin.pieces(el, *args)


def test_the_generated_pages_hold_kept_and_skipped_pieces():
    """Not vacuous: pieces kept, cut by length and by tag, and comment tails."""
    kept = sum(len(twin.pieces(r, *ARGS[0])) for _, r in CASES)
    every = sum(len(twin.pieces(r, *ARGS[1])) for _, r in CASES)
    assert kept > 300 and every > kept
