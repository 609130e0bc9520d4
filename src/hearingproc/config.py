"""All pipeline options in one frozen ``PipelineConfig``, loadable from TOML.

Example ``hearingproc.toml``::

    [asr]
    engine = "faster-whisper"
    model = "base"            # or a local path, or a size name in your own cache

    [transcribe]
    language = "auto"
    chinese_script = "simplified"

    [diarize]
    enabled = true            # false: no speakers, speech chunks by voice activity only
    max_speakers = 6          # or num_speakers / min_speakers; pipeline = "<folder or hub id>"

    [turns]                   # how speaker turns become decoded stretches
    merge_gap_s = 1.0

    [assign]                  # words to speakers
    max_gap_s = 1.0

    [roles]                   # judge, interpreter, applicant, ... (stages/roles.py)
    court_language = "en"

    [translate]               # English for every non-English segment
    engine = "whisper"        # or "transformers" with model = "<folder or cache name>"

    [interpretation]          # rendering vs machine translation, per interpreted turn
    omission_ratio = 0.8      # rendering shorter than this share of its source: review

    [paginate]                # transcript.pdf / .docx, page:line in transcript.json
    indiscernible_below = 0.1 # a word less sure than this prints "(indiscernible)"
"""

from __future__ import annotations

import tomllib
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from hearingproc.errors import ConfigError
from hearingproc.exports.paginated import PaginateOptions
from hearingproc.models.whisper import DEFAULT_ENGINE, ENGINES
from hearingproc.stages.assign import AssignOptions
from hearingproc.stages.diarize import DiarizeOptions
from hearingproc.stages.guard import GuardOptions
from hearingproc.stages.interpretation import InterpretationOptions
from hearingproc.stages.roles import RoleOptions
from hearingproc.stages.tag import TagOptions
from hearingproc.stages.transcribe import TranscribeOptions
from hearingproc.stages.translate import TranslateOptions
from hearingproc.stages.turn_spans import TurnSpanOptions
from hearingproc.stages.vad import VadOptions


@dataclass(frozen=True)
class AsrOptions:
    engine: str = DEFAULT_ENGINE  # "faster-whisper" (CPU default) or "openai-whisper"
    model: str | None = None  # None: embedded Whisper base; else a path or a size name
    device: str = "cpu"  # "cpu" or "cuda"
    compute_type: str = "default"  # faster-whisper only: float32 on CPU, float16 on GPU

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown ASR engine {self.engine!r}; choose one of "
                              f"{', '.join(ENGINES)}")
        if self.device not in ("cpu", "cuda"):
            raise ConfigError(f"device must be 'cpu' or 'cuda', got {self.device!r}")


@dataclass(frozen=True)
class PipelineConfig:
    asr: AsrOptions = field(default_factory=AsrOptions)
    transcribe: TranscribeOptions = field(default_factory=TranscribeOptions)
    diarization: bool = True  # who spoke when; off: segments carry no speaker
    diarize: DiarizeOptions = field(default_factory=DiarizeOptions)
    turns: TurnSpanOptions = field(default_factory=TurnSpanOptions)
    assign: AssignOptions = field(default_factory=AssignOptions)
    roles: RoleOptions = field(default_factory=RoleOptions)  # who is judge, interpreter, ...
    translate: TranslateOptions = field(default_factory=TranslateOptions)
    interpretation: InterpretationOptions = field(default_factory=InterpretationOptions)
    tag: TagOptions = field(default_factory=TagOptions)  # findings, rulings, appeal events
    paginate: PaginateOptions = field(default_factory=PaginateOptions)  # the page:line record

    def with_overrides(self, engine: str | None = None, model: str | None = None,
                       language: str | None = None, diarization: bool | None = None,
                       speakers: dict[str, Any] | None = None) -> PipelineConfig:
        """A copy with the command-line options applied (None: keep). ``speakers`` holds
        diarization options (num_speakers, min_speakers, max_speakers, pipeline, token);
        a speaker count replaces the counts from the config file."""
        asr = replace(self.asr, **{k: v for k, v in (("engine", engine), ("model", model)) if v})
        transcribe = self.transcribe
        if language:  # a forced language replaces any candidate list from the config file
            candidates = transcribe.language_candidates if language == "auto" else ()
            transcribe = replace(transcribe, language=language, language_candidates=candidates)
        diarize = self.diarize
        given = {k: v for k, v in (speakers or {}).items() if v is not None}
        if given:
            counts = ("num_speakers", "min_speakers", "max_speakers")
            if any(k in given for k in counts):
                given = {**{k: None for k in counts}, **given}
            try:
                diarize = replace(diarize, **given)
            except TypeError as exc:
                raise ConfigError(f"diarization options: {exc}") from exc
        return replace(self, asr=asr, transcribe=transcribe, diarize=diarize,
                       diarization=self.diarization if diarization is None else diarization)

    def public_options(self) -> dict[str, Any]:
        """The options as recorded in a transcript: everything but secrets (the token)."""
        options = asdict(self)
        if options["diarize"].get("token"):
            options["diarize"]["token"] = "***"
        return options


def _section(cls: type, data: dict[str, Any], where: str,
             nested: dict[str, type] | None = None) -> Any:
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{where}: unknown option(s) {sorted(unknown)}; known: {sorted(known)}")
    values = {}
    for key, value in data.items():
        if nested and key in nested:
            values[key] = _section(nested[key], value, f"{where}.{key}")
        else:
            values[key] = tuple(value) if isinstance(value, list) else value
    try:
        return cls(**values)
    except (TypeError, ValueError, ConfigError) as exc:
        raise ConfigError(f"{where}: {exc}") from exc


def load_config(path: str | Path | None) -> PipelineConfig:
    """Read a TOML config (sections ``[asr]`` and ``[transcribe]``); None: defaults."""
    if path is None:
        return PipelineConfig()
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read config ({exc})") from exc
    unknown = set(data) - {"asr", "transcribe", "diarize", "turns", "assign", "roles",
                           "translate", "interpretation", "tag", "paginate"}
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {sorted(unknown)}")
    diarize = dict(data.get("diarize", {}))
    enabled = diarize.pop("enabled", True)
    if not isinstance(enabled, bool):
        raise ConfigError(f"{path} [diarize]: enabled must be true or false")
    if diarize.get("token"):
        raise ConfigError(f"{path} [diarize]: do not keep a token in a config file; set "
                          "HF_TOKEN or pass --hf-token")
    return PipelineConfig(
        asr=_section(AsrOptions, data.get("asr", {}), f"{path} [asr]"),
        transcribe=_section(TranscribeOptions, data.get("transcribe", {}), f"{path} [transcribe]",
                            {"vad": VadOptions, "guard": GuardOptions}),
        diarization=enabled,
        diarize=_section(DiarizeOptions, diarize, f"{path} [diarize]"),
        turns=_section(TurnSpanOptions, data.get("turns", {}), f"{path} [turns]"),
        assign=_section(AssignOptions, data.get("assign", {}), f"{path} [assign]"),
        roles=_section(RoleOptions, data.get("roles", {}), f"{path} [roles]"),
        translate=_section(TranslateOptions, data.get("translate", {}), f"{path} [translate]"),
        interpretation=_section(InterpretationOptions, data.get("interpretation", {}),
                                f"{path} [interpretation]"),
        tag=_section(TagOptions, data.get("tag", {}), f"{path} [tag]"),
        paginate=_section(PaginateOptions, data.get("paginate", {}), f"{path} [paginate]"),
    )
