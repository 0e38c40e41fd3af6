"""The bounded inflating reader: every encoding round-trips, stops at the output limit, and
damage is an InputError with a short reason (issue 16 item 2)."""

from __future__ import annotations

import gzip
import importlib.util
import zlib

import pytest

from archiver.errors import InputError
from archiver.sources.inflate import TooLarge, decode_content, read_gzip_file

PAGE = b"<html><body><p>" + b"A sentence of an article. " * 400 + b"</p></body></html>"


def encoders():
    out = {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress, "identity": lambda b: b}
    out["raw-deflate"] = lambda b: zlib.compress(b)[2:-4]
    if importlib.util.find_spec("brotli"):
        import brotli

        out["br"] = brotli.compress
    if importlib.util.find_spec("zstandard"):
        import zstandard

        out["zstd"] = zstandard.ZstdCompressor().compress
    return out


@pytest.mark.parametrize("name", sorted(encoders()))
def test_each_encoding_inflates_and_stops_at_the_limit(name):
    data = encoders()[name](PAGE)
    header = "deflate" if name == "raw-deflate" else name
    assert decode_content(data, header, len(PAGE)) == PAGE
    with pytest.raises(TooLarge, match=f"inflates past {len(PAGE) - 1:,} bytes"):
        decode_content(data, header, len(PAGE) - 1)


def test_stacked_encodings_are_undone_in_reverse_order():
    assert decode_content(gzip.compress(zlib.compress(PAGE)), "deflate, gzip", 0) == PAGE


@pytest.mark.parametrize(
    "data,header",
    [
        (gzip.compress(PAGE)[:-30], "gzip"),
        (b"not gzip" * 20, "gzip"),
        (gzip.compress(PAGE) + b"junk", "gzip"),
        (b"x", "compress"),
    ],
)
def test_damage_is_a_short_input_error(data, header):
    with pytest.raises(InputError) as info:
        decode_content(data, header, 0)
    assert len(str(info.value)) < 300 and "\n" not in str(info.value)


def test_gzip_files_of_several_members_are_read_whole_and_bounded(tmp_path):
    path = tmp_path / "p.html.gz"
    path.write_bytes(gzip.compress(PAGE[:5000]) + gzip.compress(PAGE[5000:]))
    assert read_gzip_file(str(path), 0) == PAGE
    with pytest.raises(TooLarge):
        read_gzip_file(str(path), 6000)
