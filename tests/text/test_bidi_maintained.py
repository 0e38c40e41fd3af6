"""The visual-order repair and `show` build on python-bidi's maintained get_display (issue 13)."""

from __future__ import annotations

from archiver.render.terminal import visual_line
from archiver.text.bidi_repair import _rust_levels, display, fix_visual_order


def test_levels_come_from_the_maintained_api():
    assert _rust_levels("أهلا (بك) abc 12", "R") == [1] * 10 + [2] * 6


def test_isolates_are_laid_out_where_the_reference_algorithm_raised():
    """python-bidi's old pure-Python algorithm asserts on RLI/PDI ("RLI not allowed here")."""
    out = visual_line("abc \u2067عربي (x)\u2069 def", False)
    assert out.startswith("abc ") and out.endswith(" def")


def test_brackets_are_mirrored_for_display():
    out = display("أهلا (بك) يا [صديق] 123", "R")
    assert out.index("(") < out.index(")") and out.index("[") < out.index("]")


def test_a_visual_order_line_with_an_isolate_is_repaired():
    logical = "قال الوزير إن المشروع \u2067(الأول)\u2069 سيبدأ في 2025 بتكلفة 300 مليون."
    assert fix_visual_order(display(logical, "R")) == logical
