"""Dates to ISO 8601, including Arabic month names (both naming systems) and Arabic-Indic digits."""
from __future__ import annotations

import re
from datetime import datetime

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
_MONTHS = {
    # Egyptian/Gulf names (from the Latin months)
    "يناير": 1, "فبراير": 2, "مارس": 3, "أبريل": 4, "ابريل": 4, "إبريل": 4, "مايو": 5,
    "يونيو": 6, "يونيه": 6, "يوليو": 7, "يوليه": 7, "أغسطس": 8, "اغسطس": 8, "سبتمبر": 9,
    "أكتوبر": 10, "اكتوبر": 10, "نوفمبر": 11, "ديسمبر": 12,
    # Levantine/Iraqi names (Syriac)
    "كانون الثاني": 1, "شباط": 2, "آذار": 3, "اذار": 3, "نيسان": 4, "أيار": 5, "ايار": 5,
    "حزيران": 6, "تموز": 7, "آب": 8, "اب": 8, "أيلول": 9, "ايلول": 9, "تشرين الأول": 10,
    "تشرين الاول": 10, "تشرين الثاني": 11, "كانون الأول": 12, "كانون الاول": 12,
    # Maghrebi names
    "جانفي": 1, "فيفري": 2, "أفريل": 4, "افريل": 4, "ماي": 5, "جوان": 6, "جويلية": 7,
    "أوت": 8, "اوت": 8,
    # English
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH_ALT = "|".join(sorted((re.escape(m) for m in _MONTHS), key=len, reverse=True))
_DMY_NAME = re.compile(rf"(?<!\d)(\d{{1,2}})\s*(?:من\s+)?({_MONTH_ALT})\.?\s*,?\s*(\d{{4}})", re.IGNORECASE)
_MDY_NAME = re.compile(rf"({_MONTH_ALT})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}))?(?:\.\d+)?\s*(Z|[+-]\d{2}:?\d{2})?)?")
_NUMERIC = re.compile(r"(?<!\d)(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})(?!\d)")
_YMD_SLASH = re.compile(r"(?<!\d)(\d{4})/(\d{1,2})/(\d{1,2})(?!\d)")


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return datetime(y, m, d).strftime("%Y-%m-%d") if 1990 <= y <= 2100 else None
    except ValueError:
        return None


def _iso(m: re.Match[str]) -> str | None:
    day = _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    if day is None or m.group(4) is None:
        return day
    time = f"{m.group(4)}:{m.group(5)}:{m.group(6) or '00'}"
    zone = m.group(7) or ""
    if zone and zone != "Z" and ":" not in zone:
        zone = zone[:3] + ":" + zone[3:]
    return f"{day}T{time}{zone}"


def parse_date(text: str | None) -> str | None:
    """The first date in ``text`` as ISO 8601 (date, or date-time when one is given)."""
    if not text:
        return None
    text = text.translate(_DIGITS).replace("\u200f", " ").replace("\u200e", " ")
    m = _ISO.search(text)
    if m:
        return _iso(m)
    m = _DMY_NAME.search(text)
    if m:
        return _valid(int(m.group(3)), _MONTHS[m.group(2).lower()], int(m.group(1)))
    m = _MDY_NAME.search(text)
    if m:
        return _valid(int(m.group(3)), _MONTHS[m.group(1).lower()], int(m.group(2)))
    m = _YMD_SLASH.search(text)
    if m:
        return _valid(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = _NUMERIC.search(text)
    if m:  # day first: the convention of Arabic and European sites
        return _valid(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    return None
