"""archiver: clean scraped web pages into faithful, language-tagged archival records.

    >>> import archiver
    >>> doc = archiver.clean("<html>...</html>", url="https://example.org/a")
    >>> doc.to_markdown(); doc.to_json()

The names in ``__all__`` are the API; the modules (``archiver.model``, ``archiver.pipeline``, ...)
are reachable but are not bound here as public names, and the stages load on first use.
"""

import sys as _sys
import types as _types

from ._speedups import speedups_enabled
from ._version import __version__
from .api import clean, clean_file, schema
from .config import Config
from .errors import ArchiverError, DecodeError, ExportError, InputError, ParseError
from .model import Block, Document, Failure, Mark, Metadata, Removed, Run, Source

__all__ = [
    "ArchiverError",
    "Block",
    "Config",
    "DecodeError",
    "Document",
    "ExportError",
    "Failure",
    "InputError",
    "Mark",
    "Metadata",
    "ParseError",
    "Removed",
    "Run",
    "Source",
    "__version__",
    "clean",
    "clean_file",
    "schema",
    "speedups_enabled",
]

# Importing a submodule binds it on the package (archiver.api, archiver.model, ...): drop those names,
# and serve ``archiver.<module>`` from sys.modules on demand instead (module-level __getattr__).
for _name, _value in list(globals().items()):
    if isinstance(_value, _types.ModuleType) and not _name.startswith("_"):
        del globals()[_name]


def __getattr__(name: str) -> _types.ModuleType:
    module = _sys.modules.get(f"{__name__}.{name}") if not name.startswith("__") else None
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return module
