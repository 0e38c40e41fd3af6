"""The headline: a page heading (what a reader saw) confirmed by og:title, twitter:title or the
JSON-LD headline, else by <title> — never the site name, never the <title> with the site glued on."""

from __future__ import annotations

import re

from lxml import etree

from .cues import token_tuple
from .parse import squash, text_of

_SEPARATORS = re.compile(r"\s+[|\-–—:»«·•]\s+|\s+::\s+")


def _strip_site(title: str, site: str | None, headline: str | None) -> str:
    """Drop a site name glued to a <title> ("Headline | Site")."""
    if headline and headline in title:
        return headline
    parts = _SEPARATORS.split(title)
    if len(parts) > 1:
        if site:
            kept = [p for p in parts if p.strip().lower() != site.strip().lower()]
            if kept and len(kept) < len(parts):
                return " - ".join(kept) if len(kept) > 1 else kept[0]
        return max(parts, key=len)
    return title


_UNSEEN = frozenset({"style", "script", "noscript", "template", "rt", "rp"})
_INLINE = frozenset({"ruby", "rb", "span", "a", "b", "i", "em", "strong", "small", "mark", "sup", "sub"})


def _seen_text(el: etree._Element) -> str:
    """An element's text as a reader sees it: inline children run on ("<span>Kicker</span><span>:
    </span>" is "Kicker: ", not "Kicker : "), block children stand apart, and what is not seen as
    words is left out: inline <style>/<script> (CSS-in-JS frameworks put them inside headings) and
    ruby readings (<rt>/<rp>)."""
    return squash(_seen_raw(el))


def _seen_raw(el: etree._Element) -> str:
    """Without recursion (a heading may nest thousands of inline elements): a stack of what is
    still to write, strings and elements to open, in reverse order."""
    parts: list[str] = []
    todo: list[str | etree._Element] = [el]
    while todo:
        item = todo.pop()
        if isinstance(item, str):
            parts.append(item)
            continue
        parts.append(item.text or "")
        ahead: list[str | etree._Element] = []
        for child in item:
            if isinstance(child.tag, str) and child.tag not in _UNSEEN:
                # inline children run on: "子<rt>こ</rt>ども" is one word; block ones stand apart
                ahead += [child] if child.tag in _INLINE else [" ", child, " "]
            ahead.append(child.tail or "")
        todo.extend(reversed(ahead))
    return "".join(parts)


_HOME = re.compile(r"^(?:[a-z]+:)?(?://[^/?#]+)?/?(?:index\.\w+)?(?:[?#].*)?$", re.IGNORECASE)


def _home_link(a: etree._Element) -> bool:
    """A link to the site's root ("/", "https://host/", rel="home")."""
    return "home" in (a.get("rel") or "").lower().split() or bool(_HOME.match((a.get("href") or "x").strip()))


# A kicker set inside the headline element ("<h1><span class="kicker">Election 2024</span> The
# result</h1>"): a label over the headline, not part of it.
_KICKER = frozenset(
    {
        "kicker",
        "topline",
        "dachzeile",
        "overline",
        "eyebrow",
        "rubric",
        "label",
        "topic",
        "spitzmarke",
        "roofline",
        "supertitle",
        "pretitle",
    }
)


def _heading_text(el: etree._Element) -> str:
    """A heading's seen text without a leading kicker element."""
    text = _seen_text(el)
    first = next((c for c in el if isinstance(c.tag, str)), None)
    if first is None or (el.text or "").strip() or first.tag in ("a", "br"):
        return text
    if _KICKER.isdisjoint(token_tuple(f"{first.get('class', '')} {first.get('id', '')}")):
        return text
    kicker = _seen_text(first)
    rest = squash(text[len(kicker) :]) if kicker and text.startswith(kicker) else ""
    # "Kicker: Headline" written out with its colon or dash reads as one headline: kept whole
    return rest if len(rest) >= 4 and not _GLUE.match(rest) else text


def _headings(root: etree._Element) -> tuple[list[str], set[str]]:
    """Visible h1 texts, then h2 texts (the first few of each), outside scripts; and the set of
    those that are wholly a link to the site's home (a blog's name, not a headline)."""
    out: list[str] = []
    linked: set[str] = set()
    for tag in ("h1", "h2"):
        for el in root.iter(tag):
            text = _heading_text(el)
            if len(text) >= 4 and text not in out:
                out.append(text)
                if any(_home_link(a) and len(text_of(a)) >= 0.9 * len(text) for a in el.iter("a")):
                    linked.add(text)
            if len(out) >= 12:
                return out, linked
    return out, linked


def _from_title_element(raw: str, headings: list[str], site: str | None) -> str:
    """The headline part of a <title> "Site: Headline" / "Headline | Site": a part that is also a
    heading on the page (the longest, since site names are short), else the site-stripped title."""
    parts = [p.strip() for p in _SEPARATORS.split(raw) if p.strip()]
    if len(parts) > 1:
        matching = [p for p in parts if p in headings]
        if matching:
            return max(matching, key=len)
    for heading in headings:
        if heading == raw:
            return heading
    return _strip_site(raw, site, None)


_TYPO = str.maketrans(
    {
        **dict.fromkeys("‘’‚‛´`′", "'"),
        **dict.fromkeys("“”„‟«»″", '"'),
        **dict.fromkeys("‐‑‒–—―−", "-"),
        "\u00a0": " ",
        "…": "...",
    }
)


def _typo_key(text: str) -> str:
    """Text up to typography: curly or straight quotes and apostrophes, dash kinds, case, spaces.
    og:title and JSON-LD are often typed with straight quotes where the page's heading is set
    with typographic ones; both are the same headline."""
    return " ".join(text.translate(_TYPO).casefold().split())


_GLUE = re.compile(r"\s*[|:\-–—·•»«/]")


def _substantial(text: str) -> bool:
    """Long enough to be a headline rather than a section or site name: three words and 20
    characters, or 10 characters of a script written without spaces."""
    if " " not in text:
        return len(text) >= 10 and not text.isascii()
    return len(text) >= 20 and len(text.split()) >= 3


def _glued(heading: str, candidate: str) -> bool:
    """A heading that opens or closes the candidate with a separator between them ("Headline:
    Subtitle: Journal, Vol 7", "Site | Headline"): the rest is subtitle or site furniture,
    however long. Short headings (a section name) do not count."""
    if not _substantial(heading):
        return False
    if candidate.startswith(heading):
        return bool(_GLUE.match(candidate[len(heading) :]))
    if candidate.endswith(heading):
        return bool(_GLUE.match(candidate[: -len(heading)][::-1]))
    return False


def headline(
    root: etree._Element, meta: dict[str, str], ld_headline: list[str], site: str | None
) -> str | None:
    """The headline: a page heading confirmed by og/twitter/JSON-LD, else by <title> (the weakest
    signal: it carries the site name and often an SEO wording), never the site name."""
    headings, linked = _headings(root)
    site_key = (site or "").strip().casefold()
    headings = [h for h in headings if h.casefold() != site_key]
    candidates = [
        c
        for c in (meta.get("og:title"), meta.get("twitter:title"), ld_headline[0] if ld_headline else None)
        if c
    ]
    title_el = root.find(".//title")
    raw_title = text_of(title_el) if title_el is not None else None
    for signals in (candidates, [raw_title] if raw_title else []):
        found = _confirmed(signals, headings, linked)
        if found:
            return found
    # Nothing confirms a heading: the page's first <h1>, when it reads like a headline, is what a
    # reader saw; an og:title or <title> that matches no heading is often a rewording for
    # search engines and social cards.
    h1 = next(root.iter("h1"), None)
    first = _heading_text(h1) if h1 is not None else None
    if first in headings and first not in linked and _substantial(first):
        return first
    if candidates:
        return _strip_site(candidates[0], site, headings[0] if headings else None)
    if raw_title:
        return _from_title_element(raw_title, headings, site)
    return headings[0] if headings else None


def _confirmed(signals: list[str], headings: list[str], linked: set[str]) -> str | None:
    """The headline two signals agree on, strongest agreement first."""
    for c in signals:
        for h in headings:
            if len(h) >= 8 and (h == c or (h in c and len(h) >= 0.5 * len(c) and h not in linked)):
                return h
    typo = {h: _typo_key(h) for h in headings if len(h) >= 8}
    for c in signals:  # the same words with other quotes, dashes or case: the heading as seen
        key = _typo_key(c)
        for h, hkey in typo.items():
            if hkey == key or (hkey in key and len(hkey) >= 0.5 * len(key) and h not in linked):
                return h
    for c in signals:  # weaker: a heading glued to a subtitle or site name; never a home link
        for h in headings:
            if _glued(h, c) and h not in linked:
                return h
            if _substantial(c) and c in h and h not in linked:
                return c  # the heading adds a kicker or dateline to a clean headline
    return None
