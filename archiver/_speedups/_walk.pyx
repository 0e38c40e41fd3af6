# cython: language_level=3
"""The element walk of the extract stage, compiled (the twin of ``walk.py``, issue 17).

Reads libxml2's node structs through lxml's public C API: text and tails are weighed straight
from the nodes' UTF-8 contents, code point by code point, with Python's own whitespace test
(``Py_UNICODE_ISSPACE``, what ``str.split`` uses), so no Python string is made for them; an
element proxy is fetched (``elementFactory``: lxml's cached proxy when there is one) only to key
the result dicts. Same functions, same results as ``walk.py``: see that module for what each
computes; ``tests/speedups/test_walk.py`` compares the two.
"""

from cpython.unicode cimport Py_UNICODE_ISSPACE
from libc.stdlib cimport free, malloc, realloc
from libc.string cimport memcpy, strcmp, strlen

cimport lxml.includes.etreepublic as cetree
cimport lxml.includes.tree as tree
from lxml.includes.tree cimport xmlNode

from archiver._speedups._nodes cimport (
    put_itertext,
    Buffer,
    first_child as _first_child,
    is_text as _is_text,
    is_xinclude as _is_xinclude,
    next_node as _next,
    put as _put,
    tag_in as _in,
    utf8_str as _str,
)

from archiver._speedups._squash cimport c_squash
from archiver._speedups.walk import WIDE

cetree.import_lxml__etree()

cdef Py_ssize_t _WIDE_EXTRA = WIDE - 1


cdef inline bint _is_wide(Py_UCS4 c) noexcept nogil:
    # [\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]
    if c < 0x1100:
        return False
    return (
        c <= 0x11FF
        or 0x3040 <= c <= 0x30FF
        or 0x3130 <= c <= 0x318F
        or 0x3400 <= c <= 0x4DBF
        or 0x4E00 <= c <= 0x9FFF
        or 0xAC00 <= c <= 0xD7AF
        or 0xF900 <= c <= 0xFAFF
    )


cdef inline bint _is_punct(Py_UCS4 c) noexcept nogil:
    # [,،;؛.。、!?؟！？]
    if c < 0x80:
        return c == 0x2C or c == 0x3B or c == 0x2E or c == 0x21 or c == 0x3F
    return (
        c == 0x060C or c == 0x061B or c == 0x061F or c == 0x3002 or c == 0x3001
        or c == 0xFF01 or c == 0xFF1F
    )


cdef struct Weight:
    Py_ssize_t chars  # code points that are not whitespace
    Py_ssize_t words  # runs of them
    Py_ssize_t wide
    Py_ssize_t punct
    bint in_word


cdef inline void _add(Weight* w, Py_UCS4 c) noexcept:
    if Py_UNICODE_ISSPACE(c):
        w.in_word = False
        return
    if not w.in_word:
        w.words += 1
        w.in_word = True
    w.chars += 1
    if c >= 0x1100 and _is_wide(c):
        w.wide += 1
    elif _is_punct(c):
        w.punct += 1


cdef inline Py_ssize_t _length(Weight* w) noexcept:
    """``len(" ".join(text.split()))`` plus the wide characters' extra weight."""
    if not w.words:
        return 0
    return w.chars + w.words - 1 + w.wide * _WIDE_EXTRA


cdef int _add_utf8(Weight* w, const unsigned char* s) except -1:
    """Add the code points of a NUL-terminated UTF-8 string; strict, as lxml decodes it."""
    cdef Py_ssize_t i = 0
    cdef unsigned char b
    cdef Py_UCS4 c
    while True:
        b = s[i]
        if b == 0:
            return 0
        if b < 0x80:
            i += 1
            if b == 0x20 or b == 0x0A:  # the common whitespace, without the call
                w.in_word = False
                continue
            _add(w, b)
            continue
        if (b & 0xE0) == 0xC0 and (s[i + 1] & 0xC0) == 0x80:
            c = ((b & 0x1F) << 6) | (s[i + 1] & 0x3F)
            i += 2
            if c < 0x80:
                break
        elif (b & 0xF0) == 0xE0 and (s[i + 1] & 0xC0) == 0x80 and (s[i + 2] & 0xC0) == 0x80:
            c = ((b & 0x0F) << 12) | ((s[i + 1] & 0x3F) << 6) | (s[i + 2] & 0x3F)
            i += 3
            if c < 0x800 or 0xD800 <= c <= 0xDFFF:
                break
        elif (
            (b & 0xF8) == 0xF0
            and (s[i + 1] & 0xC0) == 0x80
            and (s[i + 2] & 0xC0) == 0x80
            and (s[i + 3] & 0xC0) == 0x80
        ):
            c = ((b & 0x07) << 18) | ((s[i + 1] & 0x3F) << 12) | ((s[i + 2] & 0x3F) << 6) | (s[i + 3] & 0x3F)
            i += 4
            if c < 0x10000 or c > 0x10FFFF:
                break
        else:
            break
        _add(w, c)
    # not UTF-8: lxml would fail to decode the node's text; fail the same way
    _str(s)
    raise ValueError("invalid UTF-8 in a text node")


cdef int _weigh_run(Weight* w, xmlNode* c) except -1:
    """Weigh the text lxml reads from ``c`` on (``.text`` from the first child, ``.tail`` from
    the next sibling): adjacent text and CDATA nodes, XInclude markers skipped."""
    w.chars = w.words = w.wide = w.punct = 0
    w.in_word = False
    while c is not NULL:
        if _is_text(c):
            if c.content is not NULL:
                _add_utf8(w, <const unsigned char*>c.content)
        elif not _is_xinclude(c):
            break
        c = c.next
    return 0


cpdef tuple weigh(str text):
    """(weighted length, prose punctuation marks) of one text, as ``walk.weigh``."""
    cdef Weight w
    w.chars = w.words = w.wide = w.punct = 0
    w.in_word = False
    cdef Py_UCS4 c
    for c in text:
        _add(&w, c)
    if not w.words:
        return 0, 0
    return _length(&w), w.punct


cdef inline xmlNode* _last_child(xmlNode* n) noexcept nogil:
    """The last child lxml iterates (element, comment, PI, entity) of an element, or NULL."""
    if n.type != tree.XML_ELEMENT_NODE:
        return NULL
    cdef xmlNode* c = n.last
    while c is not NULL and not cetree._isElement(c):
        c = c.prev
    return c


cdef inline xmlNode* _previous(xmlNode* n) noexcept nogil:
    cdef xmlNode* c = n.prev
    while c is not NULL and not cetree._isElement(c):
        c = c.prev
    return c


# tag flags of an element: which of the facts' tags ("a", a block tag) it is
cdef enum:
    _ANCHOR = 1
    _BLOCK = 2
    _SLOTS = 256


cdef struct TagCache:
    const void* names[_SLOTS]
    int flags[_SLOTS]
    int count


cdef int _tag_flags(xmlNode* n, TagCache* cache, object block_tags) except -1:
    """``el.tag == "a"`` and ``el.tag in block_tags`` of an element, cached by its name pointer
    (libxml2 interns names in the document's dictionary). A namespaced tag is ``{href}name``."""
    cdef size_t slot
    cdef str tag
    cdef int flags
    if n.ns is not NULL and n.ns.href is not NULL:
        tag = "{%s}%s" % (_str(n.ns.href), _str(n.name))
        return (_ANCHOR if tag == "a" else 0) | (_BLOCK if tag in block_tags else 0)
    slot = ((<size_t>n.name) >> 4) % _SLOTS
    while cache.names[slot] is not NULL:
        if cache.names[slot] == <const void*>n.name:
            return cache.flags[slot]
        slot = (slot + 1) % _SLOTS
    tag = _str(n.name)
    flags = (_ANCHOR if tag == "a" else 0) | (_BLOCK if tag in block_tags else 0)
    if cache.count < _SLOTS // 2:  # a free slot always ends a probe
        cache.names[slot] = <const void*>n.name
        cache.flags[slot] = flags
        cache.count += 1
    return flags


cdef struct Share:  # what the children of one element add up to
    Py_ssize_t text
    Py_ssize_t links
    Py_ssize_t marks
    Py_ssize_t inline


def measure(root, elements, block_tags):
    """(text, links, inline, punct) of every element under (and including) ``root``, as
    ``walk.measure``: children first, in reversed document order (the dicts' order too).

    The walk runs over libxml2's nodes (last child first, then the previous sibling, then up),
    one running sum per depth; ``elements`` (``list(root.iter())``) only keeps the proxies alive."""
    cdef cetree._Element top = <cetree._Element?>root
    cdef cetree._Document doc = top._doc
    cdef xmlNode* c_root = top._c_node
    cdef xmlNode* node = c_root
    cdef xmlNode* child
    cdef Py_ssize_t depth = 0, cap = 64
    cdef Share* acc = <Share*>malloc(cap * sizeof(Share))
    cdef Share* got
    cdef Share* mine
    cdef Weight w
    cdef Py_ssize_t total, lnk, marks, inl, n_tail, m_tail
    cdef int flags
    cdef TagCache* cache = <TagCache*>malloc(sizeof(TagCache))
    cdef dict text = {}, links = {}, inline = {}, punct = {}
    if acc is NULL or cache is NULL:
        free(acc)
        free(cache)
        raise MemoryError()
    for flags in range(_SLOTS):
        cache.names[flags] = NULL
    cache.count = 0
    try:
        acc[0].text = acc[0].links = acc[0].marks = acc[0].inline = 0
        while True:
            child = _last_child(node)
            while child is not NULL:  # down to the last leaf, each level's sum started afresh
                depth += 1
                if depth + 1 >= cap:
                    cap *= 2
                    got = <Share*>realloc(acc, cap * sizeof(Share))
                    if got is NULL:
                        raise MemoryError()
                    acc = got
                acc[depth].text = acc[depth].links = acc[depth].marks = acc[depth].inline = 0
                node = child
                child = _last_child(node)
            while True:
                _weigh_run(&w, node.next)
                n_tail, m_tail = _length(&w), w.punct
                if node.type == tree.XML_ELEMENT_NODE:
                    _weigh_run(&w, node.children)
                    total, marks = _length(&w), w.punct
                    inl, lnk = total, 0
                    if _first_child(node) is not NULL:  # its children summed one level down
                        got = &acc[depth + 1]
                        inl += got.inline
                        total += got.text
                        lnk = got.links
                        marks += got.marks
                    flags = _tag_flags(node, cache, block_tags)
                    if flags & _ANCHOR:
                        lnk = total
                    el = cetree.elementFactory(doc, node)
                    text[el] = total
                    links[el] = lnk
                    inline[el] = inl
                    punct[el] = marks
                    inl = n_tail if flags & _BLOCK else total + n_tail
                    total += n_tail
                    marks += m_tail
                else:  # a comment, processing instruction or entity: only its tail is text
                    total, lnk, marks, inl = n_tail, 0, m_tail, n_tail
                if node is c_root:
                    return text, links, inline, punct
                mine = &acc[depth]
                mine.text += total
                mine.links += lnk
                mine.marks += marks
                mine.inline += inl
                child = _previous(node)
                if child is not NULL:
                    node = child
                    break
                node = node.parent
                depth -= 1
    finally:
        free(acc)
        free(cache)


def own(el, dict links, dict punct, block_tags):
    """(linked text, punctuation marks) of ``el`` outside its block children, as ``walk.own``."""
    cdef cetree._Element top = <cetree._Element?>el
    cdef xmlNode* c = top._c_node
    cdef object lnk = links.get(el, 0), marks = punct.get(el, 0)
    if c.type == tree.XML_ELEMENT_NODE:
        c = c.children
        while c is not NULL:
            if c.type == tree.XML_ELEMENT_NODE and _in(c, block_tags):
                child = cetree.elementFactory(top._doc, c)
                lnk -= links.get(child, 0)
                marks -= punct.get(child, 0)
            c = c.next
    return max(0, lnk), max(0, marks)


def text_of(el):
    """The element's visible text, as ``walk.text_of``: ``itertext`` read off the nodes (an
    element's text, then its children's, each child's tail after it; an entity as ``&name;``;
    no comment or PI text), joined by spaces, decoded once and squashed. ValueError on a
    comment, PI or entity, as lxml's ``itertext``."""
    cdef cetree._Element top = <cetree._Element?>el
    cdef xmlNode* start = top._c_node
    cdef Buffer b
    if start.type != tree.XML_ELEMENT_NODE:  # lxml's itertext walks elements only
        raise ValueError(f"Input object is not an XML element: {type(el).__module__}.{type(el).__name__}")
    b.size, b.cap = 0, 256
    b.data = <char*>malloc(b.cap)
    if b.data is NULL:
        raise MemoryError()
    try:
        put_itertext(&b, start, True)
        return c_squash(b.data[: b.size].decode("utf-8"))
    finally:
        free(b.data)
