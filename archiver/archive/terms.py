"""Index terms: the folded search key of a text (DESIGN.md §4), cut into words and lightly stemmed.

Used on both sides of the search, so that a query meets the stored terms:

- ``search_key`` folds diacritics, tatweel, alef/hamza variants, ى/ي, ة/ه, presentation forms,
  Arabic-Indic digits, case;
- an Arabic word also yields the word without its attached particles: the conjunctions و/ف,
  the prepositions ب/ك/ل and the article ال (``وبالكتاب`` → ``بالكتاب``, ``الكتاب``, ``كتاب``);
  each candidate is then stemmed with Snowball's Arabic stemmer. A query word matches a
  document word when their candidate sets share a stem. (Snowball alone is not enough: it maps
  ``الكتاب`` to ``كتاب`` but leaves ``والكتاب`` whole.)
- a Latin word loses its accents (café → cafe) and is stemmed with Snowball's English (Porter 2)
  stemmer, so plural and singular meet.

The stemmed terms exist only in the index; snippets are cut from the original text.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

import snowballstemmer

from ..text.searchkey import search_key

_KEY_WORD = re.compile(r"\w+")
_ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff]")
_LATIN = re.compile("[a-z\u00c0-\u024f]")
_MIN_BASE = 3
_AR = snowballstemmer.stemmer("arabic")
_EN = snowballstemmer.stemmer("english")


def arabic_bases(word: str) -> tuple[str, ...]:
    """``word`` and its forms without attached conjunction, preposition and article (longest first)."""
    out = [word]
    x = word
    if x[0] in "وف" and len(x) > _MIN_BASE:
        x = x[1:]
        out.append(x)
    if x.startswith("لل") and len(x) > _MIN_BASE + 1:
        x = x[2:]
        out.append(x)
    elif x[0] in "بكل" and len(x) > _MIN_BASE:
        x = x[1:]
        out.append(x)
    if x.startswith("ال") and len(x) > _MIN_BASE + 1:
        out.append(x[2:])
    return tuple(out)


@lru_cache(maxsize=1 << 18)
def word_terms(word: str) -> tuple[str, ...]:
    """The index terms of one folded key word (one or more, deduplicated, stable order)."""
    if _ARABIC.search(word):
        stems = (_AR.stemWord(b) for b in arabic_bases(word))
        return tuple(dict.fromkeys(s for s in stems if s))
    if _LATIN.search(word):
        bare = "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
        return (_EN.stemWord(unicodedata.normalize("NFC", bare)),)
    return (word,)


# A word of the original text: letters and digits with the marks, tatweel and format controls that
# the search key drops from inside words (so ``كتـــاب`` or a ZWNJ-split word stays one word).
RAW_WORD = re.compile(
    "[\\w\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640"
    "\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
)


def key_words(text: str, lang: str | None = None) -> list[str]:
    """The words of the search key of ``text``."""
    return _KEY_WORD.findall(search_key(text, lang))


def _terms_of(word: str, lang: str | None) -> str:
    return " ".join(t for w in key_words(word, lang) for t in word_terms(w))


class _Cache(dict):
    """A whitespace-separated token of the original text → its space-separated terms, for one
    language group; filled on a miss (a token such as ``«المدرسة»،`` holds one raw word)."""

    def __init__(self, lang: str | None) -> None:
        super().__init__()
        self.lang = lang

    def __missing__(self, token: str) -> str:
        if len(self) > 1 << 20:
            self.clear()
        value = self[token] = " ".join(
            filter(None, (_terms_of(w, self.lang) for w in RAW_WORD.findall(token)))
        )
        return value


_CACHES = {"": _Cache(None), "ur": _Cache("ur")}


def terms_function(lang: str | None):
    """The cached ``token → space-separated terms`` function for a language (Urdu folds less)."""
    return _CACHES["ur" if (lang or "").split("-", 1)[0].lower() == "ur" else ""].__getitem__


def text_terms(text: str, lang: str | None = None) -> str:
    """The terms of ``text`` as one space-separated string (what goes into the FTS5 column).

    The text is cut at whitespace, each token into raw words, and each token is folded and
    stemmed once (cached). That gives the same words as folding the whole text: the fold never
    joins or splits words except through the format controls and marks that the word pattern
    keeps inside a word, and none of those is whitespace.
    """
    return " ".join(map(terms_function(lang), text.split()))


def query_groups(query: str, lang: str | None = None) -> list[tuple[str, ...]]:
    """One group of alternative terms per query word (a document must match every group)."""
    return [word_terms(w) for w in key_words(query, lang)]
