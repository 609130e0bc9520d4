"""The transcript data model (schema v1) and its JSON form.

One :class:`Transcript` per recording; every export is a writer over it. The JSON layout is
fixed by ``schema/transcript-v1.schema.json`` (shipped in the package); older schema
versions are migrated on load by the functions in ``MIGRATIONS``.
"""

from __future__ import annotations

import functools
import json
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from importlib import resources
from pathlib import Path
from typing import Any

from hearingproc.errors import TranscriptError

SCHEMA_VERSION = 1
TIME_DECIMALS = 3  # seconds are stored rounded to milliseconds
ROLES = (
    "judge",
    "applicant",
    "interpreter",
    "dhs_counsel",
    "respondent_counsel",
    "witness",
    "unknown",
)
# Why a segment may need a reviewer's eye (see stages/transcribe.py for the rules).
SEGMENT_FLAGS = (
    "low_confidence",  # average log-probability below the threshold
    "repetition",  # a repeated phrase was collapsed, or compression ratio is high
    "possible_hallucination",  # text where the model itself thinks there is no speech
    "language_uncertain",  # language identification probability is low
    "overlapping_speech",  # another speaker talks at the same time (see overlap_speakers)
    "speaker_unknown",  # no speaker turn covers or neighbours these words
    "speaker_reassigned",  # sounds like another voice than diarization's: moved to it (roles)
)


def _t(value: float | None) -> float | None:
    return None if value is None else round(float(value), TIME_DECIMALS)


@dataclass(frozen=True)
class Word:
    start: float  # seconds from the start of the recording
    end: float
    text: str  # as the model wrote it, leading space included
    probability: float  # the model's probability of this word, 0..1


@dataclass(frozen=True)
class Translation:
    text: str  # English
    engine: str  # e.g. "whisper-translate", "transformers:<model>"
    # the decoder's mean token log-probability of this English (None: the engine gave none)
    avg_logprob: float | None = None
    # why a reviewer should check it: "repetition", "low_confidence", "temperature_fallback"
    flags: tuple[str, ...] = ()


@dataclass(frozen=True)
class Segment:
    id: int  # 1-based, in time order
    start: float
    end: float
    text: str
    language: str  # ISO 639-1 code detected for this segment
    language_probability: float
    words: tuple[Word, ...] = ()
    speaker: str | None = None  # diarization label, e.g. "SPEAKER_00"
    role: str | None = None  # one of ROLES once roles are assigned
    # this segment's own role confidence where a turn-order or merged-voice rule moved its role
    # away from its voice's (None: the confidence of its voice's role, Speaker.role_confidence)
    role_confidence: float | None = None
    avg_logprob: float | None = None  # mean token log-probability of the decode
    no_speech_prob: float | None = None  # the model's probability that this is not speech
    compression_ratio: float | None = None  # gzip ratio of the text; high means loops
    translation: Translation | None = None
    flags: tuple[str, ...] = ()
    overlap_speakers: tuple[str, ...] = ()  # others talking during this segment


@dataclass(frozen=True, order=True)
class SpeakerTurn:
    """One speaker talking, from diarization; turns of different speakers may overlap."""

    start: float
    end: float
    speaker: str


@dataclass(frozen=True)
class Speaker:
    id: str
    role: str = "unknown"
    role_confidence: float = 0.0
    role_evidence: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    talk_time: float = 0.0  # seconds


@dataclass(frozen=True)
class Tag:
    id: int
    label: str
    start: float | None
    end: float | None
    segments: tuple[int, ...]
    quote: str
    confidence: float
    source: str  # which rule or model produced it
    polarity: str | None = None
    speaker: str | None = None
    role: str | None = None
    attributes: dict[str, Any] = field(default_factory=dict)  # basis, ground, party, ...
    review: str = "unreviewed"


@dataclass(frozen=True)
class InterpretationCheck:
    source_segments: tuple[int, ...]
    rendering_segments: tuple[int, ...]
    score: float  # agreement of the two English sides (see stages/interpretation.py)
    verdict: str  # "consistent" or "review: possible omission" / "... addition" / both
    evidence: tuple[str, ...] = ()  # what a reviewer should look at (unmatched sentences)


@dataclass(frozen=True)
class Recording:
    id: str  # SHA-256 of the source bytes
    source: str
    duration: float  # seconds
    sample_rate: int  # of the decoded audio the pipeline used
    source_sample_rate: int
    channels: int  # of the source, before mix-down
    format: str
    metadata: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ModelInfo:
    role: str  # e.g. "asr"
    name: str
    path: str
    sha256: str | None = None


@dataclass(frozen=True)
class PipelineInfo:
    engines: dict[str, str]
    models: tuple[ModelInfo, ...]
    options: dict[str, Any]
    versions: dict[str, str]
    created_at: str  # ISO 8601, UTC
    timings: dict[str, float] = field(default_factory=dict)  # seconds per stage


@dataclass(frozen=True)
class Transcript:
    recording: Recording
    pipeline: PipelineInfo
    segments: tuple[Segment, ...] = ()
    speakers: tuple[Speaker, ...] = ()
    turns: tuple[SpeakerTurn, ...] = ()  # who spoke when (diarization), in time order
    tags: tuple[Tag, ...] = ()
    interpretation_checks: tuple[InterpretationCheck, ...] = ()
    review_history: tuple[dict[str, Any], ...] = ()
    schema_version: int = SCHEMA_VERSION

    @property
    def text(self) -> str:
        """All segment texts joined with single spaces."""
        return " ".join(s.text.strip() for s in self.segments if s.text.strip())

    @property
    def languages(self) -> tuple[str, ...]:
        """Languages in order of first appearance."""
        return tuple(dict.fromkeys(s.language for s in self.segments))


# --- JSON -----------------------------------------------------------------------------

_TIME_KEYS = {"start", "end", "duration", "talk_time"}


def _rounded(value: Any, key: str | None = None) -> Any:
    if isinstance(value, dict):
        return {k: _rounded(v, k) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_rounded(v, key) for v in value]
    if key in _TIME_KEYS and isinstance(value, float):
        return _t(value)
    return value


def to_dict(transcript: Transcript) -> dict[str, Any]:
    """The JSON-ready form (times rounded to milliseconds)."""
    raw = asdict(transcript)
    for segment in raw["segments"]:  # a translation's confidence and flags only where known
        if segment["role_confidence"] is None:  # a segment's own role confidence likewise
            del segment["role_confidence"]
        if (translation := segment["translation"]) is not None:
            segment["translation"] = {k: v for k, v in translation.items() if not (
                (k == "avg_logprob" and v is None) or (k == "flags" and not v))}
    order = ["schema_version", "recording", "pipeline", "speakers", "turns", "segments", "tags",
             "interpretation_checks", "review_history"]
    return {key: _rounded(raw[key], key) for key in order}


# Written into transcript.json by the exports but derived from the rest (the segment's and
# tag's page:line in the paginated transcript), so never read back: an edit recomputes them.
DERIVED_KEYS = frozenset({"page_line"})


def _build(cls: type, data: dict[str, Any]) -> Any:
    data = {k: v for k, v in data.items() if k not in DERIVED_KEYS}
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise TranscriptError(f"unknown fields for {cls.__name__}: {sorted(unknown)}")
    return cls(**{k: tuple(v) if isinstance(v, list) else v for k, v in data.items()})


def from_dict(data: dict[str, Any]) -> Transcript:
    """Inverse of :func:`to_dict`; migrates older schema versions first."""
    data = migrate(data)
    try:
        segments = tuple(
            _build(Segment, {
                **s,
                "words": tuple(_build(Word, w) for w in s.get("words", ())),
                "translation": (_build(Translation, s["translation"])
                                if s.get("translation") else None),
            })
            for s in data["segments"]
        )
        pipeline = data["pipeline"]
        return Transcript(
            schema_version=data["schema_version"],
            recording=_build(Recording, data["recording"]),
            pipeline=_build(PipelineInfo, {
                **pipeline, "models": tuple(_build(ModelInfo, m) for m in pipeline["models"])}),
            segments=segments,
            speakers=tuple(_build(Speaker, s) for s in data.get("speakers", ())),
            turns=tuple(_build(SpeakerTurn, t) for t in data.get("turns", ())),
            tags=tuple(_build(Tag, t) for t in data.get("tags", ())),
            interpretation_checks=tuple(
                _build(InterpretationCheck, c) for c in data.get("interpretation_checks", ())),
            review_history=tuple(data.get("review_history", ())),
        )
    except (KeyError, TypeError) as exc:
        raise TranscriptError(f"malformed transcript: {exc}") from exc


# Each entry upgrades a transcript dict from version N to N + 1.
MIGRATIONS: dict[int, Callable[[dict[str, Any]], dict[str, Any]]] = {}


def migrate(data: dict[str, Any]) -> dict[str, Any]:
    """Bring a transcript dict up to :data:`SCHEMA_VERSION`."""
    version = data.get("schema_version")
    if not isinstance(version, int):
        raise TranscriptError("transcript has no integer schema_version")
    if version > SCHEMA_VERSION:
        raise TranscriptError(
            f"transcript schema v{version} is newer than this hearingproc (v{SCHEMA_VERSION});"
            " upgrade hearingproc to read it")
    while version < SCHEMA_VERSION:
        if version not in MIGRATIONS:
            raise TranscriptError(f"no migration from transcript schema v{version}")
        data = MIGRATIONS[version](data)
        version = data["schema_version"]
    return data


def json_schema() -> dict[str, Any]:
    """The JSON Schema of the current transcript version."""
    text = resources.files("hearingproc").joinpath(
        f"schema/transcript-v{SCHEMA_VERSION}.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


@functools.cache
def _validator() -> Any:
    """The schema's validator, the schema itself checked once: ``jsonschema.validate`` checks
    it on every call, which took longer than validating a transcript (every write, every
    review edit)."""
    import jsonschema

    schema = json_schema()
    kind = jsonschema.validators.validator_for(schema)
    kind.check_schema(schema)
    return kind(schema)


def validate(data: dict[str, Any]) -> None:
    """Raise :class:`TranscriptError` when ``data`` does not match the JSON Schema."""
    import jsonschema

    # the error jsonschema.validate would raise: the best match of all of them
    error = jsonschema.exceptions.best_match(_validator().iter_errors(data))
    if error is not None:
        where = "/".join(str(p) for p in error.absolute_path) or "(root)"
        raise TranscriptError(f"transcript does not match schema at {where}: "
                              f"{error.message}")


def load_transcript(path: str | Path) -> Transcript:
    """Read a ``transcript.json`` (any supported schema version)."""
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise TranscriptError(f"{path}: cannot read transcript JSON ({exc})") from exc
    try:
        return from_dict(data)
    except TranscriptError as exc:
        raise TranscriptError(f"{path}: {exc}") from exc
