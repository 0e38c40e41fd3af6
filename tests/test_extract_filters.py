"""Block filters inside the article: repeated template lines, counters, datelines, headline,
chrome boxes under a chrome heading, and the short-line keyword cue."""

from __future__ import annotations

from archiver.extract.blocks import Proto
from archiver.extract.filters import filter_blocks


def _p(text: str, role: str = "paragraph", level: int | None = None) -> Proto:
    return Proto(role, [(text, ())], level=level)


PROSE = "The council approved the budget on Tuesday, after a long debate about schools and roads."


def _cut(protos, title=None):
    kept, cut = filter_blocks(protos, title)
    return [p.plain() for p in kept], {p.plain(): (role, reason) for p, role, reason in cut}


def test_repeated_short_lines_are_template_furniture():
    kept, cut = _cut(
        [
            _p("Article content"),
            _p(PROSE),
            _p("Article content"),
            _p(PROSE + " Again."),
            _p("Article content"),
        ]
    )
    assert "Article content" not in kept and cut["Article content"][1] == "repeated-line"


def test_counters_and_arabic_datelines_are_cut():
    kept, cut = _cut(
        [
            _p(PROSE),
            _p("330 قراءة"),
            _p("الإثنين 2018.5.28 09:57 مساء بتوقيت أبوظبي"),
            _p("تم نشره الجمعة 24 نيسان / أبريل 2020 09:22 مساءً"),
        ]
    )
    assert kept == [PROSE]
    assert cut["330 قراءة"][1] == "counter"
    assert {v[1] for v in cut.values()} >= {"date-only"}


def test_a_sentence_with_a_date_is_kept():
    text = "On 5 June 2021 the council met and voted, after a long debate, to close the road."
    kept, _ = _cut([_p(text)])
    assert kept == [text]


def test_headline_h1_is_recorded_not_kept():
    kept, cut = _cut([_p("A different headline", "heading", 1), _p(PROSE)], title="The headline")
    assert kept == [PROSE] and cut["A different headline"] == ("title", "headline-h1")


def test_items_under_a_chrome_heading_go_with_it():
    kept, cut = _cut(
        [
            _p(PROSE),
            _p("مواضيع ذات صلة", "heading", 3),
            _p("عنوان خبر آخر", "list_item", 1),
            _p("خبر ثالث قصير", "paragraph"),
        ]
    )
    assert kept == [PROSE]
    assert cut["عنوان خبر آخر"][1].startswith("under-heading")


def test_credit_and_reading_time_lines():
    kept, cut = _cut([_p(PROSE), _p("Foto: Jane Doe/Agency"), _p("5 min read"), _p("Lesezeit: 4 Minuten")])
    assert kept == [PROSE] and cut["Foto: Jane Doe/Agency"][0] == "caption"


# (line, is a caption by its closing credit)
CREDIT_TAILS = [
    ("Roman Prymula, photo: Archives du gouvernement", True),
    ("Pilots will train on two aircraft types at the new centre. © CAE", True),
    ("Der neue Hafen bei Nacht (Foto: dpa)", True),
    ("La ministre à Paris. Crédit : AFP", True),
    ("The photo: it was taken in May, and the family kept it for decades after the war.", False),
    ("Copyright law changed in 1998, as the court noted in its long ruling.", False),
    # a wire story's last paragraph with the agency's credit is prose (script-aware length)
    (
        "政府は劣勢にあると繰り返し主張しているが、あるアナリストは北東部で大量の死傷者を出す攻撃を行う意図と"
        "作戦能力を維持していると指摘している。専門家は治安の改善には時間がかかるとみている。"
        "(c)AFP/Aminu ABUBAKAR",
        False,
    ),
]


def test_caption_lines_are_known_by_their_closing_credit():
    for line, caption in CREDIT_TAILS:
        _, cut = _cut([_p(PROSE), _p(line)])
        assert (line in cut and cut[line][0] == "caption") is caption, line


def test_trailing_pitches_go_and_the_story_stays():
    pitch = [
        "Subscribe now to our print edition for the full story.",
        "For the latest news download the Example apps for iOS and Android.",
        "Follow us on Twitter and Facebook.",
    ]
    kept, cut = _cut([_p(PROSE), _p(PROSE + " More."), *map(_p, pitch)])
    assert kept == [PROSE, PROSE + " More."] and all(cut[p] == ("promo", "trailing-pitch") for p in pitch)
    # the same words inside the story, or a story that ends on a fact about subscriptions, stay
    fact = "The company said subscriptions rose by a fifth this year."
    kept, _ = _cut([_p(PROSE), _p(pitch[2]), _p(PROSE + " More."), _p(fact)])
    assert kept == [PROSE, pitch[2], PROSE + " More.", fact]
    assert _cut([_p(pitch[0])])[0] == [pitch[0]]  # a page that is only a pitch keeps it (status decides)
