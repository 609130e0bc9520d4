"""One recording through the stages, as plain function calls (the CLI and the Prefect flows
both call these)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import Any

from hearingproc import __version__
from hearingproc.asr import load_engine
from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import ConfigError
from hearingproc.exports import write_outputs
from hearingproc.progress import Progress, no_progress
from hearingproc.stages.transcribe import transcribe
from hearingproc.transcript import ModelInfo, PipelineInfo, Recording, Transcript

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"  # AUDIO.meta.json beside a recording holds its metadata
_VERSIONED = ("faster-whisper", "openai-whisper", "ctranslate2", "torch", "av")


def _versions() -> dict[str, str]:
    versions = {"hearingproc": __version__}
    for name in _VERSIONED:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            pass
    return versions


def read_sidecar(audio_path: Path, meta_path: Path | None = None) -> dict[str, Any]:
    """Metadata from ``--meta FILE`` or ``AUDIO.meta.json`` (empty when there is none)."""
    path = meta_path or audio_path.with_name(audio_path.name + SIDECAR_SUFFIX)
    if meta_path is None and not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read metadata sidecar ({exc})") from exc
    if not isinstance(data, dict):
        raise ConfigError(f"{path}: metadata sidecar must be a JSON object")
    return data


def process_audio(audio: Audio, config: PipelineConfig, metadata: dict[str, Any] | None = None,
                  progress: Progress = no_progress) -> Transcript:
    """Transcribe a decoded recording into a :class:`Transcript`."""
    engine = load_engine(config.asr.engine, config.asr.model, config.asr.device,
                         config.asr.compute_type)
    segments = transcribe(audio, engine, config.transcribe, progress=progress)
    return Transcript(
        recording=Recording(
            id=audio.sha256, source=audio.source, duration=audio.duration, sample_rate=SAMPLE_RATE,
            source_sample_rate=audio.source_sample_rate, channels=audio.source_channels,
            format=audio.source_format, metadata=metadata or {},
        ),
        pipeline=PipelineInfo(
            engines={"asr": engine.name, "vad": "silero"},
            models=(ModelInfo("asr", engine.model_name, engine.model_path, engine.sha256),),
            options=asdict(config),
            versions=_versions(),
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
        ),
        segments=tuple(segments),
    )


def process_file(path: Path, out_dir: Path, config: PipelineConfig, name: str | None = None,
                 meta_path: Path | None = None, progress: Progress = no_progress) -> Path:
    """Decode, transcribe and write every export into ``out_dir/<name or stem>/``."""
    metadata = read_sidecar(path, meta_path)
    audio = load_audio(path)
    transcript = process_audio(audio, config, metadata, progress)
    target = out_dir / (name or path.stem)
    write_outputs(transcript, target)
    log.info("%s: %d segments, languages %s -> %s", path.name, len(transcript.segments),
             ",".join(transcript.languages) or "-", target)
    return target
