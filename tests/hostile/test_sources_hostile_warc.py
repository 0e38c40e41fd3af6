"""Damaged and hostile WARC files through the CLI: every input one line, the good records after
the damage exported, short reasons, no negative offsets, bounded memory (issue 16, items 1-2)."""

from __future__ import annotations

import importlib.util

import pytest
from source_attacks import WARC_ATTACKS, MiB, check, content_encoding_bomb, run_attack

BACKENDS = ["warcio"] + (["fastwarc"] if importlib.util.find_spec("fastwarc") else [])
ENCODINGS = ["gzip", "deflate"] + [
    e for e, m in (("br", "brotli"), ("zstd", "zstandard")) if importlib.util.find_spec(m)
]
RSS_MB = 150  # the bombs inflate to 200 MB; the default page limit is 20 MiB


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("name", sorted(WARC_ATTACKS))
def test_damage_is_one_line_and_the_records_after_it_export(tmp_path, name, backend):
    attack = WARC_ATTACKS[name](tmp_path, 3 * MiB if name == "huge_first_line" else 2000, backend)
    result = run_attack(attack, tmp_path / "out", "--parallel", "0")
    assert check(attack, result) == []
    assert result.run["counters"]["failed"] == {"read": 1}


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("encoding", ENCODINGS)
def test_a_content_encoding_bomb_stops_at_the_page_limit(tmp_path, encoding, backend):
    attack = content_encoding_bomb(tmp_path, 200 * MiB, backend, encoding)
    result = run_attack(attack, tmp_path / "out", "--parallel", "0")
    assert check(attack, result) == []
    assert "inflates past 20,971,520 bytes" in result.errors[0]["reason"]
    assert result.rss_mb < RSS_MB, f"peak RSS {result.rss_mb:.0f} MB"
