"""The stored, resumable executor: one recording through the declared stages
(``pipeline.stages.STAGES``), each stage's result kept on disk.

This is what the Prefect flows run (one task per stage), and it imports no Prefect. Every
stage reads its inputs from, and writes its result to, the recording's work folder in the
output store (``pipeline.store``), atomically and as JSON (the decoded audio as a ``.npy``
array, no pickles)::

    OUT/.hearingproc/work/<sha256>/audio.npy              ingest: 16 kHz mono float32
    OUT/.hearingproc/work/<sha256>/recording.json         ingest: what the source was
    OUT/.hearingproc/work/<sha256>/<run key>/diarize.json        turns, exclusive, overlaps
    OUT/.hearingproc/work/<sha256>/<run key>/transcribe.json     the transcript (schema v1)
    OUT/.hearingproc/work/<sha256>/<run key>/<stage>.json        each later transcript stage
    OUT/<name>/                                           write: transcript.json and exports

A stage whose result already exists returns it without recomputing, so a run stopped at any
point resumes from the last finished stage. The run key is a hash of the options, the model
ids, the metadata and the hearingproc version: change any of them and the stages run again.
A stage reads the audio and the latest stored result before it (the transcript once
there is one, else the diarization).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, get_type_hints

import numpy as np

from hearingproc import __version__
from hearingproc._fsutil import atomic_binary, atomic_write_text, sha256_of_file
from hearingproc.audio import Audio, load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import AudioError, ConfigError, TranscriptError
from hearingproc.pipeline.stages import STAGES, Kind, Run, Stage, active
from hearingproc.pipeline.store import STORE_DIR, Work, read_sidecar
from hearingproc.progress import Progress, no_progress
from hearingproc.stages.diarize import Diarization
from hearingproc.stages.vad import Span
from hearingproc.transcript import SpeakerTurn, from_dict, to_dict

log = logging.getLogger(__name__)

__all__ = ["STORE_DIR", "Work", "config_from_options", "ingest", "plan", "run_all", "run_key",
           "run_stage", "stage_names", "write_stage"]

KEY_CHARS = 16  # hex characters of the run key (64 bits)


def stage_names(config: PipelineConfig) -> list[str]:
    """The stages a run goes through, in order."""
    return [stage.name for stage in active(config)]


# --- options as plain data ------------------------------------------------------------------

def _options(cls: type, data: dict[str, Any], where: str) -> Any:
    """Build the options dataclass ``cls`` from its ``asdict`` form, nested ones included."""
    if not isinstance(data, dict):
        raise ConfigError(f"{where}: expected a table of options, got {type(data).__name__}")
    hints = get_type_hints(cls)
    known = {f.name for f in fields(cls)}
    if set(data) - known:
        raise ConfigError(f"{where}: unknown option(s) {sorted(set(data) - known)}")
    values = {}
    for key, value in data.items():
        if is_dataclass(hints.get(key)):
            values[key] = _options(hints[key], value, f"{where}.{key}")
        else:
            values[key] = tuple(value) if isinstance(value, list) else value
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def config_from_options(options: dict[str, Any]) -> PipelineConfig:
    """Inverse of ``PipelineConfig.public_options()``, whatever sections it has (a masked
    token becomes HF_TOKEN)."""
    options = dict(options)
    if isinstance(options.get("diarize"), dict) and options["diarize"].get("token") == "***":
        options["diarize"] = {**options["diarize"], "token": os.environ.get("HF_TOKEN")}
    return _options(PipelineConfig, options, "pipeline options")


def model_ids(config: PipelineConfig) -> dict[str, str]:
    """What identifies the models a run uses (the embedded ones are sha256-pinned)."""
    ids = {"asr": f"{config.asr.engine}:{config.asr.model or 'embedded-whisper-base'}"}
    if config.diarization:
        ids["diarization"] = config.diarize.pipeline or "embedded"
    return ids


# hashed into the run key: the stages after transcribe, so that another list of them computes
# afresh (the same names as before the list was declared, so stored results keep their keys)
_KEYED_STAGES = [stage.name for stage in STAGES if stage.kind is Kind.TRANSCRIPT][1:]


def run_key(config: PipelineConfig, metadata: dict[str, Any]) -> str:
    """Hash of everything a run's result depends on besides the audio."""
    payload = {"options": config.public_options(), "models": model_ids(config),
               "metadata": metadata, "version": __version__,
               "stages": _KEYED_STAGES}
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_CHARS]


def plan(path: Path, store: Path, config: PipelineConfig,
         meta_path: Path | None = None) -> Work:
    """Identify a recording (sha256 of its bytes) and the run key, without decoding."""
    if not path.is_file():
        raise AudioError(f"{path}: no such file")
    return Work(store, sha256_of_file(path), run_key(config, read_sidecar(path, meta_path)))


# --- reading and writing stage results ------------------------------------------------------

def _write_json(path: Path, data: dict[str, Any]) -> None:
    atomic_write_text(path, json.dumps(data, ensure_ascii=False, indent=1) + "\n")


def _read_json(path: Path) -> dict[str, Any] | None:
    """A finished stage's result, or None when the stage has not finished."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, json.JSONDecodeError) as exc:  # atomic writes make this a real fault
        raise TranscriptError(f"{path}: unreadable stage result ({exc})") from exc


def _finished(work: Work, stage: str) -> dict[str, Any] | None:
    found = _read_json(work.stage_file(stage))
    if found is not None:
        log.info("stage %s: %s already done, reused", stage, work.sha256[:12])
    return found


def load_work_audio(work: Work) -> Audio:
    """The decoded audio that ``ingest`` stored."""
    recording = _read_json(work.stage_file("ingest"))
    if recording is None:
        raise TranscriptError(f"{work.recording_dir}: ingest has not run for this recording")
    samples = np.load(work.audio_file, allow_pickle=False)
    return Audio(samples=samples, sha256=work.sha256, source=recording["source"],
                 source_sample_rate=recording["source_sample_rate"],
                 source_channels=recording["source_channels"],
                 source_format=recording["source_format"])


def diarization_to_dict(diarization: Diarization) -> dict[str, Any]:
    return {"turns": [asdict(t) for t in diarization.turns],
            "exclusive": [asdict(t) for t in diarization.exclusive],
            "overlaps": [asdict(s) for s in diarization.overlaps]}


def diarization_from_dict(data: dict[str, Any]) -> Diarization:
    return Diarization(turns=tuple(SpeakerTurn(**t) for t in data["turns"]),
                       exclusive=tuple(SpeakerTurn(**t) for t in data["exclusive"]),
                       overlaps=tuple(Span(**s) for s in data["overlaps"]))


def _stored(stage: Stage, run: Run) -> dict[str, Any]:
    """What ``stage`` added to ``run``, as the JSON kept in the work folder."""
    if stage.kind is Kind.DIARIZATION:
        if run.diarization is None:
            raise TranscriptError(f"stage {stage.name} returned no diarization")
        return {"stage": stage.name, "seconds": run.timings.get(stage.name, 0.0),
                **diarization_to_dict(run.diarization)}
    return to_dict(run.current_transcript(stage.name))


def _restored(stage: Stage, run: Run, data: dict[str, Any]) -> Run:
    """``run`` with the stored result of ``stage`` in it."""
    if stage.kind is Kind.DIARIZATION:
        return replace(run, diarization=diarization_from_dict(data),
                       timings={**run.timings, stage.name: data["seconds"]})
    return replace(run, transcript=from_dict(data))


def _inputs(work: Work, stage: Stage, config: PipelineConfig,
            metadata: dict[str, Any]) -> Run:
    """What ``stage`` reads: the audio and the latest stored result before it: the transcript
    once there is one (it carries all of the diarization that later stages read), else the
    diarization, if any."""
    stages = active(config)
    latest = {s.kind: s for s in stages[:stages.index(stage)]}
    run = Run(load_work_audio(work), metadata)
    before = latest.get(Kind.TRANSCRIPT) or latest.get(Kind.DIARIZATION)
    if before is None:
        return run
    data = _read_json(work.stage_file(before.name))
    if data is None:
        raise TranscriptError(f"{work.run_dir}: {before.name} has not run for this recording")
    return _restored(before, run, data)


def _logged(stage: Stage, work: Work, run: Run, seconds: float) -> None:
    if stage.kind is Kind.DIARIZATION and run.diarization is not None:
        log.info("stage %s: %s %.2f s, %d speakers, %d turns, %d overlaps", stage.name,
                 work.sha256[:12], seconds, len(run.diarization.speakers),
                 len(run.diarization.turns), len(run.diarization.overlaps))
    elif run.transcript is not None:
        log.info("stage %s: %s %.2f s, %d segments, %d speakers", stage.name, work.sha256[:12],
                 seconds, len(run.transcript.segments), len(run.transcript.speakers))


# --- the stages -----------------------------------------------------------------------------

def ingest(path: Path, work: Work) -> Path:
    """Decode the recording once; store the 16 kHz samples and what the source was."""
    target = work.stage_file("ingest")
    if _finished(work, "ingest") is not None:
        return target
    started = time.perf_counter()
    audio = load_audio(path)
    if audio.sha256 != work.sha256:
        raise AudioError(f"{path}: the file changed while it was being processed")
    with atomic_binary(work.audio_file) as stream:
        np.save(stream, audio.samples.astype(np.float32), allow_pickle=False)
    seconds = time.perf_counter() - started
    _write_json(target, {"stage": "ingest", "sha256": audio.sha256, "source": audio.source,
                         "duration": audio.duration, "source_sample_rate": audio.source_sample_rate,
                         "source_channels": audio.source_channels,
                         "source_format": audio.source_format, "seconds": round(seconds, 3)})
    log.info("stage ingest: %s %.2f s, %.1f s of audio", work.sha256[:12], seconds,
             audio.duration)
    return target


def run_stage(work: Work, stage: Stage, config: PipelineConfig, metadata: dict[str, Any],
              progress: Progress = no_progress) -> Path:
    """One computing stage (diarize, transcribe, roles, ...) on the stored results before it;
    its result stored. ``metadata``: the recording's sidecar, for the transcript."""
    if stage.function is None:
        raise ValueError(f"stage {stage.name} is not computed from stored results")
    target = work.stage_file(stage.name)
    if _finished(work, stage.name) is not None:
        return target
    run = _inputs(work, stage, config, metadata)
    started = time.perf_counter()
    run = stage.function(run, config, progress)
    seconds = time.perf_counter() - started
    _write_json(target, _stored(stage, run))
    _logged(stage, work, run, seconds)
    return target


def write_stage(work: Work, out_dir: Path, name: str, previous: str) -> Path:
    """transcript.json and every export into ``out_dir/name/``, all at once or not at all."""
    from hearingproc.exports import write_outputs
    from hearingproc.search.index import keep_current

    data = _read_json(work.stage_file(previous))
    if data is None:
        raise TranscriptError(f"{work.run_dir}: {previous} has not run for this recording")
    transcript = from_dict(data)
    target = out_dir / name
    started = time.perf_counter()
    files = write_outputs(transcript, target)
    keep_current(out_dir, name)  # searchable at once
    log.info("stage write: %s %.2f s, %d files into %s", work.sha256[:12],
             time.perf_counter() - started, len(files), target)
    return target


def run_all(path: Path, out_dir: Path, config: PipelineConfig, name: str | None = None,
            meta_path: Path | None = None, progress: Progress = no_progress) -> Path:
    """Every stage in this process, resuming from whatever earlier runs finished."""
    from hearingproc.pipeline.memory import release_after

    metadata = read_sidecar(path, meta_path)
    work = plan(path, out_dir, config, meta_path)
    previous = target = ""
    names = stage_names(config)
    for i, stage in enumerate(active(config)):
        if stage.kind is Kind.AUDIO:
            target = str(ingest(path, work))
        elif stage.kind is Kind.OUTPUTS:
            target = str(write_stage(work, out_dir, name or path.stem, previous))
        else:
            target = str(run_stage(work, stage, config, metadata, progress))
            previous = stage.name
            release_after(stage.name, names[i + 1:])  # as the in-memory executor does
    return Path(target)
