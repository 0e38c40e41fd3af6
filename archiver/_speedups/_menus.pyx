# cython: language_level=3
"""The link texts of a page's menus, compiled (the twin of ``menus.py``, issue 17).

One walk over libxml2's nodes: a proxy is made only for an element of the menu tags (to read its
class and id as lxml does); a menu's subtree is walked for its links once (a menu inside it is
read with it), each link's text gathered from the text nodes into one buffer, decoded once and
squashed in C. Same function, same results as ``menus.py`` (``tests/speedups/test_menus_twins.py``).
"""

from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups._nodes cimport (
    put_itertext,
    after_subtree as _after,
    Buffer,
    first_child as _first_child,
    is_text as _is_text,
    is_xinclude as _is_xinclude,
    next_node as _next,
    put as _put,
)

from archiver._speedups._squash cimport c_squash

cetree.import_lxml__etree()


cdef inline xmlNode* _following(xmlNode* node, xmlNode* top) noexcept nogil:
    """The next node in document order within ``top``'s subtree: first child, else after."""
    cdef xmlNode* nxt = _first_child(node)
    return nxt if nxt is not NULL else _after(node, top)


cdef bint _among(xmlNode* n, list names) noexcept:
    """True when ``n`` is an element without namespace whose name is one of ``names`` (bytes)."""
    cdef bytes name
    if n.type != tree.XML_ELEMENT_NODE or n.ns is not NULL:
        return False
    for name in names:
        if strcmp(<const char*>n.name, <const char*>name) == 0:
            return True
    return False


cdef str _text(xmlNode* start):
    """``walk.text_of`` of an element node: ``itertext`` joined by spaces, squashed."""
    cdef Buffer b
    b.size, b.cap = 0, 256
    b.data = <char*>malloc(b.cap)
    if b.data is NULL:
        raise MemoryError()
    try:
        put_itertext(&b, start, True)
        return c_squash(b.data[: b.size].decode("utf-8"))
    finally:
        free(b.data)


cdef int _links(xmlNode* menu, list link, dict seen) except -1:
    """Each ``link`` element's text under ``menu`` into ``seen`` (first occurrence kept)."""
    cdef xmlNode* node = _first_child(menu)
    while node is not NULL:
        if _among(node, link):
            text = _text(node)
            if text not in seen:
                seen[text] = None
        node = _following(node, menu)
    return 0


def menu_texts(root, tuple tags, tuple always, tuple words, str link):
    """The distinct link texts of the outermost menus, as ``menus.menu_texts``. Trees that are
    not HTML documents go to the twin."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef list names = [t.encode("utf-8") for t in tags]
    cdef list links = [link.encode("utf-8")]
    cdef dict seen = {}
    cdef bint menu
    if node.doc is NULL or node.doc.type != tree.XML_HTML_DOCUMENT_NODE or c_root.type != tree.XML_ELEMENT_NODE:
        from archiver._speedups import menus as twin

        return twin.menu_texts(root, tags, always, words, link)
    while node is not NULL:
        menu = False
        if _among(node, names):
            el = cetree.elementFactory(top._doc, node)
            marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
            menu = el.tag in always or any(w in marks for w in words)
        if menu:  # its links now; a menu inside it is read with it: skip its subtree
            if _among(node, links):
                _links_self(node, seen)
            _links(node, links, seen)
            node = _after(node, c_root)
        else:
            node = _following(node, c_root)
    return list(seen)


cdef int _links_self(xmlNode* node, dict seen) except -1:
    text = _text(node)
    if text not in seen:
        seen[text] = None
    return 0
