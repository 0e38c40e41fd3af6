"""Every heading level survives to the outputs: <h2>..<h6> keep their level (issue 18: no test held
an <h6>)."""

from __future__ import annotations

import json

import archiver
from archiver.render.terminal import TerminalOptions, render_terminal

SECTIONS = "".join(
    f"<h{n}>Heading of level {n}</h{n}><p>The paragraph under heading {n} says what happened on the day, "
    "who was there, and why it mattered to the town.</p>"
    for n in range(2, 7)
)
PAGE = (
    "<html><head><title>Heading of level 1</title></head><body><article><h1>Heading of level 1</h1>"
    f"{SECTIONS}</article></body></html>"
)


def test_h2_to_h6_keep_their_level_in_blocks_and_markdown():
    doc = archiver.clean(PAGE)
    assert [(b.level, b.text) for b in doc.blocks if b.role == "heading"] == [
        (n, f"Heading of level {n}") for n in range(2, 7)
    ]
    headings = [line for line in doc.to_markdown().splitlines() if line.startswith("#")]
    assert headings == ["#" * n + f" Heading of level {n}" for n in range(2, 7)]


def test_the_terminal_display_keeps_level_6():
    record = json.loads(archiver.clean(PAGE).to_json())
    shown = render_terminal(record, TerminalOptions(width=100, bidi=False))
    assert "###### Heading of level 6" in shown and "####### " not in shown
