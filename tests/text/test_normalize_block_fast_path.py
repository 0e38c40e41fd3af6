"""``normalize_pieces`` skips the fixers for a block that is ASCII without a C0 control; the
result is what fixing every piece gives (issue 17)."""

from __future__ import annotations

import random

from archiver.text.normalize import Normalized, collapse, fix_text, normalize_pieces

_ALPHABET = "ab Z.,\t\n\r\x0b\x0c  \x00\x1b\x7f\x85\xa0é،ب\u200f\ufeff\ufe8d&amp;"


def _reference(pieces: list[str], keep_newlines: bool) -> Normalized:
    fixed, seen = [], {}
    for piece in pieces:
        text, repairs = fix_text(piece)
        fixed.append(text)
        seen.update(dict.fromkeys(repairs))
    return Normalized(collapse(fixed, keep_newlines), tuple(seen))


def test_every_block_is_its_pieces_fixed_then_collapsed():
    rnd = random.Random(41)
    for _ in range(6000):
        alphabet = _ALPHABET[: rnd.choice((12, len(_ALPHABET)))]  # often ASCII only
        pieces = [
            "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(6))) for _ in range(rnd.randrange(1, 5))
        ]
        for keep in (False, True):
            assert normalize_pieces(pieces, keep) == _reference(pieces, keep), (pieces, keep)


def test_an_ascii_control_is_still_repaired():
    assert normalize_pieces(["a\x1b", "b"]).repairs == ("c0-controls",)
    assert normalize_pieces(["a\tb", " c\n"]) == Normalized(("a b", " c"), ())
