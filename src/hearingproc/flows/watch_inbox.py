"""Prefect flow: process every recording that arrives in an inbox folder, once.

The watcher scans INBOX every ``poll_s`` seconds, takes a file only after it has kept its
size for ``settle_s`` seconds, claims it atomically (so two watchers over one inbox never take
the same file, and a second copy of the same bytes is recognised as a duplicate), and starts
one ``process_recording`` flow run for it. A recording that cannot be processed goes to
INBOX/quarantine/ with NAME.error.txt; the watcher itself keeps running. One found truncated
while it may still be arriving (written to less than ``stall_s`` ago, or changed while it was
processed) goes back into INBOX instead, and is taken again once it grows and settles. See
``hearingproc.flows.inbox`` for the folders.

``max_polls`` / ``stop_when_idle`` end the loop (for a scheduled run or a test); by default
it watches until stopped.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any
from uuid import UUID

from hearingproc._env import apply_prefect_defaults

apply_prefect_defaults()

from prefect import flow  # noqa: E402
from prefect.logging import get_run_logger  # noqa: E402

from hearingproc.flows.inbox import Claim, Inbox, InboxOptions  # noqa: E402
from hearingproc.flows.process_recording import process_recording  # noqa: E402


def _reason(state: Any) -> str:
    """One line saying why a process_recording run failed (never transcript text)."""
    error = state.result(raise_on_failure=False)
    if isinstance(error, BaseException):
        return f"{type(error).__name__}: {' '.join(str(error).split())}"
    return state.message or "the processing run failed"


def _failed(box: Inbox, claim: Claim, reason: str, counts: dict[str, int]) -> None:
    """Back to the inbox when the recording may still be arriving, else to quarantine."""
    if box.requeue(claim, reason):
        counts["requeued"] += 1
    else:
        box.reject(claim, reason)
        counts["quarantined"] += 1


def _handle(box: Inbox, claim: Claim, out_dir: str, options: dict[str, Any] | None,
            counts: dict[str, int]) -> None:
    logger = get_run_logger()
    if claim.duplicate_of is not None:
        box.finish(claim, output="")
        counts["duplicates"] += 1
        logger.info("duplicate recording %s (same bytes as %s): not processed again",
                    claim.sha256[:12], claim.duplicate_of)
        return
    state = process_recording(str(claim.path), out_dir, name=box.output_name(claim, Path(out_dir)),
                              options=options, return_state=True)
    if state.is_completed():
        box.finish(claim, output=state.result())
        counts["processed"] += 1
    else:
        _failed(box, claim, _reason(state), counts)


class Submitted:
    """Recordings handed to a deployment's work pool, until their flow runs end."""

    def __init__(self, deployment: str) -> None:
        self.deployment = deployment
        self.pending: dict[UUID, Claim] = {}  # flow run id -> the recording it processes

    def submit(self, box: Inbox, claim: Claim, out_dir: str,
               options: dict[str, Any] | None) -> None:
        from prefect.client.schemas.objects import FlowRun
        from prefect.deployments import run_deployment

        run = run_deployment(self.deployment, timeout=0, parameters={
            "audio_path": str(claim.path), "out_dir": out_dir, "options": options,
            "name": box.output_name(claim, Path(out_dir))})
        # run_deployment returns a coroutine only when called from async code, not here
        if not isinstance(run, FlowRun):
            raise TypeError(f"run_deployment returned {type(run).__name__}, not a FlowRun")
        self.pending[run.id] = claim
        get_run_logger().info("recording %s submitted to %s as flow run %s", claim.sha256[:12],
                              self.deployment, run.id)

    def collect(self, box: Inbox, counts: dict[str, int]) -> None:
        """Move the recordings whose runs have ended to done/ or quarantine/."""
        from prefect.client.orchestration import get_client

        with get_client(sync_client=True) as client:
            for run_id, claim in list(self.pending.items()):
                state = client.read_flow_run(run_id).state
                if state is None or not state.is_final():
                    continue
                del self.pending[run_id]
                if state.is_completed():
                    box.finish(claim, output=str(run_id))
                    counts["processed"] += 1
                else:
                    _failed(box, claim, f"flow run {run_id} ended {state.type.value}: "
                                        f"{state.message or ''}", counts)


@flow(name="watch-inbox", validate_parameters=False)
def watch_inbox(inbox: str, out_dir: str, options: dict[str, Any] | None = None,
                poll_s: float = 1.0, settle_s: float = 2.0, max_polls: int | None = None,
                stop_when_idle: bool = False, deployment: str | None = None,
                stall_s: float = InboxOptions.stall_s) -> dict[str, int]:
    """Watch ``inbox``; one process_recording run per new recording into ``out_dir``: in
    this process, or (``deployment``, e.g. "process-recording/hearings") on the workers of
    that deployment's work pool."""
    logging.getLogger("hearingproc").setLevel(logging.INFO)
    logger = get_run_logger()
    box = Inbox(Path(inbox), Path(out_dir),
                InboxOptions(settle_s=settle_s, poll_s=poll_s, stall_s=stall_s))
    counts = {"processed": 0, "duplicates": 0, "quarantined": 0, "requeued": 0}
    recovered = box.recover()
    if recovered:
        logger.warning("%d recording(s) claimed by a dead watcher put back", len(recovered))
    logger.info("watching %s every %.1f s (settle %.1f s)", inbox, poll_s, settle_s)
    submitted = Submitted(deployment) if deployment else None
    polls = 0
    try:
        while max_polls is None or polls < max_polls:
            polls += 1
            counts["quarantined"] += len(box.quarantine_stalled())
            ready = box.ready()
            for path in ready:
                claim = box.claim(path)
                if claim is None:
                    continue
                if submitted is None or claim.duplicate_of is not None:
                    _handle(box, claim, out_dir, options, counts)
                else:
                    submitted.submit(box, claim, out_dir, options)
            if submitted is not None:
                submitted.collect(box, counts)
            if ready:
                logger.info("counts so far: %s", counts)
            elif (stop_when_idle and polls > 1
                  and not any(p.is_file() for p in box.inbox.iterdir())):
                break
            time.sleep(poll_s)
    except KeyboardInterrupt:  # Ctrl-C is how a watcher is stopped: the run ends Completed
        logger.info("stopped by an interrupt; unfinished recordings stay claimed in %s",
                    box.processing)
    logger.info("stopped after %d polls: %s", polls, counts)
    return counts
