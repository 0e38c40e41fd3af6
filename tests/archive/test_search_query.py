"""A query is searched once per distinct word: a 2,000-word query answers (a word repeated counts
once), too many distinct words are refused with a message, and FTS5 syntax in a query is only text."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from archivekit import FILLER_EN, export, page
from conftest import ROOT

from archiver.archive.index import build_index
from archiver.archive.search import MAX_QUERY_WORDS, QueryError, fts_query, search, search_groups


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    out = tmp_path_factory.mktemp("q")
    docs = export(
        out,
        [
            page("Harbour news", [f"{FILLER_EN} Boats came back to the harbour.", FILLER_EN], lang="en"),
            page("Storm report", [f"{FILLER_EN} The storm reached the coast.", FILLER_EN], lang="en"),
        ],
    )
    build_index(out)
    return out, docs


def test_a_repeated_word_is_one_group():
    assert search_groups(" ".join(["harbours"] * 2000)) == search_groups("harbour")
    assert len(search_groups("boats harbour " * 1000)) == 2
    assert fts_query(search_groups("the the the")) == '"the"'


def test_two_thousand_repeated_words_find_what_one_finds(archive):
    out, docs = archive
    assert [h.id for h in search(out, " ".join(["harbour"] * 2000))] == [h.id for h in search(out, "harbour")]
    mixed = " ".join(["the", "storm", "coast"] * 700)
    assert [h.id for h in search(out, mixed)] == [docs[1].id]


def test_too_many_distinct_words_are_refused_with_a_message(archive):
    out, _ = archive
    words = " ".join(f"word{i}" for i in range(MAX_QUERY_WORDS + 1))
    with pytest.raises(QueryError, match=f"{MAX_QUERY_WORDS + 1} distinct words.*at most {MAX_QUERY_WORDS}"):
        search(out, words)
    assert search(out, " ".join(f"word{i}" for i in range(MAX_QUERY_WORDS))) == []  # at the cap: searched
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "search", str(out), words],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert r.returncode == 2 and "distinct words" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize(
    "query",
    [
        'harbour"',
        "NEAR(harbour boats)",
        "harbour OR storm",
        "title:harbour",
        "harbour*",
        "^harbour",
        "-harbour",
        '"" AND',
        "{title body}: harbour",
        "harbour NOT boats",
        "(((harbour",
        "harbour + boats",
    ],
)
def test_fts5_syntax_in_a_query_is_only_words(archive, query):
    out, docs = archive
    hits = search(out, query)  # never an sqlite error
    words = {w for g in search_groups(query) for w in g}
    assert all(json.dumps(h.to_dict()) for h in hits)
    if words <= {"harbour"}:
        assert [h.id for h in hits] == [docs[0].id]
