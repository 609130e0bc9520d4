"""The review store: every change a reviewer makes, in SQLite beside the outputs.

One row per change: which recording (output folder name) and which pipeline run of it
(``base``: recording sha256 and the run's ``created_at``), when (UTC), who, what (an action
and its target) and the state of the touched objects before and after, as JSON. An undo is a
change of its own that points at the change it reverts (``undoes``); the reverted change
points back (``undone_by``). Nothing is ever deleted.

Writes go through :meth:`ReviewStore.transaction`, so the caller can write the transcript
files inside it: when writing fails the row is rolled back and the store and the files agree.
The transaction is ``BEGIN IMMEDIATE``: it holds SQLite's write lock from its start, so it is
also the lock that serialises changes between several app processes on one folder (WAL mode
lets their readers go on meanwhile); a process waits up to ``BUSY_SECONDS`` for it.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from hearingproc.errors import HearingProcError

STORE_VERSION = 1  # PRAGMA user_version of a store this code wrote
# how long a write waits for another process's transaction on the same store: far longer than
# one change takes (rewriting a transcript and its exports: well under a second)
BUSY_SECONDS = 30.0
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_SCHEMA = """
CREATE TABLE IF NOT EXISTS changes (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    recording TEXT NOT NULL,
    base TEXT NOT NULL,
    at TEXT NOT NULL,
    reviewer TEXT NOT NULL,
    action TEXT NOT NULL,
    target TEXT NOT NULL,
    summary TEXT NOT NULL,
    before TEXT NOT NULL,
    after TEXT NOT NULL,
    undoes INTEGER REFERENCES changes(id),
    undone_by INTEGER REFERENCES changes(id)
);
CREATE INDEX IF NOT EXISTS changes_by_recording ON changes (recording, base, id);
"""
_COLUMNS = ("id", "recording", "base", "at", "reviewer", "action", "target", "summary",
            "before", "after", "undoes", "undone_by")


class StoreError(HearingProcError):
    """The review store cannot be opened or is of an unknown version."""


class StoreBusyError(StoreError):
    """Another process held the review store's write lock for longer than ``BUSY_SECONDS``."""


@dataclass(frozen=True)
class Change:
    id: int
    recording: str  # output folder name, e.g. "mock_hearing_es"
    base: str  # "<recording sha256>@<pipeline created_at>": the run the change applies to
    at: str  # ISO 8601, UTC, seconds
    reviewer: str
    action: str  # e.g. "tag.accept", "role.speaker", "text", "undo"
    target: str  # e.g. "tag:3", "speaker:SPEAKER_01", "segment:12"
    summary: str  # one line for people, e.g. "SPEAKER_01 role: unknown -> judge"
    before: dict[str, Any]  # the touched objects before (see review.edits.Snapshot)
    after: dict[str, Any]
    undoes: int | None = None  # for an undo: the change it reverted
    undone_by: int | None = None  # the undo that reverted this change

    def history_entry(self) -> dict[str, Any]:
        """What ``transcript.json``'s ``review_history`` keeps of this change."""
        entry: dict[str, Any] = {"id": self.id, "at": self.at, "reviewer": self.reviewer,
                                 "action": self.action, "target": self.target,
                                 "summary": self.summary}
        if self.undoes is not None:
            entry["undoes"] = self.undoes
        if self.undone_by is not None:
            entry["undone_by"] = self.undone_by
        return entry


def utc_now() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def _row_to_change(row: tuple[Any, ...]) -> Change:
    data = dict(zip(_COLUMNS, row, strict=True))
    data["before"] = json.loads(data["before"])
    data["after"] = json.loads(data["after"])
    return Change(**data)


class Transaction:
    """Inserts and updates inside one :meth:`ReviewStore.transaction`."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn

    def add(self, recording: str, base: str, reviewer: str, action: str, target: str,
            summary: str, before: dict[str, Any], after: dict[str, Any],
            undoes: int | None = None) -> Change:
        at = utc_now()
        cursor = self._conn.execute(
            "INSERT INTO changes (recording, base, at, reviewer, action, target, summary, "
            "before, after, undoes) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (recording, base, at, reviewer, action, target, summary,
             json.dumps(before, ensure_ascii=False, sort_keys=True),
             json.dumps(after, ensure_ascii=False, sort_keys=True), undoes))
        if undoes is not None:
            self._conn.execute("UPDATE changes SET undone_by = ? WHERE id = ?",
                               (cursor.lastrowid, undoes))
        return Change(int(cursor.lastrowid or 0), recording, base, at, reviewer, action,
                      target, summary, before, after, undoes)


class ReviewStore:
    """One SQLite file; safe to share between the app's worker threads."""

    def __init__(self, path: Path) -> None:
        self.path = path
        # Two processes opening a new store at once: switching it to WAL needs a lock SQLite
        # does not wait for (its busy handler is skipped where waiting could deadlock), so the
        # loser gets "database is locked" at once; it opens again until BUSY_SECONDS pass.
        deadline = time.monotonic() + BUSY_SECONDS
        while True:
            try:
                self._conn = self._open()
                break
            except sqlite3.OperationalError as exc:
                if (exc.sqlite_errorcode not in _BUSY_CODES
                        or time.monotonic() >= deadline):
                    raise StoreError(f"{path}: cannot open the review store ({exc})") from exc
                time.sleep(0.05)
            except sqlite3.Error as exc:
                raise StoreError(f"{path}: cannot open the review store ({exc})") from exc
        self._lock = threading.RLock()

    def _open(self) -> sqlite3.Connection:
        conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS, check_same_thread=False,
                               isolation_level=None)
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            conn.execute("PRAGMA foreign_keys = ON")
            if self._version(conn) < STORE_VERSION:  # a new store: create it, once
                conn.execute("BEGIN IMMEDIATE")
                if self._version(conn) < STORE_VERSION:  # another process may have done it
                    for statement in filter(str.strip, _SCHEMA.split(";")):
                        conn.execute(statement)
                    conn.execute(f"PRAGMA user_version = {STORE_VERSION}")
                conn.execute("COMMIT")
        except BaseException:
            conn.close()
            raise
        return conn

    def _version(self, conn: sqlite3.Connection) -> int:
        version = int(conn.execute("PRAGMA user_version").fetchone()[0])
        if version > STORE_VERSION:
            raise StoreError(f"{self.path}: review store version {version} is newer than this "
                             "hearingproc; upgrade hearingproc to open it")
        return version

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    @contextmanager
    def transaction(self) -> Iterator[Transaction]:
        """Commit when the block succeeds, roll back (and re-raise) when it fails; the block
        runs holding the store's write lock, against other processes too."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode not in _BUSY_CODES:
                    raise StoreError(f"{self.path}: cannot write the review store ({exc})") \
                        from exc
                raise StoreBusyError(f"{self.path}: another process kept the review store "
                                     f"locked for {BUSY_SECONDS:g} s; try again") from exc
            try:
                yield Transaction(self._conn)
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()

    def history(self, recording: str, base: str) -> list[Change]:
        """The changes of one run of one recording, oldest first."""
        with self._lock:
            rows = self._conn.execute(
                f"SELECT {', '.join(_COLUMNS)} FROM changes WHERE recording = ? AND base = ? "
                "ORDER BY id", (recording, base)).fetchall()
        return [_row_to_change(row) for row in rows]

    def get(self, change_id: int) -> Change | None:
        with self._lock:
            row = self._conn.execute(f"SELECT {', '.join(_COLUMNS)} FROM changes WHERE id = ?",
                                     (change_id,)).fetchone()
        return None if row is None else _row_to_change(row)
