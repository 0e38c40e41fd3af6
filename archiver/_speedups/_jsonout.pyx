# cython: language_level=3, boundscheck=False, wraparound=False
"""Indented JSON text: the compiled twin of ``jsonout.py``.

The same walk as the twin, in C: exact ``dict``, ``list`` and ``tuple`` are laid out here, with
the twin's key texts (:func:`jsonout._heads`, its cache :data:`jsonout._HEADS` shared); exact
``str``, ``int``, ``float``, ``bool`` and ``None`` leaves are written here. A string with no
character that JSON escapes (``"``, ``\\``, below U+0020; ``ensure_ascii=False`` escapes nothing
else) is written as it is between quotes, one scan of its characters; any other goes through
``json.encoder.encode_basestring``. Anything else (subclasses, unknown types, nesting past
:data:`DEEP`) is handed to the twin's ``_encode``, which writes it, or raises, as the twin does.
"""

from libc.math cimport INFINITY

from cpython.unicode cimport PyUnicode_DATA, PyUnicode_GET_LENGTH, PyUnicode_KIND

from . import jsonout as _twin

cdef extern from "Python.h":
    ctypedef unsigned int Py_UCS4
    ctypedef unsigned short Py_UCS2
    ctypedef unsigned char Py_UCS1

cdef object _encode_basestring = _twin.encode_basestring
cdef object _heads = _twin._heads
cdef dict _HEADS = _twin._HEADS
cdef object _slow = _twin._encode

#: Past this depth the twin's recursion takes over (its RecursionError, not a C stack overflow).
DEEP = 200
cdef int _DEEP = DEEP


cdef bint _plain(str s):
    """True when no character of ``s`` is escaped by JSON (``"``, ``\\``, C0 controls)."""
    cdef Py_ssize_t i, n = PyUnicode_GET_LENGTH(s)
    cdef unsigned int kind = PyUnicode_KIND(s)
    cdef void* data = PyUnicode_DATA(s)
    cdef const Py_UCS1* p1
    cdef const Py_UCS2* p2
    cdef const Py_UCS4* p4
    cdef Py_UCS4 c
    if kind == 1:
        p1 = <const Py_UCS1*>data
        for i in range(n):
            c = p1[i]
            if c < 32 or c == 34 or c == 92:
                return False
    elif kind == 2:
        p2 = <const Py_UCS2*>data
        for i in range(n):
            c = p2[i]
            if c < 32 or c == 34 or c == 92:
                return False
    else:
        p4 = <const Py_UCS4*>data
        for i in range(n):
            c = p4[i]
            if c < 32 or c == 34 or c == 92:
                return False
    return True


cdef str _float_text(double d, object o):
    """``jsonout._float``: ``NaN``, ``Infinity``, ``-Infinity``, else ``float.__repr__``."""
    if d != d:
        return "NaN"
    if d == INFINITY:
        return "Infinity"
    if d == -INFINITY:
        return "-Infinity"
    return repr(o)


cdef int _leaf(object o, type t, list out) except -1:
    """Append the exact-typed leaf ``o`` (``t`` is its type); 0 when it is not one (nothing appended)."""
    if t is str:
        if _plain(<str>o):
            out.append('"')
            out.append(o)
            out.append('"')
        else:
            out.append(_encode_basestring(o))
    elif o is None:
        out.append("null")
    elif t is bool:
        out.append("true" if o is True else "false")
    elif t is int:
        out.append(repr(o))  # int.__repr__: the type is exact
    elif t is float:
        out.append(_float_text(<double>o, o))
    else:
        return 0
    return 1


cdef int _dict(dict o, str indent, list out, int depth) except -1:
    if not o:
        out.append("{}")
        return 0
    cdef str inner = indent + "  "
    cdef tuple shape = (inner,) + tuple(o)
    heads = _HEADS.get(shape)
    if heads is None:
        heads = _heads(shape)
    cdef Py_ssize_t i = 0
    cdef tuple hs = <tuple>heads
    for value in o.values():
        out.append(hs[i])
        i += 1
        if not _leaf(value, type(value), out):
            _value(value, inner, out, depth + 1)
    out.append("\n" + indent + "}")
    return 0


cdef int _list(object o, str indent, list out, int depth) except -1:
    if not o:
        out.append("[]")
        return 0
    cdef str inner = indent + "  "
    cdef str sep = ",\n" + inner
    out.append("[\n" + inner)
    cdef bint first = True
    for item in o:
        if not first:
            out.append(sep)
        first = False
        if not _leaf(item, type(item), out):
            _value(item, inner, out, depth + 1)
    out.append("\n" + indent + "]")
    return 0


cdef int _value(object o, str indent, list out, int depth) except -1:
    cdef type t = type(o)
    if depth > _DEEP:
        _slow(o, indent, out)
    elif t is dict:
        _dict(<dict>o, indent, out, depth)
    elif t is list or t is tuple:
        _list(o, indent, out, depth)
    elif not _leaf(o, t, out):
        _slow(o, indent, out)
    return 0


def dumps_indented(obj) -> str:
    """Byte-for-byte ``json.dumps(obj, ensure_ascii=False, indent=2)``, faster."""
    cdef list out = []
    _value(obj, "", out, 0)
    return "".join(out)

