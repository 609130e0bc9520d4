"""Privacy settings: the telemetry switches on ``import hearingproc``, the rest once, at the
entry points (CLI, flows).

Hearings are confidential: no telemetry, no model-hub traffic. Values a user set explicitly
are left alone, except that telemetry can never be turned on through here. The telemetry
switches cannot wait for an entry point: onnxruntime reads ORT_DISABLE_TELEMETRY once, when it
is imported (setting it afterwards, or calling ``disable_telemetry_events()``, still records its
ProcessInfo event, measured with onnxruntime 1.32), and a script, a Prefect worker or a test
that imports hearingproc and runs a stage never passes through ``apply_private_defaults``.
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
    # onnxruntime (Silero voice activity) sends 1DS telemetry to mobile.events.data.microsoft.com
    # from its Linux wheels too, unless this is set before a session is created
    "ORT_DISABLE_TELEMETRY": "1",
}
_FORCED = ("DO_NOT_TRACK", "PYANNOTE_METRICS_ENABLED", "HF_HUB_DISABLE_TELEMETRY",
           "PREFECT_SERVER_ANALYTICS_ENABLED", "ORT_DISABLE_TELEMETRY")


def force_telemetry_off() -> None:
    """Turn every telemetry switch off in this process (``import hearingproc`` does this)."""
    for key in _FORCED:
        os.environ[key] = PRIVATE_ENV[key]


def apply_private_defaults() -> None:
    """Set the privacy environment for this process."""
    for key, value in PRIVATE_ENV.items():
        if key in _FORCED:
            os.environ[key] = value
        else:
            os.environ.setdefault(key, value)


PREFECT_ENV = {
    "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY": "false",  # forced, as telemetry is
    "PREFECT_TELEMETRY_ENABLE_RESOURCE_METRICS": "false",  # no OS metrics from flow runs
    # the embedded API server can take well over the default 20 s to start on a busy machine
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "180",
    "PREFECT_API_REQUEST_TIMEOUT": "120",
    "PREFECT_LOGGING_LOG_PRINTS": "false",
    "PREFECT_LOGGING_EXTRA_LOGGERS": "hearingproc",  # stage names, timings, counts; no text
}


def apply_prefect_defaults(home: str | None = None) -> None:
    """Privacy plus Prefect's settings for the flows; call before importing prefect.

    ``home`` becomes PREFECT_HOME (its SQLite database, when no PREFECT_API_URL is set) unless
    the user set PREFECT_HOME.
    """
    apply_private_defaults()
    for key, value in PREFECT_ENV.items():
        if key == "PREFECT_CLOUD_ENABLE_ORCHESTRATION_TELEMETRY":
            os.environ[key] = value
        else:
            os.environ.setdefault(key, value)
    if home is not None:
        os.environ.setdefault("PREFECT_HOME", home)
