"""Voice activity: where in the recording there is speech (Silero VAD, shipped with
faster-whisper as an ONNX file, so no extra weights).

Whisper only ever sees speech: long silences never reach the decoder, which removes the
commonest source of invented text. Speech is cut at pauses so that each stretch can get its
own language.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from hearingproc.audio import SAMPLE_RATE


@dataclass(frozen=True)
class VadOptions:
    threshold: float = 0.5  # Silero speech probability above which a frame is speech
    min_silence_s: float = 0.4  # a pause at least this long ends a speech chunk
    min_speech_s: float = 0.25  # shorter chunks are dropped (clicks, coughs)
    pad_s: float = 0.4  # context kept on each side (halved where two chunks are closer)
    max_chunk_s: float = 30.0  # longer chunks are split at their longest inner pause

    def __post_init__(self) -> None:
        if not 0.0 < self.threshold < 1.0:
            raise ValueError(f"VAD threshold must be in (0, 1), got {self.threshold}")
        if self.max_chunk_s <= 2 * self.pad_s + 1.0:
            raise ValueError(f"max_chunk_s={self.max_chunk_s} is too short")


@dataclass(frozen=True, order=True)
class Span:
    """A stretch of the recording, in seconds."""

    start: float
    end: float

    @property
    def duration(self) -> float:
        return self.end - self.start


def detect_speech(samples: np.ndarray, options: VadOptions = VadOptions()) -> list[Span]:
    """Speech chunks of ``samples`` (16 kHz mono float32), in time order."""
    from faster_whisper.vad import VadOptions as SileroOptions
    from faster_whisper.vad import get_speech_timestamps

    if len(samples) == 0:
        return []
    silero = SileroOptions(
        threshold=options.threshold,
        min_speech_duration_ms=int(options.min_speech_s * 1000),
        max_speech_duration_s=options.max_chunk_s,
        min_silence_duration_ms=int(options.min_silence_s * 1000),
        speech_pad_ms=int(options.pad_s * 1000),
    )
    chunks = get_speech_timestamps(samples, silero, sampling_rate=SAMPLE_RATE)
    return [Span(c["start"] / SAMPLE_RATE, c["end"] / SAMPLE_RATE) for c in chunks]
