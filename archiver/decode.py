"""Bytes to text, with the evidence for the chosen encoding.

Order of evidence (the WHATWG order, then statistics): byte-order mark, the HTTP
``Content-Type`` charset, an XML declaration's ``encoding`` at the very start, a ``<meta>``
charset in the first 4 KiB, strict UTF-8, then statistics on the page's *visible* text (tags,
scripts, styles and comments left out: they are ASCII and would drown the letters). Arabic
single-byte pages are the classic trap: chardet-style guessers read windows-1256 as Hebrew or as
a Latin code page, so the Arabic code pages (ISO-8859-6, then windows-1256, which also carries
Persian and Urdu letters) are tried first and taken when they give words of Arabic script only;
then charset-normalizer, restricted to what a web page plausibly uses.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from .errors import DecodeError, InputError

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_XML_DECL = re.compile(rb"""\A\s*<\?xml[^>]*?encoding\s*=\s*["']\s*([a-zA-Z0-9_:.\-]+)""", re.IGNORECASE)
_HEADER = re.compile(r"charset\s*=\s*[\"']?([a-zA-Z0-9_:.\-]+)", re.IGNORECASE)
# The WHATWG Encoding Standard's labels (https://encoding.spec.whatwg.org/#names-and-labels), each
# with the Python codec that decodes as a browser does: browsers read "gb2312" as GBK, "euc-kr" as
# windows-949, "shift_jis" as windows-31J, "big5" with HKSCS, "iso-8859-1"/"ascii" as windows-1252.
# A label not listed is ignored, as a browser ignores it ("cp037", "utf-7", "unicode-escape" name
# Python codecs, not page encodings); the "replacement" labels (ISO-2022-KR, HZ, ...) too.
# One project choice differs: a page labelled ISO-8859-6 is read as ISO-8859-6 only when its bytes
# are ISO-8859-6 (undefined bytes raise); otherwise as windows-1256, as such pages in practice are.
_WHATWG = """\
utf-8: unicode-1-1-utf-8 unicode11utf8 unicode20utf8 utf-8 utf8 x-unicode20utf8
cp866: 866 cp866 csibm866 ibm866
iso8859-2: csisolatin2 iso-8859-2 iso-ir-101 iso8859-2 iso88592 iso_8859-2 iso_8859-2:1987 l2 latin2
iso8859-3: csisolatin3 iso-8859-3 iso-ir-109 iso8859-3 iso88593 iso_8859-3 iso_8859-3:1988 l3 latin3
iso8859-4: csisolatin4 iso-8859-4 iso-ir-110 iso8859-4 iso88594 iso_8859-4 iso_8859-4:1988 l4 latin4
iso8859-5: csisolatincyrillic cyrillic iso-8859-5 iso-ir-144 iso8859-5 iso88595 iso_8859-5 iso_8859-5:1988
cp1256: arabic asmo-708 csiso88596e csiso88596i csisolatinarabic ecma-114 iso-8859-6 iso-8859-6-e
 iso-8859-6-i iso-ir-127 iso8859-6 iso88596 iso_8859-6 iso_8859-6:1987 cp1256 windows-1256 x-cp1256
iso8859-7: csisolatingreek ecma-118 elot_928 greek greek8 iso-8859-7 iso-ir-126 iso8859-7 iso88597
 iso_8859-7 iso_8859-7:1987 sun_eu_greek
iso8859-8: csiso88598e csisolatinhebrew hebrew iso-8859-8 iso-8859-8-e iso-ir-138 iso8859-8 iso88598
 iso_8859-8 iso_8859-8:1988 visual csiso88598i iso-8859-8-i logical
iso8859-10: csisolatin6 iso-8859-10 iso-ir-157 iso8859-10 iso885910 l6 latin6
iso8859-13: iso-8859-13 iso8859-13 iso885913
iso8859-14: iso-8859-14 iso8859-14 iso885914
iso8859-15: csisolatin9 iso-8859-15 iso8859-15 iso885915 iso_8859-15 l9
iso8859-16: iso-8859-16
koi8-r: cskoi8r koi koi8 koi8-r koi8_r
koi8-u: koi8-ru koi8-u
mac-roman: csmacintosh mac macintosh x-mac-roman
cp874: dos-874 iso-8859-11 iso8859-11 iso885911 tis-620 windows-874
cp1250: cp1250 windows-1250 x-cp1250
cp1251: cp1251 windows-1251 x-cp1251
cp1252: ansi_x3.4-1968 ascii cp1252 cp819 csisolatin1 ibm819 iso-8859-1 iso-ir-100 iso8859-1 iso88591
 iso_8859-1 iso_8859-1:1987 l1 latin1 us-ascii windows-1252 x-cp1252 x-user-defined
cp1253: cp1253 windows-1253 x-cp1253
cp1254: cp1254 csisolatin5 iso-8859-9 iso-ir-148 iso8859-9 iso88599 iso_8859-9 iso_8859-9:1989 l5
 latin5 windows-1254 x-cp1254
cp1255: cp1255 windows-1255 x-cp1255
cp1257: cp1257 windows-1257 x-cp1257
cp1258: cp1258 windows-1258 x-cp1258
mac-cyrillic: x-mac-cyrillic x-mac-ukrainian
gbk: chinese csgb2312 csiso58gb231280 gb2312 gb_2312 gb_2312-80 gbk iso-ir-58 x-gbk
gb18030: gb18030
big5hkscs: big5 big5-hkscs cn-big5 csbig5 x-x-big5
euc_jp: cseucpkdfmtjapanese euc-jp x-euc-jp
iso2022_jp: csiso2022jp iso-2022-jp
cp932: csshiftjis ms932 ms_kanji shift-jis shift_jis sjis windows-31j x-sjis
cp949: cseuckr csksc56011987 euc-kr iso-ir-149 korean ks_c_5601-1987 ks_c_5601-1989 ksc5601 ksc_5601
 windows-949
utf-16-be: unicodefffe utf-16be
utf-16-le: csunicode iso-10646-ucs-2 ucs-2 unicode unicodefeff utf-16 utf-16le
"""


def _label_table(table: str) -> dict[str, str]:
    out: dict[str, str] = {}
    codec = ""
    for line in table.splitlines():
        if not line.startswith(" "):
            codec, _, line = line.partition(":")
        out.update(dict.fromkeys(line.split(), codec))
    return out


_LABELS = _label_table(_WHATWG)
_WINDOWS_1256 = frozenset(("cp1256", "windows-1256", "x-cp1256"))
_LABELS["latin-1"] = "cp1252"  # not a WHATWG label, but common in pages and meant as latin1
# What a statistical guess names by its Python codec (charset-normalizer says "euc_kr", "shift_jis"):
# the codec a browser would use for that encoding's label.
_BY_CODEC = {
    codecs.lookup(label).name: codec
    for label, codec in _LABELS.items()
    if label in ("euc-kr", "shift_jis", "gb2312", "big5", "iso-8859-9", "iso-8859-11", "ascii", "latin1")
}
# charset-normalizer names the JIS X 0213 extensions of EUC-JP and Shift_JIS; browsers have those
# labels' windows codecs (a character outside them fails the decode, and the page falls through).
_BY_CODEC.update(
    {"euc_jis_2004": "euc_jp", "euc_jisx0213": "euc_jp", "shift_jis_2004": "cp932", "shift_jisx0213": "cp932"}
)
_PAGE_CODECS = frozenset(_LABELS.values())
_SURROGATE = re.compile(r"[\ud800-\udfff]")
_ARABIC_LETTERS = re.compile(r"[\u0620-\u064A\u066E-\u06D3\u06D5\u06EE\u06EF\u06FA-\u06FF]")
_LETTERS = re.compile(r"[^\W\d_]")
_ALEF = re.compile("\u0627")
# A word: letters with their combining marks (harakat are marks, \w takes them).
_WORDS = re.compile(r"[^\W\d_]\w*")
_NOT_ARABIC_WORD = re.compile(
    r"[^\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF\u200c\u200d]"
)
_INVISIBLE = re.compile(
    rb"<script\b.*?</script\s*>|<style\b.*?</style\s*>|<!--.*?-->|<[^>]*>", re.IGNORECASE | re.DOTALL
)
_ARABIC_CODECS = ("iso8859-6", "cp1256")  # the strict one first: windows-1256 decodes any bytes


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    evidence: str


def scrub_surrogates(text: str) -> str:
    """Text given as ``str`` may hold UTF-16 surrogates (a JSON or JavaScript string decoded by
    hand): a pair becomes its character, a lone one U+FFFD, as a decoder does with broken bytes."""
    if not _SURROGATE.search(text):
        return text
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "replace")


def _normalize_label(label: str) -> str | None:
    """The Python codec for an encoding label written in a page or header, or None when a browser
    would ignore the label."""
    return _LABELS.get(label.strip().lower())


def _guessed_codec(name: str) -> str | None:
    """The codec to decode with for a statistical guess given as a Python codec name; None when
    it is no encoding of the web (EBCDIC, UTF-7, ...)."""
    codec = _normalize_label(name)
    if codec is None:
        try:
            python_name = codecs.lookup(name).name
        except LookupError:
            return None
        codec = _BY_CODEC.get(python_name, python_name)
    return codec if codec in _PAGE_CODECS else None


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


_CONTROLS = bytes(b for b in range(32) if b < 9 or 13 < b < 32)


def _looks_binary(data: bytes) -> bool:
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROLS))  # C-speed count of those bytes
    return controls / len(head) > 0.02


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeError, LookupError):  # UnicodeError: codecs such as "undefined" refuse any bytes
        return None


def _declared_utf16(encoding: str, data: bytes) -> str:
    """A page that says UTF-16 but has no BOM is almost always ASCII-compatible."""
    return "utf-8" if encoding.startswith("utf-16") and b"\x00" not in data[:512] else encoding


def visible_bytes(data: bytes) -> bytes:
    """The page's bytes outside tags, scripts, styles and comments (what a reader sees, still encoded)."""
    return _INVISIBLE.sub(b" ", data)


def _arabic_fit(text: str) -> float:
    """How well ``text`` reads as Arabic-script writing, 0..1: the share of its words that hold an
    Arabic-script letter and nothing outside that script, when at least 30% of its letters are
    Arabic-script letters; 0 otherwise. Cyrillic or Latin bytes read through an Arabic code page
    give words that mix Arabic letters with Latin ones (à, é, î) and harakat; Arabic bytes read
    through the wrong Arabic code page do so too (ISO-8859-6's ي is windows-1256's ê). Alef is the
    commonest letter of Arabic, Persian and Urdu (over 6% of letters): KOI8-R's lower case, read as
    windows-1256, gives Arabic letters only, but hardly an alef (it is KOI8-R's з)."""
    letters = len(_LETTERS.findall(text))
    arabic = len(_ARABIC_LETTERS.findall(text))
    if not letters or arabic / letters <= 0.3 or len(_ALEF.findall(text)) < 0.06 * arabic:
        return 0.0
    words = [w for w in _WORDS.findall(text) if _ARABIC_LETTERS.search(w)]
    pure = sum(1 for w in words if not _NOT_ARABIC_WORD.search(w))
    return pure / len(words) if words else 0.0


def _arabic_single_byte(visible: bytes) -> str | None:
    """The Arabic code page that reads ``visible`` as Arabic-script words (≥ 90% of them), or None."""
    best, best_fit = None, 0.9
    for codec in _ARABIC_CODECS:
        text = _try(visible, codec)
        fit = _arabic_fit(text) if text is not None else 0.0
        if fit > best_fit:
            best, best_fit = codec, fit
    return best


def _statistical(data: bytes) -> Decoded:
    """No declaration and not UTF-8: single-byte Arabic first (judged on the visible text), then
    charset-normalizer."""
    visible = visible_bytes(data[:1_000_000])
    codec = _arabic_single_byte(visible)
    if codec is not None:
        text = _try(data, codec)
        if text is None:  # an ISO-8859-6 page with a stray byte outside its visible text
            codec, text = "cp1256", data.decode("cp1256")
        return Decoded(text, codec, "statistics:arabic-letters")
    from charset_normalizer import from_bytes

    # charset-normalizer reads the whole page (up to 2 MB): on the visible bytes alone, a page of
    # ASCII with a few « » was Shift_JIS to it; cut at 200 kB, Greek pages whose article comes
    # late were MacLatin2 (bench/decode_bench.py)
    best = from_bytes(data[:2_000_000]).best()
    name = _guessed_codec(best.encoding) if best is not None else None  # None: no web encoding
    if name:
        text = _try(data, name)
        if text is not None:
            return Decoded(text, name, "statistics:charset-normalizer")
    text = _try(data, "cp1252")
    if text is not None:
        return Decoded(text, "cp1252", "fallback:windows-1252")
    raise DecodeError("no encoding decodes these bytes")


def _labelled(data: bytes, label: str) -> tuple[str, str] | None:
    """The text and codec for bytes an encoding label speaks for, or None when the label is none a
    browser knows or its codec refuses the bytes."""
    name = _normalize_label(label)
    if name is None:
        return None
    name = _declared_utf16(name, data)
    if name == "cp1256" and label.strip().lower() not in _WINDOWS_1256:  # an ISO-8859-6 label
        text = _try(data, "iso8859-6")
        if text is not None:
            return text, "iso8859-6"
    text = _try(data, name)
    return (text, name) if text is not None else None


def decode(data: bytes, content_type: str | None = None) -> Decoded:
    """Decode raw page bytes; raise :class:`InputError` for empty or binary input."""
    if not data or not data.strip():
        raise InputError("empty input")
    found = _bom(data)
    if found:
        name, size = found
        text = _try(data[size:], name)
        if text is None:
            raise DecodeError(f"byte-order mark says {name} but the bytes are not {name}")
        return Decoded(
            text, name.replace("-le", "").replace("-be", "") if name.startswith("utf-16") else name, "bom"
        )
    if _looks_binary(data):
        raise InputError("binary data, not a web page or text")
    m = _HEADER.search(content_type) if content_type else None
    found_label = _labelled(data, m.group(1)) if m else None
    if found_label:
        return Decoded(*found_label, "http-header")
    for pattern, evidence in ((_XML_DECL, "xml-declaration"), (_META, "meta")):
        m = pattern.search(data[:4096])
        found_label = _labelled(data, m.group(1).decode("ascii", "replace")) if m else None
        if found_label:
            return Decoded(*found_label, evidence)
    text = _try(data, "utf-8")
    if text is not None:
        return Decoded(text, "utf-8", "utf-8-valid")
    return _statistical(data)
