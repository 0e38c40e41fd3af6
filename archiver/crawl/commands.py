"""The crawl subcommands, registered by :mod:`archiver.cli` through ``CRAWL_COMMANDS``."""
from __future__ import annotations

from .duplicates import add_dedup

CRAWL_COMMANDS = [add_dedup]
