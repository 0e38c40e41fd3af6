"""The faster forms of the language and normalize stages (issue 5) give exactly what the plain
forms give: langdetect itself, the four script scans, the token regex, every fixer run, the
dict-table fold. Each plain form is written out here (or is the library's own code)."""

from __future__ import annotations

import random
import re
import unicodedata

import pytest
from test_text_cases import CASES, DAMAGES

from archiver._speedups import gate as gate_twin
from archiver._speedups.ngram import draws as _draws
from archiver.lang import gate
from archiver.lang.detect import CANDIDATES, MAX_TEXT, TRIALS, LangdetectDetector
from archiver.lang.script import _COUNTERS, script_counts
from archiver.text.fixers import FIXERS
from archiver.text.normalize import _SPACE, _collapse_spaces, fix_text
from archiver.text.searchkey import search_key

# Labelled texts: (text, what it exercises). Scripts and languages of both factories, and the
# corners of langdetect's text preparation and n-gram buffer.
TEXTS = [
    ("The committee approved the budget for next year after a long debate.", "English prose"),
    ("Le gouvernement a annoncé de nouvelles mesures économiques hier soir.", "French, accents"),
    ("Die Regierung hat gestern neue Maßnahmen für die Wirtschaft beschlossen.", "German, ß and umlaut"),
    ("Quá trình phát triển kinh tế của Việt Nam đã đạt được nhiều thành tựu.", "Vietnamese, U+1Exx"),
    ("Vie\u0301t Nam và nhu\u031bng thay đô\u0309i", "Vietnamese with combining marks (normalize_vi)"),
    ("NASA and the USA signed the NATO deal with IBM", "runs of capitals (no n-grams read)"),
    ("see https://example.com/a?b=c and write to someone@example.org today", "URL and e-mail removed"),
    ("a  b   c    spaced     words and   the end  ", "space runs collapsed by append()"),
    ("x" * 30 + " the end of the text " * 40, "longer than MAX_TEXT"),
    ("[brackets] ^carets^ _under_ `ticks` between Z and a", "the six symbols langdetect counts as Latin"),
    ("قررت المحكمة تأجيل النظر في القضية إلى الشهر المقبل بسبب غياب الشهود.", "Arabic"),
    ("دانشجویان دانشگاه تهران برای اعتراض به افزایش شهریه تجمع کردند.", "Persian, ی normalized"),
    ("کراچی میں شدید بارش کے باعث کئی سڑکیں پانی میں ڈوب گئیں۔", "Urdu"),
    ("قال الرئيس إن شركة Apple ستفتتح مكتباً في الرياض", "Arabic with a Latin word (cleaning drops it)"),
    ("«التعليقات» — الأكثر قراءة … ١٢٣ ٤٥٦", "Arabic punctuation and digits"),
    ("(0)", "no features"),
    ("1234 5678 !!!", "no letters"),
    ("日本語のテキストと한국어 text", "CJK, kana, hangul normalization"),
    ("ﻣﺮﺣﺒﺎ ﺑﻜﻢ ﻓﻲ ﺍﻟﻤﻮﻗﻊ", "presentation forms"),
    ("Ǆemal și Țara ţară «citat» °C", "Romanian comma/cedilla, Latin-1 excluded symbols"),
]

_ALPHABET = "aAbBzZ éÉßșțẠẾ\u0301\u0309ا ل م ی ک ه ة. ,(0)\n\u00a0«»°x@y.z http://a.b/"


def _random_texts(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 80))) for _ in range(n)]


def _langdetect_probs(script: str, text: str) -> list[float] | None:
    """langdetect's own averaged probabilities (``Detector.langprob``) with our settings."""
    from langdetect.lang_detect_exception import LangDetectException

    detector = LangdetectDetector._factory(script).create()
    detector.set_max_text_length(MAX_TEXT)
    detector.n_trial = TRIALS
    detector.append(text)
    try:
        detector._detect_block()
    except LangDetectException:
        return None
    return detector.langprob


@pytest.mark.parametrize("script", ["Latn", "Arab"])
def test_fast_langdetect_probabilities_are_langdetects_floats(script):
    fast = LangdetectDetector._fast(script)
    texts = [t for t, _ in TEXTS] + _random_texts(150, 23 if script == "Latn" else 29)
    for text in texts:
        assert fast.probabilities(text, MAX_TEXT, TRIALS) == _langdetect_probs(script, text), repr(text)


@pytest.mark.parametrize("text,what", TEXTS, ids=[w for _, w in TEXTS])
def test_fast_langdetect_answers_as_langdetect(text, what):
    detector = LangdetectDetector()
    for script in CANDIDATES:
        assert detector.detect(text, script) == detector.detect_slow(text, script), (what, script)


def _script_counts_reference(text: str) -> dict[str, int]:
    """The four scans over the whole text."""
    counts = {name: sum(map(len, pattern.findall(text))) for name, pattern in _COUNTERS}
    return {name: n for name, n in counts.items() if n}


def test_script_counts_is_the_four_scans():
    samples = [t for t, _ in TEXTS] + _random_texts(2000, 31)
    samples += ["\ud800 lone surrogate a", "\u05d0\u05d1 abc", "\ufdfa\u06fd\u06fe \u0370\u0410", "ªº ×÷"]
    for text in samples:
        assert script_counts(text) == _script_counts_reference(text), repr(text)


def test_gate_tokens_are_the_token_regex():
    samples = [t.casefold() for t, _ in TEXTS] + _random_texts(2000, 37)
    samples += ["don’t “quote” — it’s", "ﬁne ſ K", "a_b1c2 d\u00a0e", "naïve café", "x\u0301y"]
    for text in samples:
        assert gate_twin.tokens(text) == gate._TOKEN.findall(text), repr(text)


def _fix_text_reference(text: str) -> tuple[str, tuple[str, ...]]:
    """Every fixer on every text, in order."""
    repairs = []
    for name, fixer in FIXERS:
        fixed = fixer(text)
        if fixed != text:
            repairs += [name] if name != "nfc" else []
            text = fixed
    return text, tuple(repairs)


def test_fix_text_skipping_idle_fixers_is_every_fixer():
    damaged = [DAMAGES[c.damage](c.original) for c in CASES]
    damaged += [DAMAGES[d](c.original) for c in CASES[:6] for d in DAMAGES]
    samples = damaged + _random_texts(1500, 41) + ["\ufeff\u202e" + t for t in _random_texts(200, 43)]
    for text in samples:
        assert fix_text(text) == _fix_text_reference(text), repr(text)


def test_collapse_spaces_is_the_substitution():
    rnd = random.Random(47)
    alphabet = " \t\n\r\x0b\x0c\u2028\u2029\u00a0\u3000ab"
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 12)))
        assert _collapse_spaces(text) == _SPACE.sub(" ", text), repr(text)


_MARKS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u08d3-\u08ff\u0640]")
_CONTROLS = re.compile("[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]")
_FOLD = {
    "أ": "ا",
    "إ": "ا",
    "آ": "ا",
    "ٱ": "ا",
    "ٲ": "ا",
    "ٳ": "ا",
    "ٵ": "ا",
    "ى": "ي",
    "ئ": "ي",
    "ؤ": "و",
    "ة": "ه",
    "ۀ": "ه",
    "ۂ": "ه",
    "ی": "ي",
    "ې": "ي",
    "ک": "ك",
    "ڪ": "ك",
    "،": ",",
    "؛": ";",
    "؟": "?",
    "٪": "%",
    "٫": ".",
    "٬": ",",
    "۔": ".",
}
_FOLD |= {chr(0x0660 + i): str(i) for i in range(10)} | {chr(0x06F0 + i): str(i) for i in range(10)}
_NON_URDU = {"ہ": "ه", "ھ": "ه", "ە": "ه", "ے": "ي"}


def _search_key_reference(text: str, lang: str | None) -> str:
    """DESIGN.md §4's steps one at a time: NFKC, controls, case-fold, marks, letter folds, spaces."""
    text = unicodedata.normalize("NFKC", text)
    text = _MARKS.sub("", _CONTROLS.sub("", text).casefold())
    text = text.translate(str.maketrans(_FOLD if lang == "ur" else _FOLD | _NON_URDU))
    return " ".join(text.split())


def test_search_key_is_the_steps_one_at_a_time():
    rnd = random.Random(53)
    alphabet = "أإآىئؤةۀیکہھےۓ٠١۵،؛؟ٰـًٌٍَُِّْۖ\u08d3\u200c\u200f\u202bﻻﷺ\u00a0 AbÉßİ\U0001d400"
    samples = [t for t, _ in TEXTS] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 40))) for _ in range(2000)
    ]
    for text in samples:
        for lang in (None, "ar", "ur", "fa"):
            assert search_key(text, lang) == _search_key_reference(text, lang), (text, lang)


def test_has_other_script_is_one_search_over_the_whole_text():
    from archiver.lang.script import _LETTER, _NOT_OF, has_other_script

    samples = [t for t, _ in TEXTS] + _random_texts(2000, 59) + ["ab \u06fd cd", "naïve ﬁ", "x\u0301"]
    for text in samples:
        for script in ("Latn", "Arab", "Hebr", "Zzzz", "Zyyy"):
            expected = bool(_NOT_OF.get(script, _LETTER).search(text))
            assert has_other_script(text, script) == expected, (text, script)


def test_phrase_key_is_fold_then_words_without_numbers():
    from archiver.text.fold import fold, phrase_key

    def reference(text: str) -> str:
        return " ".join(w for w in re.sub(r"[^\w]+", " ", fold(text)).split() if not w.isdigit())

    rnd = random.Random(61)
    ascii_ = "aZ09_ .,-'\t\n\x1c\x7f|"
    samples = [t for t, _ in TEXTS] + ["Read more »", "التعليقات (0)", "Top 10 Stories", "½ ² ٣ x_1"]
    samples += ["".join(rnd.choice(ascii_) for _ in range(rnd.randint(0, 30))) for _ in range(2000)]
    samples += _random_texts(500, 67)
    for text in samples:
        assert phrase_key.__wrapped__(text) == reference(text), repr(text)


@pytest.mark.parametrize("size", [1, 2, 3, 7, 8, 9, 100, 1023, 1024, 1025])
def test_draws_are_random_choice(size):
    """``_draws`` picks what ``Random.choice`` picks and leaves the generator where it does."""
    vectors = [[float(i)] for i in range(size)]
    plain, fast = random.Random(size), random.Random(size)
    choice = _draws(fast, vectors)
    assert [choice() for _ in range(500)] == [plain.choice(vectors) for _ in range(500)]
    assert fast.getstate() == plain.getstate()
