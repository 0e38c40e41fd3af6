"""Language detectors behind one small interface, restricted to a script's candidates and cached.

langdetect is the default (seeded, so deterministic); lingua is an optional extra. Neither is
asked about text with fewer than ``min_letters`` letters: short text is labelled by priors.
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from .ldfast import FastDetector

CANDIDATES: dict[str, tuple[str, ...]] = {
    "Arab": ("ar", "fa", "ur"),
    "Latn": ("en", "fr", "de", "es", "it", "pt", "nl", "tr", "id", "pl", "sv", "da", "no",
             "fi", "ro", "cs", "hu", "hr", "sk", "sl", "sq", "so", "sw", "tl", "vi", "af", "ca"),
    "Hebr": ("he",),
}


class Detector(Protocol):
    name: str

    def detect(self, text: str, script: str) -> tuple[str, float] | None:
        """(language, probability) among the script's candidates, or None when unsure."""


# langdetect's cost grows with the text it reads and the trials it averages; a few hundred
# characters and three trials decide a block's language as well as the whole of it does
# (bench/lang_bench.py measures both accuracy and the share of pipeline time).
MAX_TEXT = 400
TRIALS = 3


class LangdetectDetector:
    """langdetect with one seeded factory per script, loaded with that script's profiles only."""

    name = "langdetect"

    @staticmethod
    @lru_cache(maxsize=None)
    def _factory(script: str):  # type: ignore[no-untyped-def]
        from langdetect.detector_factory import DetectorFactory

        langs = CANDIDATES.get(script, ())
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
    @lru_cache(maxsize=None)
    def _fast(script: str) -> FastDetector | None:
        from .ldfast import FastDetector  # imports langdetect: only when a detector is asked

        factory = LangdetectDetector._factory(script)
        return FastDetector(factory) if factory is not None else None

    @lru_cache(maxsize=65536)
    def detect(self, text: str, script: str) -> tuple[str, float] | None:
        fast = self._fast(script)
        if fast is None:
            langs = CANDIDATES.get(script, ())
            return (langs[0], 1.0) if langs else None
        best = fast.best(text, MAX_TEXT, TRIALS)  # langdetect's own answer, computed faster (ldfast.py)
        return (best[0], round(best[1], 3)) if best else None

    def detect_slow(self, text: str, script: str) -> tuple[str, float] | None:
        """:meth:`detect` through langdetect's own ``Detector`` (the reference the tests compare)."""
        from langdetect.lang_detect_exception import LangDetectException

        factory = self._factory(script)
        if factory is None:
            langs = CANDIDATES.get(script, ())
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
        return hash(self.name)


class LinguaDetector:
    """lingua-language-detector (``pip install archiver[lingua]``), restricted per script."""

    name = "lingua"

    def __init__(self) -> None:
        try:
            import lingua  # noqa: F401
        except ImportError as exc:  # pragma: no cover - depends on the extra
            raise RuntimeError("the lingua detector needs: pip install 'archiver[lingua]'") from exc
        self._detectors: dict[str, object] = {}

    def _for(self, script: str):  # type: ignore[no-untyped-def]
        from lingua import IsoCode639_1, Language, LanguageDetectorBuilder

        if script not in self._detectors:
            langs = []
            for code in CANDIDATES.get(script, ()):
                try:
                    langs.append(Language.from_iso_code_639_1(getattr(IsoCode639_1, code.upper())))
                except (AttributeError, ValueError):
                    continue
            self._detectors[script] = LanguageDetectorBuilder.from_languages(*langs).build() if len(langs) > 1 else None
        return self._detectors[script]

    @lru_cache(maxsize=65536)
    def detect(self, text: str, script: str) -> tuple[str, float] | None:
        detector = self._for(script)
        if detector is None:
            langs = CANDIDATES.get(script, ())
            return (langs[0], 1.0) if langs else None
        values = detector.compute_language_confidence_values(text)
        if not values:
            return None
        top = values[0]
        return top.language.iso_code_639_1.name.lower(), round(top.value, 3)

    def __hash__(self) -> int:
        return hash(self.name)


@lru_cache(maxsize=None)
def get_detector(name: str) -> Detector:
    if name == "langdetect":
        return LangdetectDetector()
    if name == "lingua":
        return LinguaDetector()
    raise ValueError(f"unknown language detector {name!r} (langdetect, lingua)")


__all__ = ["CANDIDATES", "Detector", "LangdetectDetector", "LinguaDetector", "get_detector"]
