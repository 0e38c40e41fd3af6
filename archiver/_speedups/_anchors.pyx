# cython: language_level=3
"""The page's link anchors, compiled (the twin of ``anchors.py``, issue 17).

One walk over libxml2's nodes: an ``<a>``'s ``href`` is read off its attribute node, whether it
sits inside a hidden element is read off its ancestors, and its text is gathered from the text
nodes into one buffer, decoded once; a proxy is made only where lxml must read an attribute
itself. Same function, same results as ``anchors.py`` (``tests/speedups/test_anchors_twins.py``).
"""

from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups._nodes cimport (
    put_itertext,
    following,
    Buffer,
    first_child as _first_child,
    is_text as _is_text,
    is_xinclude as _is_xinclude,
    named as _named,
    next_node as _next,
    put as _put,
)

from archiver._speedups.walk import squash

cetree.import_lxml__etree()


cdef str _text(xmlNode* start, bint spaced):
    """``squash(sep.join(el.itertext()))`` of an element node, read off the nodes (``sep``: a
    space when ``spaced``, else nothing)."""
    cdef Buffer b
    b.size, b.cap = 0, 256
    b.data = <char*>malloc(b.cap)
    if b.data is NULL:
        raise MemoryError()
    try:
        put_itertext(&b, start, spaced)
        return squash(b.data[: b.size].decode("utf-8"))
    finally:
        free(b.data)


cdef object _href(cetree._Element top, xmlNode* node):
    """The ``href`` value as ``el.get`` reads it, or None without one."""
    cdef tree.xmlAttr* a = node.properties
    cdef xmlNode* c
    while a is not NULL and not (a.ns is NULL and strcmp(<const char*>a.name, "href") == 0):
        a = a.next
    if a is NULL:
        return None
    c = a.children
    if c is NULL:
        return ""
    if c.next is NULL and c.type == tree.XML_TEXT_NODE and c.content is not NULL:
        return (<const char*>c.content)[: strlen(<const char*>c.content)].decode("utf-8")
    return cetree.elementFactory(top._doc, node).get("href")


cdef bint _hidden(xmlNode* node, xmlNode* c_root, list names) except -1:
    """True when an ancestor of ``node`` up to (and including) ``c_root`` is named in ``names``."""
    cdef xmlNode* p = node
    cdef bytes name
    while p is not c_root and p.parent is not NULL:
        p = p.parent
        for name in names:
            if _named(p, name):
                return True
    return False


def anchors(root, hidden, tuple skip):
    """(href, text) of the page's ``<a>`` elements, as ``anchors.anchors``. Trees that are not
    HTML documents go to the twin."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef list names = [n.encode("utf-8") for n in hidden]
    cdef list out = []
    if node.doc is NULL or node.doc.type != tree.XML_HTML_DOCUMENT_NODE:
        from archiver._speedups import anchors as twin

        return twin.anchors(root, hidden, skip)
    while node is not NULL:
        if _named(node, "a"):
            href = _href(top, node)
            if href:
                href = href.strip()
                if href and not href.startswith(skip) and not _hidden(node, c_root, names):
                    out.append((href, _text(node, False)))
        node = following(node, c_root)  # first child, else next sibling, else up
    return out


def texts(el, str tag):
    """The visible text (``walk.text_of``) of every ``tag`` element under (and including) ``el``,
    in document order, as ``anchors.texts``. Trees that are not HTML documents go to the twin."""
    cdef cetree._Element top = <cetree._Element?>el
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef bytes name = tag.encode("utf-8")
    cdef list out = []
    if node.doc is NULL or node.doc.type != tree.XML_HTML_DOCUMENT_NODE or c_root.type != tree.XML_ELEMENT_NODE:
        from archiver._speedups import anchors as twin

        return twin.texts(el, tag)
    while node is not NULL:
        if _named(node, name):
            out.append(_text(node, True))
        node = following(node, c_root)  # first child, else next sibling, else up
    return out
