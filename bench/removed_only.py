"""Prove a change touches only ``removed``: per corpus page, the document without ``removed`` plus
its Markdown (hashed), and the removed records' text, role and tags without their reasons.

    cd OLD_TREE && python /path/to/bench/removed_only.py /tmp/old.tsv    # the code of the current directory
    cd NEW_TREE && python bench/removed_only.py /tmp/new.tsv --compare /tmp/old.tsv

The compare lists pages whose document or Markdown differ, or whose old removed records are not
kept in order (added records, a repeat of the title, are allowed). Not collected by pytest.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import sys
from multiprocessing import Pool
from pathlib import Path

ROOT = Path.cwd()  # the tree whose code runs (the old one for the baseline)
CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"
sys.path.insert(0, str(ROOT))


def _page(path: Path) -> str:
    from archiver import Config, clean

    data = gzip.decompress(path.read_bytes())
    out = [str(path.parent.relative_to(CORPUS))]
    for comments in (False, True):
        try:
            doc = clean(data, config=Config(comments=comments))
        except Exception as exc:  # noqa: BLE001 - a failure's fingerprint is its type
            out += [f"error:{type(exc).__name__}", "[]"]
            continue
        d = doc.to_dict()
        rem = d.pop("removed")
        body = json.dumps(d, ensure_ascii=False, sort_keys=True) + doc.to_markdown()
        out.append(hashlib.sha256(body.encode("utf-8")).hexdigest()[:16])
        out.append(
            json.dumps(
                [[r["text"], r["role"], r["lang"], r["dir"], r["script"]] for r in rem], ensure_ascii=False
            )
        )
    return "\t".join(out)


def _kept_in_order(old: list, new: list) -> bool:
    it = iter(new)
    return all(any(x == y for y in it) for x in old)


def compare(old: dict[str, list[str]], new: dict[str, list[str]]) -> tuple[list[str], int]:
    """Pages that differ outside ``removed``, and how many removed records were added."""
    bad, added = [k for k in old.keys() ^ new.keys()], 0
    for key in old.keys() & new.keys():
        o, n = old[key], new[key]
        if (
            o[0] != n[0]
            or o[2] != n[2]
            or not all(_kept_in_order(json.loads(o[i]), json.loads(n[i])) for i in (1, 3))
        ):
            bad.append(key)
        else:
            added += len(json.loads(n[1])) - len(json.loads(o[1]))
    return sorted(bad), added


def _read(path: Path) -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t")[1:] for line in path.read_text("utf-8").splitlines()}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--compare", type=Path, help="the output of the old tree")
    args = ap.parse_args()
    with Pool(2) as pool:
        lines = pool.map(_page, sorted(CORPUS.glob("*/*/source.html.gz")), chunksize=8)
    args.out.write_text("\n".join(lines) + "\n", "utf-8")
    if not args.compare:
        return 0
    bad, added = compare(_read(args.compare), _read(args.out))
    print(
        f"{len(lines)} pages, {len(bad)} differ outside removed, {added} removed records added",
        *bad,
        sep="\n",
    )
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
