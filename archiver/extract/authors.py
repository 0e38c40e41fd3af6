"""Authors: from JSON-LD, <meta name=author>, or the visible byline — cleaned of the words
around names ("By", "von", "بقلم", "Posted by ... at 18:52") and split into names."""

from __future__ import annotations

import re

from lxml import etree

from .._speedups import pick
from .byline import labelled_section, repeated_marks
from .parse import squash, text_of

_attrs = pick("attrs")  # the attribute walk, compiled or pure (archiver/_speedups/attrs.py)

_LEAD = re.compile(
    r"^(?:posted (?:on .{4,30}? )?by|written by|published by|"
    r"eingestellt von|geschrieben von|verfasst von|text und \w+|"
    r"(?:veröffentlicht|publiziert|erschienen)(?:\s+am\s+[^,]{4,30}?)?\s+von|publié par|écrit par|"
    r"publicado por|escrito por|pubblicato da|scritto da|vom|erstellt von|créé par|creado por|criado por|"
    r"text|author|authors|autor|autorin|autoren|auteur|auteurs|redaktion|by|von|par|por|di|door|"
    r"بقلم|كتب|كتبت|كتبه|الكاتب|المؤلف|إعداد|اعداد|تحرير)\b\s*[:：]?\s*",
    re.IGNORECASE,
)
_TAIL = re.compile(
    r"\s+(?:am|at|on|le|el|um|في|\||-|–|—)\s+.*$|\s*[-–—|,:;]+\s*$|\s+says:?$"
    r"|\s+\d{1,3}$"  # a count or footnote mark after the name ("… Brazil 0")
    r"|(?:\s+@\w+)+$",
    re.IGNORECASE,
)  # a social-media handle after it ("… Perdomo @wperdomod")
_QUOTES = "\"'“”„«»‘’"
# "A, B, and C": the serial comma's "and" goes with the comma. Arabic "،"/"؛" separate too; an
# attached "و" ("، وأحمد") is left on the name: it also begins names (وليد, وائل).
_SPLIT = re.compile(
    r"\s*(?:[,;،؛]\s*(?:(?:and|und|et|y|e|و)\s+)?|\s&\s|\s+(?:and|und|et|y|e|و)\s+)\s*", re.IGNORECASE
)
_LABELS = frozenset(
    {
        "author",
        "authors",
        "autor",
        "autoren",
        "auteur",
        "auteurs",
        "by",
        "posted",
        "publiziert am",
        "redaktion",
        "الكاتب",
        "المحرر",
        "admin",
    }
)
_AUTHOR_TOKENS = ("author", "byline", "autor", "auteur", "kateb", "katib", "writer", "contributor")
_AUTHOR_MARK = re.compile("|".join(_AUTHOR_TOKENS))  # "any token is a substring", in one C scan
_MAX_LISTED = 5  # names a byline lists as elements of one kind
# Degrees and titles written after a name ("Grant Tinsley, PhD"): split off by the comma, no names.
_CREDENTIALS = frozenset(
    {
        "PHD",
        "MD",
        "RD",
        "RN",
        "MSC",
        "MBA",
        "MPH",
        "BSC",
        "BA",
        "JD",
        "LLM",
        "DPHIL",
        "CPT",
        "CSCS",
        "RDN",
        "LD",
        "FACS",
        "MBBS",
        "ESQ",
        "JR",
        "SR",
    }
)


def clean_author(text: str) -> str | None:
    """A name from a byline string, or None when nothing name-like is left."""
    text = squash(text)
    for _ in range(2):
        text = _LEAD.sub("", text).strip()
    text = _TAIL.sub("", text).strip(" -–—|:,")
    if len(text) > 2 and text[0] in _QUOTES and text[-1] in _QUOTES:  # 'Jane Doe' quoted whole
        text = text[1:-1].strip()
    if not 2 < len(text) < 80 or text.casefold() in _LABELS or sum(c.isdigit() for c in text) > 2:
        return None
    return text


# "كايلا إبستين وأنجليكا كاساس": و attached to the second of two names of two words or more each
# (one word before it is a first name that may begin with و: "محمد وليد").
_ATTACHED_AND = re.compile(r"^(\S+(?:\s+\S+)+)\s+و(\S+(?:\s+\S+)+)$")


def _two_names(name: str) -> list[str]:
    m = _ATTACHED_AND.match(name)
    return [m.group(1), m.group(2)] if m and " و" not in m.group(1) else [name]


def split_names(names: list[str]) -> list[str]:
    """Cleaned, de-duplicated names; "A and B", "A und B", "A و B" become two names."""
    out: list[str] = []
    for raw in names:
        cleaned = clean_author(raw)
        if not cleaned:
            continue
        for name in (n for part in _SPLIT.split(cleaned) for n in _two_names(part)):
            name = clean_author(name) or ""
            if name and name not in out and name.replace(".", "").upper() not in _CREDENTIALS:
                out.append(name)
    return out


def _marked(root: etree._Element) -> list[etree._Element]:
    """Elements marked as author/byline (class, id, rel, itemprop), in document order."""
    return _attrs.marked(root, _MARK_ATTRS, _UNMARKED_TAGS, _AUTHOR_MARK)


_MARK_ATTRS = ("class", "id", "rel", "itemprop")
_UNMARKED_TAGS = frozenset({"script", "style", "meta", "link"})


_AUTHOR_ITEM = re.compile(r"^(?:author|authors|by|الكاتب|بقلم)\b", re.IGNORECASE)


def byline_authors(root: etree._Element) -> list[str]:
    """The first element marked as author/byline with a name in it. Marks repeated on three
    elements or more with different texts are a list of the site's columnists, skipped; a mark
    on the label of a section ("Article information") reads the section's "Author, …" item."""
    marked = _marked(root)
    widgets = repeated_marks(root, marked)
    for el in marked:
        if (
            (el.tag, el.get("class", "")) in widgets
            or el.tag in ("form", "label", "input")
            or next(el.iterancestors("form"), None) is not None
        ):  # a comment form's "Name*"
            continue
        section = labelled_section(el)
        if section is not None:
            items = [text_of(e) for e in section.iter("li", "p", "div") if _AUTHOR_ITEM.match(text_of(e))]
            names = split_names(items[:1])
        else:
            names = split_names(_listed_names(el) or [text_of(el)])
        if names:
            return names
    return []


def _listed_names(el: etree._Element) -> list[str]:
    """The names of a byline that lists them as elements of one kind with nothing but space
    between (``<span class="name">A</span> <span class="name">B</span>``): read as one string
    they would run into one name. [] when the byline is not such a list."""
    leaves = [e for e in el.iter() if isinstance(e.tag, str) and len(e) == 0 and (e.text or "").strip()]
    if not 2 <= len(leaves) <= _MAX_LISTED or len({(e.tag, e.get("class")) for e in leaves}) != 1:
        return []  # (a long list of names is a menu of the site's authors, not a byline)
    texts = [squash(e.text or "") for e in leaves]
    return texts if squash(text_of(el)) == " ".join(texts) else []
