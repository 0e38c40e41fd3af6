"""Extraction cues added in the second pass: comment-section lead-ins, Facebook (XFBML) and
Spot.IM markup, place/source datelines, ruby readings, and page-builder "widget" wrappers that
hold the article."""

from __future__ import annotations

from archiver import clean

SENT = "The council met on Tuesday and voted on the budget, after a long debate in the chamber. "


def _page(article: str, after: str = "") -> str:
    return f"<html><head><title>T</title></head><body><article>{article}</article>{after}</body></html>"


def _removed(doc, role: str) -> list[str]:
    return [r.text for r in doc.removed if r.role == role]


def test_comment_rules_box_before_an_empty_comment_widget_is_comments():
    lead = (
        '<div><p>We welcome lively debate. Please read our <a href="/rules">rules</a> before your '
        "comments are published.</p><p>Views below are the commenters' own.</p></div>"
    )
    doc = clean(_page("<p>" + SENT * 5 + "</p>" + lead + '<div class="fb-comments"></div>'))
    assert "welcome lively debate" not in doc.text
    assert any("welcome lively debate" in t for t in _removed(doc, "comments"))


def test_last_paragraph_before_a_comment_widget_stays():
    last = "<p>The minister declined to comment on the vote, and the session closed at noon.</p>"
    doc = clean(_page("<p>" + SENT * 5 + "</p>" + last + '<div class="comments"></div>'))
    assert "declined to comment" in doc.text


def test_facebook_xfbml_embed_is_an_embed():
    embed = (
        '<div class="widget"><blockquote class="fb-xfbml-parse-ignore"><p>'
        + "Our reporter in the city. " * 8
        + '</p>Posted by <a href="https://fb.example/page">Page</a></blockquote></div>'
    )
    doc = clean(_page("<p>" + SENT * 4 + "</p>" + embed + "<p>" + SENT * 3 + "</p>"))
    assert "Our reporter in the city" not in doc.text
    assert _removed(doc, "embed")


def test_place_source_dateline_at_the_top_is_cut():
    doc = clean(_page("<p>باريس / الأناضول</p><p>" + SENT * 5 + "</p>"))
    assert "الأناضول" not in doc.text
    assert any("الأناضول" in t for t in _removed(doc, "dateline"))


def test_compound_word_line_is_not_a_dateline():
    doc = clean(_page("<p>Günstige Minuten-Tarife für Normalsurfer</p><p>" + SENT * 5 + "</p>"))
    assert "Minuten-Tarife" in doc.text


def test_bare_ruby_readings_go_and_readings_with_fallback_parentheses_stay():
    bare = (
        "<p><ruby>子<rt>こ</rt></ruby>どもへの法律ができて、親が子どもを教育するために、"
        "たたいたり蹴ったりする体罰を禁止することになりました。最近、親に虐待された子どもを"
        "守ることができなくて、事件が続いています。</p>"
    )
    doc = clean(_page(bare + "<p>" + SENT * 3 + "</p>"))
    assert "子どもへの" in doc.text and "子こ" not in doc.text
    paren = (
        "<p>韓国の<ruby><rb>尹錫悦</rb><rp>（</rp><rt>ユンソンニョル</rt><rp>）</rp></ruby>"
        "大統領は３日夜、緊急談話を出し、野党が国政をまひさせているとして非常戒厳を宣言した。</p>"
    )
    doc = clean(_page(paren + "<p>" + SENT * 3 + "</p>"))
    assert "尹錫悦（ユンソンニョル）" in doc.text.replace(" ", "")


def test_ambiguous_widget_token_weighs_less_than_a_chrome_token():
    """Page builders put "widget" on the article's own wrappers; WordPress on sidebar boxes. The
    token weighs -10 on a candidate's score, a clear chrome token (sidebar, related) -25."""
    from lxml import html as lhtml

    from archiver.extract.scoring import class_weight

    def weight(cls: str) -> float:
        return class_weight(lhtml.fromstring(f'<div class="{cls}">x</div>'))

    assert weight("elementor-widget") == -10
    assert weight("sidebar") == -25
    assert weight("post-content") == 25


def test_next_story_appended_below_does_not_replace_the_headline_story():
    """Infinite scroll: the page's own story (its h1 is the <title>) comes first; the next story,
    longer, follows in its own <article> with its own h1."""
    first = "".join(
        f"<p>North paragraph {i}: the envoy said tension was rising, and the talks, "
        f"planned for spring, were now in doubt; officials declined to say more.</p>"
        for i in range(4)
    )
    second = "".join(
        f"<p>South paragraph {i}: the coach, back in town, was linked to the club again, "
        f"and fans, hopeful as ever, filled the square before the evening match.</p>"
        for i in range(12)
    )
    html = (
        "<html><head><title>Fear will grow</title></head><body><main>"
        f"<article><div><h1>Fear will grow</h1></div><div>{first}</div></article>"
        "<div class='under-article'>"
        f"<article><div><h1>Coach returns</h1></div><div>{second}</div></article></div>"
        "</main></body></html>"
    )
    doc = clean(html)
    assert doc.text.count("North paragraph") == 4
    assert "South paragraph" not in doc.text


def test_source_line_breaks_inside_a_paragraph_are_spaces_and_br_is_a_break():
    para = (
        "<p>The French economy minister\n    <a href='/p/lemaire'>Bruno Le Maire</a>\n    said the protests, "
        "now in their third week, had hurt hotels, shops and restaurants badly.<br>A second line "
        "follows the break, as the author wrote it, with more words to make it prose.</p>"
    )
    doc = clean(_page(para + "<p>" + SENT * 3 + "</p>"))
    first = doc.blocks[0].text
    assert "minister Bruno Le Maire said" in first
    assert first.count("\n") == 1 and "badly.\nA second line" in first


def test_author_box_after_the_article_is_removed_as_author_and_authors_stay_in_metadata():
    box = (
        '<div class="author-box"><img src="a.jpg"><div class="author__description">Dana Levi covers '
        "city hall and has written about local budgets for a decade. Follow her on "
        '<a href="https://social.example/dana">social media</a>.</div></div>'
    )
    head = '<meta name="author" content="Dana Levi">'
    html = (
        f"<html><head><title>T</title>{head}</head><body><article><p>{SENT * 5}</p>{box}</article>"
        "</body></html>"
    )
    doc = clean(html)
    assert "covers city hall" not in doc.text and "The council met" in doc.text
    assert any("covers city hall" in t for t in _removed(doc, "author"))
    assert doc.metadata.authors == ("Dana Levi",)


def test_byline_container_is_author_and_an_author_class_on_the_article_wrapper_is_not_a_cut():
    page = (
        f'<html><body><div class="post author-dana"><div class="byline">By Dana Levi</div>'
        f"<p>{SENT * 5}</p></div></body></html>"
    )
    doc = clean(page)
    assert "The council met" in doc.text and "By Dana Levi" not in doc.text
    assert _removed(doc, "author") == ["By Dana Levi"]


def test_live_commentary_is_the_article_and_reader_comments_are_not():
    minutes = "".join(
        f'<div class="live-match-comment"><span>{m}\'</span><div class="live-comment-body">{SENT}</div></div>'
        for m in range(10, 80, 10)
    )
    readers = f'<div class="comments"><p>{SENT.replace("council", "reader")}</p></div>'
    intro = f"<p>{SENT * 3}</p>".replace("council", "club")
    doc = clean(f"<html><body><main><h1>Live</h1>{intro}{minutes}</main>{readers}</body></html>")
    assert doc.text.count("The club met") == 3 and doc.text.count("The council met") == 7
    assert "The reader met" not in doc.text and _removed(doc, "comments")


def test_class_names_written_in_parts_or_numbered_name_their_region_too():
    from lxml import html as lhtml

    from archiver.extract.cues import class_cue

    def cue(cls: str):
        found = class_cue(lhtml.fromstring(f'<div class="{cls}">x</div>'))
        return found[0] if found else None

    assert cue("news-letter-section") == "newsletter"
    assert cue("most_read-box") == "most-read"
    assert cue("has-news-letter") is None  # a negated class says what the page has, not what this is
    assert cue("v-a--d-1") is None  # single letters are not halves of a word
    assert cue("comments18-wrapper") == "comments"  # a numbered instance of the region
    assert cue("col-md-5") is None
    assert cue("entry-meta") == "meta" and cue("postmetadata") == "meta"


def test_a_class_that_hides_at_every_width_is_cut_and_a_responsive_one_is_not():
    pitch = (
        '<div class="sign-in-box hidden"><ul><li>Support local journalism.</li>'
        "<li>Enjoy additional articles per month.</li></ul></div>"
    )
    wide = f'<div class="hidden md:block"><p>{SENT.replace("council", "board")}</p></div>'
    wide += f'<div class="hidden tablet:flex"><p>{SENT.replace("council", "panel")}</p></div>'
    phone = f'<div class="hidden-xs"><p>{SENT.replace("council", "jury")}</p></div>'
    doc = clean(_page("<p>" + SENT * 4 + "</p>" + pitch + wide + phone))
    assert "Support local journalism" not in doc.text and _removed(doc, "hidden")
    assert "The board met" in doc.text and "The panel met" in doc.text and "The jury met" in doc.text
