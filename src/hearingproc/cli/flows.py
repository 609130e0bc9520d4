"""The CLI's way into the Prefect flows in ``flows/``: ``hearingproc watch`` and
``hearingproc process --flow``. Prefect is imported only here, inside the commands, after the
environment (telemetry off, Prefect's home under the output store) is set."""

from __future__ import annotations

import contextlib
import importlib
import logging
import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import click

from hearingproc._env import apply_prefect_defaults
from hearingproc.errors import ConfigError, HearingProcError, ServiceError
from hearingproc.flows.local_api import (
    DEFAULT_PORT,
    STOP_BOUND_S,
    LocalServer,
    TemporaryServer,
    begin_stop,
    child,
    kill_children,
    stop_child,
)
from hearingproc.pipeline.store import STORE_DIR


def prefect_home(out_dir: Path) -> Path:
    """Where Prefect keeps its SQLite database for runs into ``out_dir`` (unless PREFECT_HOME
    or PREFECT_API_URL says otherwise)."""
    return out_dir.resolve() / STORE_DIR / "prefect"


def _configure_prefect(out_dir: Path) -> Path:
    """Prefect's settings for runs into ``out_dir`` (see ``apply_prefect_defaults``); returns
    its home folder, made."""
    apply_prefect_defaults(str(prefect_home(out_dir)))
    home = Path(os.environ["PREFECT_HOME"]).expanduser()
    home.mkdir(parents=True, exist_ok=True)
    return home


def load_flows(module: str, out_dir: Path) -> ModuleType:
    """Import ``hearingproc.flows.<module>`` with Prefect configured for runs into ``out_dir``."""
    _configure_prefect(out_dir)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per API call otherwise
    return importlib.import_module(f"hearingproc.flows.{module}")


@contextlib.contextmanager
def _temporary_api(out_dir: Path) -> Iterator[None]:
    """Unless PREFECT_API_URL is set: a :class:`TemporaryServer` for runs into ``out_dir``
    (its database in the store) and PREFECT_API_URL set to it for the block; logs and events
    still held are sent to it before it stops."""
    if os.environ.get("PREFECT_API_URL"):
        yield
        return
    _configure_prefect(out_dir)
    with TemporaryServer() as api_url:
        os.environ["PREFECT_API_URL"] = api_url
        try:
            yield
        finally:
            _flush_to_server()
            os.environ.pop("PREFECT_API_URL", None)


def process_with_flow(audio: tuple[Path, ...], names: list[str], out_dir: Path,
                      options: dict[str, Any], meta_path: Path | None) -> list[int]:
    """One process_recording flow run per recording; the exit codes of the failures."""
    with _temporary_api(out_dir):
        return _process_with_flow(audio, names, out_dir, options, meta_path)


def _process_with_flow(audio: tuple[Path, ...], names: list[str], out_dir: Path,
                       options: dict[str, Any], meta_path: Path | None) -> list[int]:
    flows = load_flows("process_recording", out_dir)
    failures = []
    for path, name in zip(audio, names, strict=True):
        state = flows.process_recording(str(path.resolve()), str(out_dir.resolve()), name=name,
                                        options=options,
                                        meta_path=str(meta_path) if meta_path else None,
                                        return_state=True)
        if state.is_completed():
            click.echo(f"{path} -> {state.result()}")
            continue
        error = state.result(raise_on_failure=False)
        code = error.exit_code if isinstance(error, HearingProcError) else 1
        failures.append(code)
        click.echo(f"hearingproc: error: {error}", err=True)
    return failures


def _wait_for_deployment(name: str, server: subprocess.Popen, timeout_s: float = 300) -> None:
    """Until the deployment ``name`` exists on the API (the serving process registers it)."""
    from prefect.client.orchestration import get_client
    from prefect.exceptions import ObjectNotFound

    deadline = time.monotonic() + timeout_s
    with get_client(sync_client=True) as client:
        while True:
            try:
                client.read_deployment_by_name(name)
                return
            except ObjectNotFound:
                pass
            if server.poll() is not None:
                raise ServiceError(f"serving the deployments failed (exit code "
                                   f"{server.returncode}); see the lines above")
            if time.monotonic() > deadline:
                raise ServiceError(f"deployment {name} did not appear within {timeout_s:.0f} s")
            time.sleep(1.0)


@contextlib.contextmanager
def _serving(serving: ModuleType, limit: int) -> Iterator[str]:
    """``python -m hearingproc.flows.serve`` in a subprocess for the block; yields the name of the
    process-recording deployment it serves (``serving``: that module, imported here)."""
    server = child([sys.executable, "-m", "hearingproc.flows.serve", "--limit", str(limit)])
    try:
        name = serving.deployment_names()["process-recording"]
        _wait_for_deployment(name, server)
        yield name
    finally:
        stop_child(server)


_stopping = False
FLUSH_TIMEOUT_S = 10.0  # for the watcher's last logs and events to reach its Prefect server


def _flush_to_server() -> None:
    """Send the logs and events this process still holds to the Prefect server before it is
    stopped (at interpreter exit Prefect would retry them against a server that is gone)."""
    if "prefect" not in sys.modules:
        return
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    for service in (APILogWorker, EventsWorker):
        service.drain_all(timeout=FLUSH_TIMEOUT_S, at_exit=False)


def _give_up() -> None:
    """The watchdog: the clean stop took longer than STOP_BOUND_S; kill the children and
    leave now."""
    kill_children()
    sys.stderr.write(f"hearingproc: watch did not stop cleanly within {STOP_BOUND_S:.0f} s; "
                     "its server and runner were killed\n")
    sys.stderr.flush()
    os._exit(1)


def _interrupt(signum: int, frame: Any) -> None:
    """SIGINT or SIGTERM: the runner is asked to stop at once (the server once the watcher
    has flushed to it; see ``local_api``), a watchdog bounds the whole stop at STOP_BOUND_S,
    and KeyboardInterrupt unwinds the watcher, cleaning up. A second signal during the stop
    gives up at once."""
    global _stopping
    if _stopping:
        _give_up()
    _stopping = True
    begin_stop()
    watchdog = threading.Timer(STOP_BOUND_S, _give_up)
    watchdog.daemon = True
    watchdog.start()
    raise KeyboardInterrupt


def _sigterm_stops_the_watch(flow: Any, flow_run: Any, state: Any) -> None:
    """The watch run's on_running hook: SIGTERM goes back to ``_interrupt``. While a flow
    runs, Prefect's engine puts in a SIGTERM handler of its own, which raises
    TerminationSignal and so ends the run Crashed; for the watcher SIGTERM is a stop like
    Ctrl-C, which the watch flow ends Completed. (Not under a runner: the watch run is this
    process, so no runner's cancellation comes by SIGTERM.)"""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


@click.command()
@click.argument("inbox", type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output store; each recording gets OUT/<inbox stem>/.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="TOML file with pipeline options.")
@click.option("--settle", "settle_s", type=click.FloatRange(min=0), default=2.0,
              show_default=True, help="Seconds a file must stop growing before it is taken.")
@click.option("--stall", "stall_s", type=click.FloatRange(min=0), default=60.0,
              show_default=True, help="Seconds a file found truncated must stay unchanged "
              "before it is quarantined (until then it is taken as an upload still arriving).")
@click.option("--poll", "poll_s", type=click.FloatRange(min=0.1), default=1.0,
              show_default=True, help="Seconds between scans of the inbox.")
@click.option("--max-polls", type=click.IntRange(min=1), default=None,
              help="Stop after this many scans (default: watch until stopped).")
@click.option("--limit", type=click.IntRange(min=1), default=1, show_default=True,
              help="Recordings processed at once by the served deployment.")
@click.option("--ui-port", type=click.IntRange(0, 65535), default=DEFAULT_PORT,
              show_default=True, help="Port of the Prefect server (and its UI) started for OUT "
              "when PREFECT_API_URL is not set; another free port when it is taken.")
@click.option("--in-process", is_flag=True, help="Process each recording inside this process "
              "(models loaded once; a temporary Prefect API of its own unless PREFECT_API_URL is "
              "set) instead of serving deployments.")
@click.option("--deployment", default=None, help="Hand each recording to this deployment's "
              "work pool (e.g. process-recording/hearings) instead of serving one here; "
              "needs PREFECT_API_URL of a Prefect server. See README, Beyond one machine.")
def watch(inbox: Path, out_dir: Path, config_path: Path | None, settle_s: float, stall_s: float,
          poll_s: float, max_polls: int | None, limit: int, ui_port: int, in_process: bool,
          deployment: str | None) -> None:
    """Process every recording dropped into INBOX, once, until stopped (Ctrl-C).

    By default serves the process-recording, watch-inbox and evaluate deployments (starting a
    Prefect server with its UI for OUT when PREFECT_API_URL is not set) and runs each new
    recording as a run of process-recording. Finished inputs go to INBOX/done/, inputs that
    cannot be processed to INBOX/quarantine/ with NAME.error.txt; two watchers may share an
    inbox."""
    from hearingproc.config import load_config

    if in_process and deployment:
        raise ConfigError("--in-process and --deployment exclude each other")
    options = load_config(config_path).public_options()
    signal.signal(signal.SIGTERM, _interrupt)
    signal.signal(signal.SIGINT, _interrupt)
    try:
        with contextlib.ExitStack() as stack:
            serve = not in_process and not deployment
            if serve and not os.environ.get("PREFECT_API_URL"):
                api_url = stack.enter_context(LocalServer(_configure_prefect(out_dir), ui_port))
                stack.callback(_flush_to_server)  # runs before the server is stopped
                os.environ["PREFECT_API_URL"] = api_url
                click.echo(f"Prefect UI: {api_url.removesuffix('/api')}", err=True)
            if in_process:
                stack.enter_context(_temporary_api(out_dir))
            if deployment and not os.environ.get("PREFECT_API_URL"):
                raise ConfigError("--deployment needs PREFECT_API_URL, the API of the Prefect "
                                  "server whose work pool runs that deployment")
            flows = load_flows("watch_inbox", out_dir)
            if serve:
                deployment = stack.enter_context(_serving(load_flows("serve", out_dir), limit))
            watch_run = flows.watch_inbox.with_options(on_running=[_sigterm_stops_the_watch])
            counts = watch_run(str(inbox.resolve()), str(out_dir.resolve()), options=options,
                               poll_s=poll_s, settle_s=settle_s, stall_s=stall_s,
                               max_polls=max_polls, deployment=deployment)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
        return
    click.echo(" ".join(f"{k}={v}" for k, v in counts.items()))
