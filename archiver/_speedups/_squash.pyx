# cython: language_level=3
"""Whitespace squashing, compiled (the twin of ``squash.py``, issue 17).

One pass over the code points with Python's own whitespace test (``Py_UNICODE_ISSPACE``, what
``str.split`` and the regex ``\\s`` use), the no-break space kept and a NUL made one; a text
that is already squashed is returned as it is (an equal string). ``c_squash`` is the same for
other compiled modules (``cimport`` through ``_squash.pxd``).
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE
from libc.stdlib cimport free, malloc

cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND


cdef inline bint _space(Py_UCS4 c) noexcept:
    """Whitespace that squashing collapses: every ``Py_UNICODE_ISSPACE`` but the no-break space."""
    if c < 0x80:
        return c == 0x20 or 0x09 <= c <= 0x0D or 0x1C <= c <= 0x1F
    return c != 0xA0 and Py_UNICODE_ISSPACE(c)


cdef Py_ssize_t _first_change(str text) except -2:
    """The index of the first code point squashing changes, or -1 when it changes none."""
    cdef Py_ssize_t i = 0, n = len(text)
    cdef Py_UCS4 c
    cdef bint after_space = True  # a space at the start is stripped
    for c in text:
        if c == 0x20:
            if after_space:
                return i
            after_space = True
        elif c == 0 or _space(c):
            return i
        else:
            after_space = False
        i += 1
    if n and after_space:
        return n - 1  # a trailing space
    return -1


cdef str c_squash(str text):
    """Collapse whitespace runs (but not NBSP) to one space and strip the ends; NUL as NBSP."""
    cdef Py_ssize_t start = _first_change(text)
    if start < 0:
        return text
    cdef Py_ssize_t n = len(text), i, j = 0
    cdef Py_UCS4 c
    cdef bint owed = False  # a space to write before the next character that is not one
    cdef Py_UCS4* out = <Py_UCS4*>malloc((n + 1) * sizeof(Py_UCS4))
    if out is NULL:
        raise MemoryError()
    try:
        for i in range(start):
            out[j] = text[i]
            j += 1
        if j and out[j - 1] == 0x20:  # the change is a second space: the first one is owed
            j -= 1
            owed = True
        for i in range(start, n):
            c = text[i]
            if c == 0:
                c = 0xA0
            elif _space(c):
                owed = j > 0
                continue
            if owed:
                out[j] = 0x20
                j += 1
                owed = False
            out[j] = c
            j += 1
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, j)
    finally:
        free(out)


def squash(str text not None):
    """Collapse whitespace runs (but not NBSP) to one space and strip the ends, as ``squash.squash``."""
    return c_squash(text)
