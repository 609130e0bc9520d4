"""Decode recordings once, to 16 kHz mono float32, with PyAV (its wheels carry FFmpeg).

Every later stage takes the decoded :class:`Audio`, never the file again. The recording id
is the SHA-256 of the source bytes, so a renamed copy of a recording is recognised.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import av
import numpy as np

from hearingproc._fsutil import sha256_of_file
from hearingproc.errors import AudioError

SAMPLE_RATE = 16_000  # Hz; what Whisper and pyannote expect
MIN_DURATION_S = 0.01  # anything shorter holds no speech worth decoding
WAV_HEADER_SCAN_BYTES = 4096  # the data chunk header lies within this in any sane WAV
WAV_UNKNOWN_SIZES = (0, 0xFFFFFFFF)  # what streaming writers put when the size is unknown


@dataclass(frozen=True)
class Audio:
    """A decoded recording.

    ``samples`` has shape ``(n_samples,)``, float32 in [-1, 1], at :data:`SAMPLE_RATE`.
    """

    samples: np.ndarray = field(repr=False)
    sha256: str  # of the source file's bytes: the recording id
    source: str  # path as given
    source_sample_rate: int  # Hz, before resampling
    source_channels: int  # before the mix-down to mono
    source_format: str  # container name as PyAV reports it

    @property
    def duration(self) -> float:
        """Length in seconds."""
        return len(self.samples) / SAMPLE_RATE

    def clip(self, start: float, end: float) -> np.ndarray:
        """Samples between ``start`` and ``end`` seconds (clamped to the recording)."""
        first = max(0, int(round(start * SAMPLE_RATE)))
        last = min(len(self.samples), int(round(end * SAMPLE_RATE)))
        return self.samples[first:max(first, last)]


def _check_path(path: Path) -> None:
    if not path.exists():
        raise AudioError(f"{path}: no such file")
    if path.is_dir():
        raise AudioError(f"{path}: is a directory, not an audio file")
    if path.stat().st_size == 0:
        raise AudioError(f"{path}: file is empty (0 bytes)")


def _decode_stream(container: av.container.InputContainer, path: Path) -> tuple[np.ndarray, int, int]:
    """Decode the first audio stream; returns (mono 16 kHz samples, source rate, channels)."""
    if not container.streams.audio:
        raise AudioError(f"{path}: contains no audio stream")
    stream = container.streams.audio[0]
    # Resample with the channel layout kept, then average the channels: FFmpeg's own stereo
    # downmix scales by 1/sqrt(2) and can clip; an average cannot, whatever each mic holds.
    resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
    pieces: list[np.ndarray] = []
    rate = stream.codec_context.sample_rate or 0
    channels = stream.codec_context.channels or 0
    try:
        for frame in container.decode(stream):
            rate = frame.sample_rate or rate
            channels = len(frame.layout.channels) or channels
            for out in resampler.resample(frame):
                pieces.append(out.to_ndarray().mean(axis=0))
    except av.error.FFmpegError as exc:
        if not pieces:
            raise
        done = sum(len(p) for p in pieces) / SAMPLE_RATE
        declared = f" of {container.duration / av.time_base:.1f} s" if container.duration else ""
        raise AudioError(f"{path}: audio is truncated or corrupt (decoding stopped at {done:.1f} s"
                         f"{declared}: {_reason(exc)})") from exc
    for out in resampler.resample(None):  # flush what the resampler holds back
        pieces.append(out.to_ndarray().mean(axis=0))
    samples = np.concatenate(pieces).astype(np.float32) if pieces else np.zeros(0, np.float32)
    return samples, rate, channels


def _check_wav_length(path: Path) -> None:
    """A RIFF/WAVE file whose data chunk claims more bytes than the file holds was cut short
    (FFmpeg would silently decode the part that is there)."""
    with open(path, "rb") as handle:
        header = handle.read(WAV_HEADER_SCAN_BYTES)
    if header[:4] != b"RIFF" or header[8:12] != b"WAVE":
        return
    offset = 12
    while offset + 8 <= len(header):
        chunk, size = header[offset:offset + 4], int.from_bytes(header[offset + 4:offset + 8], "little")
        if chunk == b"data":
            available = path.stat().st_size - (offset + 8)
            if size not in WAV_UNKNOWN_SIZES and available < size:
                raise AudioError(f"{path}: audio is truncated (WAV header declares {size} bytes "
                                 f"of samples, the file holds {available})")
            return
        offset += 8 + size + (size & 1)


def load_audio(path: str | Path) -> Audio:
    """Decode ``path`` (WAV, FLAC, MP3, M4A/AAC, OGG/Opus, MP4, ...) to 16 kHz mono.

    Multichannel audio is mixed down to mono; any sample rate is resampled. Raises
    :class:`AudioError` naming the file when it is missing, empty, not audio, corrupt or
    holds no samples.
    """
    path = Path(path)
    _check_path(path)
    _check_wav_length(path)
    try:
        with av.open(str(path), mode="r") as container:
            samples, rate, channels = _decode_stream(container, path)
            container_name = container.format.name
    except AudioError:
        raise
    except (av.error.FFmpegError, ValueError, EOFError, IndexError) as exc:
        raise AudioError(f"{path}: cannot decode audio ({_reason(exc)})") from exc
    if len(samples) < MIN_DURATION_S * SAMPLE_RATE:
        raise AudioError(f"{path}: audio has zero length (no samples decoded)")
    if not np.all(np.isfinite(samples)):
        raise AudioError(f"{path}: decoded audio contains NaN or infinite samples")
    return Audio(
        samples=np.clip(samples, -1.0, 1.0),
        sha256=sha256_of_file(path),
        source=str(path),
        source_sample_rate=int(rate),
        source_channels=int(channels),
        source_format=container_name,
    )


def _reason(exc: BaseException) -> str:
    """A short, one-line reason from a decoder exception."""
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return " ".join(str(text).split())
