from __future__ import annotations

import pytest

from archiver.decode import _guessed_codec, decode, scrub_surrogates
from archiver.errors import InputError

AR = "<p>أعلنت الحكومة اليوم عن مشروع جديد لتحلية مياه البحر في المنطقة الشرقية</p>"


@pytest.mark.parametrize(
    "data,encoding,evidence",
    [
        ("\ufeff" + AR, "utf-8", "bom"),
        ((AR).encode("utf-16-le"), None, None),
    ],
)
def test_bom(data, encoding, evidence):
    raw = data.encode("utf-8") if isinstance(data, str) else b"\xff\xfe" + data
    d = decode(raw)
    assert d.text.endswith(AR) and d.evidence == "bom"


def test_http_header_wins_over_meta():
    raw = ('<meta charset="utf-8">' + AR).encode("cp1256")
    d = decode(raw, content_type="text/html; charset=windows-1256")
    assert d.encoding == "cp1256" and d.evidence == "http-header" and AR in d.text


def test_meta_charset():
    raw = ('<meta http-equiv="Content-Type" content="text/html; charset=windows-1256">' + AR).encode("cp1256")
    d = decode(raw)
    assert (d.encoding, d.evidence) == ("cp1256", "meta") and AR in d.text


def test_undeclared_windows_1256_is_arabic_not_hebrew():
    d = decode(("<html><body>" + AR * 3 + "</body></html>").encode("cp1256"))
    assert d.encoding == "cp1256" and d.evidence.startswith("statistics") and AR in d.text


def test_utf8_without_declaration():
    d = decode(AR.encode("utf-8"))
    assert (d.encoding, d.evidence) == ("utf-8", "utf-8-valid")


def test_iso_8859_6_label_reads_as_windows_1256():
    raw = ('<meta charset="iso-8859-6">' + AR).encode("cp1256")
    assert decode(raw).encoding == "cp1256"


@pytest.mark.parametrize(
    "raw,reason", [(b"", "empty"), (b"  \n ", "empty"), (b"\x00\x01\x02binary\x00" * 20, "binary")]
)
def test_bad_bytes(raw, reason):
    with pytest.raises(InputError, match=reason):
        decode(raw)


def test_declared_charset_no_decoder_takes_falls_through():
    """'undefined' is a Python codec that refuses every input (UnicodeError, not a decode error)."""
    d = decode(('<meta charset="undefined">' + AR).encode("utf-8"))
    assert (d.encoding, d.evidence) == ("utf-8", "utf-8-valid") and AR in d.text


@pytest.mark.parametrize(
    "text,scrubbed",
    [
        ("plain", "plain"),
        ("a\ud83d\ude00b", "a\U0001f600b"),  # a pair given as two code units is its character
        ("a\ud800b\udfff", "a\ufffdb\ufffd"),  # lone ones are broken text, as a decoder would say
    ],
)
def test_surrogates_in_text_input(text, scrubbed):
    assert scrub_surrogates(text) == scrubbed


@pytest.mark.parametrize("label", ["raw_unicode_escape", "unicode-escape", "utf-7", "idna"])
def test_a_python_codec_that_is_no_page_encoding_is_not_taken_at_its_word(label):
    raw = f'<meta charset="{label}"><p>Sums: 1+2AA-3 and \\ud800 \\u0041</p>'.encode("ascii")
    d = decode(raw)
    assert (d.encoding, d.evidence) == ("utf-8", "utf-8-valid") and "1+2AA-3 and \\ud800 \\u0041" in d.text


@pytest.mark.parametrize(
    "label,text,codec",
    [
        ("gb2312", "丂是一个汉字，这一页的其他文字都在国标字符集里。", "gbk"),  # 丂 is GBK, not GB 2312
        (
            "euc-kr",
            "똠방각하: 이 페이지의 나머지 글자는 모두 완성형입니다.",
            "cp949",
        ),  # 똠 is windows-949 only
        (
            "shift_jis",
            "①番目の項目です。このページの他の文字は全部シフトJISです。",
            "cp932",
        ),  # ① is windows-31J
    ],
)
def test_legacy_labels_decode_as_a_browser_does(label, text, codec):
    """Browsers read these labels with the Windows supersets; the strict codecs of the same names
    fail on the superset's characters and the page would be guessed at instead."""
    d = decode(f'<meta charset="{label}"><p>{text}</p>'.encode(codec))
    assert (d.encoding, d.evidence) == (codec, "meta") and text in d.text


@pytest.mark.parametrize("label", ["cp037", "cp850", "utf-32", "x-mac-arabic", "iso-2022-kr"])
def test_labels_a_browser_ignores_are_ignored(label):
    """Not labels of the WHATWG Encoding Standard (or its "replacement" ones): the page is read as if
    nothing were declared — EBCDIC taken at its word made a 1 MB page of mojibake."""
    d = decode(f'<meta charset="{label}">{AR}'.encode())
    assert (d.encoding, d.evidence) == ("utf-8", "utf-8-valid") and AR in d.text


@pytest.mark.parametrize(
    "guess,codec",
    [
        ("euc_kr", "cp949"),
        ("shift_jis", "cp932"),
        ("gb2312", "gbk"),
        ("big5", "big5hkscs"),
        ("ascii", "cp1252"),
        ("utf_8", "utf-8"),
        ("mac_cyrillic", "mac-cyrillic"),
        ("cp037", None),
        ("cp850", None),
    ],
)
def test_a_statistical_guess_decodes_with_the_browsers_codec(guess, codec):
    assert _guessed_codec(guess) == codec
