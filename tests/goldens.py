"""Golden fixtures: fixtures/<case>/ holds input.html or input.txt, case.json, expected.md, expected.json.

Regenerate the goldens after an intended change (then review the diff before committing):

    python tests/goldens.py            # all cases
    python tests/goldens.py CASE ...   # some cases
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "fixtures"


def cases() -> list[Path]:
    return sorted(p for p in FIXTURES.iterdir() if (p / "case.json").is_file())


def input_of(case: Path) -> Path:
    for name in ("input.html", "input.txt", "input.htm"):
        if (case / name).is_file():
            return case / name
    raise FileNotFoundError(f"{case}: no input.html or input.txt")


def spec(case: Path) -> dict:
    return json.loads((case / "case.json").read_text("utf-8"))


def clean_case(case: Path):
    """Clean a fixture exactly as the goldens were made: path relative to the repo root."""
    import os

    import archiver

    s = spec(case)
    rel = input_of(case).relative_to(ROOT)
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        config = archiver.Config(kind=s.get("kind", "auto") if s.get("kind") in ("html", "text") else "auto")
        return archiver.clean_file(str(rel), url=s.get("url"), config=config)
    finally:
        os.chdir(cwd)


def regenerate(names: list[str]) -> None:
    for case in cases():
        if names and case.name not in names:
            continue
        doc = clean_case(case)
        (case / "expected.md").write_text(doc.to_markdown(), "utf-8", newline="\n")
        (case / "expected.json").write_text(doc.to_json(), "utf-8", newline="\n")
        print(f"{case.name}: {doc.status}, {len(doc.blocks)} blocks, {len(doc.removed)} removed")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    regenerate(sys.argv[1:])
