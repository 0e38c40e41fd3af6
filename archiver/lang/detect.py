"""Language detectors behind one small interface, restricted to a script's candidates and cached.

langdetect is the default (seeded, so deterministic); lingua is an optional extra. Neither is
asked about text with fewer than ``min_letters`` letters: short text is labelled by priors.
"""

from __future__ import annotations

from functools import cache, lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .ldfast import FastDetector

# The default candidates per script, suited to Arabic/English news portals (README, "Languages"):
# Arabic script: Arabic, Persian, Urdu; Latin: the languages of the press these portals quote and
# of the pages they sit beside. Languages whose profiles made short Latin strings (product names,
# a URL's words) look like them at probability 1.0 (Somali, Swahili, Tagalog, Romanian, Albanian,
# Afrikaans, Vietnamese, Slovak, Slovenian, Croatian, Catalan) are left out unless asked for
# (``Config.lang_candidates``, ``--lang-candidates``); the page's declared language is added.
CANDIDATES: dict[str, tuple[str, ...]] = {
    "Arab": ("ar", "fa", "ur"),
    "Latn": ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "id", "pl", "sv", "da", "no", "fi", "cs", "hu"),
    "Hebr": ("he",),
}
# The script of each language a detector may be asked about (others are Latin-script languages).
LANG_SCRIPT = {
    "ar": "Arab",
    "fa": "Arab",
    "ur": "Arab",
    "ps": "Arab",
    "sd": "Arab",
    "ug": "Arab",
    "ckb": "Arab",
    "he": "Hebr",
    "yi": "Hebr",
}
Candidates = tuple[tuple[str, tuple[str, ...]], ...]  # ((script, languages), ...), hashable


def candidate_table(langs: tuple[str, ...] = (), declared: str | None = None) -> Candidates:
    """The languages a detector chooses among, per script: ``langs`` grouped by script when given,
    else :data:`CANDIDATES`; plus the page's ``declared`` language (its primary subtag) for its
    script. Only Arabic, Latin and Hebrew scripts have candidates (other scripts stay ``und-*``)."""
    table = {k: list(v) for k, v in CANDIDATES.items()} if not langs else {}
    extra = (declared.split("-")[0].lower(),) if declared else ()
    for lang in tuple(langs) + extra:
        script = LANG_SCRIPT.get(lang, "Latn")
        if lang and lang not in table.setdefault(script, []):
            table[script].append(lang)
    return tuple((script, tuple(v)) for script, v in sorted(table.items()) if v)


DEFAULT_TABLE = candidate_table()


class Detector(Protocol):
    name: str

    def detect(self, text: str, script: str) -> tuple[str, float] | None:
        """(language, probability) among the script's candidates, or None when unsure."""


# langdetect's cost grows with the text it reads and the trials it averages; a few hundred
# characters and three trials decide a block's language as well as the whole of it does
# (bench/lang_bench.py measures both accuracy and the share of pipeline time).
MAX_TEXT = 400
TRIALS = 3


@cache
def _profiled(langs: tuple[str, ...]) -> tuple[str, ...]:
    """The languages of ``langs`` langdetect has a profile for (looked up once per tuple: a
    file test per language on every detector call cost ~0.1 ms, a fifth of a detection)."""
    profiles = resources.files("langdetect").joinpath("profiles")
    return tuple(lang for lang in langs if profiles.joinpath(lang).is_file())


class LangdetectDetector:
    """langdetect with one seeded factory per script, loaded with that script's candidates' profiles."""

    name = "langdetect"

    def __init__(self, candidates: Candidates = DEFAULT_TABLE) -> None:
        self.candidates = dict(candidates)

    def langs(self, script: str) -> tuple[str, ...]:
        return _profiled(self.candidates.get(script, ()))

    @staticmethod
    @cache
    def _factory(script: str, langs: tuple[str, ...] | None = None):  # type: ignore[no-untyped-def]
        from langdetect.detector_factory import DetectorFactory

        langs = _profiled(CANDIDATES.get(script, ()) if langs is None else langs)
        if len(langs) < 2:
            return None
        profiles = resources.files("langdetect").joinpath("profiles")
        factory = DetectorFactory()
        factory.load_json_profile([profiles.joinpath(lang).read_text("utf-8") for lang in langs])
        factory.set_seed(0)
        # Each n-gram's probabilities are a list, filled while loading and only read after; as
        # tuples of floats the cyclic GC untracks them (and the word caches of ldfast.py that
        # hold them), instead of walking ~25,000 vectors on every full collection of a run.
        factory.word_lang_prob_map = {k: tuple(v) for k, v in factory.word_lang_prob_map.items()}
        return factory

    @staticmethod
    @cache
    def _fast(script: str, langs: tuple[str, ...] | None = None) -> FastDetector | None:
        from .ldfast import FastDetector  # imports langdetect: only when a detector is asked

        factory = LangdetectDetector._factory(script, langs)
        return FastDetector(factory) if factory is not None else None

    # B019 warns that a method cache keeps its instances alive: detectors live as long as the
    # process anyway (get_detector caches them), and equal ones share answers on purpose.
    @lru_cache(maxsize=65536)  # noqa: B019
    def detect(self, text: str, script: str) -> tuple[str, float] | None:
        langs = self.langs(script)
        fast = self._fast(script, langs)
        if fast is None:
            return (langs[0], 1.0) if langs else None
        best = fast.best(text, MAX_TEXT, TRIALS)  # langdetect's own answer, computed faster (ldfast.py)
        return (best[0], round(best[1], 3)) if best else None

    def detect_slow(self, text: str, script: str) -> tuple[str, float] | None:
        """:meth:`detect` through langdetect's own ``Detector`` (the reference the tests compare)."""
        from langdetect.lang_detect_exception import LangDetectException

        langs = self.langs(script)
        factory = self._factory(script, langs)
        if factory is None:
            return (langs[0], 1.0) if langs else None
        detector = factory.create()
        detector.set_max_text_length(MAX_TEXT)
        detector.n_trial = TRIALS
        detector.append(text)
        try:
            best = detector.get_probabilities()[0]
        except (LangDetectException, IndexError):
            return None
        return best.lang, round(best.prob, 3)

    def __hash__(self) -> int:
        return hash((self.name, tuple(self.candidates.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LangdetectDetector) and other.candidates == self.candidates


class LinguaDetector:
    """lingua-language-detector (``pip install archiver[lingua]``), restricted per script."""

    name = "lingua"

    def __init__(self, candidates: Candidates = DEFAULT_TABLE) -> None:
        try:
            import lingua  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise RuntimeError("the lingua detector needs: pip install 'archiver[lingua]'") from exc
        self._detectors: dict[str, object] = {}
        self.candidates = dict(candidates)

    def _for(self, script: str):  # type: ignore[no-untyped-def]
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        if script not in self._detectors:
            langs = []
            for code in self.candidates.get(script, ()):
                try:
                    langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
                except (AttributeError, ValueError):
                    continue
            self._detectors[script] = (
                LanguageDetectorBuilder.from_languages(*langs).build() if len(langs) > 1 else None
            )
        return self._detectors[script]

    @lru_cache(maxsize=65536)  # noqa: B019 - as LangdetectDetector.detect
    def detect(self, text: str, script: str) -> tuple[str, float] | None:
        detector = self._for(script)
        if detector is None:
            langs = self.candidates.get(script, ())
            return (langs[0], 1.0) if langs else None
        values = detector.compute_language_confidence_values(text)
        if not values:
            return None
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), round(top.value, 3)

    def __hash__(self) -> int:
        return hash((self.name, tuple(self.candidates.items())))


@cache
def get_detector(name: str, candidates: Candidates = DEFAULT_TABLE) -> Detector:
    """The detector called ``name``, choosing among ``candidates`` (see :func:`candidate_table`)."""
    if name == "langdetect":
        return LangdetectDetector(candidates)
    if name == "lingua":
        return LinguaDetector(candidates)
    raise ValueError(f"unknown language detector {name!r} (langdetect, lingua)")


__all__ = [
    "CANDIDATES",
    "Candidates",
    "Detector",
    "LangdetectDetector",
    "LinguaDetector",
    "candidate_table",
    "get_detector",
]
