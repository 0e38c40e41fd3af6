"""Legacy code pages without a label (issue 13): the statistics read the visible text, the XML
declaration is a label, the Arabic code pages are tried first and only taken for Arabic words."""

from __future__ import annotations

import pytest

from archiver.decode import decode, visible_bytes

AR = (
    "أعلنت الحكومة اليوم عن مشروع جديد لتحلية مياه البحر في المنطقة الشرقية، "
    "وقال الوزير إن العمل سيبدأ قريبا."
)
FA = (
    "دولت امروز از طرح تازه‌ای برای شیرین کردن آب دریا در استان‌های جنوبی کشور "
    "خبر داد و گفت کار به زودی آغاز می‌شود."
)
UR = "حکومت نے آج سمندر کے پانی کو میٹھا کرنے کے ایک نئے منصوبے کا اعلان کیا اور کہا کہ کام جلد شروع ہوگا۔"
RU = "Правительство сегодня объявило о новом проекте опреснения морской воды в восточном регионе страны."
EL = "Η κυβέρνηση ανακοίνωσε σήμερα ένα νέο έργο αφαλάτωσης θαλασσινού νερού στην ανατολική περιοχή."
FR = "Le gouvernement a annoncé aujourd'hui un nouveau projet de dessalement de l'eau de mer à l'est du pays."
# A portal's page: far more script and style (ASCII) than article text
CHROME = (
    "<script>var config = {" + "'key': 'value', " * 400 + "};</script>"
    "<style>" + ".menu a { color: #333; padding: 0 4px; } " * 300 + "</style><!-- " + "x" * 3000 + " -->"
)


def page(text: str, head: str = "") -> str:
    return (
        f"<html><head>{head}{CHROME}</head>"
        f"<body><nav>Home | News</nav><p>{text}</p><p>{text}</p></body></html>"
    )


@pytest.mark.parametrize("text,codec", [(AR, "cp1256"), (FA, "cp1256"), (UR, "cp1256"), (AR, "iso8859-6")])
def test_arabic_script_code_pages_without_a_label_judged_on_the_visible_text(text, codec):
    raw = page(text).encode(codec, "xmlcharrefreplace")
    d = decode(raw)
    assert (d.encoding, d.evidence) == (codec, "statistics:arabic-letters")
    assert text.split()[0] in d.text


@pytest.mark.parametrize("text,codec", [(RU, "koi8-r"), (RU, "cp1251"), (EL, "cp1253"), (FR, "cp1252")])
def test_other_code_pages_are_not_taken_for_arabic(text, codec):
    d = decode(page(text).encode(codec))
    assert d.evidence != "statistics:arabic-letters" and not d.encoding.startswith(("cp1256", "iso8859-6"))


@pytest.mark.parametrize(
    "decl,codec",
    [
        ('<?xml version="1.0" encoding="windows-1256"?>', "cp1256"),
        ("<?xml version='1.0' encoding='ISO-8859-6' ?>", "iso8859-6"),
        ('\n  <?xml version="1.0" encoding="koi8-r"?>', "koi8-r"),
    ],
)
def test_the_xml_declaration_is_a_label(decl, codec):
    text = RU if codec == "koi8-r" else AR
    d = decode((decl + page(text)).encode(codec))
    assert (d.encoding, d.evidence) == (codec, "xml-declaration") and text in d.text


def test_an_iso_8859_6_label_reads_iso_8859_6_bytes_as_iso_8859_6():
    d = decode(page(AR, '<meta charset="iso-8859-6">').encode("iso8859-6"))
    assert (d.encoding, d.evidence) == ("iso8859-6", "meta") and AR in d.text


def test_meta_wins_over_a_later_xml_declaration_only_when_first():
    raw = ('<?xml version="1.0" encoding="windows-1256"?>' + page(AR, '<meta charset="utf-8">')).encode(
        "cp1256"
    )
    assert decode(raw).encoding == "cp1256"


def test_visible_bytes_leave_out_scripts_styles_comments_and_tags():
    raw = b"<p a='1'>one</p><script>var x = '<p>';</script><!-- two --><style>p{}</style> three"
    assert visible_bytes(raw).split() == [b"one", b"three"]
