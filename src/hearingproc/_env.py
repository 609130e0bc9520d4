"""Privacy settings applied once, at the entry points (CLI, flows), never on import.

Hearings are confidential: no telemetry, no model-hub traffic. Values a user set explicitly
are left alone, except that telemetry can never be turned on through here.
"""

from __future__ import annotations

import os

PRIVATE_ENV = {
    "DO_NOT_TRACK": "1",  # Prefect and others
    "PYANNOTE_METRICS_ENABLED": "false",  # pyannote.audio telemetry is on by default
    "HF_HUB_OFFLINE": "1",  # never reach a model hub
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
}
_FORCED = ("DO_NOT_TRACK", "PYANNOTE_METRICS_ENABLED", "HF_HUB_DISABLE_TELEMETRY",
           "PREFECT_SERVER_ANALYTICS_ENABLED")


def apply_private_defaults() -> None:
    """Set the privacy environment for this process."""
    for key, value in PRIVATE_ENV.items():
        if key in _FORCED:
            os.environ[key] = value
        else:
            os.environ.setdefault(key, value)
