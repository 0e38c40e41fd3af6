"""A cheap check of whether a block may be in another language than its page's for its script.

The page's language per script comes from one detector call on its pooled long blocks. Each
block then passes this gate: when nothing in it contradicts the page language, the page
language stands (the script pass settles it); when something does, the detector sees the block
on its own. The gate only decides who gets a detector call; it never labels a block itself.

Evidence: for Latin script, hits of very common function words of the main candidate languages;
for Arabic script, letters that only Persian/Urdu (or only Urdu) use.
"""

from __future__ import annotations

import re

_FUNCTION_WORDS = {
    "en": "the and of to in is that for it with as was on are be by this have from at not but were has",
    "fr": "le la les des et est une un du que dans pour qui pas sur au avec sont ce il elle aux ont",
    "de": "der die und das ist nicht ein eine zu den mit von sich des auf für im dem auch es wird",
    "es": "el la los las de que y en un una por con para es del se su al lo como más",
    "it": "il di che la le un una per non del della sono con gli nel alla si è anche",
    "pt": "o a os as de que e do da em um uma para com não no na por se é dos",
    "nl": "de het een en van is dat op te in niet met zijn voor die er ook",
    "pl": "i w na z do się nie jest że to o od jak po za co ale przez oraz",
    "sv": "och i att det som en på är av för med till den har de inte om ett",
    "tr": "ve bir bu da de için ile olarak çok daha gibi ne var olan",
    "no": "og i er det som en på av for med til den har de ikke om et å",
    "da": "og i er det som en på af for med til den har de ikke om et at",
    "hu": "a az és hogy nem is egy de van meg ez csak mint már",
}
_WORDS = {lang: frozenset(words.split()) for lang, words in _FUNCTION_WORDS.items()}
_TOKEN = re.compile(r"[^\W\d_]+")
_PERSO_URDU = re.compile("[پچژگکی]")
_URDU = re.compile("[ٹڈڑںےۓہھ]")


_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + (_lang,)


def _latin_hits(words: list[str]) -> dict[str, int]:
    hits = dict.fromkeys(_WORDS, 0)
    for word in filter(_LANGS_OF.__contains__, words):  # C-level skip of the other words
        for lang in _LANGS_OF[word]:
            hits[lang] += 1
    return hits


# Where every letter is ASCII, the tokens are the runs of a-z: non-ASCII characters become "?"
# (ASCII encoding), then every non-letter a space (str.translate's ASCII table path), then split().
_ASCII_SPACES = "".join(chr(c) if chr(c).isalpha() else " " for c in range(128))
_WIDE_LETTER = re.compile(r"[^\W\d_\x00-\x7f]")


def _tokens(folded: str) -> list[str]:
    """``_TOKEN.findall(folded)``, faster where the text has no letters beyond ASCII."""
    if folded.isascii() or not _WIDE_LETTER.search(folded):
        return folded.encode("ascii", "replace").decode("ascii").translate(_ASCII_SPACES).split()
    return _TOKEN.findall(folded)


def _latin_differs(text: str, page_lang: str) -> bool:
    tokens = _tokens(text.casefold())
    hits = _latin_hits(tokens)
    words = len(tokens)
    listed = page_lang in hits
    own = hits.pop(page_lang, 0)  # what is left are the other languages' hits
    other = max(hits.values(), default=0)
    if listed and own == 0 and words >= 10:
        return True
    return (other >= 3 and other > 2 * own) or (other >= 2 and own == 0)


def _arabic_differs(text: str, page_lang: str, letters: int) -> bool:
    urdu = len(_URDU.findall(text))
    perso = len(_PERSO_URDU.findall(text))
    if page_lang == "ar":
        return urdu + perso >= 2
    if page_lang == "fa":
        return urdu >= 2 or (perso == 0 and letters >= 20)
    if page_lang == "ur":
        return urdu == 0 and letters >= 20
    return True


def may_differ(text: str, script: str, page_lang: str, letters: int) -> bool:
    """True when ``text`` shows signs of a language other than ``page_lang`` (or we cannot tell)."""
    if script == "Latn":
        return _latin_differs(text, page_lang)
    if script == "Arab":
        return _arabic_differs(text, page_lang, letters)
    return True
