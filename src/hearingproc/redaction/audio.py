"""The redacted recording: the source decoded as it is (its own sample rate and channels, no
resampling or mix-down), digital silence over each span to hide, every other sample as it
was, written as WAV with PyAV (16-bit PCM for sources of 16 bits or fewer and lossy codecs,
32-bit float otherwise)."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import av
import numpy as np

from hearingproc.errors import AudioError

WAV_NAME = "recording.redacted.wav"  # the redacted audio in the redacted copy's folder
FRAME = 4096  # samples per encoded frame


def _decode(path: Path) -> tuple[np.ndarray, int, str]:
    """(samples [channels, n] float32, sample rate, channel layout name) of the first audio
    stream, decoded at its own rate and channels."""
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                raise AudioError(f"{path}: contains no audio stream")
            stream = container.streams.audio[0]
            resampler = av.AudioResampler(format="fltp")  # same rate and layout, float planes
            pieces, rate, layout = [], stream.codec_context.sample_rate, ""
            for frame in container.decode(stream):
                rate, layout = frame.sample_rate, frame.layout.name
                pieces += [out.to_ndarray() for out in resampler.resample(frame)]
            pieces += [out.to_ndarray() for out in resampler.resample(None)]
            bits = stream.codec_context.format.bits if stream.codec_context.format else 16
    except av.error.FFmpegError as exc:
        raise AudioError(f"{path}: cannot decode audio ({exc})") from exc
    if not pieces:
        raise AudioError(f"{path}: audio has zero length (no samples decoded)")
    codec = "pcm_s16le" if bits <= 16 else "pcm_f32le"
    return np.concatenate(pieces, axis=1).astype(np.float32), int(rate), f"{layout}:{codec}"


def silence(samples: np.ndarray, rate: int, spans: Sequence[tuple[float, float]]) -> np.ndarray:
    """A copy of ``samples`` ([channels, n]) with every span (seconds) set to zero."""
    out = samples.copy()
    for start, end in spans:
        first = max(0, int(np.floor(start * rate)))
        last = min(out.shape[1], int(np.ceil(end * rate)))
        out[:, first:max(first, last)] = 0.0
    return out


def write_redacted_audio(source: Path, target: Path,
                         spans: Sequence[tuple[float, float]]) -> None:
    """Decode ``source``, silence ``spans`` and write the result to ``target`` (WAV)."""
    samples, rate, described = _decode(source)
    layout, codec = described.split(":")
    samples = silence(samples, rate, spans)
    with av.open(str(target), mode="w", format="wav") as container:
        stream: Any = container.add_stream(codec, rate=rate, layout=layout)
        sample_format = "s16" if codec == "pcm_s16le" else "flt"
        for begin in range(0, samples.shape[1], FRAME):
            chunk = samples[:, begin:begin + FRAME]
            if sample_format == "s16":
                packed = np.round(np.clip(chunk, -1.0, 32767 / 32768) * 32768).astype(np.int16)
            else:
                packed = chunk
            frame = av.AudioFrame.from_ndarray(np.ascontiguousarray(packed.T.reshape(1, -1)),
                                               format=sample_format, layout=layout)
            frame.sample_rate = rate
            for packet in stream.encode(frame):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)
