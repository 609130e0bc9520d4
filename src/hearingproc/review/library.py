"""The recordings in a review folder, their transcripts, audio and reviewed outputs.

A recording is a sub-folder of the root holding ``transcript.json`` (what ``hearingproc
process --out ROOT`` writes). Requests name recordings only by folder name, looked up in a
fresh listing of the root, so no request path is ever joined onto the file system.

Every change goes through :meth:`Library.change`: inside a store transaction (the write
lock shared with any other app process on the same folder) the transcript is read afresh from
disk, the edit is computed on it, recorded, and the transcript and its exports are rewritten
(each file atomically, ``transcript.json`` last) before the store commits. So two processes
never apply edits to the same stale transcript, and no edit is lost.

Audio is served only from the recording's own folder or an ``audio_dirs`` folder (after
resolving links), whatever path ``transcript.json`` names.
"""

from __future__ import annotations

import json
import logging
import mimetypes
import threading
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from hearingproc._fsutil import atomic_binary, sha256_of_file
from hearingproc.exports import WRITERS, timeline
from hearingproc.review.edits import (
    ConflictError,
    Edit,
    EditError,
    NotFoundError,
    diff,
    restore,
    snapshot_of,
)
from hearingproc.review.options import ReviewOptions
from hearingproc.review.store import Change, ReviewStore, StoreBusyError, Transaction
from hearingproc.search.index import keep_current
from hearingproc.transcript import Transcript, from_dict, load_transcript, to_dict

log = logging.getLogger(__name__)

TRANSCRIPT = "transcript.json"
# what a browser plays, by extension, where mimetypes does not know it on every system
AUDIO_TYPES = {".wav": "audio/wav", ".flac": "audio/flac", ".mp3": "audio/mpeg",
               ".m4a": "audio/mp4", ".aac": "audio/aac", ".ogg": "audio/ogg",
               ".opus": "audio/ogg", ".mp4": "video/mp4", ".webm": "audio/webm"}
WRITE_ATTEMPTS = 3  # a change whose store stayed locked (see store.BUSY_SECONDS) is tried again
# outputs that are slow to draw, with what they depend on: redrawn only when that changed
DEPENDS_ON: dict[str, Callable[[Transcript], object]] = {"timeline.png": timeline.layout}


@dataclass(frozen=True)
class Audio:
    path: Path
    media_type: str


def base_of(transcript: Transcript) -> str:
    """The pipeline run a change applies to: recording sha256 and the run's time."""
    return f"{transcript.recording.id}@{transcript.pipeline.created_at}"


def _inside(path: Path, root: Path) -> bool:
    try:
        return path.resolve().is_relative_to(root)
    except (OSError, RuntimeError):  # unreadable, or a loop of links
        return False


class Library:
    """The root folder's recordings, for the app's handlers (thread-safe)."""

    def __init__(self, options: ReviewOptions) -> None:
        self.options = options
        self.root = options.root
        self.store = ReviewStore(options.store_path)
        self._lock = threading.RLock()
        self._cache: dict[str, tuple[tuple[int, int, int], Transcript]] = {}
        self._hashes: dict[tuple[str, int, int], str] = {}  # (path, mtime, size) -> sha256
        self._noted: set[str] = set()  # what _note_once has logged

    def _note_once(self, level: int, key: str, message: str, *args: object) -> None:
        """Log ``message`` the first time ``key`` comes up: every request lists the folder, so
        a per-request message would repeat without end."""
        with self._lock:
            if key in self._noted:
                return
            self._noted.add(key)
        log.log(level, message, *args)

    def close(self) -> None:
        self.store.close()

    # --- reading ------------------------------------------------------------------------

    def names(self) -> list[str]:
        """Folder names of the recordings, sorted; folders outside the root are skipped."""
        found = []
        for child in sorted(self.root.iterdir()):
            if (child.name.startswith(".") or not child.is_dir()
                    or not (child / TRANSCRIPT).is_file()):
                continue
            if not _inside(child / TRANSCRIPT, self.root):
                self._note_once(logging.WARNING, f"outside:{child.name}",
                                "skipping %s: it links outside %s", child.name, self.root)
                continue
            found.append(child.name)
        return found

    def folder(self, name: str) -> Path:
        """The recording's folder; :class:`NotFoundError` for any name not listed."""
        if name not in self.names():
            raise NotFoundError(f"no recording {name!r}")
        return self.root / name

    def transcript(self, name: str, fresh: bool = False) -> Transcript:
        """The current transcript (re-read when the file changed on disk, or when ``fresh``:
        another process may have replaced it with one of the same size within a clock tick)."""
        path = self.folder(name) / TRANSCRIPT
        stat = path.stat()
        key = (stat.st_ino, stat.st_mtime_ns, stat.st_size)
        with self._lock:
            cached = self._cache.get(name)
            if cached and cached[0] == key and not fresh:
                return cached[1]
            transcript = load_transcript(path)
            self._cache[name] = (key, transcript)
            return transcript

    def history(self, name: str) -> list[Change]:
        return self.store.history(name, base_of(self.transcript(name)))

    # --- audio --------------------------------------------------------------------------

    def _audio_candidates(self, source: str, folders: tuple[Path, ...]) -> list[Path]:
        given = Path(source)
        if given.is_absolute():
            places = [given]
        else:
            places = [Path.cwd() / given, self.root / given, self.root.parent / given]
        places += [folder / given.name for folder in folders]
        return list(dict.fromkeys(places))

    def _sha256(self, path: Path) -> str | None:
        """The file's sha256 (computed once per file version), None for no regular file."""
        try:
            stat = path.stat()
        except OSError:
            return None
        if not path.is_file():
            return None
        key = (str(path), stat.st_mtime_ns, stat.st_size)
        with self._lock:
            known = self._hashes.get(key)
        if known is None:
            known = sha256_of_file(path)
            with self._lock:
                self._hashes[key] = known
        return known

    def audio(self, name: str) -> Audio | None:
        """The recording's audio: the transcript's source file, or a file of that name in the
        recording's folder or an ``audio_dirs`` folder, whose sha256 is the recording id; None
        when none is found. A file is considered only where it really lies (links resolved)
        inside one of those folders, so a transcript cannot point the app at other files."""
        transcript = self.transcript(name)
        folders = (self.folder(name).resolve(), *self.options.audio_dirs)
        for path in self._audio_candidates(transcript.recording.source, folders):
            try:
                real = path.resolve()
            except (OSError, RuntimeError):  # unreadable, or a loop of links
                continue
            if not any(real.is_relative_to(folder) for folder in folders):
                if real.is_file():
                    self._note_once(logging.INFO, f"audio:{name}:{real}",
                                    "%s: not serving %s: it is outside the recording's folder "
                                    "and every --audio-dir", name, path)
                continue
            digest = self._sha256(real)
            if digest is None:
                continue
            if digest != transcript.recording.id:
                self._note_once(logging.INFO, f"sha256:{name}:{real}:{digest}",
                                "%s: %s is not this recording's audio (sha256 differs)",
                                name, path)
                continue
            media_type = AUDIO_TYPES.get(path.suffix.lower()) or (
                mimetypes.guess_type(path.name)[0] or "application/octet-stream")
            return Audio(real, media_type)
        return None

    # --- changing -----------------------------------------------------------------------

    def _locked(self, name: str, step: Callable[[Transaction, Transcript], Change]) -> Change:
        """``step(tx, transcript)`` in a store transaction, on the transcript as it is on disk
        once the transaction holds the write lock; tried again (read afresh) when another
        process kept the store locked too long."""
        attempt = 1
        while True:
            try:
                with self._lock, self.store.transaction() as tx:
                    return step(tx, self.transcript(name, fresh=True))
            except StoreBusyError:
                if attempt == WRITE_ATTEMPTS:
                    raise
                attempt += 1
                log.info("%s: the review store is busy; trying the change again", name)

    def change(self, name: str, reviewer: str, make: Callable[[Transcript], Edit]) -> Change:
        """Apply ``make`` to the current transcript, record it, rewrite the outputs."""
        def step(tx: Transaction, current: Transcript) -> Change:
            edit = make(current)
            before, after = diff(current, edit.transcript)
            if not after:
                raise EditError(f"{edit.summary}: nothing changed")
            change = tx.add(name, base_of(current), reviewer, edit.action, edit.target,
                            edit.summary, before, after)
            self._write(name, edit.transcript, [change], previous=current)
            return change

        return self._locked(name, step)

    def undo(self, name: str, change_id: int, reviewer: str) -> Change:
        """Revert one change, unless something changed the same objects since."""
        def step(tx: Transaction, current: Transcript) -> Change:
            target = self.store.get(change_id)
            if target is None or target.recording != name or target.base != base_of(current):
                raise NotFoundError(f"no change {change_id} for {name}")
            if target.undone_by is not None:
                raise ConflictError(f"change {change_id} was already undone "
                                    f"(by change {target.undone_by})")
            if snapshot_of(current, target.after) != target.after:
                raise ConflictError(f"change {change_id} cannot be undone: a later change "
                                    "touched the same item; undo that one first")
            change = tx.add(name, target.base, reviewer, "undo", target.target,
                            f"undo of change {change_id} ({target.summary})",
                            target.after, target.before, undoes=change_id)
            self._write(name, restore(current, target.before), [change], previous=current)
            return change

        return self._locked(name, step)

    def _write(self, name: str, transcript: Transcript, tx_changes: list[Change],
               previous: Transcript) -> None:
        """Every output of ``transcript`` with its review history, atomically per file."""
        history = self.store.history(name, base_of(transcript))  # sees the open transaction
        known = {c.id for c in history}
        history += [c for c in tx_changes if c.id not in known]
        transcript = replace(transcript, review_history=tuple(c.history_entry() for c in history))
        data = to_dict(transcript)
        transcript = from_dict(json.loads(json.dumps(data)))  # exactly what the file will hold
        folder = self.folder(name)
        rendered: dict[str, bytes] = {}
        for file_name, render in WRITERS.items():  # all first: a failure writes nothing
            depends = DEPENDS_ON.get(file_name)
            if (depends and (folder / file_name).is_file()
                    and depends(transcript) == depends(previous)):
                continue
            content = render(transcript)  # the JSON writer validates against the schema
            rendered[file_name] = content.encode("utf-8") if isinstance(content, str) else content
        for file_name, blob in sorted(rendered.items(), key=lambda item: item[0] == TRANSCRIPT):
            target = folder / file_name
            if file_name == TRANSCRIPT or not target.is_file() or target.read_bytes() != blob:
                with atomic_binary(target) as stream:
                    stream.write(blob)
        stat = (folder / TRANSCRIPT).stat()
        self._cache[name] = ((stat.st_ino, stat.st_mtime_ns, stat.st_size), transcript)
        keep_current(self.root, name)  # the change shows in search at once
