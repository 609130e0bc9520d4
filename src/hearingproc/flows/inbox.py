"""An inbox folder of recordings: which files are ready, who takes each, where it goes after.

No Prefect here; ``flows/watch_inbox.py`` drives it. A recording moves through::

    INBOX/NAME                      dropped by a court or clinic (may still be growing)
    INBOX/processing/TOKEN__NAME    claimed by exactly one watcher (an atomic rename)
    INBOX/done/NAME                 processed, or a duplicate of a processed recording
    INBOX/quarantine/NAME           could not be processed; NAME.error.txt says why

A recording that fails as truncated while it may still be arriving (an upload that paused
longer than the settle time) goes back to ``INBOX/NAME`` instead, and is taken again once it
changes and settles; unchanged for ``stall_s`` it is quarantined with its error.

Two watchers over one inbox cannot both take a file: only one rename of ``INBOX/NAME``
succeeds. Two copies of one recording under different names cannot both be processed: each
claim also creates ``OUT/.hearingproc/claims/<sha256>.json`` with O_EXCL, and the second
copy finds it there. A sidecar ``NAME.meta.json`` travels with its recording.
"""

from __future__ import annotations

import json
import logging
import os
import socket
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from hearingproc._fsutil import atomic_write_text, pid_running, sha256_of_file
from hearingproc.errors import ConfigError
from hearingproc.pipeline.store import SIDECAR_SUFFIX, STORE_DIR

# kept here rather than imported from hearingproc.audio (which loads numpy and PyAV), so
# that claiming a file stays light
TRUNCATED = "audio is truncated"  # as hearingproc.audio.TRUNCATED, in every truncation error

log = logging.getLogger(__name__)

IGNORED_SUFFIXES = (SIDECAR_SUFFIX, ".part", ".tmp", ".crdownload", ".error.txt")
TOKEN_SEPARATOR = "__"  # processing/<token>__<name>


@dataclass(frozen=True)
class InboxOptions:
    settle_s: float = 2.0  # a file must keep its size and mtime this long before it is taken
    poll_s: float = 1.0  # seconds between scans of the inbox
    # a file found truncated is put back while it was written to less than this long ago (an
    # upload that paused past settle_s), and quarantined once it stays unchanged this long
    stall_s: float = 60.0

    def __post_init__(self) -> None:
        if self.settle_s < 0 or self.poll_s <= 0 or self.stall_s < 0:
            raise ConfigError(f"settle_s and stall_s must be >= 0 and poll_s > 0, got "
                              f"{self.settle_s}, {self.stall_s}, {self.poll_s}")


@dataclass(frozen=True)
class Claim:
    path: Path  # the recording, now under INBOX/processing/
    name: str  # its file name in the inbox
    sha256: str  # the recording id
    duplicate_of: str | None = None  # name of the first copy when these bytes were seen before
    signature: tuple[int, int] | None = None  # (size, mtime_ns) when claimed; None: unknown

    @property
    def stem(self) -> str:
        return Path(self.name).stem


def _carry_sidecar(recording: Path, moved_to: Path) -> None:
    """Move ``recording``'s NAME.meta.json, if it has one, beside it at ``moved_to``."""
    sidecar = recording.with_name(recording.name + SIDECAR_SUFFIX)
    if sidecar.is_file():
        os.replace(sidecar, moved_to.with_name(moved_to.name + SIDECAR_SUFFIX))


class Inbox:
    """One watcher's view of an inbox folder and the output store it feeds."""

    def __init__(self, inbox: Path, store: Path, options: InboxOptions = InboxOptions()) -> None:
        self.inbox, self.store, self.options = inbox, store, options
        self.processing = inbox / "processing"
        self.done = inbox / "done"
        self.quarantine = inbox / "quarantine"
        self.claims = store / STORE_DIR / "claims"
        for folder in (self.inbox, self.processing, self.done, self.quarantine, self.claims):
            folder.mkdir(parents=True, exist_ok=True)
        self._seen: dict[str, tuple[int, int]] = {}  # name -> (size, mtime_ns) at last scan
        # name -> ((size, mtime_ns), error) of truncated files put back to finish arriving
        self._waiting: dict[str, tuple[tuple[int, int], str]] = {}

    # --- finding ready files ----------------------------------------------------------------

    def ready(self) -> list[Path]:
        """Files that kept their size and mtime since the last scan and for settle_s; a
        truncated file put back (see :meth:`requeue`) only once it has changed."""
        now, ready, seen = time.time(), [], {}
        for path in sorted(self.inbox.iterdir()):
            if (path.name.startswith(".") or path.name.endswith(IGNORED_SUFFIXES)
                    or not path.is_file()):
                continue
            try:
                stat = path.stat()
            except FileNotFoundError:  # another watcher took it
                continue
            signature = (stat.st_size, stat.st_mtime_ns)
            seen[path.name] = signature
            waiting = self._waiting.get(path.name)
            if waiting is not None and waiting[0] == signature:
                continue  # as it was found truncated: quarantine_stalled() decides
            self._waiting.pop(path.name, None)  # it grew: settles like any new file
            if (self._seen.get(path.name) == signature
                    and now - stat.st_mtime >= self.options.settle_s):
                ready.append(path)
        self._seen = seen
        return ready

    # --- claiming ---------------------------------------------------------------------------

    def claim(self, path: Path) -> Claim | None:
        """Take ``path`` for this watcher; None when another watcher took it first."""
        token = uuid.uuid4().hex[:12]
        target = self.processing / f"{token}{TOKEN_SEPARATOR}{path.name}"
        try:
            os.rename(path, target)
        except FileNotFoundError:
            return None
        _carry_sidecar(path, target)
        stat = target.stat()  # before hashing: a write during it shows as a change later
        signature = (stat.st_size, stat.st_mtime_ns)
        sha256 = sha256_of_file(target)
        record = {"name": path.name, "processing": str(target), "host": socket.gethostname(),
                  "pid": os.getpid(), "claimed_at": time.time(), "status": "processing"}
        claim_file = self.claims / f"{sha256}.json"
        try:
            with open(claim_file, "x", encoding="utf-8") as handle:
                json.dump(record, handle)
        except FileExistsError:
            first = self._read_claim(claim_file).get("name", "?")
            log.info("inbox: %s is a duplicate of %s (%s)", path.name, first, sha256[:12])
            return Claim(target, path.name, sha256, duplicate_of=first, signature=signature)
        log.info("inbox: claimed %s (%s)", path.name, sha256[:12])
        return Claim(target, path.name, sha256, signature=signature)

    @staticmethod
    def _read_claim(claim_file: Path) -> dict:
        for _ in range(50):  # the O_EXCL winner may still be writing it
            try:
                data = json.loads(claim_file.read_text(encoding="utf-8"))
                if isinstance(data, dict):
                    return data
            except (OSError, json.JSONDecodeError):
                pass
            time.sleep(0.02)
        return {}

    # --- after processing -------------------------------------------------------------------

    def output_name(self, claim: Claim, out_dir: Path) -> str:
        """The inbox stem, or stem_<sha8> where another recording already has that folder."""
        existing = out_dir / claim.stem / "transcript.json"
        try:
            recording = json.loads(existing.read_text(encoding="utf-8"))["recording"]["id"]
        except (OSError, ValueError, KeyError, TypeError):
            return claim.stem
        return claim.stem if recording == claim.sha256 else f"{claim.stem}_{claim.sha256[:8]}"

    def _move(self, claim: Claim, folder: Path) -> Path:
        target = folder / claim.name
        if target.exists():
            target = folder / f"{claim.stem}.{claim.sha256[:8]}{Path(claim.name).suffix}"
        os.replace(claim.path, target)
        _carry_sidecar(claim.path, target)
        return target

    def finish(self, claim: Claim, output: str) -> Path:
        """A processed recording (or a duplicate) goes to INBOX/done/."""
        if claim.duplicate_of is None:
            record = {**self._read_claim(self.claims / f"{claim.sha256}.json"),
                      "status": "done", "output": output}
            atomic_write_text(self.claims / f"{claim.sha256}.json", json.dumps(record))
        return self._move(claim, self.done)

    def reject(self, claim: Claim, reason: str) -> Path:
        """A recording that cannot be processed goes to INBOX/quarantine/ with NAME.error.txt;
        its claim is released, so the same bytes dropped again are tried again."""
        target = self._move(claim, self.quarantine)
        atomic_write_text(target.with_name(target.name + ".error.txt"),
                          f"{claim.name}: {reason}\nsha256: {claim.sha256}\n")
        if claim.duplicate_of is None:
            (self.claims / f"{claim.sha256}.json").unlink(missing_ok=True)
        log.warning("inbox: quarantined %s", claim.name)
        return target

    def requeue(self, claim: Claim, reason: str) -> bool:
        """Put a recording whose processing failed back into the inbox when the failure may
        only mean that it is still arriving: it changed since it was claimed (the bytes
        processed are not the file's any more), or ``reason`` says it is truncated and it was
        written to less than stall_s ago (an upload that paused longer than settle_s). Its
        claim is released: the finished file has other bytes, hence another sha256.

        False, with nothing moved, otherwise, or when a new file of its name is in the inbox:
        then :meth:`reject` it.
        """
        try:
            stat = claim.path.stat()
        except FileNotFoundError:
            return False
        signature = (stat.st_size, stat.st_mtime_ns)
        changed = claim.signature is not None and signature != claim.signature
        recent = TRUNCATED in reason and time.time() - stat.st_mtime < self.options.stall_s
        if claim.duplicate_of is not None or not (changed or recent):
            return False
        target = self.inbox / claim.name
        try:
            os.link(claim.path, target)  # unlike a rename, never replaces a newer upload
            claim.path.unlink()
        except FileExistsError:
            return False
        except OSError:  # a share without hard links: a rename, after a look
            if target.exists():
                return False
            os.rename(claim.path, target)
        _carry_sidecar(claim.path, target)
        (self.claims / f"{claim.sha256}.json").unlink(missing_ok=True)
        if changed:
            log.warning("inbox: %s changed while it was processed; back in the inbox",
                        claim.name)
        else:  # taken again once it changes; quarantined if it stays like this
            self._waiting[claim.name] = (signature, reason)
            log.warning("inbox: %s is truncated; back in the inbox until it grows "
                        "(quarantined after %g s unchanged)", claim.name, self.options.stall_s)
        return True

    def quarantine_stalled(self) -> list[Path]:
        """Quarantine the truncated files put back by :meth:`requeue` that stayed unchanged
        for stall_s since they were last written; returns where each went."""
        now, moved = time.time(), []
        for name, (signature, reason) in list(self._waiting.items()):
            path = self.inbox / name
            try:
                stat = path.stat()
            except FileNotFoundError:
                # removed, or another watcher is trying it: remembered until stall_s after
                # its last write, so that, put back unchanged, it is not tried again here
                if now - signature[1] / 1e9 >= self.options.stall_s:
                    del self._waiting[name]
                continue
            quiet_s = now - stat.st_mtime
            if (stat.st_size, stat.st_mtime_ns) != signature or quiet_s < self.options.stall_s:
                continue
            del self._waiting[name]
            claim = self.claim(path)
            if claim is not None:
                moved.append(self.reject(claim, f"{reason} (unchanged for "
                                                f"{self.options.stall_s:g} s)"))
        return moved

    def recover(self) -> list[str]:
        """Put back into the inbox what a watcher on this host claimed and then died with."""
        host, recovered = socket.gethostname(), []
        for claim_file in sorted(self.claims.glob("*.json")):
            record = self._read_claim(claim_file)
            processing = Path(record.get("processing", ""))
            if (record.get("status") != "processing" or record.get("host") != host
                    or pid_running(int(record.get("pid", 0))) or not processing.is_file()):
                continue
            os.replace(processing, self.inbox / record["name"])
            claim_file.unlink(missing_ok=True)
            recovered.append(record["name"])
            log.warning("inbox: %s was claimed by a watcher that died; back in the inbox",
                        record["name"])
        return recovered
