"""``first_strong_dir``: one scan gives what two scans (first RTL, first LTR letter) give (issue 17)."""

from __future__ import annotations

import random

from archiver.render.inline import _STRONG_LTR, _STRONG_RTL, first_strong_dir


def _reference(text: str) -> str | None:
    r, l_ = _STRONG_RTL.search(text), _STRONG_LTR.search(text)
    if r is None and l_ is None:
        return None
    if l_ is None or (r is not None and r.start() < l_.start()):
        return "rtl"
    return "ltr"


def test_every_code_point_and_mixed_text():
    for cp in range(0x11000):
        ch = chr(cp)
        for text in (ch, "1 " + ch + "a", ". " + ch + "ب"):
            assert first_strong_dir(text) == _reference(text), hex(cp)
    rnd = random.Random(47)
    alphabet = "ab ZÀ ɏ Ͱ Ж ḁ كب א ﭐ ﹰ 12 .,!\n\u200f\u202b\u0300"
    for _ in range(5000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(12)))
        assert first_strong_dir(text) == _reference(text), repr(text)
