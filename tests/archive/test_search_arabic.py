"""Arabic search: a query finds a document that differs from it only by the search-key folds
(diacritics, tatweel, alef/hamza variants, ى/ي, ة/ه, presentation forms, Arabic-Indic digits)
or by attached particles (و، ف، ب، ك، ل، ال). Each pair's word occurs in one document only."""

from __future__ import annotations

import arabic_reshaper
import pytest
from archivekit import FILLER_AR, export, page

from archiver.archive.index import build_index
from archiver.archive.search import search
from archiver.archive.terms import text_terms


def pres(text: str) -> str:
    """Text in Arabic presentation forms, as reshaped scrapes store it."""
    shaped = arabic_reshaper.reshape(text)
    assert any("\ufb50" <= c <= "\ufeff" for c in shaped)
    return shaped


# (query, the document's spelling): the two differ only by a fold or an attached particle.
PAIRS = [
    ("مدرسة", "مَدْرَسَة"),
    ("الطَّالِبُ", "الطالب"),
    ("إِقْتِصَاد", "اقتصاد"),  # harakat
    ("الحكومة", "الحكـــومة"),
    ("مـــعرض", "معرض"),  # tatweel
    ("أحمد", "احمد"),
    ("إسلام", "اسلام"),
    ("آمال", "امال"),
    ("اسواق", "الأسواق"),  # alef/hamza (+ال)
    ("مستشفى", "مستشفي"),
    ("مبني", "مبنى"),  # ى/ي
    ("جامعة", "جامعه"),
    ("قريه", "قرية"),  # ة/ه
    (pres("برلمان"), "برلمان"),  # presentation forms in the query
    ("2019", "٢٠١٩"),
    ("٢٠٢١", "2021"),
    ("1998", "۱۹۹۸"),  # Arabic-Indic and Persian digits
    ("محكمة", "والمحكمة"),
    ("دمشق", "بدمشق"),
    ("الشركة", "للشركة"),
    ("الوزارة", "وزارة"),  # particles
    ("مدينه", "وبالمدينة"),
    ("ولبنان", "لبنان"),
    ("المسرح", "فالمسرح"),
    ("بحر", "كالبحر"),
]


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("ar")
    pages = [
        page(f"تقرير رقم {i}", [f"{FILLER_AR} وذكر التقرير أن {word} كان موضوع النقاش.", FILLER_AR])
        for i, (_, word) in enumerate(PAIRS)
    ]
    docs = export(out, pages)
    for (_, word), doc in zip(PAIRS, docs):
        assert word in doc.text  # the spelling reached the record unchanged
    assert build_index(out).added == len(PAIRS)
    return out, docs


@pytest.mark.parametrize("i", range(len(PAIRS)), ids=[f"{q}~{d}" for q, d in PAIRS])
def test_fold_pair_is_the_top_and_only_hit(archive, i):
    out, docs = archive
    query, word = PAIRS[i]
    hits = search(out, query, limit=5)
    assert [h.id for h in hits] == [docs[i].id]
    assert hits[0].marked("[", "]").count(f"[{word}]") == 1  # highlighted in the original spelling


def test_at_least_twenty_pairs():
    assert len(PAIRS) >= 20 and len({d for _, d in PAIRS}) == len(PAIRS)


def test_presentation_forms_in_a_stored_text_give_the_same_terms():
    assert text_terms(pres("السلام عليكم ورحمة الله")) == text_terms("السلام عليكم ورحمة الله")


def test_words_that_only_look_alike_do_not_match(archive):
    out, _ = archive
    assert search(out, "فرية") == [] and search(out, "احمر") == []  # one letter that is not a fold
    assert search(out, "دمشقي بيروت") == []  # every query word must match


def test_several_words_must_all_match_and_rank_by_title(tmp_path):
    docs = export(
        tmp_path,
        [
            page("أخبار الاقتصاد", [f"{FILLER_AR} تحدث الوزير عن الاقتصاد والتجارة.", FILLER_AR]),
            page("ملف التجارة", [f"{FILLER_AR} تحدث الوزير عن الاقتصاد والتجارة الخارجية.", FILLER_AR]),
            page("أخبار الرياضة", [f"{FILLER_AR} فاز الفريق بالمباراة.", FILLER_AR]),
        ],
    )
    assert all(d.blocks for d in docs)
    build_index(tmp_path)
    hits = search(tmp_path, "التجارة الاقتصاد")
    assert {h.id for h in hits} == {docs[0].id, docs[1].id}
    assert hits[0].id == docs[1].id  # "التجارة" in the title weighs more
    assert [h.id for h in search(tmp_path, "المباراة")] == [docs[2].id]


@pytest.mark.parametrize(
    "text",
    [
        "وَقَالَ المُتَحَدِّثُ إِنَّ الحكـــومة ستعلن النتائج في ٢٠٢١/٣/٤، أليس كذلك؟",
        "قال\u200cها بالفارسی و(الكتاب) «المدرسة» ﷺ " + "برلمان",
        "Mixed نص with English: Café’s rôle, 3.5% and a_b underscore.",
    ],
)
def test_word_by_word_terms_equal_whole_text_fold(text):
    """text_terms cuts the original text into words before folding; the words it yields must be
    those of the folded whole text (presentation forms, ligatures, controls, marks, digits)."""
    from archiver.archive.terms import key_words, word_terms

    expected = [t for w in key_words(text) for t in word_terms(w)]
    assert text_terms(text).split() == expected
    shaped = pres(text) if any("\u0600" <= c <= "\u06ff" for c in text) else text
    assert text_terms(shaped).split() == [t for w in key_words(shaped) for t in word_terms(w)]
