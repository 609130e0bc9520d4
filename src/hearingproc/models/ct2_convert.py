"""Read CTranslate2 Whisper weights and rewrite them as an openai-whisper checkpoint.

The embedded Whisper model ships as a CTranslate2 folder (``model.bin``, ``config.json``,
``tokenizer.json``, ``vocabulary.txt``). faster-whisper loads it directly; openai-whisper
needs a PyTorch checkpoint ``{"dims", "model_state_dict"}``, built here once.

``model.bin`` layout (binary version 6, all integers little-endian, strings are a uint16
length that counts a trailing NUL, the UTF-8 bytes, then the NUL)::

    uint32 version | string spec name | uint32 spec revision
    uint32 n_variables, then per variable:
        string name | uint8 rank | uint32 dim * rank | uint8 dtype id | uint32 n_bytes | data
    uint32 n_aliases, then per alias: string alias | string target variable name
"""

from __future__ import annotations

import json
import pickle
import struct
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from hearingproc._fsutil import atomic_binary
from hearingproc.errors import ModelError

if TYPE_CHECKING:
    import torch
    import whisper.model

SUPPORTED_BINARY_VERSION = 6
WHISPER_SPEC_NAME = "WhisperSpec"
CT2_MODEL_FILE = "model.bin"
CT2_CONFIG_FILE = "config.json"

_U8 = struct.Struct("<B")
_U16 = struct.Struct("<H")
_U32 = struct.Struct("<I")
# CTranslate2's DataType enum order (include/ctranslate2/types.h); bfloat16 is widened.
_DTYPE_BY_ID: dict[int, str] = {
    0: "float32",
    1: "int8",
    2: "int16",
    3: "int32",
    4: "float16",
    5: "bfloat16",
}
_BFLOAT16_SHIFT = 16


@dataclass(frozen=True)
class Ct2Model:
    """The parsed content of a CTranslate2 ``model.bin``.

    ``variables`` maps each name (aliases resolved) to a read-only array of its stored shape.
    """

    binary_version: int
    spec_name: str
    spec_revision: int
    variables: dict[str, np.ndarray]


class _Reader:
    """Sequential little-endian reader over a byte buffer that reports truncation."""

    def __init__(self, data: bytes, source: Path) -> None:
        self._data = data
        self._source = source
        self.offset = 0

    def _need(self, n_bytes: int, what: str) -> int:
        start = self.offset
        if start + n_bytes > len(self._data):
            raise ModelError(
                f"{self._source}: truncated CTranslate2 model: needs {n_bytes} bytes for "
                f"{what} at offset {start}, but the file has {len(self._data)} bytes in "
                "all; re-assemble or re-download the model"
            )
        self.offset = start + n_bytes
        return start

    def uint(self, fmt: struct.Struct, what: str) -> int:
        return int(fmt.unpack_from(self._data, self._need(fmt.size, what))[0])

    def string(self, what: str) -> str:
        length = self.uint(_U16, f"the length of {what}")
        start = self._need(length, what)
        raw = self._data[start : start + length]
        if length == 0 or raw[-1] != 0:
            raise ModelError(f"{self._source}: {what} at offset {start} is not NUL-terminated")
        return raw[:-1].decode("utf-8")

    def array(self, dtype: str, shape: tuple[int, ...], n_bytes: int, name: str) -> np.ndarray:
        start = self._need(n_bytes, f"the data of variable {name!r}")
        stored = np.uint16 if dtype == "bfloat16" else np.dtype(dtype)
        count = int(np.prod(shape, dtype=np.int64))
        if count * np.dtype(stored).itemsize != n_bytes:
            raise ModelError(
                f"{self._source}: variable {name!r} declares {n_bytes} bytes, but shape "
                f"{shape} of {dtype} needs {count * np.dtype(stored).itemsize}"
            )
        values = np.frombuffer(self._data, dtype=stored, count=count, offset=start)
        if dtype == "bfloat16":
            values = (values.astype(np.uint32) << _BFLOAT16_SHIFT).view(np.float32)
        return values.reshape(shape)

    def at_end(self) -> bool:
        return self.offset == len(self._data)


def _read_variable(reader: _Reader) -> tuple[str, np.ndarray]:
    """Read one ``name | rank | shape | dtype | n_bytes | data`` record."""
    name = reader.string("a variable name")
    rank = reader.uint(_U8, f"the rank of {name!r}")
    shape = tuple(reader.uint(_U32, f"a dimension of {name!r}") for _ in range(rank))
    type_id = reader.uint(_U8, f"the dtype of {name!r}")
    if type_id not in _DTYPE_BY_ID:
        raise ModelError(f"variable {name!r} has unknown CTranslate2 dtype id {type_id}")
    n_bytes = reader.uint(_U32, f"the byte count of {name!r}")
    return name, reader.array(_DTYPE_BY_ID[type_id], shape, n_bytes, name)


def _resolve_aliases(
    variables: dict[str, np.ndarray], aliases: dict[str, str], source: Path
) -> None:
    """Add each alias to ``variables`` as the array it names, following alias chains."""
    for alias in aliases:
        target, seen = aliases[alias], {alias}
        while target in aliases and target not in seen:
            seen.add(target)
            target = aliases[target]
        if target not in variables:
            raise ModelError(
                f"{source}: alias {alias!r} points at {aliases[alias]!r}, which is not a "
                "stored variable (or the aliases form a cycle)"
            )
        variables[alias] = variables[target]


def read_ct2_model(model_bin: Path) -> Ct2Model:
    """Parse a CTranslate2 ``model.bin`` (binary version 6) into a :class:`Ct2Model`.

    Raises :class:`ModelError` on another binary version, a truncated or padded file,
    an unknown dtype or a dangling alias.
    """
    model_bin = Path(model_bin)
    try:
        data = model_bin.read_bytes()
    except OSError as exc:
        raise ModelError(f"{model_bin}: cannot read the CTranslate2 model: {exc}") from exc
    reader = _Reader(data, model_bin)
    version = reader.uint(_U32, "the binary version")
    if version != SUPPORTED_BINARY_VERSION:
        raise ModelError(
            f"{model_bin}: CTranslate2 binary version {version} is not supported (only "
            f"{SUPPORTED_BINARY_VERSION}); re-convert the model with ctranslate2 4.x"
        )
    spec_name = reader.string("the spec name")
    revision = reader.uint(_U32, "the spec revision")
    n_variables = reader.uint(_U32, "the variable count")
    variables = dict(_read_variable(reader) for _ in range(n_variables))
    n_aliases = reader.uint(_U32, "the alias count")
    aliases = {
        reader.string("an alias"): reader.string("an alias target") for _ in range(n_aliases)
    }
    if not reader.at_end():
        raise ModelError(
            f"{model_bin}: {len(data) - reader.offset} unexpected bytes after the aliases; "
            "the file is corrupt (check its sha256)"
        )
    _resolve_aliases(variables, aliases, model_bin)
    return Ct2Model(version, spec_name, revision, variables)


def read_ct2_variables(model_bin: Path) -> dict[str, np.ndarray]:
    """Return every variable of a CTranslate2 ``model.bin`` by name, aliases resolved.

    Arrays keep their stored shape and dtype (bfloat16 is widened to float32); they are
    read-only views over the file's bytes. Scalars (e.g. ``encoder/num_heads``) have shape ().
    """
    return read_ct2_model(model_bin).variables


# --- CTranslate2 Whisper -> openai-whisper ------------------------------------------------

_QKV = ("query", "key", "value")
_KV = ("key", "value")
_BIASLESS_PROJECTION = "key"
_NORM_PARTS = {"gamma": "weight", "beta": "bias"}
_TIED_PROJECTION = "decoder/projection/weight"
_TIED_TO = "decoder/embeddings/weight"
# Per-layer (CTranslate2 scope, openai-whisper module) pairs shared by encoder and decoder.
_ScopePairs = tuple[tuple[str, str], ...]
_BLOCK_NORMS: _ScopePairs = (("self_attention/layer_norm", "attn_ln"), ("ffn/layer_norm", "mlp_ln"))
_BLOCK_LINEARS: _ScopePairs = (
    ("self_attention/linear_1", "attn.out"),
    ("ffn/linear_0", "mlp.0"),
    ("ffn/linear_1", "mlp.2"),
)
_CROSS_NORMS: _ScopePairs = (("attention/layer_norm", "cross_attn_ln"),)
_CROSS_LINEARS: _ScopePairs = (
    ("attention/linear_0", "cross_attn.query"),
    ("attention/linear_2", "cross_attn.out"),
)
# Whisper's decoder: pre-norm, GELU, unscaled embeddings (CTranslate2 flag values).
_GELU = 3  # ctranslate2.specs.common_spec.Activation.GELU
_EXPECTED_DECODER_FLAGS = {
    "decoder/pre_norm": 1,
    "decoder/scale_embeddings": 0,
    "decoder/activation": _GELU,
}
_ENCODER_POSITIONS = "encoder/position_encodings/encodings"  # [n_audio_ctx, d]
_DECODER_POSITIONS = "decoder/position_encodings/encodings"  # [n_text_ctx, d]


class _StateBuilder:
    """Moves CTranslate2 tensors into an openai-whisper state dict, tracking what is used."""

    def __init__(self, variables: dict[str, np.ndarray], source: Path) -> None:
        self.variables = variables
        self.source = source
        self.state: dict[str, torch.Tensor] = {}
        self.used: set[str] = set()

    def take(self, name: str) -> np.ndarray:
        """Return a CTranslate2 variable as float32 (a copy), marking it used."""
        if name not in self.variables:
            raise ModelError(f"{self.source}: Whisper variable {name!r} is missing")
        self.used.add(name)
        value = self.variables[name]
        if value.dtype.kind != "f":
            raise ModelError(
                f"{self.source}: {name!r} is {value.dtype} (a quantized model?); convert "
                "from a float16/float32 CTranslate2 model"
            )
        return value.astype(np.float32)

    def put(self, key: str, value: np.ndarray) -> None:
        import torch

        self.state[key] = torch.from_numpy(np.ascontiguousarray(value))

    def norm(self, ct2: str, key: str) -> None:
        """LayerNorm ``gamma``/``beta`` [d] -> ``weight``/``bias``."""
        for ct2_part, part in _NORM_PARTS.items():
            self.put(f"{key}.{part}", self.take(f"{ct2}/{ct2_part}"))

    def linear(self, ct2: str, key: str) -> None:
        """Linear ``weight`` [out, in] and ``bias`` [out], same layout in both."""
        self.put(f"{key}.weight", self.take(f"{ct2}/weight"))
        self.put(f"{key}.bias", self.take(f"{ct2}/bias"))

    def fused(self, ct2: str, key: str, names: tuple[str, ...]) -> None:
        """Split a fused projection [len(names) * d, d] into ``key.<name>`` linears, in order.

        Whisper's key projection has no bias: its slice of the fused bias must be zero.
        """
        weights = np.split(self.take(f"{ct2}/weight"), len(names), axis=0)
        biases = np.split(self.take(f"{ct2}/bias"), len(names), axis=0)
        for name, weight, bias in zip(names, weights, biases, strict=True):
            self.put(f"{key}.{name}.weight", weight)
            if name != _BIASLESS_PROJECTION:
                self.put(f"{key}.{name}.bias", bias)
            elif np.any(bias != 0):
                raise ModelError(
                    f"{self.source}: {ct2}/bias has a non-zero key slice (max |b| "
                    f"{np.abs(bias).max():.3g}); the q, k, v split order is not Whisper's"
                )


def _count_layers(variables: dict[str, np.ndarray], stack: str) -> int:
    """Number of ``{stack}/layer_N`` blocks (N counted from 0 without gaps)."""
    count = 0
    while f"{stack}/layer_{count}/ffn/linear_0/weight" in variables:
        count += 1
    return count


def _scalar(variables: dict[str, np.ndarray], name: str, source: Path) -> int:
    if name not in variables or variables[name].shape != ():
        raise ModelError(f"{source}: scalar {name!r} is missing from the Whisper model")
    return int(variables[name])


def _whisper_dims(variables: dict[str, np.ndarray], source: Path) -> dict[str, int]:
    """openai-whisper ``ModelDimensions`` fields from tensor shapes and head-count scalars.

    conv1/weight is [n_audio_state, n_mels, 3]; the position encodings are [n_ctx, d];
    the token embedding is [n_vocab, n_text_state].
    """
    try:
        audio_state, n_mels, _ = variables["encoder/conv1/weight"].shape
        audio_ctx = variables[_ENCODER_POSITIONS].shape[0]
        n_vocab, text_state = variables["decoder/embeddings/weight"].shape
        text_ctx = variables[_DECODER_POSITIONS].shape[0]
    except (KeyError, ValueError) as exc:
        raise ModelError(f"{source}: not a Whisper model ({exc!r})") from exc
    return {
        "n_mels": int(n_mels),
        "n_audio_ctx": int(audio_ctx),
        "n_audio_state": int(audio_state),
        "n_audio_head": _scalar(variables, "encoder/num_heads", source),
        "n_audio_layer": _count_layers(variables, "encoder"),
        "n_vocab": int(n_vocab),
        "n_text_ctx": int(text_ctx),
        "n_text_state": int(text_state),
        "n_text_head": _scalar(variables, "decoder/num_heads", source),
        "n_text_layer": _count_layers(variables, "decoder"),
    }


def _check_decoder_flags(variables: dict[str, np.ndarray], source: Path) -> None:
    """Refuse decoders that are not Whisper's (tied output projection, pre-norm, GELU)."""
    for name, expected in _EXPECTED_DECODER_FLAGS.items():
        if name in variables and int(variables[name]) != expected:
            raise ModelError(f"{source}: {name} is {int(variables[name])}, Whisper has {expected}")
    tied = variables.get(_TIED_PROJECTION)
    if tied is not None and not np.array_equal(tied, variables[_TIED_TO]):
        raise ModelError(f"{source}: the output projection is not tied to the embeddings")


def _whisper_state_dict(
    variables: dict[str, np.ndarray], dims: dict[str, int], source: Path
) -> dict[str, torch.Tensor]:
    """Map every CTranslate2 Whisper tensor to its openai-whisper state-dict key (float32)."""
    builder = _StateBuilder(variables, source)
    for conv in ("conv1", "conv2"):  # weight [d, c_in, 3], same layout as torch Conv1d
        builder.linear(f"encoder/{conv}", f"encoder.{conv}")
    builder.put("encoder.positional_embedding", builder.take(_ENCODER_POSITIONS))
    builder.norm("encoder/layer_norm", "encoder.ln_post")
    builder.put("decoder.token_embedding.weight", builder.take(_TIED_TO))
    builder.put("decoder.positional_embedding", builder.take(_DECODER_POSITIONS))
    builder.norm("decoder/layer_norm", "decoder.ln")
    for stack, n_layers in (("encoder", dims["n_audio_layer"]), ("decoder", dims["n_text_layer"])):
        for index in range(n_layers):
            ct2, key = f"{stack}/layer_{index}", f"{stack}.blocks.{index}"
            norms, linears = _BLOCK_NORMS, _BLOCK_LINEARS
            if stack == "decoder":
                norms, linears = norms + _CROSS_NORMS, linears + _CROSS_LINEARS
                builder.fused(f"{ct2}/attention/linear_1", f"{key}.cross_attn", _KV)
            builder.fused(f"{ct2}/self_attention/linear_0", f"{key}.attn", _QKV)
            for ct2_scope, module in norms:
                builder.norm(f"{ct2}/{ct2_scope}", f"{key}.{module}")
            for ct2_scope, module in linears:
                builder.linear(f"{ct2}/{ct2_scope}", f"{key}.{module}")
    unused = sorted(
        name for name, value in variables.items()
        if value.ndim > 0 and name not in builder.used and name != _TIED_PROJECTION
    )
    if unused:
        raise ModelError(f"{source}: tensors with no openai-whisper counterpart: {unused[:5]}")
    return builder.state


def _checked_heads(heads: Any, n_layers: int, n_heads: int, source: Path) -> list[list[int]]:
    """Validate ``[[layer, head], ...]`` against a decoder of ``n_layers`` x ``n_heads``."""
    if not heads:
        raise ModelError(f"{source}: no alignment_heads; word timestamps need them")
    try:
        pairs = [[int(layer), int(head)] for layer, head in heads]
    except (TypeError, ValueError) as exc:
        raise ModelError(f"{source}: alignment_heads is not a list of [layer, head]") from exc
    for layer, head in pairs:
        if not (0 <= layer < n_layers and 0 <= head < n_heads):
            raise ModelError(f"{source}: alignment head {[layer, head]} is out of range")
    return pairs


def _alignment_heads(ct2_dir: Path, dims: dict[str, int]) -> list[list[int]]:
    """``[[layer, head], ...]`` of the cross-attention heads used for word timestamps."""
    config_file = ct2_dir / CT2_CONFIG_FILE
    try:
        heads = json.loads(config_file.read_text(encoding="utf-8")).get("alignment_heads")
    except (OSError, ValueError) as exc:
        raise ModelError(f"{config_file}: cannot read the CTranslate2 config: {exc}") from exc
    return _checked_heads(heads, dims["n_text_layer"], dims["n_text_head"], config_file)


def _check_loads(dims: dict[str, int], state: dict[str, torch.Tensor], source: Path) -> None:
    """Load ``state`` into a fresh ``Whisper(dims)`` with strict=True (no missing/extra keys)."""
    import whisper.model

    model = whisper.model.Whisper(whisper.model.ModelDimensions(**dims))
    try:
        model.load_state_dict(state, strict=True)
    except RuntimeError as exc:
        raise ModelError(f"{source}: converted weights do not fit openai-whisper: {exc}") from exc


def _save_atomically(obj: dict[str, Any], out_file: Path) -> None:
    """``torch.save`` to a temporary file beside ``out_file``, then rename it into place."""
    import torch

    with atomic_binary(out_file) as stream:
        torch.save(obj, stream)


def convert_ct2_whisper_to_openai(ct2_dir: Path, out_file: Path) -> None:
    """Write ``out_file``: an openai-whisper checkpoint built from a CTranslate2 Whisper folder.

    The checkpoint is ``{"dims": ModelDimensions fields, "model_state_dict": float32
    tensors, "alignment_heads": [[layer, head], ...]}``; ``whisper.load_model`` reads the
    first two, :func:`load_openai_whisper` also the third. Raises :class:`ModelError` when
    the folder is not a (float) CTranslate2 Whisper model.
    """
    ct2_dir, out_file = Path(ct2_dir), Path(out_file)
    model_bin = ct2_dir / CT2_MODEL_FILE
    parsed = read_ct2_model(model_bin)
    if parsed.spec_name != WHISPER_SPEC_NAME:
        raise ModelError(f"{model_bin}: spec {parsed.spec_name!r} is not {WHISPER_SPEC_NAME!r}")
    _check_decoder_flags(parsed.variables, model_bin)
    dims = _whisper_dims(parsed.variables, model_bin)
    state = _whisper_state_dict(parsed.variables, dims, model_bin)
    _check_loads(dims, state, model_bin)
    checkpoint = {
        "dims": dims,
        "model_state_dict": state,
        "alignment_heads": _alignment_heads(ct2_dir, dims),
    }
    _save_atomically(checkpoint, out_file)


def load_openai_whisper(checkpoint: Path, device: str = "cpu") -> whisper.model.Whisper:
    """Load a converted checkpoint with ``whisper.load_model`` and set its alignment heads.

    ``whisper.load_model`` only knows alignment heads for its own named models; for a file it
    keeps the default (every head of the last half of the decoder), which misplaces word
    timestamps. The heads stored by :func:`convert_ct2_whisper_to_openai` are registered as
    the sparse [n_text_layer, n_text_head] bool buffer openai-whisper uses.
    """
    import torch
    import whisper

    checkpoint = Path(checkpoint)
    try:
        model = whisper.load_model(str(checkpoint), device=device)
        # mmap: the tensors are not read again, only the small "alignment_heads" list.
        stored = torch.load(checkpoint, map_location="cpu", weights_only=True, mmap=True)
    except (OSError, RuntimeError, KeyError, EOFError, pickle.UnpicklingError) as exc:
        raise ModelError(f"{checkpoint}: cannot load the openai-whisper checkpoint: {exc}") from exc
    dims = model.dims
    heads = _checked_heads(
        stored.get("alignment_heads"), dims.n_text_layer, dims.n_text_head, checkpoint
    )
    mask = torch.zeros(dims.n_text_layer, dims.n_text_head, dtype=torch.bool)
    mask[tuple(torch.tensor(heads, dtype=torch.long).T)] = True
    model.register_buffer("alignment_heads", mask.to_sparse().to(model.device), persistent=False)
    return model
