"""The extract stages' fast paths (issue 5) give exactly what the plain computations give, on
the fixture pages, a sample of the corpus and random trees: the child-to-parent ``measure``, the
update of measurements when a subtree is dropped, the document-order structural walk, the
per-page scoring memo, the bounded search for the top candidate, the scores valued on demand, the
keyword index and the replayed JSON-LD objects."""

from __future__ import annotations

import gzip
import random

import pytest
from conftest import CORPUS, ROOT
from lxml import etree

from archiver.decode import decode
from archiver.extract import cues, metadata, parse, scoring, stats
from archiver.extract.blocks import BLOCK_TAGS, SKIP_TAGS
from archiver.extract.body import _body, _Extractor
from archiver.extract.parse import drop_bare_readings, inside_tag, parse_html
from archiver.extract.stats import _PUNCT, weighted_len

_WORDS = [
    "news",
    "  ",
    "\n",
    "\u00a0",
    "قال",
    "الوزير،",
    "日本語",
    "한국",
    ".",
    "؟",
    "a,b",
    "x",
    "\t",
    "The minister said the plan would continue, and added more. ",
]
_TAGS = ["div", "p", "a", "span", "b", "li", "ul", "h2", "section", "nav", "td", "article", "main"]


def _pages() -> list[str]:
    texts = [decode(p.read_bytes()).text for p in sorted(ROOT.glob("fixtures/*/input.html"))]
    paths = sorted(CORPUS.glob("*/*/source.html.gz"))[::40]  # a spread sample of real pages
    return texts + [decode(gzip.decompress(p.read_bytes())).text for p in paths]


PAGES = _pages()


def _random_html(rnd: random.Random) -> str:
    def words() -> str:
        return "".join(rnd.choice(_WORDS) for _ in range(rnd.randint(0, 4)))

    def node(depth: int) -> str:
        tag = rnd.choice(_TAGS)
        kids = "".join(node(depth + 1) for _ in range(rnd.randint(0, 3 if depth < 4 else 0)))
        attrs = rnd.choice(
            [
                "class='x'",
                "class='share'",
                "class='comments'",
                "class='article'",
                "itemprop='articleBody'",
                "role='main' id='post'",
                "",
            ]
        )
        return f"<{tag} {attrs}>{words()}{kids}</{tag}>{words()}"

    return f"<html><body>{words()}{''.join(node(0) for _ in range(rnd.randint(1, 4)))}</body></html>"


def _with_comments(body: etree._Element, rnd: random.Random) -> etree._Element:
    """Comments (with tails) in a few places: they are nodes whose text does not count."""
    for el in list(body.iter())[1::7]:
        comment = etree.Comment("ignored, text.")
        comment.tail = rnd.choice(["", " tail, here ", "  "])
        el.insert(0, comment)
    return body


def _bodies() -> list[etree._Element]:
    rnd = random.Random(5)
    out = []
    for html in PAGES:
        body = _body(parse_html(html))
        etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
        out.append(body)
    out += [_with_comments(_body(parse_html(_random_html(rnd))), rnd) for _ in range(150)]
    return out


def _weigh(text: str | None) -> tuple[int, int]:
    return (weighted_len(text), len(_PUNCT.findall(text))) if text else (0, 0)


def _reference(el: etree._Element, out: dict) -> tuple[int, int]:
    """measure by its definition, recursively: (text, marks) of ``el``; fills ``out``."""
    total, marks = _weigh(el.text)
    inline, links = total, 0
    for child in el:
        if isinstance(child.tag, str):
            n, m = _reference(child, out)
            total, marks, links = total + n, marks + m, links + out[child][1]
            inline += 0 if child.tag in BLOCK_TAGS else n
        n, m = _weigh(child.tail)
        total, marks, inline = total + n, marks + m, inline + n
    out[el] = (total, total if el.tag == "a" else links, inline, marks)
    return total, marks


def _as_table(st: stats.Stats, elements) -> dict:
    return {
        el: (st.text[el], st.links[el], st.inline[el], st.punct[el])
        for el in elements
        if isinstance(el.tag, str)
    }


def test_measure_is_its_definition():
    for body in _bodies():
        expected: dict = {}
        _reference(body, expected)
        assert _as_table(stats.measure(body), body.iter()) == expected


def test_dropping_subtrees_keeps_measurements_fresh():
    rnd = random.Random(11)
    for body in _bodies():
        st = stats.measure(body)
        for _ in range(12):
            elements = [e for e in body.iter() if isinstance(e.tag, str) and e is not body]
            if not elements:
                break
            stats.drop_tree(rnd.choice(elements), st)
            assert _as_table(st, body.iter()) == _as_table(stats.measure(body), body.iter())


def _prepared(html: str) -> _Extractor:
    body = _body(parse_html(html))
    etree.strip_elements(body, *SKIP_TAGS, with_tail=False)
    drop_bare_readings(body)
    return _Extractor(body, (), None)


def test_extractor_cuts_keep_its_live_measurements_fresh():
    for html in PAGES:
        ex = _prepared(html)
        ex.structural_pass()
        ex.phrase_pass()
        ex.widget_pass()
        assert _as_table(ex.live, ex.body.iter()) == _as_table(stats.measure(ex.body), ex.body.iter())


def _stack_walk(ex: _Extractor) -> None:
    """The structural pass as a stack of children (its first form)."""
    stack = list(reversed([c for c in ex.body if isinstance(c.tag, str)]))
    while stack:
        el = stack.pop()
        cue = cues.structure_cue(el) or cues._hiding_cue(el, el.keys()) or cues.class_cue(el)
        if el.tag == "header" and not cue and not inside_tag(el, ("article", "main")):
            cue = ("header", "tag:header")
        if cue and ex._prose_despite_weak_cue(el, cue[1]):
            cue = None
        if cue and (not ex._protected(el) or ex._thread(el, cue[0])):
            lead_in = ex._comment_lead_in(el) if cue[0] == "comments" else None
            ex.cut(el, *cue)
            if lead_in is not None:
                ex.cut(lead_in, "comments", "comments-lead-in")
            continue
        stack.extend(reversed([c for c in el if isinstance(c.tag, str)]))


def test_structural_walk_in_document_order_is_the_stack_walk():
    for html in PAGES + [_random_html(random.Random(n)) for n in range(100)]:
        fast, slow = _prepared(html), _prepared(html)
        fast.structural_pass()
        _stack_walk(slow)
        assert [(c.text, c.role, c.reason, c.order) for c in fast.cuts] == [
            (c.text, c.role, c.reason, c.order) for c in slow.cuts
        ]
        assert etree.tostring(fast.body) == etree.tostring(slow.body)


def test_scoring_memo_gives_the_plain_answers():
    for body in _bodies():
        memo = scoring.Memo()
        for el in [e for e in body.iter() if isinstance(e.tag, str)][::3]:
            assert memo.weight(el) == scoring.class_weight(el)
            assert memo.damped(el) is scoring.damped(el)
            assert cues.region_cue(el) == (
                cues.structure_cue(el) or cues._hiding_cue(el, el.keys()) or cues.class_cue(el)
            )
        st = stats.measure(body)
        assert scoring.score(body, st, None, scoring.Memo()) == scoring.score(body, st, None, memo)


def test_top_candidate_is_the_best_of_all_scores():
    for body in _bodies():
        st = stats.measure(body)
        order = {el: i for i, el in enumerate(body.iter())}
        for el in body.iter():
            if isinstance(el.tag, str):
                assert scoring.class_weight(el) <= scoring.W_MAX
        for ld_body in (None, " ".join(body.itertext())):
            expected = scoring.best(scoring.score(body, st, ld_body, scoring.Memo()), order)
            assert scoring.top_candidate(body, st, ld_body, scoring.Memo(), order) is expected


def test_lazy_scores_are_the_scores():
    """``Scores`` values a candidate when asked: each value, the best of all and the best of a
    subset (``_headline_story``'s candidates inside one <article>) are ``score``'s and ``best``'s."""
    for body in _bodies():
        st = stats.measure(body)
        order = {el: i for i, el in enumerate(body.iter())}
        for ld_body in (None, " ".join(body.itertext())):
            plain = scoring.score(body, st, ld_body, scoring.Memo())
            lazy = scoring.Scores(body, st, ld_body, scoring.Memo())
            assert lazy.best(order) is scoring.best(plain, order)
            for home in [body, *body.iter("article", "section", "div")][:6]:
                among = [el for el in lazy.points if el is home or home in el.iterancestors()]
                expected = scoring.best({el: plain[el] for el in among}, order)
                assert lazy.best(order, among) is expected
            elements = [el for el in body.iter() if isinstance(el.tag, str)]
            assert [lazy.get(el, -1) for el in elements] == [plain.get(el, -1) for el in elements]
            assert list(lazy.points) == list(plain)


def _plain_prose_points(body, st, ld_body):
    """``_prose_points`` as it was: the JSON-LD evidence and the data tables first, each by a
    walk of its own, then the candidates."""
    scores = {}
    evidence = scoring._ld_paragraphs(body, st, ld_body)
    tables = scoring._data_tables(body, st)
    top = body.getparent()
    for el in body.iter(*scoring.PROSE_TAGS):
        length = st.inline.get(el, 0)
        if length < scoring._MIN_PROSE or scoring._in_data_table(el, tables):
            continue
        punct = st.punct.get(el, 0) * length / (st.text.get(el, 0) or 1)
        points = 1 + min(punct, 12) * 0.5 + min(length / 100, 3) + (5 if el in evidence else 0)
        if el.tag in ("p", "pre", "td", "blockquote") or length > 80:
            scores[el] = scores.get(el, 0) + points * 0.5
        node = el.getparent()
        for divisor in (1, 2, 3):
            if node is None or node is top:
                break
            scores[node] = scores.get(node, 0) + points / divisor
            node = node.getparent()
    return scores


_TABLES = "<table>" + "<tr><td>1</td><td>2,5</td></tr>" * 4 + "</table>"


def test_prose_points_in_one_walk_are_the_three_walks():
    rnd = random.Random(9)
    bodies = _bodies() + [
        _body(
            parse_html(f"<html><body><div>{_TABLES}<p>{'Prose, more. ' * 9}</p>{_TABLES}</div></body></html>")
        )
    ]
    for body in bodies:
        st = stats.measure(body)
        text = " ".join(body.itertext())
        lds = (None, text, " ".join(sorted(text.split(), key=lambda _: rnd.random())))
        for ld_body in lds:
            assert scoring._prose_points(body, st, ld_body) == _plain_prose_points(body, st, ld_body)


def test_remembered_first_h1_follows_the_cuts():
    """``Memo.first_h1`` is the first <h1> still in the tree after any cuts."""
    rnd = random.Random(4)
    for html in PAGES + ["<html><body><h1>a</h1><div><h1>b</h1><p><h1>c</h1></p></div></body></html>"] * 5:
        body = _body(parse_html(html))
        memo = scoring.Memo()
        for _ in range(6):
            assert memo.first_h1(body) is next(body.iter("h1"), None)
            victims = [el for el in body.iter() if el is not body and isinstance(el.tag, str)]
            h1s = list(body.iter("h1"))
            victim = rnd.choice(h1s if h1s and rnd.random() < 0.5 else victims or [None])
            if victim is None or victim.getparent() is None:
                break
            parse.drop_tree(victim)


def test_drop_tree_is_lxml_html_drop_tree():
    """``parse.drop_tree`` on the plain elements ``parse_html`` gives does what lxml.html's
    ``HtmlElement.drop_tree`` does on its own tree of the same page."""
    import lxml.html

    rnd = random.Random(6)
    for html in [_random_html(rnd) for _ in range(300)] + PAGES[:6]:
        html_parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True)
        ours = parse_html(html)
        theirs = lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=html_parser)
        assert isinstance(theirs, lxml.html.HtmlElement) and not isinstance(ours, lxml.html.HtmlElement)
        for _ in range(5):
            a, b = list(ours.iter()), list(theirs.iter())
            assert len(a) == len(b)
            pick = rnd.randrange(1, len(a)) if len(a) > 1 else None
            if pick is None or a[pick].getparent() is None:
                break
            parse.drop_tree(a[pick])
            b[pick].drop_tree()
            assert etree.tostring(ours) == etree.tostring(theirs)


def test_keyword_index_is_the_table_scan():
    table = cues._padded_keywords()
    vocab = [w for _, word, _ in table for w in word.split()] + ["the", "في", "news", "x"]
    rnd = random.Random(2)
    for _ in range(5000):
        words = [rnd.choice(vocab) for _ in range(rnd.randint(0, 8))]
        if rnd.random() < 0.4:
            words.insert(rnd.randint(0, len(words)), rnd.choice(table)[1])
        key = " ".join(words)
        n = len(key.split())
        expected = next(
            (
                (role, f"keyword:{word}")
                for spaced, word, role in table
                if spaced in f" {key} " and (n <= 4 or f" {key} ".endswith(spaced))
            ),
            None,
        )
        assert cues.keyword_cue(key) == (expected if 0 < n <= 6 else None), key


@pytest.mark.parametrize("html", PAGES[:8] + [PAGES[-1]])
def test_replayed_jsonld_objects_are_the_parsed_ones(html):
    root = parse_html(html)
    replay = metadata._Replay(metadata._jsonld_objects(root))
    first = next(iter(replay), None)
    assert list(replay) == list(metadata._jsonld_objects(root)) == list(replay)
    assert first is None or first == next(iter(replay))
