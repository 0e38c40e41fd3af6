# cython: language_level=3
"""langdetect's n-gram scoring: the compiled twin of ``ngram.py``, float for float.

The random draws stay Python's (``rnd.gauss`` and ``rnd.getrandbits``, called in the twin's
order) and so does each trial's weight (Python float arithmetic); what is compiled is the
probability update, over C doubles with the twin's operations in the twin's order:
``p * (w + q)``, then ``p / s * (w + qa) * (w + qb) * (w + qc) * (w + qd) * (w + qe)`` left to
right, sums added one by one as ``builtins.sum`` adds them (Neumaier-compensated from Python
3.12, as ``sum`` is there), and ``t + p / s / n_trial``. None of these has the ``x * y + z``
shape a compiler may fuse, so the results do not depend on the C compiler's contraction.
"""

import sys

from cpython.mem cimport PyMem_Free, PyMem_Malloc
from cpython.unicode cimport Py_UNICODE_ISUPPER
from libc.math cimport fabs, isfinite

from langdetect.detector import Detector

cdef double CONV_THRESHOLD = Detector.CONV_THRESHOLD
cdef long ITERATION_LIMIT = Detector.ITERATION_LIMIT
_ALPHA_DEFAULT = Detector.ALPHA_DEFAULT
_ALPHA_WIDTH = Detector.ALPHA_WIDTH
_BASE_FREQ = Detector.BASE_FREQ
cdef bint NEUMAIER = sys.version_info >= (3, 12)  # builtins.sum compensates float sums from 3.12


def word_vectors(dict probs, str word, bint trailing) -> tuple:
    """Probability vectors of a word's known n-grams, in the order langdetect reads them."""
    cdef str padded = " " + word + " " if trailing else " " + word
    cdef Py_ssize_t j, n = len(padded)
    cdef Py_UCS4 ch
    cdef bint upper, prev_upper = False
    out = []
    for j in range(1, n):
        ch = padded[j]
        upper = Py_UNICODE_ISUPPER(ch)
        if not (upper and prev_upper):
            if ch != u" ":
                vector = probs.get(padded[j : j + 1])
                if vector is not None:
                    out.append(vector)
            vector = probs.get(padded[j - 1 : j + 1])
            if vector is not None:
                out.append(vector)
            if j >= 2:
                vector = probs.get(padded[j - 2 : j + 1])
                if vector is not None:
                    out.append(vector)
        prev_upper = upper
    return tuple(out)


def text_vectors(dict probs, dict cache, str text) -> list:
    """The probability vectors of ``Detector._extract_ngrams`` for prepared, normalized ``text``."""
    parts = text.split(" ")
    cdef Py_ssize_t k, last = len(parts) - 1
    cdef list out = []
    for k in range(last + 1):
        part = parts[k]
        if part:
            key = (part, k < last)
            vectors = cache.get(key)
            if vectors is None:
                vectors = cache[key] = word_vectors(probs, part, k < last)
            out.extend(vectors)
    return out


cdef double _sum(const double* values, Py_ssize_t size):
    """``builtins.sum`` of these floats, as this Python adds them."""
    cdef double total = 0.0, c = 0.0, x, t
    cdef Py_ssize_t i
    if not NEUMAIER:
        for i in range(size):
            total += values[i]
        return total
    if size == 0:
        return 0.0
    total = 0.0 + values[0]
    for i in range(1, size):
        x = values[i]
        t = total + x
        if fabs(total) >= fabs(x):
            c += (total - t) + x
        else:
            c += (x - t) + total
        total = t
    if c != 0.0 and isfinite(c):
        total += c
    return total


def sum_of(values) -> float:
    """:func:`_sum` of a sequence of floats (for the tests: it must equal ``builtins.sum``)."""
    cdef Py_ssize_t i, n = len(values)
    cdef double* buf = <double*>PyMem_Malloc(max(n, 1) * sizeof(double))
    if buf == NULL:
        raise MemoryError()
    try:
        for i in range(n):
            buf[i] = values[i]
        return _sum(buf, n)
    finally:
        PyMem_Free(buf)


cdef class _Draws:
    """``rnd.choice(vectors)`` by ``getrandbits``, the twin's draws; loads the vector as doubles."""

    cdef object getrandbits
    cdef object vectors
    cdef Py_ssize_t n
    cdef int k

    def __init__(self, rnd, vectors):
        self.getrandbits = rnd.getrandbits
        self.vectors = vectors
        self.n = len(vectors)
        self.k = self.n.bit_length()

    cdef int load(self, double* into, Py_ssize_t size) except -1:
        cdef Py_ssize_t r = self.getrandbits(self.k)
        cdef Py_ssize_t i
        while r >= self.n:
            r = self.getrandbits(self.k)
        vector = self.vectors[r]
        if len(vector) != size:
            raise ValueError("a probability vector's length is not the number of languages")
        for i in range(size):
            into[i] = vector[i]
        return 0


cdef double _max(const double* values, Py_ssize_t size):
    cdef double top = values[0]
    cdef Py_ssize_t i
    for i in range(1, size):
        if values[i] > top:
            top = values[i]
    return top


cdef double _checked(double s) except? -1.0:
    if s == 0.0:
        raise ZeroDivisionError("float division by zero")
    return s


cdef int _trial(_Draws draws, double weight, double* prob, double* q, Py_ssize_t size, double* s_out) except -1:
    """``ngram.trial`` on ``prob`` in place (started at ``1 / size``); ``s_out``: the last sum."""
    cdef Py_ssize_t l, m
    cdef long i = 0
    cdef double s, p
    draws.load(q, size)
    for l in range(size):
        prob[l] = prob[l] * (weight + q[l])
    s = _sum(prob, size)
    while not (_max(prob, size) / _checked(s) > CONV_THRESHOLD or i >= ITERATION_LIMIT):
        for m in range(5):
            draws.load(q + m * size, size)
        for l in range(size):
            p = prob[l] / s
            p = p * (weight + q[l])
            p = p * (weight + q[size + l])
            p = p * (weight + q[2 * size + l])
            p = p * (weight + q[3 * size + l])
            p = p * (weight + q[4 * size + l])
            prob[l] = p
        s = _sum(prob, size)
        i += 5
    s_out[0] = _checked(s)
    return 0


def scores(vectors, Py_ssize_t size, rnd, Py_ssize_t n_trial) -> list:
    """``ngram.scores``: one float per language averaged over ``n_trial`` trials drawn from ``rnd``."""
    cdef Py_ssize_t l, t
    cdef double s, weight
    cdef _Draws draws = _Draws(rnd, vectors)
    cdef double* buf = <double*>PyMem_Malloc(7 * max(size, 1) * sizeof(double))
    if buf == NULL:
        raise MemoryError()
    cdef double* total = buf
    cdef double* prob = buf + size
    cdef double* q = buf + 2 * size
    try:
        for l in range(size):
            total[l] = 0.0
        for t in range(n_trial):
            weight = (_ALPHA_DEFAULT + rnd.gauss(0.0, 1.0) * _ALPHA_WIDTH) / _BASE_FREQ  # Python floats
            for l in range(size):
                prob[l] = 1.0 / size
            _trial(draws, weight, prob, q, size, &s)
            for l in range(size):
                total[l] = total[l] + prob[l] / s / n_trial
        return [total[l] for l in range(size)]
    finally:
        PyMem_Free(buf)
