"""Hostile inputs for the sources, built on the spot at any size (tests: small; bench/hostile.py:
full size), each with the outcome the promise says: one line per input, in order.

An attack writes its files under a directory and returns an :class:`Attack`: the ``archiver clean``
arguments and the expected lines, each ``(key suffix, status)`` with status ``ok`` (an export in
index.jsonl) or ``failed`` (a line in errors.jsonl). ``run_attack`` runs the CLI in a child process
and measures its peak RSS (workers included) with ``resource.getrusage(RUSAGE_CHILDREN)`` in a
wrapper process of its own, so nothing else this process ran is counted.
"""

from __future__ import annotations

import gzip
import io
import json
import subprocess
import sys
import zlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MiB = 1 << 20


def page(n: int) -> bytes:
    prose = f"Paragraph {n} of a real article with enough words to count as prose. " * 6
    return (
        f"<html lang='en'><head><title>Story number {n}</title></head><body><article>"
        f"<h1>Story number {n}</h1><p>{prose}</p><p>{prose}</p></article></body></html>"
    ).encode()


def zeros_compressed(size: int, wbits: int) -> bytes:
    """``size`` zero bytes compressed (zlib 15, gzip 31, raw deflate -15) without holding them."""
    c = zlib.compressobj(9, zlib.DEFLATED, wbits)
    block = bytes(MiB)
    out = [c.compress(block) for _ in range(size // MiB)]
    out.append(c.compress(bytes(size % MiB)))
    return b"".join(out) + c.flush()


def bomb(encoding: str, size: int) -> bytes:
    """``size`` bytes of ``<p>``-less filler (zeros) in a Content-Encoding."""
    if encoding == "gzip":
        return zeros_compressed(size, 31)
    if encoding == "deflate":
        return zeros_compressed(size, 15)
    if encoding == "br":
        import brotli

        c = brotli.Compressor(quality=1)
        block = bytes(MiB)
        return b"".join(c.process(block) for _ in range(size // MiB)) + c.finish()
    if encoding == "zstd":
        import zstandard

        c = zstandard.ZstdCompressor(level=1).compressobj()
        block = bytes(MiB)
        return b"".join(c.compress(block) for _ in range(size // MiB)) + c.flush()
    raise ValueError(encoding)


def warc_record(
    url: str, payload: bytes, gz: bool, headers: tuple[tuple[str, str], ...] = (), status: str = "200 OK"
) -> bytes:
    """One response record as written by warcio (its own gzip member when ``gz``)."""
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    http = StatusAndHeaders(
        status, [("Content-Type", "text/html; charset=utf-8"), *headers], protocol="HTTP/1.1"
    )
    writer.write_record(
        writer.create_warc_record(url, "response", payload=io.BytesIO(payload), http_headers=http)
    )
    return buf.getvalue()


@dataclass(frozen=True)
class Attack:
    args: list[str]
    expect: list[tuple[str, str]]  # (key suffix, "ok" | "failed"), in input order


def _warc(path: Path, parts: list[bytes], backend: str, expect: list[tuple[str, str]]) -> Attack:
    path.write_bytes(b"".join(parts))
    return Attack([str(path), "--warc-backend", backend], expect)


def offsets(parts: list[bytes]) -> list[int]:
    out, pos = [], 0
    for p in parts:
        out.append(pos)
        pos += len(p)
    return out


def junk_in_gzip_member(d: Path, size: int, backend: str = "warcio") -> Attack:
    """A record's member holds junk after the record; the next member's record must export."""
    a, c = warc_record("https://e.org/1", page(1), True), warc_record("https://e.org/3", page(3), True)
    b = gzip.compress(
        gzip.decompress(warc_record("https://e.org/2", page(2), True)) + b"\x07junk" * (size // 5)
    )
    parts = [a, b, c]
    o = offsets(parts)
    return _warc(
        d / "member.warc.gz",
        parts,
        backend,
        [(f"#{o[0]}", "ok"), (f"#{o[1]}", "ok"), (f"#{o[1]}+", "failed"), (f"#{o[2]}", "ok")],
    )


def junk_between_plain_records(d: Path, size: int, backend: str = "warcio") -> Attack:
    """Junk (no newline) between two plain records, glued to the next record's first line."""
    a, b, c = (warc_record(f"https://e.org/{n}", page(n), False) for n in (1, 2, 3))
    parts = [a, b"JUNK" * (size // 4), b, c]
    o = offsets(parts)
    return _warc(
        d / "plain.warc",
        parts,
        backend,
        [(f"#{o[0]}", "ok"), (f"#{o[1]}", "failed"), (f"#{o[2]}", "ok"), (f"#{o[3]}", "ok")],
    )


def truncated_member(d: Path, size: int, backend: str = "warcio") -> Attack:
    """A member cut in half, then a good member."""
    a, c = warc_record("https://e.org/1", page(1), True), warc_record("https://e.org/3", page(3), True)
    b = warc_record("https://e.org/2", page(2) * max(1, size // 2000), True)
    parts = [a, b[: len(b) // 2], c]
    o = offsets(parts)
    return _warc(
        d / "cut.warc.gz", parts, backend, [(f"#{o[0]}", "ok"), (f"#{o[1]}", "failed"), (f"#{o[2]}", "ok")]
    )


def bad_header(d: Path, size: int, backend: str = "warcio") -> Attack:
    """A member whose record has a Content-Length that is no number."""
    a, c = warc_record("https://e.org/1", page(1), True), warc_record("https://e.org/3", page(3), True)
    raw = gzip.decompress(warc_record("https://e.org/2", page(2), True)).replace(
        b"Content-Length: ", b"Content-Length: x", 1
    )
    parts = [a, gzip.compress(raw), c]
    o = offsets(parts)
    return _warc(
        d / "header.warc.gz", parts, backend, [(f"#{o[0]}", "ok"), (f"#{o[1]}", "failed"), (f"#{o[2]}", "ok")]
    )


def huge_first_line(d: Path, size: int, backend: str = "warcio") -> Attack:
    """``size`` bytes of junk with no line end before the first record of a plain WARC."""
    a, b = (warc_record(f"https://e.org/{n}", page(n), False) for n in (1, 2))
    path = d / "line.warc"
    with open(path, "wb") as fh:
        block = b"x" * MiB
        for _ in range(size // MiB):
            fh.write(block)
        fh.write(b"x" * (size % MiB) + b"\r\n\r\n")
        fh.write(a + b)
    start = size + 4
    return Attack(
        [str(path), "--warc-backend", backend],
        [("#0", "failed"), (f"#{start}", "ok"), (f"#{start + len(a)}", "ok")],
    )


def content_encoding_bomb(d: Path, size: int, backend: str = "warcio", encoding: str = "gzip") -> Attack:
    """A small record whose Content-Encoding inflates to ``size`` bytes, then a good record."""
    bad = warc_record("https://e.org/bomb", bomb(encoding, size), True, (("Content-Encoding", encoding),))
    good = warc_record("https://e.org/2", page(2), True)
    return _warc(
        d / f"bomb-{encoding}.warc.gz", [bad, good], backend, [("#0", "failed"), (f"#{len(bad)}", "ok")]
    )


def jsonl_line_bomb(d: Path, size: int) -> Attack:
    """A .jsonl.gz whose first line inflates to ``size`` bytes (no newline in it), then a good line."""
    path = d / "feed.jsonl.gz"
    c = zlib.compressobj(9, zlib.DEFLATED, 31)
    parts = [c.compress(b'{"url": "https://e.org/bomb", "html": "')]
    block = b" " * MiB
    parts += [c.compress(block) for _ in range(size // MiB)]
    parts.append(
        c.compress(
            b'"}\n' + json.dumps({"url": "https://e.org/2", "html": page(2).decode()}).encode() + b"\n"
        )
    )
    path.write_bytes(b"".join(parts) + c.flush())
    return Attack([str(path)], [(":1", "failed"), (":2", "ok")])


def jsonl_damaged_member(d: Path, size: int) -> Attack:
    """A .jsonl.gz of three members; the second's compressed bytes are overwritten with junk."""
    line = lambda n: json.dumps({"url": f"https://e.org/{n}", "html": page(n).decode()}).encode() + b"\n"
    bad = bytearray(gzip.compress(line(2) * max(1, size // 1000)))
    bad[20:60] = b"\xff" * 40
    (d / "damaged.jsonl.gz").write_bytes(gzip.compress(line(1)) + bytes(bad) + gzip.compress(line(3)))
    return Attack([str(d / "damaged.jsonl.gz")], [(":1", "ok"), (":2", "failed"), (":3", "ok")])


def html_gz_bomb(d: Path, size: int) -> Attack:
    """A folder with a ``.html.gz`` page that inflates to ``size`` bytes and a good ``.html.gz``."""
    src = d / "saved"
    src.mkdir()
    (src / "a-bomb.html.gz").write_bytes(zeros_compressed(size, 31))
    (src / "b-good.html.gz").write_bytes(gzip.compress(page(1)))
    return Attack([str(src)], [("a-bomb.html.gz", "failed"), ("b-good.html.gz", "ok")])


def _flood(path: Path, head: bytes, unit: bytes, size: int, tail: bytes) -> None:
    with open(path, "wb") as fh:
        fh.write(head)
        block = unit * (MiB // len(unit))
        for _ in range(size // len(block)):
            fh.write(block)
        fh.write(unit * ((size % len(block)) // len(unit)) + tail)


def record_start_flood(d: Path, size: int, backend: str = "warcio") -> Attack:
    """``size`` bytes of would-be record starts ("WARC/1.0" lines, no blank line) between two records."""
    a, b = (warc_record(f"https://e.org/{n}", page(n), False) for n in (1, 2))
    unit = b"WARC/1.0\r\nA: b\r\n"
    path = d / "flood.warc"
    _flood(path, a, unit, size, b)
    start = len(a) + (size // len(unit)) * len(unit)
    return Attack(
        [str(path), "--warc-backend", backend], [("#0", "ok"), (f"#{len(a)}", "failed"), (f"#{start}", "ok")]
    )


def gzip_magic_flood(d: Path, size: int, backend: str = "warcio") -> Attack:
    """``size`` bytes of gzip member magic between two members of a .warc.gz."""
    a, b = (warc_record(f"https://e.org/{n}", page(n), True) for n in (1, 2))
    unit = b"\x1f\x8b\x08\x00"
    path = d / "flood.warc.gz"
    _flood(path, a, unit, size, b)
    start = len(a) + (size // len(unit)) * len(unit)
    return Attack(
        [str(path), "--warc-backend", backend], [("#0", "ok"), (f"#{len(a)}", "failed"), (f"#{start}", "ok")]
    )


WARC_ATTACKS: dict[str, Callable[..., Attack]] = {
    "junk_in_gzip_member": junk_in_gzip_member,
    "junk_between_plain_records": junk_between_plain_records,
    "truncated_member": truncated_member,
    "bad_header": bad_header,
    "huge_first_line": huge_first_line,
    "record_start_flood": record_start_flood,
    "gzip_magic_flood": gzip_magic_flood,
}


@dataclass(frozen=True)
class Result:
    returncode: int
    rss_mb: float
    wall: float
    cpu: float
    index: list[dict]
    errors: list[dict]
    run: dict


_WRAPPER = """
import resource, subprocess, sys, time
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
u = resource.getrusage(resource.RUSAGE_CHILDREN)
print(r.returncode, u.ru_maxrss, time.perf_counter() - t, u.ru_utime + u.ru_stime)
"""


def run_attack(attack: Attack, out: Path, *extra: str) -> Result:
    """``archiver clean ATTACK -o OUT`` in a child process: its outcome and peak RSS (MB)."""
    cmd = [sys.executable, "-m", "archiver", "clean", *attack.args, "-o", str(out), "-q", *extra]
    wrapped = subprocess.run(
        [sys.executable, "-c", _WRAPPER, *cmd], cwd=ROOT, capture_output=True, text=True, check=True
    )
    code, rss, wall, cpu = wrapped.stdout.split()

    def lines(name: str) -> list[dict]:
        p = out / name
        return [json.loads(ln) for ln in p.read_text("utf-8").splitlines()] if p.exists() else []

    run = json.loads((out / "run.json").read_text("utf-8")) if (out / "run.json").exists() else {}
    return Result(
        int(code), int(rss) / 1024, float(wall), float(cpu), lines("index.jsonl"), lines("errors.jsonl"), run
    )


def outcome(result: Result) -> list[tuple[str, str]]:
    """Every line of the run as ``(source key, ok|failed)``, in key order of the attack's inputs."""
    rows = [(r["source"], "ok") for r in result.index] + [(r["source"], "failed") for r in result.errors]
    return rows


def check(attack: Attack, result: Result, reason_max: int = 300) -> list[str]:
    """What breaks the promise (empty when kept): one line per input, good records exported,
    keys without negative offsets, short reasons, and run.json written."""
    problems = []
    rows = outcome(result)
    if len(rows) != len(attack.expect):
        problems.append(f"{len(rows)} lines for {len(attack.expect)} inputs: {rows}")
    for suffix, status in attack.expect:
        hits = [r for r in rows if r[0].endswith(suffix) or (suffix.endswith("+") and suffix in r[0])]
        if [h[1] for h in hits] != [status]:
            problems.append(f"{suffix}: expected one {status} line, got {hits}")
    if any("#-" in r[0] for r in rows):
        problems.append("a negative offset in a key")
    long = [len(e["reason"]) for e in result.errors if len(e["reason"]) > reason_max or "\n" in e["reason"]]
    if long:
        problems.append(f"reasons of {long} characters")
    if not result.run:
        problems.append("no run.json")
    return problems
