# cython: language_level=3, boundscheck=False, wraparound=False
"""The Latin gate's words: the compiled twin of ``gate.py``.

One pass over the characters: a token is a maximal run of characters that ``[^\\W\\d_]``
matches, which for ``re`` is ``str.isalnum()`` and not ``str.isdecimal()`` (``\\w`` is
``isalnum()`` or ``_``, ``\\d`` is ``isdecimal()``; ``tests/speedups`` checks every code point).
Every token is counted; a string is made only of a token no longer than ``longest`` (the
longest key of ``known``), and kept when it is a key.
"""

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL

cdef inline bint _letter(Py_UCS4 c):
    cdef unsigned int u = c
    if u < 128:
        return (u | 32u) - 97u < 26u  # a-z, A-Z
    return Py_UNICODE_ISALNUM(c) and not Py_UNICODE_ISDECIMAL(c)


def words(str folded, dict known, Py_ssize_t longest) -> tuple:
    """(number of tokens of ``folded``, its tokens that are keys of ``known``, in order);
    ``longest``: no key is longer (no longer token is looked up)."""
    cdef Py_ssize_t n = len(folded)
    cdef Py_ssize_t i = 0, start
    cdef Py_ssize_t count = 0
    cdef list found = []
    while i < n:
        if not _letter(folded[i]):
            i += 1
            continue
        start = i
        i += 1
        while i < n and _letter(folded[i]):
            i += 1
        count += 1
        if i - start <= longest:
            token = folded[start:i]
            if token in known:
                found.append(token)
    return count, found
