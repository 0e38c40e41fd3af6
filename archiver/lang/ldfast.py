"""langdetect's algorithm (``Detector.get_probabilities``) re-implemented for speed, bit-identical.

Same text preparation, same n-grams in the same order, the same seeded random draws
(``Random.seed``, ``gauss``, ``choice``) and the same float operations in the same order, so
the probabilities are the very floats langdetect computes (tests/test_fast_paths_lang.py checks
them against langdetect itself). What is faster: langdetect's per-character n-gram buffer is
replaced by a per-word cache of n-grams (the buffer restarts at every space, so a word's
n-grams depend on the word alone); characters are normalized by one ``str.translate``; a draw
picks a probability vector directly; five draws and a normalization are one pass. The n-grams of
a word and the trials are primitives of ``archiver._speedups.ngram`` (compiled when built).
"""

from __future__ import annotations

import random
import re

from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

from .._speedups import pick

# The per-word n-grams and the seeded trials: compiled, or the pure twin (archiver/_speedups).
_ngram = pick("ngram")

_SPACES = re.compile(" {2,}")
_LATIN = re.compile("[A-z]+")  # langdetect's 'A' <= ch <= 'z' (the six symbols between Z and a too)
# langdetect counts a character from U+0300 as non-Latin unless its block "is" Latin Extended
# Additional, but it compares a block number to a block name: every such character counts.
_NON_LATIN = re.compile("[\u0300-\U0010ffff]+")
_WORD_CACHE_MAX = 20_000  # words per script (about 250 bytes each), then the cache starts over


class _Normalizer(dict):
    """``str.translate`` table of ``NGram.normalize``, filled on first sight of each character."""

    def __missing__(self, cp: int) -> str:
        self[cp] = out = NGram.normalize(chr(cp))
        return out


_NORMALIZE = _Normalizer()


def prepare(text: str, max_length: int) -> str:
    """``Detector.append`` then ``cleaning_text``: the text langdetect reads n-grams from."""
    text = Detector.MAIL_RE.sub(" ", Detector.URL_RE.sub(" ", text))
    text = _SPACES.sub(" ", NGram.normalize_vi(text)[:max_length])  # append() drops a space after a space
    latin = sum(map(len, _LATIN.findall(text)))
    if latin * 2 < sum(map(len, _NON_LATIN.findall(text))):
        text = _LATIN.sub("", text)
    return text


class FastDetector:
    """One script's langdetect factory (its languages, profiles and seed), detected fast."""

    def __init__(self, factory) -> None:  # type: ignore[no-untyped-def]
        self.langs: tuple[str, ...] = tuple(factory.langlist)
        self.seed = factory.seed
        self._probs: dict[str, list[float]] = factory.word_lang_prob_map
        self._words: dict[tuple[str, bool], tuple[list[float], ...]] = {}

    def ngrams(self, text: str) -> list[list[float]]:
        """The probability vectors of ``Detector._extract_ngrams`` for prepared ``text``."""
        cache = self._words
        if len(cache) > _WORD_CACHE_MAX:
            cache.clear()
        return _ngram.text_vectors(self._probs, cache, text.translate(_NORMALIZE))

    def probabilities(self, text: str, max_length: int, n_trial: int) -> list[float] | None:
        """``Detector.get_probabilities`` before sorting: one float per language, or None when
        langdetect finds no features (it raises ``CantDetectError``)."""
        vectors = self.ngrams(prepare(text, max_length))
        if not vectors:
            return None
        rnd = random.Random(self.seed)  # the state of Random() then seed(): no draw from urandom
        return _ngram.scores(vectors, len(self.langs), rnd, n_trial)

    def best(self, text: str, max_length: int, n_trial: int) -> tuple[str, float] | None:
        """langdetect's first answer (the most probable language above 0.1; the first listed
        on a tie, as its stable sort gives) with its probability, or None."""
        probs = self.probabilities(text, max_length, n_trial)
        if probs is None:
            return None
        top = max(probs)
        if not top > Detector.PROB_THRESHOLD:
            return None
        return self.langs[probs.index(top)], top
