# cython: language_level=3
"""The elements whose text is a stretch of a string, compiled (the twin of ``titles.py``, issue 17).

The same walk as the twin, its look-ups and comparisons in C, an element's parent read off its
libxml2 node, each text by the compiled ``text_of`` (``_walk.pyx``). See ``titles.py`` for what
it returns and why an ancestor of an element whose text is not in the string is not read.
"""

cimport lxml.includes.etreepublic as cetree

from archiver._speedups._walk import text_of

cetree.import_lxml__etree()


def stretches(
    list elements not None,
    dict sizes not None,
    dict links not None,
    Py_ssize_t lo,
    Py_ssize_t hi,
    never,
    linked_ok,
    str haystack not None,
):
    """The elements whose folded text is in ``haystack``, as ``titles.stretches``."""
    cdef list out = []
    cdef set dead = set()  # addresses of the nodes holding a text that is not in the haystack
    cdef Py_ssize_t size, i
    cdef object got
    cdef cetree._Element el
    for i in range(len(elements) - 1, -1, -1):  # children before their parents
        el = <cetree._Element?>elements[i]
        if <size_t>el._c_node in dead:
            dead.add(<size_t>el._c_node.parent)
            continue
        got = sizes.get(el, 0)
        size = got
        if size < lo or size > hi:
            continue
        tag = el.tag
        if type(tag) is not str or tag in never:
            continue
        if tag not in linked_ok and links.get(el, 0) >= got:
            continue
        text = text_of(el).casefold()
        if text in haystack:
            out.append((el, text))
        else:
            dead.add(<size_t>el._c_node.parent)
    out.reverse()
    return out
