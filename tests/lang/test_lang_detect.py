"""Detectors behind one interface: restricted per script, seeded, cached, never on short text."""

from __future__ import annotations

import importlib.util

import pytest

from archiver.lang import detect as detect_mod
from archiver.lang.assign import tag_page
from archiver.lang.detect import CANDIDATES, LangdetectDetector, get_detector
from archiver.lang.tag import Priors, tag_text

SAMPLES = [
    ("The committee approved the budget for next year after a long debate.", "Latn", "en"),
    ("Le gouvernement a annoncé de nouvelles mesures économiques hier soir.", "Latn", "fr"),
    ("قررت المحكمة تأجيل النظر في القضية إلى الشهر المقبل بسبب غياب الشهود.", "Arab", "ar"),
    ("دانشجویان دانشگاه تهران برای اعتراض به افزایش شهریه تجمع کردند.", "Arab", "fa"),
    ("کراچی میں شدید بارش کے باعث کئی سڑکیں پانی میں ڈوب گئیں۔", "Arab", "ur"),
]


class Counting:
    """A detector that records what it was asked (to check who reaches the detector)."""

    name = "counting"

    def __init__(self, answer: str = "en") -> None:
        self.calls: list[str] = []
        self.answer = answer

    def detect(self, text: str, script: str):
        self.calls.append(text)
        return self.answer, 0.9


@pytest.mark.parametrize("text,script,lang", SAMPLES, ids=[s[2] for s in SAMPLES])
def test_langdetect_answers_among_the_script_candidates(text, script, lang):
    found = get_detector("langdetect").detect(text, script)
    assert found is not None and found[0] == lang and found[0] in CANDIDATES[script]
    assert 0.0 < found[1] <= 1.0


def test_langdetect_is_deterministic_and_cached():
    det = LangdetectDetector()
    text = "Quelques mots en français pour voir si le résultat reste le même."
    assert det.detect(text, "Latn") == det.detect(text, "Latn") == LangdetectDetector().detect(text, "Latn")
    info = LangdetectDetector.detect.cache_info()
    det.detect(text, "Latn")
    assert LangdetectDetector.detect.cache_info().hits == info.hits + 1


def test_langdetect_exceptions_become_none():
    assert get_detector("langdetect").detect("(0) 12 — !!", "Latn") is None


def test_single_candidate_scripts_need_no_detector():
    assert get_detector("langdetect").detect("שלום עולם ומלואו", "Hebr") == ("he", 1.0)


def test_short_text_never_reaches_the_detector():
    det = Counting()
    tag = tag_text("Most read", det, Priors(), "auto", min_letters=12)
    assert det.calls == []
    assert tag.lang == "und-Latn" and tag.source == "script"
    tag_text("An entirely long enough sentence here", det, Priors(), "auto", min_letters=12)
    assert det.calls == ["An entirely long enough sentence here"]


def test_unknown_detector_is_an_error():
    with pytest.raises(ValueError):
        get_detector("nope")


@pytest.mark.skipif(
    importlib.util.find_spec("lingua") is None,
    reason="lingua is an optional extra: pip install 'archiver[lingua]'",
)
@pytest.mark.parametrize("text,script,lang", SAMPLES, ids=[s[2] for s in SAMPLES])
def test_lingua_behind_the_same_interface(text, script, lang):
    det = get_detector("lingua")
    assert det.name == "lingua"
    found = det.detect(text, script)
    assert found is not None and found[0] == lang
    tags = tag_page([text, text + " " + text], [], None, "lingua")
    assert tags.blocks[0].lang == lang


def test_lingua_missing_is_a_clear_error(monkeypatch):
    if importlib.util.find_spec("lingua") is not None:
        pytest.skip("lingua is installed here; the missing-extra message is checked where it is not")
    with pytest.raises(RuntimeError, match="archiver\\[lingua\\]"):
        detect_mod.LinguaDetector()
