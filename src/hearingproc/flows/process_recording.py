"""Prefect flow: one recording through every stage, each stage a task.

The tasks are the declared stages (``hearingproc.pipeline.stages.STAGES``), in order. Tasks
pass paths, ids and option tables, never audio or models: each stage reads its inputs from
the recording's work folder in the output store and writes its JSON result there
(``hearingproc.pipeline.stored``). Prefect caches every stage under ``<stage>-<sha256>-<run key>``
(the run key hashes the options, model ids, metadata and version) with its result persisted
as JSON in ``OUT/.hearingproc/prefect-results``, so

- a run stopped at any point (a crash, SIGKILL) resumes after the last finished stage;
- a duplicate recording (same bytes, any name) finds every stage cached: nothing is
  computed again, only the exports are written (``write`` is not cached: it is cheap,
  atomic, and must run again when an output folder was removed).

Only the tasks that read or write files retry, and only on I/O errors; bad audio fails once.
"""

from __future__ import annotations

import logging
import time
from pathlib import Path
from typing import Any

from hearingproc._env import apply_prefect_defaults

apply_prefect_defaults()

from prefect import flow, task  # noqa: E402
from prefect.logging import get_run_logger  # noqa: E402

from hearingproc.config import PipelineConfig  # noqa: E402
from hearingproc.errors import HearingProcError  # noqa: E402
from hearingproc.pipeline import stored as stagewise  # noqa: E402
from hearingproc.pipeline.stages import Kind, Stage, active, named  # noqa: E402
from hearingproc.pipeline.store import STORE_DIR, read_sidecar  # noqa: E402

IO_RETRIES = 2  # attempts after the first, for a flaky disk or network share
IO_RETRY_DELAY_S = 5
RESULTS_DIR = "prefect-results"  # under OUT/.hearingproc/


def retry_on_io(task_: Any, task_run: Any, state: Any) -> bool:
    """Retry a failed stage only when a retry can help: an I/O error, not bad input."""
    error = state.data if isinstance(state.data, BaseException) else None
    return isinstance(error, OSError) and not isinstance(error, HearingProcError)


def _stage_key(stage: Stage) -> Any:
    """Cache key of a stage: its name, the recording id and (but for ingest, which is the
    same for every run of a recording) the run key."""
    def key(context: Any, parameters: dict[str, Any]) -> str:
        work = parameters["work"]
        run = "" if stage.kind is Kind.AUDIO else f"-{work['key']}"
        return f"hearingproc-{stage.name}-{work['sha256']}{run}"
    return key


def _work(work: dict[str, str]) -> stagewise.Work:
    return stagewise.Work(Path(work["store"]), work["sha256"], work["key"])


def _path(path: str | None) -> Path | None:
    return Path(path) if path else None


@task(name="identify", retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_S,
      retry_condition_fn=retry_on_io, persist_result=False)
def identify(audio_path: str, out_dir: str, options: dict[str, Any],
             meta_path: str | None) -> dict[str, str]:
    """The recording's sha256 and the run key (no decoding)."""
    config = stagewise.config_from_options(options)
    work = stagewise.plan(Path(audio_path), Path(out_dir), config, _path(meta_path))
    return {"store": str(work.store), "sha256": work.sha256, "key": work.key}


@task(name="ingest", retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_S,
      retry_condition_fn=retry_on_io, persist_result=True, result_serializer="json")
def ingest(audio_path: str, work: dict[str, str]) -> str:
    """Decode once; store the 16 kHz samples."""
    return str(stagewise.ingest(Path(audio_path), _work(work)))


@task(name="stage", persist_result=True, result_serializer="json")
def compute(work: dict[str, str], options: dict[str, Any], stage: str, audio_path: str,
            meta_path: str | None, after: str) -> str:
    """One computing stage (diarize, transcribe, roles, ...) on the stored results before it."""
    config = stagewise.config_from_options(options)
    metadata = read_sidecar(Path(audio_path), _path(meta_path))
    return str(stagewise.run_stage(_work(work), named(stage), config, metadata))


@task(name="write", retries=IO_RETRIES, retry_delay_seconds=IO_RETRY_DELAY_S,
      retry_condition_fn=retry_on_io, persist_result=False)
def write(work: dict[str, str], out_dir: str, name: str, previous: str, after: str) -> str:
    """transcript.json and the exports into OUT/<name>/, atomically."""
    return str(stagewise.write_stage(_work(work), Path(out_dir), name, previous))


def _cached(task_: Any, stage: Stage, store: Path) -> Any:
    """``task_`` named after ``stage``, its result cached under the stage's key in the store."""
    return task_.with_options(name=stage.name, cache_key_fn=_stage_key(stage),
                              result_storage=store / STORE_DIR / RESULTS_DIR)


@flow(name="process-recording", validate_parameters=False)
def process_recording(audio_path: str, out_dir: str, name: str | None = None,
                      options: dict[str, Any] | None = None,
                      meta_path: str | None = None) -> str:
    """One recording through every stage into OUT/<name or stem>/; returns that folder."""
    logging.getLogger("hearingproc").setLevel(logging.INFO)  # stage names, timings, counts
    logger = get_run_logger()
    options = options or PipelineConfig().public_options()
    config = stagewise.config_from_options(options)
    store = Path(out_dir)
    started = time.perf_counter()
    work = identify(audio_path, out_dir, options, meta_path)
    logger.info("recording %s, run key %s, stages %s", work["sha256"][:12], work["key"],
                ",".join(stagewise.stage_names(config)))
    done = previous = ""
    for stage in active(config):
        if stage.kind is Kind.AUDIO:
            done = _cached(ingest, stage, store)(audio_path, work)
        elif stage.kind is Kind.OUTPUTS:  # not cached: cheap, and the folder may be gone
            done = write(work, out_dir, name or Path(audio_path).stem, previous, after=done)
        else:
            done = _cached(compute, stage, store)(work, options, stage.name, audio_path,
                                                  meta_path, after=done)
            previous = stage.name
    logger.info("recording %s done in %.1f s -> %s", work["sha256"][:12],
                time.perf_counter() - started, done)
    return done


__all__ = ["process_recording", "retry_on_io"]
