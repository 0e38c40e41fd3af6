# cython: language_level=3
"""The attribute walk, compiled (the twin of ``attrs.py``, issue 17): which elements carry one of
some attributes whose values a pattern finds something in. The attributes are read off libxml2's
attribute nodes, and a proxy is made only for an element the pattern matches. Same function,
same results as ``attrs.py`` (``tests/speedups/test_walk.py``)."""

from libc.string cimport strcmp

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups._nodes cimport (
    following,
    first_child as _first_child,
    next_node as _next,
    tag_in as _in,
    utf8_str as _str,
)

cetree.import_lxml__etree()


cdef str _value(tree.xmlAttr* a):
    """An attribute's value as ``el.get`` reads it, or None when lxml would have to resolve
    more than one text node (entities in XML): then the caller asks lxml itself."""
    cdef xmlNode* c = a.children
    if c is NULL:
        return ""
    if c.next is NULL and c.type == tree.XML_TEXT_NODE and c.content is not NULL:
        return _str(<const unsigned char*>c.content)
    return None


def marked(root, tuple names, skip_tags, pattern):
    """The marked elements as ``attrs.marked`` finds them: the attributes are read off
    libxml2's attribute nodes, and a proxy is made only for an element ``pattern`` matches.
    Trees that are not HTML documents (an XML DTD may add default attributes) go to the twin."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef tree.xmlAttr* a
    cdef tree.xmlAttr* first
    cdef list encoded = [n.encode("utf-8") for n in names]
    cdef const char* cnames[16]
    cdef list values
    cdef Py_ssize_t i, count = len(names)
    cdef bint any_
    cdef list out = []
    if node.doc is NULL or node.doc.type != tree.XML_HTML_DOCUMENT_NODE or not 0 < count <= 16:
        from archiver._speedups import attrs

        return attrs.marked(root, names, skip_tags, pattern)
    for i in range(count):
        cnames[i] = <const char*>(<bytes>encoded[i])
    while node is not NULL:
        if node.type == tree.XML_ELEMENT_NODE and node.properties is not NULL and not _in(node, skip_tags):
            any_ = False
            a = node.properties
            while a is not NULL and not any_:
                if a.ns is NULL:
                    for i in range(count):
                        if strcmp(cnames[i], <const char*>a.name) == 0:
                            any_ = True
                            break
                a = a.next
            if any_:
                values = []
                for i in range(count):
                    first = node.properties
                    while first is not NULL and not (
                        first.ns is NULL and strcmp(cnames[i], <const char*>first.name) == 0
                    ):
                        first = first.next
                    if first is NULL:
                        values.append("")
                    else:
                        value = _value(first)
                        if value is None:
                            value = cetree.elementFactory(top._doc, node).get(names[i], "")
                        values.append(value)
                if pattern.search(" ".join(values).lower()):
                    out.append(cetree.elementFactory(top._doc, node))
        node = following(node, c_root)  # first child, else next sibling, else up
    return out
