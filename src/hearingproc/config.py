"""All pipeline options in one frozen ``PipelineConfig``, loadable from TOML.

Example ``hearingproc.toml``::

    [asr]
    engine = "faster-whisper"
    model = "base"            # or a local path, or a size name in your own cache

    [transcribe]
    language = "auto"
    chinese_script = "simplified"
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from hearingproc.asr import DEFAULT_ENGINE, ENGINES
from hearingproc.errors import ConfigError
from hearingproc.stages.guard import GuardOptions
from hearingproc.stages.transcribe import TranscribeOptions
from hearingproc.stages.vad import VadOptions


@dataclass(frozen=True)
class AsrOptions:
    engine: str = DEFAULT_ENGINE  # "faster-whisper" (CPU default) or "openai-whisper"
    model: str | None = None  # None: embedded Whisper base; else a path or a size name
    device: str = "cpu"  # "cpu" or "cuda"
    compute_type: str = "default"  # faster-whisper only: int8 on CPU, float16 on GPU

    def __post_init__(self) -> None:
        if self.engine not in ENGINES:
            raise ConfigError(f"unknown ASR engine {self.engine!r}; choose one of {', '.join(ENGINES)}")
        if self.device not in ("cpu", "cuda"):
            raise ConfigError(f"device must be 'cpu' or 'cuda', got {self.device!r}")


@dataclass(frozen=True)
class PipelineConfig:
    asr: AsrOptions = field(default_factory=AsrOptions)
    transcribe: TranscribeOptions = field(default_factory=TranscribeOptions)

    def with_overrides(self, engine: str | None = None, model: str | None = None,
                       language: str | None = None) -> PipelineConfig:
        """A copy with the command-line options applied (None: keep)."""
        asr = replace(self.asr, **{k: v for k, v in (("engine", engine), ("model", model)) if v})
        transcribe = self.transcribe
        if language:  # a forced language replaces any candidate list from the config file
            candidates = transcribe.language_candidates if language == "auto" else ()
            transcribe = replace(transcribe, language=language, language_candidates=candidates)
        return replace(self, asr=asr, transcribe=transcribe)


def _section(cls: type, data: dict[str, Any], where: str, nested: dict[str, type] = {}) -> Any:
    known = {f.name for f in fields(cls)}
    unknown = set(data) - known
    if unknown:
        raise ConfigError(f"{where}: unknown option(s) {sorted(unknown)}; known: {sorted(known)}")
    values = {}
    for key, value in data.items():
        if key in nested:
            values[key] = _section(nested[key], value, f"{where}.{key}")
        else:
            values[key] = tuple(value) if isinstance(value, list) else value
    try:
        return cls(**values)
    except (TypeError, ValueError) as exc:
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
    unknown = set(data) - {"asr", "transcribe"}
    if unknown:
        raise ConfigError(f"{path}: unknown section(s) {sorted(unknown)}")
    return PipelineConfig(
        asr=_section(AsrOptions, data.get("asr", {}), f"{path} [asr]"),
        transcribe=_section(TranscribeOptions, data.get("transcribe", {}), f"{path} [transcribe]",
                            {"vad": VadOptions, "guard": GuardOptions}),
    )
