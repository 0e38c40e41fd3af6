# cython: language_level=3
"""The scoring's prose points, compiled (the twin of ``points.py``, issue 17).

The same arithmetic in C doubles, in the same order (Python's int / int of numbers below 2**53
is the division of their doubles; ``* 0.5`` is exact), so every value is the twin's bit for bit.
Parents are read from libxml2's node pointers and a proxy is fetched (``elementFactory``: lxml's
own when there is one) only for a dict key. A candidate that is not a plain element (a comment,
a namespaced tag) sends the whole call to the twin. ``tests/speedups/test_points_twins.py``
compares the two.
"""

from cpython.dict cimport PyDict_GetItem, PyDict_SetItem
from cpython.ref cimport PyObject
from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups import points as _twin

cetree.import_lxml__etree()


cdef inline Py_ssize_t _int(dict table, object key) except? -1:
    cdef PyObject* found = PyDict_GetItem(table, key)
    return 0 if found is NULL else <Py_ssize_t><object>found


cdef inline double _add(dict scores, object key, double amount) except? -1.0:
    cdef PyObject* found = PyDict_GetItem(scores, key)
    cdef double value = amount if found is NULL else <double><object>found + amount
    PyDict_SetItem(scores, key, value)
    return value


cdef inline bint _is_table(xmlNode* c) noexcept:
    return c.ns is NULL and strcmp(<const char*>c.name, "table") == 0


cdef bint _plain(list candidates):
    cdef cetree._Element el
    for obj in candidates:
        if not isinstance(obj, cetree._Element):
            return False
        el = <cetree._Element>obj
        if el._c_node.type != tree.XML_ELEMENT_NODE or el._c_node.ns is not NULL:
            return False
    return True


cdef bint _under(cetree._Element el, set tables):
    cdef xmlNode* c = el._c_node.parent
    while c is not NULL and c.type == tree.XML_ELEMENT_NODE:
        if _is_table(c) and cetree.elementFactory(el._doc, c) in tables:
            return True
        c = c.parent
    return False


def prose_points(list candidates, dict inline, dict text, dict punct, top, leaf, data_table, evidence):
    """See ``points.prose_points``."""
    if not _plain(candidates) or (top is not None and not isinstance(top, cetree._Element)):
        return _twin.prose_points(candidates, inline, text, punct, top, leaf, data_table, evidence)
    cdef dict scores = {}
    cdef set tables = set()
    cdef cetree._Element el
    cdef xmlNode* c
    cdef xmlNode* stop = NULL if top is None else (<cetree._Element>top)._c_node
    cdef Py_ssize_t length, total, divisor
    cdef double share, points
    for obj in candidates:
        el = <cetree._Element>obj
        if _is_table(el._c_node):
            if data_table(el):
                tables.add(el)
            continue
        if tables and _under(el, tables):
            continue
        length = _int(inline, el)
        total = _int(text, el) or 1
        share = <double>(_int(punct, el) * length) / <double>total
        points = 1 + (12.0 if share > 12 else share) * 0.5 + (3.0 if length > 300 else length / 100.0)
        if evidence is not None and evidence(el):
            points += 5
        if length > 80 or el.tag in leaf:
            _add(scores, el, points * 0.5)
        c = el._c_node.parent
        for divisor in range(1, 4):
            if c is NULL or c.type != tree.XML_ELEMENT_NODE or c == stop:
                break
            _add(scores, cetree.elementFactory(el._doc, c), points / divisor)
            c = c.parent
    return scores


def ceilings(dict points, among, dict text, dict links, double extra, double factor):
    """See ``points.ceilings``."""
    cdef list out = []
    cdef Py_ssize_t total
    cdef double density
    for el in among:
        total = _int(text, el)
        density = min(1.0, _int(links, el) / <double>total) if total else 0.0
        out.append(((<double>points[el] + extra) * (1 - density) * factor, el))
    return out
