from __future__ import annotations

import gzip
import importlib.util
import io
import random

import pytest
from batchkit import page, write_warc

from archiver.pipeline import process
from archiver.sources.base import SourceOptions
from archiver.sources.warc import iter_warc

BACKENDS = ["warcio"] + (["fastwarc"] if importlib.util.find_spec("fastwarc") else [])


def records():
    return [
        ("https://example.org/1", page(1).encode(), "text/html; charset=utf-8", 200),
        ("https://example.org/logo.png", b"\x89PNG....", "image/png", 200),
        (
            "https://example.org/2",
            page(2).encode("cp1256", errors="replace"),
            "text/html; charset=windows-1256",
            200,
        ),
        ("https://example.org/missing", page(3).encode(), "text/html", 404),
        ("https://example.org/4", page(4).encode(), "application/xhtml+xml", 200),
    ]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("gz", [True, False])
def test_html_responses_become_pages_with_provenance(tmp_path, backend, gz):
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    write_warc(path, records(), gz=gz)
    tasks = list(iter_warc(str(path), SourceOptions(warc_backend=backend)))
    pages = [t for t in tasks if t.page is not None]
    skipped = sorted(t.skip for t in tasks if t.skip)
    assert skipped == ["not_html", "status"]
    assert [t.page.source.url for t in pages] == [
        "https://example.org/1",
        "https://example.org/2",
        "https://example.org/4",
    ]
    offsets = [t.page.source.offset for t in pages]
    assert offsets == sorted(offsets) and len(set(offsets)) == 3
    for t in pages:
        src = t.page.source
        assert src.kind == "warc" and src.path == str(path)
        assert src.record_id.startswith("<urn:uuid:") and src.captured[:4].isdigit()
        assert t.key == f"{path}/#{src.offset}"
        assert t.page.content_type.startswith(("text/html", "application/xhtml"))
    doc = process(pages[1].page)
    assert doc.source.encoding == "cp1256" or "1256" in (doc.source.encoding or "")
    assert doc.source.record_id == pages[1].page.source.record_id and doc.source.offset == offsets[1]


def test_backends_agree_on_keys(tmp_path):
    if len(BACKENDS) < 2:
        pytest.skip("FastWARC (the 'fast' extra) is not installed")
    path = tmp_path / "a.warc.gz"
    write_warc(path, records())
    a = [
        (t.key, t.skip, t.page.data if t.page else None)
        for t in iter_warc(str(path), SourceOptions(warc_backend="warcio"))
    ]
    b = [
        (t.key, t.skip, t.page.data if t.page else None)
        for t in iter_warc(str(path), SourceOptions(warc_backend="fastwarc"))
    ]
    assert a == b


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize("keep", [0.02, 0.3, 0.6, 0.97])
def test_truncated_final_record_keeps_the_good_ones_and_reports_the_bad_one(tmp_path, backend, gz, keep):
    rng = random.Random(7)
    recs = [
        (
            f"https://example.org/{n}",
            page(n, "".join(rng.choice("abcdefgh ") for _ in range(3000))).encode(),
            "text/html",
            200,
        )
        for n in range(3)
    ]
    three = tmp_path / "three.warc"
    write_warc(three, recs, gz=gz, requests=False)
    start = [t.page.source.offset for t in iter_warc(str(three), SourceOptions(warc_backend="warcio"))][-1]
    data = three.read_bytes()
    cut = tmp_path / ("cut.warc.gz" if gz else "cut.warc")
    cut.write_bytes(data[: start + int((len(data) - start) * keep)])
    tasks = list(iter_warc(str(cut), SourceOptions(warc_backend=backend)))
    assert [t.page.source.url for t in tasks if t.page] == ["https://example.org/0", "https://example.org/1"]
    assert len(tasks) == 3
    bad = tasks[-1]
    assert bad.failure is not None and bad.failure.stage == "read" and bad.key == f"{cut}/#{start}"


@pytest.mark.parametrize("gz", [True, False])
def test_a_clean_file_has_no_tail_failure(tmp_path, gz):
    path = tmp_path / "ok.warc"
    write_warc(path, records(), gz=gz)
    assert not [t for t in iter_warc(str(path), SourceOptions(warc_backend="warcio")) if t.failure]


def test_unreadable_and_garbage_warcs_become_one_failure(tmp_path):
    assert [t.failure.reason for t in iter_warc(str(tmp_path / "none.warc"))] == ["no such file"]
    junk = tmp_path / "junk.warc"
    junk.write_bytes(b"this is not a warc file at all\r\n" * 20)
    tasks = list(iter_warc(str(junk), SourceOptions(warc_backend="warcio")))
    assert len(tasks) == 1 and tasks[0].failure is not None


def write_raw_responses(path, responses):
    """Responses ``(url, status line, headers, payload)`` written as given (no re-encoding)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        for url, status, headers, payload in responses:
            http = StatusAndHeaders(status, headers, protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
            )


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_bad_payload_or_status_line_costs_one_record_not_the_rest_of_the_file(tmp_path, backend):
    html = [("Content-Type", "text/html")]
    path = tmp_path / "a.warc.gz"
    write_raw_responses(
        path,
        [
            ("https://e.org/1", "200 OK", html, page(1).encode()),
            (
                "https://e.org/gz",
                "200 OK",
                html + [("Content-Encoding", "gzip")],
                gzip.compress(page(2).encode()),
            ),
            ("https://e.org/badgz", "200 OK", html + [("Content-Encoding", "gzip")], b"not gzip at all" * 9),
            ("https://e.org/junk", "abc", html, page(3).encode()),
            ("https://e.org/4", "200 OK", html, page(4).encode()),
        ],
    )
    tasks = list(iter_warc(str(path), SourceOptions(warc_backend=backend)))
    assert len(tasks) == 5 and len({t.key for t in tasks}) == 5
    assert [t.page.source.url for t in tasks if t.page][:2] == ["https://e.org/1", "https://e.org/gz"]
    assert tasks[-1].page.source.url == "https://e.org/4" and tasks[3].skip == "status"
    assert tasks[1].page.data == page(2).encode()


@pytest.mark.parametrize("backend", BACKENDS)
def test_arc_files_are_read_through_warcio_whatever_the_backend(tmp_path, backend):
    head = b"1 0 test\nURL IP-address Archive-date Content-type Archive-length\n"
    data = b"filedesc://x.arc 0.0.0.0 20200101000000 text/plain %d\n" % len(head) + head + b"\n"
    for n in (1, 2):
        http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page(n).encode()
        data += b"http://e.org/%d 1.2.3.4 20200101000000 text/html %d\n" % (n, len(http)) + http + b"\n"
    path = tmp_path / "old.arc"
    path.write_bytes(data)
    tasks = list(iter_warc(str(path), SourceOptions(warc_backend=backend)))
    assert [t.page.source.url for t in tasks] == ["http://e.org/1", "http://e.org/2"]


@pytest.mark.parametrize("backend", BACKENDS)
@pytest.mark.parametrize("gz", [True, False])
@pytest.mark.parametrize(
    "junk",
    [
        b"garbage text that is no record\r\n\r\n",  # warcio: "Invalid WARC record"
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Length: 20\r\n\r\n"  # no target URI:
        b"HTTP/1.1 200 OK\r\n\r\nxx\r\n\r\n",
    ],
)  # warcio itself fails on it
def test_an_unparseable_record_mid_file_costs_that_record_and_reading_goes_on(tmp_path, backend, gz, junk):
    """A record the reader cannot parse used to end the file there: every good record after it was lost."""
    part = tmp_path / ("part.warc.gz" if gz else "part.warc")
    write_warc(part, [records()[0]], gz=gz, requests=False)
    head = part.read_bytes()
    write_warc(part, [records()[2], records()[4]], gz=gz, requests=False)
    tail = part.read_bytes()
    bad = gzip.compress(junk) if gz else junk
    path = tmp_path / ("a.warc.gz" if gz else "a.warc")
    path.write_bytes(head + bad + tail)
    tasks = list(iter_warc(str(path), SourceOptions(warc_backend=backend)))
    assert [t.page.source.url if t.page else t.failure is not None for t in tasks] == [
        "https://example.org/1",
        True,
        "https://example.org/2",
        "https://example.org/4",
    ]
    assert tasks[1].key == f"{path}/#{len(head)}"
    later = [t.page.source.offset for t in iter_warc(str(part), SourceOptions(warc_backend=backend))]
    assert [t.page.source.offset for t in tasks[2:]] == [len(head) + len(bad) + o for o in later]


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_record_over_the_page_size_limit_is_never_read_into_memory(tmp_path, backend):
    path = tmp_path / "a.warc.gz"
    write_warc(
        path, [("https://example.org/big", page(1, "x " * 20_000).encode(), "text/html", 200), records()[0]]
    )
    tasks = list(iter_warc(str(path), SourceOptions(warc_backend=backend, max_page_bytes=8000)))
    assert tasks[0].failure.reason.startswith("page too large") and tasks[0].page is None
    assert tasks[1].page.source.url == "https://example.org/1"
