# cython: language_level=3
"""Where the non-linguistic spans of a text are: the compiled twin of ``nonling.py``.

``pattern.finditer`` tries each of its nine alternatives at every character. Here one pass
over the characters finds the few places where one of them *can* start (a necessary condition
per alternative, below), and ``pattern.match`` decides there: the regex stays the only
definition of a span, and the result is the matches ``finditer`` gives, left to right.

At a place ``p`` (``c = text[p]``), an alternative of ``lang.nonling._SPANS`` can only match when:

1. ``(?:https?|ftp)://\\S+``: ``c`` is ``h H f F`` and ``://`` is at ``p+3``, ``p+4`` or ``p+5``;
2. ``\\bwww\\.\\S+``: a word starts at ``p``, ``c`` is ``w W`` and ``text[p+3]`` is ``.``;
3. ``[\\w.+-]+@...``: the run of ``[\\w.+-]`` from ``p`` ends at an ``@`` (only the run's first
   place after the last match is tried: a match further in would match from there too);
4. ``(?-i:\\b[a-z0-9]...\\.TLD\\b...)``: a word starts at ``p`` with ``[a-z0-9]``, and the run of
   ``[a-z0-9.-]`` from ``p`` holds a ``.`` before a letter ``a-z``;
5. and 6. ``(?<![\\w&])[#@]...``, inline code: ``c`` is ``# @ `````;
7. ``\\b[A-Za-z_][\\w$]*(?:\\.[A-Za-z_]\\w*)*\\(...``: a word starts at ``p`` with ``[A-Za-z_]``
   and the run of ``[\\w$.]`` from ``p`` ends at ``(``;
8. ``\\b[A-Za-z]*_\\w*``: a word starts at ``p`` with ``_``, or with ``[A-Za-z]`` and the run of
   ``[A-Za-z]`` from ``p`` ends at ``_``;
9. ``\\b\\d+(?:[.,]\\d+)*[A-Za-z]{1,3}\\b``: a word starts at ``p`` with a digit and the run of
   ``[\\d.,]`` from ``p`` ends at ``[A-Za-z]``.

``[A-Za-z]`` under ``re.IGNORECASE`` also matches U+0130, U+0131, U+017F and U+212A; ``\\w`` is
``str.isalnum()`` or ``_``, ``\\d`` is ``str.isdecimal()`` (``tests/speedups`` checks all three
on every code point). The conditions are written for one pattern: any other pattern (its text
changed in ``lang/nonling.py``) is scanned by ``finditer`` itself, and a test fails until this
file is brought up to date.
"""

import hashlib

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL

# SHA-256 (first 16 hex digits) of the pattern text the conditions above are written for, and its flags.
WRITTEN_FOR = ("b69774570821b082", 34)

cdef object _checked = None  # the last pattern found to be WRITTEN_FOR


def written_for(pattern) -> bool:
    """True when ``pattern`` is the one the conditions of this module were derived from."""
    global _checked
    if pattern is _checked:
        return True
    digest = hashlib.sha256(pattern.pattern.encode("utf-8")).hexdigest()[:16]
    if (digest, int(pattern.flags)) == WRITTEN_FOR:
        _checked = pattern
        return True
    return False


cdef inline bint _word(Py_UCS4 c):
    if c < 128:  # str.isalnum() on ASCII is [0-9A-Za-z]
        return (u"a" <= c <= u"z") or (u"A" <= c <= u"Z") or (u"0" <= c <= u"9") or c == u"_"
    return Py_UNICODE_ISALNUM(c)


cdef inline bint _az(Py_UCS4 c):
    """``[A-Za-z]`` under ``re.IGNORECASE``."""
    return (
        (u"a" <= c <= u"z") or (u"A" <= c <= u"Z")
        or c == 0x130 or c == 0x131 or c == 0x17F or c == 0x212A
    )


cdef inline bint _mail(Py_UCS4 c):
    return c == u"." or c == u"+" or c == u"-" or _word(c)


cdef inline bint _mail_mark(Py_UCS4 c):
    """The characters ``[\\w.+-]`` holds besides ``\\w``."""
    return c == u"." or c == u"+" or c == u"-"


cdef inline bint _host(Py_UCS4 c):
    return (u"a" <= c <= u"z") or (u"0" <= c <= u"9") or c == u"." or c == u"-"


cdef inline bint _ident(Py_UCS4 c):
    return c == u"$" or c == u"." or _word(c)


cdef inline bint _number(Py_UCS4 c):
    return c == u"." or c == u"," or Py_UNICODE_ISDECIMAL(c)


cdef struct Runs:
    Py_ssize_t pos    # where the scan resumed after the last match
    Py_ssize_t host   # end of the [a-z0-9.-] run holding the place tried last (cached)
    Py_ssize_t dot    # the first ".x" (x in a-z) at or after the place tried last
    Py_ssize_t ident  # end of the [\w$.] run
    Py_ssize_t alpha  # end of the [A-Za-z] run
    Py_ssize_t num    # end of the [\d.,] run


cdef Py_ssize_t _run_end(str text, Py_ssize_t n, Py_ssize_t p, int kind):
    cdef Py_UCS4 c
    while p < n:
        c = text[p]
        if kind == 0 and not _host(c):
            break
        if kind == 1 and not _ident(c):
            break
        if kind == 2 and not _az(c):
            break
        if kind == 3 and not _number(c):
            break
        if kind == 4 and not _mail(c):
            break
        p += 1
    return p


cdef bint _scheme_at(str text, Py_ssize_t n, Py_ssize_t p):
    cdef Py_ssize_t k
    for k in range(p + 3, p + 6):
        if k + 3 <= n and text[k] == u":" and text[k + 1] == u"/" and text[k + 2] == u"/":
            return True
    return False


cdef bint _word_start(str text, Py_ssize_t n, Py_ssize_t p, Py_UCS4 c, Runs* r):
    """Alternatives 2, 4, 7, 8 and 9 at a place where a word starts with ``c``."""
    cdef Py_ssize_t q
    if (c == u"w" or c == u"W") and p + 3 < n and text[p + 3] == u".":
        return True
    if (u"a" <= c <= u"z") or (u"0" <= c <= u"9"):
        if p >= r.host:
            r.host = _run_end(text, n, p, 0)
        if r.dot < p:
            q = p
            while q + 1 < n and not (text[q] == u"." and u"a" <= text[q + 1] <= u"z"):
                q += 1
            r.dot = q if q + 1 < n else n
        if r.dot < r.host:
            return True
    if c == u"_":
        return True
    if _az(c):
        if p >= r.ident:
            r.ident = _run_end(text, n, p, 1)
        if r.ident < n and text[r.ident] == u"(":
            return True
        if p >= r.alpha:
            r.alpha = _run_end(text, n, p, 2)
        if r.alpha < n and text[r.alpha] == u"_":
            return True
    elif Py_UNICODE_ISDECIMAL(c):
        if p >= r.num:
            r.num = _run_end(text, n, p, 3)
        if r.num < n and _az(text[r.num]):
            return True
    return False


cdef bint _candidate(
    str text, Py_ssize_t n, Py_ssize_t p, bint at, bint scheme, Runs* r, Py_UCS4 c, bint w, bint prev_w
):
    """Can a span start at ``p``? ``c`` is ``text[p]``, ``w`` its ``\\w``-ness, ``prev_w`` that of
    ``text[p - 1]`` (False at 0): each character's class is read once."""
    cdef Py_ssize_t e
    if c == u"#" or c == u"@" or c == u"`":
        return True
    if scheme and (c == u"h" or c == u"H" or c == u"f" or c == u"F") and _scheme_at(text, n, p):
        return True
    if at and (w or c == u"." or c == u"+" or c == u"-"):
        if p == r.pos or p == 0 or not (prev_w or _mail_mark(text[p - 1])):
            e = _run_end(text, n, p, 4)
            if e < n and text[e] == u"@":
                return True
    if not w or prev_w:
        return False
    return _word_start(text, n, p, c, r)


def spans(str text, pattern) -> list:
    """(start, end) of every match of ``pattern`` in ``text``, left to right, as ``finditer``."""
    if not written_for(pattern):
        return [m.span() for m in pattern.finditer(text)]
    cdef Py_ssize_t n = len(text)
    cdef Py_ssize_t p = 0
    cdef Py_ssize_t e
    cdef Runs r
    r.pos = r.host = r.ident = r.alpha = r.num = 0
    r.dot = -1
    cdef bint at = u"@" in text
    cdef bint scheme = u"://" in text
    cdef Py_UCS4 c
    cdef bint w
    cdef bint prev_w = False
    out = []
    match = pattern.match
    while p < n:
        c = text[p]
        w = _word(c)
        if _candidate(text, n, p, at, scheme, &r, c, w, prev_w):
            m = match(text, p)
            if m is not None:
                e = m.end()
                out.append((p, e))
                p = r.pos = e
                prev_w = p > 0 and _word(text[p - 1])
                continue
        prev_w = w
        p += 1
    return out
