"""The exception hierarchy. Every error carries the stage that raised it."""
from __future__ import annotations


class ArchiverError(Exception):
    """Base class: something about one input prevented an export."""

    stage = "pipeline"


class InputError(ArchiverError):
    """The input is missing, unreadable, empty or binary."""

    stage = "read"


class DecodeError(ArchiverError):
    """The bytes could not be decoded to text with any defensible encoding."""

    stage = "decode"


class ParseError(ArchiverError):
    """The decoded text is not parseable as a document."""

    stage = "parse"
