"""Bidi repairs (DESIGN.md §4): unpaired embedding/override/isolate controls, text stored in
visual order, and text stored as reshaped presentation forms.

Visual order is repaired first, with the block's base direction (from its dominant strong
script), and only where the text itself shows it was stored reversed: presentation forms in
the wrong positional shape (a word that starts with a final form), or letters that cannot
start or end an Arabic-script word where they stand (ة at a word's start, ال at its end).
A candidate is accepted only when the bidi algorithm displays it back to the input exactly,
so digits and Latin (not reversed in visual storage) and mirrored brackets come out right.
Presentation forms are then mapped to base letters with NFKC on those ranges only
(word ligatures such as ``ﷺ`` U+FDF0–FDFF are the author's characters and are kept).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# --- unpaired explicit controls -------------------------------------------------------------
_EMBED_OPEN = frozenset("\u202a\u202b\u202d\u202e")  # LRE RLE LRO RLO
_ISOLATE_OPEN = frozenset("\u2066\u2067\u2068")  # LRI RLI FSI
_PDF, _PDI = "\u202c", "\u2069"
_EXPLICIT = re.compile("[\u202a-\u202e\u2066-\u2069]")
RLO, LRO = "\u202e", "\u202d"


def unpaired_controls(text: str) -> set[int]:
    """Indexes of embedding/override/isolate controls that have no partner (UAX #9 BD9, per line)."""
    bad: set[int] = set()
    stack: list[tuple[int, bool]] = []  # (index, is_isolate)

    def close_line() -> None:
        bad.update(i for i, _ in stack)
        stack.clear()

    for i, ch in enumerate(text):
        if ch in _EMBED_OPEN or ch in _ISOLATE_OPEN:
            stack.append((i, ch in _ISOLATE_OPEN))
        elif ch == _PDF:
            if stack and not stack[-1][1]:
                stack.pop()
            else:
                bad.add(i)
        elif ch == _PDI:
            if any(iso for _, iso in stack):
                while stack:  # a PDI closes the embeddings opened inside its isolate
                    j, iso = stack.pop()
                    if iso:
                        break
                    bad.add(j)
            else:
                bad.add(i)
        elif ch in "\n\u2029":
            close_line()
    close_line()
    return bad


def _drop_unpaired(text: str, kinds: frozenset[str]) -> str:
    if not _EXPLICIT.search(text):
        return text
    bad = unpaired_controls(text)
    return "".join(ch for i, ch in enumerate(text) if not (i in bad and ch in kinds))


def drop_unpaired_rlo(text: str) -> str:
    """Drop an unpaired RIGHT-TO-LEFT OVERRIDE (it reverses everything after it on display)."""
    return _drop_unpaired(text, frozenset(RLO))


def drop_unpaired_lro(text: str) -> str:
    """Drop an unpaired LEFT-TO-RIGHT OVERRIDE."""
    return _drop_unpaired(text, frozenset(LRO))


def drop_unpaired_controls(text: str) -> str:
    """Drop the other unpaired embedding and isolate controls and stray PDF/PDI."""
    return _drop_unpaired(text, frozenset("\u202a\u202b\u202c\u2066\u2067\u2068\u2069"))


# --- presentation forms ---------------------------------------------------------------------
_PRESENTATION = re.compile("[\ufb50-\ufdef\ufe70-\ufefc]+")
# Word ligatures (ﷲ, ﷴ ...) come out of shaping engines too; the phrase ligatures ﷺ ﷻ ﷽ and the
# rial sign are characters authors choose and are always kept.
_WORD_LIGATURES = re.compile("[\ufdf0-\ufdf9]")
_SHAPED = re.compile("[\ufb50-\ufdef\ufe70-\ufefc]")


def fix_presentation_forms(text: str) -> str:
    """NFKC on Arabic presentation forms only (U+FB50–FDEF, U+FE70–FEFC); all else untouched.

    In text that is mostly presentation forms (reshaped for display) the word ligatures
    U+FDF0–FDF9 are mapped as well; ``ﷺ`` ``ﷻ`` ``﷽`` are kept everywhere.
    """
    if not _PRESENTATION.search(text):
        return text
    shaped = len(_SHAPED.findall(text))
    if _WORD_LIGATURES.search(text) and shaped * 2 > len(_ARABIC.findall(text)):
        text = _WORD_LIGATURES.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)
    text = _LAM_ALEF_MARKS.sub(_lam_marks_alef, text)
    return _PRESENTATION.sub(lambda m: unicodedata.normalize("NFKC", m.group()), text)


# A shaper that forms the lam-alef ligature moves the lam's vowel marks after it (لَا → ﻻَ);
# a fatha, damma, kasra, sukun or shadda never sits on a bare alef, so they go back on the lam.
# Fathatan is left where it is: on the alef is a common spelling (أصلاً).
_LAM_ALEF_MARKS = re.compile("([\ufef5-\ufefc])([\u064c-\u0652]+)")


def _lam_marks_alef(m: re.Match[str]) -> str:
    lam, alef = unicodedata.normalize("NFKC", m.group(1))
    return lam + m.group(2) + alef


# --- visual order ---------------------------------------------------------------------------
_ARABIC_LETTER = "\u0620-\u064a\u066e-\u06d3\u06d5\u06fa-\u06ff\ufb50-\ufdef\ufe70-\ufefc"
_WORD = re.compile(f"[{_ARABIC_LETTER}\u064b-\u065f\u0670\u0640]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_ARABIC = re.compile(f"[{_ARABIC_LETTER}]")


def _form(ch: str) -> str | None:
    decomposition = unicodedata.decomposition(ch)
    return decomposition[1 : decomposition.index(">")] if decomposition.startswith("<") else None


def _shape_votes(word: str) -> tuple[int, int]:
    """(logical, visual) votes from the positional shapes at a word's two ends."""
    first, last = _form(word[0]), _form(word[-1])
    logical = (first == "initial") + (last == "final")
    visual = (first == "final") + (last == "initial")
    return logical, visual


_PERSO_URDU = re.compile("[پچژگکیٹڈڑںےۓہھ]")


def _letter_votes(word: str, arabic_only: bool) -> tuple[int, int]:
    """(logical, visual) votes from letters that only stand at one end of an Arabic word.

    ``ال`` starts words and ة/ى end them; stored reversed, ة/ى start words and ``لا`` ends them.
    In Persian and Urdu text ``لا`` often ends a word (بالا، طلا), so that vote counts only when
    ``arabic_only``.
    """
    word = word.replace("\u0640", "")
    if len(word) < 3:
        return 0, 0
    logical = (word[:2] == "ال") + (word[-1] in "ةى")
    visual = (word[0] in "ةى") + (arabic_only and word[-2:] == "لا")
    return logical, visual


# Fast pre-check: reversed text shows presentation forms or a word that starts with ة / ى.
_VISUAL_HINT = re.compile("[\ufb50-\ufdef\ufe70-\ufefc]|(?<![\u0620-\u06ff])[ةى]")


def looks_visual(text: str) -> bool:
    """True when the Arabic words of ``text`` read as if stored reversed for display."""
    if not _VISUAL_HINT.search(text):
        return False
    logical = visual = 0
    arabic_only = not _PERSO_URDU.search(unicodedata.normalize("NFKC", text))
    for m in _WORD.finditer(text):
        word = m.group()
        shape = _shape_votes(word)
        letters = _letter_votes(unicodedata.normalize("NFKC", word), arabic_only)
        logical += shape[0] + letters[0]
        visual += shape[1] + letters[1]
    return visual >= 2 and visual > 3 * logical


def base_direction(text: str) -> str:
    """The block's base direction from its strong letters: ``"R"`` when Arabic-script letters lead."""
    return "R" if len(_ARABIC.findall(text)) > len(_LATIN.findall(text)) else "L"


# python-bidi >= 0.5 is a binding of the Rust crate unicode-bidi (UAX #9 with isolates and
# bracket pairs, rule N0). Its API is ``get_display`` only, and ``get_display`` stops at rule L2:
# it does not mirror (L4) and returns no levels. The repair needs the resolved levels (to build
# candidate logical orders and undo L2 exactly), so they are read from what ``get_display`` gives
# with ``debug=True``: the crate's ``BidiInfo`` with one level per UTF-8 byte. Should that text
# ever not parse, the reference algorithm python-bidi still ships (``bidi.algorithm``, no
# isolates, no N0) is used instead. Mirroring (L4) is done here, with python-bidi's table.
_LEVELS = re.compile(r"\n    levels: \[\n(.*?)\n    \],", re.DOTALL)
_LEVEL = re.compile(r"Level\(\s*(\d+)")
_X9_REMOVED = frozenset({"LRE", "RLE", "LRO", "RLO", "PDF", "BN"})


@lru_cache(maxsize=1)
def _mirrored() -> dict[str, str]:
    from bidi.mirror import MIRRORED

    return MIRRORED


def _rust_levels(text: str, base: str) -> list[int] | None:
    """One resolved level per character of ``text`` from ``bidi.get_display`` (see above)."""
    from bidi import get_display

    m = _LEVELS.search(get_display(text, base_dir=base, debug=True))
    if m is None:
        return None
    per_byte = [int(x) for x in _LEVEL.findall(m.group(1))]
    if len(per_byte) != len(text.encode("utf-8")):
        return None
    out, at = [], 0
    for ch in text:
        out.append(per_byte[at])
        at += len(ch.encode("utf-8"))
    return out


def _reference_levels(text: str, base: str) -> list[int]:
    """The same from python-bidi's reference steps (the fallback)."""
    from bidi import algorithm as alg

    kept = [i for i, ch in enumerate(text) if unicodedata.bidirectional(ch) not in alg.X9_REMOVED]
    storage = alg.get_empty_storage()
    storage["base_level"] = alg.PARAGRAPH_LEVELS[base]
    storage["base_dir"] = base
    alg.get_embedding_levels("".join(text[i] for i in kept), storage, False, False)
    alg.explicit_embed_and_overrides(storage, False)
    alg.resolve_weak_types(storage, False)
    alg.resolve_neutral_types(storage, False)
    alg.resolve_implicit_levels(storage, False)
    levels = [alg.PARAGRAPH_LEVELS[base]] * len(text)
    for i, c in zip(kept, storage["chars"]):
        levels[i] = c["level"]
    return levels


def _levels(text: str, base: str) -> list[int]:
    """Resolved embedding levels of ``text`` read as logical (UAX #9 up to rule L1).

    Characters the algorithm removes (rule X9: BN such as ZWNJ, explicit controls) take the level
    of the character before them, so the list aligns with ``text`` and they travel with it.
    """
    levels = _rust_levels(text, base) or _reference_levels(text, base)
    for i in range(1, len(text)):
        if unicodedata.bidirectional(text[i]) in _X9_REMOVED:
            levels[i] = levels[i - 1]
    return levels


def display(text: str, base: str, mirror: bool = True) -> str:
    """Visual order of one line by UAX #9 rule L2 (and L4 mirroring when ``mirror``)."""
    return _reorder(text, _levels(text, base), inverse=False, mirror=mirror)


def _reorder(text: str, levels: list[int], inverse: bool, mirror: bool) -> str:
    """Rule L2: from the highest level down to the lowest odd one, reverse every run at that
    level or higher. Each step is its own inverse, so undoing runs the same steps upwards
    (``levels`` then describe the characters where they stand in ``text``)."""
    chars, lv = list(text), list(levels)
    if not lv:
        return text
    odd = [x for x in lv if x % 2] or [max(lv) + 1]
    steps = list(range(max(lv), min(odd) - 1, -1))
    for level in reversed(steps) if inverse else steps:
        i = 0
        while i < len(chars):
            if lv[i] < level:
                i += 1
                continue
            j = i
            while j < len(chars) and lv[j] >= level:
                j += 1
            chars[i:j], lv[i:j] = chars[i:j][::-1], lv[i:j][::-1]
            i = j
    if mirror:
        table = _mirrored()
        chars = [table.get(ch, ch) if x % 2 else ch for ch, x in zip(chars, lv)]
    return "".join(chars)


def unvisual_line(line: str, base: str) -> str | None:
    """The logical order of one visual-order line, or None when no candidate displays back to it.

    Candidate run structures come from the levels of the line as stored and of the line read
    backwards; each is accepted only if displaying it gives back ``line`` exactly.
    """
    structures = (_levels(line, base), _levels(line[::-1], base)[::-1])
    found: list[str] = []
    for mirror in (True, False):
        for levels in structures:
            candidate = _reorder(line, levels, inverse=True, mirror=mirror)
            if display(candidate, base, mirror) == line and candidate not in found:
                found.append(candidate)
    # Stored glyphs may or may not have been mirrored: prefer brackets that open before they close.
    return min(found, key=_bracket_errors) if found else None


_OPEN, _CLOSE = "([{«‹", ")]}»›"


def _bracket_errors(text: str) -> int:
    depth = errors = 0
    for ch in text:
        if ch in _OPEN:
            depth += 1
        elif ch in _CLOSE:
            if depth:
                depth -= 1
            else:
                errors += 1
    return errors + depth


def fix_visual_order(text: str) -> str:
    """Reverse text stored in visual order back to logical order, line by line (guarded)."""
    if not _ARABIC.search(text) or not looks_visual(text):
        return text
    base = base_direction(text)
    fixed = [_unvisual(line, base) if _ARABIC.search(line) else line for line in text.split("\n")]
    if any(f is None for f in fixed):
        return text
    return "\n".join(f for f in fixed if f is not None)


def _unvisual(line: str, guess: str) -> str | None:
    """Repair with the base direction whose logical text starts with a character of that
    direction (what a renderer's first-strong rule would pick); else with the guessed base."""
    tried = {}
    for base in (guess, "L" if guess == "R" else "R"):
        candidate = unvisual_line(line, base)
        tried[base] = candidate
        if candidate is not None and _first_strong(candidate) == base:
            return candidate
    return tried[guess]


def _first_strong(text: str) -> str | None:
    for ch in text:
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "L"
        if kind in ("R", "AL"):
            return "R"
    return None
