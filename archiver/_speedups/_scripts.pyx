# cython: language_level=3
"""Letters per script and runs of one script: the compiled twin of ``scripts.py``.

:func:`load` reads the stage's character classes (``"[a-bc...]"``: single characters and
ranges, all in the Basic Multilingual Plane) into a table of 65,536 bit sets, one bit per
class, so the classes are still defined once, in ``lang/script.py``. A letter is what
``[^\\W\\d_]`` matches: ``str.isalnum()`` and not ``str.isdecimal()`` (``tests/speedups``
checks this on every code point).
"""

from cpython.unicode cimport Py_UNICODE_ISALNUM, Py_UNICODE_ISDECIMAL

cdef enum:
    ARAB = 1
    HEBR = 2
    LATN = 4
    SYRC = 8
    THAA = 16
    NKOO = 32

_ORDER = ("Arab", "Hebr", "Latn", "Syrc", "Thaa", "Nkoo")

cdef unsigned char TABLE[65536]
cdef bint LOADED = False


def _ranges(cls: str) -> list:
    """The (first, last) code points of a character class written as ``[a-bc...]``."""
    if len(cls) < 2 or cls[0] != "[" or cls[len(cls) - 1] != "]" or "\\" in cls or cls[1] == "^":
        raise ValueError(f"not a plain character class: {cls!r}")
    body = cls[1 : len(cls) - 1]
    out = []
    i = 0
    while i < len(body):
        if i + 2 < len(body) and body[i + 1] == "-":
            out.append((ord(body[i]), ord(body[i + 2])))
            i += 3
        else:
            out.append((ord(body[i]), ord(body[i])))
            i += 1
    for first, last in out:
        if first > last or last > 0xFFFF:
            raise ValueError(f"a range out of order or beyond U+FFFF in {cls!r}")
    return out


def load(classes: dict) -> None:
    """Take the character class (``"[...]"``) of each script: Arab, Hebr, Latn, Syrc, Thaa, Nkoo."""
    global LOADED
    cdef int cp
    tables = [_ranges(classes[name]) for name in _ORDER]  # all parsed before the table changes
    for cp in range(65536):
        TABLE[cp] = 0
    for bit, ranges in enumerate(tables):
        for first, last in ranges:
            for cp in range(first, last + 1):
                TABLE[cp] |= 1 << bit
    LOADED = True


cdef inline unsigned char _bits(Py_UCS4 c):
    return TABLE[c] if c < 65536 else 0


cdef inline bint _letter(Py_UCS4 c):
    return Py_UNICODE_ISALNUM(c) and not Py_UNICODE_ISDECIMAL(c)


cdef inline bint _ascii_letter(Py_UCS4 c):
    return (u"a" <= c <= u"z") or (u"A" <= c <= u"Z")


def script_counts(str text) -> dict:
    """Letters per script; ``Zzzz`` collects letters of scripts not told apart here."""
    if not LOADED:
        raise RuntimeError("scripts.load(classes) first")
    cdef Py_ssize_t ascii_letters = 0, arab = 0, hebr = 0, latn = 0, other = 0
    cdef Py_ssize_t syrc = 0, thaa = 0, nkoo = 0
    cdef bint wide = False
    cdef unsigned char m
    cdef Py_UCS4 c
    for c in text:
        if c < 128:
            if _ascii_letter(c):
                ascii_letters += 1
            continue
        wide = True
        m = _bits(c)
        arab += m & ARAB != 0
        hebr += m & HEBR != 0
        latn += m & LATN != 0
        syrc += m & SYRC != 0
        thaa += m & THAA != 0
        nkoo += m & NKOO != 0
        if not m & (ARAB | HEBR | LATN) and _letter(c):
            other += 1
    if not wide:
        return {"Latn": ascii_letters} if ascii_letters else {}
    counts = {}
    latn += ascii_letters
    if arab:
        counts["Arab"] = arab
    if hebr:
        counts["Hebr"] = hebr
    if latn:
        counts["Latn"] = latn
    if other:
        counts["Zzzz"] = other
        if syrc:
            counts["Syrc"] = syrc
        if thaa:
            counts["Thaa"] = thaa
        if nkoo:
            counts["Nkoo"] = nkoo
        other -= syrc + thaa + nkoo
        if other:
            counts["Zzzz"] = other
        else:
            del counts["Zzzz"]
    return counts


cdef inline int _script(Py_UCS4 c):
    """The index in ``Arab Hebr Latn Syrc Thaa Nkoo Zzzz`` of one letter's script, or -1."""
    cdef unsigned char m = _bits(c)
    cdef int k
    if m:
        for k in range(6):
            if m & (1 << k):
                return k
    return 6 if _letter(c) else -1


def letter_runs(str text) -> list:
    """Maximal spans whose letters share one script (neutrals between same-script letters included)."""
    if not LOADED:
        raise RuntimeError("scripts.load(classes) first")
    names = ("Arab", "Hebr", "Latn", "Syrc", "Thaa", "Nkoo", "Zzzz")
    cdef Py_ssize_t i = 0, start = 0, end = 0
    cdef int k, current = -1
    cdef Py_UCS4 c
    out = []
    for c in text:
        k = _script(c)
        if k >= 0:
            if k == current:
                end = i + 1
            else:
                if current >= 0:
                    out.append((start, end, names[current]))
                current, start, end = k, i, i + 1
        i += 1
    if current >= 0:
        out.append((start, end, names[current]))
    return out
