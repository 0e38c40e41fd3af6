"""Non-linguistic spans: web addresses, e-mail addresses, hashtags, handles, numbers with units,
code. Their letters are no evidence of a block's script or language (an Arabic sentence that
ends in a URL is Arabic, whatever the URL's letter count), so the language stage reads text
with these spans blanked out (DESIGN.md §5: such text is ``zxx``).

:func:`blank` keeps offsets: every character of a span becomes a space, so run offsets computed
on the original text still hold.
"""

from __future__ import annotations

import re

from .._speedups import pick

_TLD = (
    r"(?:com|net|org|info|biz|io|gov|edu|int|mil|news|tv|me|co|uk|us"
    r"|ae|sa|eg|qa|kw|bh|om|jo|lb|ma|dz|tn|iq|sy|ps|ly|sd|ye|tr|fr|de|ir|pk)"
)
_SPANS = re.compile(
    r"(?:https?|ftp)://\S+"  # URLs with a scheme
    r"|\bwww\.\S+"  # www. addresses
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"  # e-mail addresses
    rf"|(?-i:\b[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.{_TLD}\b(?:/\S*)?)"  # bare domains: example.com/x
    r"|(?<![\w&])[#@][\w.]*\w"  # hashtags and handles
    r"|`[^`\n]+`"  # inline code
    r"|\b[A-Za-z_][\w$]*(?:\.[A-Za-z_]\w*)*\([^()\s]*\)"  # calls: print(), os.path.join(a)
    r"|\b[A-Za-z]*_\w*"  # snake_case identifiers
    r"|\b\d+(?:[.,]\d+)*[A-Za-z]{1,3}\b",  # numbers with units: 5G, 4K, 1080p, 10km
    re.IGNORECASE,
)


_spans = pick("nonling").spans  # where _SPANS matches: compiled, or finditer (archiver/_speedups)


def blank(text: str) -> str:
    """``text`` with its non-linguistic spans replaced by as many spaces (offsets unchanged)."""
    found = _spans(text, _SPANS)
    if not found:
        return text
    parts: list[str] = []
    last = 0
    for start, end in found:
        parts.append(text[last:start])
        parts.append(" " * (end - start))
        last = end
    parts.append(text[last:])
    return "".join(parts)


__all__ = ["blank"]
