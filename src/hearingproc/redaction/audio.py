"""The redacted recording: the source decoded as it is (its own sample rate and channels, no
resampling or mix-down), digital silence over each span to hide, every other sample as it
was, written as WAV with PyAV (16-bit PCM for sources of 16 bits or fewer, 32-bit float for
deeper and lossy ones, whose decoders give float). Frame by frame: a hearing of hours needs
no more memory than a minute."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import av
import numpy as np

from hearingproc.errors import AudioError

WAV_NAME = "recording.redacted.wav"  # the redacted audio in the redacted copy's folder
# layouts for sources that declare only a channel count (FFmpeg reads "3c" as 3 channels)
_DEFAULT_LAYOUTS = {1: "mono", 2: "stereo"}
S16_FULL_SCALE = 32768  # int16 = round(float * 32768), clipped, as FFmpeg converts


def sample_range(start: float, end: float, rate: int) -> tuple[int, int]:
    """The samples a span of seconds covers: every sample it touches."""
    return max(0, int(np.floor(start * rate))), int(np.ceil(end * rate))


def silence(samples: np.ndarray, offset: int, rate: int,
            spans: Sequence[tuple[float, float]]) -> np.ndarray:
    """``samples`` ([channels, n], the first at sample ``offset`` of the recording) with every
    span (seconds) set to zero."""
    for start, end in spans:
        first, last = sample_range(start, end, rate)
        first, last = max(first - offset, 0), min(last - offset, samples.shape[1])
        if first < last:
            samples[:, first:last] = 0.0
    return samples


def _frames(container: Any, stream: Any) -> Iterator[np.ndarray]:
    """The stream's samples as float32 [channels, n] pieces, at its own rate and layout."""
    resampler = av.AudioResampler(format="fltp")
    for frame in container.decode(stream):
        for out in resampler.resample(frame):
            yield out.to_ndarray().astype(np.float32)
    for out in resampler.resample(None):
        yield out.to_ndarray().astype(np.float32)


def _packed(samples: np.ndarray, sample_format: str) -> np.ndarray:
    """[channels, n] float32 -> [1, n * channels] interleaved, in ``sample_format``."""
    if sample_format == "s16":
        scaled = np.round(samples.astype(np.float64) * S16_FULL_SCALE)
        samples = np.clip(scaled, -S16_FULL_SCALE, S16_FULL_SCALE - 1).astype(np.int16)
    return np.ascontiguousarray(samples.T.reshape(1, -1))


def write_redacted_audio(source: Path, target: Path,
                         spans: Sequence[tuple[float, float]]) -> None:
    """Decode ``source``, silence ``spans`` (seconds) and write the result to ``target``."""
    try:
        with av.open(str(source)) as container:
            if not container.streams.audio:
                raise AudioError(f"{source}: contains no audio stream")
            stream = container.streams.audio[0]
            context = stream.codec_context
            bits = context.format.bits if context.format else 16
            codec, sample_format = ("pcm_s16le", "s16") if bits <= 16 else ("pcm_f32le", "flt")
            layout = context.layout.name or _DEFAULT_LAYOUTS.get(context.channels,
                                                                  f"{context.channels}c")
            written = _write(_frames(container, stream), target, context.sample_rate, layout,
                             codec, sample_format, spans)
    except av.error.FFmpegError as exc:
        raise AudioError(f"{source}: cannot decode audio ({exc})") from exc
    if written == 0:
        raise AudioError(f"{source}: audio has zero length (no samples decoded)")


def _write(pieces: Iterator[np.ndarray], target: Path, rate: int, layout: str, codec: str,
           sample_format: str, spans: Sequence[tuple[float, float]]) -> int:
    """Encode ``pieces`` with ``spans`` silenced into the WAV ``target``; samples written."""
    offset = 0
    with av.open(str(target), mode="w", format="wav") as output:
        encoder: Any = output.add_stream(codec, rate=rate, layout=layout)
        for piece in pieces:
            piece = silence(piece, offset, rate, spans)
            frame = av.AudioFrame.from_ndarray(_packed(piece, sample_format),
                                               format=sample_format, layout=layout)
            frame.sample_rate = rate
            frame.pts = offset
            for packet in encoder.encode(frame):
                output.mux(packet)
            offset += piece.shape[1]
        for packet in encoder.encode(None):
            output.mux(packet)
    return offset
