"""Dates to ISO 8601, including Arabic month names (both naming systems) and Arabic-Indic digits."""

from __future__ import annotations

import re
from datetime import datetime

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MONTHS = {
    # Egyptian/Gulf names (from the Latin months)
    "يناير": 1,
    "فبراير": 2,
    "مارس": 3,
    "أبريل": 4,
    "ابريل": 4,
    "إبريل": 4,
    "مايو": 5,
    "يونيو": 6,
    "يونيه": 6,
    "يوليو": 7,
    "يوليه": 7,
    "أغسطس": 8,
    "اغسطس": 8,
    "سبتمبر": 9,
    "أكتوبر": 10,
    "اكتوبر": 10,
    "نوفمبر": 11,
    "ديسمبر": 12,
    # Levantine/Iraqi names (Syriac)
    "كانون الثاني": 1,
    "شباط": 2,
    "آذار": 3,
    "اذار": 3,
    "نيسان": 4,
    "أيار": 5,
    "ايار": 5,
    "حزيران": 6,
    "تموز": 7,
    "آب": 8,
    "اب": 8,
    "أيلول": 9,
    "ايلول": 9,
    "تشرين الأول": 10,
    "تشرين الاول": 10,
    "تشرين الثاني": 11,
    "كانون الأول": 12,
    "كانون الاول": 12,
    # Maghrebi names
    "جانفي": 1,
    "فيفري": 2,
    "أفريل": 4,
    "افريل": 4,
    "ماي": 5,
    "جوان": 6,
    "جويلية": 7,
    "أوت": 8,
    "اوت": 8,
    # German, French, Spanish, Italian, Portuguese, Polish (genitive): European sites write dates
    # in words, day first (so do the Dutch, Scandinavian, Turkish and Slavic names below)
    "januar": 1,
    "jänner": 1,
    "februar": 2,
    "märz": 3,
    "maerz": 3,
    "mai": 5,
    "juni": 6,
    "juli": 7,
    "oktober": 10,
    "dezember": 12,
    "janvier": 1,
    "février": 2,
    "fevrier": 2,
    "mars": 3,
    "avril": 4,
    "juin": 6,
    "juillet": 7,
    "août": 8,
    "aout": 8,
    "septembre": 9,
    "octobre": 10,
    "novembre": 11,
    "décembre": 12,
    "decembre": 12,
    "enero": 1,
    "febrero": 2,
    "marzo": 3,
    "abril": 4,
    "mayo": 5,
    "junio": 6,
    "julio": 7,
    "agosto": 8,
    "septiembre": 9,
    "setiembre": 9,
    "octubre": 10,
    "noviembre": 11,
    "diciembre": 12,
    "gennaio": 1,
    "febbraio": 2,
    "aprile": 4,
    "maggio": 5,
    "giugno": 6,
    "luglio": 7,
    "settembre": 9,
    "ottobre": 10,
    "dicembre": 12,
    "janeiro": 1,
    "fevereiro": 2,
    "março": 3,
    "maio": 5,
    "junho": 6,
    "julho": 7,
    "setembro": 9,
    "outubro": 10,
    "dezembro": 12,
    "stycznia": 1,
    "lutego": 2,
    "marca": 3,
    "kwietnia": 4,
    "maja": 5,
    "czerwca": 6,
    "lipca": 7,
    "sierpnia": 8,
    "września": 9,
    "października": 10,
    "listopada": 11,
    "grudnia": 12,
    # Dutch, Scandinavian, Turkish
    "januari": 1,
    "februari": 2,
    "maart": 3,
    "mei": 5,
    "augustus": 8,
    "desember": 12,
    "ocak": 1,
    "şubat": 2,
    "mart": 3,
    "nisan": 4,
    "mayıs": 5,
    "haziran": 6,
    "temmuz": 7,
    "ağustos": 8,
    "eylül": 9,
    "ekim": 10,
    "kasım": 11,
    "aralık": 12,
    # Russian and Ukrainian (genitive: "15 августа 2016")
    "января": 1,
    "февраля": 2,
    "марта": 3,
    "апреля": 4,
    "мая": 5,
    "июня": 6,
    "июля": 7,
    "августа": 8,
    "сентября": 9,
    "октября": 10,
    "ноября": 11,
    "декабря": 12,
    "січня": 1,
    "лютого": 2,
    "березня": 3,
    "квітня": 4,
    "травня": 5,
    "червня": 6,
    "липня": 7,
    "серпня": 8,
    "вересня": 9,
    "жовтня": 10,
    "листопада": 11,
    "грудня": 12,
    # English
    "january": 1,
    "february": 2,
    "march": 3,
    "april": 4,
    "may": 5,
    "june": 6,
    "july": 7,
    "august": 8,
    "september": 9,
    "october": 10,
    "november": 11,
    "december": 12,
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
# "24 نيسان / أبريل 2020": Levantine and Egyptian month names side by side are common; the second
# name is optional and must name the same month system pair, so it is matched and ignored.
_DMY_NAME = re.compile(
    rf"(?<!\d)(\d{{1,2}})\.?\s*(?:من\s+|de\s+)?({_MONTH_ALT})\.?"
    rf"(?:\s*/\s*(?:{_MONTH_ALT}))?\s*[,،]?\s*(?:de\s+)?(\d{{4}})",
    re.IGNORECASE,
)
_MDY_NAME = re.compile(rf"({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?[,،]?\s+(\d{{4}})", re.IGNORECASE)
_ISO = re.compile(
    r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?"
)
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_YMD_SLASH = re.compile(r"(?<!\d)(\d{4})([/.])(\d{1,2})\2(\d{1,2})(?!\d)")
# Every pattern above needs a four-digit year: text without one is answered by one cheap search.
_YEAR = re.compile(r"\d{4}")


def _month(name: str) -> int:
    """The number of a month name as matched: the patterns match case-insensitively, and a few
    letters match there without lower-casing to the listed spelling ("MAYIS" to "mayıs", the long
    s of "ſep")."""
    found = _MONTHS.get(name.lower())
    if found is not None:
        return found
    return next(v for k, v in _MONTHS.items() if re.fullmatch(re.escape(k), name, re.IGNORECASE))


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return datetime(y, m, d).strftime("%Y-%m-%d") if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def _clock(hour: str, minute: str, second: str | None, zone: str | None) -> str | None:
    """The time as "hh:mm:ss" and the zone ("Z", "+hh:mm") in ASCII digits (``\\d`` also matches
    the digits of other scripts), or None when the time is no time of day ("25:61")."""
    h, mi, s = int(hour), int(minute), int(second or 0)
    if not (h < 24 and mi < 60 and s <= 60):
        return None
    if zone and zone != "Z":
        zone = f"{zone[0]}{int(zone[1:3]):02d}:{int(zone[-2:]):02d}"
    return f"{h:02d}:{mi:02d}:{s:02d}{zone or ''}"


def _iso(m: re.Match[str]) -> str | None:
    day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if day is None or m.group(4) is None:
        return day
    clock = _clock(m.group(4), m.group(5), m.group(6), m.group(7))
    return f"{day}T{clock}" if clock else day


# "Wed, 04 May 2022 02:41:00 GMT" (RFC 2822/1123: HTTP headers, RSS, some JSON-LD): the time and
# zone are kept, as for ISO input, so the day can be read in the page's own zone.
_RFC2822 = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun),?\s+(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|"
    r"Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s*(GMT|UTC|UT|Z|[+-]\d{4})\b"
)
_RFC_MONTHS = {
    m: i
    for i, m in enumerate(
        ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"], 1
    )
}


def _rfc2822(m: re.Match[str]) -> str | None:
    day = _valid(int(m.group(3)), _RFC_MONTHS[m.group(2)], int(m.group(1)))
    if day is None:
        return day
    zone = m.group(7)
    clock = _clock(m.group(4), m.group(5), m.group(6), "Z" if zone in ("GMT", "UTC", "UT", "Z") else zone)
    return f"{day}T{clock}" if clock else day


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO 8601 (date, or date-time when one is given)."""
    if not text:
        return None
    text = text.translate(_DIGITS).replace("\u200f", " ").replace("\u200e", " ")
    if not _YEAR.search(text):
        return None
    m = _ISO.search(text)
    if m:
        return _iso(m)
    m = _RFC2822.search(text)
    if m:
        return _rfc2822(m)
    m = _DMY_NAME.search(text)
    if m:
        return _valid(int(m.group(3)), _month(m.group(2)), int(m.group(1)))
    m = _MDY_NAME.search(text)
    if m:
        return _valid(int(m.group(3)), _month(m.group(1)), int(m.group(2)))
    m = _YMD_SLASH.search(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(3)), int(m.group(4)))
    m = _NUMERIC.search(text)
    if m:  # day first: the convention of Arabic and European sites
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None


def month_names_removed(text: str) -> str:
    """``text`` with month names (every naming system above) and weekday-free digits removed."""
    return re.sub(_MONTH_ALT, " ", text, flags=re.IGNORECASE)
