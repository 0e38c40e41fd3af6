"""``archiver verify`` reports exactly what is wrong: a changed byte, a missing file, an extra file,
a record that breaks the schema, a data package out of step, and a plain export's records."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from archivekit import FILLER_AR, FILLER_EN, export, page
from conftest import ROOT

from archiver.archive.bag import BagOptions, make_bag
from archiver.archive.verify import verify


@pytest.fixture()
def bag(tmp_path):
    out = tmp_path / "export"
    out.mkdir()
    docs = export(
        out,
        [
            page("عنوان الخبر", [f"{FILLER_AR} نص الخبر.", FILLER_AR]),
            page("Headline", [f"{FILLER_EN} Body text.", FILLER_EN], lang="en"),
        ],
    )
    make_bag(out, BagOptions(output=tmp_path / "bag"))
    return tmp_path / "bag", docs


def kinds(report):
    return sorted({(p.kind, p.path) for p in report.problems})


def test_fresh_bag_verifies(bag):
    root, _ = bag
    report = verify(root)
    assert report.ok and report.bag and report.counts["records"] == 2


def test_changed_byte(bag):
    root, docs = bag
    path = root / "data" / "markdown" / f"{docs[1].id}.md"
    raw = bytearray(path.read_bytes())
    raw[-2] ^= 0x01  # same size: Payload-Oxum cannot see it
    path.write_bytes(bytes(raw))
    report = verify(root)
    rel = f"data/markdown/{docs[1].id}.md"
    assert ("changed", rel) in kinds(report) and ("package", rel) in kinds(report)
    assert {p.detail.split()[0] for p in report.problems if p.kind == "changed"} == {"sha256", "sha512"}
    assert all(p.path == rel for p in report.problems)


def test_missing_file(bag):
    root, docs = bag
    (root / "data" / "html" / f"{docs[0].id}.html").unlink()
    report = verify(root)
    rel = f"data/html/{docs[0].id}.html"
    assert ("missing", rel) in kinds(report)
    assert ("bag", "bag-info.txt") in kinds(report)  # Payload-Oxum
    assert any(p.kind == "documents" and rel.removeprefix("data/") in p.detail for p in report.problems)


def test_extra_file(bag):
    root, _ = bag
    (root / "data" / "json" / "notes.txt").write_text("added later\n")
    report = verify(root)
    assert ("extra", "data/json/notes.txt") in kinds(report)
    assert not any(p.kind in ("changed", "missing") for p in report.problems)


def test_record_breaking_the_schema_even_with_fixity_redone(bag):
    root, docs = bag
    path = root / "data" / "json" / f"{docs[0].id}.json"
    record = json.loads(path.read_text("utf-8"))
    record["blocks"][0]["dir"] = "sideways"
    del record["language"]
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    import bagit

    b = bagit.Bag(str(root))
    b.save(manifests=True)  # someone re-signed the bag: fixity passes, the schema still fails
    report = verify(root)
    rel = f"data/json/{docs[0].id}.json"
    details = [p.detail for p in report.problems if p.kind == "schema"]
    assert all(p.path == rel for p in report.problems if p.kind == "schema")
    assert any("/blocks/0/dir" in d and "sideways" in d for d in details)
    assert any("'language' is a required property" in d for d in details)
    assert not any(p.kind in ("changed", "missing", "extra") for p in report.problems)


def test_plain_export_records(tmp_path):
    docs = export(tmp_path, [page("Headline", [f"{FILLER_EN} Body text.", FILLER_EN], lang="en")])
    assert verify(tmp_path).ok and not verify(tmp_path).bag
    path = tmp_path / f"{docs[0].id}.json"
    path.write_text(path.read_text("utf-8").replace('"status": "ok"', '"status": "maybe"'), "utf-8")
    report = verify(tmp_path)
    assert [(p.kind, p.path) for p in report.problems] == [("schema", path.name)]


def test_cli_exit_status_and_report(bag):
    root, _ = bag
    (root / "data" / "errors.jsonl").write_text("tampered\n")
    r = subprocess.run(
        [sys.executable, "-m", "archiver", "verify", str(root)], cwd=ROOT, capture_output=True, text=True
    )
    assert r.returncode == 1
    assert "changed: data/errors.jsonl: sha256" in r.stdout and "problems" in r.stderr


def test_search_index_beside_the_payload_is_allowed_other_files_are_not(bag):
    from archiver.archive.index import build_index
    from archiver.archive.search import search

    root, docs = bag
    assert build_index(root).added == 2
    assert [h.id for h in search(root, "Headline")] == [docs[1].id]
    assert search(root, "Headline")[0].path == f"data/markdown/{docs[1].id}.md"
    assert verify(root).ok
    (root / "notes.txt").write_text("x")
    assert kinds(verify(root)) == [("extra", "notes.txt")]


def _damage_bag_info(root):
    with open(root / "bag-info.txt", "ab") as fh:
        fh.write(b"Contact-Name: \xff\n")


def _dir_for_package(root):
    (root / "data" / "datapackage.json").unlink()
    (root / "data" / "datapackage.json").mkdir()


def _bad_schema(root):
    (root / "data" / "document.schema.json").write_text('{"type": "nope"}')


def _dangling_ref_schema(root):
    (root / "data" / "document.schema.json").write_text('{"$ref": "#/nowhere"}')


def _documents_not_utf8(root):
    with open(root / "data" / "documents.jsonl", "ab") as fh:
        fh.write(b'{"id": "\xff"}\n')


def _documents_odd_file(root):
    with open(root / "data" / "documents.jsonl", "a") as fh:
        fh.write('{"id": "a", "json": 5}\n{"id": "b", "html": ["x"]}\n{"id": "c", "json": "../../x.json"}\n')


def _deep_record(root):
    next((root / "data" / "json").glob("*.json")).write_text("[" * 100_000)


def _package_odd_names(root):
    path = root / "data" / "datapackage.json"
    desc = json.loads(path.read_text("utf-8"))
    desc["resources"][0]["name"] = {"a": 1}
    desc["resources"][1]["name"] = ["b"]
    path.write_text(json.dumps(desc), "utf-8")


@pytest.mark.parametrize(
    "damage",
    [
        _damage_bag_info,
        _dir_for_package,
        _bad_schema,
        _dangling_ref_schema,
        _documents_not_utf8,
        _documents_odd_file,
        _deep_record,
        _package_odd_names,
    ],
)
def test_damaged_bag_is_reported_not_a_traceback(bag, damage):
    root, _ = bag
    damage(root)
    report = verify(root)
    assert not report.ok
    assert all("\n" not in line for line in report.lines())


def test_records_of_earlier_releases_saying_prior_still_verify(tmp_path):
    """Records written before ``lang_source`` told ``pooled``/``page-prior``/``default`` apart say
    ``prior``: the schema reads them (a value it never writes); an unknown value still fails."""
    docs = export(tmp_path, [page("Headline", [f"{FILLER_EN} Body text.", FILLER_EN], lang="en")])
    path = tmp_path / f"{docs[0].id}.json"
    record = json.loads(path.read_text("utf-8"))
    for block in record["blocks"]:
        block["lang_source"] = "prior"
    record.pop("declared_language", None)
    record.pop("declared_direction", None)
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", "utf-8")
    assert verify(tmp_path).ok
    path.write_text(path.read_text("utf-8").replace('"prior"', '"guessed"'), "utf-8")
    assert [p.kind for p in verify(tmp_path).problems] == ["schema"] * len(record["blocks"])
