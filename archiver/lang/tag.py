"""Block-level language tags: script pass first, a detector only where script does not settle it,
page priors for short text (DESIGN.md §5)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import LangSource
from .detect import CANDIDATES, Detector
from .gate import may_differ
from .nonling import blank
from .script import direction_of, dominant_script

# Letters only Persian/Urdu use, and cues only Arabic uses: enough to label short text.
_PERSIAN = re.compile("[پچژگکی]")
_URDU = re.compile("[ٹڈڑںےۓہھ]")
_ARABIC = re.compile(r"[ةىؤإ]|(?:^|\s)ال")
# The weakest prior: what a script means when nothing else tells (documented in the README).
SCRIPT_DEFAULTS = {"Hebr": "he"}
HTML_LANG_SCRIPT = {"ar": "Arab", "fa": "Arab", "ur": "Arab", "ps": "Arab", "he": "Hebr"}
# For short runs of one script inside a block of another: Latin words on Arabic-script pages
# (brand names, acronyms, quoted titles) are English far more often than not. Used only for
# inline runs, only when the page shows no language of its own for that script.
EMBEDDED_DEFAULTS = {"Latn": "en"}


@dataclass(frozen=True, slots=True)
class Tag:
    lang: str
    dir: str
    script: str
    source: LangSource
    confidence: float


@dataclass(frozen=True, slots=True)
class Priors:
    """Per-script language the page has already shown on long text, plus the page's html lang.

    ``pooled`` names the scripts of ``by_script`` that a pooled detection over the chrome gave
    (not the article's long blocks): their source is ``pooled``, the others' ``page-prior``."""

    by_script: dict[str, str] = field(default_factory=dict)
    html_lang: str | None = None
    defaults: dict[str, str] = field(default_factory=dict)
    pooled: frozenset[str] = frozenset()

    def for_script(self, script: str) -> tuple[str, LangSource] | None:
        """(language, lang_source) from the page's evidence, its html lang, then the defaults."""
        if script in self.by_script:
            return self.by_script[script], "pooled" if script in self.pooled else "page-prior"
        if self.html_lang and HTML_LANG_SCRIPT.get(self.html_lang, "Latn") == script:
            return self.html_lang, "html"
        if script in self.defaults:
            return self.defaults[script], "default"
        return None

    def embedded(self) -> Priors:
        """The priors for inline runs: the same evidence plus :data:`EMBEDDED_DEFAULTS`."""
        return Priors(self.by_script, self.html_lang, EMBEDDED_DEFAULTS, self.pooled)


# Below these many letters (and with no page prior for its script), text is too short for a
# detector: Latin text is ``und-Latn`` (langdetect gives product names and a few words 1.0 for
# the wrong language), Arabic-script text goes by its letters (:func:`_short_arabic`).
TELL_LETTERS = 25
# Confidence of the letter rule on short Arabic-script text with no page prior, per outcome:
# the share right on the UDHR word pairs of bench/lang_bench.py --udhr (bench/RESULTS.md).
SHORT_ARABIC_CONFIDENCE = {"ur": 0.9, "fa": 0.9, "ar": 0.8}


def _short_arabic(text: str) -> tuple[str, float]:
    """Short Arabic-script text: Urdu or Persian when letters only they use say so, else Arabic
    (the language of the Arabic-script text of the pages this tool is for)."""
    if _URDU.search(text):
        return "ur", SHORT_ARABIC_CONFIDENCE["ur"]
    if _PERSIAN.search(text):
        return "fa", SHORT_ARABIC_CONFIDENCE["fa"]
    return "ar", SHORT_ARABIC_CONFIDENCE["ar"]


# A block that is a web address or an e-mail address and nothing else: no language (DESIGN.md §5:
# "zxx" for non-linguistic text such as URLs), left to right whatever the page's direction.
_ADDRESS = re.compile(r"\s*(?:(?:https?|ftp)://\S+|www\.\S+\.\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)\s*", re.ASCII)


def tag_text(
    text: str,
    detector: Detector,
    priors: Priors,
    context_dir: str = "auto",
    min_letters: int = 12,
    prior_below: int = 0,
    blank_stable: bool = False,
) -> Tag:
    """Tag one block of text. ``context_dir`` is inherited by text without letters (``zxx``).

    Letters of non-linguistic spans (:mod:`.nonling`: URLs, e-mail, hashtags, handles, code) are
    not counted: text made only of such spans is ``zxx``, left to right. Text with fewer than
    ``min_letters`` letters never reaches the detector; text with fewer than ``prior_below``
    letters takes the page's prior for its script when there is one and the gate
    (:mod:`archiver.lang.gate`) finds nothing against it (detectors are unreliable on a few
    words; the page's long blocks are not). With no prior, such short text is too short to
    tell for Latin script (``und-Latn``) and Arabic unless its letters say Persian or Urdu.
    ``blank_stable``: the caller knows that ``blank(text)`` is ``text`` (it was blanked and had no
    span), so it is not scanned again.
    """
    if _ADDRESS.fullmatch(text):
        return Tag("zxx", "ltr", dominant_script(text)[0], "script", 1.0)
    plain = text if blank_stable else blank(text)
    script, letters = dominant_script(plain)
    if letters == 0:
        return Tag("zxx", "ltr" if dominant_script(text)[1] else context_dir, "Zyyy", "script", 1.0)
    text = plain
    direction = direction_of(script) or context_dir
    prior = priors.for_script(script)
    if (
        prior
        and letters < prior_below
        and (letters < min_letters or not may_differ(text, script, prior[0], letters))
    ):
        return Tag(prior[0], direction, script, prior[1], 0.5)
    short = letters < max(TELL_LETTERS, min_letters) and not prior
    if script == "Arab" and short:
        guess = _short_arabic(text)
        return Tag(guess[0], direction, script, "script", guess[1])
    if letters >= min_letters and script in CANDIDATES and not (short and script == "Latn"):
        found = detector.detect(text, script)
        if found:
            return Tag(found[0], direction, script, "detector", found[1])
    if prior:
        return Tag(prior[0], direction, script, prior[1], 0.5)
    if script == "Arab":
        guess = _short_arabic(text)
        return Tag(guess[0], direction, script, "script", guess[1])
    if script in SCRIPT_DEFAULTS:
        return Tag(SCRIPT_DEFAULTS[script], direction, script, "script", 0.5)
    return Tag(f"und-{script}" if script != "Zzzz" else "und", direction, script, "script", 0.0)


def page_priors(tags: list[tuple[Tag, int]], html_lang: str | None) -> Priors:
    """Dominant language per script, weighted by letters, over the long blocks' tags (detected
    on their own or settled by the page's pooled detection)."""
    weights: dict[str, dict[str, int]] = {}
    for tag, letters in tags:
        if tag.source in ("detector", "pooled"):
            per = weights.setdefault(tag.script, {})
            per[tag.lang] = per.get(tag.lang, 0) + letters
    by_script = {s: max(sorted(w), key=w.__getitem__) for s, w in weights.items()}
    return Priors(by_script=by_script, html_lang=html_lang)
