# cython: language_level=3
"""The search key's folding pass: the compiled twin of ``searchkey.py``.

``text.casefold()`` first (Python's), then one pass: a character of the control class is
dropped, any other goes through the translation table (``None``: dropped; an int: that code
point; a str: those characters; past the table's end: itself), and what comes out is
collapsed as ``" ".join(s.split())`` collapses it (``str.isspace`` runs, ends stripped). The
controls are read from the stage's pattern, a plain character class (``[...]``), once per pattern.
"""

from cpython.mem cimport PyMem_Free, PyMem_Malloc, PyMem_Realloc
from cpython.unicode cimport Py_UNICODE_ISSPACE

cdef extern from "Python.h":
    object PyUnicode_FromKindAndData(int kind, const void* buffer, Py_ssize_t size)
    int PyUnicode_4BYTE_KIND

cdef object _pattern = None
cdef unsigned char DROP[65536]  # 1 for the characters of the control class of _pattern


cdef int _load_controls(pattern) except -1:
    """Read the code points of a plain character class ``[a-bc...]`` (BMP only) into DROP."""
    global _pattern
    cdef int cp
    if pattern is _pattern:
        return 0
    cls = pattern.pattern
    if len(cls) < 2 or cls[0] != "[" or cls[len(cls) - 1] != "]" or "\\" in cls or cls[1] == "^" or pattern.flags & 2:
        raise ValueError(f"not a plain character class: {cls!r}")
    body = cls[1 : len(cls) - 1]
    ranges = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            ranges.append((ord(body[i]), ord(body[i + 2])))
            i += 3
        else:
            ranges.append((ord(body[i]), ord(body[i])))
            i += 1
    if any(last > 0xFFFF or first > last for first, last in ranges):
        raise ValueError(f"a range out of order or beyond U+FFFF in {cls!r}")
    for cp in range(65536):
        DROP[cp] = 0
    for first, last in ranges:
        for cp in range(first, last + 1):
            DROP[cp] = 1
    _pattern = pattern
    return 0


cdef struct Out:
    Py_UCS4* buf
    Py_ssize_t n
    Py_ssize_t cap
    bint pending  # a whitespace run was met after some output: one space owed


cdef int _put(Out* b, Py_UCS4 c) except -1:
    """Append ``c``: a whitespace character only marks a space owed before the next other one."""
    cdef Py_UCS4* grown
    if Py_UNICODE_ISSPACE(c):
        b.pending = b.n > 0
        return 0
    if b.n + 2 > b.cap:
        grown = <Py_UCS4*>PyMem_Realloc(b.buf, 2 * b.cap * sizeof(Py_UCS4))
        if grown == NULL:
            raise MemoryError()
        b.buf, b.cap = grown, 2 * b.cap
    if b.pending:
        b.buf[b.n] = u" "
        b.n += 1
        b.pending = False
    b.buf[b.n] = c
    b.n += 1
    return 0


def fold_key(str text, controls, list table) -> str:
    """``text`` (NFKC already) without ``controls``, case-folded, translated by ``table``, and
    its whitespace runs collapsed to one space (ends stripped)."""
    _load_controls(controls)
    cdef str folded = text.casefold()
    cdef Py_ssize_t size = len(table)
    cdef Py_UCS4 c, o
    cdef Out b
    b.n = 0
    b.pending = False
    b.cap = len(folded) + 16
    b.buf = <Py_UCS4*>PyMem_Malloc(b.cap * sizeof(Py_UCS4))
    if b.buf == NULL:
        raise MemoryError()
    try:
        for c in folded:
            if c < 65536 and DROP[c]:
                continue
            if c < size:
                entry = table[<Py_ssize_t>c]
                if entry is None:
                    continue
                if type(entry) is int:
                    if not 0 <= <long>entry <= 0x10FFFF:
                        raise ValueError("character mapping must be in range(0x110000)")
                    _put(&b, <Py_UCS4><long>entry)
                    continue
                if type(entry) is str:
                    out = entry
                else:  # noqa
                    raise TypeError("character mapping must return integer, None or str")
                if len(out) != 1:
                    for o in out:
                        _put(&b, o)
                    continue
                c = (<str>out)[0]
            _put(&b, c)
        return PyUnicode_FromKindAndData(PyUnicode_4BYTE_KIND, b.buf, b.n)
    finally:
        PyMem_Free(b.buf)
