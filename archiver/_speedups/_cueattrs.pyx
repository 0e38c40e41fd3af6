# cython: language_level=3
"""An element's cue attributes as one hashable fact, compiled (the twin of ``cueattrs.py``).

The attributes are read off libxml2's attribute nodes: no list of keys and no ``el.get`` call
per attribute, only the tag, the matching names (the caller's own string objects) and their
values are made. Elements that are not plain HTML elements (a namespaced tag, a comment, an XML
document whose DTD may add default attributes) go to the twin. ``tests/speedups/
test_cueattrs_twins.py`` compares the two.
"""

from libc.string cimport strcmp, strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups import cueattrs as _twin

cetree.import_lxml__etree()

DEF _MAX_NAMES = 32

cdef object _names = None  # the ``names`` the C strings below were made for
cdef list _keep = []  # their encoded bytes and str objects, alive while in use
cdef const char* _cnames[_MAX_NAMES]
cdef Py_ssize_t _count = -1  # -1: too many names for the table, use the twin


cdef int _prepare(object names) except -1:
    global _names, _keep, _count
    cdef list listed = sorted(names)
    cdef Py_ssize_t i
    _keep = [(name.encode("utf-8"), name) for name in listed]
    _names = names
    if len(_keep) > _MAX_NAMES:
        _count = -1
        return 0
    for i in range(len(_keep)):
        _cnames[i] = <const char*>(<bytes>_keep[i][0])
    _count = len(_keep)
    return 0


cdef inline str _str(const unsigned char* s):
    return (<const char*>s)[: strlen(<const char*>s)].decode("utf-8")


def signature(el, names):
    """See ``cueattrs.signature``."""
    cdef cetree._Element e = <cetree._Element?>el
    cdef xmlNode* node = e._c_node
    cdef tree.xmlAttr* a
    cdef xmlNode* c
    cdef Py_ssize_t i
    cdef list out
    if names is not _names:
        _prepare(names)
    if (
        _count < 0
        or node.type != tree.XML_ELEMENT_NODE
        or node.ns is not NULL
        or node.doc is NULL
        or node.doc.type != tree.XML_HTML_DOCUMENT_NODE
    ):
        return _twin.signature(el, names)
    a = node.properties
    if a is NULL:
        return (_str(node.name),)
    out = [_str(node.name)]
    while a is not NULL:
        if a.ns is NULL:
            for i in range(_count):
                if strcmp(_cnames[i], <const char*>a.name) == 0:
                    name = _keep[i][1]
                    c = a.children
                    if c is NULL:
                        value = ""
                    elif c.next is NULL and c.type == tree.XML_TEXT_NODE and c.content is not NULL:
                        value = _str(<const unsigned char*>c.content)
                    else:  # several nodes (entities): lxml resolves them
                        value = el.get(name)
                    out.append(name)
                    out.append(value)
                    break
        a = a.next
    return tuple(out)
