"""Text to an lxml tree, and the small tree helpers every extract module shares."""

from __future__ import annotations

import re

import lxml.html
from lxml import etree

from .._speedups import pick
from ..errors import ParseError
from .depth import bound_depth

# huge_tree: libxml2 stops at 256 levels of nesting otherwise, and old CMS pages reach that with
# unclosed <font>/<b> tags alone — everything after the cut would be lost without a word. With it
# the limit is 2048 levels; a page deeper still is read again with its depth bounded (.depth).
_PARSER = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True, remove_pis=True, huge_tree=True)
# lxml.html's default lookup is a Python callback run for every element proxy (~1,500 a page)
# that picks special classes for <form>/<input>/<label>...; and its HtmlElement is a Python
# subclass, slower to make a proxy of than lxml's own C element class. The one HtmlElement
# method used here is drop_tree, which :func:`drop_tree` writes out; so the C-level default
# lookup with lxml's own classes gives every element the plain ``etree._Element``.
_PARSER.set_element_class_lookup(etree.ElementDefaultClassLookup())
_walk = pick("walk")  # compiled or pure: the same text (archiver/_speedups/walk.py)
#: whitespace runs to one space, ends stripped; compiled or pure (archiver/_speedups/squash.py).
#: Re-exported: the stage modules import it from here.
squash = pick("squash").squash
# Characters libxml2's HTML parser keeps in text but lxml refuses to set as text (C0 controls
# other than tab, newline and carriage return; the noncharacters U+FFFE and U+FFFF).
_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HTML_SNIFF = re.compile(
    r"<(?:!doctype|html|head|body|div|p|span|a|article|meta|table|br|section|h[1-6]|ul|li"
    r"|style|script|title|link)\b",
    re.IGNORECASE,
)
# A tag that opens a line: markup, not a tag named in a sentence ("the <p> tag opens a paragraph").
_MARKUP_LINE = re.compile(r"^[ \t\ufeff]*<(?:[a-z!]|/[a-z])", re.IGNORECASE | re.MULTILINE)
_MARKUP_DENSE = 8  # this many tags in the sniffed head are markup wherever they stand


def looks_like_html(text: str) -> bool:
    """True when the text is markup rather than a plain-text scrape dump.

    Pages may open with a long inline <style> or <script> before any other tag: such a page is
    sniffed over its first 64 KiB, and <style>/<script>/<title>/<link> count as markup. A few
    tags count only when one opens a line or the text: prose may name them ("the <p> tag")."""
    head = text[:4096]
    if re.match(r"\s*<(?:style|script)\b", head, re.IGNORECASE):
        head = text[:65536]
    start = head.lstrip(" \t\r\n\f\ufeff")
    if start.lower().startswith(("<!doctype", "<html")):
        return True
    tags = len(_HTML_SNIFF.findall(head))
    if tags >= _MARKUP_DENSE:
        return True
    # a fragment opens with a tag; a dump that names a few tags in its prose is still a dump
    return (tags >= 1 and start.startswith("<")) or (tags >= 2 and bool(_MARKUP_LINE.search(head)))


def parse_html(text: str) -> etree._Element:
    """Parse decoded HTML; the text is re-encoded so declarations inside it cannot mislead lxml.
    Markup nested past the parser's limit is read again with its depth bounded (text kept)."""
    try:
        return _parse(text)
    except ParseError:
        bounded = bound_depth(text)
        if bounded == text:
            raise
        return _parse(bounded)


def _parse(text: str) -> etree._Element:
    try:
        root = lxml.html.document_fromstring(text.encode("utf-8", "surrogatepass"), parser=_PARSER)
    except (etree.ParserError, ValueError) as exc:
        raise ParseError(f"not parseable as HTML: {exc}") from exc
    if root is None:
        raise ParseError("not parseable as HTML: empty document")
    if any(e.type == etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in _PARSER.error_log):
        raise ParseError(f"the HTML parser stopped early: {_PARSER.error_log.last_error.message.strip()}")
    adopt_strays(root)
    return root


def adopt_strays(root: etree._Element) -> None:
    """Markup after a stray ``</body>`` (a template include that closes the page early, the rest
    of the page following) is left by libxml2 beside <body>, under the root; a browser renders it
    as part of the body. Such elements, and text after </body>, move to the end of <body> in
    their order. (What follows a ``</html>`` libxml2 drops before this sees it.)"""
    body = root.find("body")
    if body is None or body.getparent() is not root:
        return
    strays = [c for c in body.itersiblings() if isinstance(c.tag, str) and c.tag != "head"]
    if not strays and not (body.tail or "").strip():
        return
    if (body.tail or "").strip():
        last = body[-1] if len(body) else None
        _set_text(
            body if last is None else last,
            "text" if last is None else "tail",
            ((body.text if last is None else last.tail) or "") + body.tail,
        )
    body.tail = None
    for el in strays:
        body.append(el)  # its tail goes with it


text_of = _walk.text_of  # the element's visible text (itertext joined by spaces), whitespace collapsed


def is_inside(el: etree._Element, container: etree._Element) -> bool:
    """True when ``container`` is an ancestor of ``el``."""
    # ``in`` tests identity first and elements have no __eq__: a C loop instead of a genexpr
    return container in el.iterancestors()


def inside_tag(el: etree._Element, tags: tuple[str, ...]) -> bool:
    """True when an ancestor of ``el`` has one of ``tags``."""
    return any(a.tag in tags for a in el.iterancestors())


def attached(el: etree._Element, body: etree._Element) -> bool:
    """True when ``el`` is still in ``body``'s tree (not in a dropped subtree)."""
    return el.getparent() is not None and is_inside(el, body)


def drop_tree(el: etree._Element) -> None:
    """``lxml.html.HtmlElement.drop_tree`` for any element: remove ``el`` with its children and
    text, its tail joined to the previous sibling's tail or the parent's text (its very steps)."""
    parent = el.getparent()
    assert parent is not None
    if el.tail:
        previous = el.getprevious()
        if previous is None:
            _set_text(parent, "text", (parent.text or "") + el.tail)
        else:
            _set_text(previous, "tail", (previous.tail or "") + el.tail)
    parent.remove(el)


def _set_text(el: etree._Element, which: str, text: str) -> None:
    """Set ``el.text`` or ``el.tail``; control characters lxml will not take are left out."""
    try:
        setattr(el, which, text)
    except ValueError:
        setattr(el, which, _NOT_XML.sub("", text))


def drop_bare_readings(body: etree._Element) -> None:
    """Ruby readings (<rt>, furigana) are annotations over the text. When the author gave a
    fallback in <rp> parentheses, the plain-text form is "漢字（かんじ）" and is kept whole;
    a bare <rt> would glue the reading onto the word ("子こども"), so it goes."""
    for ruby in list(body.iter("ruby")):
        if next(ruby.iter("rp"), None) is None:
            for rt in list(ruby.iter("rt")):
                drop_tree(rt)
