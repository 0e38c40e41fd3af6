# cython: language_level=3
"""The scoring walk's candidates, compiled (the twin of ``prose.py``, issue 17).

The walk runs over libxml2's element nodes in document order; an element's tag is matched by
its name pointer (libxml2 interns names in the document's dictionary), and a proxy is fetched
(``elementFactory``: lxml's own when there is one) only for an element of a wanted tag, to read
its ``inline`` entry. Trees that are not HTML documents (namespaced tags) go to the twin.
``tests/speedups/test_prose_twins.py`` compares the two.
"""

from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups import prose as _twin

cetree.import_lxml__etree()

DEF _SLOTS = 64  # distinct tag names cached per call; more are looked up each time

cdef enum:
    _TAGS = 1
    _ALWAYS = 2


cdef struct NameCache:
    const void* names[_SLOTS]
    int flags[_SLOTS]
    int count


cdef int _flags(const char* name, NameCache* cache, tuple tags, tuple always) except -1:
    cdef int i, flags
    for i in range(cache.count):
        if cache.names[i] == <const void*>name:
            return cache.flags[i]
    tag = (<bytes>name).decode("utf-8")
    flags = (_TAGS if tag in tags else 0) | (_ALWAYS if tag in always else 0)
    if cache.count < _SLOTS:
        cache.names[cache.count] = <const void*>name
        cache.flags[cache.count] = flags
        cache.count += 1
    return flags


cdef inline xmlNode* _first_element(xmlNode* c) noexcept nogil:
    while c is not NULL and c.type != tree.XML_ELEMENT_NODE:
        c = c.next
    return c


def long_elements(root, tuple tags, tuple always, dict inline, minimum):
    """See ``prose.long_elements``."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef xmlNode* nxt
    cdef NameCache cache
    cdef int flags
    cdef list out = []
    cdef Py_ssize_t least = minimum
    if c_root.type != tree.XML_ELEMENT_NODE or c_root.doc is NULL or c_root.doc.type != tree.XML_HTML_DOCUMENT_NODE:
        return _twin.long_elements(root, tags, always, inline, minimum)
    cache.count = 0
    while True:
        if node.ns is not NULL:  # a namespaced tag: lxml's matching, not this one
            return _twin.long_elements(root, tags, always, inline, minimum)
        flags = _flags(<const char*>node.name, &cache, tags, always)
        if flags:
            el = cetree.elementFactory(top._doc, node)
            if flags & _ALWAYS:
                out.append(el)
            else:
                length = inline.get(el, 0)
                if length >= least:
                    out.append(el)
        # the next element in document order: first child, else next sibling, else up
        nxt = _first_element(node.children)
        while nxt is NULL and node is not c_root:
            nxt = _first_element(node.next)
            if nxt is NULL:
                node = node.parent
        if nxt is NULL:
            break
        node = nxt
    return out
