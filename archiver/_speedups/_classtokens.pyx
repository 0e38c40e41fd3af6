# cython: language_level=3
"""The tokens of a class/id value, compiled (the twin of ``classtokens.py``, issue 17).

An ASCII class name is split in one scan of its code points: a part ends at a separator
("-", "_", ":", ".", "/") and before an upper-case letter that follows a lower-case one, and is
sliced from the name lowered once. Other names go to the twin's regular expressions. Same
results as ``classtokens.py``; ``tests/speedups/test_classtokens_twins.py`` compares the two.
"""

from archiver._speedups.classtokens import class_parts as _twin_parts


cdef inline bint _is_sep(Py_UCS4 c) noexcept:
    return c == 0x2D or c == 0x5F or c == 0x3A or c == 0x2E or c == 0x2F  # - _ : . /


cdef list _parts(str cls):
    cdef Py_ssize_t n = len(cls), i, start = -1
    cdef Py_UCS4 c
    cdef bint after_lower = False
    cdef list out = []
    cdef str low
    if not cls.isascii():
        return _twin_parts(cls)
    low = cls.lower()
    for i in range(n):
        c = cls[i]
        if _is_sep(c):
            if start >= 0:
                out.append(low[start:i])
                start = -1
            after_lower = False
            continue
        if start < 0:
            start = i
        elif after_lower and 0x41 <= c <= 0x5A:  # camelCase: "fooBar" is "foo", "bar"
            out.append(low[start:i])
            start = i
        after_lower = 0x61 <= c <= 0x7A
    if start >= 0:
        out.append(low[start:n])
    return out


def class_parts(str cls):
    """See ``classtokens.class_parts``."""
    return _parts(cls)


def tokens_and_pairs(str value, negated, state):
    """See ``classtokens.tokens_and_pairs``."""
    cdef list toks = []
    cdef list pairs = []
    cdef list parts
    cdef Py_ssize_t n, i
    cdef str a, b
    for cls in value.split():
        parts = _parts(cls)
        n = len(parts)
        if n and (parts[0] in negated or (n > 1 and parts[n - 1] in state)):
            continue
        toks.extend(parts)
        for i in range(n - 1):
            a = parts[i]
            b = parts[i + 1]
            if len(a) > 1 and len(b) > 1:
                pairs.append(a + b)
    return tuple(toks), tuple(pairs)
