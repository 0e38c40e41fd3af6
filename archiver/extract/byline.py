"""What is not an author, and bylines written as text (issue 13).

Portals fill author fields with what is not a person's name: the publisher (a JSON-LD author of
type Organization, the site's own name or domain), a dateline ("(أبوظبي - البيان)": place and
agency), a section label from the menu ("رأي"), the heading of a byline box ("Article
information"), or the first of a sidebar's list of columnists. Such values are dropped here, so
the next source of authors is read. A byline may also be plain text: "كتب: سعيد خالد" in a short
piece near the article, or a first paragraph "حسام فهمي-القاهرة" (name, dash, place), which is
then no part of the body.
"""

from __future__ import annotations

import re
from typing import Any
from urllib.parse import urlsplit

from lxml import etree

from .._speedups import pick
from .parse import squash, text_of

_menus = pick("menus")  # the texts of the menus' links, compiled or pure

_ORG_TYPES = frozenset(
    {
        "organization",
        "newsmediaorganization",
        "newsorganization",
        "corporation",
        "organisation",
        "website",
        "webpage",
        "brand",
        "localbusiness",
    }
)
_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ة": "ه", "ى": "ي"})
_NOT_KEY = re.compile(r"[\W_]+")
_HOST_WORDS = re.compile(r"[a-z0-9]+")
_HOST_COMMON = frozenset(
    {"www", "com", "net", "org", "co", "uk", "news", "ar", "arabic", "html", "https", "http"}
)


def person_values(value: Any) -> Any:
    """A JSON-LD ``author`` value without its organizations (the publisher is no author)."""
    if isinstance(value, list):
        return [v for v in value if not _is_org(v)]
    return None if _is_org(value) else value


def _is_org(value: Any) -> bool:
    if not isinstance(value, dict):
        return False
    kinds = value.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return any(isinstance(k, str) and k.lower() in _ORG_TYPES for k in kinds)


def _key(text: str) -> str:
    return _NOT_KEY.sub("", text.casefold().translate(_FOLD))


def site_keys(
    names: list[str | None], urls: list[str | None], title: str | None = None
) -> tuple[frozenset[str], frozenset[str]]:
    """Comparison keys of the site's names: (its given names (og:site_name, publisher), names
    matched exactly: its host name and the words of it ("akhbarelyom" of akhbarelyom.com,
    "alaincom" of al-ain.com), the last part of a "Headline - Site" title)."""
    given = {_key(n) for n in names if n}
    hosts: set[str] = set()
    parts = re.split(r"\s+[|\-–—]\s+", title.strip()) if title else []
    if len(parts) > 1:
        hosts.add(_key(parts[-1]))
    for url in urls:
        host = (urlsplit(url).hostname or "") if url and "//" in url else ""
        hosts.update(w for w in _HOST_WORDS.findall(host) if w not in _HOST_COMMON and len(w) > 3)
        hosts.add(_key(host.removeprefix("www.")))
    return frozenset(k for k in given if len(k) >= 3), frozenset(k for k in hosts if len(k) >= 3)


def is_site_name(name: str, keys: tuple[frozenset[str], frozenset[str]]) -> bool:
    """True when ``name`` is the site's name or holds it or is held by it ("بوابة العين الإخبارية"
    beside "العين الإخبارية"), or is its host name or a word of it (exactly: a personal site's
    host holds its author's name, lemire.me: a name of two words or more whose last word is in
    the host is its owner, kept)."""
    key = _key(name)
    given, hosts = keys
    words = name.split()
    if (
        len(words) >= 2
        and len(_key(words[-1])) >= 3
        and any(_key(words[-1]) in h for h in hosts if h.isascii())
    ):
        return False  # the owner of a personal site: "Daniel Lemire" on lemire.me
    return bool(key) and (
        key in hosts or any(key == k or (len(k) >= 4 and (k in key or key in k)) for k in given)
    )


# "(أبوظبي - البيان)", "أبوظبي - سكاي نيوز عربية", "باريس / الأناضول": place, then agency or site
_DATELINE = re.compile(r"^\s*\(.*\)\s*$|^\s*\([^)]*$|^[^()]*\)\s*$")


def is_dateline(raw: str) -> bool:
    """A byline value in brackets (or with a bracket left open by a cut): a dateline."""
    return bool(_DATELINE.match(raw))


def not_authors(
    names: list[str], raws: list[str], keys: tuple[frozenset[str], frozenset[str]], labels: frozenset[str]
) -> list[str]:
    """``names`` without site names, menu labels, credits ("Foto: …", "AFP/…": a colon or a
    slash is in no name) and names cut from datelines (``raws``)."""
    if any(is_dateline(r) for r in raws):
        return []
    return [n for n in names if not is_site_name(n, keys) and _key(n) not in labels and not _CREDIT.search(n)]


_CREDIT = re.compile(r"[:/]")


def menu_labels(root: etree._Element) -> frozenset[str]:
    """Keys of the texts of links in the page's navigation (``nav``, lists whose class or id says
    menu or nav) of one word: a value that is one of them is a section label ("رأي"), not a name
    (a link of two words or more may be an author's page in a menu of columnists). (Not
    ``header``: an article's header holds its byline's links.) Menus repeat their labels
    (desktop and mobile): each distinct text is read once."""
    out: set[str] = set()
    names: set[str] = set()  # links of two words or more: a menu of the site's authors has names
    for text in _menus.menu_texts(root, _MENU_TAGS, _MENU_ALWAYS, _MENU_WORDS, "a"):
        (names if len(text.split()) > 1 else out).add(_key(text))
    return frozenset(k for k in out if k and k not in names)


_MENU_TAGS = ("nav", "ul")  # the elements that may be menus
_MENU_ALWAYS = ("nav",)  # ... that are, whatever their class or id
_MENU_WORDS = ("menu", "nav")  # words of a class or id that make a list a menu


def repeated_marks(root: etree._Element, marked: list[etree._Element]) -> frozenset[tuple[str, str]]:
    """(tag, class) of author-marked elements that occur three times or more with different
    texts: a list of the site's columnists (a sidebar widget), not this article's byline."""
    texts: dict[tuple[str, str], set[str]] = {}
    for el in marked:
        texts.setdefault((el.tag, el.get("class", "")), set()).add(squash(text_of(el)))
    return frozenset(k for k, v in texts.items() if len(v) >= 3)


def labelled_section(el: etree._Element) -> etree._Element | None:
    """The section an element is the label of (``aria-labelledby`` its id), or None: the label
    ("Article information") is the section's heading, its names are inside."""
    ident = el.get("id")
    if not ident or '"' in ident:
        return None
    found = el.getroottree().getroot().xpath(f'//*[@aria-labelledby="{ident}"]')
    return found[0] if found else None


# A short text piece that is a byline: "كتب: سعيد خالد", "كتبت أسماء نصار", "بقلم: ..."
_LEADS = ("كتب", "كتبت", "بقلم", "إعداد", "اعداد")
_LEAD = "|".join(_LEADS)
_TEXT_LEAD = re.compile(rf"^\s*(?:{_LEAD})\s*[:：]?\s+(\S+(?:\s+\S+){{1,3}})\s*[|\-–—]?\s*$")


_LEAD_ONLY = re.compile(rf"^(?:{_LEAD})\s*[:：]?$")
_LEAD_START = re.compile(rf"^\s*(?:{_LEAD})(?:\s|[:：]|$)")


def text_byline(root: etree._Element) -> str | None:
    """The name of the first short element of the body whose text is a byline with an Arabic
    lead ("كتب: <a>سعيد خالد</a>": the lead may be the element's own text, the name a child's or
    a sibling's)."""
    body = root.find("body")
    if body is None or not any(lead in _all_text(body) for lead in _LEADS):
        return None  # no element's text can start with a lead the page does not hold
    for el in body.iter():
        if (
            not isinstance(el.tag, str)
            or el.tag in ("script", "style", "nav", "footer")
            or not el.text
            or not _LEAD_START.match(el.text)
        ):
            continue
        text = squash(text_of(el))
        if _LEAD_ONLY.match(text) and el.getparent() is not None:  # "<span>كتب:</span> <span>name</span>"
            text = squash(text_of(el.getparent()))
        m = _TEXT_LEAD.match(text) if len(text) <= 60 else None
        if m and not any(c.isdigit() for c in m.group(1)):
            return m.group(1)
    return None


def _all_text(el: etree._Element) -> str:
    """Every text node under ``el`` run together (libxml2's content of it, in one C call): each
    element's ``.text`` is a run of it."""
    return etree.tostring(el, method="text", encoding="unicode", with_tail=False)


# A first paragraph that is "Name Name-Place": two to four words, a dash, one or two words.
_NAME_PLACE = re.compile(
    r"^([^\W\d_][\w.]*(?:\s+[^\W\d_][\w.]*){1,3})\s*[-–—]\s*([^\W\d_]\w*(?:\s+[^\W\d_]\w*)?)$"
)


def name_place(text: str, keys: tuple[frozenset[str], frozenset[str]]) -> str | None:
    """The name of a stand-alone "حسام فهمي-القاهرة" line, or None (a site or agency on either
    side makes it a dateline: "أبوظبي - سكاي نيوز عربية")."""
    m = _NAME_PLACE.match(squash(text))
    if not m or is_site_name(m.group(1), keys) or is_site_name(m.group(2), keys):
        return None
    return m.group(1)


def leading_byline(first: tuple[str, str] | None, site_name: str | None, url: str | None) -> str | None:
    """The author's name when the body's first block (``(role, text)``) is a stand-alone
    "name-place" byline line; the caller moves that block to ``removed`` (role ``byline``)."""
    if first is None or first[0] != "paragraph" or len(first[1]) > 60:
        return None
    return name_place(first[1], site_keys([site_name], [url]))


def fuller_name(root: etree._Element, name: str) -> str:
    """A one-word name (JSON-LD "Todd") as the page shows it in full ("<p>Todd Bates</p>": an
    element whose whole text is the name and one or two more capitalised words); else ``name``."""
    if " " in name.strip() or len(name) < 2:
        return name
    pattern = re.compile(rf"{re.escape(name)}(?:\s+[A-ZÀ-Þ][\w'’.-]+){{1,2}}")
    for el in root.iter():
        if isinstance(el.tag, str) and el.text and el.text.lstrip().startswith(name) and len(el) == 0:
            text = squash(el.text)
            if len(text) <= 40 and pattern.fullmatch(text):
                return text
    return name
