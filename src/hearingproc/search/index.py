"""The search index of an output store: SQLite with FTS5, in ``OUT/.hearingproc/search.sqlite3``.

One row per hearing (``OUT/<name>/transcript.json``), with what its file was when indexed
(inode, mtime and size: its *stamp*; and its sha256), one row per line and per tag, and an FTS5
table over each line's text and English translation (``unicode61``, diacritics folded, so
"policia" finds "policía"). :meth:`SearchIndex.refresh` brings the index up to date with the
files: a hearing whose stamp is unchanged is not read; a changed file whose sha256 is the same
is not indexed again; a folder gone from the store leaves the index.

Several processes write to one index (watchers, ``hearingproc process``, the review app): the
database is in WAL mode (readers never wait), every write is a short ``BEGIN IMMEDIATE``
transaction (at most ``BATCH_SECONDS`` of work) and a writer waits up to ``BUSY_SECONDS`` for
another's. A transcript is read inside the transaction that indexes it, so of two writers the
later one always indexes the file as it is then: a slower writer cannot put back an older
version.
"""

from __future__ import annotations

import hashlib
import json
import logging
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from hearingproc.errors import HearingProcError, TranscriptError
from hearingproc.pipeline.store import STORE_DIR
from hearingproc.progress import Progress, no_progress
from hearingproc.search.records import Hearing, hearing_from_dict, tokenizable

log = logging.getLogger(__name__)

INDEX_FILE = "search.sqlite3"  # inside OUT/.hearingproc/
TRANSCRIPT = "transcript.json"
# A redacted copy for sharing (``hearingproc redact``: OUT/NAME -> OUT/NAME.redacted, the
# suffix is hearingproc.redaction.folder.SUFFIX) is the same hearing again, not another one.
REDACTED_SUFFIX = ".redacted"
INDEX_VERSION = 1  # PRAGMA user_version of an index this code writes
# how long a writer waits for another's transaction: far longer than one takes (a batch of
# hearings, BATCH_SECONDS, or one review change)
BUSY_SECONDS = 30.0
BATCH_SECONDS = 0.25  # a refresh commits after this much work, so other writers get in
_SCHEMA = """
CREATE TABLE hearings (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    stamp TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    recording_id TEXT NOT NULL,
    case_number TEXT,
    judge TEXT NOT NULL,
    hearing_type TEXT NOT NULL,
    language TEXT NOT NULL,
    hearing_date TEXT,
    duration REAL NOT NULL
);
CREATE TABLE lines (
    id INTEGER PRIMARY KEY,
    hearing INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
    segment INTEGER NOT NULL,
    start_s REAL NOT NULL,
    end_s REAL NOT NULL,
    role TEXT NOT NULL,
    speaker TEXT NOT NULL,
    language TEXT NOT NULL,
    text TEXT NOT NULL,
    translation TEXT,
    page_line TEXT
);
CREATE INDEX lines_by_hearing ON lines (hearing, segment);
CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    hearing INTEGER NOT NULL REFERENCES hearings(id) ON DELETE CASCADE,
    tag INTEGER NOT NULL,
    label TEXT NOT NULL,
    polarity TEXT,
    review TEXT NOT NULL,
    start_s REAL,
    role TEXT,
    quote TEXT NOT NULL,
    page_line TEXT
);
CREATE INDEX tags_by_label ON tags (label, polarity);
CREATE INDEX tags_by_hearing ON tags (hearing);
CREATE TABLE tag_lines (
    tag INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    hearing INTEGER NOT NULL,
    segment INTEGER NOT NULL
);
CREATE INDEX tag_lines_by_line ON tag_lines (hearing, segment);
CREATE INDEX tag_lines_by_tag ON tag_lines (tag);
CREATE VIRTUAL TABLE lines_fts USING fts5 (
    text, translation, tokenize = 'unicode61 remove_diacritics 2'
)
"""
_BUSY_CODES = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})


class SearchIndexError(HearingProcError):
    """The search index cannot be opened or written."""


def index_path(out_dir: Path) -> Path:
    return out_dir / STORE_DIR / INDEX_FILE


def _stamp(path: Path) -> str | None:
    """What identifies one version of a file without reading it; None when it is gone."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return f"{stat.st_ino}:{stat.st_mtime_ns}:{stat.st_size}"


@dataclass
class RefreshReport:
    """What :meth:`SearchIndex.refresh` did."""

    indexed: list[str] = field(default_factory=list)  # new or changed hearings
    unchanged: int = 0
    removed: list[str] = field(default_factory=list)  # folders gone from the store
    failed: dict[str, str] = field(default_factory=dict)  # name -> why it could not be read

    @property
    def hearings(self) -> int:
        return len(self.indexed) + self.unchanged


def _use_wal(conn: sqlite3.Connection) -> None:
    """Put the index in WAL mode (it stays so in the file). Switching needs the file to
    itself, and SQLite answers "database is locked" at once, without its busy handler, while
    another connection holds a write lock: two processes opening a new index together (two
    watchers) met that. Wait for the lock as a write would, up to ``BUSY_SECONDS``."""
    deadline = time.monotonic() + BUSY_SECONDS
    while True:
        try:
            conn.execute("PRAGMA journal_mode = WAL")
            return
        except sqlite3.OperationalError as exc:
            if exc.sqlite_errorcode not in _BUSY_CODES or time.monotonic() > deadline:
                raise
            time.sleep(0.01)


class SearchIndex:
    """One store's index; a connection per instance, safe to share between threads."""

    def __init__(self, out_dir: Path) -> None:
        self.root = Path(out_dir)
        if not self.root.is_dir():
            raise SearchIndexError(f"{self.root}: not a folder of processed recordings (give the "
                              "--out folder of `hearingproc process`)")
        self.path = index_path(self.root)
        self._lock = threading.RLock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._conn = sqlite3.connect(self.path, timeout=BUSY_SECONDS,
                                         check_same_thread=False, isolation_level=None)
            self._conn.execute(f"PRAGMA busy_timeout = {int(BUSY_SECONDS * 1000)}")
            _use_wal(self._conn)
            self._conn.execute("PRAGMA synchronous = NORMAL")  # WAL: durable at checkpoints
            self._conn.execute("PRAGMA foreign_keys = ON")
            if self._version() < INDEX_VERSION:
                with self.transaction():
                    if self._version() < INDEX_VERSION:  # another process may have just done it
                        for statement in filter(str.strip, _SCHEMA.split(";")):
                            self._conn.execute(statement)
                        self._conn.execute(f"PRAGMA user_version = {INDEX_VERSION}")
        except (sqlite3.Error, OSError) as exc:
            raise SearchIndexError(f"{self.path}: cannot open the search index ({exc})") from exc

    def _version(self) -> int:
        version = int(self._conn.execute("PRAGMA user_version").fetchone()[0])
        if version > INDEX_VERSION:
            raise SearchIndexError(f"{self.path}: search index version {version} is newer than "
                              "this hearingproc; upgrade it, or rebuild the index")
        return version

    def close(self) -> None:
        with self._lock:
            self._conn.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def connection(self) -> sqlite3.Connection:
        """For reading (searches, counts); writes go through :meth:`transaction`."""
        return self._conn

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A write transaction holding the index's write lock (against other processes too);
        committed when the block succeeds, rolled back when it raises."""
        with self._lock:
            try:
                self._conn.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError as exc:
                if exc.sqlite_errorcode in _BUSY_CODES:
                    raise SearchIndexError(f"{self.path}: another process kept the search index "
                                      f"locked for {BUSY_SECONDS:g} s; try again") from exc
                raise SearchIndexError(f"{self.path}: cannot write the search index ({exc})") \
                    from exc
            try:
                yield self._conn
            except BaseException:
                self._conn.rollback()
                raise
            self._conn.commit()

    # --- keeping it current -----------------------------------------------------------------

    def on_disk(self) -> dict[str, Path]:
        """Every recording folder of the store with a transcript: name -> transcript.json.
        As in the review app, a folder whose transcript lies (links resolved) outside the store
        is not one of its recordings."""
        root = self.root.resolve()
        found = {child.name: self._transcript(child, root) for child in sorted(self.root.iterdir())}
        return {name: path for name, path in found.items() if path is not None}

    def _transcript(self, folder: Path, root: Path) -> Path | None:
        """``folder``'s transcript.json, when ``folder`` is one of the store's recordings."""
        transcript = folder / TRANSCRIPT
        hidden = folder.name.startswith(".") or folder.name.endswith(REDACTED_SUFFIX)
        if hidden or not transcript.is_file():
            return None
        linked = folder.is_symlink() or transcript.is_symlink()  # else inside by construction
        if linked and not transcript.resolve().is_relative_to(root):
            log.warning("search index: skipping %s: it links outside %s", folder.name, root)
            return None
        return transcript

    def _known(self) -> dict[str, str]:
        with self._lock:
            return dict(self._conn.execute("SELECT name, stamp FROM hearings").fetchall())

    def refresh(self, rebuild: bool = False, progress: Progress = no_progress) -> RefreshReport:
        """Index every new or changed transcript of the store and drop the gone ones;
        ``rebuild`` reads every transcript again. A transcript that cannot be read is left
        out (and named in the report's ``failed``); the others are indexed."""
        report = RefreshReport()
        files = self.on_disk()
        stored = self._known()
        known = {} if rebuild else stored
        gone = sorted(set(stored) - set(files))
        if gone:
            with self.transaction() as conn:
                for name in gone:
                    self._drop(conn, name)
                    report.removed.append(name)
        todo = [name for name in files if rebuild or known.get(name) != _stamp(files[name])]
        report.unchanged = len(files) - len(todo)
        done = 0
        while done < len(todo):
            with self.transaction() as conn:  # one batch: at most BATCH_SECONDS of work
                started = time.perf_counter()
                while done < len(todo) and time.perf_counter() - started < BATCH_SECONDS:
                    name = todo[done]
                    done += 1
                    try:
                        if self._index(conn, name, force=rebuild):
                            report.indexed.append(name)
                        else:
                            report.unchanged += 1
                    except TranscriptError as exc:
                        self._drop(conn, name)
                        report.failed[name] = str(exc)
            progress("index", done, len(todo))
        return report

    def update(self, name: str) -> bool:
        """Index one recording (``OUT/<name>/``) as it is on disk now; drops it from the index
        when its transcript is gone. True when its lines or tags changed."""
        with self.transaction() as conn:
            if self._transcript(self.root / name, self.root.resolve()) is None:
                return self._drop(conn, name)
            return self._index(conn, name, force=False)

    def _drop(self, conn: sqlite3.Connection, name: str) -> bool:
        """Take ``name`` out of the index (its lines, tags and their text too)."""
        conn.execute("DELETE FROM lines_fts WHERE rowid IN (SELECT lines.id FROM lines "
                     "JOIN hearings ON hearings.id = lines.hearing WHERE hearings.name = ?)",
                     (name,))
        return conn.execute("DELETE FROM hearings WHERE name = ?", (name,)).rowcount > 0

    def _index(self, conn: sqlite3.Connection, name: str, force: bool) -> bool:
        """Read ``name``'s transcript (inside the caller's transaction) and index it unless
        its content is what the index already holds. True when it was indexed."""
        path = self.root / name / TRANSCRIPT
        stamp = _stamp(path)
        try:
            blob = path.read_bytes()
        except OSError as exc:
            raise TranscriptError(f"{path}: cannot read ({exc})") from exc
        digest = hashlib.sha256(blob).hexdigest()
        row = conn.execute("SELECT id, sha256 FROM hearings WHERE name = ?", (name,)).fetchone()
        if row is not None and row[1] == digest and not force:
            conn.execute("UPDATE hearings SET stamp = ? WHERE id = ?", (stamp or "", row[0]))
            return False
        try:
            data = json.loads(blob)
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise TranscriptError(f"{path}: not JSON ({exc})") from exc
        if not isinstance(data, dict):
            raise TranscriptError(f"{path}: not a transcript (a JSON object is expected)")
        hearing = hearing_from_dict(name, data, path)
        if row is not None:
            self._drop(conn, name)
        _insert(conn, hearing, stamp or "", digest)
        log.debug("indexed %s: %d lines, %d tags", name, len(hearing.lines), len(hearing.tags))
        return True


def _insert(conn: sqlite3.Connection, hearing: Hearing, stamp: str, digest: str) -> None:
    cursor = conn.execute(
        "INSERT INTO hearings (name, stamp, sha256, recording_id, case_number, judge, "
        "hearing_type, language, hearing_date, duration) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (hearing.name, stamp, digest, hearing.recording_id, hearing.case_number, hearing.judge,
         hearing.hearing_type, hearing.language, hearing.hearing_date, hearing.duration))
    hearing_id = cursor.lastrowid
    for line in hearing.lines:
        line_id = conn.execute(
            "INSERT INTO lines (hearing, segment, start_s, end_s, role, speaker, language, "
            "text, translation, page_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (hearing_id, line.segment, line.start, line.end, line.role, line.speaker,
             line.language, line.text, line.translation, line.page_line)).lastrowid
        conn.execute("INSERT INTO lines_fts (rowid, text, translation) VALUES (?, ?, ?)",
                     (line_id, tokenizable(line.text), tokenizable(line.translation or "")))
    for tag in hearing.tags:
        tag_id = conn.execute(
            "INSERT INTO tags (hearing, tag, label, polarity, review, start_s, role, quote, "
            "page_line) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (hearing_id, tag.tag, tag.label, tag.polarity, tag.review, tag.start, tag.role,
             tag.quote, tag.page_line)).lastrowid
        conn.executemany("INSERT INTO tag_lines (tag, hearing, segment) VALUES (?, ?, ?)",
                         [(tag_id, hearing_id, segment) for segment in tag.segments])


def keep_current(out_dir: Path, name: str) -> None:
    """After ``OUT/<name>/`` was written: index it now, so a search sees it at once. Only
    where the store has an index (the first search, or ``hearingproc index``, makes it from
    every transcript there), so ``process`` adds nothing to an OUT nobody searches. Never
    raises: a failure is logged, and the next search or ``hearingproc index`` catches up (they
    compare every transcript's stamp with the index)."""
    if not index_path(out_dir).is_file():
        return
    started = time.perf_counter()
    try:
        with SearchIndex(out_dir) as index:
            index.update(name)
    except (HearingProcError, sqlite3.Error, OSError) as exc:
        log.warning("search index not updated for %s (%s); `hearingproc index %s` will catch "
                    "up", name, exc, out_dir)
        return
    log.debug("search index: %s updated in %.3f s", name, time.perf_counter() - started)
