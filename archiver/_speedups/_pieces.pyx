# cython: language_level=3
"""The short text pieces of a tree, compiled (the twin of ``pieces.py``, issue 17).

One walk over libxml2's nodes, no proxies: an element's text is the run of text and CDATA nodes
that starts its children, its tail the run after it, as lxml reads ``.text`` and ``.tail``;
each is decoded once and measured. Same function, same results as ``pieces.py``
(``tests/speedups/test_pieces_twins.py``).
"""

from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups._nodes cimport (
    following,
    first_child as _first_child,
    is_text as _is_text,
    is_xinclude as _is_xinclude,
    next_node as _next,
)

cetree.import_lxml__etree()


cdef object _run(xmlNode* c):
    """The text lxml reads from ``c`` on (adjacent text and CDATA, xinclude marks passed), or
    None when there is none."""
    cdef xmlNode* first = c
    cdef Py_ssize_t size = 0, n
    cdef char* data
    while c is not NULL and (_is_text(c) or _is_xinclude(c)):
        if _is_text(c) and c.content is not NULL:
            size += strlen(<const char*>c.content)
        c = c.next
    if size == 0:
        return None
    data = <char*>malloc(size)
    if data is NULL:
        raise MemoryError()
    try:
        size = 0
        c = first
        while c is not NULL and (_is_text(c) or _is_xinclude(c)):
            if _is_text(c) and c.content is not NULL:
                n = strlen(<const char*>c.content)
                memcpy(data + size, c.content, n)
                size += n
            c = c.next
        return data[:size].decode("utf-8")
    finally:
        free(data)


cdef bint _skipped(xmlNode* n, skip) except -1:
    if n.ns is not NULL and n.ns.href is not NULL:
        name = "{%s}%s" % ((<const char*>n.ns.href).decode("utf-8"), (<const char*>n.name).decode("utf-8"))
    else:
        name = (<const char*>n.name).decode("utf-8")
    return name in skip


def pieces(root, skip, Py_ssize_t lo, Py_ssize_t hi):
    """The short ``.text``/``.tail`` pieces, as ``pieces.pieces``. Trees that are not HTML
    documents go to the twin."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef list out = []
    cdef Py_ssize_t n
    if node.doc is NULL or node.doc.type != tree.XML_HTML_DOCUMENT_NODE or c_root.type != tree.XML_ELEMENT_NODE:
        from archiver._speedups import pieces as twin

        return twin.pieces(root, skip, lo, hi)
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and not _skipped(node, skip):
            for piece in (_run(node.children), _run(node.next)):
                if piece is not None:
                    n = len(piece.strip())
                    if lo <= n <= hi:
                        out.append(piece)
        node = following(node, c_root)  # first child, else next sibling, else up
    return out
