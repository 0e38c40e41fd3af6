# cython: language_level=3
"""The facts the second opinion reads, compiled (the twin of ``opinion.py``, issue 17).

Reads libxml2's nodes through lxml's public C API: an element's kind and tag name straight from
its node (a tag's answer cached by its interned name pointer), its parent chain by pointers; a
proxy is fetched (``elementFactory``: lxml's cached proxy when there is one) only to key the
measurement dicts or to return the meeting point. Same functions, same results as
``opinion.py``: see that module for what each computes.
"""

from libc.string cimport strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

cetree.import_lxml__etree()

cdef enum:
    _SLOTS = 256


cdef struct TagCache:
    const void* names[_SLOTS]
    int answers[_SLOTS]
    int count


cdef inline str _str(const unsigned char* s):
    return (<const char*>s)[: strlen(<const char*>s)].decode("utf-8")


cdef str _tag(xmlNode* n):
    if n.ns is not NULL and n.ns.href is not NULL:
        return "{%s}%s" % (_str(n.ns.href), _str(n.name))
    return _str(n.name)


cdef int _asked(xmlNode* n, TagCache* cache, object wanted) except -1:
    """``el.tag in wanted`` of an element node, cached by its name pointer (libxml2 interns
    names in the document's dictionary); a namespaced tag is asked each time."""
    cdef size_t slot
    cdef int answer
    if n.ns is not NULL and n.ns.href is not NULL:
        return 1 if _tag(n) in wanted else 0
    slot = ((<size_t>n.name) >> 4) % _SLOTS
    while cache.names[slot] is not NULL:
        if cache.names[slot] == <const void*>n.name:
            return cache.answers[slot]
        slot = (slot + 1) % _SLOTS
    answer = 1 if _str(n.name) in wanted else 0
    if cache.count < _SLOTS // 2:  # a free slot always ends a probe
        cache.names[slot] = <const void*>n.name
        cache.answers[slot] = answer
        cache.count += 1
    return answer


def blocks(list elements, dict inline, dict links, dict punct, block_tags, Py_ssize_t floor):
    """The block (or body) elements with at least ``floor`` inline text, as ``opinion.blocks``."""
    cdef TagCache asked, block
    asked.count = block.count = 0
    cdef Py_ssize_t i
    for i in range(_SLOTS):
        asked.names[i] = block.names[i] = NULL
    cdef object wanted = frozenset(block_tags) | {"body"}
    cdef cetree._Element el
    cdef xmlNode* node
    cdef xmlNode* c
    cdef object size, lnk, marks, child
    cdef Py_ssize_t n
    cdef object pos = 0
    cdef list out = []
    for item in elements:
        el = <cetree._Element?>item
        node = el._c_node
        if node.type != tree.XML_ELEMENT_NODE or not _asked(node, &asked, wanted):
            continue
        size = inline.get(el, 0)
        if size >= floor:
            lnk, marks = links.get(el, 0), punct.get(el, 0)
            c = node.children
            while c is not NULL:
                if c.type == tree.XML_ELEMENT_NODE and _asked(c, &block, block_tags):
                    child = cetree.elementFactory(el._doc, c)
                    lnk -= links.get(child, 0)
                    marks -= punct.get(child, 0)
                c = c.next
            out.append((el, size, max(0, lnk), max(0, marks), pos))
        pos += size
    return out


cdef inline xmlNode* _up(xmlNode* n) noexcept nogil:
    """The parent lxml's ``getparent`` gives (an element, comment, PI or entity), or NULL."""
    cdef xmlNode* p = n.parent
    if p is NULL or not cetree._isElement(p):
        return NULL
    return p


def join(a, b):
    """The nearest common ancestor-or-self of ``a`` and ``b`` and each one's levels up to it,
    as ``opinion.join``."""
    cdef cetree._Element ea = <cetree._Element?>a
    cdef cetree._Element eb = <cetree._Element?>b
    cdef xmlNode* x = ea._c_node
    cdef xmlNode* y = eb._c_node
    cdef xmlNode* n
    cdef Py_ssize_t da = 0, db = 0, i = 0, j = 0
    n = _up(x)
    while n is not NULL:
        da += 1
        n = _up(n)
    n = _up(y)
    while n is not NULL:
        db += 1
        n = _up(n)
    while da - i > db - j:
        x = _up(x)
        i += 1
    while db - j > da - i:
        y = _up(y)
        j += 1
    while x is not NULL and x != y:
        x = _up(x)
        y = _up(y)
        i += 1
        j += 1
    if x is NULL:
        return None, da + 1, db + 1
    return cetree.elementFactory(ea._doc, x), i, j
