"""Issue 16 item 8: ``verify`` cannot be fooled, and a forged ``archive.sqlite`` cannot fool ``search``.

Each test forges one thing in a copy of a small bag made by the real ``archiver clean`` and
``archiver bag``, usually recomputing every manifest and the data package afterwards (what a
forger with write access would do, so fixity alone passes), and expects ``archiver verify`` to
exit non-zero with a problem line that names the file and says what is wrong."""

from __future__ import annotations

import json
import sqlite3

import bagit
import pytest
from archive_attacks import cli, copy_tree, make_bag

from archiver.archive import datapackage

SECRET = "zanzibarsecretword"


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    bag = make_bag(tmp_path_factory.mktemp("pristine"))
    assert cli("verify", bag).returncode == 0
    return bag


@pytest.fixture()
def bag(pristine, tmp_path):
    return copy_tree(pristine, tmp_path / "bag")


def ids(bag):
    return [
        json.loads(line)["id"] for line in (bag / "data" / "documents.jsonl").read_text("utf-8").splitlines()
    ]


def resign(bag):
    """Recompute the data package and every manifest (payload and tag) over the bag as it is now."""
    data = bag / "data"
    desc = json.loads((data / "datapackage.json").read_text("utf-8"))
    datapackage.write_descriptor(data, {k: v for k, v in desc.items() if k not in ("profile", "resources")})
    bagit.Bag(str(bag)).save(manifests=True)


def verify_fails(bag, *expected):
    done = cli("verify", bag)
    assert done.returncode != 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    for want in expected:
        assert any(line.startswith(want) for line in lines), f"no line starting {want!r} in:\n{done.stdout}"
    return lines


def test_tag_manifests_deleted_then_bag_info_edited(bag):
    for path in bag.glob("tagmanifest-*.txt"):
        path.unlink()
    info = bag / "bag-info.txt"
    info.write_text(info.read_text("utf-8").replace("Document-Count: 2", "Document-Count: 3"), "utf-8")
    verify_fails(bag, "bag: tagmanifest-sha256.txt: missing", "bag: tagmanifest-sha512.txt: missing")


def test_bag_info_dropped_from_the_tag_manifests_then_edited(bag):
    for path in bag.glob("tagmanifest-*.txt"):
        path.write_text(
            "".join(
                ln + "\n" for ln in path.read_text("utf-8").splitlines() if not ln.endswith(" bag-info.txt")
            ),
            "utf-8",
        )
    info = bag / "bag-info.txt"
    info.write_text(info.read_text("utf-8") + "Source-Organization: Forged\n", "utf-8")
    verify_fails(bag, "bag: bag-info.txt: not listed in tagmanifest-sha256.txt")


def test_a_payload_manifest_deleted(bag):
    (bag / "manifest-sha512.txt").unlink()
    for path in bag.glob("tagmanifest-*.txt"):
        path.write_text(
            "".join(
                ln + "\n"
                for ln in path.read_text("utf-8").splitlines()
                if not ln.endswith(" manifest-sha512.txt")
            ),
            "utf-8",
        )
    verify_fails(bag, "bag: manifest-sha512.txt: missing")


def test_fetch_txt_added(bag):
    (bag / "fetch.txt").write_text("https://example.org/more.json - data/json/more.json\n", "utf-8")
    resign(bag)
    verify_fails(bag, "bag: fetch.txt: present")


def test_script_in_the_reading_copy_with_its_csp_removed(bag):
    page = bag / "data" / "html" / f"{ids(bag)[0]}.html"
    text = page.read_text("utf-8")
    start = text.index('<meta http-equiv="Content-Security-Policy"')
    text = text[:start] + text[text.index(">", start) + 1 :]
    page.write_text(text.replace("</body>", "<script>alert(1)</script></body>"), "utf-8")
    resign(bag)
    lines = verify_fails(bag, f"render: data/html/{page.name}: is not what the reading copy of json/")
    assert all(line.startswith("render: ") for line in lines)  # fixity and the data package pass


def test_markdown_that_says_what_its_record_does_not(bag):
    md = bag / "data" / "markdown" / f"{ids(bag)[1]}.md"
    md.write_text(md.read_text("utf-8") + "\n<script>alert(1)</script>\n", "utf-8")
    resign(bag)
    lines = verify_fails(bag, f"render: data/markdown/{md.name}: is not what the Markdown of json/")
    assert all(line.startswith("render: ") for line in lines)


def test_forged_title_in_documents_jsonl(bag):
    path = bag / "data" / "documents.jsonl"
    lines = [json.loads(ln) for ln in path.read_text("utf-8").splitlines()]
    lines[1]["title"] = "Forged title"
    path.write_text("".join(json.dumps(ln, ensure_ascii=False) + "\n" for ln in lines), "utf-8")
    resign(bag)
    verify_fails(bag, "render: data/documents.jsonl:2: title not as json/")


def test_forged_index_page_and_an_added_page(bag):
    index = bag / "data" / "html" / "index.html"
    index.write_text(
        index.read_text("utf-8").replace("</body>", "<a href=//evil.example>more</a></body>"), "utf-8"
    )
    (bag / "data" / "html" / "extra.html").write_text("<script>alert(1)</script>", "utf-8")
    resign(bag)
    verify_fails(
        bag,
        "render: data/html/index.html: is not what the records' index gives",
        "render: data/html/extra.html: not a file this bag's records give",
    )


def test_symlink_in_the_payload(bag, tmp_path):
    # the same bytes, moved outside and linked back: every hash still matches
    outside = tmp_path / "outside.json"
    victim = bag / "data" / "json" / f"{ids(bag)[0]}.json"
    outside.write_bytes(victim.read_bytes())
    victim.unlink()
    victim.symlink_to(outside)
    lines = verify_fails(bag, "bag: ")
    assert any(victim.name in line for line in lines if line.startswith("bag: "))


def test_symlink_to_a_file_inside_the_bag(bag):
    data = bag / "data"
    (data / "notes").mkdir()
    (data / "notes" / "readme.md").symlink_to(data / "README.md")
    resign(bag)
    verify_fails(bag, "bag: data/notes/readme.md: a symlink")


@pytest.fixture()
def indexed(bag):
    assert cli("index", bag, "-q").returncode == 0
    assert cli("verify", bag).returncode == 0
    return bag


def _sql(bag, *statements):
    conn = sqlite3.connect(bag / "archive.sqlite")
    with conn:
        for statement in statements:
            conn.execute(statement)
    conn.close()


def test_forged_titles_in_the_index(indexed):
    _sql(indexed, "UPDATE docs SET title = 'Forged title'")
    verify_fails(indexed, "index: archive.sqlite: does not match the payload: 2 document rows differ")
    found = cli("search", indexed, "harbour")
    assert found.returncode == 0 and "Harbour news" in found.stdout and "Forged" not in found.stdout


def test_index_row_that_reads_a_file_outside_the_bag(indexed, tmp_path):
    doc_id = ids(indexed)[1]
    record = json.loads((indexed / "data" / "json" / f"{doc_id}.json").read_text("utf-8"))
    record["title"] = f"{SECRET} title"
    record["blocks"][0]["text"] = f"{SECRET} harbour"
    (tmp_path / "outside.json").write_text(json.dumps(record), "utf-8")
    _sql(indexed, f"UPDATE docs SET json_path = '../outside.json', md_path = NULL WHERE id = '{doc_id}'")
    verify_fails(indexed, "index: archive.sqlite: does not match the payload")
    found = cli("search", indexed, "harbour")
    assert found.returncode != 0 and SECRET not in found.stdout + found.stderr
    assert "not its id's own record" in found.stderr and "archiver index" in found.stderr


def test_forged_terms_do_not_make_a_document_match(indexed):
    _sql(indexed, "INSERT INTO fts(rowid, title, body) VALUES(1, 'forgedterm', 'forgedterm')")
    verify_fails(indexed, "index: archive.sqlite: does not match the payload: its terms differ")
    found = cli("search", indexed, "forgedterm")
    assert found.returncode == 1 and found.stdout == ""


def test_an_index_that_is_not_sqlite(indexed):
    (indexed / "archive.sqlite").write_bytes(b"not a database" * 100)
    verify_fails(indexed, "index: archive.sqlite: not a readable")
    found = cli("search", indexed, "harbour")
    assert found.returncode != 0 and "Traceback" not in found.stderr


def test_an_unlisted_symlink_is_not_read_through(bag, tmp_path):
    import os

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)  # reading through this link would hang verify
    (bag / "data" / "json" / "link.json").symlink_to(fifo)
    verify_fails(bag, "bag: data/json/link.json: a symlink")


def test_record_whose_id_is_not_its_file_name(bag):
    doc_id = ids(bag)[0]
    path = bag / "data" / "json" / f"{doc_id}.json"
    path.write_text(
        path.read_text("utf-8").replace(f'"id": "{doc_id}"', '"id": "0123456789abcdef"', 1), "utf-8"
    )
    resign(bag)
    verify_fails(bag, f'documents: data/json/{doc_id}.json: record id "0123456789abcdef" is not the id')


def test_a_repeated_bag_info_tag_is_a_problem_not_a_traceback(bag):
    with open(bag / "bag-info.txt", "a", encoding="utf-8") as fh:
        fh.write("Bag-Software-Agent: other\nSource-Organization: A\nSource-Organization: B\n")
    done = cli("verify", bag)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert "bag: bag-info.txt: " in done.stdout or "changed: bag-info.txt: " in done.stdout
