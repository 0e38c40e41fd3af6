"""The compiled element walk gives what its pure twin gives (issue 17): the same integers, the
same strings, the same dict orders, on every fixture page and on generated hostile trees.

The compiled half is imported directly (``ARCHIVER_PURE`` does not hide it here) and skipped
only when the extension is not built.
"""

from __future__ import annotations

import importlib
import random
import re
from pathlib import Path

import lxml.html
import pytest
from lxml import etree
from twinkit import compiled_or_skip

from archiver._speedups import walk as twin
from archiver.decode import decode
from archiver.extract.blocks import BLOCK_TAGS, SKIP_TAGS
from archiver.extract.parse import drop_tree, parse_html

ROOT = Path(__file__).resolve().parents[2]
try:
    fast = importlib.import_module("archiver._speedups._walk")
except ImportError:  # not built: the twin is all there is
    fast = None

needs_build = pytest.mark.skipif(fast is None, reason="archiver._speedups._walk is not built")

# every whitespace str.split knows (Py_UNICODE_ISSPACE), NBSP among them, and near misses
SPACES = " \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u200a\u2028\u2029\u202f\u205f\u3000"
NOT_SPACES = "\u200b\u200c\u200d\u2060\ufeff\x00\x1b"
# both ends of every WIDE range, and the code points just outside them
WIDE_EDGES = "".join(
    chr(c + d)
    for lo, hi in [
        (0x1100, 0x11FF),
        (0x3040, 0x30FF),
        (0x3130, 0x318F),
        (0x3400, 0x4DBF),
        (0x4E00, 0x9FFF),
        (0xAC00, 0xD7AF),
        (0xF900, 0xFAFF),
    ]
    for c, d in ((lo, -1), (lo, 0), (hi, 0), (hi, 1))
)
PUNCT = ",،;؛.。、!?؟！？:؟…"
SCRIPTS = "abc ABC 123 العربية فارسی اردو 漢字かなカナ 한국어 ไทย 😀𝔸 ﷺ é ǅ"
CONTROLS = "\x0b\x0c\x1c\x1d\x1e\x1f\x1b\x01"  # lxml will not set them, libxml2's HTML parser keeps them
ALPHABET = "".join(
    c for c in SPACES + NOT_SPACES + WIDE_EDGES + PUNCT + SCRIPTS if c not in CONTROLS + "\x00"
)


def _fixture_roots() -> list[tuple[str, etree._Element]]:
    roots = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm", "input.txt"):
            if (case / name).is_file():
                roots.append((case.name, parse_html(decode((case / name).read_bytes()).text)))
    assert roots, "no fixture inputs found"
    return roots


def _stripped_body(root: etree._Element) -> etree._Element:
    """What the extract stage measures: the body, scripts and styles gone."""
    body = root.find("body")
    body = body if body is not None else root
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    return body


def _random_text(rng: random.Random) -> str | None:
    if rng.random() < 0.2:
        return None
    return "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 24)))


def _random_tree(seed: int) -> etree._Element:
    """Elements of block, inline and link tags, comments, PIs and entities, all with texts and
    tails drawn from every script, whitespace and punctuation the walk counts."""
    rng = random.Random(seed)
    tags = ["div", "p", "a", "span", "b", "li", "ul", "section", "td", "h2", "article", "em"]
    root = etree.Element("body")
    open_ = [root]
    for _ in range(rng.randrange(1, 120)):
        parent = rng.choice(open_)
        kind = rng.random()
        if kind < 0.08:
            node = etree.Comment(rng.choice(["", "note", " x, y. "]))
        elif kind < 0.13:
            node = etree.ProcessingInstruction("pi", "data")
        elif kind < 0.18:
            node = etree.Entity(rng.choice(["nbsp", "amp", "x", "#1234"]))
        else:
            node = etree.Element(rng.choice(tags))
            node.text = _random_text(rng)
            open_.append(node)
        parent.append(node)
        node.tail = _random_text(rng)
    return root


def _generated_roots() -> list[tuple[str, etree._Element]]:
    out = [(f"random-{seed}", _random_tree(seed)) for seed in range(60)]
    empty = etree.Element("body")
    out.append(("empty", empty))
    out.append(("empty-html", lxml.html.document_fromstring("<html></html>")))
    deep = top = etree.Element("div")
    for i in range(5000):  # deeper than any parser builds: no recursion, no fixed stack
        deep = etree.SubElement(deep, "a" if i % 7 == 0 else "div")
        deep.text = "كلمة ، word." if i % 3 else " "
        deep.tail = "\u3000漢字。" if i % 5 == 0 else None
    out.append(("deep", top))
    wide = etree.Element("div")
    for i in range(3000):  # many siblings: the tag cache fills and keeps working
        child = etree.SubElement(wide, f"t{i % 400}")
        child.text = f"x{i}, y"
    out.append(("wide", wide))
    blank = "".join(
        f"<p>{ch * 3}</p><span></span>{ch}a{ch}<b>{ch}</b>" for ch in SPACES + NOT_SPACES[:-2] + CONTROLS
    )
    out.append(("whitespace", parse_html(f"<html><body><div>{blank}</div></body></html>")))
    xml = etree.fromstring(
        '<!DOCTYPE r [<!ENTITY e "ent">]><r xmlns:h="urn:h"><p>one<![CDATA[ two, ]]>three'
        "<h:a>ns link</h:a>tail<a>link</a>&e;after<h:p>block? </h:p><?pi x?>pi tail"
        "<!-- c -->c tail</p></r>",
        etree.XMLParser(strip_cdata=False, resolve_entities=False),
    )
    out.append(("xml-cdata-entities-ns", xml))
    html = parse_html(
        "<html><body><div>a &amp; b &nbsp;&nbsp; c<!-- gone --><p>x<br>y</p>&#x3000;end"
        "<a href=#>لینک، </a><table><tr><td>漢字</td></tr></table></div></body></html>"
    )
    out.append(("html-entities", html))
    return out


def _cases() -> list[tuple[str, etree._Element]]:
    cases = []
    for name, root in _fixture_roots():
        cases.append((f"{name}:root", root))
        cases.append((f"{name}:body", _stripped_body(parse_html(etree.tostring(root, encoding="unicode")))))
    return cases + _generated_roots()


CASES = _cases()


def _same_measures(root: etree._Element) -> None:
    elements = list(root.iter())
    want = twin.measure(root, elements, BLOCK_TAGS)
    for got in (fast.measure(root, elements, BLOCK_TAGS), fast.measure(root, None, BLOCK_TAGS)):
        for w, g in zip(want, got, strict=True):
            assert list(g.items()) == list(w.items())  # same keys, values and order


@needs_build
@pytest.mark.parametrize("name,root", CASES, ids=[c[0] for c in CASES])
def test_measure_is_the_twins(name, root):
    _same_measures(root)
    for el in root.iter():  # every subtree as a root of its own too (its tail is outside)
        if len(el) and el is not root:
            want = twin.measure(el, None, BLOCK_TAGS)
            assert [list(d.items()) for d in fast.measure(el, None, BLOCK_TAGS)] == [
                list(d.items()) for d in want
            ]
            break


@needs_build
@pytest.mark.parametrize("name,root", CASES, ids=[c[0] for c in CASES])
def test_text_of_is_the_twins(name, root):
    elements = [el for el in root.iter() if isinstance(el.tag, str)]
    if len(elements) > 4000:  # a deep chain: every subtree's text is quadratic; take a sample
        elements = elements[:: len(elements) // 50]
    assert [fast.text_of(el) for el in elements] == [twin.text_of(el) for el in elements]


def _same_own(root: etree._Element) -> None:
    _, links, _, punct = twin.measure(root, None, BLOCK_TAGS)
    elements = list(root.iter())
    got = [fast.own(el, links, punct, BLOCK_TAGS) for el in elements]
    assert got == [twin.own(el, links, punct, BLOCK_TAGS) for el in elements]


@needs_build
@pytest.mark.parametrize("name,root", CASES, ids=[c[0] for c in CASES])
def test_own_is_the_twins(name, root):
    _same_own(root)
    # measures that no longer fit the tree (taken before a cut, read after it): still the twin's
    first = next((el for el in root.iter() if len(el) > 1), None)
    if first is not None:
        _, links, _, punct = twin.measure(root, None, BLOCK_TAGS)
        drop_tree(first[0])
        assert fast.own(first, links, punct, BLOCK_TAGS) == twin.own(first, links, punct, BLOCK_TAGS)


@needs_build
def test_measure_after_cuts_is_the_twins():
    """Trees that were cut (tails glued to the previous sibling, as extraction does)."""
    for seed in range(30):
        root = _random_tree(seed)
        rng = random.Random(seed)
        for el in rng.sample(list(root.iter()), k=min(8, len(root) and sum(1 for _ in root.iter()) - 1)):
            if el.getparent() is not None and root in el.iterancestors():
                drop_tree(el)
        _same_measures(root)
        _same_own(root)
        elements = [el for el in root.iter() if isinstance(el.tag, str)]
        assert [fast.text_of(el) for el in elements] == [twin.text_of(el) for el in elements]


@needs_build
def test_weigh_is_the_twins():
    rng = random.Random(17)
    texts = ["", " ", SPACES, NOT_SPACES, WIDE_EDGES, PUNCT, SCRIPTS, ALPHABET]
    texts += [ch for ch in ALPHABET] + ["\ud800", "a\udfffb", "\U0010ffff x"]
    texts += ["".join(rng.choice(ALPHABET) for _ in range(rng.randrange(0, 40))) for _ in range(2000)]
    assert [fast.weigh(t) for t in texts] == [twin.weigh(t) for t in texts]


@needs_build
def test_other_nodes_as_roots():
    """A comment, a PI or an entity asked about on its own: as lxml reads it."""
    root = etree.fromstring("<r><!--c-->t<?p d?>u</r>")
    nodes = [*root, etree.Entity("amp")]
    for node in nodes:
        for module in (fast, twin):
            with pytest.raises(ValueError, match="not an XML element"):
                module.text_of(node)
        assert [list(d.items()) for d in fast.measure(node, None, BLOCK_TAGS)] == [
            list(d.items()) for d in twin.measure(node, None, BLOCK_TAGS)
        ]


def _attribute_page(seed: int) -> etree._Element:
    """An HTML page of elements with author-ish marks in every attribute spelling the parser
    meets: repeated, empty, valueless, upper-case, entity-escaped, prefixed, on skipped tags."""
    rng = random.Random(seed)
    words = ["author", "By-Line", "writer", "x", "", "auth&amp;or", "a&#x41;", "نویسنده", "كاتب", "post"]
    attrs = ["class", "id", "rel", "itemprop", "CLASS", "data-id", "xml:id", "hidden", "Rel"]
    tags = ["div", "span", "a", "p", "meta", "link", "script", "style", "li", "address"]
    parts = []
    for _ in range(200):
        marks = " ".join(
            f'{rng.choice(attrs)}="{rng.choice(words)} {rng.choice(words)}"'
            if rng.random() < 0.8
            else rng.choice(attrs)
            for _ in range(rng.randrange(0, 5))
        )
        tag = rng.choice(tags)
        parts.append(
            f"<{tag} {marks}>{rng.choice(words)}</{tag}>" if rng.random() < 0.9 else f"<!-- {marks} -->"
        )
    return parse_html(f"<html><head><title>t</title></head><body>{''.join(parts)}</body></html>")


MARK_NAMES = ("class", "id", "rel", "itemprop")
MARK_SKIP = frozenset({"script", "style", "meta", "link"})


def test_marked_is_the_twins():
    from archiver._speedups import attrs as twin
    from archiver.extract.authors import _AUTHOR_MARK

    fast = compiled_or_skip("attrs")

    roots = [root for _, root in CASES] + [_attribute_page(seed) for seed in range(20)]
    patterns = [_AUTHOR_MARK, re.compile("a"), re.compile("^ *$"), re.compile("auth&or|aa")]
    patterns += [
        re.compile(r"^\S+ {3}$"),
        re.compile(r"^\S* \S+ "),
        re.compile(r"\S $"),
    ]  # where each value sits
    for root in roots:
        for pattern in patterns:
            for names in (MARK_NAMES, ("id",), ("rel", "class")):
                want = twin.marked(root, names, MARK_SKIP, pattern)
                assert fast.marked(root, names, MARK_SKIP, pattern) == want
    assert any(twin.marked(r, MARK_NAMES, MARK_SKIP, _AUTHOR_MARK) for r in roots[-20:])


def test_the_stages_use_the_picked_walk():
    """The extract stage calls the module ``pick`` chose, so ARCHIVER_PURE reaches it."""
    from archiver._speedups import PURE, pick
    from archiver.extract import authors, parse, second, stats

    chosen = pick("walk")
    assert parse.text_of is chosen.text_of and stats._weigh is chosen.weigh
    assert second._walk is chosen
    assert authors._attrs is pick("attrs")
    assert chosen is (twin if PURE or fast is None else fast)
