"""Metadata signals beyond the usual <meta> keys: JSON-LD web-page nodes, plugin-namespaced
publish dates, more month names, headlines glued to subtitles or site names in <title>, and
heading text without inline CSS or ruby readings."""

from __future__ import annotations

import pytest

from archiver import clean
from archiver.extract.dates import parse_date
from archiver.extract.metadata import extract_metadata
from archiver.extract.parse import looks_like_html, parse_html

PROSE = "<p>" + "The council met on Tuesday and voted on the budget, after a long debate. " * 6 + "</p>"


def _meta(body: str, head: str = ""):
    return extract_metadata(parse_html(f"<html><head>{head}</head><body>{body}</body></html>"))


def test_jsonld_webpage_node_gives_the_date_when_no_article_node_has_it():
    ld = (
        '<script type="application/ld+json">{"@graph": [{"@type": "WebSite", "name": "S"},'
        '{"@type": "WebPage", "name": "About", "datePublished": "2014-03-17T01:44:37+00:00",'
        '"dateModified": "2018-09-01T00:00:00+00:00"}]}</script>'
    )
    m = _meta(PROSE, ld)
    assert m.published == "2014-03-17T01:44:37+00:00"
    assert m.modified == "2018-09-01T00:00:00+00:00"


def test_jsonld_date_of_a_non_page_object_is_not_taken():
    ld = '<script type="application/ld+json">{"@type": "Event", "datePublished": "2014-03-17"}</script>'
    assert _meta(PROSE, ld).published is None


@pytest.mark.parametrize(
    "key,found",
    [
        ("shareaholic:article_published_time", "2019-06-18T10:01:00Z"),
        ("cXenseParse:recs:publishtime", "2019-06-18T10:01:00Z"),
        ("article:modified_time", None),
        ("x:publish_updated", None),
    ],
)
def test_namespaced_publish_meta(key, found):
    head = f'<meta name="{key}" content="2019-06-18T10:01:00Z">'
    assert _meta(PROSE, head).published == found


def test_visible_date_outranks_a_namespaced_publish_meta():
    head = '<meta name="plugin:publicationDate" content="2020-09-08T17:33:18+02:00">'
    body = '<p class="date">4. April 2020</p>' + PROSE
    assert _meta(body, head).published == "2020-04-04"


@pytest.mark.parametrize(
    "text,iso",
    [
        ("15 августа 2016, 13:43", "2016-08-15"),
        ("3 листопада 2021", "2021-11-03"),
        ("12 Ekim 2020", "2020-10-12"),
        ("5 maart 2019", "2019-03-05"),
        ("24. desember 2018", "2018-12-24"),
    ],
)
def test_more_month_names(text, iso):
    assert parse_date(text) == iso


def test_heading_glued_to_a_subtitle_in_the_title_element():
    head = (
        "<title>The Effect of Vaccination on Hospital Stays: An Observational Study: "
        "Journal of Things: Vol 172, No 7</title>"
    )
    body = '<h1><a href="/doi/10.1/abc">The Effect of Vaccination on Hospital Stays</a></h1>' + PROSE
    assert _meta(body, head).title == "The Effect of Vaccination on Hospital Stays"


def test_blog_name_linking_home_is_not_the_headline():
    head = "<title>Ansichten und Einsichten eines Bloggers: Ein Beitrag</title>"
    body = (
        '<h1><a href="https://blog.example/" rel="home">Ansichten und Einsichten eines Bloggers</a></h1>'
        + PROSE
    )
    assert _meta(body, head).title != "Ansichten und Einsichten eines Bloggers"


def test_clean_title_inside_a_heading_with_a_kicker_beats_a_section_og_title():
    head = (
        "<title>Vaccination stays open everywhere until February</title>"
        '<meta property="og:title" content="Press releases">'
    )
    body = (
        "<h1><span>Press release of the health office</span> "
        "Vaccination stays open everywhere until February</h1>" + PROSE
    )
    assert _meta(body, head).title == "Vaccination stays open everywhere until February"


def test_heading_text_leaves_out_inline_css_and_ruby_readings():
    head = '<meta property="og:title" content="SITE|子どもへの体罰を禁止する法律ができる">'
    body = (
        "<h1><style>.css-1{color:red}</style><ruby>子<rt>こ</rt></ruby>どもへの<ruby>体罰<rt>たいばつ</rt></ruby>"
        "を禁止する法律ができる</h1>" + PROSE
    )
    assert _meta(body, head).title == "子どもへの体罰を禁止する法律ができる"


def test_mojibake_in_the_title_is_repaired_like_body_text():
    html = (
        "<html><head><title>Tarif jetzt fÃ¼r nur 5,99 Euro</title></head><body>"
        "<article><h1>Tarif jetzt fÃ¼r nur 5,99 Euro</h1>" + PROSE + "</article></body></html>"
    )
    doc = clean(html)
    assert doc.title == "Tarif jetzt für nur 5,99 Euro"
    assert doc.metadata.title == doc.title


def test_mojibake_in_a_json_ld_byline_is_repaired_like_the_title():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget vote",'
        '"author": [{"@type": "Person", "name": "JÃ¼rgen MÃ¼ller"}, {"name": "Ù…Ø­Ù…Ø¯ Ø¹Ù„ÙŠ"}]}</script>'
    )
    doc = clean(f"<html><head>{ld}</head><body><article><h1>Budget vote</h1>{PROSE}</article></body></html>")
    assert doc.metadata.authors == ("Jürgen Müller", "محمد علي")


def test_page_opening_with_a_long_style_block_is_html():
    text = "<style>\n" + ".a { color: red; }\n" * 400 + "</style>\n<title>T</title>\n<p>Text</p>"
    assert looks_like_html(text)
    assert not looks_like_html("A plain dump line.\n" * 300)


def test_headline_is_the_heading_as_set_when_og_title_differs_only_in_typography():
    html = (
        "<html><head><title>Site</title><meta property='og:title' content=\"Faker's 4th title - a record\">"
        "</head><body><h1>Faker’s 4th title – a record</h1><p>Text.</p></body></html>"
    )
    assert extract_metadata(parse_html(html)).title == "Faker’s 4th title – a record"


def test_og_title_confirms_before_the_title_element_does():
    # <title> repeats the heading with a kicker; og:title is the clean headline the heading holds
    html = (
        "<html><head><title>Kicker words here: The clean headline of the day | Site</title>"
        "<meta property='og:title' content='The clean headline of the day'></head><body>"
        "<h1>Kicker words here: The clean headline of the day</h1><p>Text.</p></body></html>"
    )
    assert extract_metadata(parse_html(html)).title == "The clean headline of the day"


def test_unconfirmed_headline_is_the_visible_h1_not_a_reworded_og_title():
    html = (
        "<html><head><title>SEO wording for the story | Site</title>"
        "<meta property='og:title' content='SEO wording for the story'></head><body>"
        "<h1>The council votes on the budget today</h1><p>Text.</p></body></html>"
    )
    assert extract_metadata(parse_html(html)).title == "The council votes on the budget today"
    # a short h1 (a section or site name) is not taken for the headline
    html = html.replace("The council votes on the budget today", "News")
    assert extract_metadata(parse_html(html)).title == "SEO wording for the story"


# (byline as the page writes it, the name archiver keeps)
BYLINES = [
    ("Veröffentlicht am 8. Februar 2022 von PETA-Team", "PETA-Team"),
    ("Publié par Jeanne Martin", "Jeanne Martin"),
    ("Publicado por Ana Gómez", "Ana Gómez"),
    ("vom Support Team", "Support Team"),
    ("By Jane Doe", "Jane Doe"),
    ("Vomit Comet Crew", "Vomit Comet Crew"),  # a lead word must stand alone
    ("Rachel Brazil 0", "Rachel Brazil"),  # a count or footnote mark after the name
    ("By Jane Doe 12", "Jane Doe"),
    ("Louis 14th Society", "Louis 14th Society"),
    ("Williams Perdomo @wperdomod", "Williams Perdomo"),  # a social-media handle after the name
    ("erstellt von Dominique", "Dominique"),
    ("“Jane Doe”", "Jane Doe"),  # quoted whole
    ("O'Brien", "O'Brien"),
]


def test_byline_leads_in_several_languages_are_not_names():
    from archiver.extract.authors import clean_author

    for byline, name in BYLINES:
        assert clean_author(byline) == name, byline


def test_html_entities_written_into_json_ld_are_decoded():
    ld = (
        '{"@type": "NewsArticle", "author": {"name": "Redacci&oacute;n Diario"}, '
        '"headline": "Caf&eacute; abierto"}'
    )
    meta = _meta("<h1>Café abierto</h1>", f'<script type="application/ld+json">{ld}</script>')
    assert meta.authors == ("Redacción Diario",) and meta.title == "Café abierto"


def test_a_kicker_inside_the_headline_element_is_not_part_of_the_headline():
    page = (
        '<h1><div class="topic-label">100. Geburtstag</div> Holocaust-Überlebende wird 100 Jahre</h1>'
        "<p>Text.</p>"
    )
    assert _meta(page).title == "Holocaust-Überlebende wird 100 Jahre"
    # a link or a plain span at the front is part of the headline
    page = "<h1><span>Berlin:</span> Holocaust-Überlebende wird 100 Jahre</h1><p>Text.</p>"
    assert _meta(page).title == "Berlin: Holocaust-Überlebende wird 100 Jahre"


def test_headline_spans_run_on_and_a_kicker_written_with_its_colon_stays():
    page = (
        '<h1 class="article-title"><span class="article-title__kicker">Bubi-Bomber wieder da</span>'
        '<span class="sep">: </span><span class="headline">Thioune fordert Geduld mit Niemiec</span></h1>'
    )
    assert _meta(page).title == "Bubi-Bomber wieder da: Thioune fordert Geduld mit Niemiec"


@pytest.mark.parametrize(
    "text,iso",
    [
        ("1 KASIM 2020", "2020-11-01"),  # the pattern's "kasım" matches; "KASIM".lower() is "kasim"
        ("12 MAYIS 2021", "2021-05-12"),
        ("ſep 5, 2020", "2020-09-05"),  # long s matches "s" case-insensitively
        ("5 AUGUſT 2020", "2020-08-05"),
    ],
)
def test_month_names_in_capitals_or_odd_letters(text, iso):
    assert parse_date(text) == iso


def test_json_ld_nested_too_deep_to_read_is_ignored():
    ld = '<script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000 + "</script>"
    ld += (
        '<script type="application/ld+json">'
        '{"@type": "NewsArticle", "headline": "H", "datePublished": "2020-05-01"}</script>'
    )
    assert _meta(PROSE, ld).published == "2020-05-01"


@pytest.mark.parametrize(
    "html_attrs,head",
    [
        (' lang="x-klingon"', ""),
        (' lang="e n"', ""),
        ("", '<meta property="og:locale" content="&lt;meta">'),
    ],
)
def test_a_language_that_is_no_language_code_is_none(html_attrs, head):
    root = parse_html(f"<html{html_attrs}><head>{head}</head><body>{PROSE}</body></html>")
    assert extract_metadata(root).page_language is None
    assert clean(f"<html{html_attrs}><head>{head}</head><body>{PROSE}</body></html>").page_language == "en"


def test_lone_surrogate_escapes_in_json_ld_are_broken_text_not_broken_output():
    ld = (
        '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Budget \\ud800 vote",'
        '"author": "Jo\\udc00e Smith", "publisher": {"name": "Daily \\ud83d\\ude00"}}</script>'
    )
    doc = clean(f"<html><head>{ld}</head><body>{PROSE}</body></html>".encode())
    assert (doc.title, doc.metadata.authors, doc.metadata.site_name) == (
        "Budget \ufffd vote",
        ("Jo\ufffde Smith",),
        "Daily \U0001f600",
    )
    doc.to_json().encode("utf-8")


def test_content_language_list_gives_its_first_language():
    m = _meta(PROSE, '<meta http-equiv="content-language" name="content-language" content="de, at, ch">')
    assert m.page_language == "de"


@pytest.mark.parametrize(
    "byline,names",
    [
        # names listed as elements of one kind with only space between: read as one string they ran
        # into one name
        (
            '<div class="article-byline"><span class="simple">Birgit Baumann</span> '
            '<span class="simple">Anna Giulia Fink</span></div>',
            ("Birgit Baumann", "Anna Giulia Fink"),
        ),
        (
            '<p class="byline">By <a href="/a/jd">Jane Doe</a> and <a href="/a/js">John Smith</a></p>',
            ("Jane Doe", "John Smith"),
        ),
        ('<p class="byline"><a href="/a/jd">Jane Doe</a></p>', ("Jane Doe",)),
        # a menu of the site's authors is no byline: too many to be one article's
        (
            '<div class="menu-authors"><ul>'
            + "".join(f"<li><a href='/a/{n}'>Author Number{n}</a></li>" for n in "ABCDEFG")
            + '</ul></div><p class="byline">By Jane Doe</p>',
            ("Jane Doe",),
        ),
    ],
)
def test_a_byline_that_lists_names_as_elements(byline, names):
    root = parse_html(f"<html><body>{byline}<article>{PROSE}</article></body></html>")
    assert extract_metadata(root).authors == names


@pytest.mark.parametrize(
    "byline,names",
    [
        (
            "Dana Ford, Chien-Ming Wang, and Tom Watkins",
            ["Dana Ford", "Chien-Ming Wang", "Tom Watkins"],
        ),  # serial comma
        ("محمد علي، وليد حسن", ["محمد علي", "وليد حسن"]),  # the Arabic comma; و begins the name وليد
        ("محمد علي؛ أحمد حسن و سارة خالد", ["محمد علي", "أحمد حسن", "سارة خالد"]),
        ("Anna Weber und Jonas Keller", ["Anna Weber", "Jonas Keller"]),
    ],
)
def test_byline_names_are_split_at_latin_and_arabic_separators(byline, names):
    from archiver.extract.authors import split_names

    assert split_names([byline]) == names


@pytest.mark.parametrize(
    "head,body,names",
    [
        (
            '<meta property="article:author" content="Stefan Grobe">',
            "",
            ("Stefan Grobe",),
        ),  # Open Graph: a name ...
        (
            '<meta property="article:author" content="https://www.facebook.com/someone">',
            "",
            (),
        ),  # ... or a profile URL
        ('<meta property="article:author" content="facebook.com/someone">', "", ()),
        ("", '<span class="field-contributor">Par <a href="/p/mh">Matthieu Hy</a></span>', ("Matthieu Hy",)),
        (
            "",
            '<div class="page-meta--author">Posted on September 21, 2020 by Adi Tzlil</div>',
            ("Adi Tzlil",),
        ),
        ('<meta name="author" content="Grant Tinsley, PhD">', "", ("Grant Tinsley",)),  # a degree is no name
    ],
)
def test_more_author_signals(head, body, names):
    root = parse_html(f"<html><head>{head}</head><body>{body}<article>{PROSE}</article></body></html>")
    assert extract_metadata(root).authors == names
