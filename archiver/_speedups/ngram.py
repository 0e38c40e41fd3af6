"""langdetect's n-gram scoring (``archiver.lang.ldfast``): the pure-Python twin.

:func:`word_vectors` reads the probability vectors of one word's n-grams in langdetect's order;
:func:`scores` runs langdetect's seeded trials over a text's vectors and averages them, with the
same random draws (``Random.gauss``, ``Random.choice`` by ``getrandbits``) and the same float
operations in the same order, so the results are langdetect's own floats
(``tests/test_fast_paths_lang.py``). The compiled twin (``_ngram.pyx``) gives the same floats.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence

from langdetect.detector import Detector

Vector = Sequence[float]


def word_vectors(probs: dict, word: str, trailing: bool) -> tuple[Vector, ...]:
    """Probability vectors of a word's known n-grams, in the order langdetect reads them.

    langdetect's buffer holds a space then at most the last 3 characters; no n-gram is read
    after two upper-case letters in a row; a following space adds the word's end n-grams.
    """
    get = probs.get
    padded = " " + word + " " if trailing else " " + word
    out: list[Vector] = []
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


def text_vectors(probs: dict, cache: dict, text: str) -> list[Vector]:
    """The probability vectors of ``Detector._extract_ngrams`` for prepared, normalized ``text``:
    each space-separated word's :func:`word_vectors`, kept in ``cache`` by (word, followed by a
    space)."""
    parts = text.split(" ")
    out: list[Vector] = []
    last = len(parts) - 1
    for k, part in enumerate(parts):
        if part:
            key = (part, k < last)  # every part but the last is followed by a space
            vectors = cache.get(key)
            if vectors is None:
                vectors = cache[key] = word_vectors(probs, part, k < last)
            out.extend(vectors)
    return out


def draws(rnd: random.Random, vectors: Sequence[Vector]) -> Callable[[], Vector]:
    """``rnd.choice(vectors)`` again and again, as a function of no arguments: the same calls to
    ``getrandbits`` (``Random._randbelow_with_getrandbits``: ``k`` bits, redrawn while the number
    is out of range), without the two Python frames ``choice`` and ``_randbelow`` cost a draw."""
    getrandbits = rnd.getrandbits
    n = len(vectors)
    k = n.bit_length()

    def choice() -> Vector:
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return vectors[r]

    return choice


def trial(choice: Callable[[], Vector], weight: float, prob: list[float]) -> tuple[list[float], float]:
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


def scores(vectors: Sequence[Vector], size: int, rnd: random.Random, n_trial: int) -> list[float]:
    """``Detector.get_probabilities`` before sorting: one float per language, averaged over
    ``n_trial`` trials drawn from ``rnd`` (seeded by the caller), for non-empty ``vectors``."""
    total = [0.0] * size
    choice = draws(rnd, vectors)
    for _ in range(n_trial):
        weight = (Detector.ALPHA_DEFAULT + rnd.gauss(0.0, 1.0) * Detector.ALPHA_WIDTH) / Detector.BASE_FREQ
        prob, s = trial(choice, weight, [1.0 / size] * size)
        total = [t + p / s / n_trial for t, p in zip(total, prob)]  # p / s: the last normalization
    return total
