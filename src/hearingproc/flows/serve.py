"""Serve the hearingproc deployments from this process until stopped.

    python -m hearingproc.flows.serve [--name hearingproc] [--limit 1]

serves ``process-recording/<name>``, ``watch-inbox/<name>`` and ``evaluate/<name>``: a
Prefect runner polls the API for runs of them (started by ``hearingproc watch``, from the UI,
or with ``prefect deployment run``) and executes each in its own subprocess, at most
``--limit`` at a time, each with its share of the cores (``share_cores``). Needs
PREFECT_API_URL of a running Prefect server (``hearingproc watch`` starts one for its output
store when none is set).
"""

from __future__ import annotations

import argparse
import sys

from hearingproc._env import THREADS_ENV, apply_prefect_defaults, share_cores

apply_prefect_defaults()

from prefect import serve  # noqa: E402
from prefect.deployments.runner import EntrypointType, RunnerDeployment  # noqa: E402

from hearingproc.flows.evaluate import evaluate  # noqa: E402
from hearingproc.flows.process_recording import process_recording  # noqa: E402
from hearingproc.flows.watch_inbox import watch_inbox  # noqa: E402

DEFAULT_NAME = "hearingproc"


def deployment_names(name: str = DEFAULT_NAME) -> dict[str, str]:
    """The full names ('flow/deployment') of what ``serve`` serves, by flow."""
    return {flow_.name: f"{flow_.name}/{name}"
            for flow_ in (process_recording, watch_inbox, evaluate)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hearingproc.flows.serve",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--name", default=DEFAULT_NAME,
                        help="deployment name (default %(default)s)")
    parser.add_argument("--limit", type=int, default=1,
                        help="flow runs executed at once (default %(default)s)")
    args = parser.parse_args(argv)
    if args.limit < 1:
        parser.error("--limit must be at least 1")
    threads = share_cores(args.limit)  # before any run starts: runs inherit the environment
    deployments = []
    for flow_ in (process_recording, watch_inbox, evaluate):
        deployment = flow_.to_deployment(name=args.name, tags=["hearingproc"],
                                         entrypoint_type=EntrypointType.MODULE_PATH)
        # to_deployment returns a coroutine only when called from async code, not here
        if not isinstance(deployment, RunnerDeployment):
            raise TypeError(f"to_deployment returned {type(deployment).__name__}")
        deployments.append(deployment)
    print(f"serving {', '.join(deployment_names(args.name).values())} "
          f"(at most {args.limit} run(s) at once, {threads} CPU thread(s) each; "
          f"{THREADS_ENV} sets it)", flush=True)
    serve(*deployments, limit=args.limit, pause_on_shutdown=False,
          print_starting_message=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
