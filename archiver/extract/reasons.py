"""The cut reasons: every code a pass can write into ``removed[].reason``, with the pass that
emits it and what it means (issue 18, item 1).

"Why was this block cut" is one grep of the code: it is defined here once, and the pass that
emits it uses the constant. A pass that knows more than the code (the class token, the phrase,
the heading the block sat under, the cue that fired outside the article) puts it in the cut's
detail: inside the extraction a cut carries ``"code"`` or ``"code:detail"`` (see :func:`tagged`),
and :func:`split` turns that into the record's ``reason`` (always a code of :data:`REGISTRY`)
and its optional ``detail``. A composite cut (a cue that fired outside the article, the links
under a cut heading) is one code with the inner cue's reason as its detail.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Reason:
    """One cut reason: its code, the pass (module) that emits it, and a one-line meaning."""

    code: str
    stage: str
    meaning: str
    detail: str = ""  # what the detail holds, when the code carries one


_ALL: list[Reason] = []


def _reason(code: str, stage: str, meaning: str, detail: str = "") -> str:
    _ALL.append(Reason(code, stage, meaning, detail))  # noqa: F821 - deleted once REGISTRY is built
    return code


# cues.py: a region's tag, ARIA role, hidden state or class/id token; a chrome phrase or keyword
TAG = _reason(
    "tag", "cues", "a chrome element (nav, footer, aside, form; header outside the article)", "the tag"
)
ARIA_ROLE = _reason(
    "aria-role", "cues", "an ARIA role of chrome (navigation, banner, dialog, ...)", "the role"
)
HIDDEN = _reason("hidden", "cues", "hidden from every reader (hidden, aria-hidden, display:none)")
HIDDEN_CLASS = _reason("hidden-class", "cues", "a CSS utility class that hides it at every screen width")
ID_TOKEN = _reason("id-token", "cues", "its id names a chrome region", "the token")
CLASS_TOKEN = _reason("class-token", "cues", "its class names a chrome region", "the token")
LABEL_TOKEN = _reason(
    "aria-labelledby-token", "cues", "its aria-labelledby names a chrome region", "the token"
)
COMPONENT_TOKEN = _reason(
    "data-component-token", "cues", "its data-component names a chrome region", "the token"
)
E2E_TOKEN = _reason("data-e2e-token", "cues", "its data-e2e label names a chrome region", "the token")
TESTID_TOKEN = _reason("data-testid-token", "cues", "its data-testid names a chrome region", "the token")
PHRASE = _reason("phrase", "cues", "the line is a chrome phrase of the lexicon", "the folded phrase")
PHRASE_LEAD = _reason(
    "phrase-lead", "cues", 'the line leads with a chrome phrase ("Read more: ...")', "the folded lead"
)
KEYWORD = _reason("keyword", "cues", "a short line holding a chrome keyword as whole words", "the keyword")

# body.py: the cue passes over the tree
COMMENTS_LEAD_IN = _reason("comments-lead-in", "body", "the heading or line just before a cut comments box")
LINKS_AFTER_HEADING = _reason(
    "links-after-heading",
    "body",
    "a block of links right after a heading cut by a chrome phrase",
    "the heading's reason",
)
TEASER_LIST = _reason("teaser-list", "body", "a list of headline links (repeated sibling teasers)")

# audit.py: what lies outside the chosen article
OUTSIDE_ARTICLE = _reason(
    "outside-article", "audit", "outside the chosen article", "the cue's reason, when one fired too"
)
LOOSE_TEXT = _reason("loose-text", "audit", "text directly in the body, outside every element kept")
NO_ARTICLE = _reason("no-article", "audit", "the page has no article: its would-be article is cut too")

# reconcile.py: the second opinion against the first
SECOND_NO_PROSE = _reason(
    "second-opinion-no-prose", "reconcile", "the second opinion found no prose in a region the first kept"
)
SECOND_LINKS = _reason(
    "second-opinion-links", "reconcile", "the second opinion found a region the first kept to be mostly links"
)

# signoff.py: after the article's end
REPEATED_SLIDES = _reason("repeated-slides", "signoff", "a gallery's slides repeated after the article")
AFTER_SIGN_OFF = _reason("after-sign-off", "signoff", "after the article's sign-off line")

# filters.py: the block filters
IMAGE_TABLE = _reason("image-table", "filters", "a layout table holding an image and its caption")
TITLE_REPEATED = _reason("title-repeated", "filters", "a top block that repeats the page title")
HEADLINE_H1 = _reason("headline-h1", "filters", "the page headline (an h1 at the top): a document field")
COUNTER = _reason("counter", "filters", 'a view or comment counter ("1.2K views")')
LINK_DENSITY = _reason("link-density", "filters", "a short block that is mostly link text")
SKIP_LINK = _reason("skip-link", "filters", 'an in-page skip link ("#content")')
CAPTION = _reason("caption", "filters", "a figure caption (outside a gallery page)")
CREDIT_LINE = _reason("credit-line", "filters", 'a photo credit line ("Photo: ...")')
CREDIT_TAIL = _reason("credit-tail", "filters", "a short line ending on a credit or copyright sign")
READING_TIME = _reason("reading-time", "filters", 'a reading-time line ("5 min read")')
DATE_ONLY = _reason("date-only", "filters", "a line that is a date and at most a few words")
BYLINE_LEAD = _reason("byline-lead", "filters", 'a byline at the top ("By ...", "كتب ...")')
META_CLASS = _reason("meta-class", "filters", "a short top line marked as metadata (author, date, time)")
PLACE_SOURCE = _reason("place-source", "filters", 'a top line naming place and agency ("باريس / الأناضول")')
REPEATED_LINE = _reason(
    "repeated-line", "filters", "a short line repeated three times or more in the article"
)
UNDER_HEADING = _reason(
    "under-heading", "filters", "an item under a cut chrome heading", "the heading's role"
)
TRAILING_PITCH = _reason(
    "trailing-pitch", "filters", "the publisher's pitch ending the article (subscribe, app)"
)

# pipeline.py: the byline line
BYLINE_NAME_PLACE = _reason("byline-name-place", "pipeline", 'a first line "Name-Place" naming the author')

# textdump.py: the edges of a plain-text dump
LONE_NUMBER = _reason("lone-number", "textdump", "a line that is a lone number (a counter)")
EMOJI_LED = _reason(
    "emoji-led-short-line", "textdump", "a short line led by a symbol or emoji (a widget title)"
)
OTHER_SCRIPT = _reason("short-line-other-script", "textdump", "a short line in another script than the body")
WIDGET_ITEM = _reason(
    "widget-item", "textdump", "a headline-like line under a widget title", "the widget's role"
)

# crawl: a post-pass over a host's pages
SITE_REPEAT = _reason(
    "site-repeat", "crawl", "a block repeated on many pages of the same host", "<pages>/<host pages>"
)

REGISTRY: dict[str, Reason] = {r.code: r for r in _ALL}
CODES: frozenset[str] = frozenset(REGISTRY)
del _ALL


def tagged(code: str, detail: str | None) -> str:
    """A cut's reason with its run-time detail (``code:detail``), or the code alone."""
    assert code in REGISTRY, code
    return f"{code}:{detail}" if detail else code


def split(reason: str) -> tuple[str, str | None]:
    """The record's ``reason`` (a registered code) and ``detail`` (or None) of a cut's reason."""
    code, _, detail = reason.partition(":")
    if code not in REGISTRY:
        raise ValueError(f"unregistered cut reason {reason!r}: add it to archiver/extract/reasons.py")
    return code, detail or None


def markdown_table() -> str:
    """The registry as the Markdown table the README holds (a test keeps them equal)."""
    rows = ["| code | pass | meaning | detail |", "|---|---|---|---|"]
    rows += [f"| `{r.code}` | {r.stage} | {r.meaning} | {r.detail} |" for r in REGISTRY.values()]
    return "\n".join(rows) + "\n"
