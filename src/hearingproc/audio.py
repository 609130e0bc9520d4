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
from hearingproc._heap import return_free_memory
from hearingproc.errors import AudioError

SAMPLE_RATE = 16_000  # Hz; what Whisper and pyannote expect
MIN_DURATION_S = 0.01  # anything shorter holds no speech worth decoding
TRUNCATED = "audio is truncated"  # opens every truncation message; the inbox watcher looks for it
# A decode this much shorter than the header's length is a cut file. Codecs legitimately
# decode a little less than their container declares: Opus drops its pre-skip (6.5 ms), MP3
# the encoder delay and end padding its Xing frame count includes (two or three frames: 0.07 s
# measured at 16 kHz, at most about 0.2 s at 8 kHz). Half a second is above all of those and
# holds at most a syllable, while a stalled or cut upload loses far more.
TRUNCATION_TOLERANCE_S = 0.5
WAV_UNKNOWN_SIZES = (0, 0xFFFFFFFF)  # what streaming writers put when the size is unknown
# Containers whose length FFmpeg reads from a header or index written with the file (FLAC
# STREAMINFO, MP4 moov, Matroska Duration, AIFF COMM) or from the last page (Ogg: a cut Ogg
# declares what it holds, so only a cut inside a page shows). Formats FFmpeg can only guess a
# length for from bitrate and file size (raw ADTS AAC, MP3 without a Xing/VBRI frame count)
# are not here: a guess shrinks with the file, and for VBR it misses a whole file by seconds.
DECLARED_LENGTH_FORMATS = ("flac", "ogg", "mov,mp4,m4a,3gp,3g2,mj2", "matroska,webm", "aiff")
MP3_SCAN_BYTES = 1 << 16  # the first MPEG frame starts within this after any ID3v2 tag
MP3_SAMPLE_RATES = {3: (44_100, 48_000, 32_000), 2: (22_050, 24_000, 16_000),
                    0: (11_025, 12_000, 8_000)}  # MPEG version bits -> rate by rate index


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
    try:
        if not path.exists():
            raise AudioError(f"{path}: no such file")
        if path.is_dir():
            raise AudioError(f"{path}: is a directory, not an audio file")
        if path.stat().st_size == 0:
            raise AudioError(f"{path}: file is empty (0 bytes)")
        with open(path, "rb") as handle:  # FFmpeg would report an unreadable file as not audio
            handle.read(1)
    except OSError as exc:
        raise AudioError(f"{path}: cannot read the file ({_reason(exc)}); check its "
                         f"permissions") from exc


def _truncated(path: Path, decoded_s: float, declared_s: float) -> AudioError:
    return AudioError(f"{path}: {TRUNCATED} (decoded {decoded_s:.1f} s of the "
                      f"{declared_s:.1f} s the header declares)")


def _decode_stream(container: av.container.InputContainer,
                   path: Path) -> tuple[np.ndarray, int, int, float]:
    """Decode the first audio stream; returns (mono 16 kHz samples, source rate, channels,
    seconds decoded at the source rate)."""
    if not container.streams.audio:
        raise AudioError(f"{path}: contains no audio stream")
    stream = container.streams.audio[0]
    # Resample with the channel layout kept, then average the channels: FFmpeg's own stereo
    # downmix scales by 1/sqrt(2) and can clip; an average cannot, whatever each mic holds.
    resampler = av.AudioResampler(format="fltp", rate=SAMPLE_RATE)
    pieces: list[np.ndarray] = []
    rate = stream.codec_context.sample_rate or 0
    channels = stream.codec_context.channels or 0
    decoded_s = 0.0
    try:
        for frame in container.decode(stream):
            rate = frame.sample_rate or rate
            channels = len(frame.layout.channels) or channels
            decoded_s += frame.samples / rate if rate else 0.0
            for out in resampler.resample(frame):
                pieces.append(out.to_ndarray().mean(axis=0))
    except av.error.FFmpegError as exc:
        if not pieces:
            raise
        done = sum(len(p) for p in pieces) / SAMPLE_RATE
        declared = f" of {container.duration / av.time_base:.1f} s" if container.duration else ""
        raise AudioError(f"{path}: {TRUNCATED} or corrupt (decoding stopped at {done:.1f} s"
                         f"{declared}: {_reason(exc)})") from exc
    for out in resampler.resample(None):  # flush what the resampler holds back
        pieces.append(out.to_ndarray().mean(axis=0))
    if not pieces:
        return np.zeros(0, np.float32), rate, channels, decoded_s
    return np.concatenate(pieces).astype(np.float32, copy=False), rate, channels, decoded_s


def _check_wav_length(path: Path) -> None:
    """A RIFF/WAVE (or RF64) file whose data chunk claims more bytes than the file holds was
    cut short: FFmpeg would silently decode the part that is there, and reports the length of
    that part as the file's. Every chunk header is visited (a LIST or padding chunk before the
    samples can be any size), by seeking, so an hour of samples is never read here."""
    size_of_file = path.stat().st_size
    with open(path, "rb") as handle:
        header = handle.read(12)
        if header[:4] not in (b"RIFF", b"RF64", b"BW64") or header[8:12] != b"WAVE":
            return
        offset, byte_rate, data_size_64 = 12, 0, None
        while offset + 8 <= size_of_file:
            handle.seek(offset)
            chunk = handle.read(8)
            name, size = chunk[:4], int.from_bytes(chunk[4:8], "little")
            if name == b"ds64":  # RF64: the real sizes, 64-bit
                data_size_64 = int.from_bytes(handle.read(16)[8:16], "little")
            elif name == b"fmt ":
                byte_rate = int.from_bytes(handle.read(12)[8:12], "little")
            elif name == b"data":
                if size == 0xFFFFFFFF and data_size_64:
                    size = data_size_64
                available = size_of_file - (offset + 8)
                if size not in WAV_UNKNOWN_SIZES and available < size:
                    if byte_rate:
                        raise _truncated(path, available / byte_rate, size / byte_rate)
                    raise AudioError(f"{path}: {TRUNCATED} (WAV header declares {size} bytes "
                                     f"of samples, the file holds {available})")
                return
            offset += 8 + size + (size & 1)


def _mp3_declared_s(path: Path) -> float | None:
    """Seconds an MP3 declares in a Xing/Info or VBRI header (frames x samples per frame),
    or None when it has no frame count.

    Without one, FFmpeg estimates the length from the first frame's bitrate and the file size:
    for a cut CBR file the estimate shrinks with the file (4.5 s for half of a 9 s file,
    which decodes 4.5 s), and for a whole VBR file it can be seconds off (31.6 s for a file
    decoding 30.1 s). So only a frame count is a declared length; FFmpeg does not say which
    it used, hence this reading of the header.
    """
    with open(path, "rb") as handle:
        head = handle.read(10)
        start = 0
        if head[:3] == b"ID3" and len(head) == 10:  # ID3v2: 28-bit syncsafe size, then footer
            start = 10 + sum((head[6 + i] & 0x7F) << (21 - 7 * i) for i in range(4))
            start += 10 if head[5] & 0x10 else 0
        handle.seek(start)
        data = handle.read(MP3_SCAN_BYTES)
    at = data.find(b"\xff")
    while 0 <= at and at + 4 <= len(data):
        b1, b2, b3 = data[at + 1], data[at + 2], data[at + 3]
        version, layer, rate_index = (b1 >> 3) & 3, (b1 >> 1) & 3, (b2 >> 2) & 3
        if (b1 & 0xE0 == 0xE0 and version != 1 and layer == 1 and rate_index != 3
                and b2 >> 4 not in (0, 15)):  # a Layer III frame header with a real bitrate
            break
        at = data.find(b"\xff", at + 1)
    else:
        return None
    rate = MP3_SAMPLE_RATES[version][rate_index]
    samples_per_frame = 1152 if version == 3 else 576
    mono = b3 >> 6 == 3
    side_info = (17 if mono else 32) if version == 3 else (9 if mono else 17)
    xing = at + 4 + side_info
    frames = 0
    if data[xing:xing + 4] in (b"Xing", b"Info"):
        if int.from_bytes(data[xing + 4:xing + 8], "big") & 1:  # flag: frame count present
            frames = int.from_bytes(data[xing + 8:xing + 12], "big")
    elif data[at + 36:at + 40] == b"VBRI":
        frames = int.from_bytes(data[at + 50:at + 54], "big")
    return frames * samples_per_frame / rate if frames else None


def _declared_s(container: av.container.InputContainer, path: Path) -> float | None:
    """The length of the first audio stream as the file declares it, or None where it
    declares none (see DECLARED_LENGTH_FORMATS; WAV is checked before decoding)."""
    name = container.format.name
    if name == "mp3":
        return _mp3_declared_s(path)
    if name not in DECLARED_LENGTH_FORMATS:
        return None
    stream = container.streams.audio[0]
    if stream.duration and stream.time_base:
        return float(stream.duration * stream.time_base)
    if container.duration and len(container.streams) == 1:  # else a video track's may count
        return container.duration / av.time_base
    return None


def load_audio(path: str | Path) -> Audio:
    """Decode ``path`` (WAV, FLAC, MP3, M4A/AAC, OGG/Opus, MP4, ...) to 16 kHz mono.

    Multichannel audio is mixed down to mono; any sample rate is resampled. Raises
    :class:`AudioError` naming the file when it is missing, unreadable, empty, not audio,
    corrupt, holds no samples, or is truncated: it decodes more than TRUNCATION_TOLERANCE_S
    less than its header declares (a cut or half-uploaded file would otherwise be
    transcribed in part, without a word said about the rest).
    """
    path = Path(path)
    _check_path(path)
    _check_wav_length(path)
    try:
        with av.open(str(path), mode="r") as container:
            samples, rate, channels, decoded_s = _decode_stream(container, path)
            container_name = container.format.name
            declared_s = _declared_s(container, path)
    except AudioError:
        raise
    except (av.error.FFmpegError, ValueError, EOFError, IndexError) as exc:
        raise AudioError(f"{path}: cannot decode audio ({_reason(exc)})") from exc
    if declared_s is not None and decoded_s < declared_s - TRUNCATION_TOLERANCE_S:
        raise _truncated(path, decoded_s, declared_s)
    if len(samples) < MIN_DURATION_S * SAMPLE_RATE:
        raise AudioError(f"{path}: audio has zero length (no samples decoded)")
    if not np.all(np.isfinite(samples)):
        raise AudioError(f"{path}: decoded audio contains NaN or infinite samples")
    np.clip(samples, -1.0, 1.0, out=samples)
    # the decode's frames (thousands of small arrays) are free now: hand their pages back, or
    # they stay resident under every stage (40 minutes: 363 MiB resident for 150 of samples)
    return_free_memory()
    return Audio(
        samples=samples,
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
