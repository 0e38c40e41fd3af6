"""Counters, the progress bar, the one-line summary and ``run.json`` (timings live only here)."""
from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TextIO

from .output import atomic_write


@dataclass(slots=True)
class Summary:
    """What one run did. ``seen == skipped_done + exported + no_article + failures``."""

    seen: int = 0
    exported: int = 0
    no_article: int = 0
    failed: dict[str, int] = field(default_factory=dict)
    timed_out: int = 0
    skipped_done: int = 0
    skipped_records: dict[str, int] = field(default_factory=dict)
    skipped_files: int = 0  # files found in directories/globs that are no pages (sidecars)
    index_lines: int = 0
    error_lines: int = 0
    seconds: float = 0.0

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    @property
    def processed(self) -> int:
        return self.exported + self.no_article + self.failures

    def add(self, status: str, stage: str | None = None) -> None:
        """Count one outcome."""
        if status == "ok":
            self.exported += 1
        elif status == "no_article":
            self.no_article += 1
        else:
            stage = stage or "internal"
            self.failed[stage] = self.failed.get(stage, 0) + 1
            self.timed_out += stage == "timeout"

    def line(self) -> str:
        """The one-line summary printed at the end of a run."""
        failed = ", ".join(f"{k} {v}" for k, v in sorted(self.failed.items())) or "0"
        text = (f"archiver: {self.seen} seen, {self.exported} exported, "
                f"{self.no_article} without article, failed: {failed}")
        if self.timed_out:
            text += f", {self.timed_out} timed out"
        if self.skipped_done:
            text += f", {self.skipped_done} skipped as done"
        skipped = sum(self.skipped_records.values())
        if skipped:
            text += f", {skipped} non-page records skipped"
        if self.skipped_files:
            text += f", {self.skipped_files} files skipped as no pages"
        if self.seconds:
            text += f" in {self.seconds:.1f} s ({self.processed / self.seconds:.1f} docs/s)"
        return text


class Progress:
    """A tqdm bar on stderr (documents, rate, failures); silent when off or not a terminal."""

    def __init__(self, quiet: bool, stream: TextIO | None = None, verbose: int = 0) -> None:
        stream = stream or sys.stderr
        self.verbose = 0 if quiet else verbose
        self.bar = None
        if not quiet and stream.isatty():
            import tqdm

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: the pool forks workers
            self.bar = tqdm.tqdm(file=stream, unit="doc", dynamic_ncols=True, smoothing=0.1)
        self.quiet, self.stream = quiet, stream

    def update(self, summary: Summary) -> None:
        if self.bar is not None:
            self.bar.set_postfix(failed=summary.failures, refresh=False)
            self.bar.update(1)

    def outcome(self, key: str, record: dict[str, Any], failed: bool) -> None:
        """Report one finished input: always for a failure, with ``-v`` for every export."""
        if failed:
            self.message(f"archiver: error: {key}: {record['reason']}")
        elif self.verbose:
            self.message(f"archiver: {key} -> {record.get('id')} {record.get('status')} "
                         f"{record.get('language')} {', '.join(record.get('outputs') or [])}")

    def message(self, text: str) -> None:
        if self.quiet:
            return
        if self.bar is not None:
            self.bar.write(text, file=self.stream)
        else:
            print(text, file=self.stream)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()


def write_run_json(out_dir: Path, summary: Summary, meta: dict[str, Any], started: float) -> None:
    """Write ``run.json``: counters, options and timings of this run (atomically)."""
    counters = asdict(summary)
    counters.pop("seconds")
    record = {
        **meta,
        "counters": counters,
        "timings": {
            "started": datetime.fromtimestamp(started, timezone.utc).isoformat(timespec="seconds"),
            "wall_seconds": round(summary.seconds, 3),
            "docs_per_second": round(summary.processed / summary.seconds, 2) if summary.seconds else None,
        },
    }
    atomic_write(out_dir / "run.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def now() -> float:
    """Wall clock (for run.json only)."""
    return time.time()
