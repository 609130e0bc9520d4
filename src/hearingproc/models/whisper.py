"""Speech recognition engines behind one interface.

Two engines decode the same Whisper weights: ``faster-whisper`` (CTranslate2, the CPU
default) and ``openai-whisper`` (the PyTorch reference implementation, on a checkpoint the
model registry converts from the CTranslate2 files). Both turn a clip of 16 kHz samples into
:class:`Decoded` pieces with times relative to the clip; the transcribe stage places them on
the recording's time line and applies the hallucination guard, identically for both.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import numpy as np

from hearingproc.errors import ConfigError, ModelError
from hearingproc.models.cache import model_cache

log = logging.getLogger(__name__)

ENGINES = ("faster-whisper", "openai-whisper")
DEFAULT_ENGINE = "faster-whisper"
# Temperature fallback as in Whisper's paper: retry hotter when a decode looks degenerate.
TEMPERATURES = (0.0, 0.2, 0.4, 0.6, 0.8, 1.0)
COMPRESSION_RATIO_THRESHOLD = 2.4  # above: the text repeats itself; retry / flag
LOGPROB_THRESHOLD = -1.0  # mean token log-prob below: low confidence
NO_SPEECH_THRESHOLD = 0.6  # no-speech probability above (with low log-prob): silence
# Temperature fallback samples (T > 0); the sampler is seeded before every decode so that one
# clip always gives the same text.
SAMPLING_SEED = 0
# CTranslate2's compute type on a CPU: float32. int8 quantises activations on the fly, and its
# kernels round differently per CPU (oneDNN or MKL, AVX2 or AVX-512/VNNI), so beam search picks
# other words on another machine: Mandarin CER over ../shared/data's five clips was 0.185
# (oneDNN AVX2), 0.213 (AVX), 0.241 (GENERIC) and 0.250 (MKL) on one machine. float32 gives the
# same words under every kernel set, and with each stretch decoded with the pause around it
# (TranscribeOptions.region_pad_s) it scores better than int8 did at its best (Mandarin CER
# 0.176, English WER 0.044) at about the same speed on two AVX2 cores (whole-eval real-time
# factor 0.88 against 0.83). `[asr] compute_type = "int8"` trades that for speed where int8
# kernels are much faster (AVX-512 VNNI); `hearingproc eval --isa-sweep` measures the spread.
CPU_COMPUTE_TYPE = "float32"


@dataclass(frozen=True)
class DecodeOptions:
    language: str | None  # None: the engine detects it on the clip
    task: str = "transcribe"  # or "translate" (to English)
    beam_size: int = 5
    word_timestamps: bool = True
    initial_prompt: str | None = None  # steers style/script, e.g. Simplified Chinese
    # decode at the first; each next one only when the last decode looked degenerate
    temperatures: tuple[float, ...] = TEMPERATURES


@dataclass(frozen=True)
class DecodedWord:
    start: float  # seconds from the start of the clip
    end: float
    text: str
    probability: float


@dataclass(frozen=True)
class Decoded:
    """One segment as an engine produced it; times relative to the decoded clip."""

    start: float
    end: float
    text: str
    words: tuple[DecodedWord, ...]
    avg_logprob: float
    no_speech_prob: float
    compression_ratio: float
    temperature: float = 0.0  # of the decode kept (above 0: a fallback sampled it)


class AsrEngine(Protocol):
    name: str
    model_name: str
    model_path: str
    sha256: str | None  # of the weights file, where known

    def detect_language(self, samples: np.ndarray) -> dict[str, float]:
        """Probability of each language code on (the first 30 s of) ``samples``."""

    def decode(self, samples: np.ndarray, options: DecodeOptions) -> list[Decoded]:
        """Transcribe or translate ``samples`` (16 kHz mono float32)."""


class FasterWhisperEngine:
    """CTranslate2 Whisper via faster-whisper; float32 on CPU (see CPU_COMPUTE_TYPE), float16 on
    GPU by default."""

    name = "faster-whisper"

    def __init__(self, model_dir: Path, model_name: str, device: str = "cpu",
                 compute_type: str = "default", cpu_threads: int | None = None,
                 sha256: str | None = None) -> None:
        from faster_whisper import WhisperModel

        if compute_type == "default":
            compute_type = CPU_COMPUTE_TYPE if device == "cpu" else "float16"
        threads = cpu_threads if cpu_threads is not None else len(os.sched_getaffinity(0))
        try:
            self._model = WhisperModel(str(model_dir), device=device, compute_type=compute_type,
                                       cpu_threads=threads, local_files_only=True)
        except (RuntimeError, ValueError, OSError) as exc:
            raise ModelError(f"{model_dir}: faster-whisper cannot load this model ({exc})") from exc
        self.model_name = model_name
        self.model_path = str(model_dir)
        self.sha256 = sha256
        self.compute_type = compute_type

    def detect_language(self, samples: np.ndarray) -> dict[str, float]:
        _, _, all_probs = self._model.detect_language(samples, language_detection_segments=1)
        return dict(all_probs)

    def decode(self, samples: np.ndarray, options: DecodeOptions) -> list[Decoded]:
        import ctranslate2

        ctranslate2.set_random_seed(SAMPLING_SEED)
        segments, _ = self._model.transcribe(
            samples, language=options.language, task=options.task,
            beam_size=options.beam_size, word_timestamps=options.word_timestamps,
            condition_on_previous_text=False, vad_filter=False,
            temperature=list(options.temperatures),
            compression_ratio_threshold=COMPRESSION_RATIO_THRESHOLD,
            log_prob_threshold=LOGPROB_THRESHOLD, no_speech_threshold=NO_SPEECH_THRESHOLD,
            initial_prompt=options.initial_prompt,
        )
        return [
            Decoded(
                start=s.start, end=s.end, text=s.text,
                words=tuple(DecodedWord(w.start, w.end, w.word, w.probability)
                            for w in s.words or ()),
                avg_logprob=s.avg_logprob, no_speech_prob=s.no_speech_prob,
                compression_ratio=s.compression_ratio, temperature=s.temperature or 0.0,
            )
            for s in segments
        ]


class OpenAIWhisperEngine:
    """The reference PyTorch implementation, on a converted checkpoint."""

    name = "openai-whisper"

    def __init__(self, checkpoint: Path, model_name: str, device: str = "cpu",
                 sha256: str | None = None) -> None:
        from hearingproc.models.ct2_convert import load_openai_whisper

        try:
            self._model = load_openai_whisper(checkpoint, device=device)
        except (RuntimeError, OSError, KeyError) as exc:
            raise ModelError(f"{checkpoint}: openai-whisper cannot load this checkpoint "
                             f"({exc})") from exc
        self.model_name = model_name
        self.model_path = str(checkpoint)
        self.sha256 = sha256
        self._fp16 = device != "cpu"

    def detect_language(self, samples: np.ndarray) -> dict[str, float]:
        import whisper

        mel = whisper.log_mel_spectrogram(whisper.pad_or_trim(samples), self._model.dims.n_mels)
        _, probs = self._model.detect_language(mel.to(self._model.device))
        return dict(probs)

    def decode(self, samples: np.ndarray, options: DecodeOptions) -> list[Decoded]:
        import torch
        import whisper

        torch.manual_seed(SAMPLING_SEED)
        result = whisper.transcribe(
            self._model, samples, language=options.language, task=options.task,
            beam_size=options.beam_size, best_of=options.beam_size,
            word_timestamps=options.word_timestamps, condition_on_previous_text=False,
            temperature=options.temperatures,
            compression_ratio_threshold=COMPRESSION_RATIO_THRESHOLD,
            logprob_threshold=LOGPROB_THRESHOLD, no_speech_threshold=NO_SPEECH_THRESHOLD,
            initial_prompt=options.initial_prompt, fp16=self._fp16, verbose=None,
        )
        return [
            Decoded(
                start=s["start"], end=s["end"], text=s["text"],
                words=tuple(DecodedWord(w["start"], w["end"], w["word"], w["probability"])
                            for w in s.get("words", ())),
                avg_logprob=s["avg_logprob"], no_speech_prob=s["no_speech_prob"],
                compression_ratio=s["compression_ratio"], temperature=s.get("temperature") or 0.0,
            )
            for s in result["segments"]
        ]


def load_engine(engine: str = DEFAULT_ENGINE, model: str | None = None, device: str = "cpu",
                compute_type: str = "default") -> AsrEngine:
    """The engine ``engine`` on ``model`` (a size name or a local path; None: the embedded
    Whisper base). Loaded once per process and reused."""
    if engine not in ENGINES:
        raise ConfigError(f"unknown ASR engine {engine!r}; choose one of {', '.join(ENGINES)}")
    return _load_engine(engine, model or "", device, compute_type)


@model_cache
def _load_engine(engine: str, model: str, device: str, compute_type: str) -> AsrEngine:
    """:func:`load_engine` with every argument given, so that one model is one cache entry."""
    from hearingproc.models import bundle

    resolved = bundle.resolve_whisper(model or None, engine)
    log.info("loading %s on %s (%s)", engine, resolved.name, resolved.path)
    if engine == "faster-whisper":
        return FasterWhisperEngine(resolved.path, resolved.name, device, compute_type,
                                   sha256=resolved.sha256)
    return OpenAIWhisperEngine(resolved.path, resolved.name, device, sha256=resolved.sha256)


def release_engines() -> None:
    """Forget every loaded engine so its memory can be freed before the next stage."""
    _load_engine.cache_clear()
