"""Atomic file and folder writes: readers see the old version or the new one, never half."""

from __future__ import annotations

import ctypes
import errno
import functools
import hashlib
import importlib.util
import logging
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from hearingproc.errors import ModelError

if sys.platform != "win32":
    import fcntl

log = logging.getLogger(__name__)

HASH_CHUNK_BYTES = 1 << 20


def packaged_path(package: str, relative: str, what: str, hint: str) -> Path:
    """``relative`` (a file or folder) inside the installed ``package``, found without
    importing the package (model packages' ``__init__`` often pull in heavy libraries).

    Raises :class:`~hearingproc.errors.ModelError` naming ``what`` needs it, the problem
    and ``hint`` (how to reinstall) when the package or the path is not there.
    """
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError) as exc:
        raise ModelError(f"{what}: cannot locate package {package}; {hint}") from exc
    if spec is None or not spec.submodule_search_locations:
        raise ModelError(f"{what}: package {package} is not installed; {hint}")
    folders = [Path(folder) for folder in spec.submodule_search_locations]
    for folder in folders:
        if (folder / relative).exists():
            return folder / relative
    raise ModelError(f"{what}: {folders[0] / relative} is missing; {hint}")


def sha256_of_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        while chunk := handle.read(HASH_CHUNK_BYTES):
            digest.update(chunk)
    return digest.hexdigest()


@contextmanager
def atomic_binary(path: Path) -> Iterator[BinaryIO]:
    """Yield a binary stream whose content replaces ``path`` only when the block succeeds."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as stream:
            yield stream
            stream.flush()
            os.fsync(stream.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def atomic_write_text(path: Path, text: str) -> None:
    """Write ``text`` (UTF-8) to ``path`` through a temporary file and a rename."""
    with atomic_binary(path) as stream:
        stream.write(text.encode("utf-8"))


# --- folders replaced in one step ----------------------------------------------------------
#
# staged_dir swaps a finished staging folder with the target in one renameat2(RENAME_EXCHANGE):
# OUT/NAME is a real folder at every instant, holding the whole old or the whole new output,
# even when the writer is killed between two system calls. A versioned folder behind a symlink
# (OUT/NAME -> .NAME.v3) would also switch in one rename, and a reader that resolved the link
# once would read every file from one version; but it changes what every reader, copier and
# backup sees (the review app checks where links point and saves its edits inside OUT/NAME;
# rsync, zip and SMB shares each treat links their own way), and old versions would still have
# to be deleted under a slow reader. The exchange keeps OUT/NAME a plain folder, so nothing
# that reads it changes; a reader opening several files by name across a swap can still get
# some from each version, as before.
#
# Where the kernel or filesystem has no exchange the swap is two renames (NAME -> .NAME.old,
# staging -> NAME); a writer killed between them leaves only .NAME.old, and the next
# staged_dir of NAME, or a reader calling recover_swap, puts it back.
#
# Staging folders are named .NAME.<pid>.<random>.partial and their writer holds a shared
# flock on the folder while it lives, so the next staged_dir of NAME can tell a dead writer's
# leftover (no lock held) from a live one's, in any process or container on this machine and
# whatever became of the pid.

# <linux/fs.h>: swap the two paths atomically; both must exist
RENAME_EXCHANGE = 1 << 1
# <fcntl.h>: relative paths resolve against the working directory
AT_FDCWD = -100
# renameat2's number where libc has no wrapper (glibc before 2.28), from the kernel's tables
RENAMEAT2_SYSCALL = {"x86_64": 316, "aarch64": 276, "riscv64": 276}
# errno meaning "no exchange here": a kernel without renameat2 (ENOSYS), a filesystem without
# the flag (EINVAL, or EOPNOTSUPP from some network filesystems)
NO_EXCHANGE_ERRNOS = frozenset({errno.ENOSYS, errno.EINVAL, errno.EOPNOTSUPP})
# an unlocked staging folder this young whose pid runs may be one whose writer has made it and
# not yet locked it; older, the pid has been reused by another process
STAGING_GRACE_S = 60.0

Renameat2 = Callable[[Path, Path, int], int]


@functools.cache
def _renameat2() -> Renameat2 | None:
    """renameat2(AT_FDCWD, a, AT_FDCWD, b, flags) through libc (its wrapper, else the raw
    system call), returning 0 or -1 with errno set; None where there is none."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError:
        return None
    wrapper = getattr(libc, "renameat2", None)
    if wrapper is not None:
        wrapper.argtypes = (ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                            ctypes.c_uint)
        wrapper.restype = ctypes.c_int

        def through_wrapper(a: Path, b: Path, flags: int) -> int:
            return int(wrapper(AT_FDCWD, os.fsencode(a), AT_FDCWD, os.fsencode(b), flags))
        return through_wrapper
    number = RENAMEAT2_SYSCALL.get(platform.machine())
    if number is None:
        return None
    syscall = libc.syscall
    syscall.restype = ctypes.c_long

    def through_syscall(a: Path, b: Path, flags: int) -> int:
        return int(syscall(ctypes.c_long(number), ctypes.c_int(AT_FDCWD),
                           ctypes.c_char_p(os.fsencode(a)), ctypes.c_int(AT_FDCWD),
                           ctypes.c_char_p(os.fsencode(b)), ctypes.c_uint(flags)))
    return through_syscall


def _exchange(a: Path, b: Path) -> bool:
    """Swap the entries ``a`` and ``b`` in one step; False where this system cannot.

    Raises ``FileNotFoundError`` when either is missing, ``OSError`` for other failures.
    """
    call = _renameat2()
    if call is None:
        return False
    if call(a, b, RENAME_EXCHANGE) == 0:
        return True
    code = ctypes.get_errno()
    if code in NO_EXCHANGE_ERRNOS:
        return False
    raise OSError(code, os.strerror(code), str(a), None, str(b))


def _remove(path: Path) -> None:
    """Delete a folder tree, file or link if it is there."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _aside(target: Path) -> Path:
    return target.with_name(f".{target.name}.old")


def recover_swap(target: Path) -> None:
    """Finish a two-rename swap cut short: put ``.NAME.old`` back where ``NAME`` is missing,
    or drop it beside an existing ``NAME``. Readers may call it before looking for ``NAME``."""
    aside = _aside(target)
    if not os.path.lexists(aside):
        return
    if os.path.lexists(target):
        _remove(aside)
        return
    try:
        os.rename(aside, target)
    except FileNotFoundError:
        return  # another process restored or removed it first
    log.warning("%s was missing after an interrupted swap; restored the previous one", target)


def pid_running(pid: int) -> bool:
    """Whether a process with this pid exists (on this machine)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def _lock_staging(folder: Path) -> int | None:
    """Open ``folder`` and hold a shared lock on it for as long as the descriptor is open
    (None where folders cannot be locked)."""
    if sys.platform == "win32":
        return None
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
    except OSError:
        pass  # no locks on this filesystem: cleaners then leave the folder alone
    return fd


def _abandoned(folder: Path, pid: int) -> bool:
    """Whether no live writer owns the staging ``folder`` (named after the writer's ``pid``)."""
    if sys.platform == "win32":
        return False
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return False  # gone already, or not ours to read
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        os.close(fd)
        return False  # a live writer holds it, or locks cannot tell: keep it
    try:
        young = time.time() - os.fstat(fd).st_mtime < STAGING_GRACE_S
        return not (young and pid_running(pid))
    finally:
        os.close(fd)


def _clean_stale(target: Path) -> None:
    """Remove ``target``'s staging folders whose writers died, and undo a cut-short swap."""
    recover_swap(target)
    pattern = re.compile(rf"\.{re.escape(target.name)}\.(\d+)\.[^.]+\.partial")
    for entry in os.scandir(target.parent):
        match = pattern.fullmatch(entry.name)
        if match and _abandoned(Path(entry.path), int(match.group(1))):
            log.info("removing %s, left by a writer that died", entry.path)
            _remove(Path(entry.path))


def _swap_in(staging: Path, target: Path) -> None:
    """Put the ``staging`` folder at ``target``. After an exchange what ``target`` held is at
    ``staging``; after the two-rename fallback it is deleted."""
    try:
        if _exchange(staging, target):
            return
    except FileNotFoundError:
        os.rename(staging, target)  # no target yet: one rename is already one step
        return
    aside = _aside(target)
    _remove(aside)
    try:
        os.rename(target, aside)
    except FileNotFoundError:
        pass
    os.rename(staging, target)
    _remove(aside)


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``target``; on success it replaces ``target`` in
    one step (see the notes above).

    On any error the staging folder is removed and ``target`` (if it existed) is untouched.
    Staging folders of ``target`` left by writers that died are removed first. Two processes
    may write the same target at once; the last to finish wins (where there is no exchange,
    one of them may instead fail when the other's recovery puts ``.NAME.old`` back).
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    _clean_stale(target)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.{os.getpid()}.",
                                    suffix=".partial"))
    lock = _lock_staging(staging)
    try:
        yield staging
        _swap_in(staging, target)
    finally:
        _remove(staging)
        if lock is not None:
            os.close(lock)
