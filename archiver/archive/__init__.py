"""Archive exports: BagIt bags with a data package, verification, full-text search.

>>> from archiver.archive import make_bag, verify, build_index, search
>>> make_bag(Path("out"))                  # out/ becomes a bag (data/ + manifests)
>>> verify("out").ok                       # fixity, data package, every record vs the schema
>>> build_index("out")                     # out/archive.sqlite (incremental)
>>> search("out", "الانتخابات", lang="ar")   # ranked hits with highlighted snippets
"""

from .bag import BagError, BagOptions, make_bag
from .index import build_index
from .records import ExportError
from .search import Hit, QueryError, search
from .verify import VerifyReport, verify

__all__ = [
    "BagError",
    "BagOptions",
    "ExportError",
    "Hit",
    "QueryError",
    "VerifyReport",
    "build_index",
    "make_bag",
    "search",
    "verify",
]
