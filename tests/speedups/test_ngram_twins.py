"""langdetect's n-gram scoring: compiled and pure twin give the same floats (issue 17)."""

from __future__ import annotations

import random

import pytest
from twinkit import compiled_or_skip, fixture_texts, generated, twin

from archiver.lang.detect import MAX_TEXT, TRIALS, LangdetectDetector
from archiver.lang.ldfast import prepare

PURE = twin("ngram")


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("ngram")


@pytest.fixture(scope="module")
def texts() -> list[str]:
    return fixture_texts() + generated(1500, seed=41)


def _scores(module, vectors, size: int, seed: int) -> tuple[list[float], tuple]:
    rnd = random.Random()
    rnd.seed(seed)
    out = module.scores(vectors, size, rnd, TRIALS)
    return out, rnd.getstate()  # the generator is left where the twin leaves it


@pytest.mark.parametrize("script", ["Latn", "Arab"])
def test_scores_on_every_fixture_and_generated_text(fast, texts, script):
    detector = LangdetectDetector._fast(script)
    size = len(detector.langs)
    compared = 0
    for text in texts:
        vectors = detector.ngrams(prepare(text, MAX_TEXT))
        if vectors:
            assert _scores(fast, vectors, size, detector.seed) == _scores(PURE, vectors, size, 0), text
            compared += 1
    assert compared > 100


@pytest.mark.parametrize("size", [1, 2, 3, 16, 40])
def test_scores_on_random_vectors(fast, size):
    """Vectors of any shape: zeros, tiny and large probabilities, few and many of them (some
    texts converge at once, some run to the iteration limit)."""
    rnd = random.Random(size)
    for n in (1, 2, 5, 64, 1000):
        for _ in range(20):
            vectors = [
                tuple(rnd.choice((0.0, 1e-300, rnd.random(), rnd.random() * 1e-5, 1.0)) for _ in range(size))
                for _ in range(n)
            ]
            seed = rnd.randrange(1000)
            assert _scores(fast, vectors, size, seed) == _scores(PURE, vectors, size, seed)
            assert _scores(fast, [list(v) for v in vectors], size, seed) == _scores(PURE, vectors, size, seed)


@pytest.mark.parametrize("script", ["Latn", "Arab"])
def test_word_vectors(fast, texts, script):
    probs = LangdetectDetector._factory(script).word_lang_prob_map
    words = {w for t in texts for w in prepare(t, 10**6).split(" ")} | {"", "A", "AB", "ABc", "aBC", "Ǆemal"}
    for word in sorted(words):
        for trailing in (False, True):
            got, want = fast.word_vectors(probs, word, trailing), PURE.word_vectors(probs, word, trailing)
            assert got == want and all(a is b for a, b in zip(got, want)), word


def test_sums_add_as_builtin_sum(fast):
    rnd = random.Random(7)
    for _ in range(2000):
        values = [
            rnd.choice((rnd.random(), rnd.random() * 1e-17, 1e16, 0.0)) for _ in range(rnd.randrange(1, 40))
        ]
        assert fast.sum_of(values) == sum(values)


@pytest.mark.parametrize("script", ["Latn", "Arab"])
def test_text_vectors_and_their_cache(fast, texts, script):
    """The vectors of whole texts, and the word cache each twin leaves behind, are the same."""
    from archiver.lang.ldfast import _NORMALIZE

    probs = LangdetectDetector._factory(script).word_lang_prob_map
    fast_cache: dict = {}
    pure_cache: dict = {}
    for text in texts + ["", " ", "  a  b ", "a b c "]:
        normalized = prepare(text, MAX_TEXT).translate(_NORMALIZE)
        got = fast.text_vectors(probs, fast_cache, normalized)
        assert got == PURE.text_vectors(probs, pure_cache, normalized), text
    assert fast_cache == pure_cache
