"""Prefect servers started and stopped by the CLI, as children that die with it.

Serving deployments needs an API that outlives any one flow run, which Prefect's embedded
per-process API is not. When no PREFECT_API_URL is set, the watcher starts ``prefect server
start`` on 127.0.0.1 with its SQLite database under ``OUT/.hearingproc/prefect/`` and stops it
when the watcher stops (:class:`LocalServer`). One server per store: a lock says who started
it, and ``server.json`` says where it listens, so a second watcher over the same store is told
where to find it rather than starting a second server on the same database.

``process --flow`` and ``watch --in-process`` need an API only for their own runs; they start
:class:`TemporaryServer`, what Prefect would start by itself, but as a child that a
``kill -9`` of the command takes down too.

Nothing here imports Prefect; the servers run in subprocesses.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from types import TracebackType

from hearingproc._fsutil import atomic_write_text
from hearingproc.errors import ConfigError, ServiceError

log = logging.getLogger(__name__)

DEFAULT_PORT = 4200  # Prefect's usual port; another free one is taken when it is busy
START_TIMEOUT_S = 300.0  # a cold start takes ~25 s on two busy cores, migrations included


def free_port(preferred: int = 0, host: str = "127.0.0.1") -> int:
    """A TCP port nothing listens on right now on ``host`` (IPv4): ``preferred`` when it is
    free, else one the system picks (``preferred=0``: always the system's pick)."""
    for port in (preferred, 0):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
            try:
                probe.bind((host, port))
            except OSError:
                continue
            return int(probe.getsockname()[1])
    raise ServiceError(f"no free TCP port on {host}")


def _die_with_parent() -> None:
    """In a child before exec: its own session (a Ctrl-C meant for the watcher does not
    reach it; the watcher stops it in order) and SIGTERM when the watcher dies (Linux), so a
    killed watcher leaves no server behind."""
    os.setsid()
    signal.signal(signal.SIGINT, signal.SIG_DFL)  # even when the watcher was started ignoring it
    try:
        import ctypes

        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


# How a stopping watcher takes its children down. The children that only serve it (the
# runner) are asked to stop (SIGINT) the moment the signal comes, so they shut down while the
# watcher's own flow run ends; the Prefect server stays up until the watcher has sent it its
# last logs and events, and is then asked in turn. Each child still running STOP_GRACE_S after
# it was asked is killed with its whole process group. Whatever else hangs, the watcher gives
# up at STOP_BOUND_S after the signal.
STOP_GRACE_S = 20.0
STOP_BOUND_S = 60.0

_children: list[subprocess.Popen] = []  # live service children of this process
_early: set[int] = set()  # pids of children asked to stop as soon as a stop begins
_deadlines: dict[int, float] = {}  # pid -> monotonic time after which it is killed


def child(args: list[str], stop_early: bool = True, **kwargs: object) -> subprocess.Popen:
    """Start a service subprocess of the watcher (see ``_die_with_parent``); ``stop_early``:
    ask it to stop as soon as the watcher begins to stop (see :func:`begin_stop`)."""
    process = subprocess.Popen(args, stdin=subprocess.DEVNULL, preexec_fn=_die_with_parent,
                               **kwargs)  # type: ignore[call-overload]
    _children.append(process)
    if stop_early:
        _early.add(process.pid)
    return process


def _ask_to_stop(process: subprocess.Popen) -> None:
    """SIGINT, once; its grace period starts now."""
    if process.poll() is None and process.pid not in _deadlines:
        _deadlines[process.pid] = time.monotonic() + STOP_GRACE_S
        try:
            process.send_signal(signal.SIGINT)
        except ProcessLookupError:
            pass


def _kill_group(process: subprocess.Popen) -> None:
    """SIGKILL to the child's process group (it leads its own session: see
    ``_die_with_parent``), so what it started dies with it."""
    for kill in (lambda: os.killpg(process.pid, signal.SIGKILL), process.kill):
        try:
            kill()
        except (ProcessLookupError, PermissionError):
            pass
    try:
        process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        log.warning("service process %d did not die after SIGKILL", process.pid)


def begin_stop() -> None:
    """Ask the children started with ``stop_early`` to stop now (from a signal handler: it
    only sends signals)."""
    for process in list(_children):
        if process.pid in _early:
            _ask_to_stop(process)


def kill_children() -> None:
    """Kill every live child and its process group at once (the last resort)."""
    for process in list(_children):
        if process.poll() is None:
            _kill_group(process)


def stop_child(process: subprocess.Popen) -> None:
    """SIGINT (a clean shutdown) unless it was asked already, then SIGKILL to its process
    group at the end of its grace period (STOP_GRACE_S after it was asked)."""
    _ask_to_stop(process)
    deadline = _deadlines.get(process.pid, time.monotonic())
    try:
        process.wait(timeout=max(0.0, deadline - time.monotonic()))
    except subprocess.TimeoutExpired:
        log.warning("service process %d did not stop within its grace period; killing it",
                    process.pid)
        _kill_group(process)
    if process in _children:
        _children.remove(process)
    _early.discard(process.pid)
    _deadlines.pop(process.pid, None)


def healthy(api_url: str, timeout_s: float = 5.0) -> bool:
    """Whether the Prefect API at ``api_url`` answers its health check."""
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=timeout_s) as reply:
            return reply.status == 200
    except OSError:
        return False


def _await_health(process: subprocess.Popen, api_url: str, what: str, timeout_s: float,
                  see: str) -> None:
    """Until the server ``process`` answers at ``api_url``; ServiceError when it exits or
    ``timeout_s`` passes first (``see``: where its output went)."""
    deadline = time.monotonic() + timeout_s
    while not healthy(api_url):
        if process.poll() is not None:
            raise ServiceError(f"{what} exited with code {process.returncode}; see {see}")
        if time.monotonic() > deadline:
            raise ServiceError(f"{what} did not answer within {timeout_s:.0f} s; see {see}")
        time.sleep(0.5)


class _ServerChild:
    """A Prefect API server run as our child for a ``with`` block, which yields its URL:
    started by ``_start`` (stopped again when the start fails), stopped at the block's end."""

    def __init__(self) -> None:
        self.api_url = ""
        self._process: subprocess.Popen | None = None

    def __enter__(self) -> str:
        try:
            self._start()
        except BaseException:
            self._stop()
            raise
        return self.api_url

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._stop()

    def _start(self) -> None:
        raise NotImplementedError

    def _stop(self) -> None:
        if self._process is not None:
            stop_child(self._process)
        self._process = None


class LocalServer(_ServerChild):
    """``with LocalServer(home) as api_url:`` a Prefect server on 127.0.0.1 for that block."""

    def __init__(self, home: Path, port: int = DEFAULT_PORT,
                 start_timeout_s: float = START_TIMEOUT_S) -> None:
        super().__init__()
        self.home, self.port, self.start_timeout_s = home, port, start_timeout_s
        self.info_path = home / "server.json"
        self.log_path = home / "server.log"
        self._lock: int | None = None

    def __enter__(self) -> str:
        self.home.mkdir(parents=True, exist_ok=True)
        self._lock = os.open(self.home / "server.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(self._lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(self._lock)
            self._lock = None
            raise ConfigError(self._busy_message()) from None
        return super().__enter__()

    def _busy_message(self) -> str:
        try:
            url = json.loads(self.info_path.read_text(encoding="utf-8"))["api_url"]
        except (OSError, ValueError, KeyError):
            url = "(starting)"
        return (f"{self.home}: another hearingproc watch already runs a Prefect server for "
                f"this output store, API {url}; set PREFECT_API_URL={url} to share it, or "
                "run this watcher with --in-process")

    def _start(self) -> None:
        port = free_port(self.port)
        self.api_url = f"http://127.0.0.1:{port}/api"
        env = dict(os.environ, PREFECT_HOME=str(self.home))
        env.pop("PREFECT_API_URL", None)
        with open(self.log_path, "ab") as handle:
            self._process = child(
                [sys.executable, "-m", "prefect", "server", "start", "--host", "127.0.0.1",
                 "--port", str(port)], stop_early=False, env=env, stdout=handle,
                stderr=subprocess.STDOUT)
        log.info("starting a Prefect server for %s on 127.0.0.1:%d (log %s)", self.home, port,
                 self.log_path)
        _await_health(self._process, self.api_url, f"the Prefect server for {self.home}",
                      self.start_timeout_s, str(self.log_path))
        atomic_write_text(self.info_path, json.dumps(
            {"api_url": self.api_url, "pid": self._process.pid}))
        log.info("Prefect server ready: UI at %s", self.api_url.removesuffix("/api"))

    def _stop(self) -> None:
        super()._stop()
        if self._lock is not None:
            self.info_path.unlink(missing_ok=True)
            os.close(self._lock)
            self._lock = None


# What Prefect's own temporary server runs (prefect.server.api.server.SubprocessASGIServer,
# Prefect 3.9): its API app under uvicorn, no UI, the services of an ephemeral server.
EPHEMERAL_ENV = {"PREFECT_UI_ENABLED": "0", "PREFECT__SERVER_EPHEMERAL": "1",
                 "PREFECT__SERVER_FINAL": "1"}
EPHEMERAL_TIMEOUT_ENV = "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS"  # its start bound


class TemporaryServer(_ServerChild):
    """``with TemporaryServer() as api_url:`` a private Prefect API on 127.0.0.1 for the block.

    It is the server Prefect starts by itself when no PREFECT_API_URL is set (same command and
    settings; SQLite under PREFECT_HOME), but a child of ours (see ``_die_with_parent``):
    Prefect stops its own only at a clean interpreter exit, so a ``kill -9`` left it
    listening. No lock: as with Prefect's, several may share one database."""

    def _start(self) -> None:
        port = free_port(0)
        self.api_url = f"http://127.0.0.1:{port}/api"
        env = dict(os.environ, **EPHEMERAL_ENV)
        env.pop("PREFECT_API_URL", None)
        self._process = child(
            [sys.executable, "-m", "uvicorn", "--factory", "prefect.server.api.server:create_app",
             "--host", "127.0.0.1", "--port", str(port), "--log-level", "error",
             "--lifespan", "on"], stop_early=False, env=env)
        log.info("starting a temporary Prefect API on 127.0.0.1:%d", port)
        _await_health(self._process, self.api_url, "the temporary Prefect API",
                      float(os.environ.get(EPHEMERAL_TIMEOUT_ENV, START_TIMEOUT_S)),
                      "the lines above")
