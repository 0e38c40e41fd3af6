"""Quality gate: a small, fixed subset of ../shared/corpus with pinned floors.

The pages are the first N of each source in MANIFEST.tsv order (not hand-picked), scored with
the benchmark's own scorer (bench/corpus.py, the corpus README's rules). A regression in the
extract stage drops the mean F1 below its floor or lets chrome leak, and fails CI.
Skips when the corpus is absent.
"""

from __future__ import annotations

import sys

import pytest
from conftest import CORPUS, ROOT

sys.path.insert(0, str(ROOT / "bench"))
corpus = pytest.importorskip("corpus", reason="bench/corpus.py not importable")

pytestmark = pytest.mark.skipif(
    not (CORPUS / "MANIFEST.tsv").exists(), reason=f"evaluation corpus not found at {CORPUS}"
)

SUBSET = {"arabic": 11, "fundus": 6, "newspaper3k": 5, "newspaper4k": 3, "trafilatura": 5}
# Floors sit a little under the values measured on 2026-11-24 (mean F1: arabic 0.992, fundus 0.997,
# newspaper3k 0.989, newspaper4k 0.957; snippet accuracy 0.933 on the trafilatura pages), so that
# harmless changes pass and a real regression (a lost paragraph, a chrome box let in) fails.
F1_FLOOR = {"arabic": 0.97, "fundus": 0.97, "newspaper3k": 0.96, "newspaper4k": 0.93}
SNIPPET_FLOOR = 0.88


@pytest.fixture(scope="module")
def scores():
    from archiver import clean

    out = []
    for source, n in SUBSET.items():
        for page in corpus.load_pages(CORPUS, (source,), n):
            doc = clean(page.html(), url=page.url)
            out.append(corpus.score_page(page, doc.text))
    return out


@pytest.mark.parametrize("source", sorted(F1_FLOOR))
def test_mean_f1_floor(scores, source):
    rows = [s for s in scores if s.source == source]
    assert rows, f"no {source} pages in the subset"
    mean = corpus.summarize(rows)["mean_f"]
    assert mean >= F1_FLOOR[source], f"{source}: mean F1 {mean:.3f} < floor {F1_FLOOR[source]}"


def test_no_chrome_leaks_on_arabic_pages(scores):
    leaking = [s.page for s in scores if s.source == "arabic" and s.leaks]
    assert not leaking, f"chrome leaked (without.json strings in the output): {leaking}"


def test_no_empty_outputs(scores):
    empty = [s.page for s in scores if s.empty]
    assert not empty, f"empty outputs: {empty}"


def test_snippet_accuracy_floor(scores):
    rows = [s for s in scores if s.source == "trafilatura"]
    acc = corpus.summarize(rows)["snippet_acc"]
    assert acc >= SNIPPET_FLOOR, f"snippet accuracy {acc:.3f} < {SNIPPET_FLOOR}"


@pytest.mark.parametrize(
    "stamp,want,ok",
    [
        ("2022-05-04T03:37:37+00:00", "2022-05-03", True),  # UTC says nothing of the page's zone
        ("2022-05-10T23:35:55", "2022-05-11", True),  # no offset either
        ("2022-05-05T21:00:00-05:00", "2022-05-06", False),  # the page's own zone is given: that day
        ("2022-05-05T21:00:00-05:00", "2022-05-05", True),
        ("2022-05-04", "2022-05-03", False),  # a bare date is a day, not a range
        ("2024-08-05T19:49:50Z", "2024-08-03", False),  # two days off is never a zone
    ],
)
def test_published_day_in_the_pages_own_zone(stamp, want, ok):
    assert (want in corpus.local_days(stamp)) is ok


@pytest.mark.parametrize(
    "value,day",
    [
        ("2022-05-03", "2022-05-03"),
        ("2018-06-19T05:50:00+09:00", "2018-06-19"),
        ("2022-29-11", "2022-11-29"),
        ("2022-11-1", "2022-11-01"),
        ("2022-01.26", "2022-01-26"),
    ],
)
def test_ground_truth_days_are_read_leniently(value, day):
    assert corpus._truth_day(value) == day
