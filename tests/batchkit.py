"""Helpers for the batch, source and CLI tests: synthetic pages, WARC and JSONL builders."""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

from conftest import CORPUS


def page(n: int, extra: str = "") -> str:
    """A small, distinct article page."""
    prose = f"Paragraph {n} of a real article with enough words to count as prose. " * 6
    return (
        f"<html lang='en'><head><title>Story number {n}</title></head><body><nav><a href='/'>Home</a>"
        f"</nav><article><h1>Story number {n}</h1><p>{prose}</p><p>{extra or prose}</p></article>"
        "</body></html>"
    )


def input_dir(tmp_path: Path, count: int, bad: str, name: str = "p{i}.html") -> Path:
    """``tmp_path/in`` with ``count`` good pages and one empty (bad) file named ``bad``."""
    src = tmp_path / "in"
    src.mkdir()
    for i in range(count):
        (src / name.format(i=i)).write_text(page(i), "utf-8")
    (src / bad).write_bytes(b"")
    return src


def corpus_pages(limit: int) -> list[bytes]:
    """Up to ``limit`` real pages from the shared corpus (Arabic first), sorted by path."""
    paths = sorted(CORPUS.glob("arabic/*/source.html.gz")) + sorted(CORPUS.glob("fundus/*/source.html.gz"))
    return [gzip.decompress(p.read_bytes()) for p in paths[:limit]]


def write_warc(
    path: Path, records: list[tuple[str, bytes, str, int]], gz: bool = True, requests: bool = True
) -> None:
    """A WARC of response records ``(url, body, content_type, status)`` (plus request records)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gz)
        for url, body, ctype, status in records:
            if requests:
                req = StatusAndHeaders("GET / HTTP/1.1", [("Host", "example.org")], is_http_request=True)
                writer.write_record(writer.create_warc_record(url, "request", http_headers=req))
            http = StatusAndHeaders(f"{status} X", [("Content-Type", ctype)], protocol="HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(url, "response", payload=io.BytesIO(body), http_headers=http)
            )


def write_jsonl(path: Path, rows: list[dict | str]) -> None:
    """JSON Lines: dicts are dumped, strings written as they are (to make malformed lines)."""
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("".join(line + "\n" for line in lines), "utf-8")


def lines(path: Path) -> list[dict]:
    """The records of a JSONL output file ([] when absent)."""
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text("utf-8").splitlines()]


def tree_bytes(directory: Path, skip: tuple[str, ...] = ("run.json",)) -> dict[str, bytes]:
    """Every file under ``directory`` (relative name → bytes), hidden files included."""
    return {
        str(p.relative_to(directory)): p.read_bytes()
        for p in sorted(directory.rglob("*"))
        if p.is_file() and p.name not in skip
    }
