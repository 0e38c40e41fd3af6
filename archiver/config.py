"""The frozen configuration every stage reads. Its hash goes into each record."""

from __future__ import annotations

import hashlib
import json
from dataclasses import asdict, dataclass, field, fields, replace
from typing import Any


@dataclass(frozen=True, slots=True)
class Config:
    """Options for one cleaning run.

    kind: ``"auto"`` detects HTML versus a plain-text dump; ``"html"``/``"text"`` force it.
    comments: when true, a page's comment section is kept as a separate, labelled list.
    chrome_phrases: extra chrome phrases (any language) added to the shipped lexicon.
    lang_detector: ``"langdetect"`` (default) or ``"lingua"`` (optional extra).
    min_detect_letters: shortest run, in letters, handed to a detector.
    lang_candidates: the languages a detector chooses among (ISO 639-1 codes, any script, e.g.
    ``("ar", "fa", "ur", "en", "fr", "so")``); empty: the default list per script
    (:data:`archiver.lang.detect.CANDIDATES`). The page's declared language is always added.
    """

    kind: str = "auto"
    comments: bool = False
    chrome_phrases: tuple[str, ...] = ()
    lang_detector: str = "langdetect"
    min_detect_letters: int = 12
    # Options added after the first release carry ``since``: they enter :meth:`digest` only when
    # set, so the records of runs that do not use them keep their config hash.
    lang_candidates: tuple[str, ...] = field(default=(), metadata={"since": 13})

    def with_(self, **changes: Any) -> Config:
        """A copy with some fields changed."""
        return replace(self, **changes)

    def digest(self) -> str:
        """A short, stable hash of every option that can change an output."""
        values = asdict(self)
        for f in fields(self):
            if "since" in f.metadata and values[f.name] == f.default:
                del values[f.name]
        payload = json.dumps(values, sort_keys=True, ensure_ascii=False)
        return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


DEFAULT = Config()
