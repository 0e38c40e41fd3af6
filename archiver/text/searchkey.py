"""The search key of a block (DESIGN.md §4, right-hand column): folded for matching, never shown.

``search_key(text, lang)`` is a stable public function: the search index imports it, and a
query must be folded with the same function so that it meets the stored keys. Every language
folds to the same canonical letters (so an Arabic query finds a Persian spelling of the same
word); ``lang`` only switches off folds that would merge letters a language tells apart
(Urdu keeps ہ / ھ / ے distinct).

Steps, in order: NFKC (presentation forms, ligatures such as ``ﷺ``, NBSP → space);
strip format controls (bidi marks, embeddings, isolates, BOM, ZWSP); ZWNJ/ZWJ join; case-fold;
drop harakat, Quranic marks, superscript alef and tatweel; fold alef/hamza variants, ى → ي,
ة → ه, Persian ی/ک → ي/ك; Arabic-Indic and Persian digits → ASCII; ، ؛ ؟ ٪ → , ; ? %;
whitespace collapsed to single spaces.
"""

from __future__ import annotations

import re
import unicodedata

from .._speedups import pick

__all__ = ["search_key"]

# Harakat, Quranic annotation marks, superscript alef, tatweel.
_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640]")
# Bidi marks/embeddings/overrides/isolates, ALM, BOM, zero-width space/joiners, word joiner, soft hyphen.
_CONTROLS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")

_DIGITS = {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_COMMON = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ۂ": "ه",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
} | _DIGITS
# Letters Urdu tells apart but other languages use as mere variants of ه / ي.
_NON_URDU = {"ہ": "ه", "ھ": "ه", "ە": "ه", "ے": "ي"}


def _dense(folds: dict[str, str]) -> list[int | str | None]:
    """One ``str.translate`` table for the marks (deleted) and the folds, as a list indexed by
    code point: a dict table raises and clears a KeyError for every character it does not map,
    a list covering U+0000–U+08FF answers in place (later characters raise IndexError: kept)."""
    table: list[int | str | None] = list(range(0x900))
    for cp in range(len(table)):
        if _MARKS.match(chr(cp)):
            table[cp] = None
    for ch, folded in folds.items():
        table[ord(ch)] = folded
    return table


# Marks and folds do not overlap, and neither produces the other, so one table does both steps.
_FOLD_DEFAULT = _dense(_COMMON | _NON_URDU)
_FOLD_URDU = _dense(_COMMON)


# Controls dropped, case folded, table applied, whitespace collapsed: one pass when compiled.
_fold_key = pick("searchkey").fold_key


def _primary(lang: str | None) -> str:
    return (lang or "").split("-", 1)[0].lower()


def search_key(text: str, lang: str | None = None) -> str:
    """The folded search key of ``text`` written in BCP 47 language ``lang`` (may be None/"und").

    Deterministic and idempotent: ``search_key(search_key(t, l), l) == search_key(t, l)``.
    """
    if text.isascii():  # every step but case and spaces maps non-ASCII only; casefold is lower here
        return " ".join(text.lower().split())
    text = unicodedata.normalize("NFKC", text)
    # then: controls dropped, case-folded, marks dropped and letters folded (one table), spaces collapsed
    return _fold_key(text, _CONTROLS, _FOLD_URDU if _primary(lang) == "ur" else _FOLD_DEFAULT)
