"""Hostile JSON Lines feeds through the CLI: a gzip line bomb and a damaged gzip member each cost
one line; the lines after them export; memory stays bounded (issue 16, items 1-2)."""

from __future__ import annotations

from source_attacks import MiB, check, jsonl_damaged_member, jsonl_line_bomb, run_attack


def test_a_line_bomb_is_one_failure_and_the_next_line_exports(tmp_path):
    attack = jsonl_line_bomb(tmp_path, 200 * MiB)
    result = run_attack(attack, tmp_path / "out", "--parallel", "0")
    assert check(attack, result) == []
    assert "over the limit" in result.errors[0]["reason"]
    assert result.rss_mb < 200, f"peak RSS {result.rss_mb:.0f} MB"


def test_a_damaged_gzip_member_costs_its_lines_only(tmp_path):
    attack = jsonl_damaged_member(tmp_path, 3000)
    result = run_attack(attack, tmp_path / "out", "--parallel", "0")
    assert check(attack, result) == []


def test_lines_over_the_cap_are_skipped_in_bounded_pieces():
    from archiver.sources.jsonl import TooLong, split_lines

    pieces = iter([b'{"a": 1}\n' + b"x" * 700, b"x" * 700, b'\n{"b": 2}\n', b"y" * 2000])
    items = list(split_lines(pieces, 1000))
    assert items[0] == b'{"a": 1}' and items[2] == b'{"b": 2}'
    assert isinstance(items[1], TooLong) and items[1].length == 1400
    assert isinstance(items[3], TooLong) and len(items) == 4
