"""The record vocabularies typed in the model are exactly the JSON Schema's enums (issue 18)."""

from __future__ import annotations

import typing

import pytest

import archiver
from archiver import model

SCHEMA = archiver.schema()
BLOCK = SCHEMA["$defs"]["block"]["properties"]
PROPS = SCHEMA["properties"]


def _enum_of(cls: type, field: str) -> list[str]:
    hints = typing.get_type_hints(cls)
    args = typing.get_args(hints[field])
    literal = next(a for a in (hints[field], *args) if typing.get_origin(a) is typing.Literal)
    return sorted(typing.get_args(literal))


@pytest.mark.parametrize(
    "cls, field, enum",
    [
        (model.Document, "status", PROPS["status"]["enum"]),
        (model.Document, "direction", PROPS["direction"]["enum"]),
        (model.Metadata, "page_direction", PROPS["declared_direction"]["enum"]),
        (model.Block, "role", BLOCK["role"]["enum"]),
        (model.Block, "dir", BLOCK["dir"]["enum"]),
        (model.Block, "lang_source", BLOCK["lang_source"]["enum"]),
        (model.Run, "dir", BLOCK["runs"]["items"]["properties"]["dir"]["enum"]),
        (model.Mark, "kind", BLOCK["marks"]["items"]["properties"]["kind"]["enum"]),
        (model.Removed, "dir", PROPS["removed"]["items"]["properties"]["dir"]["enum"]),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_literal_types_match_the_schema(cls, field, enum):
    assert _enum_of(cls, field) == sorted(enum)
