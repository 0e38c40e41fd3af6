"""The metadata walks made cheaper (issue 17) give what the plain walks give (reference copies kept
here): the menu labels (a nested menu's links read once), the visible date (elements asked only
when their class/id/itemprop holds a date token), the text byline (a page holding no lead word
is not walked), the first text date (the short pieces read in one walk), the relative date
(only ``<time>`` and date-marked elements asked); on every fixture page and on generated pages."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from lxml import etree

from archiver.decode import decode
from archiver.extract import byline, pagedates
from archiver.extract.cues import token_tuple
from archiver.extract.dates import parse_date
from archiver.extract.parse import parse_html, squash, text_of
from archiver.extract.relative_dates import capture_time, resolve

ROOT = Path(__file__).resolve().parents[2]


def reference_menu_labels(root: etree._Element) -> frozenset[str]:
    out: set[str] = set()
    names: set[str] = set()
    for el in root.iter("nav", "ul"):
        marks = f"{el.get('class', '')} {el.get('id', '')}".lower()
        if el.tag == "nav" or "menu" in marks or "nav" in marks:
            for a in el.iter("a"):
                text = text_of(a)
                (names if len(text.split()) > 1 else out).add(byline._key(text))
    return frozenset(k for k in out if k and k not in names)


def reference_visible_date(root: etree._Element) -> str | None:
    body = root.find("body")
    if body is None:
        return None
    for el in body.iter():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
        if not attrs.strip() or pagedates._DATE_TOKENS.isdisjoint(token_tuple(attrs)):
            continue
        for value in (el.get("datetime"), el.get("content"), el.get("title")):
            found = parse_date(value)
            if found:
                return found
        text = text_of(el)
        if len(text) <= 120:
            found = parse_date(text)
            if found:
                return found
    return None


def reference_text_byline(root: etree._Element) -> str | None:
    body = root.find("body")
    for el in body.iter() if body is not None else ():
        if (
            not isinstance(el.tag, str)
            or el.tag in ("script", "style", "nav", "footer")
            or not el.text
            or not byline._LEAD_START.match(el.text)
        ):
            continue
        text = squash(text_of(el))
        if byline._LEAD_ONLY.match(text) and el.getparent() is not None:
            text = squash(text_of(el.getparent()))
        m = byline._TEXT_LEAD.match(text) if len(text) <= 60 else None
        if m and not any(c.isdigit() for c in m.group(1)):
            return m.group(1)
    return None


def reference_first_text_date(root: etree._Element) -> str | None:
    body = root.find("body")
    for el in body.iter() if body is not None else ():
        if not isinstance(el.tag, str) or el.tag in ("script", "style", "noscript", "template"):
            continue
        for piece in (el.text, el.tail):
            if piece and 6 <= len(piece.strip()) <= 80:
                found = parse_date(piece)
                if found:
                    return found
    return None


CAPTURED = "2024-05-06T12:00:00Z"


def reference_relative_date(root: etree._Element) -> tuple[str, str] | None:
    body = root.find("body")
    when = capture_time(CAPTURED)
    for el in body.iter() if body is not None else ():
        if not isinstance(el.tag, str) or el.tag in ("script", "style"):
            continue
        if el.tag != "time":
            attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('itemprop', '')}"
            if not attrs.strip() or pagedates._DATE_TOKENS.isdisjoint(token_tuple(attrs)):
                continue
        found = resolve(text_of(el), when)
        if found:
            return found
    return None


def relative_date(root: etree._Element) -> tuple[str, str] | None:
    return pagedates._relative_date(root, CAPTURED)


CLASSES = ["", "menu", "main-nav", "NavBar", "post-date", "entryDate", "no-date", "date-active", "pubDate"]
CLASSES += ["metaData", "time\u212a", "tarı\u212ah", "info", "datum", "x", "ΑΣ-date", "data_x", "published"]
TEXTS = [
    "",
    "Home",
    "Sport News",
    "رأي",
    "2021-03-04",
    "كتب: سعيد خالد",
    "كتب:",
    "بقلم أحمد علي",
    "4 May 2019",
]
TEXTS += [
    "إعداد: منى",
    "Posted 12 June 2020",
    "اعداد ليلى حسن",
    "\u00a0",
    "كتبت",
    "منذ ساعتين",
    "3 hours ago",
]
TAGS = ["div", "ul", "nav", "li", "a", "span", "time", "p", "script", "footer"]


def _page(rng: random.Random) -> str:
    out = []
    for _ in range(rng.randrange(1, 70)):
        tag = rng.choice(TAGS)
        attr = rng.choice(["class", "id", "itemprop", "title", "datetime"])
        value = rng.choice(CLASSES + TEXTS)
        out.append(f'<{tag} {attr}="{value}">{rng.choice(TEXTS)}')
        if rng.random() < 0.6:
            out.append(f"</{tag}>{rng.choice(TEXTS)}")
    return "<html><body>" + "".join(out) + "</body></html>"


def _roots() -> list[etree._Element]:
    roots = []
    for case in sorted((ROOT / "fixtures").iterdir()):
        for name in ("input.html", "input.htm"):
            if (case / name).is_file():
                roots.append(parse_html(decode((case / name).read_bytes()).text))
    rng = random.Random(17)
    roots += [parse_html(_page(rng)) for _ in range(400)]
    return roots


ROOTS = _roots()
WALKS = [
    (byline.menu_labels, reference_menu_labels),
    (pagedates._visible_date, reference_visible_date),
    (byline.text_byline, reference_text_byline),
    (pagedates._first_text_date, reference_first_text_date),
    (relative_date, reference_relative_date),
]


@pytest.mark.parametrize(("walk", "reference"), WALKS, ids=[w[0].__name__ for w in WALKS])
def test_walk_equals_the_reference(walk, reference):
    got = [walk(root) for root in ROOTS]
    assert got == [reference(root) for root in ROOTS]
    assert sum(1 for g in got if g) > 40  # not vacuous: most generated pages find something
