"""Site boilerplate on by default for batch runs with enough pages of a host, from a cheap first
pass that reads pages without cleaning them (issue 15, archiver.crawl.prints)."""

from __future__ import annotations

import html
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

import archiver.cli.crawl as cli_crawl
import archiver.pipeline
import archiver.run.worker
from archiver.cli import main
from archiver.config import DEFAULT
from archiver.crawl.profile import ProfileOptions, fingerprint, shape_of
from archiver.model import RawPage, Source
from archiver.pipeline import process
from archiver.sources.base import SourceOptions
from archiver.sources.resolve import iter_tasks
from archiver.text.fold import phrase_key

ROOT = Path(__file__).resolve().parents[2]
N = ProfileOptions().min_host_pages
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
CHROME = "يصدر هذا الموقع عن مؤسسة الإعلام المستقل في المدينة منذ سنوات طويلة لخدمة القراء ({n})"


def _sentence(rng: random.Random, n: int = 22) -> str:
    return " ".join("".join(rng.choice(LETTERS) for _ in range(rng.randint(3, 7))) for _ in range(n)) + "."


def _page(i: int, canonical: bool = True) -> str:
    rng = random.Random(100 + i)
    paras = "".join(f"<p>{html.escape(_sentence(rng))}</p>" for _ in range(4))
    link = f'<link rel="canonical" href="https://www.site.example/news/{i}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر {i}</title>'
        f"{link}</head><body><nav><ul><li><a href='/'>الرئيسية</a></li><li><a href='/s'>رياضة</a></li>"
        f"</ul></nav><article><h1>عنوان الخبر رقم {i}</h1>{paras}<p>{CHROME.format(n=i)}</p></article>"
        "<footer><p>جميع الحقوق محفوظة</p></footer></body></html>"
    )


def _crawl(folder: Path, count: int, canonical: bool = True) -> Path:
    folder.mkdir(parents=True)
    for i in range(count):
        (folder / f"page{i:02d}.html").write_text(_page(i, canonical), "utf-8")
    return folder


def _run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "archiver", *args], cwd=ROOT, capture_output=True, text=True, input=stdin
    )


def _records(out: Path) -> list[dict]:
    return [json.loads(p.read_text("utf-8")) for p in sorted(out.glob("*.json")) if p.name != "run.json"]


def _tree(out: Path) -> dict[str, bytes]:
    return {p.relative_to(out).as_posix(): p.read_bytes() for p in out.rglob("*") if p.is_file()}


def _cut(doc: dict) -> list[str]:
    return [r["text"] for r in doc["removed"] if r["reason"] == "site-repeat"]


def test_a_directory_with_n_pages_of_a_host_is_profiled_by_default(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", N)
    out = tmp_path / "out"
    result = _run("clean", str(crawl), "-o", str(out), "-q", "--parallel", "0", "--format", "json")
    assert result.returncode == 0, result.stderr
    docs = _records(out)
    assert len(docs) == N
    for doc in docs:
        assert not any("مؤسسة الإعلام المستقل" in b["text"] for b in doc["blocks"])
        assert any("مؤسسة الإعلام المستقل" in t for t in _cut(doc))
        assert doc["processing"]["site_profile"].startswith("site.example:")
    assert json.loads((out / "site-profiles" / "site.example.json").read_text())["pages"] == N


def test_no_site_boilerplate_turns_it_off(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", N + 2)
    out = tmp_path / "out"
    result = _run("clean", str(crawl), "-o", str(out), "-q", "--parallel", "0", "--no-site-boilerplate")
    assert result.returncode == 0, result.stderr
    docs = _records(out)
    assert len(docs) == N + 2 and not any(_cut(d) for d in docs)
    assert all("site_profile" not in d["processing"] for d in docs)
    assert all(any("مؤسسة الإعلام المستقل" in b["text"] for b in d["blocks"]) for d in docs)
    assert not (out / "site-profiles").exists()


def test_fewer_than_n_pages_of_a_host_change_nothing(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", N - 1)
    outs = []
    for name, extra in (("auto", ()), ("off", ("--no-site-boilerplate",))):
        out = tmp_path / name
        result = _run("clean", str(crawl), "-o", str(out), "-q", "--parallel", "0", *extra)
        assert result.returncode == 0, result.stderr
        outs.append({k: v for k, v in _tree(out).items() if k != "run.json"})
    assert outs[0] == outs[1] and not any(k.startswith("site-profiles") for k in outs[0])


def test_standard_input_stays_page_at_a_time(tmp_path: Path) -> None:
    out = tmp_path / "out"
    result = _run("clean", "-", "-o", str(out), "-q", "--url", "https://site.example/x", stdin=_page(1))
    assert result.returncode == 0, result.stderr
    (doc,) = _records(out)
    assert not _cut(doc) and not (out / "site-profiles").exists()


def _no_first_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("the first pass ran")

    monkeypatch.setattr(cli_crawl, "first_pass", refuse)


def test_off_or_one_page_runs_no_first_pass(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _no_first_pass(monkeypatch)
    crawl = _crawl(tmp_path / "crawl", N)
    off = ["clean", str(crawl), "-o", str(tmp_path / "off"), "-q", "--parallel", "0", "--no-site-boilerplate"]
    assert main(off) == 0
    one = tmp_path / "one"
    one.mkdir()
    (one / "a.html").write_text(_page(1), "utf-8")
    assert main(["clean", str(one), "-o", str(tmp_path / "single"), "-q", "--parallel", "0"]) == 0


def test_the_first_pass_cleans_no_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The profile's first pass reads and parses pages; it never runs the pipeline."""
    crawl = _crawl(tmp_path / "crawl", N)

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("a page was cleaned in the first pass")

    monkeypatch.setattr(archiver.pipeline, "process", refuse)
    monkeypatch.setattr(archiver.run.worker, "process", refuse)
    tasks = iter_tasks([str(crawl)], SourceOptions(), [])
    prints = list(cli_crawl.first_pass(tasks, DEFAULT, 0, 0))
    assert len(prints) == N and all(p is not None for p in prints)
    assert {p.host for p in prints} == {"site.example"}
    assert all(("text", phrase_key(CHROME.format(n=0))) in p.keys for p in prints)


def _varied(i: int) -> str:
    """A page whose blocks come in many shapes: <br> lines, lists, inline marks, a quote, spans."""
    rng = random.Random(i)
    s = [html.escape(_sentence(rng, 12)) for _ in range(8)]
    return (
        '<html><head><meta charset="utf-8"><title>t</title></head><body><div class="a">'
        f"<h2>{s[0]}</h2><p>{s[1]}<br>{s[2]}</p><p>{s[3]}<br><br>{s[4]}</p>"
        f"<ul><li><a href='/x'>{s[5]}</a> <b>(3)</b></li><li>تعليقات <span>(0)</span></li></ul>"
        f"<blockquote>{s[6]}</blockquote><div>نص <em>مائل</em> {s[7]}<script>var x=1;</script>"
        "<!-- note --> ذيل</div></div></body></html>"
    )


@pytest.mark.parametrize("i", range(4))
def test_the_first_pass_keys_cover_the_cleaned_blocks(i: int) -> None:
    from archiver.crawl.prints import page_fingerprint

    page = RawPage(_varied(i).encode("utf-8"), Source(kind="auto", url=f"https://a.example/{i}"))
    doc = process(page, DEFAULT)
    cheap = page_fingerprint(page, DEFAULT)
    full = fingerprint(doc)
    assert cheap is not None and full is not None and cheap.page == full.page
    blocks = {(shape_of(b.role), phrase_key(b.text)) for b in doc.blocks}
    assert len(blocks) >= 5 and blocks <= cheap.keys
    assert {s for s, _ in blocks} >= {"heading", "text"}


def test_a_resumed_default_run_equals_an_uninterrupted_one(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", N + 3)
    whole, resumed = tmp_path / "whole", tmp_path / "resumed"
    args = ("-q", "--parallel", "0", "--format", "json")
    assert _run("clean", str(crawl), "-o", str(whole), *args).returncode == 0
    assert _run("clean", str(crawl), "-o", str(resumed), *args).returncode == 0
    index = (resumed / "index.jsonl").read_text("utf-8").splitlines(keepends=True)
    for line in index[3:]:  # as if stopped after three pages
        (resumed / f"{json.loads(line)['id']}.json").unlink()
    (resumed / "index.jsonl").write_text("".join(index[:3]), "utf-8")
    assert _run("clean", str(crawl), "-o", str(resumed), *args).returncode == 0
    assert {k: v for k, v in _tree(resumed).items() if k != "run.json"} == {
        k: v for k, v in _tree(whole).items() if k != "run.json"
    }
    assert any(_cut(d) for d in _records(whole))


def test_a_menu_item_does_not_cut_a_heading_of_the_same_words() -> None:
    from archiver.crawl.prints import page_fingerprint
    from archiver.crawl.profile import SiteProfiles, build_profiles

    def page(i: int, heading: bool) -> RawPage:
        rng = random.Random(i)
        body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(3))
        section = f"<h2>الاقتصاد</h2><p>{_sentence(rng)}</p>" if heading else ""
        menu = "".join(f"<li><a href='/{n}'>{n}</a></li>" for n in ("الاقتصاد", "الرياضة", "الثقافة"))
        text = (
            f'<html><head><meta charset="utf-8"><title>t{i}</title></head><body><ul class="m">{menu}</ul>'
            f"<article><h1>خبر {i}</h1>{body}{section}<ul><li>الرياضة</li></ul></article></body></html>"
        )
        return RawPage(text.encode("utf-8"), Source(kind="auto", url=f"https://b.example/{i}"))

    pages = [page(i, heading=i == 0) for i in range(N + 1)]
    profiles = SiteProfiles(build_profiles(page_fingerprint(p, DEFAULT) for p in pages))
    doc = process(pages[0], DEFAULT)
    after = profiles.apply(doc)
    assert "الاقتصاد" in [b.text for b in doc.blocks] and "الاقتصاد" in [b.text for b in after.blocks]
    cut = [r.text for r in after.removed if r.reason == "site-repeat"]
    assert "الرياضة" in [b.text for b in doc.blocks] and cut == ["الرياضة"]  # a list item, as in the menu


def test_profile_into_a_file_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    crawl = _crawl(tmp_path / "crawl", N)
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "site-profiles").write_text("not a folder", "utf-8")
    result = _run("profile", str(crawl), "-o", str(tmp_path / "out"), "--parallel", "0", "-q")
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("archiver: error: cannot write")


@pytest.mark.parametrize(
    "credit", ["(رويترز)", "(أ ف ب)", "— AP", "Reporting by Jane Doe; Editing by John Roe"]
)
def test_an_agency_credit_on_most_pages_of_a_host_stays_the_storys(credit: str) -> None:
    from archiver.crawl.prints import page_fingerprint
    from archiver.crawl.profile import SiteProfiles, build_profiles

    def page(i: int) -> RawPage:
        rng = random.Random(i)
        body = "".join(f"<p>{_sentence(rng)}</p>" for _ in range(3))
        text = (
            f'<html><head><meta charset="utf-8"><title>t{i}</title></head><body>'
            f"<article><h1>خبر {i}</h1>{body}<p>{CHROME.format(n=1)}</p><p>{html.escape(credit)}</p>"
            "</article></body></html>"
        )
        return RawPage(text.encode("utf-8"), Source(kind="auto", url=f"https://c.example/{i}"))

    pages = [page(i) for i in range(N + 1)]
    profiles = SiteProfiles(build_profiles(page_fingerprint(p, DEFAULT) for p in pages))
    doc = process(pages[0], DEFAULT)
    assert credit in [b.text for b in doc.blocks]
    after = profiles.apply(doc)
    assert credit in [b.text for b in after.blocks]
    assert [r.text for r in after.removed if r.reason == "site-repeat"] == [CHROME.format(n=1)]
