"""The lead (dek, standfirst) between the page headline and a separate body container."""

from archiver import clean

HEAD = "Minister unveils the budget plan for the coming year"
EN = "The minister said the plan would continue, and added that results would show soon enough. "


def _page(between: str, h1: str = HEAD) -> str:
    body = "".join(f"<p>{EN * 3}</p>" for _ in range(5))
    return (
        f"<html><head><title>{HEAD} | Daily Site</title></head><body>"
        f"<div class='top'><h1>{h1}</h1>{between}</div>"
        f"<div class='story-body'>{body}</div></body></html>"
    )


def test_lead_between_headline_and_body_is_kept_first():
    lead = "Spending on schools rises for the third year, while taxes stay where they are."
    doc = clean(_page(f"<div class='dek'>{lead}</div>"))
    assert doc.blocks[0].text == lead and doc.text.count(lead) == 1


def test_dek_set_as_a_subheading_is_kept_only_when_it_is_a_sentence():
    dek = "Spending on schools rises for the third year, while taxes stay where they are."
    assert dek in clean(_page(f"<h2>{dek}</h2>")).text
    kicker = "Budget 2024, schools, taxes and everything else you need to know now"
    assert kicker not in clean(_page(f"<h2>{kicker}</h2>")).text


def test_no_lead_without_a_confirmed_headline_or_from_a_headline_repeat():
    lead = "Spending on schools rises for the third year, while taxes stay where they are."
    assert lead not in clean(_page(f"<div>{lead}</div>", h1="Daily Site weather and more")).text
    repeat = f"Politics: {HEAD}, updated Monday."
    assert repeat not in clean(_page(f"<div>{repeat}</div>")).text


def test_link_heavy_or_long_text_before_the_body_is_not_a_lead():
    teaser = '<div><a href="/x">Another story about taxes and what the minister said today.</a></div>'
    assert "Another story" not in clean(_page(teaser)).text
