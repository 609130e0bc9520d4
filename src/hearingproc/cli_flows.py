"""The CLI's way into the Prefect flows in ``flows/``: ``hearingproc watch`` and
``hearingproc process --flow``. Prefect is imported only here, inside the commands, after the
environment (telemetry off, Prefect's home under the output store) is set."""

from __future__ import annotations

import importlib
import logging
import os
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import click

from hearingproc._env import apply_prefect_defaults
from hearingproc.errors import ConfigError, HearingProcError

REPO = Path(__file__).resolve().parents[2]  # flows/ sits beside src/ in a checkout


def prefect_home(out_dir: Path) -> Path:
    """Where Prefect keeps its SQLite database for runs into ``out_dir`` (unless PREFECT_HOME
    or PREFECT_API_URL says otherwise)."""
    from hearingproc.stagewise import STORE_DIR

    return out_dir.resolve() / STORE_DIR / "prefect"


def load_flows(module: str, out_dir: Path) -> ModuleType:
    """Import ``flows/<module>.py`` with Prefect configured for runs into ``out_dir``."""
    if not (REPO / "flows" / f"{module}.py").is_file():
        raise ConfigError(f"{REPO / 'flows'}: the Prefect flows are not there; run hearingproc "
                          "from a checkout of the repository to use them")
    apply_prefect_defaults(str(prefect_home(out_dir)))
    Path(os.environ["PREFECT_HOME"]).expanduser().mkdir(parents=True, exist_ok=True)
    logging.getLogger("httpx").setLevel(logging.WARNING)  # one line per API call otherwise
    if str(REPO) not in sys.path:
        sys.path.insert(0, str(REPO))
    return importlib.import_module(f"flows.{module}")


def process_with_flow(audio: tuple[Path, ...], names: list[str], out_dir: Path,
                      options: dict[str, Any], meta_path: Path | None) -> list[int]:
    """One process_recording flow run per recording; the exit codes of the failures."""
    flows = load_flows("process_recording", out_dir)
    failures = []
    for path, name in zip(audio, names):
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


@click.command()
@click.argument("inbox", type=click.Path(path_type=Path, file_okay=False))
@click.option("--out", "out_dir", required=True, type=click.Path(path_type=Path),
              help="Output store; each recording gets OUT/<inbox stem>/.")
@click.option("--config", "config_path", type=click.Path(path_type=Path), default=None,
              help="TOML file with pipeline options.")
@click.option("--settle", "settle_s", type=click.FloatRange(min=0), default=2.0,
              show_default=True, help="Seconds a file must stop growing before it is taken.")
@click.option("--poll", "poll_s", type=click.FloatRange(min=0.1), default=1.0,
              show_default=True, help="Seconds between scans of the inbox.")
@click.option("--max-polls", type=click.IntRange(min=1), default=None,
              help="Stop after this many scans (default: watch until stopped).")
@click.option("--deployment", default=None, help="Hand each recording to this deployment's "
              "work pool (e.g. process-recording/hearings) instead of processing it here; "
              "needs PREFECT_API_URL of a Prefect server. See README, Beyond one machine.")
def watch(inbox: Path, out_dir: Path, config_path: Path | None, settle_s: float, poll_s: float,
          max_polls: int | None, deployment: str | None) -> None:
    """Process every recording dropped into INBOX, once, until stopped (Ctrl-C).

    Finished inputs go to INBOX/done/, inputs that cannot be processed to INBOX/quarantine/
    with NAME.error.txt; two watchers may share an inbox."""
    from hearingproc.config import load_config

    options = load_config(config_path).public_options()
    flows = load_flows("watch_inbox", out_dir)
    try:
        counts = flows.watch_inbox(str(inbox.resolve()), str(out_dir.resolve()), options=options,
                                   poll_s=poll_s, settle_s=settle_s, max_polls=max_polls,
                                   deployment=deployment)
    except KeyboardInterrupt:
        click.echo("stopped", err=True)
        return
    click.echo(" ".join(f"{k}={v}" for k, v in counts.items()))
