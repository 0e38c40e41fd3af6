"""``tag_text(blank_stable=True)`` (the caller knows the text is its own blank) tags as without it,
and ``blank`` returns the very text when there is nothing to blank (issue 17)."""

from __future__ import annotations

import random

from archiver.lang.detect import get_detector
from archiver.lang.nonling import blank
from archiver.lang.tag import Priors, tag_text

_WORDS = ["the", "news", "كتب", "المحرر", "في", "x_y", "www.a.com", "@who", "5G", "(AAPL)", "is", "été", "۱۲"]


def test_blank_of_a_text_without_spans_is_the_text():
    for text in ("plain words here", "كتب المحرر في العدد", ""):
        assert blank(text) is text
    assert blank("see www.example.com now") == "see " + " " * 15 + " now"


def test_tag_text_with_a_stable_text_is_the_same_tag():
    rnd = random.Random(43)
    detector = get_detector("langdetect")
    priors = Priors(by_script={"Arab": "ar", "Latn": "en"})
    tried = 0
    for _ in range(400):
        text = blank(" ".join(rnd.choice(_WORDS) for _ in range(rnd.randrange(1, 30))))
        if blank(text) is not text:
            continue
        tried += 1
        for p in (Priors(), priors):
            want = tag_text(text, detector, p, "rtl", 12, 40)
            assert tag_text(text, detector, p, "rtl", 12, 40, blank_stable=True) == want, text
    assert tried > 100
