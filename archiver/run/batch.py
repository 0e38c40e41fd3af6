"""The batch runner: every input ends as exactly one export (index.jsonl) or one error
(errors.jsonl); one bad page never stops the run."""
from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Sequence

from ..api import clean_file
from ..config import Config
from ..errors import ArchiverError
from ..model import Document, Failure
from ..sources.files import InputRef
from .output import append_line, index_record, write_document


@dataclass(slots=True)
class Summary:
    seen: int = 0
    exported: int = 0
    no_article: int = 0
    failed: dict[str, int] = field(default_factory=dict)

    @property
    def failures(self) -> int:
        return sum(self.failed.values())

    def line(self) -> str:
        failed = ", ".join(f"{k} {v}" for k, v in sorted(self.failed.items())) or "0"
        return (f"archiver: {self.seen} seen, {self.exported} exported, "
                f"{self.no_article} without article, failed: {failed}")


def clean_one(ref: InputRef, config: Config) -> Document | Failure:
    """Clean one input; any error becomes a :class:`Failure` with a one-line reason."""
    try:
        return clean_file(ref.path, config=config)
    except ArchiverError as exc:
        return Failure(ref.label, exc.stage, str(exc).splitlines()[0] if str(exc) else type(exc).__name__)
    except Exception as exc:  # noqa: BLE001 - a bug on one page must not stop the batch
        reason = f"{type(exc).__name__}: {str(exc).splitlines()[0] if str(exc) else ''}".rstrip(": ")
        return Failure(ref.label, "internal", reason)


def run_batch(refs: Iterable[InputRef], out_dir: Path, formats: Sequence[str], config: Config,
              report: Callable[[str], None] = lambda s: print(s, file=sys.stderr)) -> Summary:
    summary = Summary()
    out_dir.mkdir(parents=True, exist_ok=True)
    for ref in refs:
        summary.seen += 1
        result = clean_one(ref, config)
        if isinstance(result, Failure):
            summary.failed[result.stage] = summary.failed.get(result.stage, 0) + 1
            append_line(out_dir / "errors.jsonl", result.to_dict())
            report(f"archiver: error: {result.source}: {result.reason}")
            continue
        outputs = write_document(result, out_dir, formats)
        append_line(out_dir / "index.jsonl", index_record(result, ref.label, outputs))
        if result.status == "ok":
            summary.exported += 1
        else:
            summary.no_article += 1
    return summary
