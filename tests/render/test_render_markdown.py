"""Mixed-direction Markdown (DESIGN.md §6): dir/lang exactly where they differ, nothing injected."""

from __future__ import annotations

import dataclasses
import json

import pytest

from archiver.model import Block, Document, RawPage, Run, Source
from archiver.pipeline import process
from archiver.render.markdown import to_markdown

INJECTED = ("\u200e", "\u200f", "\u061c", "<bdi", "{lang=", "{dir=")


def _doc(blocks: list[Block], lang: str = "ar", direction: str = "rtl") -> Document:
    return Document(
        id="x",
        status="ok",
        url=None,
        title="t",
        language=lang,
        direction=direction,
        page_language=lang,
        source=Source(kind="html"),
        processing={},
        blocks=tuple(blocks),
    )


def _block(n: int, text: str, lang: str, direction: str, runs: tuple[Run, ...] = ()) -> Block:
    script = "Arab" if direction == "rtl" else "Latn"
    return Block(id=f"b{n}", role="paragraph", text=text, lang=lang, dir=direction, script=script, runs=runs)


def _body(md: str) -> str:
    return md.split("---\n", 2)[2]


CASES = [
    # (name, blocks, document lang, document dir, must appear, must not appear)
    (
        "block in the document's language and direction gets no markup",
        [_block(1, "مرحبا بكم في الموقع", "ar", "rtl")],
        "ar",
        "rtl",
        ["مرحبا بكم في الموقع"],
        ["<div", "<p", "<span"],
    ),
    (
        "English block in an Arabic document is wrapped, with blank lines inside",
        [_block(1, "An English paragraph.", "en", "ltr")],
        "ar",
        "rtl",
        ['<div dir="ltr" lang="en">\n\nAn English paragraph.\n\n</div>'],
        [],
    ),
    (
        "French block in an English document differs by language only",
        [_block(1, "Un paragraphe en français.", "fr", "ltr")],
        "en",
        "ltr",
        ['<div lang="fr">\n\n'],
        ['dir="ltr"'],
    ),
    (
        "Arabic paragraph starting with a Latin word gets an explicit <p>",
        [_block(1, "GDP ارتفع الناتج بنسبة كبيرة", "ar", "rtl", (Run(0, 3, "en", "ltr", "Latn"),))],
        "ar",
        "rtl",
        ['<p dir="rtl" lang="ar"><span dir="ltr" lang="en">GDP</span> ارتفع'],
        ["<div"],
    ),
    (
        "an inline run of the other direction is a span",
        [_block(1, "قالت شركة Apple إنها", "ar", "rtl", (Run(10, 15, "en", "ltr", "Latn"),))],
        "ar",
        "rtl",
        ['قالت شركة <span dir="ltr" lang="en">Apple</span> إنها'],
        ["<p"],
    ),
    (
        "a run differing by language only carries lang only",
        [_block(1, "They said déjà vu again", "en", "ltr", (Run(10, 17, "fr", "ltr", "Latn"),))],
        "en",
        "ltr",
        ['<span lang="fr">déjà vu</span>'],
        ['dir="ltr"'],
    ),
    (
        "a language-less block (zxx) in the document direction stays bare",
        [_block(1, "(0)", "zxx", "rtl")],
        "ar",
        "rtl",
        ["(0)"],
        ["<div", "lang="],
    ),
]


@pytest.mark.parametrize("name,blocks,lang,direction,present,absent", CASES, ids=[c[0] for c in CASES])
def test_markup_table(name, blocks, lang, direction, present, absent):
    body = _body(to_markdown(_doc(blocks, lang, direction)))
    for snippet in present:
        assert snippet in body
    for snippet in absent + list(INJECTED):
        assert snippet not in body
    assert not any(0xFB50 <= ord(ch) <= 0xFEFC for ch in body), "never reshaped"


PAGE = """<html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>العربية</title></head><body>
<article><h1>العربية</h1>
<p>اللُّغَةُ العَرَبِيَّةُ لُغَةٌ جَمِيلَةٌ يتحدثها الملايين في العالم، وقد كُتبت بها آلاف الكتب عبر القرون الطويلة.</p>
<p>قال المدير إن الشركة ستفتح فرعاً جديداً في المدينة خلال العام المقبل بعد نجاح التجربة الأولى.</p>
</article></body></html>"""


def test_search_key_is_computed_but_never_shown():
    doc = process(RawPage(PAGE.encode("utf-8"), Source(kind="html")))
    vocalized = next(b for b in doc.blocks if "جَمِيلَةٌ" in b.text)
    assert vocalized.key and vocalized.key != vocalized.text
    assert "جميله" in vocalized.key
    md, js = doc.to_markdown(), doc.to_json()
    for block in doc.blocks:
        if block.key != block.text:
            assert block.key not in md and block.key not in js
    assert all("key" not in b for b in json.loads(js)["blocks"])


ODD = [
    'q"\\ --- # a: b\tc\n- d',
    "del\x7f c1\x80\x9f nel\x85",
    "ls\u2028ps\u2029 bom\ufeff",
    "nc\ufffe\uffff",
    "\u202eRLO \u200f\u200e",
    "x" * 10000,
]


@pytest.mark.parametrize("value", ODD, ids=range(len(ODD)))
def test_front_matter_is_yaml_that_reads_back_exactly(value):
    yaml = pytest.importorskip("yaml")
    from archiver.model import Metadata

    doc = Document(
        id="x",
        status="ok",
        url=value,
        title=value,
        language="en",
        direction="ltr",
        page_language="en",
        source=Source(kind="html"),
        processing={},
        blocks=(),
        metadata=Metadata(authors=(value, "b"), site_name=value, description=value),
    )
    head = doc.to_markdown().split("---\n")[1]
    data = yaml.safe_load(head)
    assert (data["title"], data["url"], data["authors"], data["site_name"]) == (
        value,
        value,
        [value, "b"],
        value,
    )
    assert json.loads(head.splitlines()[0].split(": ", 1)[1]) == value  # still JSON-quoted


def _md(block: Block) -> str:
    return _body(to_markdown(_doc([block], "en", "ltr"))).strip()


def _en(text: str, role: str = "paragraph", **kw) -> Block:
    return Block(id="b1", role=role, text=text, lang="en", dir="ltr", script="Latn", **kw)


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "First\n# Heading\n1. item\n- item\n---\n===\n~~~\n-|-",
            "First\\\n\\# Heading\\\n1\\. item\\\n\\- item\\\n\\---\\\n\\===\\\n\\~~~\\\n\\-|-",
        ),
        ("## not a heading", "\\## not a heading"),
        ("-- -", "\\-- -"),
        ("10. shows no backslash", "10\\. shows no backslash"),
        ("AT&amp;T &#60;b&#62;", "AT&amp;amp;T &amp;#60;b&amp;#62;"),
    ],
)
def test_lines_that_look_like_markdown_stay_text(text, expected):
    assert _md(_en(text)) == expected


def test_list_item_continuation_line_opens_no_nested_list():
    assert _md(_en("one\n- two", "list_item")) == "- one\\\n  \\- two"


def test_table_cells_are_escaped():
    cells = (("<script>alert(1)</script>", "</div>"), ("*em* `c` [l](x) a|b", "\\|"))
    md = _md(_en("t", "table", cells=cells))
    assert "<script" not in md and "</div>" not in md
    assert md.splitlines()[2] == "| \\*em\\* \\`c\\` \\[l\\](x) a\\|b | \\\\\\| |"


def test_code_fence_is_longer_than_any_backtick_run_inside():
    md = _md(_en("a\n````\n<script>x</script>\n````", "code"))
    assert md.startswith("`````\n") and md.endswith("\n`````")


def test_quote_with_explicit_p_keeps_every_line_in_the_quote():
    block = Block(id="b1", role="quote", text="GDP عربي\n# head", lang="ar", dir="rtl", script="Arab")
    md = _body(to_markdown(_doc([block]))).strip()
    assert md == '> <p dir="rtl" lang="ar">GDP عربي<br>\n> # head</p>'


def test_heading_ending_in_hashes_keeps_them():
    assert _md(_en("Issue #", "heading", level=2)) == "## Issue \\#"


@pytest.mark.parametrize(
    "text,span,expected",
    [
        ("Call my_var() now", "my_var()", "Call `my_var()` now"),  # no "my\_var": escapes show in code spans
        ("Use a*b[0] here", "a*b[0]", "Use `a*b[0]` here"),
        ("Type `ls` then", "`ls`", "Type `` `ls` `` then"),  # the fence outgrows a backtick inside
        ("Tag <div> here", "<div>", "Tag `<div>` here"),  # code-span text is literal: no &lt;
    ],
)
def test_inline_code_is_written_as_it_is(text, span, expected):
    from archiver.model import Mark

    start = text.index(span)
    block = dataclasses.replace(_en(text), marks=(Mark(start, start + len(span), "code"),))
    assert _md(block).strip() == expected


def test_a_ragged_table_keeps_every_cell():
    """GFM renderers drop the cells of a row past the header's count: every row is padded to the widest."""
    block = _en("t", "table", cells=(("Name", "Year"), ("Cairo", "2020", "note"), ("Rabat",)))
    assert _md(block).splitlines() == [
        "| Name | Year |  |",
        "|---|---|---|",
        "| Cairo | 2020 | note |",
        "| Rabat |  |  |",
    ]
