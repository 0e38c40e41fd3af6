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

from .._speedups import gate as _gate_twin
from .._speedups import pick

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
_gate = pick("gate")  # tokens and function-word hits: compiled, or the pure twin (archiver/_speedups)
_TOKEN = _gate_twin.TOKEN  # a token: a run of letters (both twins read text this way)
_PERSO_URDU = re.compile("[پچژگکی]")
_URDU = re.compile("[ٹڈڑںےۓہھ]")


_LANGS_OF: dict[str, tuple[str, ...]] = {}
for _lang, _words in _WORDS.items():
    for _w in _words:
        _LANGS_OF[_w] = _LANGS_OF.get(_w, ()) + (_lang,)


_LONGEST = max(map(len, _LANGS_OF))


def _latin_hits(found: list[str]) -> dict[str, int]:
    """Hits per language of the function words ``found`` (each a key of ``_LANGS_OF``)."""
    hits = dict.fromkeys(_WORDS, 0)
    for word in found:
        for lang in _LANGS_OF[word]:
            hits[lang] += 1
    return hits


def _latin_differs(text: str, page_lang: str) -> bool:
    words, found = _gate.words(text.casefold(), _LANGS_OF, _LONGEST)
    hits = _latin_hits(found)
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
