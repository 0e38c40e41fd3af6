"""The Persian/Urdu gate's bounds (issue 18 item 6: mutants of these conditions survived the suite).

On a Persian or Urdu page, an Arabic-script run with none of that language's letters may be Arabic:
it goes to the detector when long enough to tell (20 letters), and a short one keeps the page's
language (a detector cannot tell a few letters apart)."""

from __future__ import annotations

import pytest

from archiver.lang.gate import may_differ
from archiver.lang.script import dominant_script

ARABIC_SENTENCE = "قررت المحكمة تأجيل النظر في القضية"  # 29 letters, none Persian- or Urdu-only
ARABIC_SHORT = "في القضية"  # 8 letters
URDU = "کراچی میں شدید بارش کے باعث سڑکیں ڈوب گئیں"
PERSIAN = "دانشجویان دانشگاه تهران تجمع کردند"


@pytest.mark.parametrize(
    "text,page,expected",
    [
        (ARABIC_SHORT, "fa", False),
        (ARABIC_SENTENCE, "fa", True),
        (PERSIAN, "fa", False),
        (ARABIC_SHORT, "ur", False),
        (ARABIC_SENTENCE, "ur", True),
        (URDU, "ur", False),
    ],
)
def test_gate_bounds_on_persian_and_urdu_pages(text, page, expected):
    letters = dominant_script(text)[1]
    assert may_differ(text, "Arab", page, letters) is expected
