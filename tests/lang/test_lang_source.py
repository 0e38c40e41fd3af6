"""``lang_source`` names how a language was chosen, one value per way (issue 18 item 1): the
page's pooled detection (``pooled``), the page's own per-script prior from its long blocks
(``page-prior``), the embedded per-script defaults (``default``), besides ``html``,
``detector`` and ``script``."""

from __future__ import annotations

import typing

from archiver.lang.assign import tag_page
from archiver.lang.detect import get_detector
from archiver.lang.tag import EMBEDDED_DEFAULTS, Priors, tag_text
from archiver.model import LangSource

EN = [
    "The committee approved the budget for next year after a long and heated debate in the chamber.",
    "Opposition members said the plan would cut spending on schools and hospitals across the country.",
    "The finance minister replied that the deficit had to be reduced before interest rates rose again.",
]
AR_CHROME = ["الأكثر قراءة اليوم في الموقع", "اشترك في النشرة البريدية للموقع لتصلك الأخبار"]


def test_long_blocks_settled_by_the_pooled_detection_say_pooled():
    tags = tag_page(EN, [], None)
    assert {(t.lang, t.source) for t in tags.blocks} == {("en", "pooled")}


def test_a_short_block_taking_the_pages_prior_says_page_prior():
    tags = tag_page([*EN, "Most read"], [], None)
    assert (tags.blocks[-1].lang, tags.blocks[-1].source) == ("en", "page-prior")


def test_chrome_in_the_articles_script_takes_the_page_prior_and_other_chrome_is_pooled():
    tags = tag_page(EN, ["Share this story", *AR_CHROME], None)
    assert [(t.lang, t.source) for t in tags.removed] == [
        ("en", "page-prior"),
        ("ar", "pooled"),
        ("ar", "pooled"),
    ]


def test_an_embedded_default_says_default():
    script, lang = next(iter(EMBEDDED_DEFAULTS.items()))
    assert script == "Latn"
    tag = tag_text("CNN", get_detector("langdetect"), Priors().embedded(), "rtl", 12, 25)
    assert (tag.lang, tag.source) == (lang, "default")


def test_every_source_a_tag_can_carry_is_a_lang_source():
    allowed = set(typing.get_args(LangSource))
    assert {"pooled", "page-prior", "default"} <= allowed and "prior" not in allowed
    tags = tag_page([*EN, "Most read"], ["Share this story", *AR_CHROME], "en")
    assert {t.source for t in (*tags.blocks, *tags.removed)} <= allowed
