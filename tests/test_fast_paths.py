"""The faster forms used on the hot path (issue 5) give exactly what the plain forms give."""

from __future__ import annotations

import json
import random
import re
from itertools import pairwise

from archiver.decode import _looks_binary
from archiver.extract import cues
from archiver.extract.body import extract_body
from archiver.extract.parse import parse_html, text_of
from archiver.extract.stats import _PUNCT, _weigh, measure, weighted_len
from archiver.render.jsonout import dumps_indented
from archiver.text.fixers import FIXERS
from archiver.text.normalize import fix_text

_ALPHABET = " \t\n\r\x0b\x0c\x1c\x85\xa0\u2000\u2028\u3000ab.,،؛!?؟。日本語한국語كتب\u0640\u200f"


def _strings(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    return ["".join(rnd.choice(_ALPHABET) for _ in range(rnd.randint(0, 30))) for _ in range(n)]


def test_weigh_is_weighted_len_and_punctuation():
    for text in _strings(3000, 1):
        assert _weigh(text) == (weighted_len(text), len(_PUNCT.findall(text))), repr(text)


def test_measure_counts_text_tails_and_links():
    root = parse_html(
        "<html><body><div id='d'>Hello, <a href='#'>big  world</a> again. <p>日本</p></div></body></html>"
    )
    st = measure(root.find("body"))
    div = root.find(".//div[@id='d']")
    a = div.find("a")
    assert st.text[a] == st.links[a] == len("big world")
    assert st.text[div] == len("Hello,") + len("big world") + len("again.") + 2 * 3
    assert st.links[div] == len("big world") and st.punct[div] == 2
    assert st.inline[div] == st.text[div] - 6  # the <p> is a block child


def _random_json(rnd: random.Random, depth: int = 0):
    r = rnd.random()
    if depth > 3 or r < 0.5:
        return rnd.choice(
            [
                None,
                True,
                False,
                0,
                -7,
                2**70,
                0.1,
                1e-7,
                1.5,
                float("nan"),
                float("inf"),
                -float("inf"),
                "",
                'q"\\\n\x00é\u2028ب',
                "x",
                (),
            ]
        )
    if r < 0.75:
        return [_random_json(rnd, depth + 1) for _ in range(rnd.randint(0, 4))]
    out = {
        f"k{i}" + rnd.choice(["", "é", ' "']): _random_json(rnd, depth + 1) for i in range(rnd.randint(0, 4))
    }
    if rnd.random() < 0.2:
        out.update({1: 2, 2.5: 3, None: 4, False: 5})
    return out


def test_dumps_indented_is_json_dumps():
    rnd = random.Random(7)
    for _ in range(3000):
        obj = _random_json(rnd)
        assert dumps_indented(obj) == json.dumps(obj, ensure_ascii=False, indent=2)


def test_dumps_indented_keys_equal_but_written_differently():
    """Remembered key layouts are per text: 1, 1.0 and True are equal keys but three texts."""
    for obj in ([{1: 0}, {True: 0}, {1.0: 0}], [{"a": 1, "b": {"a": 2}}, {"a": [{"a": {}}]}] * 2):
        for order in (obj, obj[::-1]):
            assert dumps_indented(order) == json.dumps(order, ensure_ascii=False, indent=2)


def test_dumps_indented_rejects_what_json_rejects():
    for bad in ({"a": object()}, [{1j: 1}]):
        try:
            dumps_indented(bad)
        except TypeError:
            continue
        raise AssertionError(f"accepted {bad!r}")


def test_every_fixer_leaves_ascii_alone():
    rnd = random.Random(3)
    samples = ["".join(chr(rnd.randint(0, 127)) for _ in range(rnd.randint(0, 40))) for _ in range(2000)]
    samples += ["a  b\r\n", "\x1b[0m", "&amp; &#1587;", "A\x7f", "tab\tand\nnewline"]
    for text in samples:
        for name, fixer in FIXERS:  # all but c0-controls, which drops ESC, BEL, DEL ...
            assert fixer(text) == text or name == "c0-controls", (name, text)
        # ... so the fast path of fix_text returns ASCII text as it is only when it holds none
        dropped = text.translate({c: None for c in [*range(9), *range(14, 32), 127]})
        assert fix_text(text) == (dropped, ("c0-controls",) if dropped != text else ())


def test_looks_binary_counts_controls_like_the_plain_loop():
    rnd = random.Random(5)
    for _ in range(500):
        data = bytes(rnd.choice(b"ab \n\t\x01\x02\x1b\x7f\xc3") for _ in range(rnd.randint(1, 300)))
        data = data.replace(b"\x00", b"")
        controls = sum(1 for b in data[:8192] if b < 9 or 13 < b < 32)
        assert _looks_binary(data) == (controls / len(data[:8192]) > 0.02)


_PROSE = (
    "The council met on Tuesday, and its members argued for hours about the budget. "
    "Nobody left early, and the vote, when it came, was close. "
) * 4
# The article is only in <noscript> (a script-rendered page): the strict pass finds nothing, the
# relaxed pass (which reads <noscript>) finds the article.
_WRAPPED = (
    f"<html><head><title>Budget</title></head><body><noscript><h1>Budget</h1>"
    f"<p>{_PROSE}</p><p>{_PROSE}</p></noscript><nav><a href='/'>Home</a></nav></body></html>"
)


def test_lazy_reparse_gives_the_copy_result():
    calls = []

    def reparse():
        calls.append(1)
        return parse_html(_WRAPPED)

    eager = extract_body(parse_html(_WRAPPED))
    lazy = extract_body(parse_html(_WRAPPED), reparse=reparse)
    assert calls == [1] and eager.status == lazy.status == "ok"
    assert [text_of(m) for m in eager.main] == [text_of(m) for m in lazy.main]
    assert [(c.text, c.role, c.reason) for c in eager.cuts] == [(c.text, c.role, c.reason) for c in lazy.cuts]


def test_lazy_reparse_not_called_when_strict_pass_finds_the_article():
    html = _WRAPPED.replace("<noscript>", "<div class='story'>").replace("</noscript>", "</div>")
    ex = extract_body(parse_html(html), reparse=lambda: (_ for _ in ()).throw(AssertionError("reparsed")))
    assert ex.status == "ok" and re.search("council", text_of(ex.main[0]))


def test_search_key_ascii_shortcut_matches_the_full_fold():
    from archiver.text.searchkey import search_key

    rnd = random.Random(11)
    for _ in range(3000):
        text = "".join(chr(rnd.randint(0, 127)) for _ in range(rnd.randint(0, 30)))
        for lang in (None, "ur", "en"):
            # a leading "é " sends the same text down the full (non-ASCII) path
            assert search_key(text, lang) == search_key("é " + text, lang)[2:], repr(text)


def test_script_counts_ascii_shortcut_matches_the_four_scans():
    from archiver.lang.script import script_counts

    rnd = random.Random(13)
    for _ in range(2000):
        text = "".join(chr(rnd.randint(0, 127)) for _ in range(rnd.randint(0, 30)))
        full = script_counts("\u05d0" + text)  # one Hebrew letter forces the four scans
        full["Hebr"] -= 1
        assert script_counts(text) == {k: v for k, v in full.items() if v}, repr(text)


def _collapse_reference(pieces, keep_newlines=False):
    """``collapse`` as it was written before the fast path (the plain form)."""
    space = re.compile(r"[ \t\n\r\f\v\u2028\u2029]+")
    out, pending_space, started = [], False, False
    for piece in pieces:
        parts = []
        for token in re.split(r"(\n)" if keep_newlines else r"(?!)", piece):
            parts.append("\n" if token == "\n" else space.sub(" ", token))
        text = "".join(parts)
        if keep_newlines:
            text = re.sub(r" *\n *", "\n", text)
        if not started:
            text = text.lstrip(" \n")
        elif pending_space and text.startswith(" "):
            text = text[1:]
        if text:
            started = True
            pending_space = text.endswith(" ") or text.endswith("\n")
        out.append(text)
    for i in range(len(out) - 1, -1, -1):
        out[i] = out[i].rstrip(" \n")
        if out[i]:
            break
    return tuple(out)


def test_collapse_matches_the_plain_form():
    from archiver.text.normalize import collapse

    rnd = random.Random(17)
    for _ in range(2000):
        pieces = _strings(rnd.randint(1, 4), rnd.randint(0, 10**6))
        pieces.insert(rnd.randint(0, len(pieces)), "\n")  # a lone <br> piece
        for keep in (False, True):
            assert collapse(pieces, keep) == _collapse_reference(pieces, keep), (pieces, keep)


def test_plain_block_rendering_is_the_segment_walk():
    """A block without marks or runs is rendered as one escaped segment: what the general
    segment walk gives, in Markdown and in HTML, for texts full of characters to escape."""
    import html

    from archiver.model import Block
    from archiver.render.inline import _render_segments, escape_md, render_inline

    rnd = random.Random(11)
    alphabet = "ab \n\t\\`*_[]<>&\"'#>+-=1.)2 \u00a0ب"
    texts = ["", "\n", "# title", "1. x", " - y"] + [
        "".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25))) for _ in range(3000)
    ]
    for text in texts:
        block = Block(id="b1", role="paragraph", text=text)
        assert render_inline(block) == _render_segments(block, False, escape_md), repr(text)
        assert render_inline(block, html_mode=True) == _render_segments(
            block, True, lambda s: html.escape(s, quote=False)
        ), repr(text)


_CLASS_ALPHABET = "aZbQxy-_:./ \t\u00a0\u20280123456789İıΣσςΑΒ.:éÉ日本ﬃ"
_CLASS_WORDS = (
    "has",
    "no",
    "with",
    "open",
    "active",
    "comments",
    "Comments",
    "related",
    "relatedPosts",
    "most",
    "read",
    "news",
    "letter",
    "v",
    "a",
    "live",
    "sidebar2",
    "ΑΣ",
    "x",
)


def _class_values(n: int, seed: int) -> list[str]:
    rnd = random.Random(seed)
    out = []
    for _ in range(n):
        if rnd.random() < 0.5:
            out.append("".join(rnd.choice(_CLASS_ALPHABET) for _ in range(rnd.randint(0, 24))))
        else:
            out.append(
                "".join(
                    rnd.choice(_CLASS_WORDS) + rnd.choice(("-", "_", " ", ".", "", ":", "/"))
                    for _ in range(rnd.randint(1, 5))
                )
            )
    return out


def _tokens_plain(value: str) -> tuple[str, ...]:
    """``cues._tokens`` as first written."""
    out: list[str] = []
    for cls in value.split():
        parts = [p.lower() for p in cues._SPLIT.split(cues._CAMEL.sub("-", cls)) if p]
        if parts and (
            parts[0] in cues._NEGATED_PREFIX or (len(parts) > 1 and parts[-1] in cues._STATE_SUFFIX)
        ):
            continue
        out.extend(parts)
    return tuple(out)


def _joined_pairs(value: str) -> tuple[str, ...]:
    """The joined pairs as first written."""
    out: list[str] = []
    for cls in value.split():
        parts = [p.lower() for p in cues._SPLIT.split(cues._CAMEL.sub("-", cls)) if p]
        if len(parts) > 1 and parts[0] not in cues._NEGATED_PREFIX and parts[-1] not in cues._STATE_SUFFIX:
            # single letters are abbreviations ("v-a--d"), not halves of a word
            out.extend(a + b for a, b in pairwise(parts) if len(a) > 1 and len(b) > 1)
    return tuple(out)


def test_class_tokens_and_pairs_are_the_plain_splits():
    for value in _class_values(5000, 3) + ["ΑΣ.Β", "ΑΣ:Β", "fooBarΣ", "İstanbul-Haber", "A-B", "aB-cD"]:
        toks, pairs = cues._tokens_and_pairs(value)
        assert toks == _tokens_plain(value), repr(value)
        assert pairs == _joined_pairs(value), repr(value)
