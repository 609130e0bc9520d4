"""Handing freed heap pages back to the system (core: used from the audio decode up to the
stages' model release)."""

from __future__ import annotations

import ctypes
import ctypes.util
import functools
from collections.abc import Callable


@functools.cache
def _malloc_trim() -> Callable[[int], int] | None:
    name = ctypes.util.find_library("c")
    try:
        return ctypes.CDLL(name).malloc_trim if name else None
    except (OSError, AttributeError):  # not glibc (musl, macOS): nothing to trim
        return None


def return_free_memory() -> None:
    """Hand the heap's free pages back to the system (glibc ``malloc_trim``; nothing
    elsewhere). A stage's freed models and buffers otherwise stay in the process's resident
    memory, so the next stage's peak stands on top of them: after diarizing a 10-minute
    hearing, freeing its models and buffers left 1,372 MiB resident, trimming 1,022."""
    trim = _malloc_trim()
    if trim is not None:
        trim(0)
