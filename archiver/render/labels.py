"""Words of the reading copy in the document's language: field labels and readable dates.

A small table for the languages of the archive (ar, en, fa, ur, fr); any other language falls back to
English, and :func:`labels_for` says which language the labels are in so the page can tag them
(``lang``/``dir``) truthfully. Dates are ISO 8601 strings (``2024-03-05`` or
``2024-03-05T10:30:00+03:00``); :func:`readable_date` writes them with the month's name in that
language, Western digits, and the time (with its UTC offset) when the value has one. A value it
cannot read is returned as it is.
"""

from __future__ import annotations

import re

LABELS: dict[str, dict[str, str]] = {
    "en": {
        "url": "URL",
        "canonical": "Canonical URL",
        "captured": "Captured",
        "site": "Site",
        "authors": "Authors",
        "published": "Published",
        "modified": "Modified",
        "record": "Record",
        "language": "Language",
        "page_language": "Page language",
        "sha256": "Source SHA-256",
        "back": "← All documents",
        "comments": "Comments",
        "removed": "Removed as page chrome",
    },
    "ar": {
        "url": "الرابط",
        "canonical": "الرابط الأصلي",
        "captured": "تاريخ الحفظ",
        "site": "الموقع",
        "authors": "الكتّاب",
        "published": "تاريخ النشر",
        "modified": "تاريخ التعديل",
        "record": "السجل",
        "language": "اللغة",
        "page_language": "لغة الصفحة",
        "sha256": "بصمة المصدر SHA-256",
        "back": "→ كل الوثائق",
        "comments": "التعليقات",
        "removed": "ما حُذف من إطار الصفحة",
    },
    "fa": {
        "url": "نشانی",
        "canonical": "نشانی اصلی",
        "captured": "تاریخ ذخیره",
        "site": "وبگاه",
        "authors": "نویسندگان",
        "published": "تاریخ انتشار",
        "modified": "تاریخ ویرایش",
        "record": "سند",
        "language": "زبان",
        "page_language": "زبان صفحه",
        "sha256": "اثر انگشت منبع SHA-256",
        "back": "→ همهٔ اسناد",
        "comments": "دیدگاه‌ها",
        "removed": "آنچه از قاب صفحه حذف شد",
    },
    "ur": {
        "url": "ربط",
        "canonical": "اصل ربط",
        "captured": "محفوظ کرنے کی تاریخ",
        "site": "ویب سائٹ",
        "authors": "مصنفین",
        "published": "تاریخ اشاعت",
        "modified": "تاریخ ترمیم",
        "record": "ریکارڈ",
        "language": "زبان",
        "page_language": "صفحے کی زبان",
        "sha256": "ماخذ کا SHA-256",
        "back": "→ تمام دستاویزات",
        "comments": "تبصرے",
        "removed": "صفحے کے ڈھانچے سے ہٹایا گیا",
    },
    "fr": {
        "url": "URL",
        "canonical": "URL canonique",
        "captured": "Capturé le",
        "site": "Site",
        "authors": "Auteurs",
        "published": "Publié le",
        "modified": "Modifié le",
        "record": "Notice",
        "language": "Langue",
        "page_language": "Langue de la page",
        "sha256": "SHA-256 de la source",
        "back": "← Tous les documents",
        "comments": "Commentaires",
        "removed": "Retiré comme habillage de page",
    },
}
MONTHS: dict[str, tuple[str, ...]] = {
    "en": (
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ),
    "ar": (
        "يناير",
        "فبراير",
        "مارس",
        "أبريل",
        "مايو",
        "يونيو",
        "يوليو",
        "أغسطس",
        "سبتمبر",
        "أكتوبر",
        "نوفمبر",
        "ديسمبر",
    ),
    "fa": (
        "ژانویه",
        "فوریه",
        "مارس",
        "آوریل",
        "مه",
        "ژوئن",
        "ژوئیه",
        "اوت",
        "سپتامبر",
        "اکتبر",
        "نوامبر",
        "دسامبر",
    ),
    "ur": (
        "جنوری",
        "فروری",
        "مارچ",
        "اپریل",
        "مئی",
        "جون",
        "جولائی",
        "اگست",
        "ستمبر",
        "اکتوبر",
        "نومبر",
        "دسمبر",
    ),
    "fr": (
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ),
}
RTL = frozenset({"ar", "fa", "ur"})
_COMMA = {"ar": "،", "fa": "،", "ur": "،"}
_ISO = re.compile(
    r"^(\d{4})-(\d{2})(?:-(\d{2}))?"
    r"(?:[T ](\d{2}):(\d{2})(?::\d{2}(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$"
)


def label_language(lang: str | None) -> str:
    """The language of the labels for a document in ``lang`` (its primary subtag if known, else en)."""
    primary = (lang or "").split("-", 1)[0].lower()
    return primary if primary in LABELS else "en"


def labels_for(lang: str | None) -> tuple[str, str, dict[str, str]]:
    """(label language, its direction, the labels) for a document in ``lang``."""
    code = label_language(lang)
    return code, "rtl" if code in RTL else "ltr", LABELS[code]


def readable_date(value: str, lang: str | None) -> str:
    """``value`` (ISO 8601) as a person reads it in ``lang``: ``5 مارس 2024، 10:30 (UTC+03:00)``."""
    m = _ISO.match(value.strip())
    if not m or not 1 <= int(m[2]) <= 12 or (m[3] and not 1 <= int(m[3]) <= 31):
        return value
    code = label_language(lang)
    month = MONTHS[code][int(m[2]) - 1]
    text = f"{int(m[3])} {month} {m[1]}" if m[3] else f"{month} {m[1]}"
    if m[4]:
        # "UTC" before the offset keeps "+03:00" in its order inside right-to-left text
        zone = "" if not m[6] else " (UTC)" if m[6] == "Z" else f" (UTC{m[6]})"
        text += f"{_COMMA.get(code, ',')} {m[4]}:{m[5]}{zone}"
    return text


__all__ = ["LABELS", "MONTHS", "label_language", "labels_for", "readable_date"]
