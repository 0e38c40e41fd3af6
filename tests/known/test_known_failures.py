"""Known failures, kept as cases that must fail (DESIGN.md §8: ftfy and markdown-it-py keep theirs
the same way): each is a small synthetic page of a failure kind measured in bench/RESULTS.md or
named in issue 12, marked ``xfail(strict=True)``. When a change fixes one, its case passes, the
strict mark turns that into a failure, and the fix moves the case to a real test.

Each case has a control beside it: the same check on a page that differs only in what makes the
case hard (a declared charset, a letter only Persian uses, a longer run, a class that names the
comments). The controls pass, so a case fails for its reason and not for a broken harness.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import pytest

import archiver

EN = [
    "The council voted on Monday to rebuild the old harbour wall, which storms damaged twice last "
    "winter, and work starts in May.",
    "Engineers said the new wall will be two metres higher and built from stone taken from the quarry "
    "north of the town.",
    "Residents who live along the seafront welcomed the decision but asked for the road to stay open "
    "during the works.",
    "The mayor promised that the fishing boats would keep their moorings and that the market would not move.",
]
AR = [
    "أعلنت البلدية اليوم أنها ستعيد بناء سور الميناء القديم الذي تضرر مرتين خلال الشتاء الماضي، "
    "وتبدأ الأعمال في مايو.",
    "وقال المهندسون إن السور الجديد سيكون أعلى بمترين وسيبنى من حجارة المحجر الواقع شمال المدينة.",
]
TURKISH = (
    "Türkiye’nin başkenti Ankara’dır. “Şehir büyüyor” dedi belediye başkanı; İstanbul’da ise nüfus "
    "artıyor ve ğ, ş, ı harfleri çok kullanılıyor."
)
POLISH = (
    "Zażółć gęślą jaźń. Władze miasta ogłosiły, że od poniedziałku ruszą prace na głównym placu, "
    "a mieszkańcy będą mogli zgłaszać uwagi."
)
REPLY = (
    "I have lived by the harbour for thirty years and I think the wall should have been rebuilt long "
    "ago, before the storms of last winter did so much damage to the houses."
)


def _page(body: str, head: str = "") -> str:
    return (
        f"<!DOCTYPE html><html><head>{head}<title>Harbour wall</title></head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>{body}"
        "<footer>Copyright 2024 The Town Paper</footer></body></html>"
    )


def _article(paragraphs: list[str], after: str = "") -> str:
    ps = "".join(f"<p>{p}</p>" for p in paragraphs)
    return _page(f"<main><article><h1>Harbour wall</h1>{ps}</article>{after}</main>")


# -- the checks: each asserts what a correct extraction does --------------------------------------


def decoded_as_written(text: str, encoding: str, label: bool) -> tuple[bytes, Callable]:
    head = f'<meta charset="{encoding}">' if label else ""
    page = f"<html><head>{head}<title>T</title></head><body><article><h1>T</h1><p>{text}</p><p>{text}</p>"
    data = (page + "</article></body></html>").encode(encoding)

    def check(doc: archiver.Document) -> None:
        assert doc.blocks[0].text == text, (doc.source.encoding, doc.blocks[0].text[:60])

    return data, check


def run_tagged(host: list[str], sentence: str, guest: str, lang: str) -> tuple[str, Callable]:
    data = _article([host[0], sentence.format(guest), host[1]])

    def check(doc: archiver.Document) -> None:
        runs = [(b.text[r.start : r.end], r.lang) for b in doc.blocks for r in b.runs]
        assert any(guest in text for text, _ in runs), runs
        assert [got for text, got in runs if guest in text] == [lang], runs

    return data, check


def thread_left_out(thread_class: str) -> tuple[str, Callable]:
    replies = "".join(
        f"<div class='entry'><div class='who'>reader{i}</div><p>{REPLY}</p></div>" for i in range(3)
    )
    data = _article(EN, f"<div class='{thread_class}'><h3>24 responses</h3>{replies}</div>")

    def check(doc: archiver.Document) -> None:
        assert EN[0] in doc.text and EN[3] in doc.text
        assert "thirty years" not in doc.text

    return data, check


IN_ARABIC = "وقال رئيس البلدية للصحفيين «{}» ثم غادر القاعة بعد انتهاء الاجتماع مع السكان."
IN_ENGLISH = "The minister wrote the words {} on the board before the meeting with residents began."


@dataclass(frozen=True)
class Known:
    """A known failure: the failing page, its control, and what goes wrong."""

    id: str
    case: tuple
    control: tuple
    reason: str


KNOWN = [
    Known(
        "decode-windows-1254-unlabelled",
        decoded_as_written(TURKISH, "windows-1254", label=False),
        decoded_as_written(TURKISH, "windows-1254", label=True),
        "Turkish windows-1254 without a charset is read as another single-byte code page "
        "(charset-normalizer's answer; bench/RESULTS.md, legacy encodings)",
    ),
    Known(
        "decode-iso-8859-2-unlabelled",
        decoded_as_written(POLISH, "iso-8859-2", label=False),
        decoded_as_written(POLISH, "iso-8859-2", label=True),
        "ISO-8859-2 without a charset is read as another Latin code page "
        "(bench/RESULTS.md, legacy encodings: ISO-8859-2/-7 unlabelled)",
    ),
    Known(
        "lang-french-run-in-arabic",
        run_tagged(AR, IN_ARABIC, "très bien", "fr"),
        run_tagged(AR, IN_ARABIC, "Nous partons demain matin avec toute la famille", "fr"),
        "a short Latin run in Arabic-script text takes the embedded-Latin default, English "
        "(bench/RESULTS.md, UDHR inline: fr pairs in ar 0%)",
    ),
    Known(
        "lang-persian-run-without-persian-letters",
        run_tagged(EN, IN_ENGLISH, "دولت امروز", "fa"),
        run_tagged(EN, IN_ENGLISH, "دانشگاه تهران", "fa"),
        "a short Arabic-script run with no letter only Persian uses is Arabic by the letter rule "
        "(bench/RESULTS.md, UDHR inline: fa pairs in en 65%)",
    ),
    Known(
        "lang-urdu-run-without-urdu-letters",
        run_tagged(EN, IN_ENGLISH, "اعلان کیا", "ur"),
        run_tagged(EN, IN_ENGLISH, "شہر کی حکومت", "ur"),
        "a short Urdu run whose letters are shared with Persian is Persian by the letter rule "
        "(bench/RESULTS.md, UDHR inline: ur pairs in en 55.8%)",
    ),
    Known(
        "extract-comment-thread-with-neutral-classes",
        thread_left_out("thread"),
        thread_left_out("comments"),
        "a comment thread whose classes name nothing is prose by every structural measure and is "
        "kept with the article (bench/RESULTS.md, issue 12 folds: precision lost on dragnet/daniel)",
    ),
]


def _clean(data: str | bytes) -> archiver.Document:
    return archiver.clean(data)


@pytest.mark.parametrize(
    "data, check",
    [
        pytest.param(
            *k.case, id=k.id, marks=pytest.mark.xfail(strict=True, raises=AssertionError, reason=k.reason)
        )
        for k in KNOWN
    ],
)
def test_known_failure(data, check):
    check(_clean(data))


@pytest.mark.parametrize("data, check", [pytest.param(*k.control, id=k.id) for k in KNOWN])
def test_the_control_of_a_known_failure_passes(data, check):
    check(_clean(data))
