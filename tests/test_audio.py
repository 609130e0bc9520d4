"""Decoding with PyAV: every container we promise, any rate, multichannel mixed down, and
clear errors for bad input."""

from __future__ import annotations

import builtins
import os
import re
import wave
from pathlib import Path

import av
import numpy as np
import pytest

from hearingproc.audio import SAMPLE_RATE, load_audio
from hearingproc.errors import AudioError

CLIP_ID = "en_wenet_librispeech-1995-1837-0001"
LAME_QP2LAMBDA = 118  # FFmpeg's FF_QP2LAMBDA: global_quality is LAME's -V times this
# (file suffix, codec, sample rate, channels)
FORMATS = [
    (".wav", "pcm_s16le", 44_100, 2),
    (".flac", "flac", 48_000, 1),
    (".mp3", "libmp3lame", 22_050, 2),
    (".m4a", "aac", 32_000, 2),
    (".ogg", "libopus", 48_000, 2),
    (".opus", "libopus", 48_000, 1),  # Opus always runs at 48 kHz
    (".mp4", "aac", 44_100, 6),
]


@pytest.fixture(scope="module")
def reference(audio_path) -> np.ndarray:
    return load_audio(audio_path(CLIP_ID)).samples


def _encode(samples: np.ndarray, path: Path, codec: str, rate: int, channels: int,
            options: dict[str, str] | None = None, vbr_quality: int | None = None) -> None:
    """Write ``samples`` (16 kHz mono) as ``path`` through PyAV, resampled and upmixed;
    ``options`` go to the muxer, ``vbr_quality`` (LAME's -V) makes an MP3 VBR."""
    layout = {1: "mono", 2: "stereo", 6: "5.1"}[channels]
    with av.open(str(path), "w", options=options or {}) as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
        if vbr_quality is not None:
            stream.codec_context.qscale = True
            stream.codec_context.options = {"global_quality": str(vbr_quality * LAME_QP2LAMBDA)}
        fmt = stream.codec_context.codec.audio_formats[0].name
        resampler = av.AudioResampler(format=fmt, layout=layout, rate=rate)
        frame = av.AudioFrame.from_ndarray(samples[None, :].astype(np.float32), format="flt",
                                           layout="mono")
        frame.sample_rate = SAMPLE_RATE
        frames = resampler.resample(frame) + resampler.resample(None)
        for out in frames:
            out.pts = None
            for packet in stream.encode(out):
                container.mux(packet)
        for packet in stream.encode(None):
            container.mux(packet)


def _similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Peak normalised cross-correlation over small lags (codecs add a few ms of delay)."""
    n = min(len(a), len(b))
    a, b = a[:n], b[:n]
    spectrum = np.fft.rfft(a, 2 * n) * np.conj(np.fft.rfft(b, 2 * n))
    corr = np.fft.irfft(spectrum)
    lags = np.concatenate([corr[: SAMPLE_RATE // 10], corr[-SAMPLE_RATE // 10:]])
    return float(np.max(lags) / (np.linalg.norm(a) * np.linalg.norm(b)))


@pytest.mark.parametrize("suffix,codec,rate,channels", FORMATS)
def test_decodes_every_container(tmp_path, reference, suffix, codec, rate, channels):
    path = tmp_path / f"clip{suffix}"
    _encode(reference, path, codec, rate, channels)
    audio = load_audio(path)
    assert audio.source_sample_rate == rate
    assert audio.source_channels == channels
    assert audio.samples.dtype == np.float32 and audio.samples.ndim == 1
    assert abs(audio.duration - len(reference) / SAMPLE_RATE) < 0.15
    assert _similarity(audio.samples, reference) > 0.9


def test_stereo_is_mixed_down(shared_data):
    audio = load_audio(shared_data / "audio" / "en_faster-whisper_stereo_diarization.wav")
    assert audio.source_channels == 2
    with wave.open(str(shared_data / "audio" / "en_faster-whisper_stereo_diarization.wav")) as w:
        raw = np.frombuffer(w.readframes(w.getnframes()), np.int16).reshape(-1, 2) / 32768.0
    expected = raw.mean(axis=1)
    assert np.max(np.abs(audio.samples[: len(expected)] - expected)) < 1e-3


def test_recording_id_is_content_hash(tmp_path, audio_path):
    source = audio_path(CLIP_ID)
    copy = tmp_path / "renamed.wav"
    copy.write_bytes(source.read_bytes())
    assert load_audio(copy).sha256 == load_audio(source).sha256


def _wav_bytes(samples: np.ndarray) -> bytes:
    import io

    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(SAMPLE_RATE)
        w.writeframes((samples * 32767).astype(np.int16).tobytes())
    return buffer.getvalue()


BAD_INPUTS = {
    "empty.wav": lambda ref: b"",
    "zero_length.wav": lambda ref: _wav_bytes(np.zeros(0, np.float32)),
    "notes.wav": lambda ref: b"These are my hearing notes, not audio.\n" * 20,
    "corrupt.mp3": lambda ref: bytes(np.random.default_rng(0).integers(0, 256, 20_000, np.uint8)),
    "truncated.wav": lambda ref: _wav_bytes(ref)[:30],
}


@pytest.mark.parametrize("name", sorted(BAD_INPUTS))
def test_bad_input_names_file(tmp_path, reference, name):
    path = tmp_path / name
    path.write_bytes(BAD_INPUTS[name](reference))
    with pytest.raises(AudioError) as caught:
        load_audio(path)
    message = str(caught.value)
    assert str(path) in message and "\n" not in message


def test_truncated_compressed_file_is_refused(tmp_path, reference):
    whole = tmp_path / "whole.flac"
    _encode(reference, whole, "flac", 16_000, 1)
    cut = tmp_path / "cut.flac"
    cut.write_bytes(whole.read_bytes()[: whole.stat().st_size // 2])
    with pytest.raises(AudioError, match="truncated"):
        load_audio(cut)


def test_missing_path_and_directory(tmp_path):
    with pytest.raises(AudioError, match="no such file"):
        load_audio(tmp_path / "absent.wav")
    with pytest.raises(AudioError, match="is a directory"):
        load_audio(tmp_path)


def _cut(path: Path, fraction: float) -> Path:
    """The first ``fraction`` of ``path``'s bytes, as an upload stopped there leaves them."""
    cut = path.with_name(f"cut_{path.name}")
    data = path.read_bytes()
    cut.write_bytes(data[: int(len(data) * fraction)])
    return cut


# A whole file of each container that declares its length, and how it is cut: (suffix, codec,
# rate, channels, muxer options). FLAC is cut at a frame boundary, where nothing fails to
# decode (a cut inside a frame is test_truncated_compressed_file_is_refused).
DECLARED = [
    (".mp3", "libmp3lame", 22_050, 2, {}),  # Xing frame count (PyAV writes one)
    (".mp3", "libmp3lame", 16_000, 1, {}),  # MPEG-2: 576 samples a frame
    (".flac", "flac", 16_000, 1, {}),  # STREAMINFO total samples
    (".m4a", "aac", 32_000, 2, {"movflags": "faststart"}),  # moov first: the cut part plays
    (".mka", "libopus", 48_000, 2, {}),  # Matroska Duration
    (".aiff", "pcm_s16be", 16_000, 1, {}),  # COMM sample frames
]


@pytest.mark.parametrize("suffix,codec,rate,channels,options", DECLARED)
def test_cut_file_is_refused_as_truncated(tmp_path, reference, suffix, codec, rate, channels,
                                          options):
    """Issue 20: half an MP3 decoded to 4.4 s of an 8.7 s file with no error."""
    whole = tmp_path / f"whole{suffix}"
    _encode(reference, whole, codec, rate, channels, options)
    assert abs(load_audio(whole).duration - len(reference) / SAMPLE_RATE) < 0.15  # no alarm
    cut = _cut(whole, 0.5)
    if suffix == ".flac":
        data = whole.read_bytes()
        cut.write_bytes(data[: data.index(b"\xff\xf8", len(data) // 2)])  # a frame's sync code
    with pytest.raises(AudioError, match="audio is truncated") as caught:
        load_audio(cut)
    message = str(caught.value)
    assert message.startswith(f"{cut}: ")
    if suffix != ".m4a":  # a cut AAC packet fails to decode ("decoding stopped at ...")
        assert re.search(r"\(decoded [3-5]\.\d s of the [89]\.\d s the header declares\)$",
                         message), message


def _wav_with_chunk_before_data(samples: np.ndarray, chunk: bytes, size: int) -> bytes:
    """A WAV whose samples come after a ``chunk`` (e.g. LIST metadata) of ``size`` bytes."""
    plain = _wav_bytes(samples)
    fmt_end = 12 + 8 + int.from_bytes(plain[16:20], "little")
    extra = chunk + size.to_bytes(4, "little") + b"\0" * size
    body = plain[12:fmt_end] + extra + plain[fmt_end:]
    return b"RIFF" + (4 + len(body)).to_bytes(4, "little") + b"WAVE" + body


def test_truncated_wav_with_a_large_chunk_before_its_samples(tmp_path, reference):
    """Issue 20: the data chunk header was looked for in the first 4 KiB only."""
    whole = tmp_path / "hearing.wav"
    whole.write_bytes(_wav_with_chunk_before_data(reference, b"LIST", 64 * 1024))
    assert abs(load_audio(whole).duration - len(reference) / SAMPLE_RATE) < 0.01
    cut = _cut(whole, 0.6)
    with pytest.raises(AudioError, match=r"audio is truncated \(decoded ") as caught:
        load_audio(cut)
    assert str(cut) in str(caught.value)


@pytest.mark.parametrize("kind", ["mp3 without Xing, CBR", "mp3 without Xing, VBR",
                                  "streaming wav"])
def test_files_declaring_no_length_are_not_checked(tmp_path, reference, kind):
    """Where a file declares no length there is nothing to compare with: whole or cut, it
    decodes (FFmpeg's estimate from bitrate and size is seconds off for a whole VBR MP3)."""
    path = tmp_path / ("clip.wav" if "wav" in kind else "clip.mp3")
    if "wav" in kind:  # a writer that could not seek back: both sizes "unknown"
        data = bytearray(_wav_bytes(reference))
        data[4:8] = data[40:44] = b"\xff\xff\xff\xff"
        path.write_bytes(bytes(data))
    else:
        _encode(np.tile(reference, 3), path, "libmp3lame", 22_050, 1, {"write_xing": "0"},
                vbr_quality=6 if "VBR" in kind else None)
    whole = load_audio(path).duration
    assert whole > 0.9 * len(reference) / SAMPLE_RATE
    assert 0.3 * whole < load_audio(_cut(path, 0.5)).duration < 0.7 * whole


@pytest.mark.slow  # decodes every recording of ../shared/data
def test_every_recording_we_ship_decodes_whole(shared_data):
    """No false alarm on the real recordings (WAV, FLAC, Ogg/Opus) or the sample hearing."""
    sample = Path(__file__).resolve().parents[1] / "sample_audio" / "mock_hearing_es.wav"
    for path in [sample, *sorted((shared_data / "audio").iterdir())]:
        assert load_audio(path).duration > 1.0, path


def _deny_reading(monkeypatch: pytest.MonkeyPatch, path: Path) -> None:
    """Make ``path`` unreadable: its permission bits, and, for root (whom they do not stop),
    an ``open`` that refuses it as the kernel would for anyone else."""
    path.chmod(0)
    if os.geteuid() != 0:
        return
    real_open = builtins.open

    def refusing_open(file, *args, **kwargs):
        if isinstance(file, (str, Path)) and Path(file) == path:
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", refusing_open)


def test_unreadable_file_names_file(tmp_path, reference, monkeypatch):
    """Issue 20: a PermissionError escaped load_audio and stopped a whole batch."""
    path = tmp_path / "locked.wav"
    path.write_bytes(_wav_bytes(reference))
    _deny_reading(monkeypatch, path)
    with pytest.raises(AudioError, match="cannot read the file") as caught:
        load_audio(path)
    assert str(path) in str(caught.value) and "\n" not in str(caught.value)
