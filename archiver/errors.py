"""The exception hierarchy. Every error carries the stage that raised it.

    ArchiverError
    ├── InputError       the input is missing, unreadable, empty, binary, or an argument is wrong
    ├── DecodeError      no defensible encoding
    ├── ParseError       not parseable as a document
    └── ExportError      an export directory or bag that cannot be read or written
        └── archiver.archive.BagError   an export that cannot be bagged

(The command line's ``ShowError`` is one too.) Messages are one line.
"""

from __future__ import annotations


class ArchiverError(Exception):
    """Base class: something about one input prevented an export."""

    stage = "pipeline"


class InputError(ArchiverError):
    """The input is missing, unreadable, empty or binary, or an argument has the wrong type or value."""

    stage = "read"


class DecodeError(ArchiverError):
    """The bytes could not be decoded to text with any defensible encoding."""

    stage = "decode"


class ParseError(ArchiverError):
    """The decoded text is not parseable as a document."""

    stage = "parse"


class ExportError(ArchiverError):
    """An export directory (or bag) that cannot be read or written; the message is one line."""

    stage = "export"
