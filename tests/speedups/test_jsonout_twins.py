"""Indented JSON: compiled twin, pure twin and ``json.dumps(indent=2)`` write the same text (issue 17)."""

from __future__ import annotations

import json
import random

import pytest
from goldens import cases, clean_case
from twinkit import compiled_or_skip, fixture_texts, generated, random_unicode, twin

from archiver.render.codec import document_dict

PURE = twin("jsonout")


@pytest.fixture(scope="module")
def fast():
    return compiled_or_skip("jsonout")


def _reference(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


class _Str(str):
    pass


class _Int(int):
    def __repr__(self) -> str:
        return "not json"


class _Float(float):
    pass


class _Dict(dict):
    pass


class _List(list):
    pass


_LEAVES = [None, True, False, 0, -7, 2**70, 0.1, 1e-7, -0.0, float("nan"), float("inf"), -float("inf")]
_LEAVES += ["", "x", 'q"\\\n\x00\x1f\x7fé\u2028ب', "\ud800 lone", "𝕏 astral", "\t", _Str('s"ub')]
_LEAVES += [_Int(5), _Float(2.5), (), []]


def _random_json(rnd: random.Random, texts: list[str], depth: int = 0) -> object:
    r = rnd.random()
    if depth > 4 or r < 0.45:
        return rnd.choice(_LEAVES) if rnd.random() < 0.6 else rnd.choice(texts)
    if r < 0.7:
        items = [_random_json(rnd, texts, depth + 1) for _ in range(rnd.randint(0, 5))]
        return rnd.choice((list, tuple, _List))(items)
    out = {
        rnd.choice(texts)[:8] + str(i): _random_json(rnd, texts, depth + 1) for i in range(rnd.randint(0, 5))
    }
    if rnd.random() < 0.2:
        out.update({1: 2, 2.5: 3, None: 4, False: 5, _Int(9): 6})
    return _Dict(out) if rnd.random() < 0.1 else out


def test_every_fixture_record(fast):
    for case in cases():
        record = document_dict(clean_case(case))
        assert fast.dumps_indented(record) == PURE.dumps_indented(record) == _reference(record), case.name


def test_generated_structures(fast):
    rnd = random.Random(11)
    texts = fixture_texts()[::5] + generated(600) + [random_unicode(rnd, 30) for _ in range(200)]
    for _ in range(4000):
        obj = _random_json(rnd, texts)
        assert fast.dumps_indented(obj) == PURE.dumps_indented(obj) == _reference(obj), repr(obj)[:300]


def test_every_code_point_in_a_string(fast):
    """Escaped or written as it is: each character alone and inside UCS-1, UCS-2 and UCS-4 text."""
    for cp in [*range(0x300), *range(0xD7F0, 0xE010), 0xFFFF, 0x10000, 0x10FFFF]:
        ch = chr(cp)
        for text in (ch, "a" + ch, "ب" + ch + "b", "𝕏" + ch):
            assert fast.dumps_indented([text]) == PURE.dumps_indented([text]) == _reference([text]), hex(cp)


def test_deep_nesting_is_the_twins_recursion(fast):
    deep: list = []
    for _ in range(600):
        deep = [deep, {"k": 1}]
    assert fast.dumps_indented(deep) == PURE.dumps_indented(deep) == _reference(deep)
    for _ in range(5000):
        deep = [deep]
    with pytest.raises(RecursionError):
        fast.dumps_indented(deep)


@pytest.mark.parametrize("bad", [{"a": object()}, [{1j: 1}], [1, {2, 3}], {"a": [b"x"]}])
def test_what_json_rejects_both_reject(fast, bad):
    for dumps in (fast.dumps_indented, PURE.dumps_indented, _reference):
        with pytest.raises(TypeError):
            dumps(bad)
