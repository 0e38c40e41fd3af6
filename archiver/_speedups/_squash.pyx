# cython: language_level=3
"""Whitespace squashing, compiled (the twin of ``squash.py``, issue 17).

One pass over the code points, read in place (``PyUnicode_READ``), with Python's own
whitespace test (``Py_UNICODE_ISSPACE``, what ``str.split`` and the regex ``\\s`` use), the
no-break space kept and a NUL made one, into a buffer on the stack (a short text) and then
one new string (``PyUnicode_FromKindAndData`` gives it the compact form CPython expects).
A text that is already squashed is returned as it is (an equal string). ``c_squash`` is the same
for other compiled modules (``cimport`` through ``_squash.pxd``).
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE
from libc.stdlib cimport free, malloc


cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND
    int PyUnicode_KIND(object text)
    void* PyUnicode_DATA(object text)
    Py_UCS4 PyUnicode_READ(int kind, void* data, Py_ssize_t index) nogil


cdef inline bint _space(Py_UCS4 c) noexcept:
    """Whitespace that squashing collapses: every ``Py_UNICODE_ISSPACE`` but the no-break space."""
    if c < 0x80:
        return c == 0x20 or 0x09 <= c <= 0x0D or 0x1C <= c <= 0x1F
    return c != 0xA0 and Py_UNICODE_ISSPACE(c)


cdef enum:
    _STACK = 512  # code points: a shorter text is squashed without an allocation


cdef str c_squash(str text):
    """Collapse whitespace runs (but not NBSP) to one space and strip the ends; NUL as NBSP."""
    cdef Py_ssize_t n = len(text), i, j = 0
    cdef int kind = PyUnicode_KIND(text)
    cdef void* data = PyUnicode_DATA(text)
    cdef Py_UCS4 c
    cdef Py_UCS4 stack[_STACK]
    cdef Py_UCS4* out = stack
    cdef bint owed = False  # a space to write before the next character that is not one
    cdef bint changed = False  # a character other than a kept space is changed or dropped
    if n > _STACK:
        out = <Py_UCS4*>malloc(n * sizeof(Py_UCS4))
        if out is NULL:
            raise MemoryError()
    try:
        for i in range(n):
            c = PyUnicode_READ(kind, data, i)
            if c == 0:
                c = 0xA0
                changed = True
            elif _space(c):
                changed = changed or c != 0x20
                owed = j > 0
                continue
            if owed:
                out[j] = 0x20
                j += 1
                owed = False
            out[j] = c
            j += 1
        if j == n and not changed:
            return text
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, out, j)
    finally:
        if out is not stack:
            free(out)


def squash(str text not None):
    """Collapse whitespace runs (but not NBSP) to one space and strip the ends, as ``squash.squash``."""
    return c_squash(text)
