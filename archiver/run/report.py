"""Counters, the progress bar, the one-line summary and ``run.json`` (timings live only here)."""

from __future__ import annotations

import json
import sys
import time
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, TextIO

from ..sources.base import Task
from .output import atomic_write
from .total import Clock, Plan


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
        text = (
            f"archiver: {self.seen} seen, {self.exported} exported, "
            f"{self.no_article} without article, failed: {failed}"
        )
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
    """A tqdm bar on stderr (documents or bytes against a total when one is known, rate, ETA,
    failures); silent when off or not a terminal."""

    def __init__(
        self, quiet: bool, stream: TextIO | None = None, verbose: int = 0, plan: Plan | None = None
    ) -> None:
        stream = stream or sys.stderr
        self.verbose = 0 if quiet else verbose
        self.bar = None
        self.clock: Clock | None = None
        self.positions: dict[str, int] = {}
        if self.shown(quiet, stream):
            import tqdm

            tqdm.tqdm.monitor_interval = 0  # no monitor thread: the pool forks workers
            unit = plan.unit if plan else "doc"
            self.bar = tqdm.tqdm(
                file=stream,
                unit=unit,
                unit_scale=unit == "B",
                dynamic_ncols=True,
                smoothing=0.1,
                total=plan.total if plan else None,
            )
            self.clock = Clock(plan) if plan else None
        self.quiet, self.stream = quiet, stream

    @staticmethod
    def shown(quiet: bool, stream: TextIO | None = None) -> bool:
        """Whether a bar would be drawn (worth planning a total for)."""
        return not quiet and (stream or sys.stderr).isatty()

    def mark(self, task: Task, owned: bool = True) -> None:
        """Note where the bar stands once ``task`` is done (tasks in input order, before they run)."""
        if self.clock is not None:
            position = self.clock.mark(task, owned)
            if owned:
                self.positions[task.key] = position

    def update(self, summary: Summary, key: str | None = None) -> None:
        if self.bar is not None:
            position = self.positions.pop(key, None) if key is not None else None
            postfix = (
                {"docs": summary.seen, "failed": summary.failures}
                if self.bar.unit == "B"
                else {"failed": summary.failures}
            )
            self.bar.set_postfix(postfix, refresh=False)
            self.bar.update(1 if position is None else max(0, position - self.bar.n))

    def finish(self) -> None:
        """A run that went to the end: the bar stands at its total (bytes estimated on the way)."""
        if self.bar is not None and self.bar.total is not None:
            self.bar.update(max(0, self.bar.total - self.bar.n))

    def outcome(self, key: str, record: dict[str, Any], failed: bool) -> None:
        """Report one finished input: always for a failure, with ``-v`` for every export."""
        if failed:
            self.message(f"archiver: error: {key}: {record['reason']}")
        elif self.verbose:
            self.message(
                f"archiver: {key} -> {record.get('id')} {record.get('status')} "
                f"{record.get('language')} {', '.join(record.get('outputs') or [])}"
            )

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
            "started": datetime.fromtimestamp(started, UTC).isoformat(timespec="seconds"),
            "wall_seconds": round(summary.seconds, 3),
            "docs_per_second": round(summary.processed / summary.seconds, 2) if summary.seconds else None,
        },
    }
    atomic_write(out_dir / "run.json", json.dumps(record, ensure_ascii=False, indent=2) + "\n")


def now() -> float:
    """Wall clock (for run.json only)."""
    return time.time()
