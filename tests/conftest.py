from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_995d1822d3988a63.txt"
CORPUS = ROOT.parent / "shared" / "corpus"


@pytest.fixture(scope="session")
def schema():
    import archiver

    return archiver.schema()


@pytest.fixture(scope="session")
def validate(schema):
    import jsonschema

    validator = jsonschema.Draft202012Validator(schema)

    def check(record: dict) -> None:
        errors = sorted(validator.iter_errors(record), key=lambda e: list(e.path))
        assert not errors, "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5])

    return check
