# cython: language_level=3
"""What every compiled walk over libxml2's nodes shares (cimported, nothing to build on its own):
which nodes lxml's ``.text``/``.tail`` read, which children and siblings lxml iterates, and a
growing byte buffer for the UTF-8 of a text gathered from many nodes."""

from libc.stdlib cimport realloc
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode


cdef inline bint is_text(xmlNode* c) noexcept nogil:
    """A node whose content lxml's ``.text``/``.tail`` read: text or CDATA."""
    return c.type == tree.XML_TEXT_NODE or c.type == tree.XML_CDATA_SECTION_NODE


cdef inline bint is_xinclude(xmlNode* c) noexcept nogil:
    """An XInclude marker: skipped, as lxml skips it, inside a run of text nodes."""
    return c.type == tree.XML_XINCLUDE_START or c.type == tree.XML_XINCLUDE_END


cdef inline xmlNode* first_child(xmlNode* n) noexcept nogil:
    """The first child lxml iterates (element, comment, PI, entity) of an element, or NULL."""
    if n.type != tree.XML_ELEMENT_NODE:
        return NULL
    cdef xmlNode* c = n.children
    while c is not NULL and not cetree._isElement(c):
        c = c.next
    return c


cdef inline xmlNode* next_node(xmlNode* n) noexcept nogil:
    """The next sibling lxml iterates, or NULL."""
    cdef xmlNode* c = n.next
    while c is not NULL and not cetree._isElement(c):
        c = c.next
    return c


cdef inline bint named(xmlNode* n, const char* name) noexcept nogil:
    """An HTML element (no namespace) of tag ``name``."""
    return n.type == tree.XML_ELEMENT_NODE and n.ns is NULL and strcmp(<const char*>n.name, name) == 0


cdef struct Buffer:
    char* data
    Py_ssize_t size
    Py_ssize_t cap


cdef inline int put(Buffer* b, const char* s, Py_ssize_t n) except -1:
    """Append ``n`` bytes of ``s`` to ``b``, growing it by doubling."""
    cdef char* grown
    if b.size + n > b.cap:
        while b.size + n > b.cap:
            b.cap *= 2
        grown = <char*>realloc(b.data, b.cap)
        if grown is NULL:
            raise MemoryError()
        b.data = grown
    memcpy(b.data + b.size, s, n)
    b.size += n
    return 0


cdef inline str utf8_str(const unsigned char* s):
    """A libxml2 string (UTF-8, NUL-ended) as a Python str."""
    return (<const char*>s)[: strlen(<const char*>s)].decode("utf-8")


cdef inline bint tag_in(xmlNode* n, object tags) except -1:
    """``el.tag in tags`` of an element node (a namespaced tag is ``{href}name``)."""
    if n.ns is not NULL and n.ns.href is not NULL:
        return "{%s}%s" % (utf8_str(n.ns.href), utf8_str(n.name)) in tags
    return utf8_str(n.name) in tags


cdef inline xmlNode* after_subtree(xmlNode* node, xmlNode* top) noexcept nogil:
    """The node after ``node``'s subtree in document order, within ``top``'s, or NULL."""
    cdef xmlNode* nxt
    while node is not top:
        nxt = next_node(node)
        if nxt is not NULL:
            return nxt
        node = node.parent
    return NULL


cdef inline xmlNode* following(xmlNode* node, xmlNode* top) noexcept nogil:
    """The node after ``node`` in document order within ``top``'s subtree (its first child, else
    the node after its subtree), or NULL."""
    cdef xmlNode* nxt = first_child(node)
    return nxt if nxt is not NULL else after_subtree(node, top)


cdef inline int put_run(Buffer* b, xmlNode* c, bint spaced) except -1:
    """One piece of ``itertext``: the text lxml reads from ``c`` on (adjacent text and CDATA, XInclude
    markers skipped), after a separating space when ``spaced``."""
    if spaced:
        put(b, " ", 1)
    while c is not NULL:
        if is_text(c):
            if c.content is not NULL:
                put(b, <const char*>c.content, strlen(<const char*>c.content))
        elif not is_xinclude(c):
            break
        c = c.next
    return 0


cdef inline int put_itertext(Buffer* b, xmlNode* start, bint spaced) except -1:
    """``sep.join(el.itertext())`` of the element node ``start`` appended to ``b`` (``sep``: a space
    when ``spaced``): an element's text, then its children's, each child's tail after it; an
    entity as ``&name;``; no comment or PI text."""
    cdef xmlNode* cur
    cdef xmlNode* nxt
    put_run(b, start.children, spaced)
    cur = first_child(start)
    while cur is not NULL:
        if cur.type == tree.XML_ELEMENT_NODE:
            put_run(b, cur.children, spaced)
            nxt = first_child(cur)
            if nxt is not NULL:
                cur = nxt
                continue
        elif cur.type == tree.XML_ENTITY_REF_NODE:
            put(b, " &" if spaced else "&", 2 if spaced else 1)
            put(b, <const char*>cur.name, strlen(<const char*>cur.name))
            put(b, ";", 1)
        while True:  # cur is done: its tail, then its next sibling or up to its parent
            put_run(b, cur.next, spaced)
            nxt = next_node(cur)
            if nxt is not NULL:
                cur = nxt
                break
            cur = cur.parent
            if cur is start:
                cur = NULL
                break
    return 0
