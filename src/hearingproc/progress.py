"""Progress reporting: the library calls a callback, the CLI and flows decide what to show."""

from __future__ import annotations

from collections.abc import Callable

Progress = Callable[[str, int, int], None]  # (step, completed, total)


def no_progress(step: str, completed: int, total: int) -> None:
    """The default callback: report nothing."""
