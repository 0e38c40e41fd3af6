"""Bags: layout, manifests, bag-info, the data package, documents.jsonl, determinism, CLI."""

from __future__ import annotations

import json
import subprocess
import sys

import bagit
import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page
from conftest import ROOT

from archiver.archive.bag import BagError, BagOptions, make_bag
from archiver.archive.datapackage import file_sha256

PAGES = [
    page("الانتخابات البرلمانية", [f"{FILLER_AR} جرت الانتخابات في ثلاث مدن.", FILLER_AR], date="2020-03-01"),
    page("Harbour news", [f"{FILLER_EN} Boats came back.", FILLER_EN], lang="en", date="2019-05-02"),
]


def cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "archiver", *map(str, args)], cwd=ROOT, capture_output=True, text=True
    )


@pytest.fixture()
def exported(tmp_path):
    out = tmp_path / "export"
    out.mkdir()
    docs = export(out, PAGES)
    (out / "errors.jsonl").write_text('{"source": "gone.html", "stage": "read", "reason": "no such file"}\n')
    (out / "run.json").write_text('{"timings": {"started": "2026-01-02T03:04:05+00:00"}}\n')
    return out, docs


def test_bag_layout_manifests_and_info(exported, tmp_path):
    out, docs = exported
    summary = make_bag(out, BagOptions(output=tmp_path / "bag", source_organization="Test Archive"))
    bag_dir = tmp_path / "bag"
    assert summary.documents == 2 and summary.failures == 1 and summary.languages == {"ar": 1, "en": 1}
    bag = bagit.Bag(str(bag_dir))
    assert bag.is_valid() and sorted(bag.algorithms) == ["sha256", "sha512"]
    assert (out / "index.jsonl").is_file()  # -o leaves the export as it was
    data = bag_dir / "data"
    for d in docs:
        assert (data / "json" / f"{d.id}.json").read_bytes() == (out / f"{d.id}.json").read_bytes()
        assert (data / "markdown" / f"{d.id}.md").read_bytes() == (out / f"{d.id}.md").read_bytes()
        assert (data / "html" / f"{d.id}.html").is_file()
    for name in (
        "README.md",
        "datapackage.json",
        "document.schema.json",
        "documents.jsonl",
        "errors.jsonl",
        "run.json",
        "html/index.html",
    ):
        assert (data / name).is_file(), name
    info = bag.info
    assert info["Source-Organization"] == "Test Archive" and info["Document-Count"] == "2"
    assert info["Failure-Count"] == "1" and info["Bagging-Date"] == "2026-01-02"
    assert info["Bag-Software-Agent"].startswith("archiver ")
    readme = (data / "README.md").read_text("utf-8")
    assert "2 documents" in readme and "`ar`: 1" in readme and "archiver verify" in readme


def test_data_package_lists_every_file_with_bytes_and_hash(exported, tmp_path):
    out, _ = exported
    make_bag(out, BagOptions(output=tmp_path / "bag"))
    data = tmp_path / "bag" / "data"
    package = json.loads((data / "datapackage.json").read_text("utf-8"))
    files = sorted(p.relative_to(data).as_posix() for p in data.rglob("*") if p.is_file())
    resources = {r["path"]: r for r in package["resources"]}
    assert sorted(resources) == [f for f in files if f != "datapackage.json"]
    for rel, r in resources.items():
        assert r["bytes"] == (data / rel).stat().st_size
        assert r["hash"] == f"sha256:{file_sha256(data / rel)}"
        assert r["format"] and r["name"]
    assert len({r["name"] for r in package["resources"]}) == len(package["resources"])


def test_documents_jsonl_one_line_per_document(exported, tmp_path):
    out, docs = exported
    make_bag(out, BagOptions(output=tmp_path / "bag"))
    lines = [json.loads(x) for x in (tmp_path / "bag/data/documents.jsonl").read_text("utf-8").splitlines()]
    assert [x["id"] for x in lines] == [d.id for d in docs]
    assert lines[0]["language"] == "ar" and lines[0]["published"].startswith("2020-03-01")
    assert all((tmp_path / "bag/data" / x[k]).is_file() for x in lines for k in ("json", "html", "markdown"))


def test_in_place_and_deterministic(exported, tmp_path):
    out, _ = exported
    copy = tmp_path / "copy"
    make_bag(out, BagOptions(output=copy))
    make_bag(out)  # in place
    assert bagit.Bag(str(out)).is_valid() and not (out / "index.jsonl").exists()
    for rel in ("manifest-sha512.txt", "tagmanifest-sha256.txt", "bag-info.txt"):
        assert (out / rel).read_bytes() == (copy / rel).read_bytes()
    with pytest.raises(BagError, match="already a bag"):
        make_bag(out)
    assert not list(tmp_path.glob(".*"))  # no staging left behind


def test_export_without_json_is_refused(tmp_path):
    export(tmp_path, PAGES[:1], formats=("md",))
    with pytest.raises(BagError, match="no JSON record"):
        make_bag(tmp_path)
    assert (tmp_path / "index.jsonl").is_file() and not (tmp_path / "bagit.txt").exists()


def test_cli_clean_with_bag_then_verify(tmp_path):
    src = tmp_path / "in"
    src.mkdir()
    for i, p in enumerate(PAGES):
        (src / f"p{i}.html").write_text(p, "utf-8")
    out = tmp_path / "out"
    r = cli("clean", src, "-o", out, "--bag", "--source-organization", "Org", "--parallel", "0")
    assert r.returncode == 0, r.stderr
    assert "bag" in r.stderr and bagit.Bag(str(out)).info["Source-Organization"] == "Org"
    assert (out / "data" / "run.json").is_file()
    r = cli("verify", out)
    assert r.returncode == 0 and "OK" in r.stderr and r.stdout == ""
    r = cli("clean", src / "p0.html", "--bag")
    assert r.returncode == 2 and "--bag needs -o DIR" in r.stderr and r.stdout == ""


def test_cli_bag_command(exported, tmp_path):
    out, _ = exported
    r = cli("bag", out, "-o", tmp_path / "b2", "-q")
    assert r.returncode == 0 and r.stderr == "" and bagit.Bag(str(tmp_path / "b2")).is_valid()
    r = cli("bag", tmp_path / "b2")
    assert r.returncode == 1 and "already a bag" in r.stderr
