"""The crawl and dataset subcommands, registered by :mod:`archiver.cli` through ``CRAWL_COMMANDS``."""
from __future__ import annotations

from ..export.dataset import add_export
from .duplicates import add_dedup
from .sites import add_profile

CRAWL_COMMANDS = [add_dedup, add_export, add_profile]
