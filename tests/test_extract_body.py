"""Body extraction cues: anchor protection, teaser lists, chunks, keywords, captions, status."""

from __future__ import annotations

from archiver import clean
from archiver.extract.body import extract_body
from archiver.extract.cues import keyword_cue, phrase_cue
from archiver.extract.parse import parse_html
from archiver.extract.stats import measure, weighted_len
from archiver.extract.widgets import guess_role, is_teaser_list

AR = "قال المتحدث باسم الوزارة إن الحكومة ستواصل العمل على الخطة، وأضاف أن النتائج ستظهر قريباً. "
EN = "The minister said the plan would continue, and added that results would show soon enough. "


def _page(inner: str) -> str:
    return f"<html><head><title>t</title></head><body>{inner}</body></html>"


def _kept(ex) -> str:
    return " ".join(" ".join(m.itertext()) for m in ex.main)


def test_wrapper_with_a_chrome_class_is_not_cut_around_the_article():
    prose = "".join(f"<p>{AR * 3}</p>" for _ in range(4))
    html = _page(
        f'<div class="widget-area"><div class="article-body">{prose}</div></div>'
        f'<div class="sidebar"><p>{EN}</p></div>'
    )
    ex = extract_body(parse_html(html))
    assert ex.status == "ok"
    assert _kept(ex).count("قال المتحدث") == 12
    assert "The minister" not in _kept(ex)


def test_teaser_list_without_class_cues_is_cut_as_related():
    items = "".join(
        f'<div class="x"><a href="/n{i}">عنوان خبر آخر من الأخبار رقم {i} اليوم</a></div>' for i in range(5)
    )
    prose = "".join(f"<p>{AR * 3}</p>" for _ in range(4))
    ex = extract_body(parse_html(_page(f'<div class="q">{prose}</div><div class="w">{items}</div>')))
    assert "عنوان خبر آخر" not in _kept(ex)
    assert any(c.reason in ("teaser-list", "outside-article") and c.role == "related" for c in ex.cuts)


def test_teaser_shape_needs_headline_links():
    menu = parse_html(
        _page('<ul><li><a href="/a">A</a></li><li><a href="/b">B</a></li><li><a href="/c">C</a></li></ul>')
    )
    ul = menu.find(".//ul")
    st = measure(ul)
    assert not is_teaser_list(ul, st)
    assert guess_role(ul, st) == "navigation"


def test_article_split_into_chunks_is_kept_whole():
    chunk = "".join(f"<p>{EN * 3}</p>" for _ in range(3))
    html = _page(
        f'<main><div class="grid"><div class="inner">{chunk}</div></div>'
        '<div class="ad-slot"></div>'
        f'<div class="grid"><div class="inner">{chunk.replace("minister", "mayor")}'
        f"</div></div></main>"
    )
    ex = extract_body(parse_html(html))
    kept = _kept(ex)
    assert "minister" in kept and "mayor" in kept


def test_keyword_cue_on_short_lines_only():
    assert phrase_cue("المواضيع ذات الصلة")[0] == "related"
    assert phrase_cue("إظهار التعليقات")[0] == "comments"
    assert phrase_cue("أخبار قد تعجبك")[0] == "related"
    assert keyword_cue("comments on the budget were harsh") is None
    assert phrase_cue(AR) is None


def test_captions_and_credits_go_to_removed():
    prose = "".join(f"<p>{EN * 3}</p>" for _ in range(4))
    html = _page(
        f'<article><figure><img src="a.jpg"><figcaption>The harbour at dawn.</figcaption></figure>'
        f"{prose}<p>Foto: Jane Doe/Agency</p><p>5 min read</p></article>"
    )
    doc = clean(html)
    assert "harbour" not in doc.text and "Jane Doe" not in doc.text and "min read" not in doc.text
    roles = {r.role for r in doc.removed}
    assert "caption" in roles


def test_a_gallery_keeps_its_captions_when_they_are_nearly_all_the_text():
    slides = "".join(
        f'<figure><img src="{i}.jpg"><figcaption>{EN * 2}Slide {i}.</figcaption></figure>' for i in range(6)
    )
    doc = clean(_page(f"<article><p>Six pictures of the harbour.</p>{slides}</article>"))
    assert doc.text.count("The minister said") == 12
    # the same captions beside an article of their own size stay out
    prose = "".join(f"<p>{EN * 3}</p>" for _ in range(4))
    doc = clean(_page(f"<article>{prose}{slides}</article>"))
    assert doc.text.count("The minister said") == 12 and "Slide 1." not in doc.text


def test_listing_page_is_no_article():
    teasers = "".join(
        f'<li><h3><a href="/n{i}">Headline number {i} about the economy today</a></h3></li>'
        for i in range(12)
    )
    doc = clean(_page(f"<main><ul>{teasers}</ul></main>"))
    assert doc.status == "no_article" and not doc.blocks


def test_many_short_blocks_with_teasers_are_an_article():
    """A list article (jokes, tips) in short paragraphs, with a related-links box inside the
    container, is reading matter; the same links with one-line deks stay a listing."""
    link = '<a href="/more">More jokes about animals on our site</a>'
    jokes = "".join(
        f"<p>{i}. Why did the chicken cross the road? To reach the other side, said Ann {i}."
        f"{link if i % 8 == 0 else ''}</p>"
        for i in range(60)
    )
    doc = clean(_page(f"<main>{jokes}</main>"))
    assert doc.status == "ok" and "To reach the other side" in doc.text
    deks = "".join(
        f'<li><a href="/n{i}">Headline number {i} about the economy today</a>'
        f"<p>The minister spoke about the budget on Monday.</p></li>"
        for i in range(8)
    )
    assert clean(_page(f"<main><ul>{deks}</ul></main>")).status == "no_article"


def test_comments_are_never_body():
    prose = "".join(f"<p>{EN * 3}</p>" for _ in range(3))
    comments = "".join(f'<div class="ta3liq"><p>{AR * 2}</p></div>' for _ in range(4))
    doc = clean(_page(f'<article>{prose}</article><section id="ta3liqat">{comments}</section>'))
    assert "قال المتحدث" not in doc.text
    assert any(r.role == "comments" for r in doc.removed)


def test_cjk_counts_wide():
    assert weighted_len("日本語") == 9 and weighted_len("abc") == 3 and weighted_len("  a  b ") == 3


def test_error_page_and_login_wall_are_no_article():
    prose = f"<p>{EN * 3}</p>"
    err = clean(f"<html><head><title>الصفحة غير موجودة</title></head><body><h1>404</h1>{prose}</body></html>")
    assert err.status == "no_article"
    wall = clean(
        _page(
            '<main><h2>Sign in to continue reading</h2><form><input type="text" name="u">'
            '<input type="password" name="p"></form></main>'
        )
    )
    assert wall.status == "no_article"
    long_article = clean(_page(f'<article>{prose * 8}</article><form><input type="password"></form>'))
    assert long_article.status == "ok"


def test_comments_come_out_labelled_only_when_asked():
    from archiver.config import Config

    prose = "".join(f"<p>{EN * 3}</p>" for _ in range(3))
    comments = "".join(f'<li class="comment"><p>{AR * 2}</p></li>' for _ in range(3))
    html = _page(
        f'<article>{prose}</article><div id="comments"><h3>التعليقات (3)</h3><ol>{comments}</ol></div>'
    )
    plain = clean(html)
    assert not plain.comments and "قال المتحدث" not in plain.text
    kept = clean(html, config=Config(comments=True))
    assert "قال المتحدث" not in kept.text
    assert any("قال المتحدث" in b.text for b in kept.comments)


def test_removed_regions_carry_role_and_cue():
    items = "".join(
        f'<li><a href="/n{i}">Another headline about the markets number {i}</a></li>' for i in range(5)
    )
    prose = "".join(f"<p>{EN * 3}</p>" for _ in range(4))
    doc = clean(
        _page(
            f'<div class="post">{prose}</div><div><h3>Most read</h3><ul>{items}</ul></div>'
            f'<div class="share-bar"><a href="#">Facebook</a></div>'
        )
    )
    by_role = {r.role: r.reason for r in doc.removed}
    assert by_role.get("most-read", "").startswith(("phrase", "keyword"))
    assert "share" in by_role
    assert all(r.text and r.reason for r in doc.removed)


def test_bare_page_whose_body_is_the_article_keeps_its_text():
    """A hand-written page: prose straight under <body>, each section quoted in blockquotes.
    The body itself is the top candidate; climbing above it or cutting its children as
    "outside the article" would leave nothing."""
    sections = "".join(f"<h2>Part {i}</h2><p>{EN * 2}</p><blockquote>{EN * 4}</blockquote>" for i in range(6))
    doc = clean(f"<html><head><title>Notes</title></head><body><h1>Notes</h1>{sections}</body></html>")
    assert doc.status == "ok" and doc.text.count("The minister said") >= 30


def test_article_class_name_adds_nothing_to_a_tiny_box():
    """A teaser box named "...-textbox"/"content" with one short line must not be lifted by its
    class name over the unnamed containers that hold a page's prose; a real article body is."""
    from lxml import html as lhtml

    from archiver.extract.scoring import score
    from archiver.extract.stats import measure

    def top_score(cls: str, text: str) -> float:
        body = lhtml.document_fromstring(f"<html><body><div{cls}><p>{text}</p></div></body></html>").find(
            "body"
        )
        return score(body, measure(body))[body[0]]

    short = "Another tip: how to peel garlic fast, and why it works."
    assert top_score(' class="content"', short) == top_score("", short)
    assert top_score(' class="content"', EN * 3) > top_score("", EN * 3)


def test_a_control_character_after_a_cut_region_is_no_crash():
    """libxml2 keeps C0 controls in text; lxml refuses to set such text when a cut joins the tail."""
    doc = clean(
        _page(
            f"<nav><a href='/'>Home</a></nav>\x0b <article><h1>Budget</h1><p>{EN * 4}</p></article>"
            "<p><ruby>漢<rt>かん</rt>\x1f字</ruby></p>"
        )
    )
    assert doc.blocks and "Home" not in doc.text
