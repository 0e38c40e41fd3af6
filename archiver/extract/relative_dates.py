"""Dates that need a reference point or a calendar: relative dates ("منذ ساعتين", "2 hours ago",
"أمس", "yesterday") and Hijri dates ("15 رمضان 1441 هـ").

A relative date is resolved against the page's *capture* time (a WARC record's date), never
against the clock of the run: the same input gives the same record on any day. Without a capture
time it is left unresolved. A Hijri date is converted to its Gregorian day by the Umm al-Qura
calendar (``hijridate``, the calendar of the Gulf portals; 1343–1500 AH); one without a year
takes the Hijri year current at capture time, or stays unresolved.

:func:`resolve` returns ``(iso date, source)``; the source goes into the record as
``published_source``: ``"relative:capture"`` or ``"hijri"``.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")
RELATIVE = "relative:capture"
HIJRI = "hijri"

# Arabic units: singular, dual, plural (and the 3–10 plural forms); value 1 or 2 when the word
# itself says it ("ساعة" an hour, "ساعتين" two hours).
_AR_UNITS = {
    "ثانية": ("seconds", 1),
    "ثانيتين": ("seconds", 2),
    "ثانيتان": ("seconds", 2),
    "ثوان": ("seconds", None),
    "ثواني": ("seconds", None),
    "ثوانٍ": ("seconds", None),
    "دقيقة": ("minutes", 1),
    "دقيقتين": ("minutes", 2),
    "دقيقتان": ("minutes", 2),
    "دقائق": ("minutes", None),
    "ساعة": ("hours", 1),
    "ساعتين": ("hours", 2),
    "ساعتان": ("hours", 2),
    "ساعات": ("hours", None),
    "يوم": ("days", 1),
    "يومين": ("days", 2),
    "يومان": ("days", 2),
    "أيام": ("days", None),
    "ايام": ("days", None),
    "أسبوع": ("weeks", 1),
    "اسبوع": ("weeks", 1),
    "أسبوعين": ("weeks", 2),
    "اسبوعين": ("weeks", 2),
    "أسابيع": ("weeks", None),
    "اسابيع": ("weeks", None),
}
_AR_UNIT_ALT = "|".join(sorted(map(re.escape, _AR_UNITS), key=len, reverse=True))
_AR_AGO = re.compile(rf"(?:منذ|قبل)\s+(?:(\d+)\s+)?({_AR_UNIT_ALT})(?![\u0620-\u064a])")
_EN_AGO = re.compile(r"\b(\d+|an?|one)\s+(second|minute|hour|day|week)s?\s+ago\b", re.IGNORECASE)
# "today"/"اليوم" are left out: "اليوم" names newspapers and programmes far more often than a day.
_DAY_WORDS = {"أمس": -1, "امس": -1, "البارحة": -1, "yesterday": -1}
_DAY_WORD = re.compile(r"(?<![\w])(أمس|امس|البارحة|yesterday)(?![\w])", re.IGNORECASE)

_HIJRI_MONTHS = {
    "محرم": 1,
    "صفر": 2,
    "ربيع الأول": 3,
    "ربيع الاول": 3,
    "ربيع أول": 3,
    "ربيع الآخر": 4,
    "ربيع الثاني": 4,
    "ربيع الاخر": 4,
    "ربيع ثاني": 4,
    "جمادى الأولى": 5,
    "جمادى الاولى": 5,
    "جمادى الأول": 5,
    "جمادى الآخرة": 6,
    "جمادى الاخرة": 6,
    "جمادى الثانية": 6,
    "جمادى الآخر": 6,
    "رجب": 7,
    "شعبان": 8,
    "رمضان": 9,
    "شوال": 10,
    "ذو القعدة": 11,
    "ذي القعدة": 11,
    "ذو الحجة": 12,
    "ذي الحجة": 12,
}
_HIJRI_ALT = "|".join(sorted(map(re.escape, _HIJRI_MONTHS), key=len, reverse=True))
# "15 رمضان 1441 هـ", "١٥ رمضان ١٤٤١هـ", "15 من رمضان": a year of 13xx–15xx, or none (then "هـ" is not needed)
_HIJRI = re.compile(
    rf"(?<!\d)(\d{{1,2}})\s+(?:من\s+)?({_HIJRI_ALT})(?:\s+(1[345]\d\d)\s*(?:هـ|ه\b|هجري|هجرية)?)?"
)


def capture_time(value: str | None) -> datetime | None:
    """A capture date ("2020-05-10T12:34:56Z", as WARC-Date has it) as an aware datetime, or None."""
    if not value:
        return None
    try:
        when = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    return when if when.tzinfo else when.replace(tzinfo=UTC)


def _iso(when: datetime, with_time: bool) -> str:
    if not with_time:
        return when.date().isoformat()
    zone = when.strftime("%z")
    zone = "Z" if zone in ("+0000", "") else f"{zone[:3]}:{zone[3:]}"
    return when.strftime("%Y-%m-%dT%H:%M:%S") + zone


def _ago(text: str) -> tuple[str, int] | None:
    m = _AR_AGO.search(text)
    if m:
        unit, implied = _AR_UNITS[m.group(2)]
        n = int(m.group(1)) if m.group(1) else implied
        return (unit, n) if n is not None else None
    m = _EN_AGO.search(text)
    if m:
        count = m.group(1).lower()
        return m.group(2).lower() + "s", 1 if count in ("a", "an", "one") else int(count)
    return None


def resolve_relative(text: str, captured: datetime | None) -> str | None:
    """A relative date in ``text`` resolved against ``captured``: a date-time for seconds to
    hours, a day for days, weeks, "yesterday"; None without a capture time or a relative date."""
    if captured is None or not text:
        return None
    text = text.translate(_DIGITS)
    ago = _ago(text)
    if ago:
        unit, n = ago
        when = captured - timedelta(**{unit: n})
        return _iso(when, unit in ("seconds", "minutes", "hours"))
    m = _DAY_WORD.search(text)
    if m:
        return _iso(captured + timedelta(days=_DAY_WORDS[m.group(1).lower()]), False)
    return None


def resolve_hijri(text: str, captured: datetime | None) -> tuple[str, str] | None:
    """(the Gregorian day of a Hijri date in ``text`` (Umm al-Qura), its source), or None. A date
    without a year takes the Hijri year of ``captured`` (the latest such date not after it): its
    source is then ``relative:capture``."""
    if not text:
        return None
    m = _HIJRI.search(text.translate(_DIGITS))
    if not m:
        return None
    from hijridate import Gregorian, Hijri

    day, month = int(m.group(1)), _HIJRI_MONTHS[m.group(2)]
    try:
        if m.group(3):
            return Hijri(int(m.group(3)), month, day).to_gregorian().isoformat(), HIJRI
        if captured is None:
            return None
        year = Gregorian(captured.year, captured.month, captured.day).to_hijri().year
        found = Hijri(year, month, day).to_gregorian()
        if found > captured.date():
            found = Hijri(year - 1, month, day).to_gregorian()
        return found.isoformat(), RELATIVE
    except (ValueError, OverflowError):  # no such day, or outside the calendar's range
        return None


def resolve(text: str | None, captured: datetime | None) -> tuple[str, str] | None:
    """(ISO date, published_source) for a relative or Hijri date in ``text``, or None."""
    if not text or len(text) > 160:
        return None
    relative = resolve_relative(text, captured)
    if relative:
        return relative, RELATIVE
    return resolve_hijri(text, captured)
