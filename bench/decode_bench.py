"""Decoding pages stored in legacy code pages, with and without a label (issue 13).

Every corpus page (UTF-8 as stored) is re-encoded into the code pages its language was plausibly
published in (Arabic: windows-1256, ISO-8859-6; Western: windows-1252, ISO-8859-1, ISO-8859-15;
Polish/Hungarian: windows-1250, ISO-8859-2; Russian: windows-1251, KOI8-R; Greek: windows-1253,
ISO-8859-7; Turkish: windows-1254; Chinese: GB18030, Big5; Japanese: Shift_JIS, EUC-JP; Korean:
EUC-KR), characters the code page lacks written as numeric character references (as a browser
submitting a form, or a CMS saving a page, writes them). Every charset declaration is taken out,
then the page is decoded

- ``none``: with no label at all;
- ``meta``: with a ``<meta charset>`` naming the code page;
- ``xml``: with an ``<?xml … encoding=…?>`` declaration naming it (XHTML);

by ``archiver.decode.decode`` and by charset-normalizer alone (``from_bytes(page).best()``) on the
same bytes. A decode is right when its text is the text the code page holds, or the text a browser
shows for bytes so labelled (Big5 read with HKSCS, Shift_JIS as windows-31J: WHATWG's decoders).

    python bench/decode_bench.py                       # ../shared/corpus, all sources
    python bench/decode_bench.py --extra daniel        # + corpus-extra's daniel (zh, el, pl, ru)
    python bench/decode_bench.py --sources arabic --modes none
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from archiver.decode import _normalize_label, decode
from bench.corpus import CORPUS, DEFAULT_SOURCES, load_pages

EXTRA = CORPUS.parent / "corpus-extra"
WESTERN = ("cp1252", "iso-8859-1", "iso-8859-15")
CODE_PAGES = {
    "ar": ("cp1256", "iso-8859-6"),
    "fa": ("cp1256",),
    "ur": ("cp1256",),
    "pl": ("cp1250", "iso-8859-2"),
    "hu": ("cp1250", "iso-8859-2"),
    "cs": ("cp1250", "iso-8859-2"),
    "ru": ("cp1251", "koi8-r"),
    "el": ("cp1253", "iso-8859-7"),
    "tr": ("cp1254",),
    "zh": ("gb18030", "big5"),
    "ja": ("shift_jis", "euc-jp"),
    "ko": ("euc-kr",),
}
LABEL = {
    "cp1256": "windows-1256",
    "cp1252": "windows-1252",
    "cp1250": "windows-1250",
    "cp1251": "windows-1251",
    "cp1253": "windows-1253",
    "cp1254": "windows-1254",
}
_DECLS = re.compile(r"<meta[^>]*charset[^>]*>|<\?xml[^>]*\?>", re.IGNORECASE)
_HEAD = re.compile(r"<head[^>]*>", re.IGNORECASE)
_C1 = re.compile("[\x80-\x9f]")  # C1 controls in a stored page: written as references like the rest


def code_pages(lang: str) -> tuple[str, ...]:
    """The legacy code pages a page in ``lang`` was plausibly published in (Western by default)."""
    return CODE_PAGES.get((lang or "und").split("-")[0], WESTERN)


def legacy_bytes(html: str, codec: str, mode: str) -> bytes:
    """``html`` without its charset declarations, labelled as ``mode`` says, encoded in ``codec``."""
    html = _C1.sub(lambda m: f"&#{ord(m.group())};", _DECLS.sub("", html))
    label = LABEL.get(codec, codec)
    if mode == "meta":
        m = _HEAD.search(html)
        at = m.end() if m else 0
        html = f'{html[:at]}<meta charset="{label}">{html[at:]}'
    elif mode == "xml":
        html = f'<?xml version="1.0" encoding="{label}"?>\n{html.lstrip()}'
    return html.encode(codec, "xmlcharrefreplace")


def _cn_text(data: bytes) -> str | None:
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        return None
    try:
        return data.decode(best.encoding)
    except (UnicodeError, LookupError):
        return None


def _ours(data: bytes) -> str | None:
    try:
        return decode(data).text
    except Exception:  # noqa: BLE001 - a failure is a wrong decode here
        return None


def _pages(args):
    pages = [(p, p.meta.get("lang") or "und") for p in load_pages(CORPUS, args.sources, args.limit)]
    for source in args.extra:
        pages += [(p, _manifest_lang(EXTRA, p)) for p in load_pages(EXTRA, (source,), args.limit)]
    return pages


def _manifest_lang(root: Path, page) -> str:
    for line in (root / "MANIFEST.tsv").read_text("utf-8").splitlines()[1:]:
        source, name, lang = (line.split("\t") + ["und"])[:3]
        if (source, name) == (page.source, page.name):
            return lang
    return "und"


def run(args) -> dict:
    """{(codec, mode): [pages, ours right, charset-normalizer right, not ASCII-only]}."""
    table: dict = defaultdict(lambda: [0, 0, 0, 0])
    wrong: dict = defaultdict(list)
    for page, lang in _pages(args):
        html = page.html().decode("utf-8", "replace")
        for codec in code_pages(lang):
            for mode in args.modes:
                data = legacy_bytes(html, codec, mode)
                truth = {data.decode(codec), data.decode(_normalize_label(codec) or codec, "replace")}
                row = table[(codec, mode)]
                row[0] += 1
                row[3] += not data.isascii()
                ok = _ours(data) in truth
                row[1] += ok
                row[2] += _cn_text(data) in truth
                if not ok:
                    wrong[(codec, mode)].append(page.key)
    return {"table": dict(table), "wrong": dict(wrong)}


def report(result: dict) -> str:
    lines = [
        "| code page | label | pages | non-ASCII | archiver right | charset-normalizer alone right |",
        "|---|---|---:|---:|---:|---:|",
    ]
    for (codec, mode), (n, ours, cn, non_ascii) in sorted(result["table"].items()):
        lines.append(
            f"| {codec} | {mode} | {n} | {non_ascii} | {ours} ({ours / n:.1%}) | {cn} ({cn / n:.1%}) |"
        )
    for key, names in sorted(result["wrong"].items()):
        lines.append(
            f"\nwrong, {key[0]} {key[1]}: " + ", ".join(names[:12]) + (" …" if len(names) > 12 else "")
        )
    return "\n".join(lines)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sources", nargs="*", default=list(DEFAULT_SOURCES))
    ap.add_argument("--extra", nargs="*", default=[], help="corpus-extra sources to add (e.g. daniel)")
    ap.add_argument("--modes", nargs="*", default=["none", "meta", "xml"], choices=["none", "meta", "xml"])
    ap.add_argument("--limit", type=int, default=None, help="pages per source")
    args = ap.parse_args(argv)
    print(report(run(args)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
