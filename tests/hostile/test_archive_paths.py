"""Issue 16 item 7, archive side: ``bag`` and ``index`` refuse ids and paths that leave the export.

Every id read back must be 16 hex digits, an index line's outputs must be its id's own files,
and a file planted as a symlink is never followed (its target could be anywhere). Each attack is
a real export with one forged piece; the promise checked is a non-zero exit with the reason, and
nothing written or read outside the export (and the bag being made)."""

from __future__ import annotations

import json
import os

import pytest
from archive_attacks import changed_outside, cli, make_export, snapshot

SECRET = "zanzibarsecretword"  # a word only the outside file holds


@pytest.fixture()
def export(tmp_path):
    out = make_export(tmp_path / "a" / "b" / "c")
    return out


def _ids(export):
    return [json.loads(line)["id"] for line in (export / "index.jsonl").read_text("utf-8").splitlines()]


def _outside_record(tmp_path, export):
    """A valid record outside the export, holding SECRET, at ``tmp_path/outside.json``."""
    record = json.loads((export / f"{_ids(export)[0]}.json").read_text("utf-8"))
    record["title"] = f"{SECRET} title"
    record["blocks"][0]["text"] = f"{SECRET} {record['blocks'][0]['text']}"
    path = tmp_path / "outside.json"
    path.write_text(json.dumps(record, ensure_ascii=False, indent=2), "utf-8")
    return path


def _append_index_line(export, line):
    with open(export / "index.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps(line) + "\n")


def _bag_refused(tmp_path, export, *reason):
    before = snapshot(tmp_path)
    done = cli("bag", export, "-o", tmp_path / "bag")
    after = snapshot(tmp_path)
    assert done.returncode != 0
    assert all(r in done.stderr for r in reason), done.stderr
    assert changed_outside(before, after) == []  # neither the bag nor anything else was written
    return done


def test_index_line_with_a_climbing_id_is_refused_by_bag(tmp_path, export):
    # an id "../../../x" whose record is placed where the climb leads: the old bag read it and
    # wrote json/../../../x.json and html/../../../x.html outside the bag
    rel = "../../../x"
    target = export / f"{rel}.json"
    target.write_text(
        (export / f"{_ids(export)[0]}.json").read_text("utf-8").replace(_ids(export)[0], rel), "utf-8"
    )
    _append_index_line(export, {"id": rel, "source": "x.html", "status": "ok", "outputs": [f"{rel}.json"]})
    _bag_refused(tmp_path, export, "index.jsonl:3", "is not a document id")


def test_index_line_naming_another_file_is_refused(tmp_path, export):
    outside = _outside_record(tmp_path, export)
    doc_id = "0123456789abcdef"
    _append_index_line(
        export, {"id": doc_id, "source": "x.html", "outputs": [os.path.relpath(outside, export)]}
    )
    _bag_refused(tmp_path, export, "index.jsonl:3", f"is not {doc_id}.json")


@pytest.mark.parametrize("which", ["json", "md"])
def test_symlinked_output_is_not_copied_into_the_bag(tmp_path, export, which):
    outside = _outside_record(tmp_path, export)
    victim = export / f"{_ids(export)[0]}.{which}"
    victim.unlink()
    victim.symlink_to(outside)
    done = _bag_refused(tmp_path, export, f"{victim.name}: not a regular file")
    assert SECRET not in done.stdout + done.stderr


@pytest.mark.parametrize("name", ["errors.jsonl", "run.json", "index.jsonl"])
def test_symlinked_export_files_are_not_followed(tmp_path, export, name):
    outside = tmp_path / "outside.txt"
    outside.write_text(f'{{"source": "{SECRET}", "stage": "read", "reason": "x"}}\n', "utf-8")
    if name == "index.jsonl":  # the export's own index, replaced by a link to a copy of it
        outside.write_text((export / name).read_text("utf-8"), "utf-8")
    (export / name).unlink()
    (export / name).symlink_to(outside)
    _bag_refused(tmp_path, export, name)


def test_index_refuses_a_climbing_id_and_ignores_symlinked_records(tmp_path, export):
    ids = _ids(export)
    outside = _outside_record(tmp_path, export)
    victim = export / f"{ids[0]}.json"
    victim.unlink()
    victim.symlink_to(outside)
    done = cli("index", export)
    assert done.returncode == 0, done.stderr
    found = cli("search", export, SECRET)
    assert found.returncode == 1 and SECRET not in found.stdout  # the outside file was never read
    _append_index_line(export, {"id": "../../../x", "outputs": ["../../../x.json"]})
    before = snapshot(tmp_path)
    done = cli("index", export)
    assert done.returncode != 0 and "index.jsonl:3" in done.stderr and "is not a document id" in done.stderr
    assert changed_outside(before, snapshot(tmp_path)) == []


def test_index_of_a_bag_refuses_a_forged_documents_line(tmp_path, export):
    assert cli("bag", export, "-q").returncode == 0  # in place: the export becomes a bag
    with open(export / "data" / "documents.jsonl", "a", encoding="utf-8") as fh:
        fh.write(json.dumps({"id": "0123456789abcdef", "json": "../../outside.json"}) + "\n")
    done = cli("index", export)
    assert done.returncode != 0 and "documents.jsonl:3" in done.stderr
    assert not (export / "archive.sqlite").exists()


def test_an_untouched_export_still_bags_and_indexes(tmp_path, export):
    assert cli("bag", export, "-o", tmp_path / "bag", "-q").returncode == 0
    assert cli("index", tmp_path / "bag", "-q").returncode == 0
    assert cli("verify", tmp_path / "bag").returncode == 0
