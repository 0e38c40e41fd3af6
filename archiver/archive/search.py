"""Search an indexed archive: ranked hits with a highlighted snippet of the original text.

    >>> from archiver.archive.search import search
    >>> for hit in search("out/", "الانتخابات", lang="ar", limit=5):
    ...     print(hit.title, hit.path, hit.marked("[", "]"))

A query is folded and stemmed like the documents (:mod:`archiver.archive.terms`); every query
word must match (each word may match through any of its particle-free forms). Ranking is FTS5's
BM25 with the title weighted above the body. Snippets are cut from the stored record's original
text, never from the folded key.
"""
from __future__ import annotations

import json
import os
import re
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .index import INDEX_FILE
from .records import ExportError
from .terms import RAW_WORD, query_groups, terms_function

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
SNIPPET_WORDS_BEFORE, SNIPPET_WORDS = 8, 32


@dataclass(frozen=True, slots=True)
class Hit:
    """One ranked result. ``highlights``: (start, end) code-point spans in ``snippet``."""

    rank: int
    id: str
    title: str
    language: str
    path: str
    score: float
    snippet: str
    highlights: tuple[tuple[int, int], ...]

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with each highlight wrapped in the given marks."""
        out, last = [], 0
        for a, b in self.highlights:
            out += [self.snippet[last:a], open_mark, self.snippet[a:b], close_mark]
            last = b
        return "".join(out) + self.snippet[last:]

    def to_dict(self) -> dict[str, Any]:
        """The hit as a JSON-ready dict (what ``archiver search --json`` prints, one per line)."""
        return {"rank": self.rank, "id": self.id, "title": self.title, "language": self.language,
                "path": self.path, "score": self.score, "snippet": self.snippet,
                "highlights": [list(h) for h in self.highlights]}


def fts_query(groups: list[tuple[str, ...]]) -> str:
    """The FTS5 MATCH expression: every group must match, any term of a group will do."""
    parts = []
    for group in groups:
        terms = " OR ".join('"' + t.replace('"', '""') + '"' for t in group)
        parts.append(f"({terms})" if len(group) > 1 else terms)
    return " AND ".join(parts)


def _lang_clause(lang: str | None) -> tuple[str, list[str]]:
    if not lang:
        return "", []
    return " AND (d.language = ? OR d.language LIKE ?)", [lang, f"{lang}-%"]


def _matches(word: str, wanted: set[str], lang: str | None) -> bool:
    return not wanted.isdisjoint(terms_function(lang)(word).split())


def _best_text(record: dict[str, Any], wanted: set[str], lang: str | None) -> tuple[str, list[re.Match]]:
    """The block (or title) with the most distinct matching words, and its matching words."""
    texts = [b.get("text", "") for b in record.get("blocks", ())] or [record.get("title") or ""]
    best: tuple[int, str, list[re.Match]] = (-1, texts[0], [])
    for text in texts:
        hits = [m for m in RAW_WORD.finditer(text) if _matches(m.group(), wanted, lang)]
        score = len({m.group() for m in hits})
        if score > best[0]:
            best = (score, text, hits)
    return best[1], best[2]


def make_snippet(record: dict[str, Any], wanted: set[str], lang: str | None = None) -> tuple[str, tuple]:
    """A window of the original text around the first match, with highlight spans."""
    text, hits = _best_text(record, wanted, lang)
    words = list(RAW_WORD.finditer(text))
    if not words:
        return text[:200], ()
    first = next((i for i, m in enumerate(words) if hits and m.start() == hits[0].start()), 0)
    lo = max(0, first - SNIPPET_WORDS_BEFORE)
    hi = min(len(words), lo + SNIPPET_WORDS)
    start = 0 if lo == 0 else words[lo].start()
    end = len(text) if hi == len(words) else words[hi - 1].end()
    prefix, suffix = ("…" if start > 0 else ""), ("…" if end < len(text) else "")
    spans = tuple((m.start() - start + len(prefix), m.end() - start + len(prefix))
                  for m in hits if start <= m.start() and m.end() <= end)
    return prefix + " ".join(text[start:end].split("\n")) + suffix, spans


def search(path: str | os.PathLike[str], query: str, lang: str | None = None, limit: int = 10) -> list[Hit]:
    """Ranked hits for ``query`` in the indexed archive at ``path`` (``lang``: only documents in it)."""
    root = Path(path)
    db = root / INDEX_FILE
    if not db.is_file():
        raise ExportError(f"{root}: no {INDEX_FILE}; run `archiver index {root}` first")
    groups = [g for g in query_groups(query, lang) if g]
    if not groups:
        return []
    where, params = _lang_clause(lang)
    sql = (f"SELECT d.id, d.title, d.language, coalesce(d.md_path, d.json_path), d.json_path, "
           f"bm25(fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score FROM fts JOIN docs d ON d.rowid = fts.rowid "
           f"WHERE fts MATCH ?{where} ORDER BY score, d.id LIMIT ?")
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        rows = conn.execute(sql, [fts_query(groups), *params, max(0, int(limit))]).fetchall()
    finally:
        conn.close()
    wanted = {t for g in groups for t in g}
    hits = []
    for rank, (doc_id, title, language, rel, json_rel, score) in enumerate(rows, 1):
        try:
            record = json.loads((root / json_rel).read_text("utf-8"))
            snippet, spans = make_snippet(record, wanted, lang)
        except (OSError, ValueError):
            snippet, spans = "", ()
        hits.append(Hit(rank, doc_id, title or doc_id, language or "und", rel, round(-score, 4), snippet, spans))
    return hits
