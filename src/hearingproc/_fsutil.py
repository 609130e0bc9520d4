"""Atomic file and folder writes: readers see the old version or the new one, never half."""

from __future__ import annotations

import hashlib
import importlib.util
import os
import shutil
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import BinaryIO

from hearingproc.errors import ModelError

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


@contextmanager
def staged_dir(target: Path) -> Iterator[Path]:
    """Yield an empty staging folder beside ``target``; on success it replaces ``target``.

    On any error the staging folder is removed and ``target`` (if it existed) is untouched.
    An older ``target`` is moved aside first and deleted only after the new one is in place.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial"))
    try:
        yield staging
        old = target.with_name(f".{target.name}.old")
        if target.exists():
            shutil.rmtree(old, ignore_errors=True)
            target.rename(old)
        staging.rename(target)
        shutil.rmtree(old, ignore_errors=True)
    finally:
        shutil.rmtree(staging, ignore_errors=True)
