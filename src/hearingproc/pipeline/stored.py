"""One recording through the pipeline stage by stage, each stage's result kept on disk.

This is what the Prefect flows run (one task per stage), and it imports no Prefect. Every
stage reads its inputs from, and writes its result to, the recording's work folder in the
output store, atomically and as JSON (the decoded audio as a ``.npy`` array, no pickles)::

    OUT/.hearingproc/work/<sha256>/audio.npy              ingest: 16 kHz mono float32
    OUT/.hearingproc/work/<sha256>/recording.json         ingest: what the source was
    OUT/.hearingproc/work/<sha256>/<run key>/diarize.json        turns, exclusive, overlaps
    OUT/.hearingproc/work/<sha256>/<run key>/transcribe.json     the transcript (schema v1)
    OUT/.hearingproc/work/<sha256>/<run key>/<stage>.json        each later transcript stage
    OUT/<name>/                                           write: transcript.json and exports

A stage whose result already exists returns it without recomputing, so a run stopped at any
point resumes from the last finished stage. The run key is a hash of the options, the model
ids, the metadata and the hearingproc version: change any of them and the stages run again.

The stages after transcription (roles, translation, the interpretation check, tags) are
``pipeline.TRANSCRIPT_STAGES``, the very functions ``pipeline.process_audio`` runs; each is
one more stage (and one more flow task) between ``transcribe`` and ``write``.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from dataclasses import asdict, dataclass, fields, is_dataclass
from pathlib import Path
from typing import Any, get_type_hints

import numpy as np

from hearingproc import __version__
from hearingproc._fsutil import atomic_binary, atomic_write_text, sha256_of_file
from hearingproc.audio import Audio, load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import AudioError, ConfigError, TranscriptError
from hearingproc.pipeline import memory as pipeline
from hearingproc.progress import Progress, no_progress
from hearingproc.stages.diarize import Diarization
from hearingproc.stages.vad import Span
from hearingproc.transcript import SpeakerTurn, from_dict, load_transcript, to_dict

log = logging.getLogger(__name__)

STORE_DIR = ".hearingproc"  # inside the output folder: work folders, claims, Prefect results
KEY_CHARS = 16  # hex characters of the run key (64 bits)
# name -> function, in order; run after "transcribe" and before "write"
TRANSCRIPT_STAGES = pipeline.TRANSCRIPT_STAGES


@dataclass(frozen=True)
class Work:
    """Where one recording's stage results live."""

    store: Path  # the output folder
    sha256: str  # the recording id
    key: str  # the run key (options, models, metadata, version)

    @property
    def recording_dir(self) -> Path:
        return self.store / STORE_DIR / "work" / self.sha256

    @property
    def run_dir(self) -> Path:
        return self.recording_dir / self.key

    def stage_file(self, stage: str) -> Path:
        """The JSON result of ``stage`` (ingest: the recording's description)."""
        if stage == "ingest":
            return self.recording_dir / "recording.json"
        return self.run_dir / f"{stage}.json"


def stage_names(config: PipelineConfig) -> list[str]:
    """The stages a run goes through, in order."""
    names = ["ingest"] + (["diarize"] if config.diarization else []) + ["transcribe"]
    return names + [name for name, _ in TRANSCRIPT_STAGES] + ["write"]


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


def run_key(config: PipelineConfig, metadata: dict[str, Any]) -> str:
    """Hash of everything a run's result depends on besides the audio."""
    payload = {"options": config.public_options(), "models": model_ids(config),
               "metadata": metadata, "version": __version__,
               "stages": [name for name, _ in TRANSCRIPT_STAGES]}
    text = json.dumps(payload, sort_keys=True, default=str)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:KEY_CHARS]


def plan(path: Path, store: Path, config: PipelineConfig,
         meta_path: Path | None = None) -> Work:
    """Identify a recording (sha256 of its bytes) and the run key, without decoding."""
    from hearingproc.pipeline.memory import read_sidecar

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
    samples = np.load(work.recording_dir / "audio.npy", allow_pickle=False)
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
    with atomic_binary(work.recording_dir / "audio.npy") as stream:
        np.save(stream, audio.samples.astype(np.float32), allow_pickle=False)
    seconds = time.perf_counter() - started
    _write_json(target, {"stage": "ingest", "sha256": audio.sha256, "source": audio.source,
                         "duration": audio.duration, "source_sample_rate": audio.source_sample_rate,
                         "source_channels": audio.source_channels,
                         "source_format": audio.source_format, "seconds": round(seconds, 3)})
    log.info("stage ingest: %s %.2f s, %.1f s of audio", work.sha256[:12], seconds,
             audio.duration)
    return target


def diarize_stage(work: Work, config: PipelineConfig, progress: Progress = no_progress) -> Path:
    """Who spoke when, as turns, exclusive turns and overlaps."""
    from hearingproc.stages.diarize import diarize

    target = work.stage_file("diarize")
    if _finished(work, "diarize") is not None:
        return target
    audio = load_work_audio(work)
    started = time.perf_counter()
    diarization = diarize(audio, config.diarize, progress=progress)
    seconds = time.perf_counter() - started
    _write_json(target, {"stage": "diarize", "seconds": round(seconds, 3),
                         **diarization_to_dict(diarization)})
    log.info("stage diarize: %s %.2f s, %d speakers, %d turns, %d overlaps", work.sha256[:12],
             seconds,
             len(diarization.speakers), len(diarization.turns), len(diarization.overlaps))
    return target


def transcribe_stage(work: Work, config: PipelineConfig, metadata: dict[str, Any],
                     progress: Progress = no_progress) -> Path:
    """Decode every speaker turn (or voice-activity chunk), assign speakers; the transcript."""
    target = work.stage_file("transcribe")
    if _finished(work, "transcribe") is not None:
        return target
    audio = load_work_audio(work)
    diarization = None
    if config.diarization:
        data = _read_json(work.stage_file("diarize"))
        if data is None:
            raise TranscriptError(f"{work.run_dir}: diarize has not run for this recording")
        diarization = diarization_from_dict(data)
        timings = {"diarize": data["seconds"]}
    else:
        timings = {}
    transcript = pipeline.transcribe_audio(audio, config, diarization, metadata, progress,
                                           timings)
    _write_json(target, to_dict(transcript))
    log.info("stage transcribe: %s %.2f s, %d segments, %d speakers", work.sha256[:12],
             transcript.pipeline.timings.get("transcribe", 0.0), len(transcript.segments),
             len(transcript.speakers))
    return target


def transcript_stage(work: Work, config: PipelineConfig, name: str,
                     function: pipeline.TranscriptStage, previous: str,
                     progress: Progress = no_progress) -> Path:
    """A stage after transcription: the previous stage's transcript in, a new one out."""
    target = work.stage_file(name)
    if _finished(work, name) is not None:
        return target
    transcript = load_transcript(work.stage_file(previous))
    result = pipeline.run_transcript_stage(name, function, transcript, config,
                                           load_work_audio(work), progress)
    _write_json(target, to_dict(result))
    log.info("stage %s: %s %.2f s, %d segments", name, work.sha256[:12],
             result.pipeline.timings.get(name, 0.0), len(result.segments))
    return target


def write_stage(work: Work, out_dir: Path, name: str, previous: str) -> Path:
    """transcript.json and every export into ``out_dir/name/``, all at once or not at all."""
    from hearingproc.exports import write_outputs

    data = _read_json(work.stage_file(previous))
    if data is None:
        raise TranscriptError(f"{work.run_dir}: {previous} has not run for this recording")
    transcript = from_dict(data)
    target = out_dir / name
    started = time.perf_counter()
    files = write_outputs(transcript, target)
    log.info("stage write: %s %.2f s, %d files into %s", work.sha256[:12],
             time.perf_counter() - started, len(files), target)
    return target


def run_all(path: Path, out_dir: Path, config: PipelineConfig, name: str | None = None,
            meta_path: Path | None = None, progress: Progress = no_progress) -> Path:
    """Every stage in this process, resuming from whatever earlier runs finished."""
    from hearingproc.pipeline.memory import read_sidecar

    metadata = read_sidecar(path, meta_path)
    work = plan(path, out_dir, config, meta_path)
    ingest(path, work)
    if config.diarization:
        diarize_stage(work, config, progress)
    transcribe_stage(work, config, metadata, progress)
    previous = "transcribe"
    for stage, function in TRANSCRIPT_STAGES:
        transcript_stage(work, config, stage, function, previous)
        previous = stage
    return write_stage(work, out_dir, name or path.stem, previous)

