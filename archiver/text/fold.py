"""Folding for matching and search keys (DESIGN.md §4, right-hand column). Never stored as text."""
from __future__ import annotations

import re
import unicodedata

# Harakat, Quranic annotation marks, superscript alef, tatweel.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_CONTROLS = re.compile("[\u200b\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069\ufeff]")
_ARABIC_FOLD = str.maketrans({
    "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
    "ى": "ي", "ئ": "ي", "ؤ": "و", "ة": "ه", "ی": "ي", "ک": "ك", "ۀ": "ه", "ە": "ه",
    "٠": "0", "١": "1", "٢": "2", "٣": "3", "٤": "4", "٥": "5", "٦": "6", "٧": "7", "٨": "8", "٩": "9",
    "۰": "0", "۱": "1", "۲": "2", "۳": "3", "۴": "4", "۵": "5", "۶": "6", "۷": "7", "۸": "8", "۹": "9",
    "،": ",", "؛": ";", "؟": "?", "٪": "%",
})
_NON_WORD = re.compile(r"[^\w]+")


def fold(text: str) -> str:
    """NFKC, case-fold, drop marks/tatweel/controls, fold Arabic letter variants and digits.

    ZWNJ and ZWJ join (they are removed); NBSP becomes a space; whitespace collapses.
    """
    text = unicodedata.normalize("NFKC", text)
    text = _CONTROLS.sub("", text).replace("\u200c", "").replace("\u200d", "")
    text = _MARKS.sub("", text.casefold()).translate(_ARABIC_FOLD)
    return " ".join(text.split())


def phrase_key(text: str) -> str:
    """``fold`` and keep only word characters (digits dropped): the chrome-lexicon match key."""
    words = _NON_WORD.sub(" ", fold(text)).split()
    return " ".join(w for w in words if not w.isdigit())
