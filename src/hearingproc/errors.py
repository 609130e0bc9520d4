"""The exception hierarchy. Every message says what failed, on which file, and what to do.

The CLI maps each class to an exit code (see ``EXIT_CODES``); library code raises these
``from`` the underlying cause so the original traceback stays available at DEBUG.
"""

from __future__ import annotations


class HearingProcError(Exception):
    """Base class of every error hearingproc raises on purpose."""

    exit_code = 1


class ConfigError(HearingProcError, ValueError):
    """An option or setting is invalid or conflicts with another."""

    exit_code = 2


class AudioError(HearingProcError):
    """An input recording cannot be used: missing, unreadable, corrupt or empty."""

    exit_code = 3


class ModelError(HearingProcError):
    """A model is missing, corrupt, or cannot be loaded."""

    exit_code = 4


class TranscriptError(HearingProcError):
    """A transcript file is malformed or of an unknown schema version."""

    exit_code = 5


class EvaluationError(HearingProcError):
    """A manifest or reference cannot be read, or scores miss their thresholds."""

    exit_code = 6


class ServiceError(HearingProcError):
    """A service hearingproc starts for itself (the local Prefect server) failed."""

    exit_code = 7
