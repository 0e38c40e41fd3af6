"""Small, named, pure text fixers (the ftfy model). Each returns its input unchanged when
there is nothing to repair, so "did it change?" is the log entry.

Order matters and is fixed in ``FIXERS`` (documented there); DESIGN.md §4 gives what may
change stored text. The bidi repairs live in :mod:`archiver.text.bidi_repair`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

from .bidi_repair import (
    drop_unpaired_controls,
    drop_unpaired_lro,
    drop_unpaired_rlo,
    fix_presentation_forms,
    fix_visual_order,
)

Fixer = Callable[[str], str]

_C1 = re.compile("[\u0080-\u009f]")
# C0 controls but tab, LF, VT, FF, CR (whitespace, collapsed by the normalizer) and DEL: never
# text a reader sees (a browser draws nothing), and ESC/BEL act on a terminal that prints them.
C0 = re.compile("[\x00-\x08\x0e-\x1f\x7f]")
_STRAY_BOM = re.compile("\ufeff")
# Mojibake signatures: UTF-8 Arabic read as windows-1256 shows as ط/ظ followed by a cp1256
# byte that decodes to a letter or symbol; UTF-8 read as cp1252/latin-1 shows as a lead byte
# (Â–ô: Ã, Ø, Ù, â …) + a symbol; that only selects candidates, ftfy decides.
_CP1256_MOJIBAKE = re.compile(
    "[طظ][\u0080-\u00ff\u2000-\u206f\u0600-\u06ff\u067e\u0686\u0698\u06af\u06a9\u0691\u06ba\u06be\u06c1\u06d2\u0152\u0153\u0178\u0192\u02c6\u2122]"
)
_LATIN_MOJIBAKE = re.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013-\u2044\u20ac\u2122]"
)


def fix_c1_controls(text: str) -> str:
    """C1 controls are windows-1252 bytes decoded as latin-1: map them back to what they meant."""
    if not _C1.search(text):
        return text

    def one(m: re.Match[str]) -> str:
        try:
            return bytes([ord(m.group())]).decode("cp1252")
        except UnicodeDecodeError:
            return ""

    return _C1.sub(one, text)


def drop_c0_controls(text: str) -> str:
    return C0.sub("", text) if C0.search(text) else text


def fix_stray_bom(text: str) -> str:
    return _STRAY_BOM.sub("", text) if "\ufeff" in text else text


def _redecode(text: str, codec: str) -> str | None:
    try:
        return text.encode(codec).decode("utf-8")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return None


def fix_mojibake_cp1256(text: str) -> str:
    """UTF-8 Arabic that was decoded as windows-1256 (``ط§ظ„``): re-encode and decode as UTF-8.

    Guarded: only when the signature is dense and the result decodes cleanly with fewer
    ط/ظ pairs, so genuine Arabic (where ط and ظ are ordinary letters) is never touched.
    """
    if text.count("ط") + text.count("ظ") < 2:  # every hit starts with one: fewer than 2 hits
        return text
    hits = len(_CP1256_MOJIBAKE.findall(text))
    if hits < 2 or hits * 4 < text.count("ط") + text.count("ظ"):
        return text
    fixed = _redecode(text, "cp1256")
    return fixed if fixed is not None and len(fixed) < len(text) else text


def _sloppy_table(codec: str) -> tuple[str, dict[str, int]]:
    """A single-byte codec where undefined bytes pass through as U+0080–U+00FF (ftfy's "sloppy")."""
    chars = []
    for byte in range(256):
        try:
            chars.append(bytes([byte]).decode(codec))
        except UnicodeDecodeError:
            chars.append(chr(byte))
    return "".join(chars), {ch: byte for byte, ch in enumerate(chars)}


_ISO_8859_6_DECODE, _ISO_8859_6_ENCODE = _sloppy_table("iso8859_6")
# UTF-8 Arabic (lead byte D8/D9) read as ISO-8859-6: ظ or ع then a C1 control or a Latin-1 symbol.
_ISO_8859_6_MOJIBAKE = re.compile("[ظع][\u0080-\u00bf\u060c\u061b\u061f]")


def fix_mojibake_iso8859_6(text: str) -> str:
    """UTF-8 Arabic that was decoded as ISO-8859-6 (undefined bytes passed through).

    Guarded like the windows-1256 repair: the signature must be dense, and the whole string
    must re-encode and decode as UTF-8 to something shorter.
    """
    if text.count("ظ") + text.count("ع") < 2:  # every hit starts with one: fewer than 2 hits
        return text
    hits = len(_ISO_8859_6_MOJIBAKE.findall(text))
    if hits < 2 or hits * 4 < text.count("ظ") + text.count("ع"):
        return text
    try:
        raw = bytes(_ISO_8859_6_ENCODE[ch] if ord(ch) > 0x7F else ord(ch) for ch in text)
        fixed = raw.decode("utf-8")
    except (KeyError, UnicodeDecodeError):
        return text
    return fixed if len(fixed) < len(text) else text


def fix_mojibake_latin(text: str) -> str:
    """UTF-8 read as windows-1252/latin-1, through ftfy with the archive-safe configuration."""
    if not _LATIN_MOJIBAKE.search(text):
        return text
    import ftfy

    config = ftfy.TextFixerConfig(
        uncurl_quotes=False,
        fix_latin_ligatures=False,
        fix_character_width=False,
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_line_breaks=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return ftfy.fix_text(text, config)


def fix_nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text) if not unicodedata.is_normalized("NFC", text) else text


# The fixers that change nothing in a text without one of these characters (each guard tests
# for its own: a BOM, a C0 or C1 control, an explicit bidi control, a presentation form).
_RARE = re.compile(
    "[\x00-\x08\x0e-\x1f\x7f\ufeff\u0080-\u009f\u202a-\u202e\u2066-\u2069\ufb50-\ufdef\ufe70-\ufefc]"
)
RARE_FIXERS = frozenset(
    {
        "stray-bom",
        "c1-controls",
        "c0-controls",
        "bidi-override:RLO",
        "bidi-override:LRO",
        "bidi-controls",
        "presentation-forms",
    }
)


def idle_fixers(text: str) -> frozenset[str]:
    """Names of fixers that would return ``text`` unchanged, by one scan instead of six guards."""
    return frozenset() if _RARE.search(text) else RARE_FIXERS


FIXERS: tuple[tuple[str, Fixer], ...] = (
    ("stray-bom", fix_stray_bom),
    ("mojibake:cp1256", fix_mojibake_cp1256),
    ("mojibake:iso-8859-6", fix_mojibake_iso8859_6),
    ("mojibake:latin", fix_mojibake_latin),
    ("c1-controls", fix_c1_controls),
    ("c0-controls", drop_c0_controls),
    ("bidi-override:RLO", drop_unpaired_rlo),
    ("bidi-override:LRO", drop_unpaired_lro),
    ("bidi-controls", drop_unpaired_controls),
    ("visual-order", fix_visual_order),
    ("presentation-forms", fix_presentation_forms),
    ("nfc", fix_nfc),
)
"""The fixers in the order they run; the name is what a block's ``repairs`` records.

Why this order: byte-level damage first (a BOM, then mojibake, whose repair needs the C1
characters the C1 fixer would otherwise map away); then bidi controls, so that a stray override
does not disturb the order repair; then visual order, repaired while the presentation forms
still show each letter's position in its word; then presentation forms to base letters; NFC last
(it is not logged as a repair).
"""
