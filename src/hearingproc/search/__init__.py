"""Search and counts across every hearing of an output store: an SQLite FTS5 index kept in
``OUT/.hearingproc/search.sqlite3``, current as outputs are written and reviewed."""

from __future__ import annotations

from hearingproc.search.index import (
    RefreshReport,
    SearchIndex,
    SearchIndexError,
    index_path,
    keep_current,
)
from hearingproc.search.query import Hit, Query, Result, search

__all__ = ["Hit", "Query", "RefreshReport", "Result", "SearchIndex", "SearchIndexError",
           "index_path", "keep_current", "search"]
