"""langdetect's algorithm (``Detector.get_probabilities``) re-implemented for speed, bit-identical.

Same text preparation, same n-grams in the same order, the same seeded random draws
(``Random.seed``, ``gauss``, ``choice``) and the same float operations in the same order, so
the probabilities are the very floats langdetect computes (tests/test_fast_paths_lang.py checks
them against langdetect itself). What is faster: langdetect's per-character n-gram buffer is
replaced by a per-word cache of n-grams (the buffer restarts at every space, so a word's
n-grams depend on the word alone); characters are normalized by one ``str.translate``; a draw
picks a probability vector directly; five draws and a normalization are one list pass.
"""

from __future__ import annotations

import random
import re

from langdetect.detector import Detector
from langdetect.utils.ngram import NGram

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


def _draws(rnd: random.Random, vectors: list[list[float]]):  # type: ignore[no-untyped-def]
    """``rnd.choice(vectors)`` again and again, as a function of no arguments: the same calls to
    ``getrandbits`` (``Random._randbelow_with_getrandbits``: ``k`` bits, redrawn while the number
    is out of range), without the two Python frames ``choice`` and ``_randbelow`` cost a draw."""
    getrandbits = rnd.getrandbits
    n = len(vectors)
    k = n.bit_length()

    def choice() -> list[float]:
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return vectors[r]

    return choice


def _trial(choice, weight: float, prob: list[float]) -> tuple[list[float], float]:
    """One trial of ``Detector._detect_block``: the probabilities before their last normalization
    and their sum (langdetect's normalized values are each ``p / s``).

    langdetect normalizes after draw 0 and then after every 5th draw, stopping on convergence
    or at the iteration limit. Here five draws are multiplied in one pass and the previous
    normalization is done in that pass too: ``p / s * (w + q1) * ... * (w + q5)`` runs left to
    right, the float operations of langdetect's six passes in their order.
    """
    prob = [p * (weight + q) for p, q in zip(prob, choice())]
    s = sum(prob)  # builtin sum, as langdetect: the same additions in the same order
    i = 0
    # max(p / s for p in prob) is max(prob) / s exactly: rounding a division by s > 0 keeps order.
    while not (max(prob) / s > Detector.CONV_THRESHOLD or i >= Detector.ITERATION_LIMIT):
        a, b, c, d, e = choice(), choice(), choice(), choice(), choice()
        prob = [
            p / s * (weight + qa) * (weight + qb) * (weight + qc) * (weight + qd) * (weight + qe)
            for p, qa, qb, qc, qd, qe in zip(prob, a, b, c, d, e)
        ]
        s = sum(prob)
        i += 5
    return prob, s


class FastDetector:
    """One script's langdetect factory (its languages, profiles and seed), detected fast."""

    def __init__(self, factory) -> None:  # type: ignore[no-untyped-def]
        self.langs: tuple[str, ...] = tuple(factory.langlist)
        self.seed = factory.seed
        self._probs: dict[str, list[float]] = factory.word_lang_prob_map
        self._words: dict[tuple[str, bool], tuple[list[float], ...]] = {}

    def _word(self, word: str, trailing: bool) -> tuple[list[float], ...]:
        """Probability vectors of a word's known n-grams, in the order langdetect reads them.

        langdetect's buffer holds a space then at most the last 3 characters; no n-gram is read
        after two upper-case letters in a row; a following space adds the word's end n-grams.
        """
        get = self._probs.get
        padded = " " + word + " " if trailing else " " + word
        out: list[list[float]] = []
        append = out.append
        prev_upper = False
        for j in range(1, len(padded)):
            ch = padded[j]
            upper = ch.isupper()
            if not (upper and prev_upper):  # the 1-gram (never " "), 2-gram and 3-gram ending at j
                if ch != " ":
                    vector = get(ch)
                    if vector is not None:
                        append(vector)
                vector = get(padded[j - 1 : j + 1])
                if vector is not None:
                    append(vector)
                if j >= 2:
                    vector = get(padded[j - 2 : j + 1])
                    if vector is not None:
                        append(vector)
            prev_upper = upper
        return tuple(out)

    def ngrams(self, text: str) -> list[list[float]]:
        """The probability vectors of ``Detector._extract_ngrams`` for prepared ``text``."""
        cache = self._words
        if len(cache) > _WORD_CACHE_MAX:
            cache.clear()
        parts = text.translate(_NORMALIZE).split(" ")
        out: list[list[float]] = []
        last = len(parts) - 1
        for k, part in enumerate(parts):
            if part:
                key = (part, k < last)  # every part but the last is followed by a space
                vectors = cache.get(key)
                if vectors is None:
                    vectors = cache[key] = self._word(part, k < last)
                out.extend(vectors)
        return out

    def probabilities(self, text: str, max_length: int, n_trial: int) -> list[float] | None:
        """``Detector.get_probabilities`` before sorting: one float per language, or None when
        langdetect finds no features (it raises ``CantDetectError``)."""
        vectors = self.ngrams(prepare(text, max_length))
        if not vectors:
            return None
        size = len(self.langs)
        total = [0.0] * size
        rnd = random.Random()
        rnd.seed(self.seed)
        choice = _draws(rnd, vectors)
        for _ in range(n_trial):
            weight = (
                Detector.ALPHA_DEFAULT + rnd.gauss(0.0, 1.0) * Detector.ALPHA_WIDTH
            ) / Detector.BASE_FREQ
            prob, s = _trial(choice, weight, [1.0 / size] * size)
            total = [t + p / s / n_trial for t, p in zip(total, prob)]  # p / s: the last normalization
        return total

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
