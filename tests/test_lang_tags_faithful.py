"""Language tags a reader would agree with (issue 13): non-linguistic spans have no vote, the
candidate list is short and configurable, short text is not guessed at confidence 1.0."""

from __future__ import annotations

import pytest
from conftest import CORPUS

from archiver.config import Config
from archiver.lang.assign import tag_page
from archiver.lang.detect import CANDIDATES, candidate_table, get_detector
from archiver.lang.nonling import blank
from archiver.lang.script import dominant_script

EN = [
    "The committee approved the budget for next year after a long debate in the chamber.",
    "Officials said the new rules would take effect at the start of the month.",
]
AR = [
    "أعلنت وزارة الصحة عن افتتاح مستشفى جديد في المدينة الأسبوع المقبل بحضور عدد من المسؤولين.",
    "وقال المتحدث باسم الوزارة إن المشروع سيخدم آلاف المواطنين في المنطقة الشرقية.",
]


def _runs(tags, i=-1):
    return [(r.lang, r.dir) for r in tags.runs[i]]


# (page blocks before, the block, its lang, its dir): labelled by reading them
@pytest.mark.parametrize(
    "before,text,lang,direction",
    [
        ([], "للتسجيل يرجى زيارة https://example.com/x .", "ar", "rtl"),
        ([], "للتسجيل يرجى زيارة https://www.example-portal.com/register/now/please .", "ar", "rtl"),
        ([], "للاستفسار راسلونا على info.desk@example-portal.com", "ar", "rtl"),
        ([], "تابعونا على @example_portal و #اخبار_اليوم", "ar", "rtl"),
        ([], "الخبر على example.com/news/article", "ar", "rtl"),
        (EN, "Follow us at https://example.com/arabic/news/today for more", "en", "ltr"),
    ],
)
def test_non_linguistic_spans_have_no_vote(before, text, lang, direction):
    tag = tag_page(before + [text], [], None).blocks[-1]
    assert (tag.lang, tag.dir) == (lang, direction)


def test_the_url_in_an_arabic_sentence_is_a_run_of_no_language():
    tags = tag_page(["للتسجيل يرجى زيارة https://example.com/x ."], [], None)
    assert _runs(tags) == [("zxx", "ltr")]


@pytest.mark.parametrize(
    "text,lang",
    [
        ("The minister said الأمن الغذائي was the first concern of the government this year.", "ar"),
        ("Visitors asked about السوق القديم before they left the city.", "ar"),
        ("The word شكرا was all he said.", "ar"),
        ("She wrote خیلی ممنون at the end of her letter to the committee.", "fa"),  # ی: Persian
        ("He answered بہت شکریہ and left the room in a hurry.", "ur"),  # ہ: Urdu
    ],
)
def test_arabic_words_in_an_english_sentence_with_no_other_arabic_on_the_page(text, lang):
    tags = tag_page(EN + [text], [], None)
    assert tags.blocks[-1].lang == "en"
    assert [r.lang for r in tags.runs[-1]] == [lang]


def test_short_latin_text_with_nothing_to_go_on_is_undetermined_not_a_sure_guess():
    tag = tag_page(["Galaxy Ultra Pro"], [], None).blocks[-1]
    assert (tag.lang, tag.lang_confidence if hasattr(tag, "lang_confidence") else tag.confidence) == (
        "und-Latn",
        0.0,
    )


@pytest.mark.parametrize("text", ["Samsung Galaxy Ultra", "Nissan Patrol Nismo", "Bluetooth Headset"])
def test_short_latin_runs_are_no_detector_guess(text):
    """Product names inside Arabic text: the page's default for embedded Latin (English, 0.5),
    not a detector's Somali, Romanian or French at 1.0."""
    tags = tag_page(AR + [f"أطلقت الشركة هاتف {text} الجديد في الأسواق."], [], None)
    runs = tags.runs[-1]
    assert [(r.lang, r.dir) for r in runs] == [("en", "ltr")]


def test_somali_only_when_asked():
    somali = (
        "Wasaaradda caafimaadka ayaa sheegtay in cudurka uu ku faafay gobollada koonfureed "
        "ee dalka, waxayna ku baaqday in dadku ay taxadar muujiyaan."
    )
    assert "so" not in CANDIDATES["Latn"]
    assert tag_page([somali], [], None).blocks[0].lang != "so"
    asked = tag_page([somali], [], None, candidates=("ar", "fa", "ur", "en", "so")).blocks[0]
    assert asked.lang == "so"


def test_the_declared_language_joins_its_scripts_candidates():
    table = dict(candidate_table((), "ps-AF"))
    assert table["Arab"] == ("ar", "fa", "ur", "ps")
    assert dict(candidate_table(("ar", "en", "so")))["Latn"] == ("en", "so")


def test_config_candidates_hash_only_when_set():
    assert Config().digest() == Config(lang_candidates=()).digest()
    assert Config().digest() != Config(lang_candidates=("ar", "en")).digest()


def test_detectors_of_different_candidates_are_different():
    assert get_detector("langdetect") is not get_detector("langdetect", candidate_table(("en", "fr")))


@pytest.mark.parametrize(
    "text,kept",
    [
        ("see https://a.example.com/x?y=1 now", "see"),
        ("write to news@example.org today", "write to"),
        ("5G and 1080p", "and"),
        ("call os.path.join(a) or foo_bar", "call"),
    ],
)
def test_blank_keeps_offsets_and_words(text, kept):
    out = blank(text)
    assert len(out) == len(text) and out.split()[0] == kept.split()[0]
    assert not any(ch in out for ch in "@:/_")


@pytest.mark.slow
@pytest.mark.skipif(not (CORPUS / "MANIFEST.tsv").exists(), reason=f"evaluation corpus not found at {CORPUS}")
def test_no_mostly_arabic_block_is_tagged_a_latin_script_language_over_the_corpus():
    import gzip

    from archiver import clean
    from archiver.errors import ArchiverError
    from archiver.lang.detect import LANG_SCRIPT
    from archiver.lang.script import script_counts

    bad = []
    for line in (CORPUS / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]:
        source, name = line.split("\t")[:2]
        path = CORPUS / source / name / "source.html.gz"
        if not path.is_file():
            continue
        try:
            doc = clean(gzip.decompress(path.read_bytes()))
        except ArchiverError:
            continue
        for block in doc.blocks:
            counts = script_counts(block.text)
            letters = sum(counts.values())
            if (
                letters
                and counts.get("Arab", 0) * 2 > letters
                and LANG_SCRIPT.get(block.lang.split("-")[0]) != "Arab"
                and block.lang not in ("und-Arab", "zxx")
            ):
                bad.append((f"{source}/{name}", block.id, block.lang, block.text[:60]))
    assert not bad, bad[:10]
    assert dominant_script("ب")[0] == "Arab"


def test_the_cli_takes_a_candidate_list(tmp_path):
    import json
    import subprocess
    import sys

    from conftest import ROOT

    page = tmp_path / "so.html"
    page.write_text(
        "<html><body><article><p>Wasaaradda caafimaadka ayaa sheegtay in cudurka uu ku faafay "
        "gobollada koonfureed ee dalka, waxayna ku baaqday in dadku ay taxadar muujiyaan.</p>"
        "</article></body></html>",
        "utf-8",
    )

    def lang(*extra: str) -> str:
        out = subprocess.run(
            [sys.executable, "-m", "archiver", "clean", str(page), "--format", "json", *extra],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        return json.loads(out)["blocks"][0]["lang"]

    assert lang() != "so" and lang("--lang-candidates", "en,so") == "so"
