"""Decoding with PyAV: every container we promise, any rate, multichannel mixed down, and
clear errors for bad input."""

from __future__ import annotations

import wave
from pathlib import Path

import av
import numpy as np
import pytest

from hearingproc.audio import SAMPLE_RATE, load_audio
from hearingproc.errors import AudioError

CLIP_ID = "en_wenet_librispeech-1995-1837-0001"
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


def _encode(samples: np.ndarray, path: Path, codec: str, rate: int, channels: int) -> None:
    """Write ``samples`` (16 kHz mono) as ``path`` through PyAV, resampled and upmixed."""
    layout = {1: "mono", 2: "stereo", 6: "5.1"}[channels]
    with av.open(str(path), "w") as container:
        stream = container.add_stream(codec, rate=rate, layout=layout)
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
