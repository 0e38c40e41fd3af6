"""archiver: clean scraped web pages into faithful, language-tagged archival records.

    >>> import archiver
    >>> doc = archiver.clean("<html>...</html>", url="https://example.org/a")
    >>> doc.to_markdown(); doc.to_json()
"""
from ._version import __version__
from .api import clean, clean_file, schema
from .config import Config
from .errors import ArchiverError, DecodeError, InputError, ParseError
from .model import Block, Document, Failure, Mark, Metadata, Removed, Run, Source

__all__ = [
    "ArchiverError", "Block", "Config", "DecodeError", "Document", "Failure", "InputError", "Mark",
    "Metadata", "ParseError", "Removed", "Run", "Source", "__version__", "clean", "clean_file", "schema",
]
