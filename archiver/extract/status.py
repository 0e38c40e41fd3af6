"""Pages that are not articles, said plainly: error pages, listings (many teaser links, little
prose) and, through the size rule in :mod:`.body`, login walls.

An error page is recognised by its title or headline ("404", "Page not found", "الصفحة غير
موجودة") *and* short prose, so an article that merely mentions "404" keeps its status. A password
field is not a cue: measured on the corpus, 80 of 650 real article pages carry a site-wide login
box; a login wall is caught instead by having almost no prose outside its form.
"""

from __future__ import annotations

import re
from itertools import islice

from lxml import etree

from .parse import text_of
from .stats import Stats

# Phrases that headline an error page, in the languages of the corpus and of Arabic portals.
_ERROR = re.compile(
    r"\b404\b|page not found|page (?:does not|doesn't) exist|"
    r"seite nicht gefunden|nicht gefunden|page introuvable|introuvable|página no encontrada|"
    r"pagina non trovata|الصفحة غير موجودة|الصفحة المطلوبة غير موجودة|الصفحة التي تبحث عنها|"
    r"لم يتم العثور|خطأ 404|صفحه پیدا نشد|یافت نشد",
    re.IGNORECASE,
)
ERROR_MAX = 1500  # an "error" page with more prose than this is treated as an article


def page_kind(root: etree._Element) -> str | None:
    """ "error" when the page's title or headline says so; else None."""
    title = root.find(".//title")
    heads = [text_of(title)] if title is not None else []
    heads += [text_of(h) for h in islice(root.iter("h1"), 2)]
    if any(h and len(h) < 120 and _ERROR.search(h) for h in heads):
        return "error"
    return None


def overrides(kind: str | None, prose: int) -> bool:
    """True when a page of ``kind`` with ``prose`` unlinked characters of article is no article."""
    return kind == "error" and prose < ERROR_MAX


DEK = 300  # unlinked characters a teaser carries at most: its dek (a sentence or two), date, author


def is_listing(main: list[etree._Element], st: Stats) -> bool:
    """Many teaser links and little unlinked prose: an index, not an article.

    Prose is counted in long unlinked blocks; an article told in many short blocks (a list of
    jokes, quotes or tips) has few of those, so its unlinked text as a whole must also be
    under what the teasers' deks could hold."""
    teasers = 0
    prose = 0
    unlinked = sum(st.text.get(m, 0) - st.links.get(m, 0) for m in main)
    for root in main:
        for el in root.iter("a"):
            if st.text.get(el, 0) >= 25:
                teasers += 1
        for el in root.iter("p", "div", "td", "li", "section", "article"):
            if st.inline.get(el, 0) >= 150 and st.link_density(el) < 0.2:
                prose += st.inline[el]
    return teasers >= 6 and prose < 400 + 40 * teasers and unlinked < 400 + DEK * teasers
