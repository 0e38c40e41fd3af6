"""Site boilerplate learned across a host's pages: ``clean --site-boilerplate``, ``--site-profile``,
``archiver profile`` (archiver.crawl.profile, archiver.crawl.sites)."""

from __future__ import annotations

import html
import json
import random
import subprocess
import sys
from pathlib import Path

from archiver.crawl.profile import Fingerprint, ProfileOptions, build_profiles, host_of
from archiver.extract.reasons import REGISTRY

ROOT = Path(__file__).resolve().parents[1]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
# Kept by the page-level cleaner (plain paragraphs inside the article), repeated on every page.
CHROME = "نشرة الصباح تصدر كل يوم عن مكتب التحرير في العاصمة للقراء ({n})"
CHROME_VOCALIZED = "نَشرةُ الصباح تصدر كل يوم عن مكتب التحرير في العاصمة للقرّاء ({n})"
QUOTE = "قال المتحدث إن المفاوضات ستستأنف الأسبوع المقبل في العاصمة بحضور جميع الأطراف المعنية بالملف"


def _sentence(rng: random.Random, n: int = 24) -> str:
    return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(n)) + "."


def _page(i: int) -> str:
    rng = random.Random(i)
    paras = [_sentence(rng) for _ in range(4)]
    if i in (3, 7):  # one article paragraph quoted on two pages: not chrome
        paras.insert(2, QUOTE)
    chrome = (CHROME_VOCALIZED if i % 2 else CHROME).format(n=i + 2)  # counter and harakat vary
    body = "".join(f"<p>{html.escape(p)}</p>" for p in [*paras, chrome])
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر {i}</title>'
        f'<link rel="canonical" href="https://news.example/article/{i}"></head><body><article>'
        f"<h1>خبر رقم {i}</h1>{body}</article></body></html>"
    )


def _crawl(folder: Path, order: list[int]) -> Path:
    folder.mkdir(parents=True)
    for rank, i in enumerate(order):
        (folder / f"p{rank:02d}-{i:02d}.html").write_text(_page(i), "utf-8")  # names sort in `order`
    return folder


def _run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "archiver", *args], cwd=ROOT, capture_output=True, text=True)


def _docs(out: Path) -> dict[str, dict]:
    docs = {}
    for line in (out / "index.jsonl").read_text().splitlines():
        rec = json.loads(line)
        doc = json.loads((out / f"{rec['id']}.json").read_text())
        docs[doc["canonical_url"]] = doc
    return docs


def _texts(doc: dict) -> list[str]:
    return [b["text"] for b in doc["blocks"]]


def test_repeated_blocks_are_cut_and_a_quote_on_two_pages_kept(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", list(range(12)))
    plain, cut = tmp_path / "plain", tmp_path / "cut"
    off = ("-q", "--parallel", "0", "--no-site-boilerplate")
    assert _run("clean", str(crawl), "-o", str(plain), *off).returncode == 0
    result = _run("clean", str(crawl), "-o", str(cut), "-q", "--parallel", "0", "--site-boilerplate")
    assert result.returncode == 0, result.stderr
    before, after = _docs(plain), _docs(cut)
    url = "https://news.example/article/3"
    assert any("نشرة الصباح" in t or "نَشرةُ" in t for t in _texts(before[url]))  # the page cleaner keeps it
    for doc in after.values():
        assert not any("الصباح تصدر" in t for t in _texts(doc))
        (removed,) = [r for r in doc["removed"] if r["reason"] == "site-repeat"]
        assert removed["detail"] == "12/12" and removed["role"] == "boilerplate"
        assert all(r["reason"] in REGISTRY for r in doc["removed"])  # the schema's enum of codes
        assert doc["processing"]["site_profile"].startswith("news.example:")
    assert QUOTE in _texts(after[url]) and QUOTE in _texts(after["https://news.example/article/7"])
    assert [len(d["blocks"]) for d in after.values()] == [len(d["blocks"]) - 1 for d in before.values()]
    profile = json.loads((cut / "site-profiles" / "news.example.json").read_text())
    keys = {e["key"]: e["pages"] for e in profile["chrome"]}
    assert profile["pages"] == 12 and keys["نشره الصباح تصدر كل يوم عن مكتب التحرير في العاصمه للقراء"] == 12
    assert not any("المتحدث" in k for k in keys)


def test_same_bytes_for_any_order_and_parallelism(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", list(range(12)))
    files = sorted(str(p) for p in crawl.iterdir())
    random.Random(5).shuffle(files)
    outs = []
    for name, inputs, parallel in (("a", [str(crawl)], "0"), ("b", files, "2")):
        out = tmp_path / f"out-{name}"
        result = _run(
            "clean",
            *inputs,
            "-o",
            str(out),
            "-q",
            "--parallel",
            parallel,
            "--site-boilerplate",
            "--format",
            "json",
        )
        assert result.returncode == 0, result.stderr
        outs.append(
            {
                p.relative_to(out).as_posix(): p.read_bytes()
                for p in out.rglob("*.json")
                if p.name != "run.json"
            }
        )
    assert len(outs[0]) == 13 and outs[0] == outs[1]  # 12 records and the profile, byte for byte


def test_profile_command_then_site_profile(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", list(range(12)))
    result = _run("profile", str(crawl), "-o", str(tmp_path / "prof"), "--parallel", "0")
    assert result.returncode == 0, result.stderr
    one = tmp_path / "one"
    (one).mkdir()
    (one / "page.html").write_text(_page(40), "utf-8")  # a later page of the same host
    result = _run(
        "clean", str(one), "-o", str(tmp_path / "out"), "-q", "--site-profile", str(tmp_path / "prof")
    )
    assert result.returncode == 0, result.stderr
    (doc,) = _docs(tmp_path / "out").values()
    assert [(r["reason"], r.get("detail")) for r in doc["removed"] if r["reason"].startswith("site")] == [
        ("site-repeat", "12/12")
    ]
    assert (tmp_path / "out" / "site-profiles" / "news.example.json").read_bytes() == (
        tmp_path / "prof" / "site-profiles" / "news.example.json"
    ).read_bytes()
    bad = _run("clean", str(one), "-o", str(tmp_path / "out2"), "--site-profile", str(tmp_path / "nothing"))
    assert bad.returncode == 2 and "no site profiles" in bad.stderr


def test_thresholds_by_share_and_host_size() -> None:
    def prints(host: str, pages: int, key_pages: int) -> list[Fingerprint]:
        return [
            Fingerprint(
                host, f"{host}/{i}", frozenset({f"body {i}"} | ({"menu"} if i < key_pages else set()))
            )
            for i in range(pages)
        ]

    opts = ProfileOptions(min_host_pages=5, min_share=0.3, min_pages=3)
    profiles = build_profiles(
        prints("a.test", 40, 10) + prints("b.test", 40, 13) + prints("c.test", 4, 4) + prints("d.test", 6, 2),
        opts,
    )
    assert "menu" not in profiles["a.test"].chrome  # 10 of 40 pages: 25%, under the share
    assert profiles["b.test"].chrome == {"menu": 13}  # 13 of 40: 32.5%
    assert "c.test" not in profiles  # fewer pages than N
    assert profiles["d.test"].chrome == {}  # 2 of 6 is a third, but two pages are never enough
    twice = build_profiles(prints("b.test", 40, 13) * 2, opts)  # recaptures of the same URLs count once
    assert twice["b.test"].pages == 40 and twice["b.test"].chrome == {"menu": 13}


def test_host_of() -> None:
    assert host_of("https://www.News.Example:8080/a") == "news.example"
    assert host_of("https://m.news.example/a") == "news.example"
    assert host_of(None) is None and host_of("not a url") is None


def test_shards_learn_the_same_profile_as_one_run(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", list(range(12)))
    whole = tmp_path / "whole"
    assert (
        _run(
            "clean",
            str(crawl),
            "-o",
            str(whole),
            "-q",
            "--parallel",
            "0",
            "--site-boilerplate",
            "--format",
            "json",
        ).returncode
        == 0
    )
    for i in range(2):  # each shard cleans half the pages but profiles all of them
        result = _run(
            "clean",
            str(crawl),
            "-o",
            str(tmp_path / f"shard{i}"),
            "-q",
            "--parallel",
            "0",
            "--site-boilerplate",
            "--format",
            "json",
            "--shard-index",
            str(i),
            "--num-shards",
            "2",
        )
        assert result.returncode == 0, result.stderr
        assert (tmp_path / f"shard{i}" / "site-profiles" / "news.example.json").read_bytes() == (
            whole / "site-profiles" / "news.example.json"
        ).read_bytes()
    records = {
        p.name: p.read_bytes()
        for i in range(2)
        for p in (tmp_path / f"shard{i}").glob("*.json")
        if p.name != "run.json"
    }
    assert len(records) == 12
    assert records == {p.name: p.read_bytes() for p in whole.glob("*.json") if p.name != "run.json"}


def test_site_boilerplate_refuses_standard_input(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "archiver", "clean", "-", "-o", str(tmp_path / "out"), "--site-boilerplate"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        input=_page(1),
    )
    assert result.returncode == 2 and "standard input only once" in result.stderr
