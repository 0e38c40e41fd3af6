"""Block-level cleaning inside the chosen article: the title repeated as a heading, link-dense
lines, chrome-phrase lines ("Read more: ..."), and stand-alone bylines and datelines at the top."""

from __future__ import annotations

import re

from . import reasons as R
from .blocks import Proto
from .cues import phrase_cue, token_tuple
from .dates import month_names_removed, parse_date
from .parse import squash, text_of
from .stats import weighted_len

_BYLINE = re.compile(
    r"^(by|بقلم|كتب|كتبت|كتبه|تأليف|الكاتب|المحرر|مراسل|نوشته|par)\b\s*[:：]?", re.IGNORECASE
)
_META_TOKENS = frozenset(
    {
        "author",
        "byline",
        "date",
        "time",
        "meta",
        "dateline",
        "published",
        "timestamp",
        "posted",
        "credit",
        "credits",
        "source",
    }
)
# Captions and photo credits: the ground truth of news archives keeps them out of the body text;
# they stay in ``removed`` (role "caption") for the audit trail.
_CAPTION_TOKENS = frozenset(
    {
        "caption",
        "figcaption",
        "credit",
        "credits",
        "copyright",
        "photo",
        "cap",
        "imagecaption",
        "wp-caption",
        "bildunterschrift",
        "legend",
        "tasmiya",
    }
)
# A caption set as a plain paragraph ends with its credit: "..., photo: Agency", "... © Name",
# "(Foto: dpa)". Prose does not end on a copyright sign or a "photo:" label followed by a name.
_CREDIT_TAIL = re.compile(
    r"(©|\(c\)|\b(?:photo|foto|fotos|photos|bild|image|credit|crédit|zdjęcie|fot\.)\s*[:：])"
    r"[^.!?:：©]{1,60}[)\]]?\s*$",
    re.IGNORECASE,
)
# A call to subscribe, download the app or follow the site, in the second person or imperative.
_PITCH = re.compile(
    r"\b(?:please subscribe|subscribe (?:now|today|to|for)|to subscribe|download (?:the|our)\b.{0,40}"
    r"\bapps?\b|sign up (?:for|to|now|today)|follow us\b|jetzt abonnieren|abonnieren sie|"
    r"abonnez-vous|suscr[ií]bete|ass[ei]ne (?:já|agora)|اشترك (?:الآن|في)|تابعونا|تابعنا)",
    re.IGNORECASE,
)
_MAX_PITCHES = 3  # lines looked at from the end
_GALLERY = 5  # caption text over the rest of the text at which a page is a gallery: captions stay
_CREDIT = re.compile(
    r"^\s*(©|\(c\)|foto|photo|photos|bild|image|credit|quelle|source|صورة|الصورة|"
    r"مصدر الصورة|تصوير|المصدر)\b\s*[:：/]?",
    re.IGNORECASE,
)
_READING_TIME = re.compile(
    r"\d+\s*(min|minute|minutes|minuten|دقائق|دقيقة|دقيقه)\b.{0,20}"
    r"(read|lesezeit|lesedauer|قراءة|lecture)|(lesezeit|lesedauer|reading time|"
    r"وقت القراءة)\s*:?\s*\d",
    re.IGNORECASE,
)
# "330 قراءة", "1.2K views", "12 comments": view and comment counters.
_COUNTER = re.compile(
    r"^[\d٠-٩][\d٠-٩,.٬]*\s*[kKmM]?\s*(قراءة|قراءه|مشاهدة|مشاهده|زيارة|تعليق|تعليقات|views?|reads?|"
    r"comments?|shares?|aufrufe|kommentare)$",
    re.IGNORECASE,
)
_DATE_WORDS = re.compile(
    r"[\d:.,،/\-–|•()+]+|\b(uhr|am|pm|gmt|utc|published|updated|posted|on|at|publiziert|"
    r"aktualisiert|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|"
    r"(?<!\w)(نشر|نشره|نشرت|تم|في|تحديث|آخر|اخر|مساء|مساءً|صباحا|صباحاً|الأحد|الاحد|"
    r"الاثنين|الإثنين|الثلاثاء|الأربعاء|الاربعاء|الخميس|الجمعة|السبت|بتوقيت)(?!\w)",
    re.IGNORECASE,
)


# "باريس / الأناضول", "Abu Dhabi - Sky News", "Name-City": a stand-alone line at the top that is
# two short names (place, agency or reporter) around a slash or dash, without digits or sentence
# punctuation: the dateline of wire and portal copy, not article text.
_PLACE_SOURCE = re.compile(
    r"^[^\W\d_][^\d.!?؟,،:;()\[\]\\\"'«»/\-–—|]{1,28}?\s*[/\-–—|]\s*"
    r"[^\W\d_][^\d.!?؟,،:;()\[\]\\\"'«»/\-–—|]{1,28}$"
)


def _place_source(text: str) -> bool:
    """A place/source dateline. An unspaced hyphen also joins compound words ("Minuten-Tarife",
    "Baden-Württemberg"), so it counts only after two words and before one ("Name Surname-City")."""
    m = _PLACE_SOURCE.match(text)
    if not m or len(text.split()) > 5:
        return False
    sep = re.search(r"\s*[/\-–—|]\s*", text)
    if sep and sep.group().strip() == "-" and sep.group() == "-":
        return len(text[: sep.start()].split()) >= 2 and len(text[sep.end() :].split()) == 1
    return True


def _link_share(proto: Proto) -> float:
    """The share of the block's text (each piece stripped) that is linked."""
    total = linked = 0
    for t, marks in proto.pieces:
        n = len(t.strip())
        total += n
        if marks and n and any(k == "link" for k, _ in marks):
            linked += n
    return linked / total if total else 0.0


def _meta_cue(proto: Proto) -> bool:
    el = proto.source
    for _ in range(3):
        if el is None:
            return False
        # aria-labelledby names the region by its heading's id ("article-byline")
        attrs = f"{el.get('class', '')} {el.get('id', '')} {el.get('aria-labelledby', '')}"
        if not _META_TOKENS.isdisjoint(token_tuple(attrs)) or el.tag == "time":
            return True
        el = el.getparent()
    return False


def _caption_cue(proto: Proto, memo: dict | None = None) -> bool:
    """The block's source or one of its three nearest ancestors is a figure or says it is a
    caption. ``memo``: each element's answer, shared by the blocks of one page (the blocks of
    one container ask about the same ancestors)."""
    el = proto.source
    for _ in range(4):
        if el is None:
            return False
        said = memo.get(el) if memo is not None else None
        if said is None:
            cls, ident = el.get("class"), el.get("id")
            said = el.tag in ("figure", "figcaption") or (
                bool(cls or ident)  # no class and no id: no token
                and not _CAPTION_TOKENS.isdisjoint(token_tuple(f"{cls or ''} {ident or ''}"))
            )
            if memo is not None:
                memo[el] = said
        if said:
            return True
        el = el.getparent()
    return False


def _image_table(table) -> bool:
    """The figure of older CMSs: a table of two or three rows, an image in one (empty of text
    once images are stripped) and one short line of text under it. Data tables have text in
    every row; layout tables that wrap an article have far more text."""
    rows = list(table.iter("tr"))
    if not 2 <= len(rows) <= 3:
        return False
    texts = [text_of(r) for r in rows]
    filled = [t for t in texts if t]
    return (
        len(filled) == 1
        and len(filled[0]) <= 250
        and (len(filled) < len(texts) or next(table.iter("img"), None) is not None)
    )


def _dateline(text: str) -> bool:
    """A short line that is a date plus at most a few words ("Publiziert: 01.07.2023, 11:16")."""
    if len(text) > 60 or not parse_date(text):
        return False
    rest = _DATE_WORDS.sub(" ", text)
    return len(month_names_removed(rest).split()) <= 3


def _credit_mark(text: str) -> bool:
    """``text`` holds a character every ``_CREDIT_TAIL`` match needs: a copyright sign, "(c)",
    or the colon after a "photo" label (a quick test before the search)."""
    return "©" in text or ":" in text or "：" in text or "(c)" in text or "(C)" in text


def _small_print(proto: Proto, text: str, memo: dict | None = None) -> tuple[str, str] | None:
    """Captions, photo credits, reading-time and date lines: short non-prose lines of metadata."""
    n = len(text)
    if proto.role == "caption" or (n < 300 and _caption_cue(proto, memo)):
        return "caption", R.CAPTION
    if n < 120 and _CREDIT.match(text):
        return "caption", R.CREDIT_LINE
    if n < 250 and _credit_mark(text) and _CREDIT_TAIL.search(text) and weighted_len(text) < 250:
        return "caption", R.CREDIT_TAIL
    if n < 60 and _READING_TIME.search(text):
        return "byline", R.READING_TIME
    if n <= 60 and _dateline(text):
        return "dateline", R.DATE_ONLY
    return None


def block_cue(
    proto: Proto, index: int, title: str | None, phrases: tuple[str, ...]
) -> tuple[str, str] | None:
    """(role, reason) when a block is chrome or metadata rather than article text; else None."""
    return _block_cue(proto, squash(proto.plain()), index, title, phrases)


def _block_cue(
    proto: Proto, text: str, index: int, title: str | None, phrases: tuple[str, ...], memo: dict | None = None
) -> tuple[str, str] | None:
    """``block_cue`` given the block's squashed text (``memo``: :func:`_caption_cue`'s)."""
    if proto.role == "table" and proto.source is not None and _image_table(proto.source):
        return "caption", R.IMAGE_TABLE
    if proto.role == "table" or proto.role == "code":
        return None
    if title and index < 4 and squash(title) == text:
        return "title", R.TITLE_REPEATED
    if index < 4 and proto.role == "heading" and proto.level == 1:
        return "title", R.HEADLINE_H1  # the page headline is a document field, not body text
    n = len(text)
    if n < 40 and _COUNTER.match(text):
        return "byline", R.COUNTER
    cue = phrase_cue(text, phrases) if n < 200 else None
    if cue:
        return cue
    if n < 200 and _link_share(proto) > 0.6:
        return "links", R.LINK_DENSITY
    el = proto.source
    if el is not None and el.tag == "a" and (el.get("href") or "").startswith("#") and n < 80:
        return "navigation", R.SKIP_LINK
    small = _small_print(proto, text, memo)
    if small:
        return small
    if index < 6 and n < 100:
        if _BYLINE.match(text):
            return "byline", R.BYLINE_LEAD
        if _meta_cue(proto):
            return "byline", R.META_CLASS
        if n < 60 and parse_date(text):
            return "dateline", R.DATE_ONLY
    if index < 3 and _place_source(text):
        return "dateline", R.PLACE_SOURCE
    return None


def filter_blocks(
    protos: list[Proto], title: str | None, phrases: tuple[str, ...] = ()
) -> tuple[list[Proto], list[tuple[Proto, str, str]]]:
    texts = [squash(proto.plain()) for proto in protos]  # each block's text, squashed once
    memo: dict = {}  # the caption cue of each source element and ancestor, for both passes
    kept, cut = _filter(protos, texts, title, phrases, False, memo)
    # Captions stay out of an article's text, but on a gallery, slideshow or video page the
    # captions are what the author wrote and the rest is a line or two of introduction: when they
    # hold many times the text of everything else kept, they stay.
    if not any(reason == R.CAPTION for _, _, reason in cut):  # most pages: nothing to weigh
        return kept, cut
    size = {id(p): len(t) for p, t in zip(protos, texts)}
    captions = sum(size[id(p)] for p, _, reason in cut if reason == R.CAPTION)
    if captions > _GALLERY * sum(size[id(p)] for p in kept if p.role != "heading"):
        kept, cut = _filter(protos, texts, title, phrases, True, memo)
    return kept, cut


def _filter(
    protos: list[Proto],
    texts: list[str],
    title: str | None,
    phrases: tuple[str, ...],
    keep_captions: bool,
    memo: dict | None = None,
) -> tuple[list[Proto], list[tuple[Proto, str, str]]]:
    kept: list[Proto] = []
    cut: list[tuple[Proto, str, str]] = []
    box: str | None = None
    repeated = _repeated_lines(protos, texts)
    for i, (proto, text) in enumerate(zip(protos, texts)):
        cue = _block_cue(proto, text, i, title, phrases, memo)
        if keep_captions and cue == ("caption", R.CAPTION):
            cue = None
        if cue is None and text in repeated:
            cue = ("boilerplate", R.REPEATED_LINE)
        if cue is None and box and _box_item(proto, text):
            cue = (box, f"{R.UNDER_HEADING}:{box}")
        box = cue[0] if cue and proto.role == "heading" and cue[0] in _BOX_ROLES else (box if cue else None)
        if cue is None:
            kept.append(proto)
        else:  # a repeat of the title too: it is no body text, but its cut is on record (issue 18)
            cut.append((proto, *cue))
    return _trailing_pitches(kept, cut)


def _trailing_pitches(
    kept: list[Proto], cut: list[tuple[Proto, str, str]]
) -> tuple[list[Proto], list[tuple[Proto, str, str]]]:
    """The last few lines of an article that ask the reader to subscribe, download the app or
    follow the site are the publisher's pitch, not the story; a pitch in mid-article is left."""
    n = len(kept)
    while (
        n > 1 and len(kept) - n < _MAX_PITCHES and kept[n - 1].role in ("paragraph", "heading", "list_item")
    ):
        text = squash(kept[n - 1].plain())
        if len(text) > 250 or not _PITCH.search(text):
            break
        n -= 1
    if n == len(kept):
        return kept, cut
    return kept[:n], cut + [(p, "promo", R.TRAILING_PITCH) for p in kept[n:]]


def _repeated_lines(protos: list[Proto], texts: list[str]) -> set[str]:
    """Short lines that recur three or more times in one article ("Article content",
    "Advertisement", "Loading...") are template furniture, whatever their language."""
    counts: dict[str, int] = {}
    for proto, text in zip(protos, texts):
        if proto.role in ("table", "code"):
            continue
        if 0 < len(text) <= 60:
            counts[text] = counts.get(text, 0) + 1
    return {t for t, n in counts.items() if n >= 3}


_BOX_ROLES = frozenset({"related", "most-read", "comments", "topics", "newsletter"})


def _box_item(proto: Proto, text: str) -> bool:
    """Under a chrome heading, list items and short unpunctuated lines belong to the box."""
    return proto.role == "list_item" or (len(text) < 150 and not re.search(r"[.!?؟。]\s*$", text))
