"""Search an indexed archive: ranked hits with a highlighted snippet of the original text.

    >>> from archiver.archive.search import search
    >>> for hit in search("out/", "الانتخابات", lang="ar", limit=5):
    ...     print(hit.title, hit.path, hit.marked("[", "]"))

A query is folded and stemmed like the documents (:mod:`archiver.archive.terms`); every query
word must match (each word may match through any of its particle-free forms). Ranking is FTS5's
BM25 with the title weighted above the body. Snippets are cut from the stored record's original
text, never from the folded key.

The index is not trusted (it lies outside the bag's manifests): a hit's row must name its id's own
record inside the export (else the search stops with an error saying to rebuild the index), the
record is read without following a link, and the title, language and the match itself are taken
from the record, so a forged ``archive.sqlite`` can hide or reorder documents but cannot show a
title, a snippet or a match that the records do not hold, nor read a file outside the export.
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
from .indexcheck import open_readonly
from .records import ExportError, is_document_id, read_regular
from .recordterms import record_row
from .terms import RAW_WORD, query_groups, terms_function

TITLE_WEIGHT, BODY_WEIGHT = 4.0, 1.0
SNIPPET_WORDS_BEFORE, SNIPPET_WORDS = 8, 32
# FTS5 evaluates (and BM25 scores) every phrase of a query on every candidate row: the time grows
# with words x rows (400 copies of one word took 15 s on 3,000 documents). A word repeated counts
# once; more distinct words than this (or alternative terms in all) are refused with a message.
MAX_QUERY_WORDS, MAX_QUERY_TERMS = 32, 96


class QueryError(ExportError):
    """A query that cannot be searched as given (too many words); the message is one line."""


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
    copies: int = 1  # documents in this hit's duplicate group (archiver dedup); one hit per group

    def marked(self, open_mark: str = "[", close_mark: str = "]") -> str:
        """The snippet with each highlight wrapped in the given marks."""
        out, last = [], 0
        for a, b in self.highlights:
            out += [self.snippet[last:a], open_mark, self.snippet[a:b], close_mark]
            last = b
        return "".join(out) + self.snippet[last:]

    def to_dict(self) -> dict[str, Any]:
        """The hit as a JSON-ready dict (what ``archiver search --json`` prints, one per line)."""
        return {
            "rank": self.rank,
            "id": self.id,
            "title": self.title,
            "language": self.language,
            "path": self.path,
            "score": self.score,
            "snippet": self.snippet,
            "highlights": [list(h) for h in self.highlights],
            "copies": self.copies,
        }


def search_groups(query: str, lang: str | None = None) -> list[tuple[str, ...]]:
    """The query's groups of alternative terms, each once, in the order of the words.

    Raises :class:`QueryError` past :data:`MAX_QUERY_WORDS` distinct words or
    :data:`MAX_QUERY_TERMS` terms."""
    groups = list(dict.fromkeys(g for g in query_groups(query, lang) if g))
    terms = sum(map(len, groups))
    if len(groups) > MAX_QUERY_WORDS or terms > MAX_QUERY_TERMS:
        raise QueryError(
            f"the query has {len(groups)} distinct words ({terms} terms after folding); at most "
            f"{MAX_QUERY_WORDS} words ({MAX_QUERY_TERMS} terms) are searched together"
        )
    return groups


def fts_query(groups: list[tuple[str, ...]]) -> str:
    """The FTS5 MATCH expression: every group must match, any term of a group will do. Every term
    is a quoted string (a quote doubled), so no FTS5 operator or column filter can come from a query."""
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
    spans = tuple(
        (m.start() - start + len(prefix), m.end() - start + len(prefix))
        for m in hits
        if start <= m.start() and m.end() <= end
    )
    return prefix + " ".join(text[start:end].split("\n")) + suffix, spans


def _own_files(root: Path, doc_id: str, json_rel: str, md_rel: str | None) -> bool:
    """Whether an index row names its id's own record and Markdown (export or bag layout)."""
    if not is_document_id(doc_id):
        return False
    prefix = ("data/json/", "data/markdown/") if json_rel.startswith("data/") else ("", "")
    return json_rel == f"{prefix[0]}{doc_id}.json" and md_rel in (None, f"{prefix[1]}{doc_id}.md")


def _confirmed(record: dict[str, Any], groups: list[tuple[str, ...]], lang: str | None) -> bool:
    """Whether the record itself matches: every query group meets its terms, and its language."""
    if lang and not (record.get("language") == lang or str(record.get("language")).startswith(f"{lang}-")):
        return False
    title, body = record_row(record)
    terms = set(title.split()) | set(body.split())
    return all(not terms.isdisjoint(g) for g in groups)


def _has_groups(conn: sqlite3.Connection) -> bool:
    """Whether the index holds duplicate groups (an index built before them has no ``dups`` table)."""
    if conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='dups'").fetchone() is None:
        return False
    return conn.execute("SELECT 1 FROM dups LIMIT 1").fetchone() is not None


def _sql(where: str, grouped: bool) -> str:
    """The ranked query; with duplicate groups (``archiver dedup``, issue 15) one row per group: its
    best-scoring member, with the group's number of copies."""
    inner = (
        f"SELECT d.id, d.json_path, d.md_path, bm25(fts, {TITLE_WEIGHT}, {BODY_WEIGHT}) AS score, "
        + ("coalesce(g.copies, 1) AS copies, coalesce(g.grp, d.id) AS grp " if grouped else "1 AS copies ")
        + "FROM fts JOIN docs d ON d.rowid = fts.rowid "
        + ("LEFT JOIN dups g ON g.id = d.id " if grouped else "")
        + f"WHERE fts MATCH ?{where}"
    )
    if not grouped:
        return f"{inner} ORDER BY score, d.id LIMIT ?"
    return (
        f"SELECT id, json_path, md_path, score, copies FROM (SELECT *, row_number() OVER "
        f"(PARTITION BY grp ORDER BY score, id) AS n FROM ({inner})) WHERE n = 1 ORDER BY score, id LIMIT ?"
    )


def _rows(root: Path, db: Path, groups: list[tuple[str, ...]], lang: str | None, limit: int) -> list[tuple]:
    where, params = _lang_clause(lang)
    try:
        conn = open_readonly(db)
        try:
            sql = _sql(where, _has_groups(conn))
            rows = conn.execute(sql, [fts_query(groups), *params, max(0, int(limit))]).fetchall()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise ExportError(
            f"{db}: not a readable index ({exc}); delete it and run `archiver index {root}`"
        ) from None
    for doc_id, json_rel, md_rel, *_ in rows:
        if not all(isinstance(v, str) for v in (doc_id, json_rel)) or not _own_files(
            root, doc_id, json_rel, md_rel
        ):
            raise ExportError(
                f"{db}: a row names {str(json_rel)[:80]!r} for id {str(doc_id)[:40]!r}, not its "
                f"id's own record: not this export's index; delete it and run `archiver index {root}`"
            )
    return rows


def _record(root: Path, doc_id: str, json_rel: str) -> dict[str, Any] | None:
    try:
        record = json.loads(read_regular(root / json_rel).decode("utf-8"))
    except (OSError, ValueError, RecursionError):
        return None
    return record if isinstance(record, dict) and record.get("id") == doc_id else None


def search(path: str | os.PathLike[str], query: str, lang: str | None = None, limit: int = 10) -> list[Hit]:
    """Ranked hits for ``query`` in the indexed archive at ``path`` (``lang``: only documents in it)."""
    root = Path(path)
    db = root / INDEX_FILE
    if not db.is_file():
        raise ExportError(f"{root}: no {INDEX_FILE}; run `archiver index {root}` first")
    groups = search_groups(query, lang)
    if not groups:
        return []
    wanted = {t for g in groups for t in g}
    hits = []
    for doc_id, json_rel, md_rel, score, copies in _rows(root, db, groups, lang, limit):
        record = _record(root, doc_id, json_rel)
        try:
            if record is None or not _confirmed(record, groups, lang):
                continue  # stale or forged: the records decide what matches
            snippet, spans = make_snippet(record, wanted, lang)
        except (TypeError, AttributeError, ValueError):  # a record of the wrong shape (verify says so)
            continue
        title, language = record.get("title"), record.get("language")
        hits.append(
            Hit(
                len(hits) + 1,
                doc_id,
                title if isinstance(title, str) and title else doc_id,
                language if isinstance(language, str) else "und",
                md_rel or json_rel,
                round(-score, 4),
                snippet,
                spans,
                copies,
            )
        )
    return hits
