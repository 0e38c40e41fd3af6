"""Pages that are not articles, said plainly: error pages and login walls.

Read on the untouched tree (before invisible elements are stripped, since a login wall's only
mark may be its password field). A page is only *called* an error page or a login wall when its
remaining prose is also short, so an article that merely mentions "404" or embeds a login box
keeps its status.
"""
from __future__ import annotations

import re

from lxml import etree

from .parse import text_of

# Phrases that headline an error page, in the languages of the corpus and of Arabic portals.
_ERROR = re.compile(
    r"\b404\b|page not found|page (?:does not|doesn't) exist|"
    r"seite nicht gefunden|nicht gefunden|page introuvable|introuvable|página no encontrada|"
    r"pagina non trovata|الصفحة غير موجودة|الصفحة المطلوبة غير موجودة|الصفحة التي تبحث عنها|"
    r"لم يتم العثور|خطأ 404|صفحه پیدا نشد|یافت نشد", re.IGNORECASE)
ERROR_MAX = 1500   # an "error" page with more prose than this is treated as an article
LOGIN_MAX = 400    # likewise for a page with a password field (site-wide login boxes are common)


def page_kind(root: etree._Element) -> str | None:
    """"error" or "login" when the page's title/headline or form says so; else None."""
    title = root.find(".//title")
    heads = [text_of(title)] if title is not None else []
    heads += [text_of(h) for h in list(root.iter("h1"))[:2]]
    if any(h and len(h) < 120 and _ERROR.search(h) for h in heads):
        return "error"
    for field in root.iter("input"):
        if (field.get("type") or "").lower() == "password":
            return "login"
    return None


def overrides(kind: str | None, prose: int) -> bool:
    """True when a page of ``kind`` with ``prose`` unlinked characters of article is no article."""
    if kind == "error":
        return prose < ERROR_MAX
    if kind == "login":
        return prose < LOGIN_MAX
    return False
