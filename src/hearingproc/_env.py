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
    """Set the privacy environment for this process (and the thread count, see
    :func:`cpu_threads`)."""
    for key, value in PRIVATE_ENV.items():
        if key in _FORCED:
            os.environ[key] = value
        else:
            os.environ.setdefault(key, value)
    _threads_for_libraries()


THREADS_ENV = "HEARINGPROC_THREADS"
# read once by torch, its BLAS and OpenMP when they load: set before the first model is used
_LIBRARY_THREADS = ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS")


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def cpu_threads() -> int:
    """CPU threads one recording's models use (CTranslate2's intra-op threads, torch's through
    OMP_NUM_THREADS): HEARINGPROC_THREADS when set, else every core this process may use."""
    from hearingproc.errors import ConfigError

    value = os.environ.get(THREADS_ENV, "").strip()
    if not value:
        return _cores()
    try:
        threads = int(value)
    except ValueError:
        raise ConfigError(f"{THREADS_ENV}={value!r} is not a whole number of threads") from None
    if threads < 1:
        raise ConfigError(f"{THREADS_ENV}={value!r}: give at least 1 thread")
    return threads


def _threads_for_libraries() -> None:
    if os.environ.get(THREADS_ENV, "").strip():
        threads = str(cpu_threads())
        for key in _LIBRARY_THREADS:
            os.environ.setdefault(key, threads)


def share_cores(runs: int) -> int:
    """Divide this machine's cores among ``runs`` recordings processed side by side by this
    process's children (a served deployment's flow runs inherit the environment): each gets
    cores // runs threads (at least 1) unless the user set HEARINGPROC_THREADS. Returns it.

    Every run otherwise takes a thread per core for CTranslate2 and for torch, and on a busy
    machine OpenMP's spinning workers slow each other's beam searches far more than the cores
    lost (one batch of 8 short turns: 7-35 s wall with two runs at 2 threads each on 2 cores,
    2.8-3.5 s at 1 thread)."""
    if runs > 1 and not os.environ.get(THREADS_ENV, "").strip():
        os.environ[THREADS_ENV] = str(max(1, _cores() // runs))
    _threads_for_libraries()
    return cpu_threads()


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
